//! What the practice panel writes: the example's numbers, an answer, and the hints (the
//! window, the terms, the sum; a size's formula worked out).

use super::formula::worked as worked_formula;
use crate::app::export::calculation::{Line, Look, lines};
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::practice::session::HINTS;
use crate::app::practice::{Answer, Kind, Question, Worked, set_of};
use crate::app::state::State;
use crate::engine::{Cell, Step, Stepper};
use yew::prelude::*;

/// The example's parameters, as the settings drawer (closed in practice mode) would show them:
/// "Input 6×4 · Kernel 3×3 · Stride 2 · Padding 1 · Bias −2". A question on `same` padding
/// leaves out the padding it asks for.
pub fn example_line(question: &Question, lang: Lang) -> String {
    let text = lang.text();
    let settings = &question.settings;
    let operation = settings.operation;
    let pair = |[rows, columns]: [usize; 2]| format!("{rows}×{columns}");
    let mut parts = vec![format!("{} {}", text.input_size, pair(settings.input_size))];
    if operation.has_window() {
        let window = if operation.is_pool() {
            text.window_size
        } else {
            text.kernel_size
        };
        parts.push(format!("{window} {}", pair(settings.kernel_size)));
        parts.push(format!("{} {}", text.stride, pair(settings.stride)));
        if settings.dilation != [1, 1] {
            parts.push(format!("{} {}", text.dilation, pair(settings.dilation)));
        }
        if question.kind != Kind::Same {
            let sides = settings
                .window()
                .output_size_formulas(settings.input_size)
                .ok();
            let pad = sides.map_or(0, |[rows, _]| rows.pad_begin);
            parts.push(format!("{} {pad}", text.padding));
        }
    }
    if operation.has_weights() {
        let bias = settings.bias_view().first().copied().unwrap_or(0.0);
        parts.push(format!("{} {}", text.bias, format::number(bias)));
    }
    if operation.is_pool() {
        let mark = |on: bool| if on { "✓" } else { "✗" };
        parts.push(format!("{}: {}", text.ceil_mode, mark(settings.ceil_mode)));
        if operation == crate::app::settings::Operation::AveragePool {
            let counts = settings.count_include_pad;
            parts.push(format!("{}: {}", text.count_include_pad, mark(counts)));
        }
    }
    parts.join(" · ")
}

/// An answer as the page writes it: `7`, `3×4`, or cells `(1, 2)` counted from 1, with the
/// channel first when it is not the first.
pub fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Number(value) => format::number(*value),
        Answer::Size([rows, columns]) => format!("{rows}×{columns}"),
        Answer::Cells(cells) if cells.is_empty() => "∅".to_owned(),
        Answer::Cells(cells) => cells
            .iter()
            .map(|cell| {
                let channel = match cell.channel {
                    0 => String::new(),
                    channel => format!("{}:", channel + 1),
                };
                format!("{channel}({}, {})", cell.row + 1, cell.column + 1)
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Hint `level` (1 to 3): the window, the terms, the sum; for sizes, the formula, then the
/// rows and the columns worked out.
pub fn hint(
    question: &Question,
    worked: &Worked,
    step: Option<&Step>,
    level: u8,
    state: &State,
) -> Html {
    let lang = state.lang;
    let settings = &question.settings;
    match question.kind {
        Kind::Value | Kind::Window | Kind::Winner => {
            let Some(step) = step else { return html! {} };
            if level == 1 {
                return html! { { window_hint(step, lang) } };
            }
            let channels = state
                .example
                .stage(0)
                .map_or(1, |stage| stage.input_shape()[0]);
            let texts = lines(step, channels, 0, lang)
                .into_iter()
                .filter_map(|line| line_text(line, level == HINTS));
            html! { { for texts.map(|text| html! { <span class="equation">{ text }</span> }) } }
        }
        Kind::Size => {
            let formulas = settings
                .window()
                .output_size_formulas(settings.input_size)
                .ok();
            match (level, formulas) {
                (1, _) => {
                    html! { <code>{ lang.size_formula_key(false, settings.operation.is_pool()) }</code> }
                }
                (level, Some(formulas)) => {
                    let axis = if level == 2 { 0 } else { 1 };
                    html! { <code>{ lang.axis_prefix(Some([crate::engine::Axis::Rows, crate::engine::Axis::Columns][axis])) }
                    { worked_formula(&formulas[axis], false) }</code> }
                }
                _ => html! {},
            }
        }
        Kind::Same => {
            let [input, _] = settings.input_size;
            let [kernel, _] = settings.kernel_size;
            let [stride, _] = settings.stride;
            let [dilation, _] = settings.dilation;
            let total = match worked.solution {
                Answer::Number(total) => total as usize,
                _ => 0,
            };
            let outputs = input.div_ceil(stride.max(1));
            html! { { lang.practice_same_hint(level, [input, kernel, stride, dilation, outputs, total]) } }
        }
        Kind::Feeds => {
            let Answer::Cells(fed) = &worked.solution else {
                return html! {};
            };
            let line = |cell: &Cell| if level == 2 { cell.row } else { cell.column } + 1;
            let lines: Vec<usize> = set_of(fed.iter().map(line)).into_iter().collect();
            html! { { lang.practice_feeds_hint(level, fed.len(), &lines) } }
        }
    }
}

/// Where the step's window lies on the input, counted from 1.
fn window_hint(step: &Step, lang: Lang) -> String {
    let cells: Vec<[usize; 2]> = step
        .taps
        .iter()
        .filter_map(|tap| tap.source.read())
        .collect();
    let span = |axis: usize| {
        let values = cells.iter().map(|cell| cell[axis] + 1);
        [values.clone().min().unwrap_or(0), values.max().unwrap_or(0)]
    };
    let channels = set_of(step.taps.iter().map(|tap| tap.channel));
    lang.practice_window(span(0), span(1), channels.len())
}

/// A line of the step's calculation as text: its terms only, or with the result when `whole`.
fn line_text(line: Line, whole: bool) -> Option<String> {
    let pieces = match line {
        Line::Equation(pieces) => pieces,
        Line::Total(pieces) if whole => pieces,
        Line::Note(note) if whole => return Some(note),
        Line::Total(_) | Line::Note(_) => return None,
    };
    let mut kept: Vec<_> = pieces
        .into_iter()
        .filter(|piece| whole || piece.look != Look::Result)
        .collect();
    while !whole
        && kept
            .last()
            .is_some_and(|piece| piece.look == Look::Separator)
    {
        kept.pop();
    }
    Some(kept.into_iter().map(|piece| piece.text).collect())
}
