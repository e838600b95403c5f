//! The feature maps of the whole chosen picture at full size (224×224 for the samples), computed
//! in one go by the engine's fast forward, and again whenever a weight or setting changes.

use super::map_pictures::{map_pictures, pixels_per_cell};
use crate::app::i18n::Lang;
use crate::app::picture::ChosenPicture;
use crate::app::settings::Settings;
use crate::app::shared::Shared;
use crate::engine::{EngineError, Pipeline};
use yew::prelude::*;

/// Props of [`FullSizeMaps`].
#[derive(Properties, PartialEq)]
pub struct FullSizeMapsProps {
    /// The settings of the example shown.
    pub settings: Shared<Settings>,
    /// The picture, at the step view's size and at full size.
    pub picture: Shared<ChosenPicture>,
    /// Interface language.
    pub lang: Lang,
}

/// How wide the largest full-size map is drawn, in CSS pixels: a 224×224 picture at one pixel
/// per cell.
const WIDEST: f64 = 224.0;

/// What the engine made of the full-size picture, and how long it took in milliseconds.
struct Computed {
    pipeline: Result<Pipeline, EngineError>,
    milliseconds: f64,
}

/// Every feature map of the full-size picture, with the size and the time the engine took.
#[component]
pub fn FullSizeMaps(props: &FullSizeMapsProps) -> Html {
    let computed = use_memo(
        (props.settings.clone(), props.picture.clone()),
        |(settings, picture)| {
            let start = now();
            let pipeline = settings.build_on(picture.full.clone());
            Computed {
                pipeline,
                milliseconds: now() - start,
            }
        },
    );
    let lang = props.lang;
    let (_, rows, columns) = props.picture.full.dim();
    let content = match &computed.pipeline {
        Ok(pipeline) => {
            let maps: Vec<_> = (0..pipeline.map_count())
                .filter_map(|map| Some((map, pipeline.map(map)?)))
                .collect();
            let cell_pixels = pixels_per_cell(maps.iter().map(|&(_, values)| values), WIDEST);
            let maps = maps
                .into_iter()
                .map(|(map, values)| map_pictures(lang, &props.settings, map, values, cell_pixels));
            html! { <div class="heatmap-row">{ for maps }</div> }
        }
        Err(error) => html! { <p class="note">{ lang.error(error) }</p> },
    };
    html! {
        <div class="full-size" data-testid="full-size" data-milliseconds={(computed.milliseconds.round() as u64).to_string()}>
            <h3>{ lang.full_size(rows, columns) }</h3>
            <p class="note">{ lang.computed_in(computed.milliseconds) }</p>
            { content }
        </div>
    }
}

/// The Performance API's clock, in milliseconds.
fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}
