//! The engine as the browser runs it: the WebAssembly SIMD forward against the naive reference
//! and against stepping, over shapes that cover whole and partial column blocks, filter groups
//! of 1 to 6, strides, dilations and uneven padding.
#![cfg(target_arch = "wasm32")]

use convstep::engine::{
    Conv, ConvSpec, Padding, Sides, Stepper, Weights, WindowSpec,
    fill::{RandomKind, random},
    reference,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn simd_forward_equals_the_reference_and_stepping_bit_for_bit() {
    let mut checked = 0;
    for case in 0..150usize {
        let channels = 1 + case % 3;
        let filters = 1 + (case / 3) % 6;
        let input = [1 + (case * 5) % 7, 1 + (case * 7) % 45];
        let kernel = [1 + case % 3, 1 + (case / 2) % 3];
        let stride = [1 + (case / 4) % 2, 1 + (case / 6) % 3];
        let dilation = [1 + (case / 5) % 2, 1 + (case / 7) % 2];
        let sides = Sides {
            top: case % 2,
            left: (case / 3) % 3,
            bottom: (case / 2) % 2,
            right: (case / 5) % 4,
        };
        let kind = if case % 2 == 0 {
            RandomKind::Normal
        } else {
            RandomKind::SmallIntegers { range: 5 }
        };
        let seed = case as u64;
        let x = random((channels, input[0], input[1]), kind, seed);
        let weights: Weights = random((filters, channels, kernel[0], kernel[1]), kind, seed + 1000);
        let bias = (case % 3 != 0).then(|| random(filters, kind, seed + 2000).to_vec());
        let flip = case % 4 == 1;
        let spec = ConvSpec {
            window: WindowSpec {
                stride,
                dilation,
                padding: Padding::Explicit(sides),
                ..WindowSpec::default()
            },
            flip_kernel: flip,
            ..ConvSpec::default()
        };
        let Ok(conv) = Conv::new(x.clone(), weights.clone(), bias.clone(), spec) else {
            continue;
        };
        let forward = conv.forward();
        let naive = reference::conv2d(&x, &weights, bias.as_deref(), stride, dilation, sides, flip);
        let bits = |map: &ndarray::Array3<f32>| map.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(forward.dim(), naive.dim(), "case {case}");
        assert_eq!(bits(&forward), bits(&naive), "case {case}");
        let stepped: Vec<u32> = (0..conv.step_count())
            .map(|i| conv.step(i).expect("every step exists").value.to_bits())
            .collect();
        assert_eq!(stepped, bits(&forward), "case {case}");
        checked += 1;
    }
    assert!(checked > 100, "only {checked} of the cases formed a window");
}
