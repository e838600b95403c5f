//! What every cell of every grid looks like at the current step: pure data derived from the
//! state and the engine's `Step`, so the components only render it and tests can check it natively.

use super::state::{Hover, State};
use crate::engine::{
    Arithmetic, Cell, Layer, Step, Stepper, WindowLayout,
    trace::{cell_of_step, step_of_cell},
};
use std::collections::HashSet;

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
    /// The output cell being written, or the kernel in use.
    pub const CURRENT: Marks = Marks(1 << 3);
    /// Read by the hovered output cell's window.
    pub const HOVER_WINDOW: Marks = Marks(1 << 4);
    /// Fed by the hovered input cell.
    pub const FEEDS: Marks = Marks(1 << 5);
    /// The hovered cell itself.
    pub const HOVERED: Marks = Marks(1 << 6);
    /// An input cell no window reads.
    pub const NEVER_READ: Marks = Marks(1 << 7);

    /// Whether every bit of `other` is set.
    pub fn has(self, other: Marks) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the bits of `other`.
    pub fn add(&mut self, other: Marks) {
        self.0 |= other.0;
    }

    /// CSS classes for the set bits.
    pub fn classes(self) -> Vec<&'static str> {
        [
            (Marks::TAP, "tap"),
            (Marks::FIELD, "field"),
            (Marks::WINNER, "winner"),
            (Marks::CURRENT, "current"),
            (Marks::HOVER_WINDOW, "hover-window"),
            (Marks::FEEDS, "feeds"),
            (Marks::HOVERED, "hovered"),
            (Marks::NEVER_READ, "never-read"),
        ]
        .into_iter()
        .filter(|(mark, _)| self.has(*mark))
        .map(|(_, class)| class)
        .collect()
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
    /// `[plane, row, column]` of the real cell (input/kernel coordinates), for edits and hover.
    pub at: [usize; 3],
}

