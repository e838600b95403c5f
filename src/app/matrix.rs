//! Convolution as a matrix product, built from the engine's steps: the view model of the
//! matrix panels. Every value, weight and output here is read from [`Stepper::step`]; nothing
//! is computed again.
//!
//! Two forms, both in the frameworks' layout (PyTorch `F.unfold` and `conv2d`):
//!
//! ```text
//! im2col    Y = X · W + b     X: one row per output position (oh, ow), one column per tap
//!                                (channel, kh, kw): the window's input values, 0 on padding
//!                             W: the flattened kernel, one column per filter
//!                             Y: one row per output position, one column per filter
//! Toeplitz  y = M · x + b     one filter; x: the input flattened row-major per channel
//!                             M[o][i]: the weight that multiplies input cell i for output o,
//!                             0 where no tap of window o reads cell i
//! ```
//!
//! Above a size that fits on screen the views are not built, and [`Unavailable`] says why.

use crate::engine::{
    Arithmetic, Cell, Layer, Source, Step, Stepper,
    stepper::{cell_of_step, ordered_sum},
};

/// Largest im2col matrix shown: `[rows, columns]`, output positions × taps per window
/// (a 8×8 output, or three channels of a 5×5 kernel).
pub const IM2COL_LIMIT: [usize; 2] = [64, 75];
/// Largest Toeplitz matrix shown: `[rows, columns]`, output cells × input cells (a 6×6
/// output of an 8×8 input).
pub const TOEPLITZ_LIMIT: [usize; 2] = [36, 64];

/// Why a matrix view is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The stage shown is not a convolution: it has no weights to multiply by.
    NotConvolution,
    /// The matrix would not fit on screen.
    TooLarge {
        /// Rows the matrix would have.
        rows: usize,
        /// Columns it would have.
        columns: usize,
        /// The largest `[rows, columns]` shown.
        limit: [usize; 2],
    },
}

/// Fails with [`Unavailable::TooLarge`] unless `[rows, columns]` fits in `limit`.
fn check_size(rows: usize, columns: usize, limit: [usize; 2]) -> Result<(), Unavailable> {
    if rows > limit[0] || columns > limit[1] {
        Err(Unavailable::TooLarge {
            rows,
            columns,
            limit,
        })
    } else {
        Ok(())
    }
}

/// The stage, when it is a convolution or a transposed one (whose gather view is a convolution
/// over the zero-inserted, padded input); otherwise why there is nothing to unroll.
fn convolution(layer: &Layer) -> Result<&Layer, Unavailable> {
    match layer {
        Layer::Conv(_) | Layer::ConvTranspose(_) => Ok(layer),
        _ => Err(Unavailable::NotConvolution),
    }
}

/// Cells skipped by dilation just before a tap, along the row or down the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// The tap follows the previous one directly, or starts a new channel.
    None,
    /// The tap is `n` columns past the previous one's right neighbour, in the same kernel row.
    Columns(usize),
    /// The tap starts a kernel row `n` rows below the row after the previous kernel row.
    Rows(usize),
}

/// One column of the im2col matrix: one tap of every window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TapColumn {
    /// Input channel.
    pub channel: usize,
    /// `[kh, kw]`: the tap's place in the window, in kernel order.
    pub window: [usize; 2],
    /// `[row, column]` of the kernel weight it meets (differs from `window` when the kernel is
    /// flipped).
    pub kernel: [usize; 2],
    /// `[rows, columns]` from the window's top-left cell to the tap, in padded cells:
    /// `[kh·dilation, kw·dilation]`.
    pub offset: [usize; 2],
    /// Where dilation skips cells before this tap.
    pub gap: Gap,
}

/// One entry of the im2col matrix: a value one window reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    /// The value read: the input value, or 0 on padding.
    pub value: f32,
    /// The input cell it comes from, or padding.
    pub source: Source,
}

/// A place in a matrix: `[row, column]`.
pub type MatrixCell = [usize; 2];

/// The convolution unrolled as `X · W + b = Y` (im2col).
#[derive(Debug, Clone, PartialEq)]
pub struct Im2col {
    /// `[out_h, out_w]`: row `r` is output position `[r / out_w, r % out_w]`.
    pub output_size: [usize; 2],
    /// The columns of `X` (and rows of `W`), in kernel order: channel, then `kh`, then `kw`.
    pub columns: Vec<TapColumn>,
    /// `X`, row-major: rows × columns entries.
    pub entries: Vec<Entry>,
    /// `W`: for each filter, its weights in column order.
    pub weights: Vec<Vec<f32>>,
    /// `b`: each filter's bias, if the convolution has one.
    pub bias: Option<Vec<f32>>,
    /// `Y`, row-major: rows × filters, the engine's output values.
    pub outputs: Vec<f32>,
}

