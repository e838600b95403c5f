//! Max and average pooling over CHW maps, each channel on its own (PyTorch `max_pool2d` /
//! `avg_pool2d`, ONNX `MaxPool` / `AveragePool`).
//!
//! ```text
//! max:     out[c, oh, ow] = max of the real input cells in the window (padding never wins)
//! average: out[c, oh, ow] = (sum of real cells, in window raster order) / divisor
//!          divisor = real cells + padding cells   if count_include_pad
//!                  = real cells                   otherwise
//! ```
//! In ceil mode a last window may reach past the end padding; those cells count for nothing,
//! as in PyTorch (`hend = min(hstart + k_h, in_h + pad)`).

use super::arrays::{FeatureMap, map_shape};
use super::error::{Axis, EngineError, Limited, Result};
use super::geometry::{AxisCell, AxisLayout, Source, WindowLayout, WindowSpec};
use super::limits::{MAX_OUTPUTS, check_at_most, check_input_shape, check_map};
use super::stepper::{
    Arithmetic, Cell, Reader, Step, Stepper, Tap, cell_of_step, check_cell, ordered_sum,
    step_of_cell,
};

/// Which pooling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PoolKind {
    /// The largest real value in the window.
    Max,
    /// The mean of the window.
    Average {
        /// Whether padding cells count in the divisor (ONNX `count_include_pad`).
        count_include_pad: bool,
    },
}

/// A validated pooling: input, window geometry and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    input: FeatureMap,
    kind: PoolKind,
    layout: WindowLayout,
}

/// The result of pooling one window, without allocating.
struct Pooled {
    value: f32,
    winner: usize,
    sum: f32,
    divisor: usize,
}

impl Pool {
    /// Checks shapes, values and geometry; every problem is a typed error.
    pub fn new(input: FeatureMap, window: WindowSpec, kind: PoolKind) -> Result<Self> {
        let [channels, in_h, in_w] = map_shape(&input);
        check_input_shape([channels, in_h, in_w])?;
        let layout = WindowLayout::new([in_h, in_w], &window)?;
        let [out_h, out_w] = layout.output();
        check_at_most(Limited::Outputs, channels * out_h * out_w, MAX_OUTPUTS)?;
        for axis in Axis::BOTH {
            let along = layout.along(axis);
            if let Some(position) = (0..along.output).find(|&window| {
                (0..along.kernel).all(|tap| along.input_cell(window, tap).is_none())
            }) {
                return Err(EngineError::WindowOnlyPadding { axis, position });
            }
        }
        check_map(input.view())?;
        Ok(Pool {
            input,
            kind,
            layout,
        })
    }

    /// The resolved window geometry.
    pub fn layout(&self) -> &WindowLayout {
        &self.layout
    }

    /// Max or average.
    pub fn kind(&self) -> PoolKind {
        self.kind
    }

    /// The input feature map.
    pub fn input(&self) -> &FeatureMap {
        &self.input
    }

    /// Pools one window in tap raster order: `source(kh, kw)` says where each tap falls, and
    /// `value_at(row, column)` reads an input cell.
    fn pool(
        &self,
        source: impl Fn(usize, usize) -> Source,
        value_at: impl Fn(usize, usize) -> f32,
    ) -> Pooled {
        let [k_h, k_w] = self.layout.kernel();
        let mut pooled = Pooled {
            value: f32::NEG_INFINITY,
            winner: 0,
            sum: 0.0,
            divisor: 0,
        };
        for kh in 0..k_h {
            for kw in 0..k_w {
                match source(kh, kw) {
                    Source::Input { row, column } => {
                        let value = value_at(row, column);
                        // Strictly greater: the first of equal maxima wins, as in PyTorch.
                        if value > pooled.value {
                            pooled.value = value;
                            pooled.winner = kh * k_w + kw;
                        }
                        pooled.sum += value;
                        pooled.divisor += 1;
                    }
                    Source::Padding => {
                        if self.kind
                            == (PoolKind::Average {
                                count_include_pad: true,
                            })
                        {
                            pooled.divisor += 1;
                        }
                    }
                    // A pooling window's padding repeats no cell and has no inserted zeros.
                    Source::Beyond | Source::Borrowed { .. } | Source::Inserted => {}
                }
            }
        }
        if let PoolKind::Average { .. } = self.kind {
            // Every window reads at least one real cell (checked in `new`), so divisor >= 1.
            pooled.value = pooled.sum / pooled.divisor as f32;
        }
        pooled
    }
}

