//! Every feature map drawn as pictures, one per channel, with a colour legend: the tutorial's
//! "visualisation" of the output channels.

use super::full_size_maps::FullSizeMaps;
use crate::app::colormap::ColorScale;
use crate::app::example::Example;
use crate::app::format::number;
use crate::app::i18n::Lang;
use crate::app::picture::ChosenPicture;
use crate::app::settings::{Operation, Settings};
use crate::app::shared::Shared;
use crate::engine::FeatureMap;
use std::rc::Rc;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
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

/// A row of pictures per feature map, and the same maps for the whole picture at full size.
#[component]
pub fn Heatmaps(props: &HeatmapsProps) -> Html {
    let shown = &props.example;
    let text = props.lang.text();
    let maps = (0..shown.map_count()).filter_map(|map| {
        Some(map_pictures(
            props.lang,
            &shown.settings,
            map,
            shown.map(map)?,
        ))
    });
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

/// Feature map `map` (0 is the input, `k` the output of stage `k - 1`) as one picture per
/// channel, with its caption and colour legend.
pub fn map_pictures(lang: Lang, settings: &Settings, map: usize, values: &FeatureMap) -> Html {
    let text = lang.text();
    // One pass over plain slices: a whole picture's maps hold hundreds of thousands of values.
    let values = values.as_standard_layout();
    let all = values.as_slice().unwrap_or_default();
    let scale = ColorScale::for_values(all.iter().copied());
    let (low, high) = scale.range();
    let (channels, rows, columns) = values.dim();
    let caption = match map {
        0 => text.input.to_owned(),
        1 if settings.operation != Operation::Block => text.output.to_owned(),
        map => lang.stage_output(settings, map - 1),
    };
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

/// Props of [`HeatmapCanvas`].
#[derive(Properties, PartialEq)]
pub struct HeatmapCanvasProps {
    /// Row-major values.
    pub values: Rc<Vec<f32>>,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub columns: usize,
    /// Colour scale.
    pub scale: ColorScale,
    /// Accessible name.
    pub label: AttrValue,
}

/// One channel drawn pixel by pixel on a canvas, scaled up without smoothing.
#[component]
pub fn HeatmapCanvas(props: &HeatmapCanvasProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let (values, rows, columns, scale) =
            (props.values.clone(), props.rows, props.columns, props.scale);
        use_effect_with(
            (values, rows, columns, scale),
            move |(values, rows, columns, scale)| {
                draw(&canvas, values, *rows, *columns, *scale);
            },
        );
    }
    html! {
        <canvas ref={canvas} width={props.columns.to_string()} height={props.rows.to_string()}
            role="img" aria-label={props.label.clone()} />
    }
}

fn draw(canvas: &NodeRef, values: &[f32], rows: usize, columns: usize, scale: ColorScale) {
    let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
        return;
    };
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let palette = scale.palette();
    let mut pixels = Vec::with_capacity(values.len() * 4);
    for &value in values {
        let [r, g, b] = palette[scale.palette_index(value)];
        pixels.extend_from_slice(&[r, g, b, 255]);
    }
    if let Ok(image) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), columns as u32, rows as u32)
    {
        let _ = context.put_image_data(&image, 0.0, 0.0);
    }
}
