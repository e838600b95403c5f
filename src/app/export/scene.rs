//! Where everything goes in a picture of one step: the title, every map's grids with the kernel
//! or pooling window beside the map being read, and the calculation. Laid out in whole pixels
//! from the same view data as the page (`view::maps`, `view::kernel_planes`, the engine's `Step`),
//! so the picture and the page cannot disagree.

use super::calculation::{self, Line, Look, Piece};
use super::measure::{text_width, wrap};
use super::theme::{CellSize, Theme};
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::scatter;
use crate::app::state::State;
use crate::app::view::{self, PlaneView};
use crate::engine::{Arithmetic, Layer, PoolKind, Step, Stepper};

/// The empty space around the picture.
pub const MARGIN: u32 = 24;
/// Between two figures.
const FIGURE_GAP: u32 = 28;
/// Between two planes of a figure.
const PLANE_GAP: u32 = 12;
/// Figures wrap to a new row past this width, as they wrap on the page.
const ROW_WIDTH: u32 = 1600;

/// A picture of one step, laid out.
#[derive(Debug, Clone)]
pub struct Scene {
    /// Colours and sizes.
    pub theme: &'static Theme,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The operation's name, at the top.
    pub title: String,
    /// The stage and the step, under the title.
    pub subtitle: String,
    /// Why the settings are not what is shown: a heading and wrapped lines, at `y`.
    pub error: Option<ErrorNote>,
    /// The figures, each placed.
    pub figures: Vec<Figure>,
    /// The calculation, if there is a step.
    pub calculation: Option<Calculation>,
    /// The grids and calculation show an older example than the settings: drawn faint.
    pub stale: bool,
}

/// The engine's reason why the settings form no window, as the page shows it.
#[derive(Debug, Clone)]
pub struct ErrorNote {
    /// Top of the note.
    pub y: u32,
    /// "These settings cannot form a window".
    pub heading: &'static str,
    /// The reason and the note that an older example is shown, wrapped.
    pub lines: Vec<String>,
}

/// A captioned figure: one map, the kernel, or the pooling window.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// "Input", "ReLU output", "Kernel".
    pub caption: String,
    /// The grids, placed relative to the figure.
    pub planes: Vec<Plane>,
    width: u32,
    height: u32,
}

/// One grid of a figure.
#[derive(Debug, Clone)]
pub struct Plane {
    /// Left edge, relative to the figure.
    pub x: u32,
    /// Top edge of the grid, relative to the figure.
    pub y: u32,
    /// "channel 2", over the grid when a figure has several.
    pub name: Option<String>,
    /// The page's grid id: "input-0", "kernel-1", "window".
    pub id: String,
    /// What the cells show.
    pub cells: Cells,
    /// The cell size the page would use for this grid.
    pub size: CellSize,
    /// Width of every cell: room for the grid's widest value.
    pub cell_width: u32,
    /// Rows of cells.
    pub rows: usize,
    /// Columns of cells.
    pub columns: usize,
}

/// The cells of a grid.
#[derive(Debug, Clone)]
pub enum Cells {
    /// A map's channel or a kernel slice at this step.
    Plane(PlaneView),
    /// The pooling window: no weights, "max" or "avg" in every cell, the winner marked.
    Window {
        /// Which cell of the window won, in row-major order.
        winner: Option<usize>,
        /// What every cell says.
        label: &'static str,
    },
}

/// The calculation, laid out in rows.
#[derive(Debug, Clone)]
pub struct Calculation {
    /// Top of the heading.
    pub y: u32,
    /// "Calculation".
    pub heading: &'static str,
    /// The rows under the heading.
    pub rows: Vec<Row>,
}

/// One row of the calculation.
#[derive(Debug, Clone)]
pub struct Row {
    /// Top of the row.
    pub y: u32,
    /// A rule above the row: the sum over channels.
    pub rule: bool,
    /// What the row holds.
    pub content: RowContent,
}

/// A row's pieces or sentence.
#[derive(Debug, Clone)]
pub enum RowContent {
    /// Pieces of an equation, each at its left edge and with its width.
    Pieces(Vec<(u32, u32, Piece)>),
    /// A line of a note.
    Note(String),
}

