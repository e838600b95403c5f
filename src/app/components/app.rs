//! The root component: holds the one state, runs the playback timer and lays out the screen.

use super::arithmetic::ArithmeticPanel;
use super::feature_map::FeatureMap;
use super::formula::FormulaPanel;
use super::grid_cell::CellEvents;
use super::heatmaps::Heatmaps;
use super::help_overlay::HelpOverlay;
use super::legend::Legend;
use super::operation_picker::OperationPicker;
use super::option_controls::OptionControls;
use super::picture_source::PictureSource;
use super::playback::Playback;
use super::toolbar::Toolbar;
use super::values_controls::ValuesControls;
use super::window_controls::WindowControls;
use super::window_outline::WindowOutline;
use crate::app::i18n::Lang;
use crate::app::presentation::Panel;
use crate::app::settings::Values;
use crate::app::shared::Shared;
use crate::app::state::{Action, MapCell, Refusal, State};
use crate::app::url;
use crate::app::view::{self, PlaneView};
use crate::engine::{Layer, Stepper};
use gloo_timers::callback::{Interval, Timeout};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The browser's preferred language, English if it cannot be read.
fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// Where the last example is kept between visits.
const STORAGE_KEY: &str = "convstep:last";
/// How long the view must stay still before the address bar follows it, in milliseconds.
const ADDRESS_DELAY_MS: u32 = 250;

