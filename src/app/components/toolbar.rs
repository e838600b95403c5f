//! The tools in the title bar: the lesson, language, projector theme, copy link, embed and
//! shortcuts.

use super::embed_dialog::EmbedDialog;
use crate::app::clipboard::copy_to_clipboard;
use crate::app::i18n::Lang;
use crate::app::page_address::page_address;
use crate::app::presentation::Presentation;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Interface language.
    pub lang: Lang,
    /// Theme and panels.
    pub presentation: Presentation,
    /// The whole view's link parameters.
    pub query: AttrValue,
    /// The example's link parameters, without theme, embed or hidden panels.
    pub example: AttrValue,
    /// Switches the interface to the language given.
    pub on_lang: Callback<Lang>,
    /// Turns the projector theme on (`true`) or off.
    pub on_projector: Callback<bool>,
    /// Shows or hides the list of keyboard shortcuts.
    pub on_help: Callback<()>,
    /// Whether a lesson is open.
    pub lesson_open: bool,
    /// Opens the built-in lesson (`true`) or closes the open one.
    pub on_lesson: Callback<bool>,
}

/// A click handler that sends `value` to `callback`.
fn send<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    let callback = callback.clone();
    Callback::from(move |_: MouseEvent| callback.emit(value.clone()))
}

/// The toolbar.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let text = props.lang.text();
    let copied = use_state(|| false);
    let embedding = use_state(|| false);
    let link = format!("{}?{}", page_address(), props.query);
    let other = match props.lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let oncopy = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy_to_clipboard(&link)))
    };
    let projector = props.presentation.projector;
    html! {
        <div class="toolbar">
            <button type="button" id="lesson" aria-pressed={props.lesson_open.to_string()} onclick={send(&props.on_lesson, !props.lesson_open)}>
                { text.lesson.open }
            </button>
            <button type="button" class="lang" lang={other.tag()} onclick={send(&props.on_lang, other)}>{ text.other_language }</button>
            <button type="button" id="projector" aria-pressed={projector.to_string()} onclick={send(&props.on_projector, !projector)}>
                { text.projector }
            </button>
            <button type="button" id="copy-link" onclick={oncopy}>{ if *copied { text.link_copied } else { text.copy_link } }</button>
            <button type="button" id="embed" onclick={{ let embedding = embedding.clone(); Callback::from(move |_: MouseEvent| embedding.set(true)) }}>
                { text.embed }
            </button>
            <button type="button" id="help" aria-label={text.shortcuts_button} title={text.shortcuts} onclick={send(&props.on_help, ())}>{ "?" }</button>
            if *copied {
                <input class="link-text" readonly=true value={link} aria-label={text.copy_link} />
            }
            if *embedding {
                <EmbedDialog lang={props.lang} query={props.example.clone()} hidden={props.presentation.hidden.clone()}
                    on_close={{ let embedding = embedding.clone(); Callback::from(move |_| embedding.set(false)) }} />
            }
        </div>
    }
}
