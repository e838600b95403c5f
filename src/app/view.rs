//! What every cell of every grid looks like at the current step: pure data derived from the
//! state and the engine's `Step`s, so the components only render it and tests can check it natively.
//!
//! The grids are feature maps in pipeline order: map 0 is the input, map `k` the output of stage
//! `k - 1`. The stage being stepped reads the map of its own index and writes the next one.

use super::state::{MapCell, State};
use crate::engine::{
    Arithmetic, Cell, Layer, Step, Stepper, WindowLayout,
    geometry::AxisLayout,
    trace::{cell_of_step, step_of_cell},
};
use std::collections::BTreeSet;

/// What kind of cell a grid position is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A real value.
    Value,
    /// A zero-padding cell.
    Padding,
    /// Past the padding (reached only by a ceil-mode pooling window).
    Beyond,
    /// An output cell not written yet.
    Pending,
}

/// Highlights on one cell, as bits so a cell's props compare cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Marks(u16);

impl Marks {
    /// Read by the current step.
    pub const TAP: Marks = Marks(1);
    /// Inside the current window's span (with dilation, between taps too).
    pub const FIELD: Marks = Marks(1 << 1);
    /// The max pooling winner.
    pub const WINNER: Marks = Marks(1 << 2);
    /// The output cell being written.
    pub const CURRENT: Marks = Marks(1 << 3);
    /// Read by the hovered cell's window.
    pub const HOVER_WINDOW: Marks = Marks(1 << 4);
    /// Fed by the hovered cell.
    pub const FEEDS: Marks = Marks(1 << 5);
    /// The hovered cell itself.
    pub const HOVERED: Marks = Marks(1 << 6);
    /// An input cell no window reads.
    pub const NEVER_READ: Marks = Marks(1 << 7);
    /// In the receptive field of the traced cell.
    pub const RECEPTIVE: Marks = Marks(1 << 8);
    /// The traced cell itself.
    pub const TRACED: Marks = Marks(1 << 9);

    /// Whether every bit of `other` is set.
    pub fn has(self, other: Marks) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the bits of `other`.
    pub fn add(&mut self, other: Marks) {
        self.0 |= other.0;
    }

    /// CSS classes for the set bits.
    pub fn classes(self) -> impl Iterator<Item = &'static str> {
        [
            (Marks::TAP, "tap"),
            (Marks::FIELD, "field"),
            (Marks::WINNER, "winner"),
            (Marks::CURRENT, "current"),
            (Marks::HOVER_WINDOW, "hover-window"),
            (Marks::FEEDS, "feeds"),
            (Marks::HOVERED, "hovered"),
            (Marks::NEVER_READ, "never-read"),
            (Marks::RECEPTIVE, "receptive"),
            (Marks::TRACED, "traced"),
        ]
        .into_iter()
        .filter(move |(mark, _)| self.has(*mark))
        .map(|(_, class)| class)
    }
}

/// One cell of a grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellView {
    /// The value shown, if any.
    pub value: Option<f32>,
    /// Real, padding, beyond or pending.
    pub kind: Kind,
    /// Highlights.
    pub marks: Marks,
    /// `[plane, row, column]` of the real cell (map or kernel coordinates), for edits and hover.
    pub at: [usize; 3],
}

/// One plane of a grid: rows × columns cells, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Plane {
    /// Which map the plane belongs to (kernel planes use the stage's map).
    pub map: usize,
    /// Which channel or filter this is.
    pub index: usize,
    /// Rows shown (including padding).
    pub rows: usize,
    /// Columns shown (including padding).
    pub columns: usize,
    /// Rows of padding shown above the values.
    pub row_offset: usize,
    /// Columns of padding shown left of the values.
    pub column_offset: usize,
    /// The cells, row-major.
    pub cells: Vec<CellView>,
}

impl Plane {
    fn mark(&mut self, [row, column]: [usize; 2], mark: Marks) {
        if row < self.rows && column < self.columns {
            self.cells[row * self.columns + column].marks.add(mark);
        }
    }

    /// Marks a real cell, given in map coordinates.
    fn mark_cell(&mut self, cell: Cell, mark: Marks) {
        self.mark(
            [cell.row + self.row_offset, cell.column + self.column_offset],
            mark,
        );
    }
}

/// The window geometry of a windowed layer.
pub fn layout(layer: &Layer) -> Option<&WindowLayout> {
    match layer {
        Layer::Conv(conv) => Some(conv.layout()),
        Layer::Pool(pool) => Some(pool.layout()),
        Layer::Activation(_) => None,
    }
}

