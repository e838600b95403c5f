//! Practice mode, natively: each common mistake recognised from an answer worked by hand, no
//! right answer ever named as a mistake, typed answers read, and the set and its progress.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::practice::answer::{AnswerError, number, size};
use convstep::app::practice::mistakes::Mistake;
use convstep::app::practice::session::{Outcome, PracticeMove, Session, parse_progress};
use convstep::app::practice::set::SetSpec;
use convstep::app::practice::{Answer, Kind, Question, Verdict, Worked};
use convstep::app::settings::Operation;
use convstep::app::state::{Action, Go, State};
use convstep::app::url;
use convstep::engine::Cell;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// A question of `kind` on the example a link describes.
fn question(kind: Kind, query: &str, step: usize) -> Question {
    let reading = url::read(query);
    assert!(
        reading.notice.refused.is_empty(),
        "{query}: {:?}",
        reading.notice
    );
    Question {
        kind,
        settings: (*reading.link.settings).clone(),
        step,
        cell: cell(0, 0, 0),
    }
}

fn cell(channel: usize, row: usize, column: usize) -> Cell {
    Cell {
        channel,
        row,
        column,
    }
}

fn worked(question: &Question) -> Worked {
    question.work_out().expect("the example builds")
}

/// Checks the right answer is right and `wrong` is named as `mistake`.
fn named(question: &Question, right: Answer, wrong: Answer, mistake: Mistake) {
    let worked = worked(question);
    assert_eq!(worked.solution, right);
    assert_eq!(worked.judge(&right), Verdict::Right);
    assert_eq!(worked.judge(&wrong), Verdict::Wrong(Some(mistake)));
}

// The tutorial's first window: [1 2 3; 0 1 2; 3 0 1] · [2 0 1; 0 1 2; 1 0 2]
// = 2+0+3 + 0+1+4 + 3+0+2 = 15.

#[test]
fn a_flipped_kernel_is_named() {
    // Rotated 180°, the kernel is [2 0 1; 2 1 0; 1 0 2]: 2+0+3 + 0+1+0 + 3+0+2 = 11.
    let question = question(Kind::Value, "?in=4", 0);
    named(
        &question,
        Answer::Number(15.),
        Answer::Number(11.),
        Mistake::FlippedKernel,
    );
}

#[test]
fn a_left_out_bias_is_named() {
    let question = question(Kind::Value, "?in=4&b=5", 0);
    named(
        &question,
        Answer::Number(20.),
        Answer::Number(15.),
        Mistake::NoBias,
    );
}

#[test]
fn a_left_out_term_is_named() {
    // 15 without the 3·1 of the first row.
    let question = question(Kind::Value, "?in=4", 0);
    named(
        &question,
        Answer::Number(15.),
        Answer::Number(12.),
        Mistake::LeftOutTerm,
    );
}

#[test]
fn a_left_out_channel_is_named() {
    // Channel 0 is all 1s, channel 1 all 2s, every weight 1: 9 + 18; without channel 0, 18.
    let x = "1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2";
    let w = ["1"; 18].join(",");
    let question = question(Kind::Value, &format!("?in=3&ch=2&x={x}&w={w}"), 0);
    named(
        &question,
        Answer::Number(27.),
        Answer::Number(18.),
        Mistake::LeftOutChannel,
    );
    named(
        &question,
        Answer::Number(27.),
        Answer::Number(9.),
        Mistake::LeftOutChannel,
    );
}

#[test]
fn forgotten_padding_is_named_in_a_value_a_size_and_a_window() {
    // With 1 cell of padding the first window reads [1 2; 0 1] with the kernel's lower right
    // [1 2; 0 2]: 1 + 4 + 0 + 2 = 7. Without it, the tutorial's 15.
    let value = question(Kind::Value, "?in=4&pad=1", 0);
    named(
        &value,
        Answer::Number(7.),
        Answer::Number(15.),
        Mistake::NoPadding,
    );
    let sizes = question(Kind::Size, "?in=5&k=3&pad=1", 0);
    named(
        &sizes,
        Answer::Size([5, 5]),
        Answer::Size([3, 3]),
        Mistake::NoPadding,
    );
    let window = question(Kind::Window, "?in=4&pad=1", 0);
    let cells = |rows: usize, columns: usize| {
        let mut set = BTreeSet::new();
        for row in 0..rows {
            for column in 0..columns {
                set.insert(cell(0, row, column));
            }
        }
        Answer::Cells(set)
    };
    named(&window, cells(2, 2), cells(3, 3), Mistake::NoPadding);
}

