//! Helpers shared by the generated cross-check tests (`onnx_cases.rs`, `pytorch_cases.rs`).

use convstep::engine::{ConvTranspose, Stepper};

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

/// Checks that scattering every input cell of a transposed convolution leaves each output cell
/// at the expected value: the running total of the last product landing on it, or its bias
/// where nothing lands.
pub fn assert_scatter_same(transposed: &ConvTranspose, expected: Vec<f32>) {
    let mut out = transposed
        .scatter_totals(0)
        .expect("a first step")
        .mapv(|_| f32::NAN);
    for index in 0..transposed.scatter_step_count() {
        let step = transposed.scatter_step(index).expect("a step in range");
        for landing in step.landings {
            if let (Some(cell), Some(total)) = (landing.output, landing.total) {
                out[[cell.channel, cell.row, cell.column]] = total;
            }
        }
    }
    let last = transposed.scatter_totals(transposed.scatter_step_count() - 1);
    for ((cell, value), wanted) in out.indexed_iter_mut().zip(&expected) {
        if value.is_nan() {
            // Nothing lands here: the cell holds its bias alone.
            *value = last.as_ref().map_or(f32::NAN, |last| last[cell]);
        }
        assert_eq!(value.to_bits(), wanted.to_bits(), "output cell {cell:?}");
    }
}
