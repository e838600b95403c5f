//! The stepper's vocabulary: one output value's window as data, and the reverse map.
//!
//! Steps are numbered in raster order — output channel, then row, then column — so step `i`
//! writes output cell `(i / (out_h*out_w), i / out_w % out_h, i % out_w)`.

use super::activation::function::Activation;
use super::arrays::FeatureMap;
use super::error::{EngineError, Result};
use super::geometry::Source;

/// A cell of a channels × rows × columns feature map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    /// Channel (for a convolution's output: the filter).
    pub channel: usize,
    /// Row.
    pub row: usize,
    /// Column.
    pub column: usize,
}

/// One cell a window reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tap {
    /// Input channel read.
    pub channel: usize,
    /// `[row, column]` of the weight in the kernel grid (after flipping, when the kernel is flipped);
    /// for pooling, the position in the window.
    pub kernel: [usize; 2],
    /// `[row, column]` in the padded input (padding included).
    pub padded: [usize; 2],
    /// The input cell, padding, or beyond.
    pub source: Source,
    /// The value read: the input value (for a padding cell that repeats one, that cell's), or 0
    /// for zero padding and inserted zeros.
    pub value: f32,
    /// The weight it is multiplied by (convolution only).
    pub weight: Option<f32>,
}

impl Tap {
    /// `value * weight` for a convolution tap.
    pub fn product(&self) -> Option<f32> {
        self.weight.map(|weight| self.value * weight)
    }

    /// Whether this tap reads a real input cell.
    pub fn is_input(&self) -> bool {
        matches!(self.source, Source::Input { .. })
    }
}

/// How a step's value is computed from its taps.
#[derive(Debug, Clone, PartialEq)]
pub enum Arithmetic {
    /// Convolution: products summed per input channel, the channel sums summed, plus the bias.
    WeightedSum {
        /// One partial sum per input channel, in channel order.
        channel_sums: Vec<f32>,
        /// The filter's bias, if the convolution has one.
        bias: Option<f32>,
    },
    /// Max pooling: the largest real input value.
    Max {
        /// Index into `taps` of the winner (the first, if several are equal).
        winner: usize,
    },
    /// Average pooling: sum of the real values divided by the divisor.
    Average {
        /// Sum of the real input values.
        sum: f32,
        /// Cells counted: real cells, plus padding cells when padding counts.
        divisor: usize,
    },
    /// An element-wise activation of one value.
    Activation {
        /// The function applied.
        function: Activation,
    },
}

/// One output value and everything that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Step number, from 0.
    pub index: usize,
    /// The output cell written.
    pub output: Cell,
    /// Every cell the window reads, in order: channel, then kernel row, then kernel column.
    pub taps: Vec<Tap>,
    /// How the value is computed.
    pub arithmetic: Arithmetic,
    /// The value written.
    pub value: f32,
}

impl Step {
    /// A weighted sum's step, convolution's and transposed convolution's alike: the channel
    /// sums added in channel order, then the bias, in the one documented order.
    pub fn weighted_sum(
        index: usize,
        output: Cell,
        taps: Vec<Tap>,
        channel_sums: Vec<f32>,
        bias: Option<f32>,
    ) -> Step {
        let value = ordered_sum(channel_sums.iter().copied()) + bias.unwrap_or(0.0);
        Step {
            index,
            output,
            taps,
            arithmetic: Arithmetic::WeightedSum { channel_sums, bias },
            value,
        }
    }

    /// The running total after each tap, restarting at each input channel: what a learner
    /// writes under each term when adding by hand. For a convolution the last total of each
    /// channel is that channel's partial sum; for pooling it sums the real values only.
    pub fn running_totals(&self) -> Vec<f32> {
        let mut totals = Vec::with_capacity(self.taps.len());
        let mut total = 0.0f32;
        let mut channel = self.taps.first().map_or(0, |tap| tap.channel);
        for tap in &self.taps {
            if tap.channel != channel {
                channel = tap.channel;
                total = 0.0;
            }
            total += match (tap.product(), tap.is_input()) {
                (Some(product), _) => product,
                (None, true) => tap.value,
                (None, false) => 0.0,
            };
            totals.push(total);
        }
        totals
    }
}

/// A tap of a step that reads a given input cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reader {
    /// The step.
    pub step: usize,
    /// Index into that step's `taps`.
    pub tap: usize,
}

/// An operation that can be run whole or one window at a time.
pub trait Stepper {
    /// `[channels, rows, columns]` of the input.
    fn input_shape(&self) -> [usize; 3];
    /// `[channels, rows, columns]` of the output.
    fn output_shape(&self) -> [usize; 3];
    /// The whole output at once; equal, value for value, to stepping every window.
    fn forward(&self) -> FeatureMap;
    /// The window of step `index`, in O(taps).
    fn step(&self, index: usize) -> Result<Step>;
    /// Every (step, tap) that reads input cell `cell`, in step order.
    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>>;

    /// Number of steps: one per output value.
    fn step_count(&self) -> usize {
        let [channels, rows, columns] = self.output_shape();
        channels * rows * columns
    }
}

/// The output cell written by step `index` of an output of `shape`, or a typed error.
pub fn cell_of_step(index: usize, shape: [usize; 3]) -> Result<Cell> {
    let [channels, rows, columns] = shape;
    let steps = channels * rows * columns;
    if index >= steps {
        return Err(EngineError::StepOutOfRange { step: index, steps });
    }
    Ok(Cell {
        channel: index / (rows * columns),
        row: index / columns % rows,
        column: index % columns,
    })
}

/// The step that writes output cell `cell` of an output of `shape`.
pub fn step_of_cell(cell: Cell, [_, rows, columns]: [usize; 3]) -> usize {
    (cell.channel * rows + cell.row) * columns + cell.column
}

/// Fails unless `cell` lies inside a feature map of `shape`.
pub fn check_cell(cell: Cell, [channels, rows, columns]: [usize; 3]) -> Result<()> {
    if cell.channel < channels && cell.row < rows && cell.column < columns {
        Ok(())
    } else {
        Err(EngineError::CellOutOfRange {
            channel: cell.channel,
            row: cell.row,
            column: cell.column,
        })
    }
}

/// Sums in order, starting from +0.0: the one summation order every operation uses.
pub fn ordered_sum(values: impl IntoIterator<Item = f32>) -> f32 {
    values.into_iter().fold(0.0, |sum, value| sum + value)
}