#[test]
fn padding_counted_or_not_in_an_average_is_named() {
    // Output cell (0, 1) of a 2×2 average with 1 cell of padding reads 2 and 3 and two
    // padding cells: 5/4 counting them, 5/2 not.
    let counted = question(Kind::Value, "?op=avg-pool&in=4&k=2&s=2&pad=1", 1);
    named(
        &counted,
        Answer::Number(1.25),
        Answer::Number(2.5),
        Mistake::PaddingNotCounted,
    );
    let uncounted = question(Kind::Value, "?op=avg-pool&in=4&k=2&s=2&pad=1&incpad=0", 1);
    named(
        &uncounted,
        Answer::Number(2.5),
        Answer::Number(1.25),
        Mistake::PaddingCounted,
    );
}

#[test]
fn the_ceiling_for_the_floor_and_the_reverse_are_named() {
    // ⌊(5 − 2) / 2⌋ + 1 = 2, ⌈(5 − 2) / 2⌉ + 1 = 3.
    let floor = question(Kind::Size, "?in=5&k=2&s=2", 0);
    named(
        &floor,
        Answer::Size([2, 2]),
        Answer::Size([3, 3]),
        Mistake::CeilForFloor,
    );
    let ceil = question(Kind::Size, "?op=max-pool&in=5&k=2&s=2&ceil=1", 0);
    named(
        &ceil,
        Answer::Size([3, 3]),
        Answer::Size([2, 2]),
        Mistake::FloorForCeil,
    );
    // `same` on 5 with stride 2 makes ⌈5/2⌉ = 3 outputs: (3 − 1)·2 + 3 − 5 = 2 cells of
    // padding; with ⌊5/2⌋ = 2 outputs, (2 − 1)·2 + 3 − 5 = 0.
    let same = question(Kind::Same, "?in=5&k=3&s=2", 0);
    named(
        &same,
        Answer::Number(2.),
        Answer::Number(0.),
        Mistake::FloorForCeil,
    );
}

#[test]
fn an_off_by_one_size_is_named() {
    // (5 − 3) / 1 + 1 = 3: the + 1 forgotten gives 2, added twice 4.
    let sizes = question(Kind::Size, "?in=5&k=3", 0);
    named(
        &sizes,
        Answer::Size([3, 3]),
        Answer::Size([2, 2]),
        Mistake::OffByOne,
    );
    named(
        &sizes,
        Answer::Size([3, 3]),
        Answer::Size([4, 4]),
        Mistake::OffByOne,
    );
    let same = question(Kind::Same, "?in=5&k=3&s=2", 0);
    named(
        &same,
        Answer::Number(2.),
        Answer::Number(3.),
        Mistake::OffByOne,
    );
}

#[test]
fn the_stride_taken_as_the_window_width_is_named() {
    // (6 − 2) / 1 + 1 = 5 windows; moving by the width 2, (6 − 2) / 2 + 1 = 3.
    let sizes = question(Kind::Size, "?in=6&k=2", 0);
    named(
        &sizes,
        Answer::Size([5, 5]),
        Answer::Size([3, 3]),
        Mistake::StrideAsWidth,
    );
    // Max pooling 2×2 with stride 1, output cell (1, 1) (step 4 of 3×3): rows 1–2, columns 1–2 hold
    // [1 2; 0 1], won by the 2 at (1, 2). Moved by the width, the window is rows 2–3,
    // columns 2–3, [1 2; 0 1], won by (2, 3).
    let winner = question(Kind::Winner, "?op=max-pool&in=4&k=2&s=1", 4);
    let one = |row, column| Answer::Cells(BTreeSet::from([cell(0, row, column)]));
    named(&winner, one(1, 2), one(2, 3), Mistake::StrideAsWidth);
    // Input cell (1, 1) feeds all four outputs of a 3×3 kernel on 4×4; moved by 3, only (0, 0).
    let mut feeds = question(Kind::Feeds, "?in=4&k=3", 0);
    feeds.cell = cell(0, 1, 1);
    let all = (0..2).flat_map(|r| (0..2).map(move |c| cell(0, r, c)));
    named(
        &feeds,
        Answer::Cells(all.collect()),
        Answer::Cells(BTreeSet::from([cell(0, 0, 0)])),
        Mistake::StrideAsWidth,
    );
}

#[test]
fn relu_before_the_bias_is_named() {
    // The block's first window on its input (the tutorial's, 2s negative):
    // [1 −2 3; 0 1 −2; 3 0 1] · kernel = 2 + 3 + 1 − 4 + 3 + 2 = 7; with bias −10, ReLU(−3) = 0.
    // ReLU before the bias: ReLU(7) − 10 = −3.
    let question = question(Kind::Value, "?op=block&in=4&b=-10", 0);
    named(
        &question,
        Answer::Number(0.),
        Answer::Number(-3.),
        Mistake::ReluBeforeBias,
    );
}

