//! A labelled whole-number field that keeps whatever the learner typed and explains bad text.

use super::concept_tip::labelled;
use crate::app::i18n::{Concept, Lang};
use std::ops::RangeInclusive;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Visible label.
    pub label: AttrValue,
    /// The current value in the settings.
    pub value: usize,
    /// The values the settings accept; a value past it is kept, marked invalid, and the
    /// engine's message says why.
    pub range: RangeInclusive<usize>,
    /// Show the range beside the field (otherwise it is only read out), for fields whose
    /// range is shown once for a row.
    #[prop_or(true)]
    pub show_range: bool,
    /// Hide the label visually (it stays for assistive technology), for fields under a shared heading.
    #[prop_or_default]
    pub compact: bool,
    /// What the `?` beside the label explains, if the field has one.
    #[prop_or_default]
    pub concept: Option<Concept>,
    /// Stable id, used by tests and the label.
    pub id: AttrValue,
    /// Interface language, for the refusal message.
    pub lang: Lang,
    /// Called with each whole number typed.
    pub on_change: Callback<usize>,
}

/// A whole-number field. Text that is not a whole number stays in the field with a message;
/// the settings keep their last number.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let refused = use_state(|| false);
    {
        // Follow the settings when they change from elsewhere (a preset, a link), unless the
        // field holds text that means the same number.
        let (text, refused) = (text.clone(), refused.clone());
        use_effect_with(props.value, move |value| {
            if text.trim().parse::<usize>().ok() != Some(*value) {
                text.set(value.to_string());
                refused.set(false);
            }
        });
    }
    let oninput = {
        let (text, refused, on_change) = (text.clone(), refused.clone(), props.on_change.clone());
        Callback::from(move |event: InputEvent| {
            let typed = event.target_unchecked_into::<HtmlInputElement>().value();
            match typed.trim().parse::<usize>() {
                Ok(number) => {
                    refused.set(false);
                    on_change.emit(number);
                }
                Err(_) => refused.set(!typed.trim().is_empty()),
            }
            text.set(typed);
        })
    };
    let message_id = format!("{}-message", props.id);
    let range_id = format!("{}-range", props.id);
    let out_of_range = !*refused && !props.range.contains(&props.value);
    // Name only elements that exist: the range always, the message while it is shown.
    let described_by = if *refused {
        format!("{range_id} {message_id}")
    } else {
        range_id.clone()
    };
    let label = match props.concept {
        Some(concept) => labelled(props.label.clone(), props.id.clone(), concept, props.lang),
        None => html! {
            <label class={classes!("label", props.compact.then_some("visually-hidden"))} for={props.id.clone()}>{ &props.label }</label>
        },
    };
    html! {
        <div class="number-field">
            { label }
            <input
                id={props.id.clone()}
                type="text"
                inputmode="numeric"
                size="3"
                value={(*text).clone()}
                aria-invalid={(*refused || out_of_range).to_string()}
                aria-describedby={described_by}
                {oninput}
            />
            <span class={classes!("range", (!props.show_range).then_some("visually-hidden"))} id={range_id}>
                { range_text(&props.range) }
            </span>
            if *refused {
                <span class="field-message" id={message_id} role="alert">
                    { props.lang.not_a_whole_number(&text, &props.range) }
                </span>
            }
        </div>
    }
}

/// A range as the controls show it: `1–64`.
pub fn range_text(range: &RangeInclusive<usize>) -> String {
    format!("{}–{}", range.start(), range.end())
}
