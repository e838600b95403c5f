//! Deliberately naive reference implementations, written the way the tutorial does it:
//! copy the input into a padded array, then loop over every output cell and every tap.
//! Transposed convolution is written twice here, as the two pictures of it: scattering each
//! input cell's scaled kernel, and an ordinary convolution over the zero-inserted input.
//!
//! They share no code with the fast paths (not even the output-size arithmetic) so tests can
//! hold the two against each other. They sum in the same documented order, so the results
//! agree to the bit.

use super::activation::function::Activation;
use super::arrays::{FeatureMap, Weights};
use super::geometry::{PaddingMode, Rounding, Sides};
use super::pool::PoolKind;
use ndarray::{Array3, Array4, s};

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

/// Naive convolution with explicit per-side zero padding.
#[allow(clippy::too_many_arguments)]
pub fn conv2d(
    input: &FeatureMap,
    weights: &Weights,
    bias: Option<&[f32]>,
    stride: [usize; 2],
    dilation: [usize; 2],
    pad: Sides,
    flip_kernel: bool,
) -> FeatureMap {
    let padded = self::pad(input, pad, PaddingMode::Zeros);
    grouped_conv2d(&padded, weights, bias, stride, dilation, flip_kernel, 1)
}

/// The input indices each padded cell of one axis copies, listed out: `before` cells, the
/// input, `after` cells. Zeros are `None`.
fn padded_indices(n: usize, before: usize, after: usize, mode: PaddingMode) -> Vec<Option<usize>> {
    let inside = (0..n).map(Some);
    let (head, tail): (Vec<Option<usize>>, Vec<Option<usize>>) = match mode {
        PaddingMode::Zeros => (vec![None; before], vec![None; after]),
        // Mirror without repeating the edge: ..., 2, 1 | 0, 1, ..., n-1 | n-2, n-3, ...
        PaddingMode::Reflect => (
            (1..=before).rev().map(Some).collect(),
            (0..after).map(|k| Some(n - 2 - k)).collect(),
        ),
        PaddingMode::Replicate => (vec![Some(0); before], vec![Some(n - 1); after]),
        // The last `before` cells, then the first `after` cells.
        PaddingMode::Circular => (
            (n - before..n).map(Some).collect(),
            (0..after).map(Some).collect(),
        ),
    };
    head.into_iter().chain(inside).chain(tail).collect()
}

/// Naive padding of every channel, each side on its own, as `torch.nn.functional.pad` does it.
/// Reflect needs each side smaller than the input, circular at most the input.
pub fn pad(input: &FeatureMap, sides: Sides, mode: PaddingMode) -> FeatureMap {
    let (channels, in_h, in_w) = input.dim();
    let rows = padded_indices(in_h, sides.top, sides.bottom, mode);
    let columns = padded_indices(in_w, sides.left, sides.right, mode);
    FeatureMap::from_shape_fn((channels, rows.len(), columns.len()), |(c, r, k)| {
        match (rows[r], columns[k]) {
            (Some(row), Some(column)) => input[[c, row, column]],
            _ => 0.0,
        }
    })
}

