//! One plane of a grid as it never changes within an example: each cell's value and kind
//! (value, padding, beyond), and the marks that hold for every step (cells no window reads,
//! padding cells that repeat an input cell).
//! Built once per example from the engine's pipeline; the per-step [`PlaneView`] adds sparse
//! marks.

use super::shared::Shared;
use crate::engine::{AxisCell, Cell, GatherAxis, Layer, Pipeline, Source, WindowLayout};
use std::collections::BTreeMap;

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
    /// A zero inserted between input cells (transposed convolution's gather view).
    Inserted,
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
    /// A padding cell that repeats an input cell (reflect, replicate or circular padding);
    /// its `at` is that input cell.
    pub const BORROWED: Marks = Marks(1 << 10);
    /// A padding cell that repeats the hovered input cell.
    pub const COPY: Marks = Marks(1 << 11);

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
            (Marks::BORROWED, "borrowed"),
            (Marks::COPY, "copy"),
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
    /// The gather view's axes when the plane is a transposed convolution's zero-inserted,
    /// padded input: real cells lie `stride` apart, and the offsets above do not apply.
    pub gather: Option<[GatherAxis; 2]>,
}

impl PlaneBase {
    /// The grid position `[row, column]` of real cell `cell`, if shown.
    pub fn grid_of(&self, cell: Cell) -> Option<[usize; 2]> {
        match &self.gather {
            Some([rows, columns]) => rows
                .cell_of_input(cell.row)
                .zip(columns.cell_of_input(cell.column))
                .map(|(row, column)| [row, column]),
            None => Some([cell.row + self.row_offset, cell.column + self.column_offset]),
        }
    }
}

/// The window geometry of a windowed layer.
pub fn layout(layer: &Layer) -> Option<&WindowLayout> {
    match layer {
        Layer::Conv(conv) => Some(conv.layout()),
        Layer::Pool(pool) => Some(pool.layout()),
        Layer::Activation(_) | Layer::ConvTranspose(_) => None,
    }
}

/// The unchanging planes of every map of an example: built once when the example is built.
/// With `gather`, a transposed convolution's input is drawn as its gather view.
pub fn map_bases(pipeline: &Pipeline, gather: bool) -> Vec<Vec<Shared<PlaneBase>>> {
    (0..pipeline.map_count())
        .map(|map| map_base(pipeline, map, gather))
        .collect()
}

fn map_base(pipeline: &Pipeline, map: usize, gather: bool) -> Vec<Shared<PlaneBase>> {
    let Some(values) = pipeline.map(map) else {
        return Vec::new();
    };
    let (channels, in_h, in_w) = values.dim();
    if let Some(Layer::ConvTranspose(transposed)) = pipeline.stages().get(map)
        && gather
    {
        return gather_base(map, values, transposed.gather());
    }
    let window = pipeline.stages().get(map).and_then(layout);
    let ([rows, columns], [top, left]) = window.map_or(([in_h, in_w], [0, 0]), |l| {
        (
            [l.rows.extent(), l.columns.extent()],
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
                            // Reflect, replicate or circular padding shows the cell it repeats.
                            let borrowed = window.filter(|_| padding).and_then(|l| {
                                match l.source_at([row, column]) {
                                    Source::Borrowed { row, column } => Some([row, column]),
                                    _ => None,
                                }
                            });
                            match borrowed {
                                Some([r, c]) => CellView {
                                    value: Some(values[[channel, r, c]]),
                                    kind: Kind::Padding,
                                    marks: Marks::BORROWED,
                                    at: [channel, r, c],
                                },
                                None => CellView {
                                    value: padding.then_some(0.0),
                                    kind: if padding { Kind::Padding } else { Kind::Beyond },
                                    marks: Marks::default(),
                                    at: [channel, 0, 0],
                                },
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
                gather: None,
            })
        })
        .collect()
}

