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
//! span(n)      = (n - 1) * stride + kernel_field      cells the first n windows cover
//! ```
//!
//! Window `o` along an axis starts at padded cell `o * stride`; its tap `k` reads padded cell
//! `o * stride + k * dilation`, which is input cell `that - pad_begin` when inside the input.
//!
//! The formula is also worked out when no window fits (`kernel_field > padded`), so the screen
//! can show why: `floor((2 + 0 + 0 - 5) / 1) + 1 = -2`.
//!
//! A padding cell holds 0, or with a [`PaddingMode`] other than zeros it repeats an input cell
//! (PyTorch `padding_mode`, ONNX `Pad` mode). Along an axis of `n` input cells, padded cell `p`
//! lies at input offset `i = p - pad_begin`, and outside the input it borrows
//!
//! ```text
//! reflect   : -i for i < 0, 2(n - 1) - i for i >= n      (needs pad < n on each side)
//! replicate : 0 for i < 0, n - 1 for i >= n
//! circular  : i mod n                                    (needs pad <= n on each side)
//! ```
//!
//! The two axes borrow independently, so a corner cell borrows along both.

use super::error::{Axis, EngineError, Limited, Result};
use super::limits::{
    MAX_DILATION, MAX_INPUT_SIDE, MAX_KERNEL_SIDE, MAX_PADDING, MAX_STRIDE, check_at_most,
};
use std::fmt;

mod groups;
mod transposed;

pub use groups::{ConvCounts, GroupLayout};
pub use transposed::{
    GatherAxis, TransposedAxis, TransposedAxisSpec, TransposedLayout, TransposedPadding,
    TransposedSizeFormula, resolve_transposed_padding,
};

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
    /// `(kernel_field - 1) / 2`, rounded down, on every side: the padding of the tutorial's
    /// code. It keeps the size at stride 1 only for an odd kernel field; an even one loses a cell.
    Symmetric,
    /// `kernel_field - 1` on each side: every overlap of kernel and input is visited.
    Full,
}

/// What fills the padding ring of a convolution: PyTorch `padding_mode`, ONNX `Pad` mode.
///
/// Pooling always pads with cells it ignores (or counts as 0), whatever this says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PaddingMode {
    /// Zeros (PyTorch `zeros`, ONNX `constant` with 0).
    #[default]
    Zeros,
    /// The input mirrored about its edge cell, which is not repeated (PyTorch and ONNX `reflect`).
    Reflect,
    /// The edge cell repeated (PyTorch `replicate`, ONNX `edge`).
    Replicate,
    /// The input wrapped around from the other side (PyTorch `circular`, ONNX `wrap`).
    Circular,
}

impl PaddingMode {
    /// Every mode, zeros first.
    pub const ALL: [PaddingMode; 4] = [
        PaddingMode::Zeros,
        PaddingMode::Reflect,
        PaddingMode::Replicate,
        PaddingMode::Circular,
    ];

    /// The input cell that padding cell at input offset `offset` (negative before the input,
    /// `input` or more after it) repeats, or `None` for zeros. The padding must have passed
    /// [`PaddingMode::check`], so reflect and circular stay inside the input.
    fn borrow(self, offset: i64, input: usize) -> Option<usize> {
        let last = input as i64 - 1;
        let cell = match self {
            PaddingMode::Zeros => return None,
            PaddingMode::Reflect if offset < 0 => -offset,
            PaddingMode::Reflect => 2 * last - offset,
            PaddingMode::Replicate => offset.clamp(0, last),
            PaddingMode::Circular => offset.rem_euclid(input as i64),
        };
        usize::try_from(cell).ok().filter(|&cell| cell < input)
    }

