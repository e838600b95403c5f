//! Listens for keyboard shortcuts on the whole page, except while a field has the focus.

use crate::app::shortcuts::action_for;
use crate::app::state::Action;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Whether the key press belongs to a field or a button rather than to the page.
fn typed_into_a_control(event: &KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return false;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    let activates = event.key() == " " || event.key() == "Enter";
    matches!(tag.as_str(), "input" | "select" | "textarea")
        || target.has_attribute("contenteditable")
        || (activates && matches!(tag.as_str(), "button" | "td" | "summary"))
}

/// Installs the page-wide listener for as long as the app lives.
#[hook]
pub fn use_keyboard_shortcuts(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.ctrl_key()
                || event.meta_key()
                || event.alt_key()
                || typed_into_a_control(&event)
            {
                return;
            }
            if let Some(action) = action_for(&event.key()) {
                event.prevent_default();
                on_action.emit(action);
            }
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