/// The input of a transposed convolution as its gather view draws it: zeros inserted between
/// the cells, and padding around (or cropped away).
fn gather_base(
    map: usize,
    values: &crate::engine::FeatureMap,
    [rows, columns]: [GatherAxis; 2],
) -> Vec<Shared<PlaneBase>> {
    let (channels, in_h, in_w) = values.dim();
    let (extent_h, extent_w) = (rows.extent(), columns.extent());
    (0..channels)
        .map(|channel| {
            let mut cells = Vec::with_capacity(extent_h * extent_w);
            for row in 0..extent_h {
                for column in 0..extent_w {
                    let (kind, at) = match (rows.cell_at(row), columns.cell_at(column)) {
                        (AxisCell::Input(r), AxisCell::Input(c)) => (Kind::Value, [channel, r, c]),
                        (AxisCell::Padding, _) | (_, AxisCell::Padding) => {
                            (Kind::Padding, [channel, 0, 0])
                        }
                        _ => (Kind::Inserted, [channel, 0, 0]),
                    };
                    let [_, r, c] = at;
                    cells.push(CellView {
                        value: Some(if kind == Kind::Value {
                            values[[channel, r, c]]
                        } else {
                            0.0
                        }),
                        kind,
                        marks: Marks::default(),
                        at,
                    });
                }
            }
            Shared::new(PlaneBase {
                map,
                index: channel,
                rows: extent_h,
                columns: extent_w,
                row_offset: 0,
                column_offset: 0,
                real_columns: in_w,
                real_rows: in_h,
                cells,
                gather: Some([rows, columns]),
            })
        })
        .collect()
}

/// The kernel planes of every convolution stage (empty for other stages), built once per
/// example: filter-major then the filter's own channels (`plane = filter·channels/groups + slice`).
/// With `gather`, a transposed convolution's kernel is drawn rotated 180°, as its gather view
/// slides it.
pub fn kernel_bases(pipeline: &Pipeline, gather: bool) -> Vec<Vec<Shared<PlaneBase>>> {
    pipeline
        .stages()
        .iter()
        .enumerate()
        .map(|(stage, layer)| {
            let (weights, rotated) = match layer {
                Layer::Conv(conv) => (conv.weights().clone(), false),
                // Drawn filter-major as a convolution's, and rotated 180° as the gather view
                // slides it.
                Layer::ConvTranspose(transposed) => (transposed.weights_by_filter(), gather),
                _ => return Vec::new(),
            };
            let (filters, channels, k_h, k_w) = weights.dim();
            (0..filters * channels)
                .map(|index| {
                    let (filter, channel) = (index / channels, index % channels);
                    let mut cells = Vec::with_capacity(k_h * k_w);
                    for row in 0..k_h {
                        for column in 0..k_w {
                            let [r, c] = if rotated {
                                [k_h - 1 - row, k_w - 1 - column]
                            } else {
                                [row, column]
                            };
                            cells.push(CellView {
                                value: Some(weights[[filter, channel, r, c]]),
                                kind: Kind::Value,
                                marks: Marks::default(),
                                at: [index, r, c],
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
                        gather: None,
                    })
                })
                .collect()
        })
        .collect()
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
    /// An input channel outside the group of the filter being stepped: it feeds other filters.
    pub outside_group: bool,
}

impl PlaneView {
    /// The plane with no marks and `written` real cells written, in raster order.
    pub fn new(base: Shared<PlaneBase>, written: usize) -> Self {
        // A complete plane compares equal from step to step, so it is not re-rendered.
        let written = written.min(base.real_rows * base.real_columns);
        PlaneView {
            base,
            overlay: Overlay::new(),
            written,
            outside_group: false,
        }
    }

    /// Adds `mark` at grid position `[row, column]`.
    pub fn mark(&mut self, [row, column]: [usize; 2], mark: Marks) {
        if row >= self.base.rows || column >= self.base.columns {
            return;
        }
        let marks = self.overlay.entry(row).or_default();
        // Kept in column order: find the cell, or the place it goes.
        let index = marks.partition_point(|(c, _)| *c < column);
        match marks.get_mut(index) {
            Some((c, marks)) if *c == column => marks.add(mark),
            _ => marks.insert(index, (column, mark)),
        }
    }

    /// Adds `mark` at a real cell, given in map coordinates.
    pub fn mark_cell(&mut self, cell: Cell, mark: Marks) {
        if let Some(at) = self.base.grid_of(cell) {
            self.mark(at, mark);
        }
    }

    /// How many real cells of grid row `row` are written (all when the row is padding, and in
    /// a gather view's input, which is never written).
    pub fn written_in_row(&self, row: usize) -> usize {
        let columns = self.base.real_columns;
        if self.base.gather.is_some() {
            return usize::MAX;
        }
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
