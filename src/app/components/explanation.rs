//! The explanation of the current step: its calculation term by term (on the first screen, with
//! the grids), and the output-size formula with the current numbers (below them), with a
//! convolution's weights, biases and multiply-adds beside those of the one-group convolution
//! (for the depthwise-separable block: the pair's, beside the ordinary convolution's).

use super::arithmetic::{ArithmeticPanel, arithmetic_lines};
use super::failing_formula::failing_formula;
use super::formula::FormulaPanel;
use super::transposed::transposed_panel;
use crate::app::i18n::Lang;
use crate::app::presentation::Panel;
use crate::app::scatter;
use crate::app::separable::{POINTWISE_STAGE, separable_counts};
use crate::app::settings::{PaddingChoice, Settings};
use crate::app::state::State;
use crate::app::view;
use crate::engine::{ConvCounts, Layer, Sides, Step, Stepper, WindowLayout, WindowSpec};
use yew::prelude::*;

/// The calculation of this step, unless its panel is hidden. A plain function: the panel inside
/// is the component.
pub fn calculation(state: &State, step: Option<&Step>) -> Html {
    if !state.presentation.shows(Panel::Arithmetic) {
        return html! {};
    }
    if let Some((transposed, step)) = scatter::current(state) {
        let lines = scatter::lines(transposed, &step, state.lang);
        return html! {
            <div class="calculation">{ arithmetic_lines(lines, None, state.lang) }</div>
        };
    }
    let Some(step) = step else {
        return html! {};
    };
    let channels = view::current_layer(state).map_or(1, |layer| layer.input_shape()[0]);
    // Settings the engine refused leave the calculation showing an older example.
    let stale = state.error.is_some().then_some("stale");
    html! {
        <div class={classes!("calculation", stale)}>
            <ArithmeticPanel step={step.clone()} {channels} map={state.focus().0} lang={state.lang} />
        </div>
    }
}

/// The output-size formula with the current numbers, or with the failing numbers of settings
/// that do not form an example; nothing when its panel is hidden.
pub fn size_formula(state: &State) -> Html {
    if !state.presentation.shows(Panel::Formula) {
        return html! {};
    }
    let lang = state.lang;
    if let Some((formulas, pooling)) = state
        .error
        .as_ref()
        .and_then(|_| state.settings.size_formulas())
    {
        return html! { <div class="explain">{ failing_formula(formulas, pooling, lang) }</div> };
    }
    let Some(layer) = view::current_layer(state) else {
        return html! {};
    };
    let stale = state.error.is_some().then_some("stale");
    if let Layer::ConvTranspose(transposed) = layer {
        return html! { <div class={classes!("explain", stale)}>{ transposed_panel(transposed, lang) }</div> };
    }
    let Some(layout) = crate::app::plane::layout(layer) else {
        return html! {};
    };
    let pooling = matches!(layer, Layer::Pool(_));
    // Only the first stage is padded by the padding the learner chose.
    let padding_notes = if state.focus().0 == 0 {
        padding_notes(&state.example.settings, layout, lang)
    } else {
        Vec::new()
    };
    // A convolution's counts, and beside them the one-group convolution's when it has groups;
    // in the depthwise-separable pair, the pair's and the ordinary convolution's of its shape.
    let example = &state.example;
    let pair = separable_counts(&example.settings, &example.pipeline)
        .filter(|_| state.focus().0 <= POINTWISE_STAGE);
    let counts = match layer {
        Layer::Conv(conv) => {
            let text = lang.text();
            let mut lines = vec![(
                "counts",
                counts_text(text.this_convolution, conv.counts(), lang),
            )];
            let ordinary = if let Some([both, ordinary]) = pair {
                let both = counts_text(text.separable_pair, both, lang);
                lines.push(("separable-counts", both));
                Some(ordinary)
            } else {
                (conv.groups().groups > 1).then(|| conv.ungrouped_counts())
            };
            if let Some(ordinary) = ordinary {
                let line = counts_text(text.ordinary_convolution, ordinary, lang);
                lines.push(("ungrouped-counts", line));
            }
            lines
        }
        _ => Vec::new(),
    };
    html! {
        <div class={classes!("explain", stale)}>
            <FormulaPanel layout={layout.clone()} {pooling} {padding_notes} {counts} {lang} />
        </div>
    }
}

/// "This convolution: weights 27 · biases 3 · multiply-adds 432".
fn counts_text(whole: &str, counts: ConvCounts, lang: Lang) -> String {
    let [weights, biases, multiply_adds] = lang.text().count_names;
    lang.part_of(
        whole,
        &format!(
            "{weights} {} · {biases} {} · {multiply_adds} {}",
            counts.weights, counts.biases, counts.multiply_adds
        ),
    )
}

/// What a named padding resolved to ("same → top 0, left 0, bottom 1, right 1") and, for
/// `same` and `symmetric` where they differ here, what the other would pad and why.
fn padding_notes(settings: &Settings, layout: &WindowLayout, lang: Lang) -> Vec<String> {
    let choice = settings.padding;
    if matches!(choice, PaddingChoice::Custom(_)) {
        return Vec::new();
    }
    let sides = layout.sides();
    let mut notes = vec![format!("{} → {}", choice.id(), lang.padding_sides(sides))];
    let (same, other) = match choice {
        PaddingChoice::Same | PaddingChoice::SameLower => (choice, PaddingChoice::Symmetric),
        PaddingChoice::Symmetric => (PaddingChoice::Same, PaddingChoice::Same),
        _ => return notes,
    };
    let window = WindowSpec {
        padding: other.to_padding(),
        ..settings.window()
    };
    if let Ok([rows, columns]) = window.output_size_formulas(settings.input_size) {
        let other_sides = Sides {
            top: rows.pad_begin,
            left: columns.pad_begin,
            bottom: rows.pad_end,
            right: columns.pad_end,
        };
        if other_sides != sides {
            let output = [rows.output, columns.output];
            notes.push(lang.padding_difference(same, other, other_sides, output));
        }
    }
    notes
}