    /// Fails when this mode cannot fill `pad` cells beside `input` cells along `axis`, as
    /// PyTorch refuses it: reflect needs `pad < input`, circular `pad <= input` (it wraps
    /// around at most once).
    pub fn check(
        self,
        axis: Axis,
        (pad_begin, pad_end): (usize, usize),
        input: usize,
    ) -> Result<()> {
        let pad = pad_begin.max(pad_end);
        match self {
            PaddingMode::Reflect if pad >= input => {
                Err(EngineError::ReflectPaddingTooWide { axis, pad, input })
            }
            PaddingMode::Circular if pad > input => {
                Err(EngineError::CircularPaddingTooWide { axis, pad, input })
            }
            _ => Ok(()),
        }
    }
}

/// Where a tap reads from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A real input cell.
    Input {
        /// Input row.
        row: usize,
        /// Input column.
        column: usize,
    },
    /// A padding cell that repeats input cell `[row, column]`: reflect, replicate or circular
    /// padding. Its value is that cell's.
    Borrowed {
        /// Input row repeated.
        row: usize,
        /// Input column repeated.
        column: usize,
    },
    /// A zero-padding cell.
    Padding,
    /// A zero inserted between input cells: the gather view of a transposed convolution.
    Inserted,
    /// Past the end padding: only a ceil-mode pooling window reaches here, and it is never read.
    Beyond,
}

/// Where a cell falls along one axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AxisCell {
    /// Input cell.
    Input(usize),
    /// A padding cell repeating this input cell.
    Borrowed(usize),
    /// A zero inserted between input cells (transposed convolution's gather view).
    Inserted,
    /// A zero-padding cell.
    Padding,
    /// Past the end padding (ceil-mode pooling).
    Beyond,
}

impl AxisCell {
    /// The input cell read, own or borrowed.
    pub fn read(self) -> Option<usize> {
        match self {
            AxisCell::Input(cell) | AxisCell::Borrowed(cell) => Some(cell),
            _ => None,
        }
    }
}

impl Source {
    /// The source of a tap from where it falls along each axis. What reads nothing along either
    /// axis wins, in the order past the end, padding, inserted zero; a cell borrowed along
    /// either axis is borrowed.
    pub fn of_axes(rows: AxisCell, columns: AxisCell) -> Source {
        use AxisCell as A;
        match (rows, columns) {
            (A::Beyond, _) | (_, A::Beyond) => Source::Beyond,
            (A::Padding, _) | (_, A::Padding) => Source::Padding,
            (A::Inserted, _) | (_, A::Inserted) => Source::Inserted,
            (A::Input(row), A::Input(column)) => Source::Input { row, column },
            (row, column) => match (row.read(), column.read()) {
                (Some(row), Some(column)) => Source::Borrowed { row, column },
                _ => Source::Padding,
            },
        }
    }

    /// The input cell whose value this tap reads, own or borrowed.
    pub fn read(self) -> Option<[usize; 2]> {
        match self {
            Source::Input { row, column } | Source::Borrowed { row, column } => Some([row, column]),
            _ => None,
        }
    }
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

impl AxisSpec {
    /// Cells one window spans: `dilation * (kernel - 1) + 1`. The kernel must not be 0.
    pub fn kernel_field(&self) -> usize {
        self.dilation * (self.kernel - 1) + 1
    }
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
    /// What fills the padding: zeros unless [`WindowLayout::with_padding_mode`] says otherwise.
    pub mode: PaddingMode,
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
        check_spec(axis, spec)?;
        check_padding((pad_begin, pad_end))?;
        let formula = OutputSizeFormula::worked_out(spec, (pad_begin, pad_end), rounding);
        if !formula.window_fits() {
            return Err(EngineError::KernelLargerThanInput {
                axis,
                field: formula.kernel_field,
                padded: formula.padded(),
                input: spec.input,
                pad_begin,
                pad_end,
            });
        }
        let AxisSpec {
            input,
            kernel,
            stride,
            dilation,
        } = spec;
        Ok(AxisLayout {
            axis,
            input,
            kernel,
            stride,
            dilation,
            pad_begin,
            pad_end,
            rounding,
            mode: PaddingMode::Zeros,
            kernel_field: formula.kernel_field,
            // A window fits, so the formula gives at least 1 (0 only for an empty input in ceil mode).
            output: usize::try_from(formula.output).unwrap_or(0),
        })
    }

