//! Fitting a step's figures into the room the screen has: the cell size and the arrangement that
//! keep the window, the kernel and the cell being written in view together.
//!
//! The figures of a step are the map being read, the kernel (or pooling window) and the map being
//! written. They sit side by side (`Row`), with the map being read above the other two
//! (`Stacked`), or one above another (`Column`); a map's channels run across (`Across`) or down
//! (`Down`). Every candidate's width and height only grow with the cell size, so the largest cell
//! that fits is found by halving. A column is as wide as the widest value its figure shows, so
//! long values (decimals, negative ones) narrow the cells rather than cut the figures off. Below
//! the smallest readable cell, the planes scroll inside their own boxes and follow the window (see
//! `components::follow`).

/// How the figures sit on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Read map, kernel and written map in one row.
    Row,
    /// The read map on top; the kernel and the written map below it.
    Stacked,
    /// Each figure below the one before, for tall narrow screens.
    Column,
}

impl Arrangement {
    /// The rows of figures, by index, for `count` figures.
    fn rows(self, count: usize) -> Vec<Vec<usize>> {
        match self {
            Arrangement::Row => vec![(0..count).collect()],
            Arrangement::Stacked if count > 1 => vec![vec![0], (1..count).collect()],
            Arrangement::Stacked => vec![(0..count).collect()],
            Arrangement::Column => (0..count).map(|index| vec![index]).collect(),
        }
    }
}

/// How the planes (channels) of a map, and the channel slices of a filter, are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Channels side by side.
    Across,
    /// Channels one above the other.
    Down,
}

/// What a figure is for, which decides how much of it must be in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The map being read: the window must show in every channel.
    Read,
    /// The kernel or pooling window: the filter in use must show.
    Kernel,
    /// The map being written: the plane being written must show.
    Written,
}

/// One figure's shape: `planes` planes of `rows × columns` cells, in groups of `lanes` (a
/// kernel's filter has one plane per channel; a map is one group).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureShape {
    /// What the figure is for.
    pub role: Role,
    /// Planes in the figure.
    pub planes: usize,
    /// Planes per group: the channels of one filter, or every plane of a map.
    pub lanes: usize,
    /// Rows of one plane, padding included.
    pub rows: usize,
    /// Columns of one plane, padding included.
    pub columns: usize,
    /// Characters in the widest value, which can make a column wider than a cell.
    pub chars: usize,
    /// The caption's width in CSS pixels: a figure is never narrower.
    pub caption_width: f64,
    /// Rows and columns of one plane that must show together: the window's extent on the map
    /// being read (shown with a cell of context), the whole kernel, one cell being written.
    pub window: [usize; 2],
}

/// The room on screen and the sizes that do not scale with the cell, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Room {
    /// Width of the figures' box.
    pub width: f64,
    /// Height of the figures' box.
    pub height: f64,
    /// The smallest cell that can still be read from where the screen is seen.
    pub min_cell: f64,
    /// The largest cell worth drawing.
    pub max_cell: f64,
    /// A figure caption's height, margin included.
    pub caption: f64,
}

/// The chosen cell size and arrangement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Cell height in CSS pixels, between `min_cell` and `max_cell`.
    pub cell: f64,
    /// How the figures sit.
    pub arrangement: Arrangement,
    /// How channels are laid out.
    pub direction: Direction,
}

/// Space around the figures' box contents and between figures, planes and cells (CSS px); these
/// mirror `static/style.css`.
const PADDING: f64 = 12.0;
const FIGURE_GAP: f64 = 20.0;
/// The gap between figures on a phone.
const NARROW_FIGURE_GAP: f64 = 10.0;
/// Rooms narrower than this are a phone's (CSS px; `static/style.css` uses the same width).
const NARROW: f64 = 600.0;
const PLANE_GAP: f64 = 12.0;
const PLANE_TITLE: f64 = 24.0;
/// A plane's padding and the table's outer border spacing.
const PLANE_FRAME: f64 = 8.0;
/// Border spacing and borders around one cell.
const CELL_FRAME: f64 = 4.0;
/// Extra width of a cell over its height (padding).
const CELL_EXTRA_WIDTH: f64 = 3.2;
/// Border spacing beside one cell.
const CELL_SPACING: f64 = 2.0;
/// The width of one character of a value, in the cell's type size (`em`): wide enough for the
/// digits of common fonts, bold ones too, so long values never spill out of their cells.
const CHAR_EM: f64 = 0.7;
/// A long value's cell: its padding and borders beside the characters.
const WIDE_EXTRA_WIDTH: f64 = 7.2;
/// A value's type size as a share of its cell's height.
const CELL_FONT_SHARE: f64 = 0.45;