#[test]
fn a_value_that_is_no_mistake_is_not_named() {
    let question = question(Kind::Value, "?in=4", 0);
    assert_eq!(
        worked(&question).judge(&Answer::Number(100.)),
        Verdict::Wrong(None)
    );
}

#[test]
fn decimals_are_checked_within_the_tolerance_shown() {
    // sigmoid(1) = 0.7310586: 0.73 is within 0.01.
    let question = question(Kind::Value, "?op=sigmoid&in=2&x=0,1,0,0", 1);
    let worked = worked(&question);
    assert_eq!(worked.tolerance, 0.01);
    assert_eq!(worked.judge(&Answer::Number(0.73)), Verdict::Right);
    assert_eq!(worked.judge(&Answer::Number(0.75)), Verdict::Wrong(None));
    // A whole-number answer is checked exactly.
    let whole = question_exact();
    assert_eq!(whole.tolerance, 0.0);
    assert_eq!(whole.judge(&Answer::Number(15.005)), Verdict::Wrong(None));
}

fn question_exact() -> Worked {
    worked(&question(Kind::Value, "?in=4", 0))
}

#[test]
fn typed_answers_are_read_or_refused_with_a_reason() {
    for text in ["7", "7.0", "7,0", " 7 ", "+7"] {
        assert_eq!(number(text), Ok(Answer::Number(7.)), "{text}");
    }
    assert_eq!(number("−3,5"), Ok(Answer::Number(-3.5)));
    assert_eq!(number(""), Err(AnswerError::Empty));
    assert_eq!(number("seven"), Err(AnswerError::NotANumber));
    assert_eq!(number("inf"), Err(AnswerError::NotANumber));
    assert_eq!(number("1e3"), Err(AnswerError::NotANumber));
    for text in ["3x4", "3×4", "3 X 4", "3*4"] {
        assert_eq!(size(text), Ok(Answer::Size([3, 4])), "{text}");
    }
    assert_eq!(size("5"), Ok(Answer::Size([5, 5])));
    assert_eq!(size("3 by 4"), Err(AnswerError::NotASize));
    assert_eq!(size("  "), Err(AnswerError::Empty));
}

#[test]
fn a_set_link_gives_everyone_the_same_questions_and_round_trips() {
    let query = "?practice=value,size,winner&count=5&sizes=4-5&op=avg-pool&seed=9";
    let set = url::read(query).link.practice.expect("a set");
    assert_eq!(set.kinds, vec![Kind::Value, Kind::Size, Kind::Winner]);
    assert_eq!((set.count, set.sides, set.seed), (5, [4, 5], 9));
    assert_eq!(set.operation, Operation::AveragePool);
    let questions = set.questions();
    assert_eq!(
        questions,
        url::read(query).link.practice.unwrap().questions()
    );
    let kinds: Vec<Kind> = questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Value,
            Kind::Size,
            Kind::Winner,
            Kind::Value,
            Kind::Size
        ]
    );
    assert_eq!(questions[0].settings.operation, Operation::AveragePool);
    assert_eq!(questions[2].settings.operation, Operation::MaxPool);
    for question in &questions {
        let [rows, columns] = question.settings.input_size;
        assert!((4..=5).contains(&rows) && (4..=5).contains(&columns));
    }
    // The state's link writes the set back, not the question on screen.
    let state = State::from_link(url::read(query), Default::default());
    let written = url::write(&state.link(), &[url::Part::Example, url::Part::Place]);
    assert_eq!(url::read(&written).link.practice, Some(set));
    assert!(!written.contains("x="), "{written}");
}

#[test]
fn a_bad_set_parameter_is_named_and_defaulted() {
    let reading = url::read("?practice=value,nonsense");
    assert_eq!(reading.notice.refused, ["practice"]);
    assert_eq!(reading.link.practice, None);
    let reading = url::read("?practice=size&count=99&sizes=9-2");
    assert_eq!(reading.notice.refused, ["count", "sizes"]);
    let defaults = SetSpec {
        kinds: vec![Kind::Size],
        ..SetSpec::default()
    };
    assert_eq!(reading.link.practice, Some(defaults));
}