impl Stepper for Pool {
    fn input_shape(&self) -> [usize; 3] {
        map_shape(&self.input)
    }

    fn output_shape(&self) -> [usize; 3] {
        let [out_h, out_w] = self.layout.output();
        [self.input.shape()[0], out_h, out_w]
    }

    fn forward(&self) -> FeatureMap {
        let [channels, out_h, out_w] = self.output_shape();
        let [k_h, k_w] = self.layout.kernel();
        // Where every tap of every window falls, worked out once per axis rather than per tap,
        // and the input read through a plain slice: a large picture's forward reads every cell
        // several times.
        let along = |axis: &AxisLayout, windows: usize, taps: usize| -> Vec<AxisCell> {
            (0..windows)
                .flat_map(|window| (0..taps).map(move |tap| axis.tap_source(window, tap)))
                .collect()
        };
        let (rows_at, columns_at) = (
            along(&self.layout.rows, out_h, k_h),
            along(&self.layout.columns, out_w, k_w),
        );
        let input = self.input.as_standard_layout();
        let values = input.as_slice().unwrap_or_default();
        let (_, rows, columns) = self.input.dim();
        FeatureMap::from_shape_fn((channels, out_h, out_w), |(channel, oh, ow)| {
            let source = |kh: usize, kw: usize| {
                Source::of_axes(rows_at[oh * k_h + kh], columns_at[ow * k_w + kw])
            };
            let value_at = |row: usize, column: usize| {
                let index = (channel * rows + row) * columns + column;
                values.get(index).copied().unwrap_or(0.0)
            };
            self.pool(source, value_at).value
        })
    }

    fn step(&self, index: usize) -> Result<Step> {
        let output = cell_of_step(index, self.output_shape())?;
        let window = [output.row, output.column];
        let [k_h, k_w] = self.layout.kernel();
        let mut taps = Vec::with_capacity(k_h * k_w);
        for kh in 0..k_h {
            for kw in 0..k_w {
                let (padded, source) = self.layout.locate(window, [kh, kw]);
                let value = match source {
                    Source::Input { row, column } => self.input[[output.channel, row, column]],
                    _ => 0.0,
                };
                taps.push(Tap {
                    channel: output.channel,
                    kernel: [kh, kw],
                    padded,
                    source,
                    value,
                    weight: None,
                });
            }
        }
        let pooled = self.pool(
            |kh, kw| self.layout.locate(window, [kh, kw]).1,
            |row, column| self.input[[output.channel, row, column]],
        );
        debug_assert_eq!(
            pooled.sum.to_bits(),
            ordered_sum(
                taps.iter()
                    .filter(|tap| tap.is_input())
                    .map(|tap| tap.value)
            )
            .to_bits()
        );
        let arithmetic = match self.kind {
            PoolKind::Max => Arithmetic::Max {
                winner: pooled.winner,
            },
            PoolKind::Average { .. } => Arithmetic::Average {
                sum: pooled.sum,
                divisor: pooled.divisor,
            },
        };
        Ok(Step {
            index,
            output,
            taps,
            arithmetic,
            value: pooled.value,
        })
    }

    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        check_cell(cell, self.input_shape())?;
        let [_, k_w] = self.layout.kernel();
        Ok(self
            .layout
            .readers_of([cell.row, cell.column])
            .into_iter()
            .map(|([row, column], [kh, kw])| Reader {
                step: step_of_cell(
                    Cell {
                        channel: cell.channel,
                        row,
                        column,
                    },
                    self.output_shape(),
                ),
                tap: kh * k_w + kw,
            })
            .collect())
    }
}
