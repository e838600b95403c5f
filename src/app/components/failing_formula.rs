//! The output-size formula of settings that do not form an example, with their own numbers:
//! a size below 1 is the reason, and the lesson.

use crate::app::i18n::Lang;
use crate::engine::OutputSizeFormula;
use yew::prelude::*;

/// Props of [`FailingFormula`].
#[derive(Properties, PartialEq)]
pub struct FailingFormulaProps {
    /// The formulas of both axes, worked out by the engine.
    pub formulas: [OutputSizeFormula; 2],
    /// Interface language.
    pub lang: Lang,
}

/// The axes where not even one window fits, each with its formula.
#[component]
pub fn FailingFormula(props: &FailingFormulaProps) -> Html {
    let text = props.lang.text();
    let [rows, columns] = props.formulas;
    let failing = [(text.rows, rows), (text.columns, columns)]
        .into_iter()
        .filter(|(_, formula)| formula.output < 1);
    html! {
        <section class="formula failing" aria-labelledby="failing-formula-heading">
            <h2 id="failing-formula-heading">{ text.output_size }</h2>
            <p>{ text.no_window_fits }</p>
            { for failing.map(|(axis, formula)| html! {
                <p class="equation">
                    <span class="axis">{ axis }</span>{ ": " }
                    <code data-testid="failing-formula">{ formula.to_string().replace('-', "−") }</code>
                </p>
            }) }
        </section>
    }
}
