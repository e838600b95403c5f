//! The worksheet view: each exercise's input, kernel and parameters with its outputs and size
//! formulas left blank to fill in, then the answer key on a page of its own. Printed, only the
//! sheet shows; on screen a bar above it prints it or goes back to the example.

use super::formula::{brackets, worked_lines};
use super::transposed::worked;
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::worksheet::{Blank, Exercise, Formula, Output, Task, tutorial};
use crate::engine::{Axis, FeatureMap, Rounding};
use ndarray::{ArrayView2, Axis as Dim};
use yew::prelude::*;

/// The worksheet of `exercises`, in `lang`; `on_back` goes back to the example.
pub fn worksheet(exercises: &[Exercise], lang: Lang, on_back: Callback<MouseEvent>) -> Html {
    let text = lang.text().sheet;
    let tasks: Vec<(String, Task)> = exercises
        .iter()
        .enumerate()
        .map(|(index, exercise)| {
            let title = format!("{} {} · {}", text.exercise, index + 1, exercise.title);
            (title, Task::of(&exercise.example, lang))
        })
        .collect();
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="worksheet" data-testid="worksheet">
            <div class="sheet-bar">
                <button type="button" data-action="print-sheet" onclick={print}>{ text.print }</button>
                <button type="button" data-action="close-sheet" onclick={on_back}>{ text.back }</button>
            </div>
            <h1>{ text.worksheet }</h1>
            <p class="sheet-name">
                <span>{ lang.part_of(text.name, "") }</span><span class="line"></span>
                <span>{ lang.part_of(text.date, "") }</span><span class="line"></span>
            </p>
            { for tasks.iter().map(|(title, task)| exercise(title, task, lang)) }
            <section class="answer-key" data-testid="answer-key">
                <h1>{ text.answer_key }</h1>
                { for tasks.iter().map(|(title, task)| html! {
                    <section class="key-exercise">
                        <h2>{ title }</h2>
                        { for task.outputs.iter().enumerate().map(|(stage, output)| answer(stage, output, lang)) }
                    </section>
                }) }
            </section>
        </div>
    }
}

