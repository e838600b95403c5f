//! The `?` beside a control's label: what the parameter is, in a few sentences and a tiny
//! figure, opened by hover, by click or tap, and by Enter or Space, and read out with the button.

use crate::app::i18n::{Concept, Lang};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Props of [`ConceptTip`].
#[derive(Properties, PartialEq)]
pub struct ConceptTipProps {
    /// What the tip explains.
    pub concept: Concept,
    /// Interface language.
    pub lang: Lang,
}

/// A `?` button and its tip. The tip is the button's description, so a screen reader reads it
/// with the button; it shows while the pointer is over the button (where the screen can hover)
/// or once the button is pressed, until it is pressed again, the focus leaves or Escape.
#[component]
pub fn ConceptTip(props: &ConceptTipProps) -> Html {
    // Open (`Some(true)`), closed, or closed by Escape (`Some(false)`): then hovering does not
    // show it either until the pointer leaves.
    let state = use_state(|| None::<bool>);
    let open = *state == Some(true);
    let id = format!("tip-{}", props.concept as u8);
    let tip = use_node_ref();
    {
        let tip = tip.clone();
        use_effect_with(open, move |&open| {
            if let Some(tip) = tip.cast::<Element>().filter(|_| open) {
                scroll_into_drawer(&tip);
            }
        });
    }
    let set = |to: fn(Option<bool>) -> Option<bool>| {
        let state = state.clone();
        move || state.set(to(*state))
    };
    let onclick = {
        let toggle = set(|now| (now != Some(true)).then_some(true));
        Callback::from(move |_: MouseEvent| toggle())
    };
    let onkeydown = {
        let quiet = set(|_| Some(false));
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                quiet();
            }
        })
    };
    let onblur = {
        let close = set(|now| now.filter(|open| !open));
        Callback::from(move |_: FocusEvent| close())
    };
    let onmouseleave = {
        let calm = set(|now| now.filter(|&open| open));
        Callback::from(move |_: MouseEvent| calm())
    };
    let rows = figure(props.concept);
    let columns = rows.first().map_or(0, |row| row.len());
    html! {
        <span class={classes!("concept", open.then_some("open"), (*state == Some(false)).then_some("quiet"))} {onmouseleave}>
            <button type="button" class="tip-button" aria-label={props.lang.concept_title(props.concept)}
                aria-expanded={open.to_string()} aria-describedby={id.clone()} {onclick} {onkeydown} {onblur}>{ "?" }</button>
            <span class="tip" role="tooltip" {id} ref={tip}>
                { for props.lang.concept_text(props.concept).lines().map(|line| html! { <span class="tip-line">{ line }</span> }) }
                if columns > 0 {
                    <span class="tip-figure" aria-hidden="true" style={format!("--columns:{columns}")}>
                        { for rows.iter().flat_map(|row| row.chars()).map(|cell| html! { <i data-cell={cell.to_string()}></i> }) }
                    </span>
                }
            </span>
        </span>
    }
}

/// Scrolls the settings drawer so that an opened tip that reaches past its bottom shows whole.
fn scroll_into_drawer(tip: &Element) {
    if let Ok(Some(drawer)) = tip.closest(".drawer") {
        let past =
            tip.get_bounding_client_rect().bottom() - drawer.get_bounding_client_rect().bottom();
        if past > 0.0 {
            drawer.set_scroll_top(drawer.scroll_top() + past.ceil() as i32 + 8);
        }
    }
}

/// A tiny figure, row by row: `w` a cell the window reads, `0` a padding zero, `.` an input
/// cell, `-` the window past the input's edge, ` ` nothing.
fn figure(concept: Concept) -> &'static [&'static str] {
    match concept {
        // Two positions of a 3-cell window, stride 2 apart.
        Concept::Stride => &["www....", "..www.."],
        // Three taps with dilation 2.
        Concept::Dilation => &["w.w.w.."],
        // A 3×3 input in a ring of zeros.
        Concept::Padding => &["00000", "0...0", "0...0", "0...0", "00000"],
        // A 2-cell window with stride 2: the windows do not overlap.
        Concept::PoolWindow | Concept::PoolStride => &["ww....", "..ww..", "....ww"],
        // Ceil mode keeps the third window, which hangs past the edge of 5 cells.
        Concept::CeilMode => &["ww... ", "..ww. ", "....w-"],
        _ => &[],
    }
}

/// A control's label with its `?` beside it, outside the `<label>` so that the control's name
/// stays the label alone.
pub fn labelled(label: impl Into<AttrValue>, id: AttrValue, concept: Concept, lang: Lang) -> Html {
    html! {
        <span class="label-row">
            <label class="label" for={id}>{ label.into() }</label>
            <ConceptTip {concept} {lang} />
        </span>
    }
}