/// A value's type size in whole CSS pixels at `cell` (the page's `--cell-font`).
pub fn cell_font(cell: f64) -> i64 {
    whole_px(cell * CELL_FONT_SHARE + 0.5)
}

impl Room {
    /// The gap between figures: smaller on a phone.
    fn gap(&self) -> f64 {
        if self.width < NARROW {
            NARROW_FIGURE_GAP
        } else {
            FIGURE_GAP
        }
    }
}

impl FigureShape {
    /// A column's width at `cell`, border spacing included: a cell's width, or wider for the
    /// widest value the figure shows (`static/style.css`'s `--cell-width`, at the type size the
    /// figures set).
    fn column_width(&self, cell: f64) -> f64 {
        let narrow = cell + CELL_EXTRA_WIDTH + CELL_FRAME;
        let wide =
            self.chars as f64 * CHAR_EM * cell_font(cell) as f64 + WIDE_EXTRA_WIDTH + CELL_SPACING;
        narrow.max(wide)
    }

    /// The width and height of one plane showing `rows × columns` cells at `cell`.
    fn plane_size(&self, rows: usize, columns: usize, cell: f64) -> (f64, f64) {
        let width = columns as f64 * self.column_width(cell) + PLANE_FRAME;
        let height = rows as f64 * (cell + CELL_FRAME) + PLANE_FRAME;
        (width, height)
    }

    /// The figure's width and height at `cell` for this direction: whole (`all`), or only what
    /// must show together (every channel's window, the filter in use, the cell being written).
    /// A whole figure is never narrower than its caption; what must show together does not
    /// count the caption, which is cut short where the room is too small for it.
    fn size(&self, direction: Direction, all: bool, caption: f64, cell: f64) -> (f64, f64) {
        let lanes = self.lanes.clamp(1, self.planes.max(1));
        let groups = self.planes.max(1).div_ceil(lanes);
        let [window_rows, window_columns] = self.window;
        let ((lanes, groups), rows, columns) = match (all, self.role) {
            (true, _) => ((lanes, groups), self.rows, self.columns),
            (false, Role::Read) => (
                (lanes, groups),
                self.rows.min(window_rows + 1),
                self.columns.min(window_columns + 1),
            ),
            (false, Role::Kernel) => ((lanes, 1), self.rows, self.columns),
            (false, Role::Written) => ((1, 1), self.rows.min(2), self.columns.min(2)),
        };
        let (plane_width, plane_height) = self.plane_size(rows, columns, cell);
        let (across, down) = match direction {
            Direction::Across => (lanes, groups),
            Direction::Down => (groups, lanes),
        };
        let titled = if self.planes > 1 { PLANE_TITLE } else { 0.0 };
        let width = repeat(plane_width, across, PLANE_GAP);
        let height = repeat(plane_height + titled, down, PLANE_GAP) + caption;
        let caption_width = if all { self.caption_width } else { 0.0 };
        (width.max(caption_width), height)
    }
}

/// `count` copies of a length with `gap` between them.
fn repeat(length: f64, count: usize, gap: f64) -> f64 {
    let count = count.max(1) as f64;
    length * count + gap * (count - 1.0)
}

/// The width and height of the whole figures in an arrangement at `cell`.
fn arranged(
    figures: &[FigureShape],
    arrangement: Arrangement,
    direction: Direction,
    room: &Room,
    cell: f64,
) -> (f64, f64) {
    let sizes: Vec<(f64, f64)> = figures
        .iter()
        .map(|figure| figure.size(direction, true, room.caption, cell))
        .collect();
    let rows = arrangement.rows(figures.len());
    let (mut width, mut height) = (0.0_f64, 0.0);
    for row in &rows {
        let row_width: f64 = row.iter().map(|&index| sizes[index].0).sum::<f64>()
            + room.gap() * row.len().saturating_sub(1) as f64;
        let row_height = row.iter().map(|&index| sizes[index].1).fold(0.0, f64::max);
        width = width.max(row_width);
        height += row_height;
    }
    let gaps = room.gap() * rows.len().saturating_sub(1) as f64;
    (width + 2.0 * PADDING, height + 2.0 * PADDING + gaps)
}

