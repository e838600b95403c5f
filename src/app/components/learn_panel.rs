//! Learning mode's panel: the target and the loss, the backward pass stepped one gradient at a
//! time (the rule and its terms), the next training step on the kernel grid (old, change, new),
//! and the loss plotted against the training steps. What it draws comes from `app::learn`.

use super::number_field::NumberField;
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::learn::{
    self, BackStep, LearnMove, Learning, MAX_TRAINED, TargetChoice, Trajectory,
};
use crate::app::settings::Settings;
use crate::app::shared::Shared;
use crate::app::state::{Action, State, parse_number};
use crate::engine::backward::{Factor, PipelineBackward, Rule, Term, TrainingStep};
use crate::engine::{EngineError, FeatureMap};
use gloo_timers::callback::Interval;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Terms written out in full before the rest are counted.
const SHOWN_TERMS: usize = 12;
/// Milliseconds between training steps while Play runs.
const TICK_MS: u32 = 120;
/// Cells of the output gradient shown as numbers: larger maps are named, not listed.
const LISTED_CELLS: usize = 100;

/// Props of [`LearnPanel`].
#[derive(Properties, PartialEq)]
pub struct LearnPanelProps {
    /// The app state; learning mode is open.
    pub state: Rc<State>,
    /// Sends learning moves.
    pub on_action: Callback<Action>,
    /// The training, worked out once by the root component ([`use_training`]).
    pub training: Shared<Option<Training>>,
}

/// Learning mode: everything the learner reads and sets about the backward pass and training.
#[component]
pub fn LearnPanel(props: &LearnPanelProps) -> Html {
    let state = &props.state;
    let learning = state.learn.clone().unwrap_or_default();
    let lang = state.lang;
    let text = &lang.text().learn;
    let send = {
        let on_action = props.on_action.clone();
        move |learn_move: LearnMove| on_action.emit(Action::Learn(learn_move))
    };
    {
        let send = send.clone();
        use_effect_with(learning.playing, move |&playing| {
            let interval = playing.then(|| Interval::new(TICK_MS, move || send(LearnMove::Tick)));
            move || drop(interval)
        });
    }
    let training = &*props.training;
    // A target cell typed that is not a number: kept as typed, beside the reason.
    let refused = use_state(|| None::<(usize, String)>);
    let (target, trajectory, losses) = match training {
        Some(Ok(training)) => training,
        Some(Err(error)) => {
            return html! { <section class="learn"><p class="error">{ lang.error(error) }</p></section> };
        }
        None => return Html::default(),
    };
    let (trained, now) = trajectory.at(learning.trained);
    let backward = learn::backward(now, target);
    let stages = state.example.pipeline.stages().len();

    let on_target = {
        let send = send.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(choice) = TargetChoice::from_id(&id) {
                send(LearnMove::Target(choice));
            }
        })
    };
    let on_rate = {
        let send = send.clone();
        Callback::from(move |event: Event| {
            let typed = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(rate) = typed.trim().parse::<f32>() {
                send(LearnMove::Rate(rate));
            }
        })
    };
    // Every button in one list, so their markup and handlers are written (and compiled) once:
    // id, label, move, and whether it is disabled.
    let button = |(id, label, learn_move, disabled): (
        &'static str,
        &'static str,
        LearnMove,
        bool,
    )| {
        let send = send.clone();
        html! {
            <button type="button" {id} {disabled} onclick={Callback::from(move |_: MouseEvent| send(learn_move))}>{ label }</button>
        }
    };
    let playback = &lang.text().playback;
    let loss_now = losses.get(trained).copied();
    let (back_count, back) = match &backward {
        Ok(backward) => learn::shown_back(backward, stages, learning.back),
        Err(_) => (0, None),
    };
    html! {
        <section class="learn" data-testid="learn">
            <h2>{ text.heading }</h2>
            <div class="learn-controls">
                <label>{ text.target }{ " " }
                    <select id="learn-target" onchange={on_target}>
                        { for TargetChoice::all().map(|choice| html! {
                            <option value={choice.id()} selected={choice == learning.target}>{ lang.target_name(choice) }</option>
                        }) }
                    </select>
                </label>
                <label>{ text.rate }{ " " }
                    <input id="learn-rate" type="text" inputmode="decimal" size="5" value={format::exact(learning.rate)} onchange={on_rate} />
                </label>
                <NumberField label={text.run} value={learning.run} range={1..=MAX_TRAINED} id="learn-run" {lang}
                    on_change={{ let send = send.clone(); Callback::from(move |run| send(LearnMove::Run(run))) }} />
                { for [
                    ("learn-step", text.step_once, LearnMove::Trained(learning.trained + 1), false),
                    ("learn-play", if learning.playing { playback.pause } else { playback.play }, LearnMove::Play(!learning.playing), false),
                    ("learn-reset", text.reset, LearnMove::Trained(0), false),
                    ("learn-close", lang.text().close, LearnMove::Open(false), false),
                ].map(button) }
            </div>
            <p class="learn-loss">
                <span data-testid="trained">{ lang.trained(trained) }</span>{ " · " }
                <code>{ text.loss }</code>{ " = " }
                <output data-testid="loss">{ loss_now.map_or_else(|| "—".to_owned(), format::exact) }</output>
            </p>
            if learn::diverges(losses, trained) {
                <p class="diverges" role="status">{ text.diverges }</p>
            }
            if let Some(error) = &trajectory.stopped {
                <p class="error">{ lang.error(error) }</p>
            }
            <div class="learn-body">
                <div class="learn-back">
                    <h3>{ text.backward }</h3>
                    <p class="learn-nav">
                        { button(("back-previous", "◀", LearnMove::Back(learning.back.saturating_sub(1)), learning.back == 0)) }
                        <span data-testid="back-position">{ format!(" {} / {back_count} ", back.as_ref().map_or(0, |(index, _)| index + 1)) }</span>
                        { button(("back-next", "▶", LearnMove::Back(learning.back + 1), learning.back + 1 >= back_count)) }
                    </p>
                    { back.map(|(_, step)| back_step(&step, lang, state)).unwrap_or_default() }
                </div>
                <div class="learn-train">
                    <h3>{ lang.training_step(trained + 1) }</h3>
                    { trajectory.steps.get(trained).map(|step| training_step(step, lang)).unwrap_or_default() }
                    { plot(losses, trained, learning.run, lang) }
                </div>
            </div>
            { backward.as_ref().map(|backward| output_gradient(backward, lang)).unwrap_or_default() }
            { target_map(target, &refused, lang, &send) }
        </section>
    }
}

