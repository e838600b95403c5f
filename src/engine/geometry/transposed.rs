//! The shape arithmetic of transposed convolution (PyTorch `conv_transpose2d`, ONNX
//! `ConvTranspose`), one axis at a time.
//!
//! ```text
//! kernel_field = dilation * (kernel - 1) + 1
//! out          = (in - 1) * stride - pad_begin - pad_end + kernel_field + output_padding
//!              = (in - 1)·stride − pad_begin − pad_end + dilation·(k − 1) + output_padding + 1
//! scatter      : input cell i, tap k lands on output cell  i * stride + k * dilation - pad_begin
//!                (outside 0..out it is cropped away by the padding)
//! gather       : the same as an ordinary convolution, stride 1 and this dilation, with the
//!                kernel rotated 180°, over the input with (stride - 1) zeros inserted between
//!                cells ((in - 1) * stride + 1 cells) and padded by
//!                  dilation * (k - 1) - pad_begin                   before,
//!                  dilation * (k - 1) - pad_end + output_padding    after;
//!                a negative padding crops that many cells instead.
//! output_shape : total = (in - 1) * stride + output_padding + kernel_field - output_shape,
//!                split total / 2 before and the rest after (ONNX SAME_UPPER), or the rest
//!                before and total / 2 after (ONNX NOTSET and SAME_LOWER);
//!                auto_pad SAME_* without output_shape asks for in * stride.
//! ```
//!
//! PyTorch requires `output_padding < stride` or `output_padding < dilation`, and so does
//! ConvStep.

use super::{AxisCell, AxisSpec, Sides, check_padding, check_spec};
use crate::engine::error::{Axis, EngineError, Result};
use std::fmt;

/// The sizes of one axis of a transposed convolution, before padding is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransposedAxisSpec {
    /// Input cells along the axis.
    pub input: usize,
    /// Kernel cells along the axis.
    pub kernel: usize,
    /// Output cells between the windows of neighbouring input cells.
    pub stride: usize,
    /// Distance between neighbouring taps of the kernel.
    pub dilation: usize,
    /// Extra cells added at the end of the output.
    pub output_padding: usize,
}

/// The padding of a transposed convolution, as numbers or as the output size it must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransposedPadding {
    /// Exactly these cells cropped from each side (PyTorch `padding`, ONNX `pads`).
    Explicit(Sides),
    /// The padding that gives an output of `size` (`[rows, columns]`; `None`: input × stride).
    /// ONNX: `output_shape`, or `auto_pad` SAME_UPPER / SAME_LOWER without it. An odd total goes
    /// to the end with `odd_at_end` (SAME_UPPER), to the beginning otherwise (SAME_LOWER, and
    /// `output_shape` with NOTSET).
    ToSize {
        /// The output size asked for, or `None` for input × stride.
        size: Option<[usize; 2]>,
        /// Where an odd total's extra cell goes.
        odd_at_end: bool,
    },
}

impl Default for TransposedPadding {
    fn default() -> Self {
        TransposedPadding::Explicit(Sides::default())
    }
}

/// Resolves the padding of a transposed convolution to cells per side, as the ONNX
/// `ConvTranspose` specification does; fails when the size asked for is larger than the
/// unpadded output.
pub fn resolve_transposed_padding(
    padding: TransposedPadding,
    [rows, columns]: [TransposedAxisSpec; 2],
) -> Result<Sides> {
    let (size, odd_at_end) = match padding {
        TransposedPadding::Explicit(sides) => return Ok(sides),
        TransposedPadding::ToSize { size, odd_at_end } => (size, odd_at_end),
    };
    let split =
        |axis: Axis, spec: TransposedAxisSpec, wanted: Option<usize>| -> Result<(usize, usize)> {
            check(axis, spec)?;
            let unpadded = unpadded_output(spec);
            let wanted = wanted.unwrap_or(spec.input * spec.stride);
            let total = unpadded
                .checked_sub(wanted)
                .ok_or(EngineError::OutputShapeTooLarge {
                    axis,
                    asked: wanted,
                    largest: unpadded,
                })?;
            Ok(if odd_at_end {
                (total / 2, total - total / 2)
            } else {
                (total - total / 2, total / 2)
            })
        };
    let (top, bottom) = split(Axis::Rows, rows, size.map(|[r, _]| r))?;
    let (left, right) = split(Axis::Columns, columns, size.map(|[_, c]| c))?;
    Ok(Sides {
        top,
        left,
        bottom,
        right,
    })
}

/// The output with no padding: `(in - 1) * stride + kernel_field + output_padding`.
fn unpadded_output(spec: TransposedAxisSpec) -> usize {
    spec.input.saturating_sub(1) * spec.stride + field(spec) + spec.output_padding
}

fn field(spec: TransposedAxisSpec) -> usize {
    spec.dilation * (spec.kernel - 1) + 1
}

