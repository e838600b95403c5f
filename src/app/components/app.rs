//! The root component: holds the one state and lays out the screen. The first screen holds the
//! whole step (the grids, the calculation and the step buttons) with the settings in a drawer;
//! the formula, the code and the pictures follow below it. Its effects are named hooks
//! (`hooks`), and each part of the screen is a component of its own.

use super::code_panel::CodePanel;
use super::controls::controls;
use super::explanation::{calculation, size_formula};
use super::figures::Figures;
use super::heatmaps::Heatmaps;
use super::help_overlay::HelpOverlay;
use super::hooks::{
    browser_lang, opening_query, use_address_and_storage, use_document_language, use_embed_height,
    use_follow_window, use_playback, use_sample_request,
};
use super::keyboard::use_keyboard_shortcuts;
use super::learn_panel::{LearnPanel, learn_toggle, use_training};
use super::legend::Legend;
use super::lesson_panel::LessonPanel;
use super::notices::notices;
use super::playback::Playback;
use super::practice_panel::PracticePanel;
use super::save_picture::SavePicture;
use super::screen_watch::use_media;
use super::stage_strip::StageStrip;
use super::toolbar::Toolbar;
use super::worksheet::worksheet;
use crate::app::format;
use crate::app::i18n::CellContent;
use crate::app::lesson::LessonSource;
use crate::app::presentation::Panel;
use crate::app::scatter;
use crate::app::state::{Action, LessonMove, State};
use crate::app::worksheet::exercises;
use crate::app::{learn, url, view};
use crate::engine::{PaddingMode, Step};
use std::rc::Rc;
use yew::prelude::*;

