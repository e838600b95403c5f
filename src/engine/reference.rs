//! Deliberately naive reference implementations, written the way the tutorial does it:
//! copy the input into a zero-padded array, then loop over every output cell and every tap.
//!
//! They share no code with the fast paths (not even the output-size arithmetic) so tests can
//! hold the two against each other. They sum in the same documented order, so the results
//! agree to the bit.

use super::activation::function::Activation;
use super::arrays::{FeatureMap, Weights};
use super::geometry::{Rounding, Sides};
use super::pool::PoolKind;
use ndarray::{Array3, s};

/// One cell of a padded copy of the input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PaddedCell {
    Real(f32),
    Padding,
    Beyond,
}

/// Output size along one axis, straight from the PyTorch docs' formula.
fn output_size(
    input: usize,
    (begin, end): (usize, usize),
    kernel: usize,
    stride: usize,
    dilation: usize,
    rounding: Rounding,
) -> usize {
    let span = (input + begin + end) as i64 - (dilation * (kernel - 1)) as i64 - 1;
    let exact = span as f64 / stride as f64;
    let mut out = match rounding {
        Rounding::Floor => exact.floor() as i64 + 1,
        Rounding::Ceil => exact.ceil() as i64 + 1,
    };
    if rounding == Rounding::Ceil && (out - 1) * stride as i64 >= (input + begin) as i64 {
        out -= 1;
    }
    out.max(0) as usize
}

/// Naive convolution with explicit per-side padding.
#[allow(clippy::too_many_arguments)]
pub fn conv2d(
    input: &FeatureMap,
    weights: &Weights,
    bias: Option<&[f32]>,
    [s_h, s_w]: [usize; 2],
    [d_h, d_w]: [usize; 2],
    pad: Sides,
    flip_kernel: bool,
) -> FeatureMap {
    let (channels, in_h, in_w) = input.dim();
    let (filters, _, k_h, k_w) = weights.dim();
    let mut padded = Array3::<f32>::zeros((
        channels,
        pad.top + in_h + pad.bottom,
        pad.left + in_w + pad.right,
    ));
    padded
        .slice_mut(s![.., pad.top..pad.top + in_h, pad.left..pad.left + in_w])
        .assign(input);
    let out_h = output_size(in_h, (pad.top, pad.bottom), k_h, s_h, d_h, Rounding::Floor);
    let out_w = output_size(in_w, (pad.left, pad.right), k_w, s_w, d_w, Rounding::Floor);
    let mut out = FeatureMap::zeros((filters, out_h, out_w));
    for o in 0..filters {
        for oh in 0..out_h {
            for ow in 0..out_w {
                let mut total = 0.0f32;
                for c in 0..channels {
                    let mut partial = 0.0f32;
                    for kh in 0..k_h {
                        for kw in 0..k_w {
                            let (wh, ww) = if flip_kernel {
                                (k_h - 1 - kh, k_w - 1 - kw)
                            } else {
                                (kh, kw)
                            };
                            partial += padded[[c, oh * s_h + kh * d_h, ow * s_w + kw * d_w]]
                                * weights[[o, c, wh, ww]];
                        }
                    }
                    total += partial;
                }
                out[[o, oh, ow]] = total + bias.map_or(0.0, |b| b[o]);
            }
        }
    }
    out
}

/// Naive pooling with explicit per-side padding.
pub fn pool2d(
    input: &FeatureMap,
    kind: PoolKind,
    [k_h, k_w]: [usize; 2],
    [s_h, s_w]: [usize; 2],
    [d_h, d_w]: [usize; 2],
    pad: Sides,
    rounding: Rounding,
) -> FeatureMap {
    let (channels, in_h, in_w) = input.dim();
    let out_h = output_size(in_h, (pad.top, pad.bottom), k_h, s_h, d_h, rounding);
    let out_w = output_size(in_w, (pad.left, pad.right), k_w, s_w, d_w, rounding);
    // Large enough for ceil mode's last window, which may reach past the padding.
    let rows = (pad.top + in_h + pad.bottom).max((out_h - 1) * s_h + d_h * (k_h - 1) + 1);
    let columns = (pad.left + in_w + pad.right).max((out_w - 1) * s_w + d_w * (k_w - 1) + 1);
    let mut padded = Array3::from_elem((channels, rows, columns), PaddedCell::Beyond);
    padded
        .slice_mut(s![
            ..,
            ..pad.top + in_h + pad.bottom,
            ..pad.left + in_w + pad.right
        ])
        .fill(PaddedCell::Padding);
    for ((c, h, w), &x) in input.indexed_iter() {
        padded[[c, pad.top + h, pad.left + w]] = PaddedCell::Real(x);
    }
    let mut out = FeatureMap::zeros((channels, out_h, out_w));
    for c in 0..channels {
        for oh in 0..out_h {
            for ow in 0..out_w {
                let mut cells = Vec::new();
                for kh in 0..k_h {
                    for kw in 0..k_w {
                        cells.push(padded[[c, oh * s_h + kh * d_h, ow * s_w + kw * d_w]]);
                    }
                }
                let reals: Vec<f32> = cells
                    .iter()
                    .filter_map(|cell| match cell {
                        PaddedCell::Real(x) => Some(*x),
                        _ => None,
                    })
                    .collect();
                out[[c, oh, ow]] = match kind {
                    PoolKind::Max => reals.iter().copied().fold(f32::NEG_INFINITY, f32::max),
                    PoolKind::Average { count_include_pad } => {
                        let divisor = if count_include_pad {
                            cells
                                .iter()
                                .filter(|cell| **cell != PaddedCell::Beyond)
                                .count()
                        } else {
                            reals.len()
                        };
                        reals.iter().fold(0.0f32, |sum, x| sum + x) / divisor as f32
                    }
                };
            }
        }
    }
    out
}

/// Naive element-wise activation, written from the formulas.
pub fn activate(input: &FeatureMap, function: Activation) -> FeatureMap {
    input.mapv(|x| match function {
        Activation::Relu => x.max(0.0),
        Activation::LeakyRelu { slope } => {
            if x >= 0.0 {
                x
            } else {
                slope * x
            }
        }
        Activation::Sigmoid => 1.0 / (1.0 + (-x).exp()),
        Activation::Tanh => x.tanh(),
    })
}
