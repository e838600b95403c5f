//! A picture of one step as SVG text: the scene's grids with their highlights, and the
//! calculation, in the page's colours and system fonts only, so it opens anywhere and draws onto
//! a canvas without fetching anything.

use super::calculation::Look;
use super::scene::{Cells, Figure, MARGIN, Plane, RowContent, Scene, small_font};
use super::theme::{Rgb, Theme};
use crate::app::format;
use crate::app::plane::{CellView, Kind, Marks};
use crate::app::state::State;
use crate::engine::Step;
use std::fmt::Write;

/// The font stack of `static/style.css`.
const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/// A picture as SVG text, with its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The SVG document.
    pub svg: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The picture of `state` at its current step (`step`, from `view::current_step`).
pub fn picture(state: &State, step: Option<&Step>) -> Picture {
    write(&Scene::new(state, step))
}

/// Writes a laid-out scene as SVG.
pub fn write(scene: &Scene) -> Picture {
    let theme = scene.theme;
    let (width, height) = (scene.width, scene.height);
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONTS}" font-size="{}" fill="{}">"#,
        theme.font,
        theme.ink.hex(),
    );
    let _ = write!(
        out,
        r#"<title>{} · {}</title><defs><pattern id="never-read" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect x="4" width="2" height="6" fill="{}" fill-opacity="0.14"/></pattern></defs><rect width="{width}" height="{height}" fill="{}"/>"#,
        escape(&scene.title),
        escape(&scene.subtitle),
        theme.never_read.hex(),
        theme.background.hex(),
    );
    text(
        &mut out,
        MARGIN,
        MARGIN + theme.title_font,
        &scene.title,
        Style::bold(theme.title_font),
    );
    let subtitle_y = MARGIN + theme.title_font + theme.font * 3 / 2;
    text(
        &mut out,
        MARGIN,
        subtitle_y,
        &scene.subtitle,
        Style::muted(theme),
    );
    if let Some(error) = &scene.error {
        let mut y = error.y + theme.font;
        let heading = Style {
            fill: Some(theme.error_ink),
            ..Style::bold(theme.font)
        };
        text(&mut out, MARGIN, y, error.heading, heading);
        for line in &error.lines {
            y += theme.font * 3 / 2;
            text(&mut out, MARGIN, y, line, Style::plain(theme.font));
        }
    }
    for figure in &scene.figures {
        write_figure(&mut out, figure, theme, scene.stale);
    }
    write_calculation(&mut out, scene);
    out.push_str("</svg>");
    Picture {
        svg: out,
        width,
        height,
    }
}

