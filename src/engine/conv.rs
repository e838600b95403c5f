//! 2-D convolution (cross-correlation, as in PyTorch `conv2d` and ONNX `Conv`) over CHW maps.
//!
//! ```text
//! out[o, oh, ow] = sum_c ( sum_{kh, kw} x_pad[c, oh*s_h + kh*d_h, ow*s_w + kw*d_w] * w[o, c, kh, kw] ) + b[o]
//! ```
//! With `flip_kernel`, `w[o, c, k_h-1-kh, k_w-1-kw]` is used instead: true mathematical convolution.
//!
//! Summation order is part of the contract, so stepping and the full forward agree to the bit:
//! products are summed per input channel in kernel raster order, the channel sums are summed in
//! channel order, then the bias is added.

use super::error::{EngineError, Part, Result};
use super::geometry::{Padding, Rounding, WindowLayout, WindowSpec};
use super::limits::{
    MAX_CHANNELS, MAX_OUTPUTS, check_at_most, check_input_shape, check_value, check_values,
};
use super::trace::{
    Arithmetic, Cell, Reader, Source, Step, Stepper, Tap, cell_of_step, check_cell, ordered_sum,
    step_of_cell,
};
use super::{FeatureMap, Weights};
use crate::engine::error::Limited;
use ndarray::{Array1, Axis as NdAxis};

/// The parameters of a convolution besides its weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConvSpec {
    /// `[vertical, horizontal]` stride.
    pub stride: [usize; 2],
    /// `[vertical, horizontal]` dilation.
    pub dilation: [usize; 2],
    /// Zero padding.
    pub padding: Padding,
    /// Use the kernel rotated by 180°: true convolution instead of cross-correlation.
    pub flip_kernel: bool,
}

impl Default for ConvSpec {
    fn default() -> Self {
        ConvSpec {
            stride: [1, 1],
            dilation: [1, 1],
            padding: Padding::Valid,
            flip_kernel: false,
        }
    }
}

/// A validated convolution: input, weights, bias and resolved geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct Conv {
    input: FeatureMap,
    weights: Weights,
    bias: Option<Array1<f32>>,
    flip_kernel: bool,
    layout: WindowLayout,
}

impl Conv {
    /// Checks shapes, values and geometry; every problem is a typed error.
    ///
    /// `input` is channels × rows × columns; `weights` is filters × channels × k_h × k_w (OIHW);
    /// `bias`, if given, has one value per filter.
    pub fn new(
        input: FeatureMap,
        weights: Weights,
        bias: Option<Vec<f32>>,
        spec: ConvSpec,
    ) -> Result<Self> {
        let [channels, in_h, in_w] = shape3(&input);
        check_input_shape([channels, in_h, in_w])?;
        let [filters, kernel_channels, k_h, k_w] = shape4(&weights);
        check_at_most(Limited::Channels, filters, MAX_CHANNELS)?;
        if kernel_channels != channels {
            return Err(EngineError::ChannelMismatch {
                input_channels: channels,
                kernel_channels,
            });
        }
        if filters == 0 {
            return Err(EngineError::NoFilters);
        }
        let layout = WindowLayout::new(
            [in_h, in_w],
            &WindowSpec {
                kernel: [k_h, k_w],
                stride: spec.stride,
                dilation: spec.dilation,
                padding: spec.padding,
                rounding: Rounding::Floor,
            },
        )?;
        let [out_h, out_w] = layout.output();
        check_at_most(Limited::Outputs, filters * out_h * out_w, MAX_OUTPUTS)?;
        check_values(Part::Input, input.view())?;
        for filter in weights.axis_iter(NdAxis(0)) {
            check_values(Part::Kernel, filter)?;
        }
        let bias = match bias {
            None => None,
            Some(bias) if bias.len() != filters => {
                return Err(EngineError::BiasMismatch {
                    filters,
                    biases: bias.len(),
                });
            }
            Some(bias) => {
                for (filter, &value) in bias.iter().enumerate() {
                    check_value(Part::Bias, value, [filter, 0, 0])?;
                }
                Some(Array1::from(bias))
            }
        };
        Ok(Conv {
            input,
            weights,
            bias,
            flip_kernel: spec.flip_kernel,
            layout,
        })
    }

    /// The resolved window geometry.
    pub fn layout(&self) -> &WindowLayout {
        &self.layout
    }

    /// The input feature map.
    pub fn input(&self) -> &FeatureMap {
        &self.input
    }

    /// The weights, filters × channels × k_h × k_w.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The bias, one value per filter, if any.
    pub fn bias(&self) -> Option<&Array1<f32>> {
        self.bias.as_ref()
    }

    /// Whether the kernel is flipped (true convolution).
    pub fn flips_kernel(&self) -> bool {
        self.flip_kernel
    }

    /// The kernel cell whose weight meets window position `[kh, kw]`.
    fn weight_cell(&self, [kh, kw]: [usize; 2]) -> [usize; 2] {
        let [k_h, k_w] = self.layout.kernel();
        if self.flip_kernel {
            [k_h - 1 - kh, k_w - 1 - kw]
        } else {
            [kh, kw]
        }
    }
}

impl Stepper for Conv {
    fn input_shape(&self) -> [usize; 3] {
        shape3(&self.input)
    }

    fn output_shape(&self) -> [usize; 3] {
        let [out_h, out_w] = self.layout.output();
        [self.weights.shape()[0], out_h, out_w]
    }