/// One exercise: what is given, then each output to fill in.
fn exercise(title: &str, task: &Task, lang: Lang) -> Html {
    let text = lang.text();
    let channels = task.input.dim().0;
    let input = planes(&task.input, |channel| {
        label(
            text.input,
            channels,
            lang.channel_name(0, channels, channel),
        )
    });
    let kernel = task.kernel.as_ref().map(|(weights, bias)| {
        let (filters, per_filter, _, _) = weights.dim();
        let slices = weights
            .outer_iter()
            .enumerate()
            .flat_map(|(filter, planes)| {
                planes
                    .outer_iter()
                    .enumerate()
                    .map(|(channel, plane)| {
                        let name = lang.kernel_slice_name(filter, filters, per_filter, channel);
                        let caption = format!("{} · {name}", text.kernel);
                        figure(
                            &caption,
                            plane,
                            Cells::Values,
                            &format!("kernel-{filter}-{channel}"),
                        )
                    })
                    .collect::<Vec<_>>()
            });
        let biases = bias
            .iter()
            .enumerate()
            .map(|(filter, value)| match filters {
                1 => format::number(*value),
                _ => format!("{} {}: {}", text.filter, filter + 1, format::number(*value)),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        html! {
            <>
                <div class="sheet-maps">{ for slices }</div>
                <p data-testid="sheet-bias">{ lang.part_of(text.bias, &biases) }</p>
            </>
        }
    });
    html! {
        <section class="exercise" data-testid="exercise">
            <h2>{ title }</h2>
            <h3>{ text.sheet.given }</h3>
            { for task.stages.iter().map(|given| html! {
                <p class="given">
                    <strong>{ &given.heading }</strong>
                    { for given.items.iter().map(|(name, value)| html! {
                        <span class="item">{ lang.part_of(name, value) }</span>
                    }) }
                </p>
            }) }
            <div class="sheet-maps">{ input }</div>
            { kernel.unwrap_or_default() }
            <p class="note">{ text.sheet.fill_in }</p>
            { for task.outputs.iter().enumerate().map(|(stage, output)| html! {
                <div class="to-fill">
                    <h3>{ &output.caption }</h3>
                    if let Some(formula) = &output.formula {
                        <p class="generic"><code>{ formula_key(formula, lang) }</code></p>
                        { for formula.blanks().into_iter().map(|(axis, blank)| html! {
                            <p class="equation blank-formula" data-testid="blank-formula">
                                <span class="axis">{ lang.axis_prefix(axis) }</span>
                                { boxes(&blank) }
                            </p>
                        }) }
                    }
                    <div class="sheet-maps">
                        { map_planes(&output.answer, stage, Cells::Blank, lang) }
                    </div>
                </div>
            }) }
        </section>
    }
}

/// One output in the key: its formula worked out and its values.
fn answer(stage: usize, output: &Output, lang: Lang) -> Html {
    let formula = match output.formula {
        Some(Formula::Window(formulas, pooling)) => {
            worked_lines(formulas, &Axis::BOTH, pooling, lang, "key-formula")
        }
        Some(Formula::Transposed(formulas)) => {
            let lines = Formula::Transposed(formulas).lines();
            lines
                .into_iter()
                .map(|axis| {
                    let formula = &formulas[usize::from(axis == Some(Axis::Columns))];
                    html! {
                        <p class="equation">
                            <span class="axis">{ lang.axis_prefix(axis) }</span>
                            <code data-testid="key-formula">{ worked(formula) }</code>
                        </p>
                    }
                })
                .collect::<Html>()
        }
        None => html! {},
    };
    html! {
        <div class="key-output">
            <h3>{ &output.caption }</h3>
            { formula }
            <div class="sheet-maps">{ map_planes(&output.answer, stage, Cells::Values, lang) }</div>
        </div>
    }
}

/// The generic size formula, in the tutorial's letters where they apply.
fn formula_key(formula: &Formula, lang: Lang) -> String {
    match formula {
        Formula::Window(formulas, pooling) => {
            let ceil = formulas[0].rounding == Rounding::Ceil;
            brackets(lang.size_formula_key(tutorial(formulas), *pooling), ceil)
        }
        Formula::Transposed(_) => lang.text().transposed_formula.to_owned(),
    }
}

/// A blank formula: its pieces with a box to write in between each two.
fn boxes(blank: &Blank) -> Html {
    let last = blank.len().saturating_sub(1);
    html! {
        <code>
            { for blank.iter().enumerate().map(|(index, piece)| html! {
                <>
                    { piece }
                    if index < last {
                        <span class="box" aria-hidden="true"></span>
                    }
                </>
            }) }
        </code>
    }
}

/// What a grid's cells show.
#[derive(Clone, Copy, PartialEq)]
enum Cells {
    /// The values.
    Values,
    /// Nothing: boxes to fill in.
    Blank,
}

/// Each channel of output map `stage + 1` as a grid, blank or with its values.
fn map_planes(map: &FeatureMap, stage: usize, cells: Cells, lang: Lang) -> Html {
    let channels = map.dim().0;
    let prefix = match cells {
        Cells::Values => "key",
        Cells::Blank => "blank",
    };
    map.outer_iter()
        .enumerate()
        .map(|(channel, plane)| {
            let caption = match channels {
                1 => String::new(),
                _ => lang.channel_name(stage + 1, channels, channel),
            };
            figure(
                &caption,
                plane,
                cells,
                &format!("{prefix}-{stage}-{channel}"),
            )
        })
        .collect()
}

/// Each channel of the input as a grid with its values.
fn planes(map: &FeatureMap, caption: impl Fn(usize) -> String) -> Html {
    map.outer_iter()
        .enumerate()
        .map(|(channel, plane)| {
            figure(
                &caption(channel),
                plane,
                Cells::Values,
                &format!("input-{channel}"),
            )
        })
        .collect()
}

/// "Input · channel 2", or "Input" alone when there is one channel.
fn label(name: &str, channels: usize, channel: String) -> String {
    match channels {
        1 => name.to_owned(),
        _ => format!("{name} · {channel}"),
    }
}

/// A grid and its caption; `name` is the grid's `data-sheet`.
fn figure(caption: &str, plane: ArrayView2<f32>, cells: Cells, name: &str) -> Html {
    let dense = (plane.len_of(Dim(1)) > 12).then_some("dense");
    html! {
        <figure class="sheet-figure">
            if !caption.is_empty() {
                <figcaption>{ caption }</figcaption>
            }
            <table class={classes!("sheet-grid", dense)} data-sheet={name.to_owned()}>
                { for plane.outer_iter().map(|row| html! {
                    <tr>{ for row.iter().map(|&value| html! {
                        <td>{ (cells == Cells::Values).then(|| format::number(value)) }</td>
                    }) }</tr>
                }) }
            </table>
        </figure>
    }
}