/// Training as learning mode shows it: the target, the training steps and the loss after each.
pub type Training = Result<(FeatureMap, Trajectory, Vec<f32>), EngineError>;

/// Training worked out once for the example, target, learning rate and length, for the panel
/// and the grids alike (`None`: learning mode is closed or cannot train this example).
#[hook]
pub fn use_training(state: &State) -> Shared<Option<Training>> {
    let key = state
        .learn
        .as_ref()
        .filter(|_| learn::trains(&state.example.settings))
        .map(|learning| {
            let length = learning.run.max(learning.trained) + 1;
            (
                learning.target,
                learning.edits.clone(),
                learning.rate,
                length,
            )
        });
    let training = use_memo((state.example.settings.clone(), key), |(settings, key)| {
        key.as_ref().map(|(target, edits, rate, length)| {
            learn::target(settings, *target, edits).map(|target| {
                let trajectory = Trajectory::new(settings, &target, *rate, *length);
                let losses = trajectory.losses(&target);
                (target, trajectory, losses)
            })
        })
    });
    Shared::from(training)
}

/// The settings after the training steps taken, when any are: the grids show their example
/// (`None`: untrained, or learning mode closed).
pub fn trained_settings(state: &State, training: &Option<Training>) -> Option<Shared<Settings>> {
    let (learning, Some(Ok((_, trajectory, _)))) = (state.learn.as_ref()?, training) else {
        return None;
    };
    let (trained, settings) = trajectory.at(learning.trained);
    (trained > 0).then(|| settings.clone())
}

/// The backward step learning mode shows, for the grids to highlight.
pub fn shown_back(state: &State, training: &Option<Training>) -> Option<BackStep> {
    let (learning, Some(Ok((target, trajectory, _)))) = (state.learn.as_ref()?, training) else {
        return None;
    };
    let backward = learn::backward(trajectory.at(learning.trained).1, target).ok()?;
    let stages = state.example.pipeline.stages().len();
    learn::shown_back(&backward, stages, learning.back)
        .1
        .map(|(_, step)| step)
}

