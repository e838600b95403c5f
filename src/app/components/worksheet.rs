//! The worksheet view: each exercise's input, kernel and parameters with its outputs and size
//! formulas left blank to fill in, then the answer key on a page of its own. Printed, only the
//! sheet shows; on screen a bar above it prints it or goes back to the example.
//!
//! The sheet never changes once drawn and has nothing to click, so it is written as markup
//! text, every piece of text escaped: far less code than a tree of elements.

use super::formula::{brackets, worked};
use super::save_picture::print;
use super::transposed;
use crate::app::export::svg::escape;
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::worksheet::{Exercise, Formula, Task, tutorial};
use crate::engine::{Axis, FeatureMap, Rounding};
use ndarray::{ArrayView2, Axis as Dim};
use std::fmt::Write;
use yew::prelude::*;

/// The worksheet of `exercises`, in `lang`; `on_back` goes back to the example.
pub fn worksheet(exercises: &[Exercise], lang: Lang, on_back: Callback<MouseEvent>) -> Html {
    let text = lang.text().sheet;
    let sheet = Html::from_html_unchecked(markup(exercises, lang).into());
    html! {
        <div class="worksheet" data-testid="worksheet">
            <div class="sheet-bar">
                <button type="button" data-action="print-sheet" onclick={Callback::from(print)}>{ text.print }</button>
                <button type="button" data-action="close-sheet" onclick={on_back}>{ text.back }</button>
            </div>
            { sheet }
        </div>
    }
}

/// The sheet's markup: a title and lines for the learner's name and the date, each exercise,
/// then the answer key.
fn markup(exercises: &[Exercise], lang: Lang) -> String {
    let text = lang.text().sheet;
    let tasks: Vec<(String, Task)> = exercises
        .iter()
        .enumerate()
        .map(|(index, exercise)| {
            let title = format!("{} {} · {}", text.exercise, index + 1, exercise.title);
            (escape(&title), Task::of(&exercise.example, lang))
        })
        .collect();
    let line = |name| {
        format!(
            "<span>{}</span><span class=\"line\"></span>",
            escape(&lang.part_of(name, ""))
        )
    };
    let mut out = format!(
        "<div><h1>{}</h1><p class=\"sheet-name\">{}{}</p>",
        escape(text.worksheet),
        line(text.name),
        line(text.date)
    );
    for (title, task) in &tasks {
        exercise(&mut out, title, task, lang);
    }
    let _ = write!(
        out,
        "<section class=\"answer-key\" data-testid=\"answer-key\"><h1>{}</h1>",
        escape(text.answer_key)
    );
    for (title, task) in &tasks {
        let _ = write!(out, "<h2>{title}</h2>");
        for (stage, output) in task.outputs.iter().enumerate() {
            let _ = write!(
                out,
                "<div class=\"key-output\"><h3>{}</h3>",
                escape(&output.caption)
            );
            if let Some(formula) = &output.formula {
                key_formula(&mut out, formula, lang);
            }
            output_grids(&mut out, &output.answer, stage, false, lang);
            out.push_str("</div>");
        }
    }
    out.push_str("</section></div>");
    out
}

