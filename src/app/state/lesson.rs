//! Moving through a lesson: opening it, showing a chapter's figure, closing it.

use super::State;
use crate::app::lesson::{LessonPlace, LessonSource};
use crate::app::shared::Shared;
use crate::app::url::Link;

/// What a learner does with a lesson.
#[derive(Debug, Clone, PartialEq)]
pub enum LessonMove {
    /// Open a lesson at its first chapter.
    Open(LessonSource),
    /// Go to a chapter and show its figure (the chapter's link, as read).
    Show(usize, Box<Link>),
    /// Close the lesson; the figure stays as it is.
    Close,
}

impl State {
    /// Applies a move through a lesson.
    pub(super) fn move_in_lesson(&mut self, lesson_move: LessonMove) {
        match lesson_move {
            LessonMove::Open(source) => {
                self.lesson = Some(LessonPlace {
                    source,
                    chapter: 0,
                    open_figure: true,
                });
                // The drawer takes its default again: closed, as the lesson's text takes its place.
                self.drawer = None;
            }
            LessonMove::Show(chapter, figure) => {
                let figure = *figure;
                if let Some(place) = self.lesson.as_mut() {
                    place.chapter = chapter;
                    place.open_figure = false;
                }
                self.playing = false;
                self.refusal = None;
                self.use_settings(Shared(figure.settings));
                self.position = figure.step.min(self.last_step());
                // A figure on a sample picture asks the browser for it, as its link would; one
                // without asks for none, even while an earlier figure's is still on its way.
                self.sample = figure.sample;
                if figure.sample.is_some() {
                    self.picture = None;
                }
            }
            LessonMove::Close => self.lesson = None,
        }
    }
}
