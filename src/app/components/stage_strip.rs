//! The block's maps as a strip of small pictures: where the stage being stepped sits in the
//! block, and a way to jump to any other stage.

use super::heatmap_canvas::HeatmapCanvas;
use crate::app::colormap::ColorScale;
use crate::app::example::Example;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::app::state::{Action, Go};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`StageStrip`].
#[derive(Properties, PartialEq)]
pub struct StageStripProps {
    /// The example whose maps are drawn.
    pub example: Shared<Example>,
    /// The stage being stepped: maps `stage` and `stage + 1` are shown at full size.
    pub stage: usize,
    /// Interface language.
    pub lang: Lang,
    /// Sends the jump to another stage.
    pub on_action: Callback<Action>,
}

/// One button per map, each with its first channel as a picture and its size.
#[component]
pub fn StageStrip(props: &StageStripProps) -> Html {
    let example = &props.example;
    let (lang, text) = (props.lang, props.lang.text());
    let stages = example.pipeline.stages().len();
    let buttons = (0..example.map_count()).filter_map(|map| {
        let values = example.map(map)?.as_standard_layout().into_owned();
        let (channels, rows, columns) = values.dim();
        let first: Vec<f32> = values.iter().take(rows * columns).copied().collect();
        let scale = ColorScale::for_values(first.iter().copied());
        let caption = lang.map_caption(&example.settings, map);
        let size = format!("{rows}×{columns}×{channels}");
        // A map is read by the stage after it and written by the one before: jump to the stage
        // that writes it, or to the first stage for the input.
        let stage = map.saturating_sub(1).min(stages.saturating_sub(1));
        let shown = map == props.stage || map == props.stage + 1;
        let onclick = {
            let (on_action, start) = (props.on_action.clone(), example.pipeline.global_step(stage, 0));
            Callback::from(move |_: MouseEvent| on_action.emit(Action::Go(Go::To(start))))
        };
        Some(html! {
            <li key={map}>
                <button type="button" class={classes!("strip-map", shown.then_some("shown"))}
                    aria-current={shown.then_some("true")} data-stage-map={map.to_string()} {onclick}>
                    <HeatmapCanvas values={Rc::new(first)} {rows} {columns} {scale} label={caption.clone()} />
                    <span class="strip-caption">{ caption }</span>
                    <span class="strip-size">{ size }</span>
                </button>
            </li>
        })
    });
    html! {
        <nav class="stage-strip" aria-label={text.block_maps}>
            <ol>{ for buttons }</ol>
        </nav>
    }
}