impl Im2col {
    /// Unrolls a convolution stage, or says why it is not shown.
    pub fn new(layer: &Layer) -> Result<Self, Unavailable> {
        let layer = convolution(layer)?;
        let [filters, out_h, out_w] = layer.output_shape();
        let rows = out_h * out_w;
        let first = layer.step(0).map_err(|_| Unavailable::NotConvolution)?;
        check_size(rows, first.taps.len(), IM2COL_LIMIT)?;
        let mut im2col = Im2col {
            output_size: [out_h, out_w],
            columns: tap_columns(&first),
            entries: Vec::with_capacity(rows * first.taps.len()),
            weights: Vec::with_capacity(filters),
            bias: None,
            outputs: vec![0.0; rows * filters],
        };
        for filter in 0..filters {
            for row in 0..rows {
                let Ok(step) = layer.step(filter * rows + row) else {
                    continue;
                };
                // Every filter reads the same windows: filter 0's steps give the rows.
                if filter == 0 {
                    im2col.entries.extend(step.taps.iter().map(|tap| Entry {
                        value: tap.value,
                        source: tap.source,
                    }));
                }
                if row == 0 {
                    im2col.weights.push(weights_of(&step));
                    if let Arithmetic::WeightedSum {
                        bias: Some(bias), ..
                    } = step.arithmetic
                    {
                        im2col.bias.get_or_insert_with(Vec::new).push(bias);
                    }
                }
                im2col.outputs[row * filters + filter] = step.value;
            }
        }
        Ok(im2col)
    }

    /// Rows of `X`: one per output position.
    pub fn rows(&self) -> usize {
        self.output_size[0] * self.output_size[1]
    }

    /// Filters: the columns of `W` and `Y`.
    pub fn filters(&self) -> usize {
        self.weights.len()
    }

    /// Row `row` of `X`: the window of output position `row`.
    pub fn row(&self, row: usize) -> &[Entry] {
        let width = self.columns.len();
        self.entries
            .get(row * width..(row + 1) * width)
            .unwrap_or(&[])
    }

    /// `Y[row][filter]`.
    pub fn output(&self, row: usize, filter: usize) -> Option<f32> {
        self.outputs.get(row * self.filters() + filter).copied()
    }

    /// Where step `step` sits: `[row of X and Y, column of W and Y]`, i.e. `[output position,
    /// filter]`. The page highlights that row of `X`, that column of `W` and that cell of `Y`.
    pub fn cell_of_step(&self, step: usize) -> Option<MatrixCell> {
        let [out_h, out_w] = self.output_size;
        let cell = cell_of_step(step, [self.filters(), out_h, out_w]).ok()?;
        Some([cell.row * out_w + cell.column, cell.channel])
    }
}

/// A step's weights in tap order: one column of `W`.
fn weights_of(step: &Step) -> Vec<f32> {
    step.taps
        .iter()
        .map(|tap| tap.weight.unwrap_or(0.0))
        .collect()
}

/// The columns of `X`, from the first window, whose top-left cell is padded cell `[0, 0]`: its
/// taps' padded cells are the offsets, and the dilation gaps lie between them.
fn tap_columns(first: &Step) -> Vec<TapColumn> {
    let k_w = first
        .taps
        .iter()
        .map(|tap| tap.kernel[1])
        .max()
        .unwrap_or(0)
        + 1;
    let mut columns: Vec<TapColumn> = Vec::with_capacity(first.taps.len());
    let mut in_channel = 0;
    for tap in &first.taps {
        let offset = tap.padded;
        let gap = match columns.last() {
            Some(previous) if previous.channel == tap.channel => {
                in_channel += 1;
                match (offset[0] - previous.offset[0], offset[1]) {
                    (0, column) if column > previous.offset[1] + 1 => {
                        Gap::Columns(column - previous.offset[1] - 1)
                    }
                    (rows, _) if rows > 1 => Gap::Rows(rows - 1),
                    _ => Gap::None,
                }
            }
            _ => {
                in_channel = 0;
                Gap::None
            }
        };
        columns.push(TapColumn {
            channel: tap.channel,
            window: [in_channel / k_w, in_channel % k_w],
            kernel: tap.kernel,
            offset,
            gap,
        });
    }
    columns
}

/// A nonzero entry of the Toeplitz matrix: the weight, and which kernel cell it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// The weight.
    pub weight: f32,
    /// `[row, column]` of the kernel cell it comes from: equal cells run along the diagonals.
    pub kernel: [usize; 2],
}

