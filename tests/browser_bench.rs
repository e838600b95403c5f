//! Browser benchmarks of the engine in headless Chromium, for the README's Performance table.
//! They print figures and assert nothing, so they are ignored by the test run. Run them with:
//!
//! ```text
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --include-ignored
//! ```
#![cfg(target_arch = "wasm32")]

use convstep::engine::{
    Activation, Conv, ConvSpec, Padding, Pipeline, PoolKind, Sides, StageSpec, Stepper, Weights,
    WindowSpec,
    fill::{RandomKind, random},
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn padding_1() -> ConvSpec {
    ConvSpec {
        padding: Padding::Explicit(Sides::uniform(1)),
        ..ConvSpec::default()
    }
}

#[wasm_bindgen_test]
#[ignore]
fn vgg16_conv1_1_full_forward_on_a_224_rgb_image() {
    let input = random((3, 224, 224), RandomKind::Normal, 1);
    let weights: Weights = random((64, 3, 3, 3), RandomKind::Normal, 2);
    let conv = Conv::new(input, weights, Some(vec![0.0; 64]), padding_1()).expect("valid");
    conv.forward();
    let times: Vec<f64> = (0..15)
        .map(|_| {
            let start = now();
            std::hint::black_box(conv.forward());
            now() - start
        })
        .collect();
    console_log!(
        "conv1_1 full forward, 224×224 RGB → 64 maps: median {:.1} ms",
        median(times)
    );
}

#[wasm_bindgen_test]
#[ignore]
fn wasm_heap_for_a_512_rgb_block() {
    let input = random((3, 512, 512), RandomKind::Normal, 1);
    let weights: Weights = random((8, 3, 3, 3), RandomKind::Normal, 2);
    let pipeline = Pipeline::new(
        input,
        vec![
            StageSpec::Conv {
                weights,
                bias: None,
                spec: padding_1(),
            },
            StageSpec::Activation(Activation::Relu),
            StageSpec::Pool {
                window: WindowSpec {
                    kernel: [2, 2],
                    stride: [2, 2],
                    ..WindowSpec::default()
                },
                kind: PoolKind::Max,
            },
        ],
    )
    .expect("valid");
    std::hint::black_box(pipeline.total_steps());
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let bytes = memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    console_log!(
        "wasm heap with a 512×512 RGB conv(8) → ReLU → max-pool block: {:.1} MB",
        f64::from(bytes) / 1024.0 / 1024.0
    );
}