impl Plane {
    /// A cell's height.
    pub fn cell_height(&self) -> u32 {
        self.size.side + 2
    }

    /// The grid's width.
    pub fn width(&self) -> u32 {
        self.columns as u32 * (self.cell_width + self.size.spacing) + self.size.spacing
    }

    /// The grid's height.
    pub fn height(&self) -> u32 {
        self.rows as u32 * (self.cell_height() + self.size.spacing) + self.size.spacing
    }

    /// Top-left corner of cell `[row, column]`, relative to the grid.
    pub fn cell_origin(&self, row: usize, column: usize) -> [u32; 2] {
        let spacing = self.size.spacing;
        [
            spacing + column as u32 * (self.cell_width + spacing),
            spacing + row as u32 * (self.cell_height() + spacing),
        ]
    }
}

impl Scene {
    /// The picture of `state` at its current step (`step`, from `view::current_step`).
    /// Hovering is left out: a picture does not follow the pointer.
    pub fn new(state: &State, step: Option<&Step>) -> Scene {
        let theme = Theme::of(state.presentation.projector);
        let lang = state.lang;
        let text = lang.text();
        let example = &state.example;
        let steps = example.steps();
        let focus_stage = state.focus().0;
        let stages = example.pipeline.stages().len();
        let subtitle = |step: usize| {
            let step_of = lang.step_of(step, steps);
            match stages {
                1 => step_of,
                _ => format!(
                    "{} · {step_of}",
                    lang.stage_of(focus_stage, stages, &example.settings)
                ),
            }
        };
        let title = lang.operation(example.settings.operation).to_owned();
        // The widest step number, so the width holds from step to step.
        let mut width = text_width(&title, theme.title_font)
            .max(text_width(&subtitle(steps), theme.font))
            .max(theme.min_content_width);
        let mut y = MARGIN + theme.title_font + theme.font * 2;

        let error = state.error.as_ref().map(|error| {
            let reason = format!("{} {}", lang.error(error), text.showing_previous);
            let note = ErrorNote {
                y: y + 8,
                heading: text.error_heading,
                lines: wrap(&reason, theme.font, width),
            };
            y = note.y + (note.lines.len() as u32 + 1) * line_height(theme.font) + 8;
            note
        });

        let unhovered;
        let state = if state.hover.is_some() {
            unhovered = State {
                hover: None,
                ..state.clone()
            };
            &unhovered
        } else {
            state
        };
        let mut figures = figures(state, step, lang, theme);
        let top = y + 16;
        let (row_width, bottom) = flow(&mut figures, top);
        width = width.max(row_width);

        // The scatter view's step is an input cell: its products landing, as the page shows them.
        let lines = match scatter::current(state) {
            Some((transposed, scattered)) => Some(scatter::lines(transposed, &scattered, lang)),
            None => step.map(|step| {
                let channels = view::current_layer(state).map_or(1, |layer| layer.input_shape()[0]);
                calculation::lines(step, channels, focus_stage, lang)
            }),
        };
        let calculation = lines.map(|lines| {
            let heading_y = bottom + 24;
            let rows = rows(
                &lines,
                theme,
                width,
                heading_y + theme.font + theme.font / 2,
            );
            Calculation {
                y: heading_y,
                heading: text.calculation,
                rows,
            }
        });
        let end = match &calculation {
            Some(calculation) => calculation
                .rows
                .last()
                .map_or(calculation.y, |row| row.y + row_height(&row.content, theme)),
            None => bottom,
        };
        Scene {
            theme,
            width: width + 2 * MARGIN,
            height: end + MARGIN,
            title,
            subtitle: subtitle(state.position + 1),
            error,
            figures,
            calculation,
            stale: state.error.is_some(),
        }
    }
}

