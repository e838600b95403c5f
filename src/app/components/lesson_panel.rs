//! The lesson beside the figure: the chapter's text, what to try, a question, and the way
//! between chapters. Going to a chapter sets the figure up for it.

use super::lesson_check::LessonCheck;
use super::lesson_loader::{LessonLoad, use_lesson};
use super::lesson_text::{blocks, spans};
use crate::app::i18n::Lang;
use crate::app::lesson::{Lesson, LessonPlace};
use crate::app::settings::Settings;
use crate::app::shared::Shared;
use crate::app::state::{Action, LessonMove};
use crate::app::url;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`LessonPanel`].
#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    /// The lesson and the chapter.
    pub place: LessonPlace,
    /// The example the controls show, to tell whether the learner left the chapter's figure.
    pub settings: Shared<Settings>,
    /// The sample picture that is the input, if any.
    pub sample: Option<&'static str>,
    /// Interface language.
    pub lang: Lang,
    /// Where moves through the lesson go.
    pub on_action: Callback<Action>,
}

/// The lesson panel.
#[component]
pub fn LessonPanel(props: &LessonPanelProps) -> Html {
    let LessonPanelProps {
        place,
        settings,
        sample,
        lang,
        on_action,
    } = props;
    let text = &lang.text().lesson;
    let path = AttrValue::from(place.source.path(*lang));
    let load = use_lesson(path.clone());
    // A chapter's own link opens at the chapter's figure once the lesson is read.
    {
        let on_action = on_action.clone();
        let pending = place.open_figure.then_some(place.chapter);
        use_effect_with((load.clone(), pending), move |(load, pending)| {
            if let (LessonLoad::Ready(lesson), Some(chapter)) = (load, pending) {
                on_action.emit(show(lesson, *chapter));
            }
        });
    }
    let close = on_action.reform(|_: MouseEvent| Action::Lesson(LessonMove::Close));
    let lesson = match &load {
        LessonLoad::Ready(lesson) => lesson.clone(),
        LessonLoad::Loading => {
            return frame(
                *lang,
                close,
                html! { <p class="lesson-status">{ text.loading }</p> },
            );
        }
        LessonLoad::Failed(problem) => {
            let message = lang.lesson_problem(&path, problem);
            return frame(
                *lang,
                close,
                html! { <p class="lesson-status refusal" role="alert">{ message }</p> },
            );
        }
    };
    let last = lesson.chapters.len().saturating_sub(1);
    let at = place.chapter.min(last);
    let Some(chapter) = lesson.chapters.get(at) else {
        return Html::default();
    };
    let figure = url::read(&chapter.figure).link;
    let left_figure = match figure.sample {
        // The input comes from the picture, once it is decoded: compare the rest.
        Some(id) if *sample == Some(id) => {
            let mut expected = (*figure.settings).clone();
            expected.input = settings.input.clone();
            expected != **settings
        }
        _ => *figure.settings != **settings,
    };
    let go = |to: usize| {
        let (lesson, on_action) = (lesson.clone(), on_action.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(show(&lesson, to)))
    };
    let pick = {
        let (lesson, on_action) = (lesson.clone(), on_action.clone());
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(to) = value.parse::<usize>() {
                on_action.emit(show(&lesson, to.min(last)));
            }
        })
    };
    let progress = lang.chapter_of(at, last + 1);
    html! {
        <aside class="lesson" aria-label={text.open}>
            <div class="lesson-head">
                <select class="lesson-chapters" aria-label={text.chapters} onchange={pick}>
                    { for lesson.chapters.iter().enumerate().map(|(index, chapter)| html! {
                        <option value={index.to_string()} selected={index == at}>{ format!("{}. {}", index + 1, chapter.title) }</option>
                    }) }
                </select>
                <button type="button" class="lesson-close" aria-label={text.close} title={text.close} onclick={close}>{ "×" }</button>
            </div>
            <progress class="lesson-progress" max={(last + 1).to_string()} value={(at + 1).to_string()} aria-label={progress.clone()}></progress>
            <div class="lesson-text" tabindex="0" aria-labelledby="lesson-chapter">
                <h2 id="lesson-chapter">{ &chapter.title }</h2>
                { blocks(&chapter.body) }
                if let Some(try_this) = &chapter.try_this {
                    <p class="lesson-try"><strong>{ text.try_this }{ ": " }</strong>{ spans(try_this) }</p>
                }
                if let Some(check) = &chapter.check {
                    <LessonCheck key={at} check={Rc::new(check.clone())} lang={*lang} />
                }
            </div>
            <nav class="lesson-nav" aria-label={text.chapters}>
                <button type="button" data-lesson="back" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ "← " }{ text.back }</button>
                <span class="lesson-count" data-testid="chapter-count">{ progress }</span>
                if left_figure {
                    <button type="button" data-lesson="reset" onclick={go(at)}>{ text.reset }</button>
                }
                <button type="button" data-lesson="next" disabled={at == last} onclick={go((at + 1).min(last))}>{ text.next }{ " →" }</button>
            </nav>
        </aside>
    }
}

/// The panel around a message, while there is no chapter to show.
fn frame(lang: Lang, close: Callback<MouseEvent>, message: Html) -> Html {
    let text = &lang.text().lesson;
    html! {
        <aside class="lesson" aria-label={text.open}>
            <div class="lesson-head"><span class="lesson-title">{ text.open }</span>
                <button type="button" class="lesson-close" aria-label={text.close} title={text.close} onclick={close}>{ "×" }</button></div>
            { message }
        </aside>
    }
}

/// Going to `chapter` (clamped to the lesson), with its figure as its link reads.
fn show(lesson: &Lesson, chapter: usize) -> Action {
    let chapter = chapter.min(lesson.chapters.len().saturating_sub(1));
    let figure = lesson
        .chapters
        .get(chapter)
        .map(|c| url::read(&c.figure).link);
    Action::Lesson(LessonMove::Show(
        chapter,
        Box::new(figure.unwrap_or_default()),
    ))
}
