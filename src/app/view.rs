//! What every cell of every grid looks like at the current step: pure data derived from the
//! state and the engine's `Step`s, so the components only render it and tests can check it natively.
//!
//! The grids are feature maps in pipeline order: map 0 is the input, map `k` the output of stage
//! `k - 1`. The stage being stepped reads the map of its own index and writes the next one.
//!
//! Each grid is split in two so that a step costs O(taps), not O(cells):
//! - a [`PlaneBase`], built once per example: values, padding and cells no window reads;
//! - a per-step [`PlaneView`]: a few sparse marks and how many cells are written so far.

use super::shared::Shared;
use super::state::{MapCell, Shown, State};
use crate::engine::{
    Arithmetic, Cell, Layer, Step, Stepper, WindowLayout,
    geometry::AxisLayout,
    trace::{cell_of_step, step_of_cell},
};
use std::collections::{BTreeMap, BTreeSet};

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

/// One cell as a grid shows it.
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

/// What does not change from step to step: one plane's cells with values, padding and the
/// cells no window reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaneBase {
    /// Which map the plane belongs to (kernel planes use the stage's index).
    pub map: usize,
    /// Which channel (or kernel slice) this is.
    pub index: usize,
    /// Rows shown (including padding).
    pub rows: usize,
    /// Columns shown (including padding).
    pub columns: usize,
    /// Rows of padding shown above the values.
    pub row_offset: usize,
    /// Columns of padding shown left of the values.
    pub column_offset: usize,
    /// Columns of real values (without padding), for counting written cells.
    pub real_columns: usize,
    /// Rows of real values (without padding).
    pub real_rows: usize,
    /// The cells, row-major, with `Kind::Value` for every real cell.
    pub cells: Vec<CellView>,
}

/// Sparse marks of one plane: row → (column, marks), in grid coordinates.
pub type Overlay = BTreeMap<usize, Vec<(usize, Marks)>>;

/// One plane at the current step.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaneView {
    /// The unchanging part, shared between steps.
    pub base: Shared<PlaneBase>,
    /// This step's marks.
    pub overlay: Overlay,
    /// Real cells written so far, in raster order; `usize::MAX` when all are.
    pub written: usize,
}

impl PlaneView {
    fn new(base: Shared<PlaneBase>, written: usize) -> Self {
        // A complete plane compares equal from step to step, so it is not re-rendered.
        let written = written.min(base.real_rows * base.real_columns);
        PlaneView {
            base,
            overlay: Overlay::new(),
            written,
        }
    }

    /// Adds `mark` at grid position `[row, column]`.
    fn mark(&mut self, [row, column]: [usize; 2], mark: Marks) {
        if row >= self.base.rows || column >= self.base.columns {
            return;
        }
        let marks = self.overlay.entry(row).or_default();
        match marks.iter_mut().find(|(c, _)| *c == column) {
            Some((_, marks)) => marks.add(mark),
            None => {
                marks.push((column, mark));
                marks.sort_unstable_by_key(|(c, _)| *c);
            }
        }
    }

    /// Adds `mark` at a real cell, given in map coordinates.
    fn mark_cell(&mut self, cell: Cell, mark: Marks) {
        self.mark(
            [
                cell.row + self.base.row_offset,
                cell.column + self.base.column_offset,
            ],
            mark,
        );
    }

    /// How many real cells of grid row `row` are written (all when the row is padding).
    pub fn written_in_row(&self, row: usize) -> usize {
        let columns = self.base.real_columns;
        match row.checked_sub(self.base.row_offset) {
            Some(real_row) => self.written.saturating_sub(real_row * columns).min(columns),
            None => columns,
        }
    }

    /// The cell at grid position `[row, column]`, with this step's marks and written state.
    pub fn cell(&self, row: usize, column: usize, written_in_row: usize, marks: Marks) -> CellView {
        let mut cell = self.base.cells[row * self.base.columns + column];
        cell.marks.add(marks);
        let real_column = column.checked_sub(self.base.column_offset);
        if cell.kind == Kind::Value && real_column.is_some_and(|c| c >= written_in_row) {
            cell.kind = Kind::Pending;
            cell.value = None;
        }
        cell
    }

