//! The one home of shape arithmetic: kernel, stride, dilation, padding and output size per axis.
//!
//! ```text
//! kernel_field = dilation * (kernel - 1) + 1          cells one window spans
//! padded       = pad_begin + input + pad_end
//! out (floor)  = floor((padded - kernel_field) / stride) + 1
//! out (ceil)   = ceil((padded - kernel_field) / stride) + 1,
//!                minus 1 if that last window would start past the input
//!                (at or after pad_begin + input): PyTorch `pooling_output_shape`,
//!                ONNX MaxPool/AveragePool `ceil_mode`.
//! same         : out = ceil(input / stride),
//!                total = max(0, (out - 1) * stride + kernel_field - input),
//!                SAME_UPPER puts the odd cell at the end, SAME_LOWER at the beginning (ONNX auto_pad).
//! full         : kernel_field - 1 on each side.
//! ```
//!
//! Window `o` along an axis starts at padded cell `o * stride`; its tap `k` reads padded cell
//! `o * stride + k * dilation`, which is input cell `that - pad_begin` when inside the input.

use super::error::{Axis, EngineError, Limited, Result};
use super::limits::{
    MAX_DILATION, MAX_INPUT_SIDE, MAX_KERNEL_SIDE, MAX_PADDING, MAX_STRIDE, check_at_most,
};
use super::trace::Source;
use std::fmt;

/// How the output size is rounded when the stride does not divide the remaining cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rounding {
    /// Drop a partial last window (convolution always; pooling by default).
    #[default]
    Floor,
    /// Keep a partial last window if it starts inside the input or the begin padding (pooling `ceil_mode`).
    Ceil,
}

/// Padding on the four sides of the input, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sides {
    /// Rows added above.
    pub top: usize,
    /// Columns added on the left.
    pub left: usize,
    /// Rows added below.
    pub bottom: usize,
    /// Columns added on the right.
    pub right: usize,
}

impl Sides {
    /// The same padding on all four sides.
    pub fn uniform(cells: usize) -> Self {
        Sides {
            top: cells,
            left: cells,
            bottom: cells,
            right: cells,
        }
    }

    /// `(begin, end)` padding along one axis.
    pub fn along(&self, axis: Axis) -> (usize, usize) {
        match axis {
            Axis::Rows => (self.top, self.bottom),
            Axis::Columns => (self.left, self.right),
        }
    }

    /// Whether any side is padded.
    pub fn any(&self) -> bool {
        self.top + self.left + self.bottom + self.right > 0
    }
}

/// Padding, as numbers or as a named mode that resolves to numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Padding {
    /// Exactly these cells on each side.
    Explicit(Sides),
    /// No padding.
    #[default]
    Valid,
    /// Output size `ceil(input / stride)`; an odd total puts the extra cell at the end (ONNX SAME_UPPER).
    Same,
    /// As [`Padding::Same`], with the extra cell at the beginning (ONNX SAME_LOWER).
    SameLower,
    /// `kernel_field - 1` on each side: every overlap of kernel and input is visited.
    Full,
}

/// The sizes that define one axis of a sliding window, before padding is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AxisSpec {
    /// Input cells along the axis.
    pub input: usize,
    /// Kernel (window) cells along the axis.
    pub kernel: usize,
    /// Cells the window moves per step.
    pub stride: usize,
    /// Distance between neighbouring taps; 1 means no gaps.
    pub dilation: usize,
}

/// One axis fully resolved: padding, the window's reach and the output size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AxisLayout {
    /// Which axis this is.
    pub axis: Axis,
    /// Input cells along the axis.
    pub input: usize,
    /// Kernel cells along the axis.
    pub kernel: usize,
    /// Cells the window moves per step.
    pub stride: usize,
    /// Distance between neighbouring taps.
    pub dilation: usize,
    /// Padding cells before the input.
    pub pad_begin: usize,
    /// Padding cells after the input.
    pub pad_end: usize,
    /// Floor or ceil.
    pub rounding: Rounding,
    /// Cells one window spans: `dilation * (kernel - 1) + 1`.
    pub kernel_field: usize,
    /// Output cells along the axis.
    pub output: usize,
}

