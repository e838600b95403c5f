//! The practice panel's effects: its progress kept in local storage, the score posted to the
//! host page when embedded, and the focus on the answer.

use super::hooks::post_to_host;
use crate::app::practice::session::{PracticeMove, Session};
use crate::app::state::{Action, State};
use crate::app::url::{self, Part};
use yew::prelude::*;

/// Keeps the set's progress in local storage under the set's own link: taken up once when the
/// panel opens, written whenever it changes.
#[hook]
pub fn use_progress_storage(state: &State, on_action: &Callback<Action>) {
    let key = format!(
        "convstep:practice:{}",
        url::write(&state.link(), &[Part::Example])
    );
    let progress = state.practice.as_ref().map(Session::progress_text);
    {
        let (key, on_action) = (key.clone(), on_action.clone());
        use_effect_with((), move |()| {
            if let Some(text) = storage().and_then(|storage| storage.get_item(&key).ok().flatten())
            {
                on_action.emit(Action::Practice(PracticeMove::Restore(text)));
            }
        });
    }
    use_effect_with(progress, move |progress| {
        if let (Some(progress), Some(storage)) = (progress, storage()) {
            let _ = storage.set_item(&key, progress);
        }
    });
}

/// Puts the focus on the answer: its field, or the first cell to click.
pub fn focus_answer() {
    use wasm_bindgen::JsCast;
    let answer = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("#practice-answer, .pick")
                .ok()
                .flatten()
        })
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(answer) = answer {
        let _ = answer.focus();
    }
}

/// The page's local storage, if it may be used.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Embedded, posts `{ type: "convstep:score", score, max, answered, state }` to the host page
/// after each answer checked and when the set is done.
#[hook]
pub fn use_score_report(state: &State) {
    let report = state.practice.as_ref().map(|session| {
        (
            session.score(),
            session.questions.len(),
            session.records.len(),
            session.tries,
            session.finished(),
        )
    });
    let embed = state.presentation.embed;
    use_effect_with(report, move |report| {
        if let (Some((score, max, answered, tries, finished)), true) = (*report, embed)
            && answered + tries as usize > 0
        {
            let message = js_sys::Object::new();
            let state = if finished { "done" } else { "in-progress" };
            for (key, value) in [
                ("type", "convstep:score".into()),
                ("score", score.into()),
                ("max", max.into()),
                ("answered", answered.into()),
                ("state", state.into()),
            ] {
                let _ = js_sys::Reflect::set(&message, &key.into(), &value);
            }
            post_to_host(&message);
        }
    });
}

/// Brings the verdict and the answers compared into the practice panel's view, scrolling it no
/// more than needed.
pub fn show_verdict() {
    let shown = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            [".practice-compare", ".practice-verdict"]
                .into_iter()
                .find_map(|selector| document.query_selector(selector).ok().flatten())
        });
    if let Some(shown) = shown {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        shown.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