/// The figures in page order: every map, with the kernel or window after the map being read.
fn figures(state: &State, step: Option<&Step>, lang: Lang, theme: &Theme) -> Vec<Figure> {
    let text = lang.text();
    let example = &state.example;
    let focus_stage = state.focus().0;
    let kernel = match view::current_layer(state) {
        Some(Layer::Conv(conv)) => {
            let channels = conv.weights().dim().1;
            let planes = view::kernel_names(conv.groups(), lang)
                .into_iter()
                .zip(view::kernel_planes(state))
                .enumerate()
                .map(|(i, (name, plane))| (name, format!("kernel-{i}"), plane))
                .collect();
            Some(figure(text.kernel.to_owned(), planes, channels, theme))
        }
        Some(Layer::Pool(pool)) => {
            let [rows, columns] = pool.layout().kernel();
            let winner = step.and_then(|step| match step.arithmetic {
                Arithmetic::Max { winner } => Some(winner),
                _ => None,
            });
            let label = match pool.kind() {
                PoolKind::Max => "max",
                PoolKind::Average { .. } => "avg",
            };
            Some(window_figure(
                text.window,
                [rows, columns],
                winner,
                label,
                theme,
            ))
        }
        _ => None,
    };
    let mut figures = Vec::new();
    let mut kernel = kernel;
    for (map, planes) in view::maps(state, step).into_iter().enumerate() {
        let count = planes.len();
        let (caption, id) = (
            lang.map_caption(&example.settings, map),
            example.map_id(map),
        );
        let planes = planes
            .into_iter()
            .enumerate()
            .map(|(i, plane)| (lang.channel_name(map, count, i), format!("{id}-{i}"), plane))
            .collect();
        figures.push(figure(caption, planes, count, theme));
        if map == focus_stage {
            figures.extend(kernel.take());
        }
    }
    figures
}

/// A figure of grids, `per_row` planes to a row as the page groups them (wrapping earlier
/// when a row would be too wide).
fn figure(
    caption: String,
    planes: Vec<(String, String, PlaneView)>,
    per_row: usize,
    theme: &Theme,
) -> Figure {
    let many = planes.len() > 1;
    let per_row = per_row.max(1);
    let mut placed: Vec<Plane> = planes
        .chunks(per_row)
        .flat_map(|row| {
            let row_width: usize = row.iter().map(|(_, _, plane)| plane.base.columns).sum();
            row.iter().map(move |(name, id, plane)| {
                let base = &plane.base;
                let size = theme.cell_size(row_width, base.rows);
                let chars = format::widest(base.cells.iter().filter_map(|cell| cell.value));
                Plane {
                    x: 0,
                    y: 0,
                    name: many.then(|| name.clone()),
                    id: id.clone(),
                    cells: Cells::Plane(plane.clone()),
                    size,
                    cell_width: cell_width(size, chars),
                    rows: base.rows,
                    columns: base.columns,
                }
            })
        })
        .collect();
    let name_height = if many { theme.plane_font + 8 } else { 0 };
    let (width, height) = place_planes(&mut placed, per_row, name_height, caption_height(theme));
    Figure {
        x: 0,
        y: 0,
        width: width.max(text_width(&caption, theme.font)),
        height,
        caption,
        planes: placed,
    }
}

/// The pooling window, drawn as the page's `WindowOutline` draws it.
fn window_figure(
    caption: &str,
    [rows, columns]: [usize; 2],
    winner: Option<usize>,
    label: &'static str,
    theme: &Theme,
) -> Figure {
    let size = theme.cells[0];
    let mut planes = vec![Plane {
        x: 0,
        y: 0,
        name: None,
        id: "window".to_owned(),
        cells: Cells::Window { winner, label },
        size,
        cell_width: cell_width(size, 3),
        rows,
        columns,
    }];
    let (width, height) = place_planes(&mut planes, 1, 0, caption_height(theme));
    Figure {
        x: 0,
        y: 0,
        width: width.max(text_width(caption, theme.font)),
        height,
        caption: caption.to_owned(),
        planes,
    }
}

/// Places planes in rows of `per_row`, or fewer when a row would pass [`ROW_WIDTH`]; returns
/// the figure's width and height.
fn place_planes(planes: &mut [Plane], per_row: usize, name_height: u32, top: u32) -> (u32, u32) {
    let (mut x, mut y, mut in_row, mut row_height, mut width) = (0, top, 0, 0, 0);
    for plane in planes.iter_mut() {
        if in_row > 0 && (in_row == per_row || x + plane.width() > ROW_WIDTH) {
            (x, y, in_row) = (0, y + row_height + PLANE_GAP, 0);
            row_height = 0;
        }
        (plane.x, plane.y) = (x, y + name_height);
        x += plane.width() + PLANE_GAP;
        width = width.max(x - PLANE_GAP);
        row_height = row_height.max(name_height + plane.height());
        in_row += 1;
    }
    (width, y + row_height)
}