    /// A direct loop, one output row at a time so the working rows stay in the L1 cache. For each
    /// weight it walks only the windows where that weight meets real input, and with stride 1 the
    /// innermost loop runs over contiguous output columns, which the compiler vectorises. Each
    /// output value still sums in the documented order, so the result equals stepping to the bit.
    fn forward(&self) -> FeatureMap {
        let [filters, out_h, out_w] = self.output_shape();
        let [channels, in_h, in_w] = self.input_shape();
        let [k_h, k_w] = self.layout.kernel();
        let (rows, columns) = (&self.layout.rows, &self.layout.columns);
        let standard = self.input.as_standard_layout();
        let input = standard.as_slice().unwrap_or(&[]);
        let row_windows: Vec<_> = (0..k_h).map(|kh| rows.windows_reading_input(kh)).collect();
        let column_windows: Vec<_> = (0..k_w)
            .map(|kw| columns.windows_reading_input(kw))
            .collect();
        let mut output = vec![0.0f32; filters * out_h * out_w];
        let mut partial = vec![0.0f32; out_w];
        let mut weights = Vec::with_capacity(channels * k_h * k_w);
        for (filter, out_plane) in output.chunks_exact_mut((out_h * out_w).max(1)).enumerate() {
            // This filter's weights in tap order (flipped when the kernel is flipped).
            weights.clear();
            for channel in 0..channels {
                for kh in 0..k_h {
                    for kw in 0..k_w {
                        let [wh, ww] = self.weight_cell([kh, kw]);
                        weights.push(self.weights[[filter, channel, wh, ww]]);
                    }
                }
            }
            for (oh, out_row) in out_plane.chunks_exact_mut(out_w.max(1)).enumerate() {
                for channel in 0..channels {
                    partial.fill(0.0);
                    for kh in (0..k_h).filter(|&kh| row_windows[kh].contains(&oh)) {
                        let ih = rows.padded_cell(oh, kh) - rows.pad_begin;
                        let input_row = &input[(channel * in_h + ih) * in_w..][..in_w];
                        for (kw, windows) in column_windows.iter().enumerate() {
                            if windows.is_empty() {
                                continue;
                            }
                            let weight = weights[(channel * k_h + kh) * k_w + kw];
                            let first = columns
                                .padded_cell(windows.start, kw)
                                .saturating_sub(columns.pad_begin);
                            let partial = &mut partial[windows.clone()];
                            if columns.stride == 1 {
                                let taps = &input_row[first..first + partial.len()];
                                for (sum, &x) in partial.iter_mut().zip(taps) {
                                    *sum += x * weight;
                                }
                            } else {
                                let taps = input_row[first..].iter().step_by(columns.stride);
                                for (sum, &x) in partial.iter_mut().zip(taps) {
                                    *sum += x * weight;
                                }
                            }
                        }
                    }
                    for (out, &sum) in out_row.iter_mut().zip(&partial) {
                        *out += sum;
                    }
                }
                if let Some(bias) = &self.bias {
                    let bias = bias[filter];
                    for out in out_row.iter_mut() {
                        *out += bias;
                    }
                }
            }
        }
        FeatureMap::from_shape_vec((filters, out_h, out_w), output)
            .unwrap_or_else(|_| FeatureMap::zeros((filters, out_h, out_w)))
    }

    fn step(&self, index: usize) -> Result<Step> {
        let output = cell_of_step(index, self.output_shape())?;
        let [channels, _, _] = self.input_shape();
        let [k_h, k_w] = self.layout.kernel();
        let mut taps = Vec::with_capacity(channels * k_h * k_w);
        let mut channel_sums = Vec::with_capacity(channels);
        for channel in 0..channels {
            let first = taps.len();
            for kh in 0..k_h {
                for kw in 0..k_w {
                    let kernel = self.weight_cell([kh, kw]);
                    let (padded, source) =
                        self.layout.locate([output.row, output.column], [kh, kw]);
                    let value = match source {
                        Source::Input { row, column } => self.input[[channel, row, column]],
                        _ => 0.0,
                    };
                    taps.push(Tap {
                        channel,
                        kernel,
                        padded,
                        source,
                        value,
                        weight: Some(self.weights[[output.channel, channel, kernel[0], kernel[1]]]),
                    });
                }
            }
            channel_sums.push(ordered_sum(taps[first..].iter().filter_map(Tap::product)));
        }
        let bias = self.bias.as_ref().map(|bias| bias[output.channel]);
        let value = ordered_sum(channel_sums.iter().copied()) + bias.unwrap_or(0.0);
        Ok(Step {
            index,
            output,
            taps,
            arithmetic: Arithmetic::WeightedSum { channel_sums, bias },
            value,
        })
    }

    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        check_cell(cell, self.input_shape())?;
        let [filters, _, _] = self.output_shape();
        let taps_per_channel = self.layout.taps_per_channel();
        let [_, k_w] = self.layout.kernel();
        let windows = self.layout.readers_of([cell.row, cell.column]);
        let mut readers = Vec::with_capacity(filters * windows.len());
        for filter in 0..filters {
            for &([row, column], [kh, kw]) in &windows {
                readers.push(Reader {
                    step: step_of_cell(
                        Cell {
                            channel: filter,
                            row,
                            column,
                        },
                        self.output_shape(),
                    ),
                    tap: cell.channel * taps_per_channel + kh * k_w + kw,
                });
            }
        }
        Ok(readers)
    }
}

/// `[channels, rows, columns]` of a feature map.
pub fn shape3(map: &FeatureMap) -> [usize; 3] {
    let (channels, rows, columns) = map.dim();
    [channels, rows, columns]
}

fn shape4(weights: &Weights) -> [usize; 4] {
    let (filters, channels, k_h, k_w) = weights.dim();
    [filters, channels, k_h, k_w]
}
