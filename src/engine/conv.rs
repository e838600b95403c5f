//! 2-D convolution (cross-correlation, as in PyTorch `conv2d` and ONNX `Conv`) over CHW maps.
//!
//! ```text
//! out[o, oh, ow] = sum_c ( sum_{kh, kw} x_pad[c, oh*s_h + kh*d_h, ow*s_w + kw*d_w] * w[o, c, kh, kw] ) + b[o]
//! ```
//! With `flip_kernel`, `w[o, c, k_h-1-kh, k_w-1-kw]` is used instead: true mathematical convolution.
//!
//! With `groups`, filter `o` reads only its group's input channels (`c` runs over them, and the
//! kernel holds `channels / groups` slices per filter); with a padding mode other than zeros,
//! `x_pad`'s ring repeats input cells (see `geometry`).
//!
//! Summation order is part of the contract, so stepping and the full forward agree to the bit:
//! products are summed per input channel in kernel raster order, the channel sums are summed in
//! channel order, then the bias is added.

use super::arrays::{FeatureMap, Weights, map_shape, weights_shape};
use super::error::{EngineError, Limited, Result};
use super::geometry::{ConvCounts, GroupLayout, PaddingMode, Rounding, WindowLayout, WindowSpec};
use super::limits::{
    MAX_CHANNELS, MAX_OUTPUTS, check_at_most, check_bias, check_input_shape, check_map,
    check_weights,
};
use super::stepper::{
    Cell, Reader, Step, Stepper, Tap, cell_of_step, check_cell, ordered_sum, step_of_cell,
};
use ndarray::Array1;

mod direct;

/// The parameters of a convolution besides its weights: the sliding window, as pooling
/// describes it, whether the kernel is flipped, the groups and what fills the padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConvSpec {
    /// Stride, dilation and zero padding of the window.
    ///
    /// The weights say how large the kernel is, and convolution always rounds the output size
    /// down (PyTorch `conv2d` and ONNX `Conv` have no ceil mode), so `window.kernel` and
    /// `window.rounding` are not read: [`Conv::new`] uses the weights' `[k_h, k_w]` and
    /// [`Rounding::Floor`].
    pub window: WindowSpec,
    /// Use the kernel rotated by 180°: true convolution instead of cross-correlation.
    pub flip_kernel: bool,
    /// Groups the channels and filters split into (PyTorch and ONNX `groups`): 1 is ordinary
    /// convolution, the number of channels is depthwise.
    pub groups: usize,
    /// What fills the padding (PyTorch `padding_mode`).
    pub padding_mode: PaddingMode,
}

