//! The scatter view of a transposed convolution: one step is one input cell, whose value
//! scales the kernel that lands in the output; and its reverse map, from an output cell to the
//! steps that land on it.
//!
//! Steps are numbered in raster order over the input: channel, then row, then column. A
//! landing's running total is what its output cell holds once this step has landed, summed in
//! the order the forward sums (see the parent module): the sums of the group's earlier input
//! channels, then this channel's products up to this input cell, then the bias. After the last
//! step that lands on a cell, its running total is the forward's value to the bit.

use super::ConvTranspose;
use crate::engine::arrays::FeatureMap;
use crate::engine::error::Result;
use crate::engine::stepper::{Cell, Stepper, cell_of_step, check_cell, step_of_cell};

/// One product of a scatter step: a weight of the kernel times the input value, landing on an
/// output cell (or cropped away by the padding).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Landing {
    /// The output cell written, or `None` where the padding crops the product away.
    pub output: Option<Cell>,
    /// The filter (output channel) the product belongs to.
    pub filter: usize,
    /// Where the product lands, `[row, column]` in output cells: negative, or past the output,
    /// where cropped.
    pub position: [i64; 2],
    /// The weight's `[row, column]` in the kernel.
    pub kernel: [usize; 2],
    /// The weight.
    pub weight: f32,
    /// `input value × weight`.
    pub product: f32,
    /// The output cell's value once this step has landed (see the module); `None` if cropped.
    pub total: Option<f32>,
}

/// One input cell scattered: its value, and every product of the kernel it scales.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterStep {
    /// Step number, from 0.
    pub index: usize,
    /// The input cell scattered.
    pub input: Cell,
    /// Its value.
    pub value: f32,
    /// The products, filter by filter of the channel's group, each in kernel raster order.
    pub landings: Vec<Landing>,
}

/// A scatter step that lands on a given output cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScatterWriter {
    /// The scatter step.
    pub step: usize,
    /// Index into that step's `landings`.
    pub landing: usize,
}

impl ConvTranspose {
    /// Number of scatter steps: one per input value.
    pub fn scatter_step_count(&self) -> usize {
        let [channels, rows, columns] = self.input_shape();
        channels * rows * columns
    }

    /// Scatter step `index`, in O(landings × the products landing on each cell).
    pub fn scatter_step(&self, index: usize) -> Result<ScatterStep> {
        let input = cell_of_step(index, self.input_shape())?;
        let value = self.input[[input.channel, input.row, input.column]];
        let [k_h, k_w] = self.layout.kernel();
        let (rows, columns) = (&self.layout.rows, &self.layout.columns);
        let filters = self.groups.filters_of_channel(input.channel);
        let mut landings = Vec::with_capacity(filters.len() * k_h * k_w);
        for filter in filters {
            for kh in 0..k_h {
                for kw in 0..k_w {
                    let output = rows
                        .output_cell(input.row, kh)
                        .zip(columns.output_cell(input.column, kw))
                        .map(|(row, column)| Cell {
                            channel: filter,
                            row,
                            column,
                        });
                    let weight = self.weight(input.channel, filter, [kh, kw]);
                    landings.push(Landing {
                        output,
                        filter,
                        position: [
                            rows.landing(input.row, kh),
                            columns.landing(input.column, kw),
                        ],
                        kernel: [kh, kw],
                        weight,
                        product: value * weight,
                        total: output.map(|cell| {
                            self.value_until(cell, input.channel, Some([input.row, input.column]))
                        }),
                    });
                }
            }
        }
        Ok(ScatterStep {
            index,
            input,
            value,
            landings,
        })
    }

    /// Every scatter step and landing that writes output cell `cell`, in step order.
    pub fn scatter_writers_of(&self, cell: Cell) -> Result<Vec<ScatterWriter>> {
        check_cell(cell, self.output_shape())?;
        let [k_h, k_w] = self.layout.kernel();
        let slice = self.groups.filter_in_group(cell.channel);
        let mut writers = Vec::new();
        for channel in self.groups.channels_of_filter(cell.channel) {
            for &(row, kh) in &self.rows[cell.row] {
                for &(column, kw) in &self.columns[cell.column] {
                    writers.push(ScatterWriter {
                        step: step_of_cell(
                            Cell {
                                channel,
                                row,
                                column,
                            },
                            self.input_shape(),
                        ),
                        landing: (slice * k_h + kh) * k_w + kw,
                    });
                }
            }
        }
        Ok(writers)
    }

    /// Every output cell's value once scatter step `index` has landed: what the output grid
    /// shows at that step. A cell nothing has landed on yet holds its bias (0 without one).
    pub fn scatter_totals(&self, index: usize) -> Result<FeatureMap> {
        let input = cell_of_step(index, self.input_shape())?;
        let [filters, out_h, out_w] = self.output_shape();
        Ok(FeatureMap::from_shape_fn(
            (filters, out_h, out_w),
            |(channel, row, column)| {
                let cell = Cell {
                    channel,
                    row,
                    column,
                };
                let channels = self.groups.channels_of_filter(channel);
                if input.channel < channels.start {
                    self.bias(channel)
                } else if input.channel >= channels.end {
                    self.value_until(cell, channels.end - 1, None)
                } else {
                    self.value_until(cell, input.channel, Some([input.row, input.column]))
                }
            },
        ))
    }
}