/// One backward step: what is differentiated, the rule (the formula panel's part), and the
/// terms summed (the calculation panel's part).
fn back_step(back: &BackStep, lang: Lang, state: &State) -> Html {
    let step = &back.step;
    let stage_name = lang.stage_of(
        back.stage,
        state.example.pipeline.stages().len(),
        &state.example.settings,
    );
    let (rule, formula) = lang.rule(step.rule);
    let terms: Vec<String> = step.terms.iter().take(SHOWN_TERMS).map(term).collect();
    let more = step.terms.len().saturating_sub(SHOWN_TERMS);
    html! {
        <div class="back-step" data-testid="back-step">
            <p class="back-what"><span class="stage">{ stage_name }</span>{ " · " }<strong>{ lang.gradient_of(step.wrt) }</strong></p>
            <p class="back-rule" data-testid="back-rule">{ rule }</p>
            <p class="generic"><code>{ formula }</code></p>
            if let Rule::Derivative { input, output, .. } = step.rule {
                <p class="back-forward"><code>{ format!("x = {}, y = {}", format::exact(input), format::exact(output)) }</code></p>
            }
            <p class="back-terms" data-testid="back-terms">
                if step.terms.is_empty() && step.rule == Rule::MaxRoute {
                    <code>{ "∂L/∂x = " }<output data-testid="back-value">{ format::exact(step.value) }</output></code>
                    { " · " }{ lang.text().learn.no_winner }
                } else {
                    <code>
                        { if terms.is_empty() { "0".to_owned() } else { terms.join(" + ") } }
                        if more > 0 { { lang.more_terms(more) } }
                        { " = " }<output data-testid="back-value">{ format::exact(step.value) }</output>
                    </code>
                }
            </p>
        </div>
    }
}

/// A term as written by hand, every number exact: `0.5 × (−2)`, `1.5 ÷ 4`, or the gradient alone.
fn term(term: &Term) -> String {
    let exact = |value: f32| {
        let text = format::exact(value);
        if text.starts_with('−') {
            format!("({text})")
        } else {
            text
        }
    };
    let gradient = exact(term.gradient);
    match term.factor {
        Factor::One => gradient,
        Factor::Times(factor) => format!("{gradient} × {}", exact(factor)),
        Factor::Over(divisor) => format!("{gradient} ÷ {divisor}"),
    }
}

/// The training step on the kernel grid: each weight's old value, change and new value.
fn training_step(step: &TrainingStep, lang: Lang) -> Html {
    let text = &lang.text().learn;
    let (filters, slices, rows, columns) = step.weights.dim();
    html! {
        <div class="learn-kernels">
            <p class="generic"><code>{ text.update_rule }</code></p>
            { for (0..filters * slices).map(|plane| html! {
                <table class="learn-kernel" data-testid="learn-kernel">
                    { for (0..rows).map(|row| html! {
                        <tr>{ for (0..columns).map(|column| {
                            let update = step.weights[[plane / slices, plane % slices, row, column]];
                            html! {
                                <td>
                                    <span class="old" title={format::exact(update.old)}>{ format::number(update.old) }</span>
                                    <span class="change" title={format::exact(update.change)}>{ format!("{}{}", if update.change < 0.0 { "" } else { "+" }, format::number(update.change)) }</span>
                                    <span class="new" title={format::exact(update.new)}>{ format::number(update.new) }</span>
                                </td>
                            }
                        }) }</tr>
                    }) }
                </table>
            }) }
            <p class="learn-key"><span class="old">{ text.old }</span>{ " " }<span class="change">{ text.change }</span>{ " " }<span class="new">{ text.new }</span></p>
            if let Some(bias) = &step.bias {
                <p class="learn-bias">{ text.bias }{ ": " }{ for bias.iter().map(|update| format!("{} → {} ", format::number(update.old), format::number(update.new))) }</p>
            }
        </div>
    }
}