/// One exercise: what is given, then each output to fill in.
fn exercise(out: &mut String, title: &str, task: &Task, lang: Lang) {
    let text = lang.text();
    let _ = write!(
        out,
        "<section class=\"exercise\"><h2>{title}</h2><h3>{}</h3>",
        escape(text.sheet.given)
    );
    for given in &task.stages {
        let _ = write!(
            out,
            "<p class=\"given\"><strong>{}</strong>",
            escape(&given.heading)
        );
        for (name, value) in &given.items {
            let _ = write!(out, "<span>{}</span>", escape(&lang.part_of(name, value)));
        }
        out.push_str("</p>");
    }
    let channels = task.input.dim().0;
    grids(out, &task.input, "input", false, |channel| {
        label(
            text.input,
            channels,
            lang.channel_name(0, channels, channel),
        )
    });
    if let Some((weights, bias)) = &task.kernel {
        let (filters, per_filter, _, _) = weights.dim();
        out.push_str("<div class=\"sheet-maps\">");
        for (filter, planes) in weights.outer_iter().enumerate() {
            for (channel, plane) in planes.outer_iter().enumerate() {
                let name = lang.kernel_slice_name(filter, filters, per_filter, channel);
                // Several filters: "filter 2 · channel 1" names the kernel already.
                let caption = match filters {
                    1 => label(text.kernel, per_filter, name),
                    _ => name,
                };
                figure(
                    out,
                    &caption,
                    plane,
                    false,
                    &format!("kernel-{filter}-{channel}"),
                );
            }
        }
        let biases = bias
            .iter()
            .enumerate()
            .map(|(filter, value)| match filters {
                1 => format::number(*value),
                _ => lang.part_of(
                    &format!("{} {}", text.filter, filter + 1),
                    &format::number(*value),
                ),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        let _ = write!(
            out,
            "</div><p>{}</p>",
            escape(&lang.part_of(text.bias, &biases))
        );
    }
    let _ = write!(out, "<p class=\"note\">{}</p>", escape(text.sheet.fill_in));
    for (stage, output) in task.outputs.iter().enumerate() {
        let _ = write!(
            out,
            "<div class=\"to-fill\"><h3>{}</h3>",
            escape(&output.caption)
        );
        if let Some(formula) = &output.formula {
            generic(out, formula, lang);
            let line = formula.blank("<span class=\"box\" aria-hidden=\"true\"></span>");
            for axis in formula.lines() {
                let _ = write!(
                    out,
                    "<p class=\"equation blank-formula\" data-testid=\"blank-formula\"><span class=\"axis\">{}</span><code>{line}</code></p>",
                    escape(lang.axis_prefix(axis)),
                );
            }
        }
        output_grids(out, &output.answer, stage, true, lang);
        out.push_str("</div>");
    }
    out.push_str("</section>");
}

/// The size formula in letters: the tutorial's where they apply.
fn generic(out: &mut String, formula: &Formula, lang: Lang) {
    let key = match formula {
        Formula::Window(formulas, pooling) => {
            let ceil = formulas[0].rounding == Rounding::Ceil;
            brackets(lang.size_formula_key(tutorial(formulas), *pooling), ceil)
        }
        Formula::Transposed(_) => lang.text().transposed_formula.to_owned(),
    };
    let _ = write!(
        out,
        "<p class=\"generic\"><code>{}</code></p>",
        escape(&key)
    );
}

/// The size formula in letters, then worked out with the example's numbers, a line per axis
/// when the axes differ, and what dilation does to the window's span.
fn key_formula(out: &mut String, formula: &Formula, lang: Lang) {
    generic(out, formula, lang);
    for axis in formula.lines() {
        let index = usize::from(axis == Some(Axis::Columns));
        let (line, span) = match formula {
            Formula::Window(formulas, pooling) => {
                let formula = &formulas[index];
                let span = (formula.dilation > 1).then(|| {
                    lang.dilated_span(
                        *pooling,
                        formula.dilation,
                        formula.kernel,
                        formula.kernel_field,
                    )
                });
                (worked(formula, tutorial(formulas)), span)
            }
            Formula::Transposed(formulas) => (transposed::worked(&formulas[index]), None),
        };
        let _ = write!(
            out,
            "<p class=\"equation\"><span class=\"axis\">{}</span><code data-testid=\"key-formula\">{}</code>",
            escape(lang.axis_prefix(axis)),
            escape(&line)
        );
        out.push_str("</p>");
        if let Some(span) = span {
            let _ = write!(out, "<p class=\"note\"><code>{}</code></p>", escape(&span));
        }
    }
}

/// An output's grids, `blank` or with their values: each captioned by its channel when it has
/// more than one.
fn output_grids(out: &mut String, map: &FeatureMap, stage: usize, blank: bool, lang: Lang) {
    let channels = map.dim().0;
    let name = format!("{}-{stage}", if blank { "blank" } else { "key" });
    grids(out, map, &name, blank, |channel| match channels {
        1 => String::new(),
        _ => lang.channel_name(stage + 1, channels, channel),
    });
}

/// Each channel of `map` as a grid named `{name}-{channel}`, under `caption(channel)`.
fn grids(
    out: &mut String,
    map: &FeatureMap,
    name: &str,
    blank: bool,
    caption: impl Fn(usize) -> String,
) {
    out.push_str("<div class=\"sheet-maps\">");
    for (channel, plane) in map.outer_iter().enumerate() {
        figure(
            out,
            &caption(channel),
            plane,
            blank,
            &format!("{name}-{channel}"),
        );
    }
    out.push_str("</div>");
}

/// "Input · channel 2", or "Input" alone when there is one plane.
fn label(name: &str, planes: usize, plane: String) -> String {
    match planes {
        1 => name.to_owned(),
        _ => format!("{name} · {plane}"),
    }
}

/// A grid and its caption, its cells `blank` or with their values; `name` is its `data-sheet`.
fn figure(out: &mut String, caption: &str, plane: ArrayView2<f32>, blank: bool, name: &str) {
    let dense = if plane.len_of(Dim(1)) > 12 {
        " dense"
    } else {
        ""
    };
    out.push_str("<figure class=\"sheet-figure\">");
    if !caption.is_empty() {
        let _ = write!(out, "<figcaption>{}</figcaption>", escape(caption));
    }
    let _ = write!(
        out,
        "<table class=\"sheet-grid{dense}\" data-sheet=\"{name}\">"
    );
    for row in plane.outer_iter() {
        out.push_str("<tr>");
        for &value in &row {
            let shown = if blank {
                String::new()
            } else {
                format::number(value)
            };
            let _ = write!(out, "<td>{shown}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></figure>");
}