/// The largest cell between `low` and `high` at which `fits` holds, if it holds at `low`: sizes
/// only grow with the cell, so halving the interval finds it.
fn largest(low: f64, high: f64, fits: impl Fn(f64) -> bool) -> Option<f64> {
    if !fits(low) {
        return None;
    }
    if fits(high) {
        return Some(high);
    }
    let (mut good, mut bad) = (low, high);
    while bad - good > 0.25 {
        let middle = (good + bad) / 2.0;
        if fits(middle) {
            good = middle;
        } else {
            bad = middle;
        }
    }
    Some(good)
}

/// The largest cell, and the arrangement giving it, at which the whole figures fit the room.
/// When they cannot fit at a readable size, the smallest readable cell, in the arrangement that
/// best keeps in view what the step needs; the rest scrolls.
pub fn fit(figures: &[FigureShape], room: &Room) -> Fit {
    let candidates = [
        (Arrangement::Row, Direction::Across),
        (Arrangement::Row, Direction::Down),
        (Arrangement::Stacked, Direction::Across),
        (Arrangement::Stacked, Direction::Down),
        (Arrangement::Column, Direction::Across),
        (Arrangement::Column, Direction::Down),
    ];
    let clamp = |cell: f64| cell.clamp(room.min_cell, room.max_cell.max(room.min_cell));
    let whole = candidates
        .iter()
        .filter_map(|&(arrangement, direction)| {
            let fits = |cell| {
                let (width, height) = arranged(figures, arrangement, direction, room, cell);
                width <= room.width && height <= room.height
            };
            let cell = largest(room.min_cell, room.max_cell.max(room.min_cell), fits)?;
            Some((cell, arrangement, direction))
        })
        // The first of equals wins, so a row with channels across is preferred.
        .fold(
            None,
            |best: Option<(f64, Arrangement, Direction)>, candidate| match best {
                Some(best) if best.0 >= candidate.0 => Some(best),
                _ => Some(candidate),
            },
        );
    if let Some((cell, arrangement, direction)) = whole {
        return Fit {
            cell: clamp(cell),
            arrangement,
            direction,
        };
    }
    // The whole figures do not fit at the smallest cell: every arrangement scrolls. Take the one
    // that best keeps what must show together, then the one showing every column of the most
    // figures (so wide values scroll down, not sideways), then the one whose smallest plane box
    // shows the most cells.
    let cell = clamp(room.min_cell);
    candidates
        .iter()
        .map(|&(arrangement, direction)| {
            let fit = Fit {
                cell,
                arrangement,
                direction,
            };
            let rooms = allot(figures, room, &fit);
            let score = (
                coverage(figures, &rooms, &fit),
                whole_widths(figures, &rooms, cell),
                cells_in_view(figures, &rooms, cell),
            );
            (score, fit)
        })
        .fold(
            None,
            |best: Option<((f64, usize, f64), Fit)>, (score, fit)| match best {
                Some(best) if best.0 >= score => Some(best),
                _ => Some((score, fit)),
            },
        )
        .map_or(
            Fit {
                cell,
                arrangement: Arrangement::Row,
                direction: Direction::Across,
            },
            |(_, fit)| fit,
        )
}

/// How much of what must show together the figures' boxes hold: 1 when all of it, less when
/// the most squeezed figure shows only that share of it.
fn coverage(figures: &[FigureShape], rooms: &[Allotment], fit: &Fit) -> f64 {
    figures
        .iter()
        .zip(rooms)
        .map(|(figure, room)| {
            let (width, height) = figure.size(fit.direction, false, 0.0, fit.cell);
            (room.width / width.max(1.0))
                .min(room.height / height.max(1.0))
                .min(1.0)
        })
        .fold(1.0, f64::min)
}

/// How many figures' boxes show every column of their planes.
fn whole_widths(figures: &[FigureShape], rooms: &[Allotment], cell: f64) -> usize {
    figures
        .iter()
        .zip(rooms)
        .filter(|(figure, room)| {
            figure.plane_size(figure.rows, figure.columns, cell).0 <= room.plane_width + 0.5
        })
        .count()
}

/// How many cells across or down the smallest box of a map's plane shows.
fn cells_in_view(figures: &[FigureShape], rooms: &[Allotment], cell: f64) -> f64 {
    figures
        .iter()
        .zip(rooms)
        .filter(|(figure, _)| figure.role != Role::Kernel)
        .map(|(figure, room)| {
            let titled = if figure.planes > 1 { PLANE_TITLE } else { 0.0 };
            let across = (room.plane_width - PLANE_FRAME) / figure.column_width(cell);
            let down = (room.plane_height - titled - PLANE_FRAME) / (cell + CELL_FRAME);
            across.min(down)
        })
        .fold(f64::INFINITY, f64::min)
}

