//! The output-size formula with the current numbers, and the input cells no window reads.

use crate::app::i18n::Lang;
use crate::engine::{Axis, WindowLayout};
use yew::prelude::*;

/// Props of [`FormulaPanel`].
#[derive(Properties, PartialEq)]
pub struct FormulaProps {
    /// The resolved window geometry, from the engine.
    pub layout: WindowLayout,
    /// Interface language.
    pub lang: Lang,
}

/// The formula panel: one line per axis, or one for both when they agree.
#[component]
pub fn FormulaPanel(props: &FormulaProps) -> Html {
    let text = props.lang.text();
    let rows = props.layout.rows.formula();
    let columns = props.layout.columns.formula();
    let generic = "out = floor((in + pad_before + pad_after − field) / stride) + 1";
    let lines = if rows == columns {
        vec![(
            format!("{} & {}", text.rows, text.columns),
            rows.to_string(),
        )]
    } else {
        vec![
            (text.rows.to_owned(), rows.to_string()),
            (text.columns.to_owned(), columns.to_string()),
        ]
    };
    let field_notes = Axis::BOTH.iter().filter_map(|&axis| {
        let along = props.layout.along(axis);
        (along.dilation > 1).then(|| {
            format!(
                "field = {}×({}−1)+1 = {}",
                along.dilation, along.kernel, along.kernel_field
            )
        })
    });
    let never_read = Axis::BOTH
        .iter()
        .filter_map(|&axis| {
            let along = props.layout.along(axis);
            let cells = along.never_read();
            (!cells.is_empty()).then(|| {
                html! {
                    <p class="never-read-note" data-testid="never-read">
                        <span class="swatch never-read" aria-hidden="true"></span>
                        { props.lang.never_read(axis, &cells, along.stride, along.dilation) }
                    </p>
                }
            })
        })
        .collect::<Vec<_>>();
    html! {
        <section class="formula" aria-labelledby="formula-heading">
            <h2 id="formula-heading">{ text.output_size }</h2>
            <p class="generic"><code>{ generic }</code></p>
            { for lines.into_iter().map(|(axis, formula)| html! {
                <p class="equation"><span class="axis">{ axis }</span>{ ": " }<code data-testid="formula">{ formula }</code></p>
            }) }
            { for field_notes.into_iter().map(|note| html! { <p class="note"><code>{ note }</code></p> }) }
            if never_read.is_empty() {
                <p class="note">{ text.all_read }</p>
            } else {
                { for never_read }
            }
        </section>
    }
}
