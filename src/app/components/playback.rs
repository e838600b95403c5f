//! Playback controls: start, back, play/pause, forward, end, speed and a scrub slider.

use crate::app::i18n::{Lang, PlaybackLabels};
use crate::app::state::{Action, Go, Play, SPEEDS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`Playback`].
#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    /// Current step, from 0.
    pub position: usize,
    /// Number of steps.
    pub steps: usize,
    /// Whether playback runs.
    pub playing: bool,
    /// Steps per second.
    pub speed: u32,
    /// "Stage 2 of 3: ReLU" when there are several stages.
    #[prop_or_default]
    pub stage_label: Option<String>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions to the state.
    pub on_action: Callback<Action>,
}

/// The playback bar.
#[component]
pub fn Playback(props: &PlaybackProps) -> Html {
    let text = props.lang.text();
    let PlaybackLabels {
        start,
        back,
        play,
        pause,
        forward,
        end,
        previous_stage,
        next_stage,
    } = text.playback;
    let button =
        |label: &'static str, symbol: Icon, action: Action, id: &'static str, disabled: bool| {
            let on_action = props.on_action.clone();
            html! {
                <button type="button" class="icon" data-action={id} title={label} aria-label={label}
                    {disabled} onclick={Callback::from(move |_| on_action.emit(action.clone()))}>
                    { icon(symbol) }
                </button>
            }
        };
    let last = props.steps.saturating_sub(1);
    let at_start = props.position == 0;
    let at_end = props.position >= last;
    let onscrub = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Ok(step) = input.value().parse::<usize>() {
                on_action.emit(Action::Go(Go::To(step.saturating_sub(1))));
            }
        })
    };
    let onspeed = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            if let Ok(speed) = select.value().parse::<u32>() {
                on_action.emit(Action::Play(Play::Speed(speed)));
            }
        })
    };
    html! {
        <div class="playback" role="group" aria-label={text.step}>
            { button(start, Icon::Start, Action::Go(Go::Start), "start", at_start) }
            { button(back, Icon::Back, Action::Go(Go::Back), "back", at_start) }
            if props.playing {
                { button(pause, Icon::Pause, Action::Play(Play::Toggle), "play", false) }
            } else {
                { button(play, Icon::Play, Action::Play(Play::Toggle), "play", false) }
            }
            { button(forward, Icon::Forward, Action::Go(Go::Forward), "forward", at_end) }
            { button(end, Icon::End, Action::Go(Go::End), "end", at_end) }
            <input type="range" class="scrub" min="1" max={props.steps.max(1).to_string()}
                value={(props.position + 1).to_string()} aria-label={text.step}
                aria-valuetext={props.lang.step_of(props.position + 1, props.steps)}
                oninput={onscrub} />
            if let Some(label) = &props.stage_label {
                <span class="stage-buttons">
                    { button(previous_stage, Icon::PreviousStage, Action::Go(Go::PreviousStage), "previous-stage", at_start) }
                    <span class="stage-label" data-testid="stage">{ label }</span>
                    { button(next_stage, Icon::NextStage, Action::Go(Go::NextStage), "next-stage", at_end) }
                </span>
            }
            <span class="step-count" data-testid="step-count">{ props.lang.step_of(props.position + 1, props.steps) }</span>
            <label class="speed">
                <span class="label">{ text.speed }</span>
                <select onchange={onspeed}>
                    { for SPEEDS.iter().map(|&speed| html! {
                        <option value={speed.to_string()} selected={speed == props.speed}>
                            { format!("{speed} {}", text.steps_per_second) }
                        </option>
                    }) }
                </select>
            </label>
        </div>
    }
}

/// Playback icons, drawn inline so they look the same with any font. Each differs in shape,
/// not only in direction: play is a lone triangle, a step is a triangle against a bar (the
/// single frame), the ends are two triangles against a bar, and the stages are chevrons.
#[derive(Clone, Copy)]
enum Icon {
    Start,
    Back,
    Play,
    Pause,
    Forward,
    End,
    PreviousStage,
    NextStage,
}

fn icon(icon: Icon) -> Html {
    let path = match icon {
        Icon::Start => "M1 3h2v10H1zM8.5 3v10L3.5 8zM14.5 3v10L9.5 8z",
        Icon::Back => "M10 3v10L3 8zM11 3h2v10h-2z",
        Icon::Play => "M3.5 2v12L14 8z",
        Icon::Pause => "M4 3h3v10H4zM9 3h3v10H9z",
        Icon::Forward => "M3 3h2v10H3zM6 3v10l7-5z",
        Icon::End => "M1.5 3v10l5-5zM7.5 3v10l5-5zM13 3h2v10h-2z",
        Icon::PreviousStage => {
            "M14 3.5 12.5 2l-6 6 6 6 1.5-1.5L9.5 8zM8 3.5 6.5 2l-6 6 6 6L8 12.5 3.5 8z"
        }
        Icon::NextStage => "M2 3.5 3.5 2l6 6-6 6L2 12.5 6.5 8zM8 3.5 9.5 2l6 6-6 6L8 12.5 12.5 8z",
    };
    html! {
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}
