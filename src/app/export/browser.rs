//! The browser's part in saving a picture: drawing the SVG onto a canvas (an image read from a
//! Blob URL), reading the canvas back as pixels or as a PNG, and handing a file to the browser
//! to save. Every failure is a [`SaveProblem`], never a panic.

use super::problem::SaveProblem;
use super::svg::Picture;
use super::theme::Rgb;
use gloo_timers::callback::Timeout;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// How long a saved file's Blob URL is kept before it is freed: long after the browser has
/// started the download.
const KEEP_URL_MS: u32 = 10_000;

/// A canvas to draw pictures on, with its 2D context.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    /// A canvas of `width`×`height` pixels, not attached to the page; `read_back` when its
    /// pixels will be read after every drawing (the browser then keeps them in memory).
    pub fn new(width: u32, height: u32, read_back: bool) -> Result<Canvas, SaveProblem> {
        let canvas: HtmlCanvasElement = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.create_element("canvas").ok())
            .and_then(|element| element.dyn_into().ok())
            .ok_or(SaveProblem::NoCanvas)?;
        canvas.set_width(width);
        canvas.set_height(height);
        let options = Object::new();
        let _ = Reflect::set(&options, &"willReadFrequently".into(), &read_back.into());
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into().ok())
            .ok_or(SaveProblem::NoCanvas)?;
        Ok(Canvas { canvas, context })
    }

    /// Fills the canvas with `background`, then draws `picture` at its top left at `scale`
    /// (the browser draws the SVG's shapes and text afresh at that size).
    pub async fn draw(
        &self,
        picture: &Picture,
        scale: f64,
        background: Rgb,
    ) -> Result<(), SaveProblem> {
        let image = HtmlImageElement::new().map_err(|_| SaveProblem::NoCanvas)?;
        let url = object_url(&blob(&JsValue::from_str(&picture.svg), "image/svg+xml")?)?;
        image.set_src(&url);
        let decoded = JsFuture::from(image.decode()).await;
        let _ = Url::revoke_object_url(&url);
        decoded.map_err(|_| SaveProblem::NotDrawn)?;
        let (width, height) = (
            f64::from(self.canvas.width()),
            f64::from(self.canvas.height()),
        );
        self.context.set_fill_style_str(&background.hex());
        self.context.fill_rect(0.0, 0.0, width, height);
        self.context
            .draw_image_with_html_image_element_and_dw_and_dh(
                &image,
                0.0,
                0.0,
                f64::from(picture.width) * scale,
                f64::from(picture.height) * scale,
            )
            .map_err(|_| SaveProblem::NotDrawn)
    }

    /// The canvas's pixels, RGBA row by row.
    pub fn pixels(&self) -> Result<Vec<u8>, SaveProblem> {
        let (width, height) = (
            f64::from(self.canvas.width()),
            f64::from(self.canvas.height()),
        );
        let data = self
            .context
            .get_image_data(0.0, 0.0, width, height)
            .map_err(|_| SaveProblem::NotDrawn)?;
        Ok(data.data().0)
    }

    /// The canvas as a PNG file.
    pub async fn png(&self) -> Result<Blob, SaveProblem> {
        let canvas = self.canvas.clone();
        // toBlob calls back with the file, or with null when the canvas cannot be encoded.
        let promise = Promise::new(&mut |resolve, _reject| {
            if canvas.to_blob(&resolve).is_err() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        });
        let file = JsFuture::from(promise)
            .await
            .map_err(|_| SaveProblem::NoPng)?;
        file.dyn_into().map_err(|_| SaveProblem::NoPng)
    }
}

/// A file of type `mime` holding `bytes`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<Blob, SaveProblem> {
    blob(&Uint8Array::from(bytes), mime)
}

/// A file of type `mime` holding `text`.
pub fn text_blob(text: &str, mime: &str) -> Result<Blob, SaveProblem> {
    blob(&JsValue::from_str(text), mime)
}

fn blob(part: &JsValue, mime: &str) -> Result<Blob, SaveProblem> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(part), &options)
        .map_err(|_| SaveProblem::NoDownload)
}

fn object_url(blob: &Blob) -> Result<String, SaveProblem> {
    Url::create_object_url_with_blob(blob).map_err(|_| SaveProblem::NoDownload)
}

/// Hands `blob` to the browser to save as `name`.
pub fn download(blob: &Blob, name: &str) -> Result<(), SaveProblem> {
    let anchor: HtmlAnchorElement = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into().ok())
        .ok_or(SaveProblem::NoDownload)?;
    let url = object_url(blob)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Timeout::new(KEEP_URL_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Waits for the browser's next task, so the page paints and answers between two frames.
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
