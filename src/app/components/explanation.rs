//! The explanation of the current step: its calculation term by term (on the first screen, with
//! the grids), and the output-size formula with the current numbers (below them).

use super::arithmetic::ArithmeticPanel;
use super::failing_formula::failing_formula;
use super::formula::FormulaPanel;
use crate::app::presentation::Panel;
use crate::app::state::State;
use crate::app::view;
use crate::engine::{Step, Stepper};
use yew::prelude::*;

/// The calculation of this step, unless its panel is hidden. A plain function: the panel inside
/// is the component.
pub fn calculation(state: &State, step: Option<&Step>) -> Html {
    let Some(step) = step.filter(|_| state.presentation.shows(Panel::Arithmetic)) else {
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
    if let Some(formulas) = state
        .error
        .as_ref()
        .and_then(|_| state.settings.size_formulas())
    {
        return html! { <div class="explain">{ failing_formula(formulas, lang) }</div> };
    }
    let Some(layout) = view::current_layer(state).and_then(crate::app::plane::layout) else {
        return html! {};
    };
    let stale = state.error.is_some().then_some("stale");
    html! {
        <div class={classes!("explain", stale)}>
            <FormulaPanel layout={layout.clone()} {lang} />
        </div>
    }
}