/// The stage being stepped.
pub fn current_layer(state: &State) -> Option<&Layer> {
    state.shown.stage(state.focus().0)
}

/// The current step of the stage being stepped, from the engine.
pub fn current_step(state: &State) -> Option<Step> {
    let (stage, step) = state.focus();
    state.shown.stage(stage)?.step(step).ok()
}

/// Cells one axis of a map needs: the padded input, plus any ceil-mode overhang.
fn extent(axis: &AxisLayout) -> usize {
    axis.padded()
        .max((axis.output - 1) * axis.stride + axis.kernel_field)
}

/// The planes of every map, each with its padding ring (from the stage that reads it) and
/// every highlight.
pub fn maps(state: &State) -> Vec<Vec<Plane>> {
    let traced = receptive_field(state);
    (0..state.shown.map_count())
        .map(|map| map_planes(state, map, traced.as_ref()))
        .collect()
}

/// The receptive field of the traced cell: one set of cells per map before the last.
fn receptive_field(state: &State) -> Option<Vec<BTreeSet<Cell>>> {
    let cell = state.traced?;
    let last = state.shown.pipeline.stages().len().checked_sub(1)?;
    state.shown.pipeline.receptive_field(last, cell).ok()
}

fn map_planes(state: &State, map: usize, traced: Option<&Vec<BTreeSet<Cell>>>) -> Vec<Plane> {
    let shown = &state.shown;
    let Some(values) = shown.map(map) else {
        return Vec::new();
    };
    let (channels, in_h, in_w) = values.dim();
    let reader = shown.stage(map);
    let window = reader.and_then(layout);
    let ([rows, columns], [top, left]) = window.map_or(([in_h, in_w], [0, 0]), |l| {
        (
            [extent(&l.rows), extent(&l.columns)],
            [l.rows.pad_begin, l.columns.pad_begin],
        )
    });
    let padded_end = window.map_or([rows, columns], |l| [l.rows.padded(), l.columns.padded()]);
    let never_read = window.map(|l| [l.rows.never_read(), l.columns.never_read()]);
    let (focus_stage, focus_step) = state.focus();
    // Which cells of this map hold values yet: maps written by later stages are still empty.
    let written = |cell: Cell| match map.checked_sub(1) {
        None => true,
        Some(writer) if writer < focus_stage => true,
        Some(writer) if writer > focus_stage => false,
        Some(_) => step_of_cell(cell, [channels, in_h, in_w]) <= focus_step,
    };
    let mut planes: Vec<Plane> = (0..channels)
        .map(|channel| {
            let mut cells = Vec::with_capacity(rows * columns);
            for row in 0..rows {
                for column in 0..columns {
                    let real = row
                        .checked_sub(top)
                        .zip(column.checked_sub(left))
                        .filter(|&(r, c)| r < in_h && c < in_w);
                    let mut marks = Marks::default();
                    let view = match real {
                        Some((r, c)) => {
                            let cell = Cell {
                                channel,
                                row: r,
                                column: c,
                            };
                            if let Some([rows_unread, columns_unread]) = &never_read
                                && (rows_unread.contains(&r) || columns_unread.contains(&c))
                            {
                                marks.add(Marks::NEVER_READ);
                            }
                            let shown_now = written(cell);
                            CellView {
                                value: shown_now.then(|| values[[channel, r, c]]),
                                kind: if shown_now {
                                    Kind::Value
                                } else {
                                    Kind::Pending
                                },
                                marks,
                                at: [channel, r, c],
                            }
                        }
                        None => {
                            let padding = row < padded_end[0] && column < padded_end[1];
                            CellView {
                                value: padding.then_some(0.0),
                                kind: if padding { Kind::Padding } else { Kind::Beyond },
                                marks,
                                at: [channel, 0, 0],
                            }
                        }
                    };
                    cells.push(view);
                }
            }
            Plane {
                map,
                index: channel,
                rows,
                columns,
                row_offset: top,
                column_offset: left,
                cells,
            }
        })
        .collect();

    // The stage being stepped: its window on this map, its output cell on the next.
    if map == focus_stage
        && let Some(step) = current_step(state)
    {
        mark_window(&mut planes, &step, Marks::TAP, true);
    }
    if map == focus_stage + 1
        && let Some(step) = current_step(state)
        && let Some(plane) = planes.get_mut(step.output.channel)
    {
        plane.mark_cell(step.output, Marks::CURRENT);
    }
    if let Some(hover) = state.hover {
        mark_hover(&mut planes, state, map, hover);
    }
    if let Some(fields) = traced {
        if let Some(field) = fields.get(map) {
            for cell in field {
                if let Some(plane) = planes.get_mut(cell.channel) {
                    plane.mark_cell(*cell, Marks::RECEPTIVE);
                }
            }
        }
        if map + 1 == shown.map_count()
            && let Some(cell) = state.traced
            && let Some(plane) = planes.get_mut(cell.channel)
        {
            plane.mark_cell(cell, Marks::TRACED);
        }
    }
    planes
}