/// The checks every axis passes before its formula is worked out.
fn check(axis: Axis, spec: TransposedAxisSpec) -> Result<()> {
    check_spec(
        axis,
        AxisSpec {
            input: spec.input,
            kernel: spec.kernel,
            stride: spec.stride,
            dilation: spec.dilation,
        },
    )?;
    if spec.output_padding >= spec.stride && spec.output_padding >= spec.dilation {
        return Err(EngineError::OutputPaddingTooLarge {
            axis,
            output_padding: spec.output_padding,
            stride: spec.stride,
            dilation: spec.dilation,
        });
    }
    Ok(())
}

/// The output-size formula of one axis of a transposed convolution, every number in it.
///
/// Displays as `(4 - 1) * 2 - 1 - 1 + 1 * (3 - 1) + 1 + 1 = 8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransposedSizeFormula {
    /// Input cells.
    pub input: usize,
    /// Stride.
    pub stride: usize,
    /// Padding cropped before.
    pub pad_begin: usize,
    /// Padding cropped after.
    pub pad_end: usize,
    /// Dilation.
    pub dilation: usize,
    /// Kernel cells.
    pub kernel: usize,
    /// Output padding.
    pub output_padding: usize,
    /// The result: 0 or less means there is no output.
    pub output: i64,
}

impl TransposedSizeFormula {
    /// Works the formula out, whether or not it gives an output.
    pub fn worked_out(spec: TransposedAxisSpec, (pad_begin, pad_end): (usize, usize)) -> Self {
        let wide = |n: usize| n as i64;
        TransposedSizeFormula {
            input: spec.input,
            stride: spec.stride,
            pad_begin,
            pad_end,
            dilation: spec.dilation,
            kernel: spec.kernel,
            output_padding: spec.output_padding,
            output: wide(unpadded_output(spec)) - wide(pad_begin) - wide(pad_end),
        }
    }
}

impl fmt::Display for TransposedSizeFormula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "({} - 1) * {} - {} - {} + {} * ({} - 1) + {} + 1 = {}",
            self.input,
            self.stride,
            self.pad_begin,
            self.pad_end,
            self.dilation,
            self.kernel,
            self.output_padding,
            self.output
        )
    }
}

/// One axis of a transposed convolution, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TransposedAxis {
    /// Which axis this is.
    pub axis: Axis,
    /// Input cells.
    pub input: usize,
    /// Kernel cells.
    pub kernel: usize,
    /// Stride.
    pub stride: usize,
    /// Dilation.
    pub dilation: usize,
    /// Cells cropped before.
    pub pad_begin: usize,
    /// Cells cropped after.
    pub pad_end: usize,
    /// Cells added at the end.
    pub output_padding: usize,
    /// Output cells.
    pub output: usize,
}

impl TransposedAxis {
    /// Resolves one axis, or says why it has no output.
    pub fn new(axis: Axis, spec: TransposedAxisSpec, pads: (usize, usize)) -> Result<Self> {
        check(axis, spec)?;
        check_padding(pads)?;
        let formula = TransposedSizeFormula::worked_out(spec, pads);
        let output = usize::try_from(formula.output)
            .ok()
            .filter(|&output| output > 0)
            .ok_or(EngineError::TransposedOutputEmpty {
                axis,
                output: formula.output,
            })?;
        Ok(TransposedAxis {
            axis,
            input: spec.input,
            kernel: spec.kernel,
            stride: spec.stride,
            dilation: spec.dilation,
            pad_begin: pads.0,
            pad_end: pads.1,
            output_padding: spec.output_padding,
            output,
        })
    }

    fn spec(&self) -> TransposedAxisSpec {
        TransposedAxisSpec {
            input: self.input,
            kernel: self.kernel,
            stride: self.stride,
            dilation: self.dilation,
            output_padding: self.output_padding,
        }
    }

    /// The output-size formula with this axis's numbers.
    pub fn formula(&self) -> TransposedSizeFormula {
        TransposedSizeFormula::worked_out(self.spec(), (self.pad_begin, self.pad_end))
    }

    /// Where tap `tap` of input cell `cell`'s scattered kernel lands, in output cells: may be
    /// negative, or `output` or more, where the padding crops it away.
    pub fn landing(&self, cell: usize, tap: usize) -> i64 {
        (cell * self.stride + tap * self.dilation) as i64 - self.pad_begin as i64
    }

    /// The output cell tap `tap` of input cell `cell` lands on, unless cropped.
    pub fn output_cell(&self, cell: usize, tap: usize) -> Option<usize> {
        usize::try_from(self.landing(cell, tap))
            .ok()
            .filter(|&out| out < self.output)
    }

