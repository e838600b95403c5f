//! Every feature map drawn as pictures, one per channel, with a colour legend: the tutorial's
//! "visualisation" of the output channels.

use super::full_size_maps::FullSizeMaps;
use super::map_pictures::{map_pictures, pixels_per_cell};
use crate::app::example::Example;
use crate::app::i18n::Lang;
use crate::app::picture::ChosenPicture;
use crate::app::shared::Shared;
use yew::prelude::*;

/// Props of [`Heatmaps`].
#[derive(Properties, PartialEq)]
pub struct HeatmapsProps {
    /// The example shown: the same example is the same allocation.
    pub example: Shared<Example>,
    /// The picture the learner chose, if any: its maps at full size appear while it is the input.
    #[prop_or_default]
    pub picture: Option<Shared<ChosenPicture>>,
    /// Interface language.
    pub lang: Lang,
}

/// How wide the largest map of the step view is drawn, in CSS pixels.
const WIDEST: f64 = 144.0;

/// A row of pictures per feature map, all at the same pixels per cell, and the same maps for the
/// whole picture at full size.
#[component]
pub fn Heatmaps(props: &HeatmapsProps) -> Html {
    let shown = &props.example;
    let text = props.lang.text();
    let maps: Vec<_> = (0..shown.map_count())
        .filter_map(|map| Some((map, shown.map(map)?)))
        .collect();
    let cell_pixels = pixels_per_cell(maps.iter().map(|&(_, values)| values), WIDEST);
    let maps = maps
        .into_iter()
        .map(|(map, values)| map_pictures(props.lang, &shown.settings, map, values, cell_pixels));
    let full_size = props
        .picture
        .as_ref()
        .filter(|picture| shown.map(0).is_some_and(|input| picture.is_input(input)));
    html! {
        <section class="heatmaps" aria-labelledby="heatmaps-heading">
            <h2 id="heatmaps-heading">{ text.feature_maps }</h2>
            <div class="heatmap-row">{ for maps }</div>
            if let Some(picture) = full_size {
                <FullSizeMaps settings={shown.settings.clone()} picture={picture.clone()} lang={props.lang} />
            }
        </section>
    }
}