/// Places the figures left to right from `top`, wrapping past [`ROW_WIDTH`]; returns the widest
/// row's width and the bottom of the last row.
fn flow(figures: &mut [Figure], top: u32) -> (u32, u32) {
    let (mut x, mut y, mut row_height, mut width) = (0, top, 0, 0);
    for figure in figures.iter_mut() {
        if x > 0 && x + figure.width > ROW_WIDTH {
            (x, y) = (0, y + row_height + FIGURE_GAP);
            row_height = 0;
        }
        (figure.x, figure.y) = (MARGIN + x, y);
        x += figure.width + FIGURE_GAP;
        width = width.max(x - FIGURE_GAP);
        row_height = row_height.max(figure.height);
    }
    (width, y + row_height)
}

/// A cell's width: the page's `max(--cell + 0.2rem + 2px, chars × 0.7em + 0.45rem)`, with 0.73em
/// per character here, a little room for the picture's own font.
fn cell_width(size: CellSize, chars: usize) -> u32 {
    (size.side + 5).max((chars as u32 * size.font * 73).div_ceil(100) + 7)
}

fn caption_height(theme: &Theme) -> u32 {
    theme.font + theme.font / 2 + 6
}

fn line_height(font: u32) -> u32 {
    font * 3 / 2
}

/// The height of a calculation row.
pub fn row_height(content: &RowContent, theme: &Theme) -> u32 {
    let equation = theme.equation_font;
    match content {
        RowContent::Pieces(pieces) if pieces.iter().any(|(_, _, piece)| piece.below.is_some()) => {
            equation * 2 + 12
        }
        RowContent::Pieces(_) => equation * 2,
        RowContent::Note(_) => line_height(theme.font),
    }
}

/// The size of a running total under a term.
pub fn small_font(theme: &Theme) -> u32 {
    theme.equation_font * 2 / 3
}

/// The calculation's lines in rows no wider than `width`: equations wrap before a separator,
/// notes between words.
fn rows(lines: &[Line], theme: &Theme, width: u32, top: u32) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut y = top;
    let mut push = |rows: &mut Vec<Row>, rule: bool, content: RowContent| {
        let height = row_height(&content, theme);
        rows.push(Row { y, rule, content });
        y += height;
    };
    for line in lines {
        match line {
            Line::Note(note) => {
                for text in wrap(note, theme.font, width) {
                    push(&mut rows, false, RowContent::Note(text));
                }
            }
            Line::Equation(pieces) | Line::Total(pieces) => {
                let indent = theme.equation_font * 2;
                let mut rule = matches!(line, Line::Total(_));
                let mut row = Vec::new();
                let mut x = 0;
                for (index, piece) in pieces.iter().enumerate() {
                    let drawn = piece_width(piece, theme);
                    let next = pieces
                        .get(index + 1)
                        .map_or(0, |next| piece_width(next, theme));
                    if piece.look == Look::Separator && !row.is_empty() && x + drawn + next > width
                    {
                        push(
                            &mut rows,
                            rule,
                            RowContent::Pieces(std::mem::take(&mut row)),
                        );
                        (x, rule) = (indent, false);
                    }
                    row.push((x, drawn, piece.clone()));
                    x += drawn;
                }
                push(&mut rows, rule, RowContent::Pieces(row));
            }
        }
    }
    rows
}

/// How wide a piece is drawn: bold pieces are wider, the result has a box, an exponent is small.
pub fn piece_width(piece: &Piece, theme: &Theme) -> u32 {
    let font = theme.equation_font;
    let text = text_width(&piece.text, font);
    let drawn = match piece.look {
        Look::Result => text * 11 / 10 + 12,
        Look::Winner | Look::Partial => text * 11 / 10,
        Look::Exponent => text_width(&piece.text, small_font(theme)),
        _ => text,
    };
    let below = piece
        .below
        .as_ref()
        .map_or(0, |below| text_width(below, small_font(theme)));
    drawn.max(below)
}
