//! The empty pooling window, with the winning position marked for max pooling.

use crate::app::i18n::Lang;
use crate::engine::{Arithmetic, Step};
use yew::prelude::*;

/// Props of [`WindowOutline`].
#[derive(Properties, PartialEq)]
pub struct WindowOutlineProps {
    /// `[rows, columns]` of the window.
    pub kernel: [usize; 2],
    /// The current step, from the engine.
    pub step: Option<Step>,
    /// Max pooling (else average).
    pub max: bool,
    /// Interface language, for the word in each cell.
    pub lang: Lang,
}

/// A pooling window drawn as a grid with no weights: "max" or "avg" (最大, 平均) in each cell.
#[component]
pub fn WindowOutline(props: &WindowOutlineProps) -> Html {
    let [rows, columns] = props.kernel;
    let winner = props.step.as_ref().and_then(|step| match step.arithmetic {
        Arithmetic::Max { winner } => Some(winner),
        _ => None,
    });
    let text = props.lang.text();
    let label = if props.max {
        text.max_cell
    } else {
        text.average_cell
    };
    html! {
        <table class="grid window-outline" role="presentation" data-grid="window" style="--chars: 3">
            <tbody>
                { for (0..rows).map(|row| html! {
                    <tr key={row}>
                        { for (0..columns).map(|column| {
                            let class = if winner == Some(row * columns + column) { "cell tap winner" } else { "cell tap" };
                            html! { <td key={column} class={class}>{ label }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
