//! Transposed convolution (PyTorch `conv_transpose2d`, ONNX `ConvTranspose`) over CHW maps,
//! steppable two ways.
//!
//! ```text
//! out[o, i_h*s_h + k_h*d_h - pad_top, i_w*s_w + k_w*d_w - pad_left] += x[c, i_h, i_w] * w[c, o - first(o), k_h, k_w]
//! for every input channel c of o's group, then + b[o]
//! ```
//! Weights are `channels × filters/groups × k_h × k_w` (PyTorch's layout for
//! `conv_transpose2d`, ONNX's `C × M/group × kH × kW`); `first(o)` is the first filter of
//! `o`'s group. The geometry, the size formula and the gather view are in
//! `geometry::transposed`.
//!
//! - **Gather** (the [`Stepper`] this type implements): one step is one output cell, in raster
//!   order, shown as the ordinary convolution over the zero-inserted, padded input with the
//!   kernel rotated 180°. Its taps run per input channel of the group, then the rotated kernel
//!   in raster order.
//! - **Scatter** (`scatter`): one step is one input cell, in raster order; the kernel scaled
//!   by it lands in the output.
//!
//! Summation order, the one both views and the full forward share: for each output cell,
//! products are summed per input channel in the order of their input cells (row, then
//! column) — the rotated kernel's raster order in the gather — then the channel sums in
//! channel order, then the bias. The gather also adds the ±0 products of inserted zeros and
//! padding; a sum that starts at +0 is never -0, so adding ±0 never changes it, and all three
//! agree to the bit.

use super::arrays::{FeatureMap, Weights, map_shape, weights_shape};
use super::error::{Axis, EngineError, Limited, Result};
use super::geometry::{
    ConvCounts, GatherAxis, GroupLayout, Source, TransposedAxisSpec, TransposedLayout,
    TransposedPadding,
};
use super::limits::{
    MAX_CHANNELS, MAX_OUTPUTS, check_at_most, check_bias, check_input_shape, check_map,
    check_weights,
};
use super::stepper::{
    Cell, Reader, Step, Stepper, Tap, cell_of_step, check_cell, ordered_sum, step_of_cell,
};
use ndarray::Array1;

mod scatter;

pub use scatter::{Landing, ScatterStep, ScatterWriter};

/// The parameters of a transposed convolution besides its weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConvTransposeSpec {
    /// `[vertical, horizontal]` stride.
    pub stride: [usize; 2],
    /// `[vertical, horizontal]` dilation.
    pub dilation: [usize; 2],
    /// `[vertical, horizontal]` cells added at the end of the output.
    pub output_padding: [usize; 2],
    /// Cells cropped from each side, or the output size they must give.
    pub padding: TransposedPadding,
    /// Groups the channels and filters split into.
    pub groups: usize,
}

impl Default for ConvTransposeSpec {
    fn default() -> Self {
        ConvTransposeSpec {
            stride: [1, 1],
            dilation: [1, 1],
            output_padding: [0, 0],
            padding: TransposedPadding::default(),
            groups: 1,
        }
    }
}

/// Every `(input cell, tap)` landing on each output cell of one axis, in input order.
type Contributions = Vec<Vec<(usize, usize)>>;

/// A validated transposed convolution.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvTranspose {
    input: FeatureMap,
    weights: Weights,
    bias: Option<Array1<f32>>,
    layout: TransposedLayout,
    groups: GroupLayout,
    rows: Contributions,
    columns: Contributions,
}