/// One filter of the convolution as `y = M · x + b` (the doubly-banded Toeplitz form).
#[derive(Debug, Clone, PartialEq)]
pub struct Toeplitz {
    /// The filter shown.
    pub filter: usize,
    /// `[channels, in_h, in_w]`: column `i` of `M` is input cell
    /// `[i / (in_h·in_w), i / in_w % in_h, i % in_w]`.
    pub input_shape: [usize; 3],
    /// `[out_h, out_w]`: row `o` of `M` is output cell `[o / out_w, o % out_w]`.
    pub output_size: [usize; 2],
    /// `M`, row-major: output cells × input cells; `None` where the weight is 0 because no tap
    /// reads the cell (taps on padding read no input cell, and have no column).
    pub entries: Vec<Option<Band>>,
    /// `x`: the input, flattened.
    pub input: Vec<f32>,
    /// `b`: the filter's bias, if the convolution has one.
    pub bias: Option<f32>,
    /// `y`: the engine's output of the filter, flattened.
    pub output: Vec<f32>,
}

impl Toeplitz {
    /// The matrix of filter `filter` of a convolution stage (past the last filter: the last),
    /// or why it is not shown.
    pub fn new(layer: &Layer, filter: usize) -> Result<Self, Unavailable> {
        let layer = convolution(layer)?;
        let [channels, in_h, in_w] = layer.input_shape();
        let [filters, out_h, out_w] = layer.output_shape();
        let (rows, columns) = (out_h * out_w, channels * in_h * in_w);
        check_size(rows, columns, TOEPLITZ_LIMIT)?;
        let mut toeplitz = Toeplitz {
            filter: filter.min(filters.saturating_sub(1)),
            input_shape: [channels, in_h, in_w],
            output_size: [out_h, out_w],
            entries: vec![None; rows * columns],
            input: layer.input().iter().copied().collect(),
            bias: None,
            output: Vec::with_capacity(rows),
        };
        for row in 0..rows {
            let Ok(step) = layer.step(toeplitz.filter * rows + row) else {
                break;
            };
            for tap in &step.taps {
                if let (Source::Input { row: r, column: c }, Some(weight)) =
                    (tap.source, tap.weight)
                {
                    toeplitz.entries[row * columns + (tap.channel * in_h + r) * in_w + c] =
                        Some(Band {
                            weight,
                            kernel: tap.kernel,
                        });
                }
            }
            if let Arithmetic::WeightedSum { bias, .. } = step.arithmetic {
                toeplitz.bias = bias;
            }
            toeplitz.output.push(step.value);
        }
        Ok(toeplitz)
    }

    /// Rows of `M`: output cells.
    pub fn rows(&self) -> usize {
        self.output_size[0] * self.output_size[1]
    }

    /// Columns of `M`: input cells.
    pub fn columns(&self) -> usize {
        self.input_shape.iter().product()
    }

    /// `M[row][column]`.
    pub fn entry(&self, row: usize, column: usize) -> Option<Band> {
        if column >= self.columns() {
            return None;
        }
        self.entries
            .get(row * self.columns() + column)
            .copied()
            .flatten()
    }

    /// The input cell of column `column` of `M`.
    pub fn input_cell(&self, column: usize) -> Cell {
        let [_, in_h, in_w] = self.input_shape;
        Cell {
            channel: column / (in_h * in_w).max(1),
            row: column / in_w.max(1) % in_h.max(1),
            column: column % in_w.max(1),
        }
    }

    /// The row of `M` that step `step` computes, when the step belongs to the filter shown.
    pub fn row_of_step(&self, step: usize) -> Option<usize> {
        // Steps run filter by filter, each over its output cells in raster order.
        let rows = self.rows().max(1);
        (step / rows == self.filter).then_some(step % rows)
    }

    /// `M · x + b` for any `x` of [`Toeplitz::columns`] values, summed in the engine's order:
    /// each channel's products in input order (which is kernel order), then the channel sums,
    /// then the bias. With `x` = [`Toeplitz::input`] it equals [`Toeplitz::output`] to the bit.
    pub fn apply(&self, x: &[f32]) -> Vec<f32> {
        let [channels, in_h, in_w] = self.input_shape;
        let plane = in_h * in_w;
        (0..self.rows())
            .map(|row| {
                let channel_sums = (0..channels).map(|channel| {
                    ordered_sum((0..plane).filter_map(|cell| {
                        let column = channel * plane + cell;
                        let band = self.entry(row, column)?;
                        Some(x.get(column).copied().unwrap_or(0.0) * band.weight)
                    }))
                });
                ordered_sum(channel_sums) + self.bias.unwrap_or(0.0)
            })
            .collect()
    }
}