impl AxisLayout {
    /// Resolves one axis, or explains why no window fits.
    pub fn new(
        axis: Axis,
        spec: AxisSpec,
        (pad_begin, pad_end): (usize, usize),
        rounding: Rounding,
    ) -> Result<Self> {
        let AxisSpec {
            input,
            kernel,
            stride,
            dilation,
        } = spec;
        check_spec(axis, spec)?;
        check_at_most(Limited::Padding, pad_begin, MAX_PADDING)?;
        check_at_most(Limited::Padding, pad_end, MAX_PADDING)?;
        let kernel_field = dilation * (kernel - 1) + 1;
        let padded = pad_begin + input + pad_end;
        if kernel_field > padded {
            return Err(EngineError::KernelLargerThanInput {
                axis,
                field: kernel_field,
                padded,
                input,
                pad_begin,
                pad_end,
            });
        }
        let room = padded - kernel_field;
        let output = match rounding {
            Rounding::Floor => room / stride + 1,
            Rounding::Ceil => {
                let output = room.div_ceil(stride) + 1;
                // The last window must start inside the input or the begin padding.
                if (output - 1) * stride >= pad_begin + input {
                    output - 1
                } else {
                    output
                }
            }
        };
        Ok(AxisLayout {
            axis,
            input,
            kernel,
            stride,
            dilation,
            pad_begin,
            pad_end,
            rounding,
            kernel_field,
            output,
        })
    }

    /// Input plus padding on both sides.
    pub fn padded(&self) -> usize {
        self.pad_begin + self.input + self.pad_end
    }

    /// Padded cell read by tap `tap` of window `window`.
    pub fn padded_cell(&self, window: usize, tap: usize) -> usize {
        window * self.stride + tap * self.dilation
    }

    /// Input cell read by tap `tap` of window `window`, or `None` for a padding cell
    /// (or, in ceil mode, a cell past the padding).
    pub fn input_cell(&self, window: usize, tap: usize) -> Option<usize> {
        let cell = self.padded_cell(window, tap).checked_sub(self.pad_begin)?;
        (cell < self.input).then_some(cell)
    }

    /// Where tap `tap` of window `window` falls along this axis: its input cell, if any, and
    /// whether it lies past the end padding.
    pub fn tap_source(&self, window: usize, tap: usize) -> (Option<usize>, bool) {
        (self.input_cell(window, tap), self.is_beyond(window, tap))
    }

    /// Whether tap `tap` of window `window` lies past the end padding (only in ceil mode).
    pub fn is_beyond(&self, window: usize, tap: usize) -> bool {
        self.padded_cell(window, tap) >= self.padded()
    }

    /// The windows whose tap `tap` reads a real input cell: a contiguous range.
    pub fn windows_reading_input(&self, tap: usize) -> std::ops::Range<usize> {
        let offset = tap * self.dilation;
        // First window with `window * stride + offset >= pad_begin`.
        let first = self.pad_begin.saturating_sub(offset).div_ceil(self.stride);
        // Past the last window with `window * stride + offset < pad_begin + input`.
        let end = match (self.pad_begin + self.input).checked_sub(offset + 1) {
            Some(last_start) => (last_start / self.stride + 1).min(self.output),
            None => 0,
        };
        first..end.max(first)
    }

    /// Every `(window, tap)` pair that reads input cell `cell`, in window order.
    pub fn readers_of(&self, cell: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let padded = cell + self.pad_begin;
        (0..self.kernel).filter_map(move |tap| {
            let start = padded.checked_sub(tap * self.dilation)?;
            let window = start / self.stride;
            (start % self.stride == 0 && window < self.output).then_some((window, tap))
        })
    }

    /// Input cells that no tap of any window reads, in order.
    ///
    /// Trailing cells are skipped when the stride does not land on them; interior cells can be
    /// skipped when dilation leaves gaps that the stride does not fill.
    pub fn never_read(&self) -> Vec<usize> {
        let mut read = vec![false; self.input];
        for window in 0..self.output {
            for tap in 0..self.kernel {
                if let Some(cell) = self.input_cell(window, tap) {
                    read[cell] = true;
                }
            }
        }
        (0..self.input).filter(|&cell| !read[cell]).collect()
    }