#[test]
fn the_state_hides_the_step_until_answered_and_keeps_the_score() {
    let query = "?practice=value&count=2&seed=3";
    let state = State::from_link(url::read(query), Default::default());
    let session = state.practice.clone().unwrap();
    let first = session.question().unwrap().clone();
    assert_eq!(state.position, first.step - 1);
    // Stepping would show the answer: it is refused while the question is asked.
    let stepped = state.apply(Action::Go(Go::Forward));
    assert_eq!(stepped.position, state.position);
    let solution = first.work_out().unwrap().solution;
    let state = state
        .apply(Action::Practice(PracticeMove::Hint))
        .apply(Action::Practice(PracticeMove::Answer(solution)));
    let session = state.practice.clone().unwrap();
    assert_eq!(session.done, Some(Outcome::AfterHint));
    assert_eq!(
        state.position, first.step,
        "the step is shown once answered"
    );
    // A wrong try shows the right answer: answered right after it, the question does not score.
    let second = session.questions[1].work_out().unwrap().solution;
    let wrong = Answer::Number(1000.);
    let state = state
        .apply(Action::Practice(PracticeMove::Next))
        .apply(Action::Practice(PracticeMove::Answer(wrong)))
        .apply(Action::Practice(PracticeMove::Hint))
        .apply(Action::Practice(PracticeMove::Answer(second)))
        .apply(Action::Practice(PracticeMove::Next));
    let session = state.practice.clone().unwrap();
    // Leaving practice keeps the example to explore, and its link is the example's again.
    let left = state.apply(Action::Practice(PracticeMove::Leave));
    assert!(left.practice.is_none());
    assert_eq!(left.settings, state.settings);
    assert!(
        url::read(&url::write(&left.link(), &[url::Part::Example]))
            .link
            .practice
            .is_none()
    );
    assert!(session.finished());
    assert_eq!((session.score(), session.records.len()), (1, 2));
    let summary = session.summary();
    assert_eq!((summary.after_hint, summary.later_try), (1, 1));
}

#[test]
fn progress_survives_local_storage() {
    let set = SetSpec {
        count: 4,
        ..SetSpec::default()
    };
    let mut session = Session::new(set.clone());
    let wrong = Answer::Size([60, 60]);
    session.apply(PracticeMove::Reveal);
    session.apply(PracticeMove::Next);
    session.apply(PracticeMove::Answer(wrong));
    session.apply(PracticeMove::Reveal);
    session.apply(PracticeMove::Next);
    let text = session.progress_text();
    assert_eq!(text, "R,R");
    let mut restored = Session::new(set);
    assert!(restored.apply(PracticeMove::Restore(text)));
    assert_eq!((restored.index, restored.records.len()), (2, 2));
    let records = parse_progress("F,T:flip+bias,H,R:one").unwrap();
    assert_eq!(
        records[1].mistakes,
        [Mistake::FlippedKernel, Mistake::NoBias]
    );
    assert_eq!(parse_progress("F,Q"), None);
    assert_eq!(parse_progress("T:nonsense"), None);
}

#[test]
fn the_summary_names_the_mistakes_seen_most() {
    let mut session = Session::new(SetSpec::default());
    session.apply(PracticeMove::Restore(
        "F,T:one,T:one+pad,R:stride,H:one".to_owned(),
    ));
    let summary = session.summary();
    assert_eq!(
        (
            summary.first_time,
            summary.later_try,
            summary.after_hint,
            summary.revealed
        ),
        (1, 2, 1, 1)
    );
    assert_eq!(
        summary.common,
        [
            (Mistake::OffByOne, 3),
            (Mistake::NoPadding, 1),
            (Mistake::StrideAsWidth, 1)
        ]
    );
}

fn kinds() -> impl Strategy<Value = Vec<Kind>> {
    proptest::sample::subsequence(Kind::ALL.to_vec(), 1..=6)
}

fn operations() -> impl Strategy<Value = Operation> {
    proptest::sample::select(Operation::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Over random sets: the right answer is right, no mistake gives the right answer, and
    /// every mistake's answer is named as a mistake that gives it.
    #[test]
    fn no_right_answer_is_named_as_a_mistake(
        kinds in kinds(), operation in operations(), seed in any::<u64>(), low in 3usize..=6,
    ) {
        let set = SetSpec { kinds, count: 6, operation, sides: [low, low + 2], seed };
        for question in set.questions() {
            let worked = question.work_out().expect("every question of a set is worked out");
            prop_assert_eq!(worked.judge(&worked.solution), Verdict::Right);
            for (mistake, answer) in &worked.mistakes {
                let Verdict::Wrong(Some(named)) = worked.judge(answer) else {
                    panic!("{mistake:?} gave {answer:?}, the right answer or unnamed");
                };
                let named_answer = worked.mistakes.iter().find(|(m, a)| *m == named && a == answer);
                prop_assert!(named_answer.is_some() || named == *mistake);
            }
        }
    }
}
