//! Helpers shared by the generated cross-check tests (`onnx_cases.rs`, `pytorch_cases.rs`).

use convstep::engine::Stepper;

/// Checks the forward's shape and values, and that stepping every window gives the same values.
pub fn assert_same(layer: &impl Stepper, shape: (usize, usize, usize), expected: Vec<f32>) {
    let out = layer.forward();
    assert_eq!(out.dim(), shape);
    assert_eq!(out.iter().copied().collect::<Vec<_>>(), expected);
    let stepped: Vec<f32> = (0..layer.step_count())
        .map(|i| layer.step(i).map_or(f32::NAN, |step| step.value))
        .collect();
    assert_eq!(stepped, expected);
}
