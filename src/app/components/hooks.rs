//! The root component's effects, each a named hook: playback, the address and storage, the
//! embed height, following the window, the document language, and the sample picture a link
//! names.

use super::follow::follow_window_next_frame;
use super::picture_source::decode;
use crate::app::i18n::Lang;
use crate::app::picture::ChosenPicture;
use crate::app::state::{Action, Change, Play, State};
use crate::app::url::{self, Part};
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::ResizeObserver;
use yew::prelude::*;

/// Where the last example is kept between visits.
const STORAGE_KEY: &str = "convstep:last";
/// How long the view must stay still before the address bar follows it, in milliseconds.
const ADDRESS_DELAY_MS: u32 = 250;

/// The browser's preferred language, English if it cannot be read.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// The page's query string; without one, the example kept from the last visit.
pub fn opening_query() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let query = window.location().search().unwrap_or_default();
    if !query.trim_start_matches('?').is_empty() {
        return query;
    }
    window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default()
}

/// While playing, a timer dispatches a tick at the chosen speed; it dies with the effect.
#[hook]
pub fn use_playback(playing: bool, speed: u32, dispatch: Callback<Action>) {
    use_effect_with((playing, speed), move |&(playing, speed)| {
        let interval = playing.then(|| {
            Interval::new(1000 / speed.max(1), move || {
                dispatch.emit(Action::Play(Play::Tick))
            })
        });
        move || drop(interval)
    });
}

/// The links to the current view: `example` (the example, step and language) and `full`
/// (with the presentation too).
#[derive(Debug, Clone, PartialEq)]
pub struct Links {
    /// The example, its step and the language.
    pub example: AttrValue,
    /// Everything, presentation included: what the address bar shows.
    pub full: AttrValue,
}

/// Keeps the address bar and local storage in step with the view, and returns its links.
///
/// Writing every value is the costly part of a link, so it is written once per change of
/// settings. The browser's history costs a few milliseconds a call and ignores calls that come
/// too often, so the address follows once the view has been still for a moment, never inside a
/// step; storage is written when the settings change, not on every step.
#[hook]
pub fn use_address_and_storage(state: &State) -> Links {
    let link = state.link();
    // In practice mode the example part is the set's: it changes when practice starts or ends.
    let example_part = use_memo(
        (state.settings.clone(), state.practice.is_some()),
        move |_| url::write(&link, &[Part::Example]),
    );
    let link = state.link();
    let place = url::write(&link, &[Part::Place]);
    let presentation = url::write(&link, &[Part::Presentation]);
    let example = url::join(&[&example_part, &place]);
    let full = url::join(&[&example, &presentation]);
    use_effect_with(full.clone(), |full| {
        let query = format!("?{full}");
        let write = Timeout::new(ADDRESS_DELAY_MS, move || {
            if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&query));
            }
        });
        move || drop(write)
    });
    let stored = (!state.presentation.embed).then(|| example.clone());
    use_effect_with(example_part, move |_| {
        if let (Some(query), Some(Ok(Some(storage)))) = (
            stored,
            web_sys::window().map(|window| window.local_storage()),
        ) {
            let _ = storage.set_item(STORAGE_KEY, &query);
        }
    });
    Links {
        example: example.into(),
        full: full.into(),
    }
}

/// Embedded: whenever the content's height changes (a render, or the frame's own new size
/// reflowing it), tell the host page how tall it is.
#[hook]
pub fn use_embed_height() {
    use_effect_with((), |()| {
        let in_frame = web_sys::window()
            .and_then(|window| Some(window.parent().ok()?? != window))
            .unwrap_or(false);
        let content = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(".app").ok().flatten());
        let observer = in_frame.then_some(()).and(content).and_then(|content| {
            let callback = Closure::<dyn FnMut()>::new(report_height);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(&content);
            Some((observer, callback))
        });
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// In an iframe, posts `message` to the host page, with target origin `*`; outside one, nothing.
pub fn post_to_host(message: &js_sys::Object) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent != window {
        let _ = parent.post_message(message, "*");
    }
}

/// In an iframe, posts `{ type: "convstep:height", height }` to the host page.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The content's own height: the document's scroll height is never less than the frame, so
    // it could never shrink.
    let Some(height) = window
        .document()
        .and_then(|document| document.query_selector(".app").ok().flatten())
        .map(|app| app.get_bounding_client_rect().height().ceil())
    else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"convstep:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    post_to_host(&message);
}

/// Grids that do not fit scroll inside their own boxes: after each step, keep the window in
/// view. It is measured in the next frame, so a step's DOM update never waits for a forced
/// layout.
#[hook]
pub fn use_follow_window(state: &State) {
    use_effect_with(state.position, move |_| follow_window_next_frame());
}

/// The page's `lang` attribute ("zh-CN", so a screen reader and the fonts know the script) and
/// its title follow the interface language.
#[hook]
pub fn use_document_language(lang: Lang) {
    use_effect_with(lang, |lang| {
        let text = lang.text();
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", text.page_lang);
            }
            document.set_title(text.title);
        }
    });
}

/// Decodes the sample picture a link names, once, and sends it back as [`Change::Picture`]; a
/// sample the browser cannot read leaves the example as it is.
#[hook]
pub fn use_sample_request(state: &State, on_change: Callback<Change>) {
    use_effect_with(state.sample_request(), move |request| {
        if let Some(request) = *request {
            let on_result = Callback::from(move |result: Result<ChosenPicture, _>| {
                if let Ok(picture) = result {
                    on_change.emit(Change::Picture(Some(request.id), picture));
                }
            });
            decode(
                request.path.to_owned(),
                false,
                request.size,
                request.colour,
                on_result,
            );
        }
    });
}