    /// The output size when the padding is taken as input, as a framework computes it after
    /// an explicit pad. In ceil mode it can keep a last window that starts in the end padding,
    /// which this layout drops.
    pub fn output_with_padding_as_input(&self) -> usize {
        let spec = AxisSpec {
            input: self.padded(),
            kernel: self.kernel,
            stride: self.stride,
            dilation: self.dilation,
        };
        let formula = OutputSizeFormula::worked_out(spec, (0, 0), self.rounding);
        usize::try_from(formula.output).unwrap_or(0)
    }

    /// Input plus padding on both sides.
    pub fn padded(&self) -> usize {
        self.pad_begin + self.input + self.pad_end
    }

    /// Cells the first `windows` windows cover together, from the first one's start to the
    /// last one's end: `(windows - 1) * stride + kernel_field`.
    pub fn span(&self, windows: usize) -> usize {
        windows.saturating_sub(1) * self.stride + self.kernel_field
    }

    /// Cells from the start of the padding to the end of whatever lies further: the end padding,
    /// or in ceil mode the last window, which may reach past it. What a drawing of the axis needs.
    pub fn extent(&self) -> usize {
        self.padded().max(self.span(self.output))
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

    /// What padded cell `padded` holds along this axis: an input cell, a padding cell (which
    /// may repeat an input cell, by the padding mode), or a cell past the end padding.
    pub fn cell_at(&self, padded: usize) -> AxisCell {
        if padded >= self.padded() {
            return AxisCell::Beyond;
        }
        let offset = padded as i64 - self.pad_begin as i64;
        match usize::try_from(offset) {
            Ok(cell) if cell < self.input => AxisCell::Input(cell),
            _ => self
                .mode
                .borrow(offset, self.input)
                .map_or(AxisCell::Padding, AxisCell::Borrowed),
        }
    }

    /// Where tap `tap` of window `window` falls along this axis.
    pub fn tap_source(&self, window: usize, tap: usize) -> AxisCell {
        self.cell_at(self.padded_cell(window, tap))
    }

    /// The padded cells that read input cell `cell`: its own, then the padding cells that
    /// repeat it, in order.
    pub fn padded_cells_reading(&self, cell: usize) -> Vec<usize> {
        let mut cells = vec![cell + self.pad_begin];
        let ring = (0..self.pad_begin).chain(self.pad_begin + self.input..self.padded());
        cells.extend(ring.filter(|&padded| self.cell_at(padded) == AxisCell::Borrowed(cell)));
        cells.sort_unstable();
        cells
    }

    /// Every `(window, tap)` pair that reads input cell `cell`, own or borrowed by the padding,
    /// in window order, then tap order.
    pub fn readers_of(&self, cell: usize) -> Vec<(usize, usize)> {
        let mut readers = Vec::new();
        for padded in self.padded_cells_reading(cell) {
            readers.extend((0..self.kernel).filter_map(|tap| {
                let start = padded.checked_sub(tap * self.dilation)?;
                let window = start / self.stride;
                (start % self.stride == 0 && window < self.output).then_some((window, tap))
            }));
        }
        readers.sort_unstable();
        readers
    }

    /// Input cells that no tap of any window reads, in order. A cell the padding repeats is
    /// read wherever a tap reads that padding cell.
    ///
    /// Trailing cells are skipped when the stride does not land on them; interior cells can be
    /// skipped when dilation leaves gaps that the stride does not fill.
    pub fn never_read(&self) -> Vec<usize> {
        let mut read = vec![false; self.input];
        for window in 0..self.output {
            for tap in 0..self.kernel {
                if let Some(cell) = self.tap_source(window, tap).read() {
                    read[cell] = true;
                }
            }
        }
        (0..self.input).filter(|&cell| !read[cell]).collect()
    }

    /// The output-size formula with this axis's numbers substituted.
    pub fn formula(&self) -> OutputSizeFormula {
        OutputSizeFormula::worked_out(
            AxisSpec {
                input: self.input,
                kernel: self.kernel,
                stride: self.stride,
                dilation: self.dilation,
            },
            (self.pad_begin, self.pad_end),
            self.rounding,
        )
    }
}

/// The output-size formula of one axis as data, so the screen can show every number.
///
/// Displays as `floor((7 + 1 + 1 - 3) / 2) + 1 = 4`. When no window fits, the quotient and the
/// output are 0 or negative, and display as they are: `floor((2 + 0 + 0 - 5) / 1) + 1 = -2`.
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
    /// Kernel (window) cells.
    pub kernel: usize,
    /// Distance between neighbouring taps; 1 means no gaps.
    pub dilation: usize,
    /// Cells one window spans: `dilation·(kernel − 1) + 1`.
    pub kernel_field: usize,
    /// Stride.
    pub stride: usize,
    /// The rounded quotient `floor|ceil((input + pads - field) / stride)`: negative when the
    /// window is larger than the padded input.
    pub quotient: i64,
    /// The output size: `quotient + 1`, or one less when ceil mode drops a window starting past
    /// the input. 0 or less means no window fits.
    pub output: i64,
}