    /// Every `(input cell, tap)` landing on output cell `out`, in input order: the order in
    /// which the gather visits them (its kernel rotated, so the last tap comes first).
    pub fn contributions(&self, out: usize) -> Vec<(usize, usize)> {
        (0..self.kernel)
            .rev()
            .filter_map(|tap| {
                let at = (out + self.pad_begin).checked_sub(tap * self.dilation)?;
                let cell = at / self.stride;
                (at % self.stride == 0 && cell < self.input).then_some((cell, tap))
            })
            .collect()
    }

    /// The gather view of this axis.
    pub fn gather(&self) -> GatherAxis {
        let reach = (self.dilation * (self.kernel - 1)) as i64;
        GatherAxis {
            input: self.input,
            stride: self.stride,
            kernel: self.kernel,
            dilation: self.dilation,
            inserted: (self.input - 1) * self.stride + 1,
            pad_begin: reach - self.pad_begin as i64,
            pad_end: reach - self.pad_end as i64 + self.output_padding as i64,
            output: self.output,
        }
    }
}

/// One axis of the gather view: the ordinary convolution (stride 1, the same dilation, the
/// kernel rotated 180°) over the input with zeros inserted and padding around, whose output is
/// the transposed convolution's.
///
/// The grid drawn has `extent()` cells, `output + dilation * (kernel - 1)`; its cell `p` is
/// cell `p - pad_begin` of the zero-inserted input (`inserted` cells, input cell `i` at
/// `i * stride`), padding where that lies outside. A negative `pad_begin` or `pad_end` crops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GatherAxis {
    /// Input cells.
    pub input: usize,
    /// The transposed convolution's stride: input cells lie this far apart.
    pub stride: usize,
    /// Kernel cells.
    pub kernel: usize,
    /// Distance between taps.
    pub dilation: usize,
    /// Cells of the zero-inserted input: `(input - 1) * stride + 1`.
    pub inserted: usize,
    /// Padding before: `dilation * (kernel - 1) - pad_begin`; negative crops.
    pub pad_begin: i64,
    /// Padding after: `dilation * (kernel - 1) - pad_end + output_padding`; negative crops.
    pub pad_end: i64,
    /// Output cells (windows).
    pub output: usize,
}

impl GatherAxis {
    /// Cells of the grid drawn: `output + dilation * (kernel - 1)`.
    pub fn extent(&self) -> usize {
        self.output + self.dilation * (self.kernel - 1)
    }

    /// Grid cell read by tap `tap` (of the rotated kernel) of window `window`.
    pub fn padded_cell(&self, window: usize, tap: usize) -> usize {
        window + tap * self.dilation
    }

    /// What grid cell `cell` holds: an input cell, an inserted zero or padding.
    pub fn cell_at(&self, cell: usize) -> AxisCell {
        let at = cell as i64 - self.pad_begin;
        match usize::try_from(at) {
            Ok(at) if at < self.inserted && at % self.stride == 0 => {
                AxisCell::Input(at / self.stride)
            }
            Ok(at) if at < self.inserted => AxisCell::Inserted,
            _ => AxisCell::Padding,
        }
    }

    /// The grid cell that shows input cell `cell`, unless the padding crops it.
    pub fn cell_of_input(&self, cell: usize) -> Option<usize> {
        usize::try_from((cell * self.stride) as i64 + self.pad_begin)
            .ok()
            .filter(|&at| at < self.extent())
    }
}

/// Both axes of a transposed convolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TransposedLayout {
    /// The vertical axis.
    pub rows: TransposedAxis,
    /// The horizontal axis.
    pub columns: TransposedAxis,
}

impl TransposedLayout {
    /// Resolves both axes from `[rows, columns]` specs and the padding.
    pub fn new(specs: [TransposedAxisSpec; 2], padding: TransposedPadding) -> Result<Self> {
        let sides = resolve_transposed_padding(padding, specs)?;
        Ok(TransposedLayout {
            rows: TransposedAxis::new(Axis::Rows, specs[0], sides.along(Axis::Rows))?,
            columns: TransposedAxis::new(Axis::Columns, specs[1], sides.along(Axis::Columns))?,
        })
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

    /// The output-size formula of each axis, `[rows, columns]`.
    pub fn formulas(&self) -> [TransposedSizeFormula; 2] {
        [self.rows.formula(), self.columns.formula()]
    }

    /// The gather view of each axis, `[rows, columns]`.
    pub fn gather(&self) -> [GatherAxis; 2] {
        [self.rows.gather(), self.columns.gather()]
    }

    /// How many kernel taps (of one input channel) land on each output cell, row by row: where
    /// the checkerboard of a strided transposed convolution comes from.
    pub fn overlap(&self) -> Vec<Vec<usize>> {
        let counts = |axis: &TransposedAxis| -> Vec<usize> {
            (0..axis.output)
                .map(|out| axis.contributions(out).len())
                .collect()
        };
        let (rows, columns) = (counts(&self.rows), counts(&self.columns));
        rows.iter()
            .map(|&r| columns.iter().map(|&c| r * c).collect())
            .collect()
    }
}