/// A length in whole CSS pixels, rounded down so a box never outgrows its share. (Whole numbers
/// keep the float formatting code out of the wasm.)
pub fn whole_px(length: f64) -> i64 {
    length.max(0.0).floor() as i64
}

/// The box one figure gets, and the largest box each of its planes gets, in CSS pixels. A
/// figure's planes scroll inside the first; a plane's cells scroll inside the second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allotment {
    /// Width of the figure's planes.
    pub width: f64,
    /// Height of the figure's planes (its caption not included).
    pub height: f64,
    /// Largest width of one plane.
    pub plane_width: f64,
    /// Largest height of one plane, its title included.
    pub plane_height: f64,
}

/// Shares out the room between the figures at the chosen fit: each gets its whole size when all
/// fit; otherwise first what must show together, then the rest in proportion to what is left of
/// each, so every figure keeps a part of the screen.
pub fn allot(figures: &[FigureShape], room: &Room, fit: &Fit) -> Vec<Allotment> {
    let size = |all: bool| -> Vec<(f64, f64)> {
        figures
            .iter()
            .map(|figure| figure.size(fit.direction, all, 0.0, fit.cell))
            .collect()
    };
    let (natural, needed) = (size(true), size(false));
    let rows = fit.arrangement.rows(figures.len());
    let inner_width = (room.width - 2.0 * PADDING).max(0.0);
    let chrome = 2.0 * PADDING + room.gap() * rows.len().saturating_sub(1) as f64;
    let available = (room.height - chrome - room.caption * rows.len() as f64).max(0.0);
    let tallest = |row: &[usize], sizes: &[(f64, f64)]| {
        row.iter().map(|&index| sizes[index].1).fold(0.0, f64::max)
    };
    let heights = share(
        &rows
            .iter()
            .map(|row| tallest(row, &natural))
            .collect::<Vec<_>>(),
        &rows
            .iter()
            .map(|row| tallest(row, &needed))
            .collect::<Vec<_>>(),
        available,
    );
    let mut boxes = vec![(0.0, 0.0); figures.len()];
    for (row, height) in rows.iter().zip(heights) {
        let gaps = room.gap() * row.len().saturating_sub(1) as f64;
        let widths = share(
            &row.iter()
                .map(|&index| natural[index].0)
                .collect::<Vec<_>>(),
            &row.iter().map(|&index| needed[index].0).collect::<Vec<_>>(),
            (inner_width - gaps).max(0.0),
        );
        for (&index, width) in row.iter().zip(widths) {
            boxes[index] = (width, height);
        }
    }
    figures
        .iter()
        .zip(boxes)
        .map(|(figure, (width, height))| plane_room(figure, fit.direction, width, height))
        .collect()
}

/// Shares `room` between lengths that would like `wanted` and must have `needed`: all they want
/// when it fits; else what they need and the rest in proportion to what each still wants; else
/// in proportion to what they need.
fn share(wanted: &[f64], needed: &[f64], room: f64) -> Vec<f64> {
    let total_wanted: f64 = wanted.iter().sum();
    let total_needed: f64 = needed.iter().sum();
    if total_wanted <= room {
        return wanted.to_vec();
    }
    if total_needed >= room || total_wanted <= total_needed {
        let scale = if total_needed > 0.0 {
            room / total_needed
        } else {
            0.0
        };
        return needed.iter().map(|need| need * scale).collect();
    }
    let scale = (room - total_needed) / (total_wanted - total_needed);
    wanted
        .iter()
        .zip(needed)
        .map(|(want, need)| need + (want - need).max(0.0) * scale)
        .collect()
}

/// The largest box of one plane in a figure's box: the channels of the map being read share it,
/// so the window shows in all of them; elsewhere one plane may take the whole box.
fn plane_room(figure: &FigureShape, direction: Direction, width: f64, height: f64) -> Allotment {
    let lanes = figure.lanes.clamp(1, figure.planes.max(1)) as f64;
    let (plane_width, plane_height) = match (figure.role, direction) {
        (Role::Read, Direction::Across) => ((width - PLANE_GAP * (lanes - 1.0)) / lanes, height),
        (Role::Read, Direction::Down) => (width, (height - PLANE_GAP * (lanes - 1.0)) / lanes),
        _ => (width, height),
    };
    Allotment {
        width,
        height,
        plane_width: plane_width.max(0.0),
        plane_height: plane_height.max(0.0),
    }
}