    /// Every cell, row-major: O(cells), for tests and small grids.
    pub fn cells(&self) -> Vec<CellView> {
        let base = &self.base;
        let mut cells = Vec::with_capacity(base.rows * base.columns);
        for row in 0..base.rows {
            let written = self.written_in_row(row);
            let marks = self.overlay.get(&row);
            for column in 0..base.columns {
                let mark = marks
                    .and_then(|marks| marks.iter().find(|(c, _)| *c == column))
                    .map_or(Marks::default(), |(_, mark)| *mark);
                cells.push(self.cell(row, column, written, mark));
            }
        }
        cells
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
    axis.extent()
}

/// The unchanging planes of every map of an example: built once when the example is built.
pub fn map_bases(shown: &Shown) -> Vec<Vec<Shared<PlaneBase>>> {
    (0..shown.map_count())
        .map(|map| map_base(shown, map))
        .collect()
}

fn map_base(shown: &Shown, map: usize) -> Vec<Shared<PlaneBase>> {
    let Some(values) = shown.map(map) else {
        return Vec::new();
    };
    let (channels, in_h, in_w) = values.dim();
    let window = shown.stage(map).and_then(layout);
    let ([rows, columns], [top, left]) = window.map_or(([in_h, in_w], [0, 0]), |l| {
        (
            [extent(&l.rows), extent(&l.columns)],
            [l.rows.pad_begin, l.columns.pad_begin],
        )
    });
    let padded_end = window.map_or([rows, columns], |l| [l.rows.padded(), l.columns.padded()]);
    let never_read = window.map(|l| [l.rows.never_read(), l.columns.never_read()]);
    (0..channels)
        .map(|channel| {
            let mut cells = Vec::with_capacity(rows * columns);
            for row in 0..rows {
                for column in 0..columns {
                    let real = row
                        .checked_sub(top)
                        .zip(column.checked_sub(left))
                        .filter(|&(r, c)| r < in_h && c < in_w);
                    let cell = match real {
                        Some((r, c)) => {
                            let mut marks = Marks::default();
                            if let Some([rows_unread, columns_unread]) = &never_read
                                && (rows_unread.contains(&r) || columns_unread.contains(&c))
                            {
                                marks.add(Marks::NEVER_READ);
                            }
                            CellView {
                                value: Some(values[[channel, r, c]]),
                                kind: Kind::Value,
                                marks,
                                at: [channel, r, c],
                            }
                        }
                        None => {
                            let padding = row < padded_end[0] && column < padded_end[1];
                            CellView {
                                value: padding.then_some(0.0),
                                kind: if padding { Kind::Padding } else { Kind::Beyond },
                                marks: Marks::default(),
                                at: [channel, 0, 0],
                            }
                        }
                    };
                    cells.push(cell);
                }
            }
            Shared::new(PlaneBase {
                map,
                index: channel,
                rows,
                columns,
                row_offset: top,
                column_offset: left,
                real_columns: in_w,
                real_rows: in_h,
                cells,
            })
        })
        .collect()
}

/// The kernel planes of every convolution stage (empty for other stages), built once per
/// example: filter-major then channel (`plane = filter·channels + channel`).
pub fn kernel_bases(shown: &Shown) -> Vec<Vec<Shared<PlaneBase>>> {
    shown
        .pipeline
        .stages()
        .iter()
        .enumerate()
        .map(|(stage, layer)| {
            let Layer::Conv(conv) = layer else {
                return Vec::new();
            };
            let weights = conv.weights();
            let (filters, channels, k_h, k_w) = weights.dim();
            (0..filters * channels)
                .map(|index| {
                    let (filter, channel) = (index / channels, index % channels);
                    let mut cells = Vec::with_capacity(k_h * k_w);
                    for row in 0..k_h {
                        for column in 0..k_w {
                            cells.push(CellView {
                                value: Some(weights[[filter, channel, row, column]]),
                                kind: Kind::Value,
                                marks: Marks::default(),
                                at: [index, row, column],
                            });
                        }
                    }
                    Shared::new(PlaneBase {
                        map: stage,
                        index,
                        rows: k_h,
                        columns: k_w,
                        row_offset: 0,
                        column_offset: 0,
                        real_columns: k_w,
                        real_rows: k_h,
                        cells,
                    })
                })
                .collect()
        })
        .collect()
}

/// Every map at the current step: its shared planes with this step's marks.
pub fn maps(state: &State) -> Vec<Vec<PlaneView>> {
    let traced = receptive_field(state);
    let step = current_step(state);
    (0..state.shown.map_count())
        .map(|map| map_planes(state, map, step.as_ref(), traced.as_ref()))
        .collect()
}

/// The receptive field of the traced cell: one set of cells per map before the last.
fn receptive_field(state: &State) -> Option<Vec<BTreeSet<Cell>>> {
    let cell = state.traced?;
    let last = state.shown.pipeline.stages().len().checked_sub(1)?;
    state.shown.pipeline.receptive_field(last, cell).ok()
}

fn map_planes(
    state: &State,
    map: usize,
    step: Option<&Step>,
    traced: Option<&Vec<BTreeSet<Cell>>>,
) -> Vec<PlaneView> {
    let shown = &state.shown;
    let Some(bases) = shown.bases.get(map) else {
        return Vec::new();
    };
    let (focus_stage, focus_step) = state.focus();
    let mut planes: Vec<PlaneView> = bases
        .iter()
        .map(|base| {
            // Maps written by earlier stages are complete, by later stages still empty.
            let written = match map.checked_sub(1) {
                None => usize::MAX,
                Some(writer) if writer < focus_stage => usize::MAX,
                Some(writer) if writer > focus_stage => 0,
                Some(_) => (focus_step + 1)
                    .saturating_sub(base.index * cells_of_map(shown, map))
                    .min(base.real_rows * base.real_columns),
            };
            PlaneView::new(base.clone(), written)
        })
        .collect();

    // The stage being stepped: its window on this map, its output cell on the next.
    if let Some(step) = step {
        if map == focus_stage {
            mark_window(&mut planes, step, Marks::TAP, true);
        }
        if map == focus_stage + 1
            && let Some(plane) = planes.get_mut(step.output.channel)
        {
            plane.mark_cell(step.output, Marks::CURRENT);
        }
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

/// Real cells per channel of map `map`.
fn cells_of_map(shown: &Shown, map: usize) -> usize {
    shown.map(map).map_or(0, |values| {
        let (_, rows, columns) = values.dim();
        rows * columns
    })
}

/// Marks the taps of `step` on the planes of the map it reads; with `span`, also the window's
/// span and the max pooling winner.
fn mark_window(planes: &mut [PlaneView], step: &Step, tap_mark: Marks, span: bool) {
    if span {
        for plane in planes.iter_mut() {
            let mut taps = step
                .taps
                .iter()
                .filter(|tap| tap.channel == plane.base.index);
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
fn mark_hover(planes: &mut [PlaneView], state: &State, map: usize, hover: MapCell) {
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

/// The kernel planes of the stage being stepped, with the filter in use marked.
pub fn kernel_planes(state: &State) -> Vec<PlaneView> {
    let (stage, step) = state.focus();
    let Some(bases) = state.shown.kernels.get(stage) else {
        return Vec::new();
    };
    let in_use = state
        .shown
        .stage(stage)
        .and_then(|layer| cell_of_step(step, layer.output_shape()).ok())
        .map(|cell| cell.channel);
    let channels = state
        .shown
        .stage(stage)
        .map_or(1, |layer| layer.input_shape()[0].max(1));
    bases
        .iter()
        .map(|base| {
            let mut plane = PlaneView::new(base.clone(), usize::MAX);
            if in_use == Some(base.index / channels) {
                for row in 0..base.rows {
                    for column in 0..base.columns {
                        plane.mark([row, column], Marks::TAP);
                    }
                }
            }
            plane
        })
        .collect()
}