impl ConvTranspose {
    /// Checks shapes, values and geometry; every problem is a typed error.
    ///
    /// `input` is channels × rows × columns; `weights` is channels × filters/groups × k_h × k_w;
    /// `bias`, if given, has one value per filter.
    pub fn new(
        input: FeatureMap,
        weights: Weights,
        bias: Option<Vec<f32>>,
        spec: ConvTransposeSpec,
    ) -> Result<Self> {
        let [channels, in_h, in_w] = map_shape(&input);
        check_input_shape([channels, in_h, in_w])?;
        let [kernel_channels, per_group, k_h, k_w] = weights_shape(&weights);
        if kernel_channels != channels {
            return Err(EngineError::TransposedChannelMismatch {
                input_channels: channels,
                kernel_channels,
            });
        }
        if per_group == 0 {
            return Err(EngineError::NoFilters);
        }
        let filters = per_group.saturating_mul(spec.groups);
        check_at_most(Limited::Filters, filters, MAX_CHANNELS)?;
        let groups = GroupLayout::new(spec.groups, channels, filters)?;
        let axis = |i: usize, input: usize, kernel: usize| TransposedAxisSpec {
            input,
            kernel,
            stride: spec.stride[i],
            dilation: spec.dilation[i],
            output_padding: spec.output_padding[i],
        };
        let layout = TransposedLayout::new([axis(0, in_h, k_h), axis(1, in_w, k_w)], spec.padding)?;
        let [out_h, out_w] = layout.output();
        check_at_most(
            Limited::Outputs,
            filters.saturating_mul(out_h * out_w),
            MAX_OUTPUTS,
        )?;
        check_map(input.view())?;
        // Written as filters × channels, as the learner reads the kernel.
        check_weights(weights.view().permuted_axes([1, 0, 2, 3]))?;
        let bias = check_bias(bias, filters)?;
        let rows = (0..out_h).map(|o| layout.rows.contributions(o)).collect();
        let columns = (0..out_w)
            .map(|o| layout.columns.contributions(o))
            .collect();
        Ok(ConvTranspose {
            input,
            weights,
            bias,
            layout,
            groups,
            rows,
            columns,
        })
    }

    /// The resolved geometry: sizes, padding, formulas, the gather view and the overlap map.
    pub fn layout(&self) -> &TransposedLayout {
        &self.layout
    }

    /// How the channels and filters split into groups.
    pub fn groups(&self) -> &GroupLayout {
        &self.groups
    }

    /// The input feature map.
    pub fn input(&self) -> &FeatureMap {
        &self.input
    }

    /// The weights, channels × filters/groups × k_h × k_w.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The weights filter-major, as a convolution holds them and the learner edits them:
    /// filters × channels/groups × k_h × k_w, slice `s` of filter `f` meeting the `s`-th
    /// channel of `f`'s group.
    pub fn weights_by_filter(&self) -> Weights {
        let (_, _, k_h, k_w) = self.weights.dim();
        let shape = (
            self.groups.filters,
            self.groups.channels_per_group(),
            k_h,
            k_w,
        );
        Weights::from_shape_fn(shape, |(filter, slice, kh, kw)| {
            let channel = self.groups.channels_of_filter(filter).start + slice;
            self.weight(channel, filter, [kh, kw])
        })
    }

    /// The gather view's grid along each axis, `[rows, columns]`.
    pub fn gather(&self) -> [GatherAxis; 2] {
        self.layout.gather()
    }

    /// What cell `[row, column]` of the gather view's grid holds: an input cell, an inserted
    /// zero or padding.
    pub fn gather_source_at(&self, [row, column]: [usize; 2]) -> Source {
        let [rows, columns] = self.gather();
        Source::of_axes(rows.cell_at(row), columns.cell_at(column))
    }

    /// Weights, biases and multiply-adds (every scattered product, cropped ones included).
    pub fn counts(&self) -> ConvCounts {
        self.counts_with(self.groups)
    }

    /// The same counts for the ordinary (one-group) transposed convolution of the same shape.
    pub fn ungrouped_counts(&self) -> ConvCounts {
        self.counts_with(self.groups.ungrouped())
    }

    /// Each input value meets each of its weights once: a convolution's counts with the roles
    /// of channels and filters, and of input and output, swapped.
    fn counts_with(&self, groups: GroupLayout) -> ConvCounts {
        let swapped = GroupLayout {
            groups: groups.groups,
            channels: groups.filters,
            filters: groups.channels,
        };
        let [_, in_h, in_w] = self.input_shape();
        ConvCounts {
            biases: self.bias.as_ref().map_or(0, |bias| bias.len() as u64),
            ..swapped.counts(self.layout.kernel(), [in_h, in_w], false)
        }
    }

    /// The weight joining input channel `channel` to filter `filter` (of the channel's group)
    /// at kernel cell `[kh, kw]`.
    fn weight(&self, channel: usize, filter: usize, [kh, kw]: [usize; 2]) -> f32 {
        debug_assert!(self.groups.filters_of_channel(channel).contains(&filter));
        self.weights[[channel, self.groups.filter_in_group(filter), kh, kw]]
    }

    /// Channel `channel`'s sum for output cell `cell`, its products in input order, stopping
    /// after input cell `until` (`[row, column]`, raster order) when given.
    fn channel_sum(&self, channel: usize, cell: Cell, until: Option<[usize; 2]>) -> f32 {
        let mut sum = 0.0f32;
        for &(row, kh) in &self.rows[cell.row] {
            for &(column, kw) in &self.columns[cell.column] {
                if until.is_some_and(|until| [row, column] > until) {
                    return sum;
                }
                sum += self.input[[channel, row, column]]
                    * self.weight(channel, cell.channel, [kh, kw]);
            }
        }
        sum
    }