impl Default for ConvSpec {
    fn default() -> Self {
        ConvSpec {
            window: WindowSpec::default(),
            flip_kernel: false,
            groups: 1,
            padding_mode: PaddingMode::Zeros,
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
    groups: GroupLayout,
}

impl Conv {
    /// Checks shapes, values and geometry; every problem is a typed error.
    ///
    /// `input` is channels × rows × columns; `weights` is filters × channels/groups × k_h × k_w
    /// (OIHW); `bias`, if given, has one value per filter.
    pub fn new(
        input: FeatureMap,
        weights: Weights,
        bias: Option<Vec<f32>>,
        spec: ConvSpec,
    ) -> Result<Self> {
        let [channels, in_h, in_w] = map_shape(&input);
        check_input_shape([channels, in_h, in_w])?;
        let [filters, kernel_channels, k_h, k_w] = weights_shape(&weights);
        check_at_most(Limited::Filters, filters, MAX_CHANNELS)?;
        if filters == 0 {
            return Err(EngineError::NoFilters);
        }
        let groups = GroupLayout::new(spec.groups, channels, filters)?;
        if kernel_channels != groups.channels_per_group() {
            return Err(if spec.groups == 1 {
                EngineError::ChannelMismatch {
                    input_channels: channels,
                    kernel_channels,
                }
            } else {
                EngineError::GroupChannelMismatch {
                    groups: spec.groups,
                    input_channels: channels,
                    kernel_channels,
                }
            });
        }
        let layout = WindowLayout::new(
            [in_h, in_w],
            &WindowSpec {
                kernel: [k_h, k_w],
                rounding: Rounding::Floor,
                ..spec.window
            },
        )?
        .with_padding_mode(spec.padding_mode)?;
        let [out_h, out_w] = layout.output();
        check_at_most(Limited::Outputs, filters * out_h * out_w, MAX_OUTPUTS)?;
        check_map(input.view())?;
        check_weights(weights.view())?;
        let bias = check_bias(bias, filters)?;
        Ok(Conv {
            input,
            weights,
            bias,
            flip_kernel: spec.flip_kernel,
            layout,
            groups,
        })
    }

    /// How the channels and filters split into groups.
    pub fn groups(&self) -> &GroupLayout {
        &self.groups
    }

    /// The input channels that feed filter `filter`; the others lie outside its group.
    pub fn channels_of_filter(&self, filter: usize) -> std::ops::Range<usize> {
        self.groups.channels_of_filter(filter)
    }

    /// Weights, biases and multiply-adds of this convolution.
    pub fn counts(&self) -> ConvCounts {
        self.groups.counts(
            self.layout.kernel(),
            self.layout.output(),
            self.bias.is_some(),
        )
    }

    /// The same counts for the ordinary (one-group) convolution of the same shape.
    pub fn ungrouped_counts(&self) -> ConvCounts {
        self.groups.ungrouped().counts(
            self.layout.kernel(),
            self.layout.output(),
            self.bias.is_some(),
        )
    }

    /// The resolved window geometry.
    pub fn layout(&self) -> &WindowLayout {
        &self.layout
    }

    /// Whether the kernel is used rotated 180° (true convolution).
    pub fn flips_kernel(&self) -> bool {
        self.flip_kernel
    }

    /// The input feature map.
    pub fn input(&self) -> &FeatureMap {
        &self.input
    }

    /// The weights, filters × channels × k_h × k_w.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// One bias per filter, if the convolution has a bias.
    pub fn bias(&self) -> Option<&Array1<f32>> {
        self.bias.as_ref()
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
        map_shape(&self.input)
    }

    fn output_shape(&self) -> [usize; 3] {
        let [out_h, out_w] = self.layout.output();
        [self.weights.shape()[0], out_h, out_w]
    }

    /// A direct, output-stationary loop: the input is copied once into a zero-padded array, and
    /// each block of output columns keeps its running sums in registers while every tap is
    /// added. Each output value still sums in the documented order (padding taps add ±0, which
    /// changes nothing), so the result equals stepping to the bit.
    fn forward(&self) -> FeatureMap {
        let [filters, out_h, out_w] = self.output_shape();
        let padded = PaddedInput::new(&self.input, &self.layout, out_w);
        let channels = self.groups.channels_per_group();
        let [k_h, k_w] = self.layout.kernel();
        let plane = (out_h * out_w).max(1);
        let mut output = vec![0.0f32; filters * out_h * out_w];
        let mut weights: Vec<[f32; direct::FILTERS]> = Vec::with_capacity(channels * k_h * k_w);
        // Filters go through the loops a few at a time, so each tap read serves them all; the
        // few share a group of channels.
        for group in 0..self.groups.groups {
            let filters = self.groups.filters_of_group(group);
            let first_channel = self.groups.channels_of_group(group).start;
            for first in filters.clone().step_by(direct::FILTERS) {
                let count = (filters.end - first).min(direct::FILTERS);
                let out_planes = &mut output[first * plane..(first + count) * plane];
                // The weights in tap order (flipped when the kernel is flipped); a short last
                // few are padded with zero weights whose results are dropped.
                weights.clear();
                for channel in 0..channels {
                    for kh in 0..k_h {
                        for kw in 0..k_w {
                            let [wh, ww] = self.weight_cell([kh, kw]);
                            weights.push(std::array::from_fn(|i| {
                                let weight = self.weights.get([first + i, channel, wh, ww]);
                                weight.copied().filter(|_| i < count).unwrap_or(0.0)
                            }));
                        }
                    }
                }
                // With no bias, stepping adds +0.0, which turns a sum of -0.0 into +0.0; so does this.
                let bias: [f32; direct::FILTERS] = std::array::from_fn(|i| {
                    self.bias
                        .as_ref()
                        .and_then(|bias| bias.get(first + i).copied())
                        .unwrap_or(0.0)
                });
                direct::filter_planes(
                    &padded,
                    &self.layout,
                    first_channel,
                    &weights,
                    bias,
                    out_planes,
                );
            }
        }
        FeatureMap::from_shape_vec((filters, out_h, out_w), output)
            .unwrap_or_else(|_| FeatureMap::zeros((filters, out_h, out_w)))
    }

    fn step(&self, index: usize) -> Result<Step> {
        let output = cell_of_step(index, self.output_shape())?;
        let channels = self.channels_of_filter(output.channel);
        let [k_h, k_w] = self.layout.kernel();
        let mut taps = Vec::with_capacity(channels.len() * k_h * k_w);
        let mut channel_sums = Vec::with_capacity(channels.len());
        for (slice, channel) in channels.enumerate() {
            let first = taps.len();
            for kh in 0..k_h {
                for kw in 0..k_w {
                    let kernel = self.weight_cell([kh, kw]);
                    let (padded, source) =
                        self.layout.locate([output.row, output.column], [kh, kw]);
                    let value = source
                        .read()
                        .map_or(0.0, |[row, column]| self.input[[channel, row, column]]);
                    taps.push(Tap {
                        channel,
                        kernel,
                        padded,
                        source,
                        value,
                        weight: Some(self.weights[[output.channel, slice, kernel[0], kernel[1]]]),
                    });
                }
            }
            channel_sums.push(ordered_sum(taps[first..].iter().filter_map(Tap::product)));
        }
        let bias = self.bias.as_ref().map(|bias| bias[output.channel]);
        Ok(Step::weighted_sum(index, output, taps, channel_sums, bias))
    }

    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        check_cell(cell, self.input_shape())?;
        let filters = self.groups.filters_of_channel(cell.channel);
        let slice = self.groups.channel_in_group(cell.channel);
        let taps_per_channel = self.layout.taps_per_channel();
        let [_, k_w] = self.layout.kernel();
        let windows = self.layout.readers_of([cell.row, cell.column]);
        let mut readers = Vec::with_capacity(filters.len() * windows.len());
        for filter in filters {
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
                    tap: slice * taps_per_channel + kh * k_w + kw,
                });
            }
        }
        Ok(readers)
    }
}