    /// The output-size formula with this axis's numbers substituted.
    pub fn formula(&self) -> OutputSizeFormula {
        let padded = self.padded();
        let room = padded - self.kernel_field;
        OutputSizeFormula {
            rounding: self.rounding,
            input: self.input,
            pad_begin: self.pad_begin,
            pad_end: self.pad_end,
            kernel_field: self.kernel_field,
            stride: self.stride,
            quotient: match self.rounding {
                Rounding::Floor => room / self.stride,
                Rounding::Ceil => room.div_ceil(self.stride),
            },
            output: self.output,
        }
    }
}

/// The output-size formula of one axis as data, so the screen can show every number.
///
/// Displays as `floor((7 + 1 + 1 - 3) / 2) + 1 = 4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OutputSizeFormula {
    /// Floor or ceil.
    pub rounding: Rounding,
    /// Input cells.
    pub input: usize,
    /// Padding before.
    pub pad_begin: usize,
    /// Padding after.
    pub pad_end: usize,
    /// Cells one window spans.
    pub kernel_field: usize,
    /// Stride.
    pub stride: usize,
    /// The rounded quotient `floor|ceil((input + pads - field) / stride)`.
    pub quotient: usize,
    /// The output size; one less than `quotient + 1` when ceil mode drops a window starting past the input.
    pub output: usize,
}

impl OutputSizeFormula {
    /// Whether ceil mode dropped a last window that would have started in the end padding.
    pub fn dropped_last_window(&self) -> bool {
        self.output != self.quotient + 1
    }
}

impl fmt::Display for OutputSizeFormula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounding = match self.rounding {
            Rounding::Floor => "floor",
            Rounding::Ceil => "ceil",
        };
        write!(
            f,
            "{rounding}(({} + {} + {} - {}) / {}) + 1 = {}",
            self.input,
            self.pad_begin,
            self.pad_end,
            self.kernel_field,
            self.stride,
            self.quotient + 1
        )?;
        if self.dropped_last_window() {
            write!(f, " - 1 = {}", self.output)?;
        }
        Ok(())
    }
}

/// Both axes of a sliding window: what convolution and pooling share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WindowLayout {
    /// The vertical axis.
    pub rows: AxisLayout,
    /// The horizontal axis.
    pub columns: AxisLayout,
}

/// Everything that defines a sliding window over a grid, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WindowSpec {
    /// `[height, width]` of the kernel or pooling window.
    pub kernel: [usize; 2],
    /// `[vertical, horizontal]` stride.
    pub stride: [usize; 2],
    /// `[vertical, horizontal]` dilation.
    pub dilation: [usize; 2],
    /// Padding, as numbers or a named mode.
    pub padding: Padding,
    /// Floor or ceil output size.
    pub rounding: Rounding,
}

impl Default for WindowSpec {
    fn default() -> Self {
        WindowSpec {
            kernel: [3, 3],
            stride: [1, 1],
            dilation: [1, 1],
            padding: Padding::Valid,
            rounding: Rounding::Floor,
        }
    }
}

impl WindowLayout {
    /// Resolves a window over an input of `[rows, columns]`.
    pub fn new([in_h, in_w]: [usize; 2], spec: &WindowSpec) -> Result<Self> {
        let axis_spec = |axis: Axis| {
            let i = axis_index(axis);
            AxisSpec {
                input: [in_h, in_w][i],
                kernel: spec.kernel[i],
                stride: spec.stride[i],
                dilation: spec.dilation[i],
            }
        };
        let sides = resolve_padding(
            spec.padding,
            axis_spec(Axis::Rows),
            axis_spec(Axis::Columns),
        )?;
        Ok(WindowLayout {
            rows: AxisLayout::new(
                Axis::Rows,
                axis_spec(Axis::Rows),
                sides.along(Axis::Rows),
                spec.rounding,
            )?,
            columns: AxisLayout::new(
                Axis::Columns,
                axis_spec(Axis::Columns),
                sides.along(Axis::Columns),
                spec.rounding,
            )?,
        })
    }

    /// The layout of one axis.
    pub fn along(&self, axis: Axis) -> &AxisLayout {
        match axis {
            Axis::Rows => &self.rows,
            Axis::Columns => &self.columns,
        }
    }

