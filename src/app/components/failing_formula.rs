//! The output-size formula of settings that do not form an example, with their own numbers.
//! Where not even one window fits, a size below 1 is the reason, and the lesson.

use crate::app::i18n::Lang;
use crate::engine::OutputSizeFormula;
use yew::prelude::*;

/// Each axis with its formula worked out by the engine; only the axes where not even one window
/// fits, when there are any.
pub fn failing_formula([rows, columns]: [OutputSizeFormula; 2], lang: Lang) -> Html {
    let text = lang.text();
    let none_fit = rows.output < 1 || columns.output < 1;
    let both = format!("{} & {}", text.rows, text.columns);
    let lines: Vec<(String, OutputSizeFormula)> = if rows == columns {
        vec![(both, rows)]
    } else {
        [(text.rows, rows), (text.columns, columns)]
            .into_iter()
            .filter(|(_, formula)| !none_fit || formula.output < 1)
            .map(|(axis, formula)| (axis.to_owned(), formula))
            .collect()
    };
    html! {
        <section class="formula failing" aria-labelledby="failing-formula-heading">
            <h2 id="failing-formula-heading">{ text.output_size }</h2>
            if none_fit {
                <p>{ text.no_window_fits }</p>
            }
            { for lines.into_iter().map(|(axis, formula)| html! {
                <p class="equation">
                    <span class="axis">{ axis }</span>{ ": " }
                    <code data-testid="failing-formula">{ formula.to_string().replace('-', "−") }</code>
                </p>
            }) }
        </section>
    }
}
