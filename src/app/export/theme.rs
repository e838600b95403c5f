//! The saved picture's colours and sizes, light and projector: the values of `static/style.css`,
//! in whole pixels, so a picture looks like the page it was saved from.

/// A colour as red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// `#rrggbb`, as SVG writes it.
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour `eighths`/8 of the way from `self` to `other`: what antialiasing draws at the
    /// edge of a letter or a line.
    pub fn towards(self, other: Rgb, eighths: u16) -> Rgb {
        let mix =
            |a: u8, b: u8| ((u16::from(a) * (8 - eighths) + u16::from(b) * eighths + 4) / 8) as u8;
        let ([r, g, b], [r2, g2, b2]) = (self.0, other.0);
        Rgb([mix(r, r2), mix(g, g2), mix(b, b2)])
    }
}

/// The size of a grid's cells and their text, by how large the grid is (`.grid.dense` and so on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellSize {
    /// The cell's side before borders (`--cell`).
    pub side: u32,
    /// The value's font size (`--cell-font`).
    pub font: u32,
    /// The gap between cells (`border-spacing`).
    pub spacing: u32,
}

/// Every colour and size a picture uses.
#[derive(Debug)]
pub struct Theme {
    /// The picture's background (`--panel`).
    pub background: Rgb,
    /// Text (`--ink`).
    pub ink: Rgb,
    /// Captions, padding values, running totals (`--muted`).
    pub muted: Rgb,
    /// Cell borders (`--line`).
    pub line: Rgb,
    /// Cells the window reads (`--window`).
    pub window: Rgb,
    /// Their values (`--window-ink`).
    pub window_ink: Rgb,
    /// Their outline (`--tap-outline`).
    pub tap_outline: Rgb,
    /// The cell being written and the result (`--current`).
    pub current: Rgb,
    /// The cell being written's fill.
    pub current_fill: Rgb,
    /// Padding cells (`--padding-bg`).
    pub padding_fill: Rgb,
    /// A padding cell the window reads.
    pub padding_tap_fill: Rgb,
    /// The window's span between dilated taps.
    pub field_fill: Rgb,
    /// An output cell not written yet.
    pub pending_fill: Rgb,
    /// Its border.
    pub pending_line: Rgb,
    /// The stripes of a cell no window reads, drawn at 14% over the cell.
    pub never_read: Rgb,
    /// The traced cell and its receptive field.
    pub trace: Rgb,
    /// The receptive field's fill.
    pub trace_fill: Rgb,
    /// Why the settings are not shown (`--error-ink`).
    pub error_ink: Rgb,
    /// Body text (the page's font size).
    pub font: u32,
    /// The title above the picture.
    pub title_font: u32,
    /// A plane's name over its grid (`.plane-title`).
    pub plane_font: u32,
    /// The calculation (`.equation`).
    pub equation_font: u32,
    /// A cell's border.
    pub border: u32,
    /// A tapped cell's border.
    pub tap_border: u32,
    /// The border of the cell being written.
    pub current_border: u32,
    /// Cell sizes: normal, dense, very dense, tiny.
    pub cells: [CellSize; 4],
    /// The narrowest the picture's content is, so the calculation rarely wraps.
    pub min_content_width: u32,
}

impl Theme {
    /// The theme of the page: light, or projector.
    pub fn of(projector: bool) -> &'static Theme {
        if projector { &PROJECTOR } else { &LIGHT }
    }

    /// The cells of a grid whose row of planes is `row_width` columns wide, as `Grid` chooses
    /// them: cells shrink as the grid grows, so a whole map stays in view.
    pub fn cell_size(&self, row_width: usize, rows: usize) -> CellSize {
        let index = match row_width.max(rows) {
            0..=16 => 0,
            17..=32 => 1,
            33..=48 => 2,
            _ => 3,
        };
        self.cells[index]
    }
}

/// The light theme (`:root`).
pub const LIGHT: Theme = Theme {
    background: Rgb([0xff, 0xff, 0xff]),
    ink: Rgb([0x1d, 0x23, 0x2b]),
    muted: Rgb([0x5a, 0x64, 0x72]),
    line: Rgb([0xc9, 0xce, 0xd6]),
    window: Rgb([0xff, 0xd1, 0x66]),
    window_ink: Rgb([0x7a, 0x4d, 0x00]),
    tap_outline: Rgb([0xb2, 0x6b, 0x00]),
    current: Rgb([0x1f, 0x5f, 0xa8]),
    current_fill: Rgb([0xe4, 0xee, 0xfb]),
    padding_fill: Rgb([0xec, 0xee, 0xf2]),
    padding_tap_fill: Rgb([0xf3, 0xe0, 0xa6]),
    field_fill: Rgb([0xff, 0xf7, 0xdc]),
    pending_fill: Rgb([0xfa, 0xfa, 0xfa]),
    pending_line: Rgb([0xe3, 0xe6, 0xea]),
    never_read: Rgb([0xa8, 0x07, 0x1a]),
    trace: Rgb([0x7b, 0x2c, 0xbf]),
    trace_fill: Rgb([0xef, 0xe3, 0xfb]),
    error_ink: Rgb([0xa8, 0x07, 0x1a]),
    font: 16,
    title_font: 22,
    plane_font: 14,
    equation_font: 18,
    border: 1,
    tap_border: 2,
    current_border: 3,
    cells: [
        CellSize {
            side: 42,
            font: 16,
            spacing: 2,
        },
        CellSize {
            side: 34,
            font: 13,
            spacing: 2,
        },
        CellSize {
            side: 29,
            font: 11,
            spacing: 2,
        },
        CellSize {
            side: 23,
            font: 9,
            spacing: 1,
        },
    ],
    min_content_width: 880,
};

/// The projector theme (`.app.projector`): large type, thick outlines, high contrast.
pub const PROJECTOR: Theme = Theme {
    ink: Rgb([0x00, 0x00, 0x00]),
    muted: Rgb([0x33, 0x33, 0x33]),
    line: Rgb([0x55, 0x55, 0x55]),
    window: Rgb([0xff, 0xc5, 0x3d]),
    window_ink: Rgb([0x00, 0x00, 0x00]),
    tap_outline: Rgb([0x00, 0x00, 0x00]),
    current: Rgb([0x00, 0x33, 0xaa]),
    font: 20,
    title_font: 28,
    plane_font: 18,
    equation_font: 23,
    border: 2,
    tap_border: 4,
    current_border: 5,
    cells: [
        CellSize {
            side: 53,
            font: 22,
            spacing: 2,
        },
        CellSize {
            side: 42,
            font: 16,
            spacing: 2,
        },
        CellSize {
            side: 34,
            font: 13,
            spacing: 2,
        },
        CellSize {
            side: 27,
            font: 10,
            spacing: 1,
        },
    ],
    min_content_width: 1120,
    ..LIGHT
};