impl OutputSizeFormula {
    /// Works the formula out for one axis, whether or not a window fits. The spec must have
    /// passed [`check_spec`] and the padding [`check_padding`], so nothing divides by 0 or
    /// overflows.
    fn worked_out(
        spec: AxisSpec,
        (pad_begin, pad_end): (usize, usize),
        rounding: Rounding,
    ) -> Self {
        let kernel_field = spec.kernel_field();
        // Every size is within the limits, far inside i64.
        let wide = |cells: usize| cells as i64;
        let room = wide(pad_begin + spec.input + pad_end) - wide(kernel_field);
        let stride = wide(spec.stride);
        let quotient = match rounding {
            Rounding::Floor => room.div_euclid(stride),
            Rounding::Ceil => -(-room).div_euclid(stride),
        };
        let mut output = quotient + 1;
        // The last window must start inside the input or the begin padding.
        if rounding == Rounding::Ceil && quotient * stride >= wide(pad_begin + spec.input) {
            output -= 1;
        }
        OutputSizeFormula {
            rounding,
            input: spec.input,
            pad_begin,
            pad_end,
            kernel: spec.kernel,
            dilation: spec.dilation,
            kernel_field,
            stride: spec.stride,
            quotient,
            output,
        }
    }

    /// Input plus padding on both sides.
    pub fn padded(&self) -> usize {
        self.pad_begin + self.input + self.pad_end
    }

    /// Whether one window fits inside the padded input: `kernel_field <= padded`. When it does
    /// not, the engine refuses the geometry with [`EngineError::KernelLargerThanInput`].
    pub fn window_fits(&self) -> bool {
        self.kernel_field <= self.padded()
    }

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

impl WindowSpec {
    /// The sizes along one axis of an input of `[in_h, in_w]`.
    fn axis_spec(&self, [in_h, in_w]: [usize; 2], axis: Axis) -> AxisSpec {
        let i = axis_index(axis);
        AxisSpec {
            input: [in_h, in_w][i],
            kernel: self.kernel[i],
            stride: self.stride[i],
            dilation: self.dilation[i],
        }
    }

    /// The padding on each side over an input of `[in_h, in_w]`, named modes resolved.
    fn sides(&self, input: [usize; 2]) -> Result<Sides> {
        resolve_padding(
            self.padding,
            self.axis_spec(input, Axis::Rows),
            self.axis_spec(input, Axis::Columns),
        )
    }