/// ConvStep.
#[component]
pub fn App() -> Html {
    let handle = use_reducer_eq(|| State::from_link(url::read(&opening_query()), browser_lang()));
    let on_action = {
        let dispatcher = handle.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    // Stable, so the controls re-render only when their own props change, never on a step.
    let on_change = use_callback(on_action.clone(), |change, on_action| {
        on_action.emit(Action::Change(change))
    });
    let state: Rc<State> = Rc::new((*handle).clone());
    // The step is worked out once a render, for the grids, the calculation and the live region.
    let step = view::current_step(&state).map(Rc::new);
    use_playback(state.playing, state.speed, on_action.clone());
    use_keyboard_shortcuts(on_action.clone());
    let links = use_address_and_storage(&state);
    use_embed_height();
    use_follow_window(&state);
    use_document_language(state.lang);
    use_sample_request(&state, on_change.clone());
    // Learning mode's training steps, run once for the grids and the panel alike.
    let training = use_training(&state);

    let narrow = use_media(NARROW);
    let (lang, example) = (state.lang, &state.example);
    let text = lang.text();
    let shows = |panel| state.presentation.shows(panel);
    let focus_stage = state.focus().0;
    let stages = example.pipeline.stages().len();
    let stage_label = (stages > 1).then(|| lang.stage_of(focus_stage, stages, &example.settings));
    let on_close_help = on_action.reform(|()| Action::CloseHelp);
    let on_stop_tracing = on_action.reform(|_: MouseEvent| Action::Trace(None));
    // In practice mode the example is the question's: no settings to change.
    let drawer =
        (shows(Panel::Controls) && state.practice.is_none()).then(|| state.drawer_open(narrow));
    let toggle_drawer = {
        let open = drawer.unwrap_or_default();
        on_action.reform(move |_: MouseEvent| Action::SetDrawer(!open))
    };
    let close_drawer = on_action.reform(|_: MouseEvent| Action::SetDrawer(false));
    let app_classes = classes!(
        "app",
        state.presentation.projector.then_some("projector"),
        state.presentation.embed.then_some("embed"),
        (drawer == Some(true)).then_some("drawer-open"),
        state.practice_locked().then_some("asking"),
        practice_hides_size(&state).then_some("asking-size"),
    );
    if state.presentation.sheet {
        let set = state
            .practice
            .as_ref()
            .map(|session| &session.questions[..]);
        let sheet = exercises(example, set, lang);
        let on_back = on_action.reform(|_: MouseEvent| Action::SetSheet(false));
        return html! { <div class={app_classes}>{ worksheet(&sheet, lang, on_back) }</div> };
    }
    html! {
        <div class={app_classes}>
            <div class="screen">
                if shows(Panel::Header) {
                    <header class="top">
                        <div class="title">
                            <h1>{ text.title }</h1>
                            <p class="tagline">{ text.tagline }</p>
                        </div>
                        <Toolbar {lang} presentation={state.presentation.clone()} query={links.full.clone()}
                            example={links.example.clone()} on_lang={on_action.reform(Action::SetLang)}
                            on_projector={on_action.reform(Action::SetProjector)} on_help={on_action.reform(|()| Action::ToggleHelp)}
                            lesson_open={state.lesson.is_some()} on_lesson={on_action.reform(|open| Action::Lesson(if open {
                                LessonMove::Open(LessonSource::BuiltIn) } else { LessonMove::Close }))} />
                    </header>
                }
                <div class="visually-hidden" aria-live="polite" data-testid="live">{ announcement(&state, step.as_deref()) }</div>
                if state.help_open {
                    <HelpOverlay {lang} on_close={on_close_help} />
                }
                <main class={classes!("workspace", state.lesson.is_some().then_some("with-lesson"))}>
                    if let Some(place) = &state.lesson {
                        <LessonPanel place={place.clone()} settings={state.settings.clone()} sample={state.sample_shown()} {lang} on_action={on_action.clone()} />
                    }
                    if state.practice.is_some() {
                        <PracticePanel state={state.clone()} on_action={on_action.clone()} />
                    }
                    if drawer == Some(true) {
                        <aside class="drawer" id="settings-drawer" aria-label={text.settings_drawer}>
                            <button type="button" class="close-drawer" onclick={close_drawer}>{ text.close }</button>
                            { controls(&state.settings, example.first_sides().unwrap_or_default(), lang, &on_change) }
                        </aside>
                    }
                    <section class="deck">
                        { notices(&state.link_notice, state.refusal.as_ref(), lang) }
                        if stages > 1 {
                            <StageStrip example={example.clone()} stage={focus_stage} {lang} on_action={on_action.clone()} />
                        }
                        <Figures state={state.clone()} step={step.clone()} on_action={on_action.clone()} training={training.clone()} />
                        if state.learn.is_some() && learn::trains(&example.settings) {
                            <LearnPanel state={state.clone()} on_action={on_action.clone()} training={training.clone()} />
                        } else {
                            { calculation(&state, step.as_deref()) }
                        }
                        <div class="bar">
                            if let Some(open) = drawer {
                                <button type="button" class="drawer-toggle" aria-label={text.settings_drawer} aria-expanded={open.to_string()}
                                    aria-controls="settings-drawer" onclick={toggle_drawer}>
                                    <span aria-hidden="true">{ "⚙" }</span><span class="drawer-label">{ " " }{ text.settings_drawer }</span>
                                </button>
                            }
                            // Beside a lesson the bar has no room for it.
                            if learn::trains(&example.settings) && state.lesson.is_none() {
                                { learn_toggle(state.learn.as_ref(), lang, &on_action) }
                            }
                            if shows(Panel::Playback) {
                                <Playback position={state.position} steps={example.steps()} playing={state.playing}
                                    speed={state.speed} {stage_label} {lang} on_action={on_action.clone()} />
                            }
                        </div>
                    </section>
                </main>
            </div>
            <div class="more">
                <SavePicture state={state.clone()} step={step.clone()} on_sheet={on_action.reform(|_: MouseEvent| Action::SetSheet(true))} />
                if shows(Panel::Hint) {
                    <Legend {lang} copies={example.settings.padding_mode != PaddingMode::Zeros} />
                    <p class="hint">
                        { if stages > 1 { text.block_hint } else { text.edit_hint } }
                        if state.traced.is_some() {
                            { " " }
                            <button type="button" id="stop-tracing" onclick={on_stop_tracing}>{ text.stop_tracing }</button>
                        }
                    </p>
                }
                { size_formula(&state) }
                if shows(Panel::Code) {
                    <CodePanel example={example.clone()} position={state.position} settings={state.settings.clone()}
                        {lang} on_change={on_change.clone()} />
                }
                if shows(Panel::Pictures) {
                    <Heatmaps example={example.clone()} picture={state.picture.clone()} {lang} />
                }
            </div>
        </div>
    }
}

/// Screens narrower than this get the layout for phones: the drawer closed and over the grids.
const NARROW: &str = "(max-width: 900px)";

/// Whether a question on the output's size is waiting for its answer: the output and the size
/// formula are hidden until then.
fn practice_hides_size(state: &State) -> bool {
    let session = state.practice.as_ref().filter(|session| session.asking());
    session
        .and_then(|session| session.question())
        .is_some_and(|question| question.kind == crate::app::practice::Kind::Size)
}

/// What the live region announces at this step: the step and the value written.
fn announcement(state: &State, step: Option<&Step>) -> Option<String> {
    if let Some((_, step)) = scatter::current(state) {
        let value = format::number(step.value);
        let cell = state.lang.grid_cell_label(
            step.input.row,
            step.input.column,
            CellContent::Value(&value),
            None,
        );
        return Some(format!(
            "{}/{} · {}: {cell}",
            state.position + 1,
            state.example.steps(),
            state.lang.text().scatter_input
        ));
    }
    let step = step?;
    let channels = state
        .example
        .map(state.focus().0 + 1)
        .map_or(1, |map| map.dim().0);
    Some(state.lang.announce(
        state.position,
        state.example.steps(),
        (channels > 1).then_some(step.output.channel),
        step.output.row,
        step.output.column,
        &format::number(step.value),
    ))
}
