//! Practice mode's panel: the question, the answer (typed, or cells clicked on a copy of the
//! map), hints one at a time, the verdict naming the mistake, the score, and the summary at
//! the end. Its progress is kept in local storage, and in embed mode each answer's score is
//! posted to the host page.

use super::practice_hooks::{focus_answer, show_verdict, use_progress_storage, use_score_report};
use super::practice_text::{answer_text, example_line, hint};
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::practice::answer::{number, size};
use crate::app::practice::session::{HINTS, Outcome, PracticeMove, Session};
use crate::app::practice::{Answer, Kind, Question, TOLERANCE, Verdict, Worked, set_of};
use crate::app::state::{Action, State};
use crate::engine::{Cell, Step, Stepper};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PracticePanel`].
#[derive(Properties, PartialEq)]
pub struct PracticePanelProps {
    /// The app state, in practice mode.
    pub state: Rc<State>,
    /// Dispatches the learner's moves.
    pub on_action: Callback<Action>,
}

/// The practice panel.
#[component]
pub fn PracticePanel(props: &PracticePanelProps) -> Html {
    let state = &props.state;
    let typed = use_state_eq(String::new);
    let picked = use_state_eq(BTreeSet::<Cell>::new);
    let error = use_state_eq(|| None::<String>);
    use_progress_storage(state, &props.on_action);
    use_score_report(state);
    let index = state.practice.as_ref().map_or(0, |session| session.index);
    {
        let (typed, picked, error) = (typed.clone(), picked.clone(), error.clone());
        use_effect_with(index, move |_| {
            typed.set(String::new());
            picked.set(BTreeSet::new());
            error.set(None);
        });
    }
    // Whenever an answer is awaited again (the next question, or trying again), the answer
    // takes the focus from the button that was pressed, so the keyboard goes on from there.
    let awaited = state
        .practice
        .as_ref()
        .is_some_and(|session| session.feedback.is_none());
    let started = use_mut_ref(|| false);
    use_effect_with(awaited, move |&awaited| {
        if awaited && started.replace(true) {
            focus_answer();
        }
    });
    // A verdict scrolls into the panel's view, so a short panel (a phone's) shows it.
    let verdict = state
        .practice
        .as_ref()
        .map(|session| (session.feedback.is_some(), session.tries, session.index));
    use_effect_with(verdict, |verdict| {
        if verdict.is_some_and(|(shown, _, _)| shown) {
            show_verdict();
        }
    });
    let Some(session) = state.practice.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let text = lang.practice();
    let act = |practice_move: PracticeMove| {
        props
            .on_action
            .reform(move |_: MouseEvent| Action::Practice(practice_move.clone()))
    };
    let count = session.questions.len();
    let progress = lang.practice_progress(session.index + 1, count, session.score());
    let leave = html! {
        <button type="button" class="leave" onclick={act(PracticeMove::Leave)}>{ text.leave }</button>
    };
    let header = html! {
        <p class="practice-progress">
            <span>{ progress }</span>
            <progress max={count.to_string()} value={session.records.len().to_string()}></progress>
            <button type="button" class="practice-sheet" onclick={props.on_action.reform(|_: MouseEvent| Action::SetSheet(true))}>{ lang.text().sheet.worksheet }</button>
            { leave.clone() }
        </p>
    };
    let (Some(question), Some(worked)) = (session.question(), session.worked.as_deref()) else {
        return html! {
            <section class="practice" aria-labelledby="practice-heading">
                <h2 id="practice-heading">{ text.summary }</h2>
                <p class="practice-progress">{ lang.practice_score(session.score(), count) }</p>
                { summary(session, lang) }
                <button type="button" onclick={act(PracticeMove::Restart)}>{ text.restart }</button>
                { leave }
            </section>
        };
    };
    let step = state
        .example
        .stage(0)
        .and_then(|stage| stage.step(question.step).ok());
    let prompt = lang.practice_question(question, question.output_cell());
    let on_submit = {
        let (typed, picked, error) = (typed.clone(), picked.clone(), error.clone());
        let on_action = props.on_action.clone();
        let kind = question.kind;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let read = match kind {
                Kind::Size => size(&typed),
                Kind::Value | Kind::Same => number(&typed),
                Kind::Window | Kind::Winner | Kind::Feeds => Ok(Answer::Cells((*picked).clone())),
            };
            match read {
                Ok(answer) => {
                    error.set(None);
                    on_action.emit(Action::Practice(PracticeMove::Answer(answer)));
                }
                Err(problem) => error.set(Some(lang.practice_answer_error(problem, &typed))),
            }
        })
    };
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let asking = session.asking() && session.feedback.is_none();
    let right = session.done.is_some();
    let shown = !asking;
    let field = if question.kind.clicks() {
        answer_grid(state, question, worked, &picked, shown, step.as_ref())
    } else {
        let placeholder = (question.kind == Kind::Size).then_some(text.size_placeholder);
        html! {
            <label class="practice-answer">{ text.answer_label }{ " " }
                <input id="practice-answer" type="text" inputmode={(question.kind != Kind::Size).then_some("decimal")}
                    autocomplete="off" value={(*typed).clone()} oninput={on_input} {placeholder} readonly={!asking}
                    aria-invalid={error.is_some().then_some("true")} aria-describedby="practice-error" />
            </label>
        }
    };
    let verdict = session
        .feedback
        .as_ref()
        .map(|feedback| match feedback.verdict {
            Verdict::Right => text.right.to_owned(),
            Verdict::Wrong(mistake) => {
                let named = mistake.map_or("", |mistake| lang.practice_mistake(mistake));
                format!("{} {named}", text.wrong)
            }
        });
    let revealed = session.done == Some(Outcome::Revealed);
    let announced = verdict.unwrap_or_else(|| prompt.clone());
    let last = session.index + 1 == count;
    html! {
        <section class="practice" aria-labelledby="practice-heading">
            <h2 id="practice-heading">{ text.heading }</h2>
            { header }
            <form class="practice-form" onsubmit={on_submit}>
                <p class="practice-example">{ example_line(question, lang) }</p>
                <p class="practice-question" id="practice-question">{ prompt }</p>
                if worked.tolerance > 0.0 {
                    <p class="note">{ lang.practice_tolerance(&format::number(TOLERANCE)) }</p>
                }
                { field }
                <p id="practice-error" class="practice-error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
                <div class="practice-buttons">
                    if asking {
                        <button key="check" type="submit" class="primary">{ text.check }</button>
                        <button key="hint" type="button" onclick={act(PracticeMove::Hint)} disabled={session.hints >= HINTS}>{ text.hint }</button>
                    } else if right || revealed {
                        <button key="next" type="button" class="primary next" onclick={act(PracticeMove::Next)}>
                            { if last { text.to_summary } else { text.next } }</button>
                    } else {
                        <button key="again" type="button" class="primary" onclick={act(PracticeMove::TryAgain)}>{ text.try_again }</button>
                        <button key="reveal" type="button" onclick={act(PracticeMove::Reveal)}>{ text.reveal }</button>
                    }
                </div>
            </form>
            if let Some(feedback) = session.feedback.as_ref().filter(|_| !revealed) {
                <p class={classes!("practice-verdict", if right { "right" } else { "wrong" })}>
                    { if right { text.right } else { text.wrong } }</p>
                if let Verdict::Wrong(Some(mistake)) = feedback.verdict {
                    <p class="practice-mistake">{ lang.practice_mistake(mistake) }</p>
                }
            }
            if let Some(feedback) = session.feedback.as_ref().filter(|_| !right || revealed) {
                <p class="practice-compare">
                    <span>{ text.your_answer }{ ": " }<strong class="given">{ answer_text(&feedback.given) }</strong></span>
                    <span>{ text.right_answer }{ ": " }<strong class="solution">{ answer_text(&worked.solution) }</strong></span>
                </p>
            }
            if revealed {
                <p class="practice-verdict">{ text.revealed_note }{ " " }{ text.right_answer }{ ": " }
                    <strong class="solution">{ answer_text(&worked.solution) }</strong></p>
            }
            if session.hints > 0 || shown {
                <ol class="practice-hints" aria-label={if shown { text.working } else { text.hint }}>
                    { for (1..=if shown { HINTS } else { session.hints }).map(|level| html! {
                        <li>{ hint(question, worked, step.as_ref(), level, state) }</li>
                    }) }
                </ol>
            }
            <div class="visually-hidden" aria-live="polite" data-testid="practice-live">{ announced }</div>
        </section>
    }
}

/// The map to click: the input for a window or a winner (with its values, and a winner's
/// window marked), the output for the cells an input cell feeds. Once answered, the right
/// cells are marked, and any picked wrongly.
fn answer_grid(
    state: &State,
    question: &Question,
    worked: &Worked,
    picked: &UseStateHandle<BTreeSet<Cell>>,
    shown: bool,
    step: Option<&Step>,
) -> Html {
    let lang = state.lang;
    let Some(stage) = state.example.stage(0) else {
        return html! {};
    };
    let feeds = question.kind == Kind::Feeds;
    let [channels, rows, columns] = if feeds {
        stage.output_shape()
    } else {
        stage.input_shape()
    };
    let input = question.settings.input_view();
    let mut window = BTreeSet::new();
    if let (Kind::Winner, Some(step)) = (question.kind, step) {
        window = set_of(step.taps.iter().filter_map(|tap| {
            let [row, column] = tap.source.read()?;
            Some(Cell {
                channel: tap.channel,
                row,
                column,
            })
        }));
    }
    let right = match &worked.solution {
        Answer::Cells(cells) => cells.clone(),
        _ => BTreeSet::new(),
    };
    let single = question.kind == Kind::Winner;
    let toggle = |cell: Cell| {
        let picked = picked.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = if single {
                BTreeSet::new()
            } else {
                (*picked).clone()
            };
            if !picked.contains(&cell) || single {
                next.insert(cell);
            }
            if !single && picked.contains(&cell) {
                next.remove(&cell);
            }
            picked.set(next);
        })
    };
    let plane = |channel: usize| {
        let cells = (0..rows * columns).map(|index| {
            let cell = Cell { channel, row: index / columns, column: index % columns };
            let value = (!feeds).then(|| input.get([channel, cell.row, cell.column]).copied()).flatten();
            let shown_value = value.map_or(String::new(), format::number);
            let chosen = picked.contains(&cell);
            let class = classes!(
                "pick",
                chosen.then_some("chosen"),
                window.contains(&cell).then_some("in-window"),
                (shown && right.contains(&cell)).then_some("right"),
                (shown && chosen && !right.contains(&cell)).then_some("wrong"),
            );
            html! {
                <button type="button" {class} aria-pressed={chosen.to_string()} disabled={shown}
                    aria-label={lang.cell_label(cell.row, cell.column, &shown_value)} onclick={toggle(cell)}>
                    { shown_value }</button>
            }
        });
        html! {
            <div class="pick-plane" role="group" aria-label={lang.channel_name(usize::from(feeds), channels, channel)}>
                if channels > 1 { <span class="pick-title">{ lang.channel_name(usize::from(feeds), channels, channel) }</span> }
                <div class="pick-cells" style={format!("grid-template-columns: repeat({columns}, auto)")}>{ for cells }</div>
            </div>
        }
    };
    html! {
        <div class="pick-grid" role="group" aria-label={lang.practice().grid_label} data-testid="practice-grid">
            { for (0..channels).map(plane) }
        </div>
    }
}

/// The summary of a finished set.
fn summary(session: &Session, lang: Lang) -> Html {
    let text = lang.practice();
    let counts = session.summary();
    let rows = [
        (text.first_time, counts.first_time),
        (text.later_try, counts.later_try),
        (text.after_hint, counts.after_hint),
        (text.revealed, counts.revealed),
    ];
    html! {
        <div class="practice-summary" data-testid="practice-summary">
            <dl>
                { for rows.into_iter().map(|(name, count)| html! { <><dt>{ name }</dt><dd>{ count }</dd></> }) }
            </dl>
            <h3>{ text.common_mistakes }</h3>
            if counts.common.is_empty() {
                <p>{ text.no_mistakes }</p>
            } else {
                <ul>
                    { for counts.common.iter().map(|&(mistake, count)| html! {
                        <li>{ lang.practice_mistake_name(mistake) }{ format!(" × {count}") }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
