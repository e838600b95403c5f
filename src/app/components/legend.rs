//! The key to the highlights, drawn with the same cell styles as the grids, so no mark is
//! explained by colour alone.

use crate::app::i18n::{Lang, LegendLabels};
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Interface language.
    pub lang: Lang,
    /// Whether the padding copies input cells (reflect, replicate or circular), not zeros.
    pub copies: bool,
}

/// One sample cell per highlight: the current window, padding (zeros, or copies of input cells),
/// never read, being written, the window of the cell under the pointer and a traced receptive
/// field.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let text = props.lang.text();
    let LegendLabels {
        window,
        padding,
        never_read,
        being_written,
    } = text.legend;
    let samples = [
        ("cell value tap", "3", window),
        if props.copies {
            ("cell padding borrowed", "3", text.legend_copied)
        } else {
            ("cell padding", "0", padding)
        },
        ("cell value never-read", "2", never_read),
        ("cell value current", "7", being_written),
        ("cell value hover-window", "4", text.legend_hover),
        ("cell value receptive", "5", text.legend_traced),
    ];
    html! {
        <ul class="legend-key" aria-hidden="true">
            { for samples.iter().map(|&(class, value, label)| html! {
                <li><span class={class}>{ value }</span>{ label }</li>
            }) }
        </ul>
    }
}
