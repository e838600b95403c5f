//! One channel of a feature map drawn pixel by pixel on a canvas, in the colours of a
//! [`ColorScale`].

use crate::app::colormap::ColorScale;
use std::rc::Rc;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

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
    /// How many CSS pixels each cell takes, across and down; without, the style sheet sizes it.
    #[prop_or_default]
    pub cell_pixels: Option<f64>,
    /// Accessible name.
    pub label: AttrValue,
}

/// One channel drawn pixel by pixel on a canvas, scaled to `cell_pixels` per cell without
/// smoothing.
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
    let style = props.cell_pixels.map(|pixels| {
        // Whole pixels: formatting a fraction would link float printing into the build.
        let size = |cells: usize| (cells as f64 * pixels).round() as u32;
        format!(
            "width: {}px; height: {}px",
            size(props.columns),
            size(props.rows)
        )
    });
    html! {
        <canvas ref={canvas} width={props.columns.to_string()} height={props.rows.to_string()}
            {style} role="img" aria-label={props.label.clone()} />
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
