//! Pictures as input: the built-in samples or the learner's own file, decoded and scaled by the
//! browser itself (an image element and a canvas). Nothing is uploaded anywhere.

use crate::app::i18n::Lang;
use crate::app::picture::{
    ChosenPicture, FULL_SIDE, MAX_FILE_BYTES, Picture, PictureProblem, SAMPLES, SIZES,
};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, HtmlInputElement,
    HtmlSelectElement, Url,
};
use yew::prelude::*;

/// Props of [`PictureSource`].
#[derive(Properties, PartialEq)]
pub struct PictureSourceProps {
    /// Interface language.
    pub lang: Lang,
    /// Receives the decoded picture, with the sample it is, if one.
    pub on_picture: Callback<(Option<&'static str>, ChosenPicture)>,
}

/// Sample buttons, a file picker, the size and grey or colour.
#[component]
pub fn PictureSource(props: &PictureSourceProps) -> Html {
    let text = props.lang.text();
    let size = use_state(|| 16usize);
    let colour = use_state(|| false);
    let problem = use_state(|| None::<PictureProblem>);
    // Where a decoded picture (of `sample`, if one) or the reason it is none goes.
    let on_result = |sample: Option<&'static str>| {
        let (on_picture, problem) = (props.on_picture.clone(), problem.clone());
        Callback::from(
            move |result: Result<ChosenPicture, PictureProblem>| match result {
                Ok(picture) => {
                    problem.set(None);
                    on_picture.emit((sample, picture));
                }
                Err(why) => problem.set(Some(why)),
            },
        )
    };
    let samples = SAMPLES.iter().map(|&(id, path)| {
        let (on_result, size, colour) = (on_result(Some(id)), *size, *colour);
        let onclick = Callback::from(move |_| decode(path.to_owned(), false, size, colour, on_result.clone()));
        html! { <button type="button" data-sample={id} {onclick}>{ props.lang.sample_name(id) }</button> }
    });
    let onfile = {
        let (on_result, size, colour) = (on_result(None), *size, *colour);
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            if file.size() > MAX_FILE_BYTES {
                on_result.emit(Err(PictureProblem::TooLarge(file.size() / 1024.0 / 1024.0)));
            } else if !file.type_().starts_with("image/") {
                on_result.emit(Err(PictureProblem::NotAPicture));
            } else if let Ok(url) = Url::create_object_url_with_blob(&file) {
                decode(url, true, size, colour, on_result.clone());
            }
        })
    };
    let onsize = {
        let size = size.clone();
        Callback::from(move |event: Event| {
            if let Ok(value) = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                size.set(value);
            }
        })
    };
    let oncolour = {
        let colour = colour.clone();
        Callback::from(move |event: Event| {
            colour.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <fieldset class="picture-source">
            <legend>{ text.picture }</legend>
            <div class="button-row">{ for samples }</div>
            // The browser's own file button speaks the browser's language, not the page's: the
            // input stays (hidden, still focusable) and the page draws the button as its label.
            <div class="select-field file-field">
                <span class="label">{ text.own_picture }</span>
                <input type="file" id="picture-file" class="visually-hidden" accept="image/*" onchange={onfile} />
                <label for="picture-file" class="file-button">{ text.choose_picture }</label>
            </div>
            <div class="button-row">
                <label class="select-field">
                    <span class="label">{ text.picture_size }</span>
                    <select id="picture-size" onchange={onsize}>
                        { for SIZES.iter().map(|&option| html! {
                            <option value={option.to_string()} selected={option == *size}>{ format!("{option}×{option}") }</option>
                        }) }
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" id="picture-colour" checked={*colour} onchange={oncolour} />
                    <span>{ text.colour }</span>
                </label>
            </div>
            <p class="note">{ text.stays_here }</p>
            if let Some(problem) = *problem {
                <p class="field-message" role="alert" data-testid="picture-problem">{ props.lang.picture_problem(problem) }</p>
            }
        </fieldset>
    }
}

/// Loads `src` into an image element, scales its central square to `size`×`size` (and to full
/// size) on a canvas and reads the pixels back. `revoke` frees an object URL made for a local file.
pub(super) fn decode(
    src: String,
    revoke: bool,
    size: usize,
    colour: bool,
    on_result: Callback<Result<ChosenPicture, PictureProblem>>,
) {
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let onload = {
        let (image, src, on_result) = (image.clone(), src.clone(), on_result.clone());
        Closure::once_into_js(move || {
            if revoke {
                let _ = Url::revoke_object_url(&src);
            }
            on_result.emit(both_sizes(&image, size, colour).ok_or(PictureProblem::NotAPicture));
        })
    };
    let onerror = {
        let src = src.clone();
        Closure::once_into_js(move || {
            if revoke {
                let _ = Url::revoke_object_url(&src);
            }
            on_result.emit(Err(PictureProblem::NotAPicture));
        })
    };
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&src);
}

/// The picture at the step view's `size`, and at [`FULL_SIDE`] or its own size if smaller.
fn both_sizes(image: &HtmlImageElement, size: usize, colour: bool) -> Option<ChosenPicture> {
    let side = image.natural_width().min(image.natural_height()) as usize;
    Some(ChosenPicture {
        step: scale(image, size, colour)?,
        full: scale(image, side.clamp(size, FULL_SIDE), colour)?.to_map()?,
    })
}

fn scale(image: &HtmlImageElement, size: usize, colour: bool) -> Option<Picture> {
    let (width, height) = (image.natural_width() as f64, image.natural_height() as f64);
    if width == 0.0 || height == 0.0 {
        return None;
    }
    let side = width.min(height);
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(size as u32);
    canvas.set_height(size as u32);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            image,
            (width - side) / 2.0,
            (height - side) / 2.0,
            side,
            side,
            0.0,
            0.0,
            size as f64,
            size as f64,
        )
        .ok()?;
    let pixels = context
        .get_image_data(0.0, 0.0, size as f64, size as f64)
        .ok()?
        .data();
    Picture::from_rgba(&pixels, size, size, colour)
}
