//! Loads a lesson file from the app's own host and reads it.

use crate::app::lesson::{Lesson, LoadProblem, parse};
use crate::app::url;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::Response;
use yew::prelude::*;

/// A lesson file as it loads.
#[derive(Debug, Clone, PartialEq)]
pub enum LessonLoad {
    /// Not read yet.
    Loading,
    /// Read, with every figure link checked.
    Ready(Rc<Lesson>),
    /// Not found, not reachable, or not a lesson.
    Failed(LoadProblem),
}

/// The lesson at `path` (relative to the page), loaded again whenever the path changes. An
/// answer for a path no longer asked for is dropped.
#[hook]
pub fn use_lesson(path: AttrValue) -> LessonLoad {
    let load = use_state_eq(|| LessonLoad::Loading);
    {
        let load = load.clone();
        use_effect_with(path, move |path| {
            load.set(LessonLoad::Loading);
            let (path, wanted) = (path.clone(), Rc::new(Cell::new(true)));
            let still_wanted = wanted.clone();
            spawn_local(async move {
                let read = match fetch_text(&path).await {
                    Ok(text) => parse(&text, url::figure_problems)
                        .map(|lesson| LessonLoad::Ready(Rc::new(lesson)))
                        .unwrap_or_else(|error| LessonLoad::Failed(LoadProblem::File(error))),
                    Err(problem) => LessonLoad::Failed(problem),
                };
                if still_wanted.get() {
                    load.set(read);
                }
            });
            move || wanted.set(false)
        });
    }
    (*load).clone()
}

/// The text of the file at `path`.
async fn fetch_text(path: &str) -> Result<String, LoadProblem> {
    let window = web_sys::window().ok_or(LoadProblem::Unreachable)?;
    let answer = JsFuture::from(window.fetch_with_str(path)).await;
    let response: Response = answer
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or(LoadProblem::Unreachable)?;
    if !response.ok() {
        return Err(LoadProblem::Status(response.status()));
    }
    let text = response.text().map_err(|_| LoadProblem::Unreachable)?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| LoadProblem::Unreachable)?;
    text.as_string().ok_or(LoadProblem::Unreachable)
}
