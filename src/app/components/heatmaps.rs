//! Every feature map drawn as pictures, one per channel, with a colour legend: the tutorial's
//! "visualisation" of the output channels.

use crate::app::colormap::ColorScale;
use crate::app::format::number;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::app::state::Shown;
use std::rc::Rc;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

/// Props of [`Heatmaps`].
#[derive(Properties, PartialEq)]
pub struct HeatmapsProps {
    /// The example shown: the same example is the same allocation.
    pub shown: Shared<Shown>,
    /// Interface language.
    pub lang: Lang,
}

/// A row of pictures per feature map.
#[component]
pub fn Heatmaps(props: &HeatmapsProps) -> Html {
    let shown = &props.shown;
    let text = props.lang.text();
    let maps = (0..shown.map_count()).filter_map(|map| {
        let values = shown.map(map)?;
        let scale = ColorScale::for_values(values.iter().copied());
        let (low, high) = scale.range();
        let (channels, rows, columns) = values.dim();
        let caption = match map {
            0 => text.input.to_owned(),
            _ if shown.map_count() == 2 => text.output.to_owned(),
            map => props.lang.stage_output(&shown.settings, map - 1),
        };
        let pictures: Vec<Html> = (0..channels).map(|channel| {
            let plane: Vec<f32> = values.index_axis(ndarray::Axis(0), channel).iter().copied().collect();
            let name = props.lang.channel_name(map, channels, channel);
            html! {
                <figure class="picture" key={channel}>
                    <HeatmapCanvas values={Rc::new(plane)} {rows} {columns} {scale} label={format!("{caption}, {name}")} />
                    <figcaption>{ name }</figcaption>
                </figure>
            }
        }).collect();
        Some(html! {
            <div class="heatmap-group" key={map} data-map={map.to_string()}>
                <div class="heatmap-caption">{ caption }</div>
                <div class="pictures">{ for pictures }</div>
                <div class="legend" aria-hidden="true">
                    <span>{ number(low) }</span>
                    <span class="legend-bar" style={format!("background: {}", scale.css_gradient())}></span>
                    <span>{ number(high) }</span>
                </div>
            </div>
        })
    });
    html! {
        <section class="heatmaps" aria-labelledby="heatmaps-heading">
            <h2 id="heatmaps-heading">{ text.feature_maps }</h2>
            <div class="heatmap-row">{ for maps }</div>
        </section>
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
    let mut pixels = Vec::with_capacity(values.len() * 4);
    for &value in values {
        let [r, g, b] = scale.rgb(value);
        pixels.extend_from_slice(&[r, g, b, 255]);
    }
    if let Ok(image) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), columns as u32, rows as u32)
    {
        let _ = context.put_image_data(&image, 0.0, 0.0);
    }
}
