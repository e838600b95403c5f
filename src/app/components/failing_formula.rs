//! The output-size formula of settings that do not form an example, with their own numbers:
//! a size below 1 is the reason, and the lesson.

use crate::app::i18n::Lang;
use crate::engine::OutputSizeFormula;
use yew::prelude::*;

/// The axes where not even one window fits, each with its formula worked out by the engine.
pub fn failing_formula([rows, columns]: [OutputSizeFormula; 2], lang: Lang) -> Html {
    let text = lang.text();
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