/// The loss against the training steps, as an inline SVG line up to the steps taken. Points are
/// whole units of the drawing: no float formatting, which is large in WebAssembly.
fn plot(losses: &[f32], trained: usize, run: usize, lang: Lang) -> Html {
    const WIDTH: i32 = 280;
    const HEIGHT: i32 = 110;
    let text = &lang.text().learn;
    let steps = run.max(trained);
    let highest = losses
        .iter()
        .take(steps + 1)
        .copied()
        .filter(|loss| loss.is_finite())
        .fold(f32::MIN_POSITIVE, f32::max);
    let points: Vec<(i32, i32)> = losses
        .iter()
        .take(trained + 1)
        .enumerate()
        .map(|(step, loss)| {
            let share = if loss.is_finite() {
                (loss / highest).min(1.0)
            } else {
                1.0
            };
            let x = step as f32 / steps.max(1) as f32 * WIDTH as f32;
            (
                x.round() as i32,
                HEIGHT - (share * HEIGHT as f32).round() as i32,
            )
        })
        .collect();
    let line: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    html! {
        <figure class="loss-plot">
            <svg viewBox={format!("-4 -4 {} {}", WIDTH + 8, HEIGHT + 8)} role="img" aria-label={text.plot} data-testid="loss-plot">
                <path class="axis" d={format!("M0 0V{HEIGHT}H{WIDTH}")} />
                <polyline points={line.join(" ")} />
                if let Some((x, y)) = points.last() {
                    <circle r="3" cx={x.to_string()} cy={y.to_string()} />
                }
            </svg>
            <figcaption>{ lang.plot_caption(format::exact(highest), steps) }</figcaption>
        </figure>
    }
}

/// The target as cells the learner types over, when the output is small enough to list; a value
/// that is not a number is kept as typed and refused in the learner's language.
fn target_map(
    target: &FeatureMap,
    refused: &UseStateHandle<Option<(usize, String)>>,
    lang: Lang,
    send: &(impl Fn(LearnMove) + Clone + 'static),
) -> Html {
    if target.len() > LISTED_CELLS {
        return Html::default();
    }
    let (_, rows, columns) = target.dim();
    let cell = |index: usize, value: f32| {
        let (send, refusal) = (send.clone(), refused.clone());
        let onchange = Callback::from(move |event: Event| {
            let typed = event.target_unchecked_into::<HtmlInputElement>().value();
            match parse_number(&typed) {
                Some(value) => {
                    refusal.set(None);
                    send(LearnMove::Edit(index, value));
                }
                None => refusal.set(Some((index, typed))),
            }
        });
        let typed = refused.as_ref().filter(|(at, _)| *at == index);
        let text = typed.map_or_else(|| format::number(value), |(_, typed)| typed.clone());
        html! {
            <td><input type="text" inputmode="decimal" size="4" data-testid="target-cell" value={text} title={format::exact(value)}
                aria-invalid={typed.is_some().then_some("true")} {onchange} /></td>
        }
    };
    html! {
        <div class="learn-gradient">
            <p>{ lang.text().learn.typed_target }</p>
            { for target.outer_iter().enumerate().map(|(channel, plane)| html! {
                <table class="learn-map learn-target">
                    { for (0..rows).map(|row| html! {
                        <tr>{ for (0..columns).map(|column| cell((channel * rows + row) * columns + column, plane[[row, column]])) }</tr>
                    }) }
                </table>
            }) }
            if let Some((_, typed)) = &**refused {
                <p class="error" role="alert" data-testid="target-refusal">{ lang.not_a_number(typed) }</p>
            }
        </div>
    }
}

/// d loss / d output, cell by cell, when the output is small enough to list.
fn output_gradient(backward: &PipelineBackward, lang: Lang) -> Html {
    let text = &lang.text().learn;
    let gradient = &backward.loss().gradient;
    if gradient.len() > LISTED_CELLS {
        return Html::default();
    }
    html! {
        <div class="learn-gradient">
            <p><code>{ text.loss_gradient }</code></p>
            { for gradient.outer_iter().map(|plane| html! {
                <table class="learn-map" data-testid="output-gradient">
                    { for plane.outer_iter().map(|row| html! {
                        <tr>{ for row.iter().map(|value| html! { <td>{ format::number(*value) }</td> }) }</tr>
                    }) }
                </table>
            }) }
        </div>
    }
}

/// The learning mode's button, beside the step buttons: opens or closes it. On a phone only its
/// sign shows: ∇, the gradient.
pub fn learn_toggle(learning: Option<&Learning>, lang: Lang, on_action: &Callback<Action>) -> Html {
    let open = learning.is_some();
    let on_action = on_action.clone();
    let label = lang.text().learn.open;
    html! {
        <button type="button" id="learn" aria-pressed={open.to_string()} aria-label={label}
            onclick={Callback::from(move |_: MouseEvent| on_action.emit(Action::Learn(LearnMove::Open(!open))))}>
            <span aria-hidden="true">{ "∇" }</span><span class="learn-label" aria-hidden="true">{ " " }{ label }</span>
        </button>
    }
}
