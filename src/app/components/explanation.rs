//! The explanation of the current step: its calculation term by term, and the output-size
//! formula with the current numbers.

use super::arithmetic::ArithmeticPanel;
use super::failing_formula::failing_formula;
use super::formula::FormulaPanel;
use crate::app::presentation::Panel;
use crate::app::state::State;
use crate::app::view;
use crate::engine::{Step, Stepper};
use yew::prelude::*;

/// The calculation and the formula, each unless its panel is hidden. A plain function: the
/// panels inside are the components.
pub fn explanation(state: &State, step: Option<&Step>) -> Html {
    let lang = state.lang;
    let shows = |panel| state.presentation.shows(panel);
    let layer = view::current_layer(state);
    let step = step.filter(|_| shows(Panel::Arithmetic)).cloned();
    let channels = layer.map_or(1, |layer| layer.input_shape()[0]);
    // Settings that do not form an example show their own numbers in the formula.
    let failing = state
        .error
        .as_ref()
        .and_then(|_| state.settings.size_formulas())
        .filter(|_| shows(Panel::Formula));
    let layout = layer
        .and_then(crate::app::plane::layout)
        .filter(|_| shows(Panel::Formula) && failing.is_none());
    // Settings the engine refused leave the calculation showing an older example.
    let stale = state.error.is_some().then_some("stale");
    html! {
        <div class={classes!("explain", stale)}>
            if let Some(step) = step {
                <ArithmeticPanel {step} {channels} map={state.focus().0} {lang} />
            }
            if let Some(formulas) = failing {
                { failing_formula(formulas, lang) }
            }
            if let Some(layout) = layout {
                <FormulaPanel layout={layout.clone()} {lang} />
            }
        </div>
    }
}