fn write_figure(out: &mut String, figure: &Figure, theme: &Theme, stale: bool) {
    let _ = write!(
        out,
        r#"<g class="figure" transform="translate({},{})">"#,
        figure.x, figure.y
    );
    text(out, 0, theme.font, &figure.caption, Style::bold(theme.font));
    for plane in &figure.planes {
        if let Some(name) = &plane.name {
            let style = Style {
                size: theme.plane_font,
                ..Style::muted(theme)
            };
            text(out, plane.x, plane.y - 6, name, style);
        }
        // Grids of settings the engine refused are faint, and so are input channels outside
        // the stepped filter's group.
        let faint = stale || matches!(&plane.cells, Cells::Plane(view) if view.outside_group);
        let _ = write!(
            out,
            r#"<g class="grid" data-grid="{}" transform="translate({},{})"{}>"#,
            plane.id,
            plane.x,
            plane.y,
            if faint { r#" opacity="0.35""# } else { "" },
        );
        match &plane.cells {
            Cells::Plane(view) => {
                let columns = plane.columns.max(1);
                for (index, cell) in view.cells().into_iter().enumerate() {
                    write_cell(out, plane, theme, index / columns, index % columns, &cell);
                }
            }
            Cells::Window { winner, label } => {
                for index in 0..plane.rows * plane.columns {
                    let mut marks = Marks::TAP;
                    if *winner == Some(index) {
                        marks.add(Marks::WINNER);
                    }
                    let cell = CellView {
                        value: None,
                        kind: Kind::Value,
                        marks,
                        at: [0, 0, 0],
                    };
                    let [row, column] = [index / plane.columns, index % plane.columns];
                    write_cell_with(out, plane, theme, [row, column], &cell, label, 8);
                }
            }
        }
        out.push_str("</g>");
    }
    out.push_str("</g>");
}

fn write_cell(
    out: &mut String,
    plane: &Plane,
    theme: &Theme,
    row: usize,
    column: usize,
    cell: &CellView,
) {
    let value = cell.value.map(format::number).unwrap_or_default();
    write_cell_with(out, plane, theme, [row, column], cell, &value, 10);
}

/// One cell: its box, its highlights in the page's order of CSS rules, and its text at
/// `tenths` of the grid's font size.
fn write_cell_with(
    out: &mut String,
    plane: &Plane,
    theme: &Theme,
    [row, column]: [usize; 2],
    cell: &CellView,
    label: &str,
    tenths: u32,
) {
    let marks = cell.marks;
    let mut look = CellLook {
        fill: Some(theme.background),
        stroke: theme.line,
        stroke_width: theme.border,
        dash: None,
        ink: Some(theme.ink),
        bold: false,
        italic: false,
        inset: None,
    };
    match cell.kind {
        Kind::Value => {}
        Kind::Padding => {
            (look.fill, look.ink, look.dash, look.italic) = (
                Some(theme.padding_fill),
                Some(theme.muted),
                Some("4 3"),
                true,
            );
        }
        Kind::Beyond => (look.fill, look.dash) = (None, Some("1 2")),
        Kind::Inserted => (look.ink, look.dash) = (Some(theme.muted), Some("1 2")),
        Kind::Pending => {
            (look.fill, look.stroke, look.ink) =
                (Some(theme.pending_fill), theme.pending_line, None)
        }
    }
    if marks.has(Marks::FIELD) {
        look.fill = Some(theme.field_fill);
    }
    if marks.has(Marks::TAP) {
        look.fill = Some(if cell.kind == Kind::Padding {
            theme.padding_tap_fill
        } else {
            theme.window
        });
        (look.ink, look.stroke, look.stroke_width) =
            (Some(theme.window_ink), theme.tap_outline, theme.tap_border);
        (look.dash, look.bold) = (None, true);
    }
    if marks.has(Marks::WINNER) {
        look.inset = Some((theme.ink, 3));
    }
    if marks.has(Marks::CURRENT) {
        (look.fill, look.stroke, look.stroke_width) = (
            Some(theme.current_fill),
            theme.current,
            theme.current_border,
        );
        (look.dash, look.bold) = (None, true);
    }
    if marks.has(Marks::RECEPTIVE) {
        (look.inset, look.fill) = (Some((theme.trace, 3)), Some(theme.trace_fill));
    }
    if marks.has(Marks::TRACED) {
        (look.inset, look.bold) = (Some((theme.trace, 4)), true);
    }

    let [x, y] = plane.cell_origin(row, column);
    let (width, height) = (plane.cell_width, plane.cell_height());
    let mut classes = String::from("cell ");
    classes.push_str(match cell.kind {
        Kind::Value => "value",
        Kind::Padding => "padding",
        Kind::Beyond => "beyond",
        Kind::Pending => "pending",
        Kind::Inserted => "inserted",
    });
    for class in marks.classes() {
        classes.push(' ');
        classes.push_str(class);
    }
    let radius = if plane.size.spacing == 1 { 2 } else { 4 };
    let _ = write!(out, r#"<g class="{classes}">"#);
    let fill = look.fill.map_or("none".to_owned(), Rgb::hex);
    let half = look.stroke_width / 2;
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{radius}" fill="{fill}" stroke="{}" stroke-width="{}""#,
        x + half,
        y + half,
        width - look.stroke_width,
        height - look.stroke_width,
        look.stroke.hex(),
        look.stroke_width,
    );
    if let Some(dash) = look.dash {
        let _ = write!(out, r#" stroke-dasharray="{dash}""#);
    }
    out.push_str("/>");
    if marks.has(Marks::NEVER_READ) {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{radius}" fill="url(#never-read)"/>"#
        );
    }
    if let Some((colour, inset)) = look.inset {
        let edge = look.stroke_width + inset / 2;
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="{inset}"/>"#,
            x + edge,
            y + edge,
            width.saturating_sub(2 * edge),
            height.saturating_sub(2 * edge),
            colour.hex(),
        );
    }
    if marks.has(Marks::WINNER) {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="10" text-anchor="end">★</text>"#,
            x + width - 3,
            y + 11,
        );
    }
    if let Some(ink) = look.ink.filter(|_| !label.is_empty()) {
        let font = plane.size.font * tenths / 10;
        let style = Style {
            fill: Some(ink),
            bold: look.bold,
            italic: look.italic,
            ..Style::plain(font)
        };
        let _ = write!(out, r#"<text x="{}" text-anchor="middle""#, x + width / 2);
        text_rest(out, y + height / 2 + font * 35 / 100, label, style);
    }
    out.push_str("</g>");
}

fn write_calculation(out: &mut String, scene: &Scene) {
    let Some(calculation) = &scene.calculation else {
        return;
    };
    let theme = scene.theme;
    let heading = calculation.heading.to_ascii_uppercase();
    text(
        out,
        MARGIN,
        calculation.y + theme.font,
        &heading,
        Style {
            fill: Some(theme.muted),
            ..Style::bold(theme.font)
        },
    );
    let _ = write!(
        out,
        r#"<g class="calculation" data-testid="calculation"{}>"#,
        if scene.stale {
            r#" opacity="0.35""#
        } else {
            ""
        },
    );
    let font = theme.equation_font;
    let small = small_font(theme);
    for row in &calculation.rows {
        if row.rule {
            let _ = write!(
                out,
                r#"<line x1="{MARGIN}" x2="{}" y1="{}" y2="{}" stroke="{}"/>"#,
                scene.width - MARGIN,
                row.y,
                row.y,
                theme.line.hex(),
            );
        }
        let baseline = row.y + font + 8;
        match &row.content {
            RowContent::Note(note) => {
                text(
                    out,
                    MARGIN,
                    row.y + theme.font + 2,
                    note,
                    Style::muted(theme),
                );
            }
            RowContent::Pieces(pieces) => {
                for (x, width, piece) in pieces {
                    let x = MARGIN + x;
                    let centre = x + width / 2;
                    let style = match piece.look {
                        Look::Plain | Look::Separator | Look::Term | Look::Bias => {
                            Style::plain(font)
                        }
                        Look::Exponent => Style::plain(small),
                        Look::Label => Style {
                            size: theme.font * 9 / 10,
                            ..Style::muted(theme)
                        },
                        Look::PaddingTerm => Style {
                            size: font,
                            italic: true,
                            ..Style::muted(theme)
                        },
                        Look::Winner | Look::Partial => Style::bold(font),
                        Look::Result => Style {
                            fill: Some(theme.current),
                            ..Style::bold(font)
                        },
                    };
                    let class = match piece.look {
                        Look::Result => r#" class="result""#,
                        Look::Winner => r#" class="winner""#,
                        _ => "",
                    };
                    // SVG drops the spaces around a separator: it is centred in its room instead.
                    if piece.below.is_some() || matches!(piece.look, Look::Separator | Look::Result)
                    {
                        let _ = write!(out, r#"<text{class} x="{centre}" text-anchor="middle""#);
                    } else {
                        let _ = write!(out, r#"<text{class} x="{x}""#);
                    }
                    // An exponent is raised by half its size.
                    let raised = if piece.look == Look::Exponent {
                        small / 2
                    } else {
                        0
                    };
                    text_rest(out, baseline - raised, piece.text.trim(), style);
                    if let Some(below) = &piece.below {
                        let style = Style {
                            size: small,
                            ..Style::muted(theme)
                        };
                        let _ = write!(out, r#"<text x="{centre}" text-anchor="middle""#);
                        text_rest(out, baseline + small + 6, below, style);
                    }
                    match piece.look {
                        Look::Result => {
                            let _ = write!(
                                out,
                                r#"<rect x="{x}" y="{}" width="{width}" height="{}" rx="4" fill="none" stroke="{}" stroke-width="2"/>"#,
                                baseline - font,
                                font + font / 3,
                                theme.current.hex(),
                            );
                        }
                        Look::Winner => {
                            let _ = write!(
                                out,
                                r#"<line x1="{x}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3"/>"#,
                                x + width,
                                baseline + 4,
                                baseline + 4,
                                theme.ink.hex(),
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    out.push_str("</g>");
}

/// How a cell is drawn.
struct CellLook {
    fill: Option<Rgb>,
    stroke: Rgb,
    stroke_width: u32,
    dash: Option<&'static str>,
    ink: Option<Rgb>,
    bold: bool,
    italic: bool,
    /// An inner outline (the page's inset shadow): colour and width.
    inset: Option<(Rgb, u32)>,
}

/// How a line of text is drawn.
#[derive(Clone, Copy)]
struct Style {
    size: u32,
    /// `None` for the document's ink.
    fill: Option<Rgb>,
    bold: bool,
    italic: bool,
}

impl Style {
    fn plain(size: u32) -> Style {
        Style {
            size,
            fill: None,
            bold: false,
            italic: false,
        }
    }

    fn bold(size: u32) -> Style {
        Style {
            bold: true,
            ..Style::plain(size)
        }
    }

    fn muted(theme: &Theme) -> Style {
        Style {
            fill: Some(theme.muted),
            ..Style::plain(theme.font)
        }
    }
}

/// A line of text starting at `x`, with its baseline at `y`.
fn text(out: &mut String, x: u32, y: u32, content: &str, style: Style) {
    let _ = write!(out, r#"<text x="{x}""#);
    text_rest(out, y, content, style);
}

/// The rest of a `<text>` element whose `x` is written: baseline, style and content.
fn text_rest(out: &mut String, y: u32, content: &str, style: Style) {
    let _ = write!(out, r#" y="{y}" font-size="{}""#, style.size);
    if let Some(fill) = style.fill {
        let _ = write!(out, r#" fill="{}""#, fill.hex());
    }
    if style.bold {
        out.push_str(r#" font-weight="700""#);
    }
    if style.italic {
        out.push_str(r#" font-style="italic""#);
    }
    let _ = write!(out, ">{}</text>", escape(content));
}

/// Text with the five XML special characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