/// The input copied once with its padding (zeros, or the cells the padding mode repeats), and
/// widened so every block of output columns can read whole blocks of taps without bounds trouble.
pub(crate) struct PaddedInput {
    values: Vec<f32>,
    rows: usize,
    columns: usize,
}

impl PaddedInput {
    fn new(input: &FeatureMap, layout: &WindowLayout, out_w: usize) -> Self {
        let (channels, _, _) = input.dim();
        let (rows, columns) = (&layout.rows, &layout.columns);
        let blocks = out_w.div_ceil(direct::BLOCK).max(1);
        let padded_columns = columns.padded().max(columns.span(blocks * direct::BLOCK));
        let padded_rows = rows.padded();
        let mut values = vec![0.0f32; channels * padded_rows * padded_columns];
        // The input column each padded column reads, own or borrowed (`None`: zero).
        let reads: Vec<Option<usize>> = (0..columns.padded())
            .map(|column| columns.cell_at(column).read())
            .collect();
        for (channel, plane) in input.outer_iter().enumerate() {
            for padded_row in 0..padded_rows {
                let Some(row) = rows.cell_at(padded_row).read() else {
                    continue;
                };
                let at = (channel * padded_rows + padded_row) * padded_columns;
                for (value, read) in values[at..at + reads.len()].iter_mut().zip(&reads) {
                    if let Some(column) = *read {
                        *value = plane[[row, column]];
                    }
                }
            }
        }
        PaddedInput {
            values,
            rows: padded_rows,
            columns: padded_columns,
        }
    }

    /// Padded row `row` of channel `channel`.
    #[inline(always)]
    fn row(&self, channel: usize, row: usize) -> &[f32] {
        let start = (channel * self.rows + row) * self.columns;
        &self.values[start..start + self.columns]
    }
}
