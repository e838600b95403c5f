//! The save-picture buttons: this step as a PNG (2×, for slides) or an SVG, and the whole run as
//! an animated GIF, with the GIF's progress and any problem said in the learner's language; and the
//! buttons that print the page as a handout or show it as a worksheet.

use crate::app::export::plan::Run;
use crate::app::export::{SaveProblem, save};
use crate::app::state::State;
use crate::engine::Step;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`SavePicture`].
#[derive(Properties, PartialEq)]
pub struct SavePictureProps {
    /// The state shown: example, step, language, theme and playback speed.
    pub state: Rc<State>,
    /// The current step, worked out once by the root component.
    pub step: Option<Rc<Step>>,
    /// Shows the example as a worksheet to print.
    pub on_sheet: Callback<MouseEvent>,
}

/// Where saving stands.
#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    /// Drawing frame `frame` of the GIF.
    Making {
        frame: usize,
        run: Run,
    },
    /// The GIF is saved; said when it holds fewer steps than the run.
    Saved(Run),
    Failed(SaveProblem),
}

/// "Save picture": PNG, SVG and GIF buttons, and a status line.
#[component]
pub fn SavePicture(props: &SavePictureProps) -> Html {
    let status = use_state(|| Status::Idle);
    let lang = props.state.lang;
    let labels = lang.text().save;
    let report = |status: &UseStateHandle<Status>, result: Result<(), SaveProblem>| {
        status.set(result.map_or_else(Status::Failed, |()| Status::Idle));
    };
    let on_png = {
        let (state, step, status) = (props.state.clone(), props.step.clone(), status.clone());
        Callback::from(move |_| {
            let (state, step, status) = (state.clone(), step.clone(), status.clone());
            spawn_local(async move { report(&status, save::png(&state, step.as_deref()).await) });
        })
    };
    let on_svg = {
        let (state, step, status) = (props.state.clone(), props.step.clone(), status.clone());
        Callback::from(move |_| report(&status, save::svg(&state, step.as_deref())))
    };
    let on_gif = {
        let (state, status) = (props.state.clone(), status.clone());
        Callback::from(move |_| {
            let (state, status) = (state.clone(), status.clone());
            spawn_local(async move {
                let progress = status.clone();
                let result = save::gif(&state, move |frame, run| {
                    progress.set(Status::Making { frame, run })
                })
                .await;
                status.set(match result {
                    Ok(()) => Status::Saved(Run::new(state.example.steps(), state.speed)),
                    Err(problem) => Status::Failed(problem),
                });
            });
        })
    };
    let making = matches!(*status, Status::Making { .. });
    let message = match *status {
        Status::Idle => String::new(),
        Status::Making { frame, run } if run.is_cut_short() => {
            format!(
                "{} {}",
                lang.gif_frame(frame, run.frames),
                lang.gif_cut_short(run.frames, run.steps)
            )
        }
        Status::Making { frame, run } => lang.gif_frame(frame, run.frames),
        Status::Saved(run) if run.is_cut_short() => lang.gif_cut_short(run.frames, run.steps),
        Status::Saved(_) => String::new(),
        Status::Failed(problem) => lang.save_problem(problem).to_owned(),
    };
    html! {
        <div class="button-row save-picture" role="group" aria-labelledby="save-picture-label">
            <span class="label" id="save-picture-label">{ labels.save_picture }</span>
            <button type="button" data-action="save-png" title={labels.png} onclick={on_png}>{ "PNG" }</button>
            <button type="button" data-action="save-svg" title={labels.svg} onclick={on_svg}>{ "SVG" }</button>
            <button type="button" data-action="save-gif" title={labels.gif} disabled={making} onclick={on_gif}>{ "GIF" }</button>
            // The print style sheet turns the page into a handout: grids, values and formula.
            <button type="button" data-action="print" onclick={Callback::from(print)}>{ labels.print }</button>
            <button type="button" data-action="worksheet" onclick={props.on_sheet.clone()}>{ lang.text().sheet.worksheet }</button>
            <span class="note" role="status" data-testid="save-status">{ message }</span>
        </div>
    }
}

/// Opens the browser's print dialog: the print style sheet makes the page a handout, or prints
/// the worksheet.
pub fn print(_: MouseEvent) {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
