//! A lesson in the app's state: opening it, going to a chapter's figure, leaving it, closing it.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::lesson::LessonSource;
use convstep::app::state::{Action, Change, LessonMove, State};
use convstep::app::url;

fn chapter(state: &State, chapter: usize, figure: &str) -> State {
    state.apply(Action::Lesson(LessonMove::Show(
        chapter,
        Box::new(url::read(figure).link),
    )))
}

#[test]
fn a_chapter_sets_the_figure_up_at_its_step_and_the_learner_may_leave_it() {
    let state = State::default().apply(Action::Lesson(LessonMove::Open(LessonSource::BuiltIn)));
    let place = state.lesson.clone().expect("open");
    assert_eq!((place.chapter, place.open_figure), (0, true));
    // The lesson's text takes the drawer's place beside the grids.
    assert!(!state.drawer_open(false));

    let state = chapter(&state, 1, "in=5x5&k=3&s=2&step=3");
    let place = state.lesson.clone().expect("still open");
    assert_eq!((place.chapter, place.open_figure), (1, false));
    assert_eq!(state.example.settings.input_size, [5, 5]);
    assert_eq!(state.example.settings.stride, [2, 2]);
    assert_eq!(state.position, 2);
    assert_eq!(state.example.steps(), 4);

    // Exploring changes the figure, not the chapter; the link keeps both.
    let explored = state.apply(Action::Change(Change::Channels(2)));
    assert_eq!(explored.lesson, state.lesson);
    let query = url::write(&explored.link(), &[url::Part::Example, url::Part::Place]);
    let back = url::read(&query).link;
    assert_eq!(back.settings.channels, 2);
    assert_eq!(
        back.lesson.map(|place| (place.chapter, place.open_figure)),
        Some((1, false))
    );

    // A step past the end of a small figure opens at its last step.
    let state = chapter(&explored, 0, "in=4&k=3&step=99");
    assert_eq!(state.position, 3);
    let closed = state.apply(Action::Lesson(LessonMove::Close));
    assert_eq!(closed.lesson, None);
    assert_eq!(closed.settings, state.settings, "closing keeps the figure");
    assert!(closed.drawer_open(false));
    assert_eq!(closed.lang, Lang::En);
}

#[test]
fn a_chapter_on_a_sample_picture_asks_for_it_and_the_next_chapter_does_not() {
    let state = State::default().apply(Action::Lesson(LessonMove::Open(LessonSource::BuiltIn)));
    let state = chapter(&state, 5, "in=16x16&k=3&pic=house");
    let request = state.sample_request().expect("the picture is asked for");
    assert_eq!(
        (request.id, request.size, request.colour),
        ("house", 16, false)
    );
    // A chapter without a picture asks for none, even before the last one's has arrived.
    assert_eq!(chapter(&state, 6, "op=relu&in=4").sample_request(), None);
}