    /// Output cell `cell`'s value after its group's channels up to `channel`, that channel only
    /// up to input cell `until`: the channel sums in order, then the bias.
    fn value_until(&self, cell: Cell, channel: usize, until: Option<[usize; 2]>) -> f32 {
        let channels = self.groups.channels_of_filter(cell.channel);
        let sums = (channels.start..=channel)
            .map(|c| self.channel_sum(c, cell, if c == channel { until } else { None }));
        ordered_sum(sums) + self.bias(cell.channel)
    }

    fn bias(&self, filter: usize) -> f32 {
        self.bias.as_ref().map_or(0.0, |bias| bias[filter])
    }
}

impl Stepper for ConvTranspose {
    fn input_shape(&self) -> [usize; 3] {
        map_shape(&self.input)
    }

    fn output_shape(&self) -> [usize; 3] {
        let [out_h, out_w] = self.layout.output();
        [self.groups.filters, out_h, out_w]
    }

    /// Each output cell summed in the documented order from the products that land on it.
    fn forward(&self) -> FeatureMap {
        let [filters, out_h, out_w] = self.output_shape();
        FeatureMap::from_shape_fn((filters, out_h, out_w), |(channel, row, column)| {
            let cell = Cell {
                channel,
                row,
                column,
            };
            self.value_until(cell, self.groups.channels_of_filter(channel).end - 1, None)
        })
    }

    /// The gather view of output cell `index`: the ordinary convolution's window over the
    /// zero-inserted, padded input, with the kernel rotated 180°.
    fn step(&self, index: usize) -> Result<Step> {
        let output = cell_of_step(index, self.output_shape())?;
        let [rows, columns] = self.gather();
        let [k_h, k_w] = self.layout.kernel();
        let channels = self.groups.channels_of_filter(output.channel);
        let mut taps = Vec::with_capacity(channels.len() * k_h * k_w);
        let mut channel_sums = Vec::with_capacity(channels.len());
        for channel in channels {
            let first = taps.len();
            for jh in 0..k_h {
                for jw in 0..k_w {
                    let padded = [
                        rows.padded_cell(output.row, jh),
                        columns.padded_cell(output.column, jw),
                    ];
                    let source = self.gather_source_at(padded);
                    let value = source
                        .read()
                        .map_or(0.0, |[row, column]| self.input[[channel, row, column]]);
                    let kernel = [k_h - 1 - jh, k_w - 1 - jw];
                    taps.push(Tap {
                        channel,
                        kernel,
                        padded,
                        source,
                        value,
                        weight: Some(self.weight(channel, output.channel, kernel)),
                    });
                }
            }
            channel_sums.push(ordered_sum(taps[first..].iter().filter_map(Tap::product)));
        }
        let bias = self.bias.as_ref().map(|bias| bias[output.channel]);
        Ok(Step::weighted_sum(index, output, taps, channel_sums, bias))
    }

    /// Every gather step and tap that reads input cell `cell`, in step order.
    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        check_cell(cell, self.input_shape())?;
        let [k_h, k_w] = self.layout.kernel();
        let slice = self.groups.channel_in_group(cell.channel);
        let along = |axis: Axis, at: usize| -> Vec<(usize, usize)> {
            let axis = match axis {
                Axis::Rows => &self.layout.rows,
                Axis::Columns => &self.layout.columns,
            };
            (0..axis.kernel)
                .filter_map(|tap| axis.output_cell(at, tap).map(|out| (out, tap)))
                .collect()
        };
        let (rows, columns) = (
            along(Axis::Rows, cell.row),
            along(Axis::Columns, cell.column),
        );
        let mut readers = Vec::new();
        for filter in self.groups.filters_of_channel(cell.channel) {
            for &(row, kh) in &rows {
                for &(column, kw) in &columns {
                    let output = Cell {
                        channel: filter,
                        row,
                        column,
                    };
                    let (jh, jw) = (k_h - 1 - kh, k_w - 1 - kw);
                    readers.push(Reader {
                        step: step_of_cell(output, self.output_shape()),
                        tap: (slice * k_h + jh) * k_w + jw,
                    });
                }
            }
        }
        readers.sort_unstable_by_key(|reader| (reader.step, reader.tap));
        Ok(readers)
    }
}
