//! The key to the highlights, drawn with the same cell styles as the grids, so no mark is
//! explained by colour alone.

use crate::app::i18n::{Lang, LegendLabels};
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Interface language.
    pub lang: Lang,
}

/// One sample cell per highlight: the current window, padding, never read, being written.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let LegendLabels {
        window,
        padding,
        never_read,
        being_written,
    } = props.lang.text().legend;
    let samples = [
        ("cell value tap", "3", window),
        ("cell padding", "0", padding),
        ("cell value never-read", "2", never_read),
        ("cell value current", "7", being_written),
    ];
    html! {
        <ul class="legend-key" aria-hidden="true">
            { for samples.iter().map(|&(class, value, label)| html! {
                <li><span class={class}>{ value }</span>{ label }</li>
            }) }
        </ul>
    }
}