/// Marks the taps of `step` on the planes of the map it reads; with `span`, also the window's
/// span and the max pooling winner.
fn mark_window(planes: &mut [Plane], step: &Step, tap_mark: Marks, span: bool) {
    if span {
        for plane in planes.iter_mut() {
            let mut taps = step.taps.iter().filter(|tap| tap.channel == plane.index);
            if let (Some(first), Some(last)) = (taps.next(), taps.next_back()) {
                for row in first.padded[0]..=last.padded[0] {
                    for column in first.padded[1]..=last.padded[1] {
                        plane.mark([row, column], Marks::FIELD);
                    }
                }
            }
        }
    }
    let winner = match step.arithmetic {
        Arithmetic::Max { winner } if span => Some(winner),
        _ => None,
    };
    for (index, tap) in step.taps.iter().enumerate() {
        if let Some(plane) = planes.get_mut(tap.channel) {
            plane.mark(tap.padded, tap_mark);
            if winner == Some(index) {
                plane.mark(tap.padded, Marks::WINNER);
            }
        }
    }
}

/// Hovering a cell of map `hover.map` shows its window on the map before and the cells it
/// feeds on the map after.
fn mark_hover(planes: &mut [Plane], state: &State, map: usize, hover: MapCell) {
    let shown = &state.shown;
    if hover.map == map {
        if let Some(plane) = planes.get_mut(hover.cell.channel) {
            plane.mark_cell(hover.cell, Marks::HOVERED);
        }
    } else if hover.map == map + 1 {
        // The hovered cell is an output of stage `map`: show the window it was computed from.
        if let Some(stage) = shown.stage(map)
            && let Ok(step) = stage.step(step_of_cell(hover.cell, stage.output_shape()))
        {
            mark_window(planes, &step, Marks::HOVER_WINDOW, false);
        }
    } else if map == hover.map + 1
        && let Some(stage) = shown.stage(hover.map)
        && let Ok(readers) = stage.readers_of(hover.cell)
    {
        // The hovered cell is an input of stage `hover.map`: show every output it feeds.
        let shape = stage.output_shape();
        for reader in readers {
            if let Ok(cell) = cell_of_step(reader.step, shape)
                && let Some(plane) = planes.get_mut(cell.channel)
            {
                plane.mark_cell(cell, Marks::FEEDS);
            }
        }
    }
}

/// The kernel planes of the stage being stepped, if it is a convolution: filter-major then
/// channel (`plane = filter·channels + channel`); the filter in use has its weights marked.
pub fn kernel_planes(state: &State) -> Vec<Plane> {
    let (stage, step) = state.focus();
    let Some(Layer::Conv(conv)) = state.shown.stage(stage) else {
        return Vec::new();
    };
    let weights = conv.weights();
    let (filters, channels, k_h, k_w) = weights.dim();
    let current = cell_of_step(step, conv.output_shape()).ok();
    let mut planes = Vec::with_capacity(filters * channels);
    for filter in 0..filters {
        let in_use = current.is_some_and(|cell| cell.channel == filter);
        for channel in 0..channels {
            let index = filter * channels + channel;
            let mut cells = Vec::with_capacity(k_h * k_w);
            for row in 0..k_h {
                for column in 0..k_w {
                    cells.push(CellView {
                        value: Some(weights[[filter, channel, row, column]]),
                        kind: Kind::Value,
                        marks: if in_use { Marks::TAP } else { Marks::default() },
                        at: [index, row, column],
                    });
                }
            }
            planes.push(Plane {
                map: stage,
                index,
                rows: k_h,
                columns: k_w,
                row_offset: 0,
                column_offset: 0,
                cells,
            });
        }
    }
    planes
}
