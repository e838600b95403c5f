//! One feature map as pictures, one per channel, with its caption, its size and a key to its
//! colours. Shared by the step view's pictures and the whole picture's full-size maps.

use super::heatmap_canvas::HeatmapCanvas;
use crate::app::colormap::ColorScale;
use crate::app::format::number;
use crate::app::i18n::Lang;
use crate::app::settings::Settings;
use crate::engine::FeatureMap;
use std::rc::Rc;
use yew::prelude::*;

/// The pixels per cell that draw the largest of `maps` `widest` pixels across. Every map of one
/// chain is drawn at this scale, so a map pooling halves is drawn half as wide.
pub fn pixels_per_cell<'a>(maps: impl IntoIterator<Item = &'a FeatureMap>, widest: f64) -> f64 {
    let side = maps
        .into_iter()
        .map(|map| {
            let (_, rows, columns) = map.dim();
            rows.max(columns)
        })
        .max()
        .unwrap_or(1)
        .max(1);
    widest / side as f64
}

/// Feature map `map` (0 is the input, `k` the output of stage `k - 1`) as one picture per
/// channel, `cell_pixels` pixels per cell, with its caption, its size and a key to its colours.
/// The input is drawn in grey, as a picture is seen.
pub fn map_pictures(
    lang: Lang,
    settings: &Settings,
    map: usize,
    values: &FeatureMap,
    cell_pixels: f64,
) -> Html {
    let text = lang.text();
    // One pass over plain slices: a whole picture's maps hold hundreds of thousands of values.
    let values = values.as_standard_layout();
    let all = values.as_slice().unwrap_or_default();
    let scale = if map == 0 {
        ColorScale::for_input(all.iter().copied())
    } else {
        ColorScale::for_values(all.iter().copied())
    };
    let (channels, rows, columns) = values.dim();
    let caption = lang.map_caption(settings, map);
    let planes = all.chunks_exact((rows * columns).max(1));
    let pictures = planes.take(channels).enumerate().map(|(channel, plane)| {
        let plane = plane.to_vec();
        let name = lang.channel_name(map, channels, channel);
        html! {
            <figure class="picture" key={channel}>
                <HeatmapCanvas values={Rc::new(plane)} {rows} {columns} {scale} cell_pixels={Some(cell_pixels)}
                    label={format!("{caption}{}{name}", text.comma)} />
                <figcaption>{ name }</figcaption>
            </figure>
        }
    });
    html! {
        <div class="heatmap-group" key={map} data-map={map.to_string()}>
            <div class="heatmap-caption">
                { caption.clone() }
                <span class="map-size">{ format!("{rows}×{columns}") }</span>
            </div>
            <div class="pictures">{ for pictures }</div>
            { colour_key(lang, scale) }
        </div>
    }
}

/// The key to a map's colours: its lowest and highest value at the ends of the scale's gradient,
/// and what the colours mean in words.
fn colour_key(lang: Lang, scale: ColorScale) -> Html {
    let text = lang.text();
    let (low, high) = scale.range();
    let (low, high) = (number(low), number(high));
    let words = match scale {
        ColorScale::Diverging { .. } => text.key_diverging,
        ColorScale::Sequential { .. } => text.key_sequential,
        ColorScale::Grey { .. } => text.key_grey,
    };
    html! {
        <div class="colour-key" role="img" aria-label={format!("{words}{}{low} – {high}", text.comma)}>
            <span class="key-value">{ low }</span>
            <span class="key-bar" style={format!("background: {}", scale.css_gradient())}></span>
            <span class="key-value">{ high }</span>
            <span class="key-words">{ words }</span>
        </div>
    }
}
