//! The output-size formula of settings that do not form an example, with their own numbers.
//! Where not even one window fits, a size below 1 is the reason, and the lesson.

use super::formula::worked_lines;
use crate::app::i18n::Lang;
use crate::engine::{Axis, OutputSizeFormula};
use yew::prelude::*;

/// Each axis with its formula worked out by the engine; only the axes where not even one window
/// fits, when there are any.
pub fn failing_formula(formulas: [OutputSizeFormula; 2], pooling: bool, lang: Lang) -> Html {
    let text = lang.text();
    let none_fit = formulas.iter().any(|formula| formula.output < 1);
    let axes: Vec<Axis> = Axis::BOTH
        .into_iter()
        .zip(formulas)
        .filter(|(_, formula)| !none_fit || formula.output < 1)
        .map(|(axis, _)| axis)
        .collect();
    html! {
        <section class="formula failing" aria-labelledby="failing-formula-heading">
            <h2 id="failing-formula-heading">{ text.output_size }</h2>
            if none_fit {
                <p>{ text.no_window_fits }</p>
            }
            { worked_lines(formulas, &axes, pooling, lang, "failing-formula") }
        </section>
    }
}