    /// `[out_h, out_w]`.
    pub fn output(&self) -> [usize; 2] {
        [self.rows.output, self.columns.output]
    }

    /// `[k_h, k_w]`.
    pub fn kernel(&self) -> [usize; 2] {
        [self.rows.kernel, self.columns.kernel]
    }

    /// The resolved padding on each side.
    pub fn sides(&self) -> Sides {
        Sides {
            top: self.rows.pad_begin,
            left: self.columns.pad_begin,
            bottom: self.rows.pad_end,
            right: self.columns.pad_end,
        }
    }

    /// Where tap `[kh, kw]` of window `[oh, ow]` reads: its padded `[row, column]` and source.
    pub fn locate(&self, [oh, ow]: [usize; 2], [kh, kw]: [usize; 2]) -> ([usize; 2], Source) {
        let padded = [
            self.rows.padded_cell(oh, kh),
            self.columns.padded_cell(ow, kw),
        ];
        let source = Source::of_axes(
            self.rows.tap_source(oh, kh),
            self.columns.tap_source(ow, kw),
        );
        (padded, source)
    }

    /// Every `([oh, ow], [kh, kw])` whose tap reads input cell `[row, column]`, in raster order of windows.
    pub fn readers_of(&self, [row, column]: [usize; 2]) -> Vec<([usize; 2], [usize; 2])> {
        let mut readers = Vec::new();
        for (oh, kh) in self.rows.readers_of(row) {
            for (ow, kw) in self.columns.readers_of(column) {
                readers.push(([oh, ow], [kh, kw]));
            }
        }
        readers.sort_unstable();
        readers
    }

    /// Taps per window and channel: `k_h * k_w`.
    pub fn taps_per_channel(&self) -> usize {
        self.rows.kernel * self.columns.kernel
    }
}

fn axis_index(axis: Axis) -> usize {
    match axis {
        Axis::Rows => 0,
        Axis::Columns => 1,
    }
}

fn check_spec(axis: Axis, spec: AxisSpec) -> Result<()> {
    if spec.kernel == 0 {
        return Err(EngineError::ZeroKernel { axis });
    }
    if spec.stride == 0 {
        return Err(EngineError::ZeroStride { axis });
    }
    if spec.dilation == 0 {
        return Err(EngineError::ZeroDilation { axis });
    }
    check_at_most(Limited::InputSide, spec.input, MAX_INPUT_SIDE)?;
    check_at_most(Limited::KernelSide, spec.kernel, MAX_KERNEL_SIDE)?;
    check_at_most(Limited::Stride, spec.stride, MAX_STRIDE)?;
    check_at_most(Limited::Dilation, spec.dilation, MAX_DILATION)
}

/// Resolves a padding mode to cells per side, given both axes' sizes.
pub fn resolve_padding(padding: Padding, rows: AxisSpec, columns: AxisSpec) -> Result<Sides> {
    check_spec(Axis::Rows, rows)?;
    check_spec(Axis::Columns, columns)?;
    let per_axis = |resolve: fn(AxisSpec) -> (usize, usize)| {
        let (top, bottom) = resolve(rows);
        let (left, right) = resolve(columns);
        Sides {
            top,
            left,
            bottom,
            right,
        }
    };
    Ok(match padding {
        Padding::Explicit(sides) => sides,
        Padding::Valid => Sides::default(),
        Padding::Same => per_axis(|spec| {
            let total = same_total(spec);
            (total / 2, total - total / 2)
        }),
        Padding::SameLower => per_axis(|spec| {
            let total = same_total(spec);
            (total - total / 2, total / 2)
        }),
        Padding::Full => per_axis(|spec| {
            let field = spec.dilation * (spec.kernel - 1) + 1;
            (field - 1, field - 1)
        }),
    })
}

/// Total padding that makes the output `ceil(input / stride)` (ONNX auto_pad SAME_*).
fn same_total(spec: AxisSpec) -> usize {
    let output = spec.input.div_ceil(spec.stride);
    let field = spec.dilation * (spec.kernel - 1) + 1;
    ((output.max(1) - 1) * spec.stride + field).saturating_sub(spec.input)
}