    /// The output-size formula of each axis, `[rows, columns]`, over an input of
    /// `[in_h, in_w]`, with named padding resolved as [`WindowLayout::new`] resolves it.
    ///
    /// Unlike [`WindowLayout::new`], this does not need a window to fit: with input 2 and
    /// kernel 5 it gives `floor((2 + 0 + 0 - 5) / 1) + 1 = -2`. It fails only when there is
    /// no formula to show: a kernel, stride or dilation of 0, or a size past ConvStep's limits.
    pub fn output_size_formulas(&self, input: [usize; 2]) -> Result<[OutputSizeFormula; 2]> {
        let sides = self.sides(input)?;
        let formula = |axis: Axis| {
            let pads = sides.along(axis);
            check_padding(pads)?;
            Ok(OutputSizeFormula::worked_out(
                self.axis_spec(input, axis),
                pads,
                self.rounding,
            ))
        };
        Ok([formula(Axis::Rows)?, formula(Axis::Columns)?])
    }
}

impl WindowLayout {
    /// Resolves a window over an input of `[rows, columns]`.
    pub fn new(input: [usize; 2], spec: &WindowSpec) -> Result<Self> {
        let sides = spec.sides(input)?;
        let axis = |axis: Axis| {
            AxisLayout::new(
                axis,
                spec.axis_spec(input, axis),
                sides.along(axis),
                spec.rounding,
            )
        };
        Ok(WindowLayout {
            rows: axis(Axis::Rows)?,
            columns: axis(Axis::Columns)?,
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

    /// The same layout with its padding filled by `mode`, or a typed error when the mode
    /// cannot fill that much padding (see [`PaddingMode::check`]).
    pub fn with_padding_mode(mut self, mode: PaddingMode) -> Result<Self> {
        for axis in Axis::BOTH {
            let along = self.along(axis);
            mode.check(axis, (along.pad_begin, along.pad_end), along.input)?;
        }
        self.rows.mode = mode;
        self.columns.mode = mode;
        Ok(self)
    }

    /// What fills the padding.
    pub fn padding_mode(&self) -> PaddingMode {
        self.rows.mode
    }

    /// What padded cell `[row, column]` holds: for a padding cell under reflect, replicate or
    /// circular padding, the input cell it repeats ([`Source::Borrowed`]).
    pub fn source_at(&self, [row, column]: [usize; 2]) -> Source {
        Source::of_axes(self.rows.cell_at(row), self.columns.cell_at(column))
    }

    /// Where tap `[kh, kw]` of window `[oh, ow]` reads: its padded `[row, column]` and source.
    pub fn locate(&self, [oh, ow]: [usize; 2], [kh, kw]: [usize; 2]) -> ([usize; 2], Source) {
        let padded = [
            self.rows.padded_cell(oh, kh),
            self.columns.padded_cell(ow, kw),
        ];
        (padded, self.source_at(padded))
    }

    /// Every `([oh, ow], [kh, kw])` whose tap reads input cell `[row, column]`, own or borrowed
    /// by the padding, in raster order of windows, then of taps.
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

pub(crate) fn check_spec(axis: Axis, spec: AxisSpec) -> Result<()> {
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

pub(crate) fn check_padding((pad_begin, pad_end): (usize, usize)) -> Result<()> {
    check_at_most(Limited::Padding, pad_begin, MAX_PADDING)?;
    check_at_most(Limited::Padding, pad_end, MAX_PADDING)
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
        Padding::Symmetric => per_axis(|spec| {
            let half = (spec.kernel_field() - 1) / 2;
            (half, half)
        }),
        Padding::Full => per_axis(|spec| {
            let field = spec.kernel_field();
            (field - 1, field - 1)
        }),
    })
}

/// Total padding that makes the output `ceil(input / stride)` (ONNX auto_pad SAME_*).
fn same_total(spec: AxisSpec) -> usize {
    let output = spec.input.div_ceil(spec.stride);
    ((output.max(1) - 1) * spec.stride + spec.kernel_field()).saturating_sub(spec.input)
}
