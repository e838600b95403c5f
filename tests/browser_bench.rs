//! Browser benchmarks of the engine in headless Chromium, for the README's Performance table.
//! They print figures and assert nothing, so they are ignored by the test run. Run them with:
//!
//! ```text
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --include-ignored
//! ```
#![cfg(target_arch = "wasm32")]

use convstep::engine::{
    Activation, ActivationLayer, Conv, ConvSpec, Padding, Pipeline, Pool, PoolKind, Sides,
    StageSpec, Stepper, Weights, WindowSpec,
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
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(1)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    }
}

/// A 2×2 pooling window moving 2 cells at a time.
fn pool_2x2() -> WindowSpec {
    WindowSpec {
        kernel: [2, 2],
        stride: [2, 2],
        ..WindowSpec::default()
    }
}

/// The block: convolution with `weights` (padding 1), ReLU, 2×2 max pooling.
fn block(weights: Weights, bias: Option<Vec<f32>>) -> Vec<StageSpec> {
    vec![
        StageSpec::Conv {
            weights,
            bias,
            spec: padding_1(),
        },
        StageSpec::Activation(Activation::Relu),
        StageSpec::Pool {
            window: pool_2x2(),
            kind: PoolKind::Max,
        },
    ]
}

#[wasm_bindgen_test]
#[ignore]
fn vgg16_conv1_1_full_forward_on_a_224_rgb_image() {
    let input = random((3, 224, 224), RandomKind::Normal, 1);
    let weights: Weights = random((64, 3, 3, 3), RandomKind::Normal, 2);
    let conv = Conv::new(input, weights, Some(vec![0.0; 64]), padding_1()).expect("valid");
    let milliseconds = median_time(|| {
        std::hint::black_box(conv.forward());
    });
    console_log!("conv1_1 full forward, 224×224 RGB → 64 maps: median {milliseconds:.1} ms");
}

#[wasm_bindgen_test]
#[ignore]
fn wasm_heap_for_a_512_rgb_block() {
    let input = random((3, 512, 512), RandomKind::Normal, 1);
    let weights: Weights = random((8, 3, 3, 3), RandomKind::Normal, 2);
    let pipeline = Pipeline::new(input, block(weights, None)).expect("valid");
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

/// Times `run` over 15 runs after one warm-up, and returns the median in milliseconds.
fn median_time(mut run: impl FnMut()) -> f64 {
    run();
    median(
        (0..15)
            .map(|_| {
                let start = now();
                run();
                now() - start
            })
            .collect(),
    )
}

#[wasm_bindgen_test]
#[ignore]
fn the_block_on_a_224_rgb_picture_stage_by_stage() {
    let input = random((3, 224, 224), RandomKind::Normal, 1);
    let weights: Weights = random((8, 3, 3, 3), RandomKind::Normal, 2);
    let bias = Some(vec![0.0; 8]);
    let conv = Conv::new(input.clone(), weights.clone(), bias.clone(), padding_1()).expect("valid");
    let conv_ms = median_time(|| {
        std::hint::black_box(conv.forward());
    });
    let block_ms = median_time(|| {
        let stages = block(weights.clone(), bias.clone());
        std::hint::black_box(Pipeline::new(input.clone(), stages).expect("valid"));
    });
    let conv_out = conv.forward();
    let relu_ms = median_time(|| {
        let relu = ActivationLayer::new(conv_out.clone(), Activation::Relu).expect("valid");
        std::hint::black_box(relu.forward());
    });
    let pool_ms = median_time(|| {
        let pool = Pool::new(conv_out.clone(), pool_2x2(), PoolKind::Max).expect("valid");
        std::hint::black_box(pool.forward());
    });
    console_log!(
        "224×224 RGB, 8 filters 3×3: convolution {conv_ms:.1} ms, ReLU {relu_ms:.1} ms, max-pool {pool_ms:.1} ms; \
         the whole block with its checks {block_ms:.1} ms"
    );
}
