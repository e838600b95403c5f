//! A "check yourself" question: the learner chooses, hears whether it is right, and may try
//! again or ask for the answer; the reason is shown once the answer is.

use super::lesson_text::spans;
use crate::app::i18n::Lang;
use crate::app::lesson::Check;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`LessonCheck`].
#[derive(Properties, PartialEq)]
pub struct LessonCheckProps {
    /// The question.
    pub check: Rc<Check>,
    /// Interface language.
    pub lang: Lang,
}

/// The question, its choices and the verdict. Keyed by chapter, so a new chapter starts fresh.
#[component]
pub fn LessonCheck(props: &LessonCheckProps) -> Html {
    let text = &props.lang.text().lesson;
    let chosen = use_state_eq(|| None::<usize>);
    let revealed = use_state_eq(|| false);
    let check = &props.check;
    let answered = *chosen == Some(check.answer) || *revealed;
    let choose = |index: usize| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(Some(index)))
    };
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let mark = |index: usize| {
        if answered && index == check.answer {
            Some("right")
        } else if *chosen == Some(index) {
            Some("wrong")
        } else {
            None
        }
    };
    html! {
        <fieldset class="lesson-check">
            <legend>{ text.check }</legend>
            <p class="question">{ spans(&check.question) }</p>
            <div class="choices">
                { for check.choices.iter().enumerate().map(|(index, choice)| html! {
                    <button type="button" class={classes!("choice", mark(index))} disabled={answered}
                        aria-pressed={(*chosen == Some(index)).to_string()} onclick={choose(index)}>
                        { spans(choice) }
                    </button>
                }) }
            </div>
            <div class="verdict" aria-live="polite">
                if answered {
                    <p>
                        if *chosen == Some(check.answer) { <strong>{ text.right }</strong>{ " " } }
                        if let Some(because) = &check.because { { spans(because) } }
                    </p>
                } else if chosen.is_some() {
                    <p>{ text.wrong }{ " " }<button type="button" class="show-answer" onclick={reveal}>{ text.show_answer }</button></p>
                }
            </div>
        </fieldset>
    }
}
