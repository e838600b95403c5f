//! Listens for keyboard shortcuts on the whole page, except while a field has the focus, and
//! turns each [`Shortcut`] into the state's [`Action`].

use crate::app::shortcuts::{Shortcut, shortcut_for};
use crate::app::state::{Action, Change, Go, Play};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// What a shortcut does to the state.
pub fn action_for(shortcut: Shortcut) -> Action {
    match shortcut {
        Shortcut::PlayPause => Action::Play(Play::Toggle),
        Shortcut::StepForward => Action::Go(Go::Forward),
        Shortcut::StepBack => Action::Go(Go::Back),
        Shortcut::FirstStep => Action::Go(Go::Start),
        Shortcut::LastStep => Action::Go(Go::End),
        Shortcut::Faster => Action::Play(Play::Faster(true)),
        Shortcut::Slower => Action::Play(Play::Faster(false)),
        Shortcut::NextOperation => Action::Change(Change::CycleOperation(true)),
        Shortcut::PreviousOperation => Action::Change(Change::CycleOperation(false)),
        Shortcut::NextStage => Action::Go(Go::NextStage),
        Shortcut::PreviousStage => Action::Go(Go::PreviousStage),
        Shortcut::ToggleHelp => Action::ToggleHelp,
        Shortcut::CloseHelp => Action::CloseHelp,
    }
}

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
            if let Some(shortcut) = shortcut_for(&event.key()) {
                event.prevent_default();
                on_action.emit(action_for(shortcut));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::shortcuts::SHORTCUTS;

    #[test]
    fn every_listed_key_does_what_the_list_says() {
        assert_eq!(
            shortcut_for("k").map(action_for),
            Some(Action::Play(Play::Toggle))
        );
        assert_eq!(
            shortcut_for("_").map(action_for),
            Some(Action::Play(Play::Faster(false)))
        );
        assert_eq!(
            shortcut_for("Escape").map(action_for),
            Some(Action::CloseHelp)
        );
        for binding in SHORTCUTS {
            for key in binding.keys {
                assert_eq!(shortcut_for(key), Some(binding.shortcut));
            }
        }
    }
}