/// Naive grouped convolution of an already padded input, no padding of its own.
pub fn grouped_conv2d(
    padded: &FeatureMap,
    weights: &Weights,
    bias: Option<&[f32]>,
    [s_h, s_w]: [usize; 2],
    [d_h, d_w]: [usize; 2],
    flip_kernel: bool,
    groups: usize,
) -> FeatureMap {
    let (_, in_h, in_w) = padded.dim();
    let (filters, per_group, k_h, k_w) = weights.dim();
    let out_h = output_size(in_h, (0, 0), k_h, s_h, d_h, Rounding::Floor);
    let out_w = output_size(in_w, (0, 0), k_w, s_w, d_w, Rounding::Floor);
    let filters_per_group = filters / groups;
    let mut out = FeatureMap::zeros((filters, out_h, out_w));
    for o in 0..filters {
        let first_channel = o / filters_per_group * per_group;
        for oh in 0..out_h {
            for ow in 0..out_w {
                let mut total = 0.0f32;
                for slice in 0..per_group {
                    let c = first_channel + slice;
                    let mut partial = 0.0f32;
                    for kh in 0..k_h {
                        for kw in 0..k_w {
                            let (wh, ww) = if flip_kernel {
                                (k_h - 1 - kh, k_w - 1 - kw)
                            } else {
                                (kh, kw)
                            };
                            partial += padded[[c, oh * s_h + kh * d_h, ow * s_w + kw * d_w]]
                                * weights[[o, slice, wh, ww]];
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

/// The parameters of a transposed convolution, as the naive versions take them.
#[derive(Debug, Clone, Copy)]
pub struct Transposed {
    /// `[vertical, horizontal]` stride.
    pub stride: [usize; 2],
    /// `[vertical, horizontal]` dilation.
    pub dilation: [usize; 2],
    /// Cells cropped from each side.
    pub pad: Sides,
    /// `[vertical, horizontal]` cells added at the end.
    pub output_padding: [usize; 2],
    /// Groups.
    pub groups: usize,
}

/// Naive transposed convolution by scattering: each input cell, in raster order, adds its
/// value times the kernel into an uncropped output, one buffer per input channel; the channel
/// buffers are then added in order, cropped, and the bias added.
pub fn conv_transpose2d_scatter(
    input: &FeatureMap,
    weights: &Weights,
    bias: Option<&[f32]>,
    t: Transposed,
) -> FeatureMap {
    let (channels, in_h, in_w) = input.dim();
    let (_, per_group, k_h, k_w) = weights.dim();
    let filters = per_group * t.groups;
    let channels_per_group = channels / t.groups;
    let [s_h, s_w] = t.stride;
    let [d_h, d_w] = t.dilation;
    // Room for every product, and for the output padding past them.
    let full_h = (in_h - 1) * s_h + d_h * (k_h - 1) + 1 + t.output_padding[0];
    let full_w = (in_w - 1) * s_w + d_w * (k_w - 1) + 1 + t.output_padding[1];
    let out_h = full_h - t.pad.top - t.pad.bottom;
    let out_w = full_w - t.pad.left - t.pad.right;
    let mut out = FeatureMap::zeros((filters, out_h, out_w));
    for o in 0..filters {
        let group = o / per_group;
        let mut total = ndarray::Array2::<f32>::zeros((full_h, full_w));
        for c in group * channels_per_group..(group + 1) * channels_per_group {
            let mut partial = ndarray::Array2::<f32>::zeros((full_h, full_w));
            for ih in 0..in_h {
                for iw in 0..in_w {
                    for kh in 0..k_h {
                        for kw in 0..k_w {
                            partial[[ih * s_h + kh * d_h, iw * s_w + kw * d_w]] +=
                                input[[c, ih, iw]] * weights[[c, o % per_group, kh, kw]];
                        }
                    }
                }
            }
            total += &partial;
        }
        for oh in 0..out_h {
            for ow in 0..out_w {
                out[[o, oh, ow]] =
                    total[[oh + t.pad.top, ow + t.pad.left]] + bias.map_or(0.0, |b| b[o]);
            }
        }
    }
    out
}

/// Naive transposed convolution by gathering: insert `stride - 1` zeros between input cells,
/// pad by `dilation * (k - 1) - pad` (cropping where that is negative, with the output padding
/// at the end), and convolve with stride 1 and the kernel rotated 180°, its weights regrouped
/// from `channels × filters/groups` to `filters × channels/groups`.
pub fn conv_transpose2d_gather(
    input: &FeatureMap,
    weights: &Weights,
    bias: Option<&[f32]>,
    t: Transposed,
) -> FeatureMap {
    let (channels, in_h, in_w) = input.dim();
    let (_, per_group, k_h, k_w) = weights.dim();
    let [s_h, s_w] = t.stride;
    let [d_h, d_w] = t.dilation;
    let reach = |d: usize, k: usize| (d * (k - 1)) as i64;
    let before = [
        reach(d_h, k_h) - t.pad.top as i64,
        reach(d_w, k_w) - t.pad.left as i64,
    ];
    let after = [
        reach(d_h, k_h) - t.pad.bottom as i64 + t.output_padding[0] as i64,
        reach(d_w, k_w) - t.pad.right as i64 + t.output_padding[1] as i64,
    ];
    let inserted = [(in_h - 1) * s_h + 1, (in_w - 1) * s_w + 1];
    let size = |axis: usize| (inserted[axis] as i64 + before[axis] + after[axis]).max(0) as usize;
    let mut grid = FeatureMap::zeros((channels, size(0), size(1)));
    for ((c, ih, iw), &x) in input.indexed_iter() {
        let row = (ih * s_h) as i64 + before[0];
        let column = (iw * s_w) as i64 + before[1];
        if (0..size(0) as i64).contains(&row) && (0..size(1) as i64).contains(&column) {
            grid[[c, row as usize, column as usize]] = x;
        }
    }
    let filters = per_group * t.groups;
    let channels_per_group = channels / t.groups;
    let regrouped = Array4::from_shape_fn(
        (filters, channels_per_group, k_h, k_w),
        |(o, slice, kh, kw)| {
            weights[[
                o / per_group * channels_per_group + slice,
                o % per_group,
                kh,
                kw,
            ]]
        },
    );
    grouped_conv2d(&grid, &regrouped, bias, [1, 1], t.dilation, true, t.groups)
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