/// The page's query string; without one, the example kept from the last visit.
fn location_query() -> String {
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

/// In an iframe, posts `{ type: "convstep:height", height }` to the host page.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(height) = window
        .document()
        .and_then(|document| document.document_element())
        .map(|root| root.scroll_height())
    else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"convstep:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// ConvStep.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::from_link(&location_query(), browser_lang()));
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.playing, state.speed), move |&(playing, speed)| {
            let interval = playing.then(|| {
                Interval::new(1000 / speed.max(1), move || {
                    dispatcher.dispatch(Action::Tick)
                })
            });
            move || drop(interval)
        });
    }
    super::keyboard::use_keyboard_shortcuts(on_action.clone());
    // Writing every value is the costly part of a link: once per change of settings.
    let settings_query = use_memo(Shared::from(state.settings.clone()), |settings| {
        url::write_settings(settings)
    });
    let example_query = url::write_with(&settings_query, &state);
    let full_query = url::with_presentation(example_query.clone(), &state);
    // Keep the address in step with the view, replacing the entry rather than adding one. The
    // browser's history costs a few milliseconds a call and ignores calls that come too often,
    // so the address follows once the view has been still for a moment, never inside a step.
    use_effect_with(full_query.clone(), |query| {
        let query = format!("?{query}");
        let write = Timeout::new(ADDRESS_DELAY_MS, move || {
            if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&query));
            }
        });
        move || drop(write)
    });
    // Keep the example in local storage, so a reload without a link restores it: written when
    // the settings change, not on every step.
    {
        let stored = (!state.presentation.embed).then(|| url::write_with(&settings_query, &state));
        use_effect_with(Shared::from(settings_query.clone()), move |_| {
            if let (Some(query), Some(Ok(Some(storage)))) = (
                stored,
                web_sys::window().map(|window| window.local_storage()),
            ) {
                let _ = storage.set_item(STORAGE_KEY, &query);
            }
        });
    }
    // Embedded: after every render, tell the host page how tall the content is.
    use_effect(report_height);
    // Large grids scroll; keep the window in view, measured in the next frame so a step's DOM
    // update never waits for a forced layout.
    let scrolls = state
        .shown
        .bases
        .iter()
        .flatten()
        .any(|base| base.rows > 12 || base.columns > 16);
    use_effect_with(state.position, move |_| {
        if scrolls {
            super::follow::follow_window_next_frame();
        }
    });
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    let on_hover = use_callback(on_action.clone(), |hover: Option<MapCell>, on_action| {
        on_action.emit(Action::Hover(hover))
    });
    let last_map = state.shown.map_count() - 1;
    let on_pick = use_callback(
        (on_action.clone(), last_map),
        |picked: MapCell, (on_action, last_map)| {
            if picked.map == *last_map {
                on_action.emit(Action::Trace(Some(picked.cell)));
            }
        },
    );
    let on_input_edit = use_callback(
        on_action.clone(),
        |(at, typed): ([usize; 3], String), on_action| {
            on_action.emit(Action::Edit(Values::Input, at, typed))
        },
    );
    let on_kernel_edit = use_callback(
        on_action.clone(),
        |(at, typed): ([usize; 3], String), on_action| {
            on_action.emit(Action::Edit(Values::Kernel, at, typed))
        },
    );

    // Kernel cells neither trace nor hover; stable callbacks keep their grids from re-rendering.
    let ignore_hover = use_callback((), |_: Option<MapCell>, _| {});
    let ignore_pick = use_callback((), |_: MapCell, _| {});
    let map_events = CellEvents {
        on_edit: on_input_edit,
        on_hover,
        on_pick,
    };
    let kernel_events = CellEvents {
        on_edit: on_kernel_edit,
        on_hover: ignore_hover,
        on_pick: ignore_pick,
    };
    let lang = state.lang;
    let text = lang.text();
    let shown = &state.shown;
    let (focus_stage, _) = state.focus();
    let step = view::current_step(&state);
    let layer = view::current_layer(&state);
    let maps = view::maps(&state);

    let map_figure = |map: usize, planes: Vec<PlaneView>| {
        let channels = planes.len();
        let names: Vec<String> = (0..channels)
            .map(|index| lang.channel_name(map, channels, index))
            .collect();
        let caption = match map {
            0 => text.input.to_owned(),
            _ if shown.map_count() == 2 => text.output.to_owned(),
            map => lang.stage_output(&shown.settings, map - 1),
        };
        let class = classes!(
            if map == 0 { "input" } else { "output" },
            (map == focus_stage + 1 && state.error.is_some()).then_some("stale"),
        );
        html! {
            <FeatureMap key={format!("map-{map}")} caption={caption} planes={Rc::new(planes)} names={Rc::new(names)}
                id={if map == 0 { "input".to_owned() } else if shown.map_count() == 2 { "output".to_owned() } else { format!("map-{map}") }}
                {class} editable={map == 0} {lang} events={map_events.clone()}>
                if map == focus_stage + 1 && let Some(error) = &state.error {
                    <div class="error" role="alert" data-testid="error">
                        <strong>{ text.error_heading }</strong>
                        <p>{ lang.error(error) }</p>
                        <p class="note">{ text.showing_previous }</p>
                    </div>
                }
            </FeatureMap>
        }
    };
    let kernel_figure = match layer {
        Some(Layer::Conv(conv)) => {
            let planes = view::kernel_planes(&state);
            let (filters, channels, _, _) = conv.weights().dim();
            let names: Vec<String> = (0..filters * channels)
                .map(|index| {
                    lang.kernel_slice_name(index / channels, filters, channels, index % channels)
                })
                .collect();
            html! {
                <FeatureMap key="kernel" caption={text.kernel} planes={Rc::new(planes)} names={Rc::new(names)} id="kernel"
                    class={classes!("kernel")} per_row={channels} editable=true {lang} events={kernel_events.clone()} />
            }
        }
        Some(Layer::Pool(pool)) => html! {
            <figure class="figure kernel" key="kernel">
                <figcaption>{ text.window }</figcaption>
                <WindowOutline kernel={pool.layout().kernel()} step={step.clone()}
                    max={matches!(pool.kind(), crate::engine::PoolKind::Max)} />
            </figure>
        },
        _ => html! {},
    };
    let mut figures: Vec<Html> = Vec::with_capacity(maps.len() + 1);
    for (map, planes) in maps.into_iter().enumerate() {
        figures.push(map_figure(map, planes));
        if map == focus_stage {
            figures.push(kernel_figure.clone());
        }
    }
    let refusal = state.refusal.as_ref().map(|refusal| match refusal {
        Refusal::NotANumber { text } => lang.not_a_number(text),
        Refusal::Engine(error) => lang.error(error),
    });
    let sides = shown.layer_sides().unwrap_or_default();
    let shows = |panel| state.presentation.shows(panel);
    // The step computed once above serves the announcement too.
    let announcement = step.as_ref().map(|step| {
        let channels = shown.map(focus_stage + 1).map_or(1, |map| map.dim().0);
        lang.announce(
            state.position,
            shown.steps(),
            (channels > 1).then_some(step.output.channel),
            step.output.row,
            step.output.column,
            &crate::app::format::number(step.value),
        )
    });
    let on_operation = {
        let on_action = on_action.clone();
        Callback::from(move |operation| on_action.emit(Action::SetOperation(operation)))
    };
    let stages = shown.pipeline.stages().len();
    let stage_label = (stages > 1).then(|| lang.stage_of(focus_stage, stages, &shown.settings));
    html! {
        <div class={classes!("app", state.presentation.projector.then_some("projector"), state.presentation.embed.then_some("embed"))}>
            if shows(Panel::Header) {
                <header class="top">
                    <div>
                        <h1>{ text.title }</h1>
                        <p class="tagline">{ text.tagline }</p>
                    </div>
                    <Toolbar {lang} presentation={state.presentation.clone()} query={full_query.clone()} example={example_query.clone()} on_lang={on_action.reform(Action::SetLang)} on_projector={on_action.reform(Action::SetProjector)} on_help={on_action.reform(|()| Action::ToggleHelp)} />
                </header>
            }
            <div class="visually-hidden" aria-live="polite" data-testid="live">{ announcement }</div>
            if state.help_open {
                <HelpOverlay {lang} on_close={on_action.reform(|()| Action::CloseHelp)} />
            }
            <main class={classes!("workspace", (!shows(Panel::Controls)).then_some("no-controls"))}>
                if shows(Panel::Controls) {
                <section class="controls" aria-label={text.controls}>
                    <OperationPicker operation={state.settings.operation} {lang} on_change={on_operation} />
                    <WindowControls settings={Shared::from(state.settings.clone())} {sides} {lang} on_action={on_action.clone()} />
                    <OptionControls settings={Shared::from(state.settings.clone())} {lang} on_action={on_action.clone()} />
                    <PictureSource {lang} on_picture={on_action.reform(Action::LoadPicture)} />
                    <ValuesControls filters={state.settings.filters} has_kernel={state.settings.operation.has_weights()}
                        {lang} on_action={on_action.clone()} />
                </section>
                }
                <section class="stage">
                    <div class="figures">{ for figures }</div>
                    if !state.ignored_parameters.is_empty() {
                        <p class="refusal notice" role="status" data-testid="link-notice">
                            { lang.ignored_parameters(&state.ignored_parameters) }
                        </p>
                    }
                    if let Some(message) = refusal {
                        <p class="refusal" role="alert" data-testid="refusal">{ message }</p>
                    }
                    if shows(Panel::Hint) {
                        <Legend {lang} />
                        <p class="hint">
                            { if stages > 1 { text.block_hint } else { text.edit_hint } }
                            if state.traced.is_some() {
                                { " " }
                                <button type="button" id="stop-tracing" onclick={{
                                    let on_action = on_action.clone();
                                    Callback::from(move |_: MouseEvent| on_action.emit(Action::Trace(None)))
                                }}>{ text.stop_tracing }</button>
                            }
                        </p>
                    }
                    if shows(Panel::Playback) {
                        <Playback position={state.position} steps={shown.steps()} playing={state.playing}
                            speed={state.speed} {stage_label} {lang} on_action={on_action.clone()} />
                    }
                    <div class="explain">
                        if let (Some(step), true) = (step, shows(Panel::Arithmetic)) {
                            <ArithmeticPanel {step} channels={layer.map_or(1, |layer| layer.input_shape()[0])} map={focus_stage} {lang} />
                        }
                        if let (Some(layout), true) = (layer.and_then(view::layout), shows(Panel::Formula)) {
                            <FormulaPanel layout={layout.clone()} {lang} />
                        }
                    </div>
                    if shows(Panel::Pictures) {
                        <Heatmaps shown={Shared::from(state.shown.clone())} picture={state.picture.clone()} {lang} />
                    }
                </section>
            </main>
        </div>
    }
}
