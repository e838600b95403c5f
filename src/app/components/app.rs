//! The root component: holds the one state, runs the playback timer and lays out the screen.

use super::arithmetic::ArithmeticPanel;
use super::formula::FormulaPanel;
use super::grid::Grid;
use super::operation_picker::OperationPicker;
use super::option_controls::OptionControls;
use super::playback::Playback;
use super::values_controls::ValuesControls;
use super::window_controls::WindowControls;
use super::window_outline::WindowOutline;
use crate::app::i18n::Lang;
use crate::app::settings::{Operation, Values};
use crate::app::state::{Action, Hover, Refusal, State};
use crate::app::url;
use crate::app::view::{self, Plane};
use crate::engine::{Cell, Layer, Stepper, trace::step_of_cell};
use gloo_timers::callback::Interval;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The browser's preferred language, English if it cannot be read.
fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// The page's query string, empty if it cannot be read.
fn location_query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
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
    {
        // Keep the address in step with the view, replacing the entry rather than adding one.
        let query = url::write(&state);
        use_effect_with(query, |query| {
            if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
                let _ =
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?{query}")));
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    let lang = state.lang;
    let text = lang.text();
    let shown = &state.shown;
    let output_shape = shown.layer.output_shape();

    let on_input_hover = use_callback((), {
        let on_action = on_action.clone();
        move |at: Option<[usize; 3]>, _| {
            on_action.emit(Action::Hover(at.map(|[channel, row, column]| {
                Hover::Input(Cell {
                    channel,
                    row,
                    column,
                })
            })))
        }
    });
    let on_output_hover = use_callback(output_shape, {
        let on_action = on_action.clone();
        move |at: Option<[usize; 3]>, shape| {
            on_action.emit(Action::Hover(at.map(|[channel, row, column]| {
                Hover::Output(step_of_cell(
                    Cell {
                        channel,
                        row,
                        column,
                    },
                    *shape,
                ))
            })))
        }
    });
    let on_kernel_hover = use_callback((), |_: Option<[usize; 3]>, _| {});
    let edit = |values: Values| {
        let on_action = on_action.clone();
        Callback::from(move |(at, typed): ([usize; 3], String)| {
            on_action.emit(Action::Edit(values, at, typed))
        })
    };
    let on_input_edit = use_memo((), |_| edit(Values::Input));
    let on_kernel_edit = use_memo((), |_| edit(Values::Kernel));

    let channels = shown.layer.input_shape()[0];
    let grids = |planes: Vec<Plane>,
                 name: &str,
                 id: &str,
                 editable: bool,
                 on_edit: &Callback<([usize; 3], String)>,
                 on_hover: &Callback<Option<[usize; 3]>>| {
        let count = planes.len();
        planes.into_iter().map(|plane| {
            let title = if count > 1 { format!("{name} {}", plane.index + 1) } else { name.to_owned() };
            html! {
                <div class="plane" key={plane.index}>
                    if count > 1 { <div class="plane-title">{ &title }</div> }
                    <Grid plane={Rc::new(plane.clone())} name={title.clone()} id={format!("{id}-{}", plane.index)}
                        {editable} {lang} on_edit={on_edit.clone()} on_hover={on_hover.clone()} />
                </div>
            }
        }).collect::<Html>()
    };
    let step = view::current_step(&state);
    let operation = shown.settings.operation;
    let kernel_figure = match &shown.layer {
        Layer::Conv(_) => html! {
            <figure class="figure kernel">
                <figcaption>{ text.kernel }</figcaption>
                { grids(view::kernel_planes(&state), text.kernel, "kernel", true, &on_kernel_edit, &on_kernel_hover) }
            </figure>
        },
        Layer::Pool(pool) => html! {
            <figure class="figure kernel">
                <figcaption>{ text.window }</figcaption>
                <WindowOutline kernel={pool.layout().kernel()} step={step.clone()} max={operation == Operation::MaxPool} />
            </figure>
        },
        Layer::Activation(_) => html! {},
    };
    let refusal = state.refusal.as_ref().map(|refusal| match refusal {
        Refusal::NotANumber { text } => lang.not_a_number(text),
        Refusal::Engine(error) => lang.error(error),
    });
    let sides = shown.layer_sides().unwrap_or_default();
    let other = match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let on_lang = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::SetLang(other)))
    };
    let on_operation = {
        let on_action = on_action.clone();
        Callback::from(move |operation| on_action.emit(Action::SetOperation(operation)))
    };
    html! {
        <div class="app">
            <header class="top">
                <div>
                    <h1>{ text.title }</h1>
                    <p class="tagline">{ text.tagline }</p>
                </div>
                <button type="button" class="lang" lang={other.tag()} onclick={on_lang}>{ text.other_language }</button>
            </header>
            <main class="workspace">
                <section class="controls" aria-label={text.controls}>
                    <OperationPicker operation={state.settings.operation} {lang} on_change={on_operation} />
                    <WindowControls settings={state.settings.clone()} {sides} {lang} on_action={on_action.clone()} />
                    <OptionControls settings={state.settings.clone()} {lang} on_action={on_action.clone()} />
                    <ValuesControls has_kernel={state.settings.operation == Operation::Convolution} {lang} on_action={on_action.clone()} />
                </section>
                <section class="stage">
                    <div class="figures">
                        <figure class="figure input">
                            <figcaption>{ text.input }</figcaption>
                            { grids(view::input_planes(&state), text.input, "input", true, &on_input_edit, &on_input_hover) }
                        </figure>
                        { kernel_figure }
                        <figure class={classes!("figure", "output", state.error.is_some().then_some("stale"))}>
                            <figcaption>{ text.output }</figcaption>
                            if let Some(error) = &state.error {
                                <div class="error" role="alert" data-testid="error">
                                    <strong>{ text.error_heading }</strong>
                                    <p>{ lang.error(error) }</p>
                                    <p class="note">{ text.showing_previous }</p>
                                </div>
                            }
                            { grids(view::output_planes(&state), text.output, "output", false, &Callback::noop(), &on_output_hover) }
                        </figure>
                    </div>
                    if !state.ignored_parameters.is_empty() {
                        <p class="refusal notice" role="status" data-testid="link-notice">
                            { lang.ignored_parameters(&state.ignored_parameters) }
                        </p>
                    }
                    if let Some(message) = refusal {
                        <p class="refusal" role="alert" data-testid="refusal">{ message }</p>
                    }
                    <p class="hint">{ text.edit_hint }</p>
                    <Playback position={state.position} steps={shown.steps()} playing={state.playing}
                        speed={state.speed} {lang} on_action={on_action.clone()} />
                    <div class="explain">
                        if let Some(step) = step {
                            <ArithmeticPanel {step} {channels} {lang} />
                        }
                        if let Some(layout) = view::layout(&shown.layer) {
                            <FormulaPanel layout={layout.clone()} {lang} />
                        }
                    </div>
                </section>
            </main>
        </div>
    }
}
