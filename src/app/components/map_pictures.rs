//! One feature map as pictures, one per channel, with its caption and colour legend. Shared by
//! the step view's pictures and the whole picture's full-size maps.

use super::heatmap_canvas::HeatmapCanvas;
use crate::app::colormap::ColorScale;
use crate::app::format::number;
use crate::app::i18n::Lang;
use crate::app::settings::Settings;
use crate::engine::FeatureMap;
use std::rc::Rc;
use yew::prelude::*;

/// Feature map `map` (0 is the input, `k` the output of stage `k - 1`) as one picture per
/// channel, with its caption and colour legend.
pub fn map_pictures(lang: Lang, settings: &Settings, map: usize, values: &FeatureMap) -> Html {
    // One pass over plain slices: a whole picture's maps hold hundreds of thousands of values.
    let values = values.as_standard_layout();
    let all = values.as_slice().unwrap_or_default();
    let scale = ColorScale::for_values(all.iter().copied());
    let (low, high) = scale.range();
    let (channels, rows, columns) = values.dim();
    let caption = lang.map_caption(settings, map);
    let planes = all.chunks_exact((rows * columns).max(1));
    let pictures = planes.take(channels).enumerate().map(|(channel, plane)| {
        let plane = plane.to_vec();
        let name = lang.channel_name(map, channels, channel);
        html! {
            <figure class="picture" key={channel}>
                <HeatmapCanvas values={Rc::new(plane)} {rows} {columns} {scale} label={format!("{caption}, {name}")} />
                <figcaption>{ name }</figcaption>
            </figure>
        }
    });
    html! {
        <div class="heatmap-group" key={map} data-map={map.to_string()}>
            <div class="heatmap-caption">{ caption.clone() }</div>
            <div class="pictures">{ for pictures }</div>
            <div class="legend" aria-hidden="true">
                <span>{ number(low) }</span>
                <span class="legend-bar" style={format!("background: {}", scale.css_gradient())}></span>
                <span>{ number(high) }</span>
            </div>
        </div>
    }
}