/// One plane of a grid: rows × columns cells, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Plane {
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
    fn new(
        index: usize,
        [rows, columns]: [usize; 2],
        [row_offset, column_offset]: [usize; 2],
    ) -> Self {
        Plane {
            index,
            rows,
            columns,
            row_offset,
            column_offset,
            cells: Vec::with_capacity(rows * columns),
        }
    }

    fn mark(&mut self, [row, column]: [usize; 2], mark: Marks) {
        if row < self.rows && column < self.columns {
            self.cells[row * self.columns + column].marks.add(mark);
        }
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

/// The current step, from the engine.
pub fn current_step(state: &State) -> Option<Step> {
    state.shown.layer.step(state.position).ok()
}

/// The step of the hovered output cell, from the engine.
fn hovered_step(state: &State) -> Option<Step> {
    match state.hover {
        Some(Hover::Output(step)) => state.shown.layer.step(step).ok(),
        _ => None,
    }
}

/// Rows and columns the input grid needs: the padded input, plus any ceil-mode overhang.
fn input_extent(layer: &Layer) -> ([usize; 2], [usize; 2]) {
    let [_, rows, columns] = layer.input_shape();
    match layout(layer) {
        None => ([rows, columns], [0, 0]),
        Some(layout) => {
            let extent = |axis: &crate::engine::geometry::AxisLayout| {
                axis.padded()
                    .max((axis.output - 1) * axis.stride + axis.kernel_field)
            };
            (
                [extent(&layout.rows), extent(&layout.columns)],
                [layout.rows.pad_begin, layout.columns.pad_begin],
            )
        }
    }
}

/// The input planes, one per channel, with padding and every highlight.
pub fn input_planes(state: &State) -> Vec<Plane> {
    let layer = &state.shown.layer;
    let input = match layer {
        Layer::Conv(conv) => conv.input(),
        Layer::Pool(pool) => pool.input(),
        Layer::Activation(activation) => activation.input(),
    };
    let [channels, in_h, in_w] = layer.input_shape();
    let (extent, [top, left]) = input_extent(layer);
    let never_read: [Vec<usize>; 2] = layout(layer)
        .map(|l| [l.rows.never_read(), l.columns.never_read()])
        .unwrap_or_default();
    let mut planes: Vec<Plane> = (0..channels)
        .map(|channel| {
            let mut plane = Plane::new(channel, extent, [top, left]);
            for row in 0..extent[0] {
                for column in 0..extent[1] {
                    let real = row
                        .checked_sub(top)
                        .zip(column.checked_sub(left))
                        .filter(|&(r, c)| r < in_h && c < in_w);
                    let padded_end =
                        layout(layer).map_or(extent, |l| [l.rows.padded(), l.columns.padded()]);
                    let (value, kind, at) = match real {
                        Some((r, c)) => {
                            (Some(input[[channel, r, c]]), Kind::Value, [channel, r, c])
                        }
                        None if row < padded_end[0] && column < padded_end[1] => {
                            (Some(0.0), Kind::Padding, [channel, 0, 0])
                        }
                        None => (None, Kind::Beyond, [channel, 0, 0]),
                    };
                    let mut marks = Marks::default();
                    if let Some((r, c)) = real
                        && (never_read[0].contains(&r) || never_read[1].contains(&c))
                    {
                        marks.add(Marks::NEVER_READ);
                    }
                    plane.cells.push(CellView {
                        value,
                        kind,
                        marks,
                        at,
                    });
                }
            }
            plane
        })
        .collect();

    if let Some(step) = current_step(state) {
        let winner = match step.arithmetic {
            Arithmetic::Max { winner } => Some(winner),
            _ => None,
        };
        for plane in planes.iter_mut() {
            let taps: Vec<_> = step
                .taps
                .iter()
                .filter(|tap| tap.channel == plane.index)
                .collect();
            if let (Some(first), Some(last)) = (taps.first(), taps.last()) {
                for row in first.padded[0]..=last.padded[0] {
                    for column in first.padded[1]..=last.padded[1] {
                        plane.mark([row, column], Marks::FIELD);
                    }
                }
            }
        }
        for (index, tap) in step.taps.iter().enumerate() {
            if let Some(plane) = planes.get_mut(tap.channel) {
                plane.mark(tap.padded, Marks::TAP);
                if winner == Some(index) {
                    plane.mark(tap.padded, Marks::WINNER);
                }
            }
        }
    }
    if let Some(step) = hovered_step(state) {
        for tap in &step.taps {
            if let Some(plane) = planes.get_mut(tap.channel) {
                plane.mark(tap.padded, Marks::HOVER_WINDOW);
            }
        }
    }
    if let Some(Hover::Input(cell)) = state.hover
        && let Some(plane) = planes.get_mut(cell.channel)
    {
        plane.mark([cell.row + top, cell.column + left], Marks::HOVERED);
    }
    planes
}

/// The output planes, one per output channel: written cells show their value, the current one
/// is marked, later ones are pending.
pub fn output_planes(state: &State) -> Vec<Plane> {
    let shown = &state.shown;
    let shape = shown.layer.output_shape();
    let [channels, rows, columns] = shape;
    let feeds: HashSet<usize> = match state.hover {
        Some(Hover::Input(cell)) => shown
            .layer
            .readers_of(cell)
            .map(|readers| readers.into_iter().map(|r| r.step).collect())
            .unwrap_or_default(),
        _ => HashSet::new(),
    };
    (0..channels)
        .map(|channel| {
            let mut plane = Plane::new(channel, [rows, columns], [0, 0]);
            for row in 0..rows {
                for column in 0..columns {
                    let index = step_of_cell(
                        Cell {
                            channel,
                            row,
                            column,
                        },
                        shape,
                    );
                    let mut marks = Marks::default();
                    if index == state.position {
                        marks.add(Marks::CURRENT);
                    }
                    if feeds.contains(&index) {
                        marks.add(Marks::FEEDS);
                    }
                    if state.hover == Some(Hover::Output(index)) {
                        marks.add(Marks::HOVERED);
                    }
                    let written = index <= state.position;
                    plane.cells.push(CellView {
                        value: written.then(|| shown.output[[channel, row, column]]),
                        kind: if written { Kind::Value } else { Kind::Pending },
                        marks,
                        at: [channel, row, column],
                    });
                }
            }
            plane
        })
        .collect()
}

/// The kernel planes of a convolution, filter-major then channel (`plane = filter·channels + channel`);
/// the filter being applied is marked current, its weights in use marked as taps.
pub fn kernel_planes(state: &State) -> Vec<Plane> {
    let Layer::Conv(conv) = &state.shown.layer else {
        return Vec::new();
    };
    let weights = conv.weights();
    let (filters, channels, k_h, k_w) = weights.dim();
    let current = cell_of_step(state.position, conv.output_shape()).ok();
    let mut planes = Vec::with_capacity(filters * channels);
    for filter in 0..filters {
        for channel in 0..channels {
            let index = filter * channels + channel;
            let mut plane = Plane::new(index, [k_h, k_w], [0, 0]);
            let in_use = current.is_some_and(|cell| cell.channel == filter);
            for row in 0..k_h {
                for column in 0..k_w {
                    plane.cells.push(CellView {
                        value: Some(weights[[filter, channel, row, column]]),
                        kind: Kind::Value,
                        marks: if in_use { Marks::TAP } else { Marks::default() },
                        at: [index, row, column],
                    });
                }
            }
            planes.push(plane);
        }
    }
    planes
}
