//! Practice mode in the state: the set's current question is the example shown, at the step
//! before the one asked about, and the step is shown once the question is answered.

use super::State;
use crate::app::practice::session::{PracticeMove, Session};
use crate::app::practice::set::SetSpec;
use crate::app::shared::Shared;

impl State {
    /// Starts an exercise set at its first question.
    pub(super) fn start_practice(&mut self, set: SetSpec) {
        self.practice = Some(Session::new(set));
        self.lesson = None;
        self.show_question();
    }

    /// Applies a move in the set, and shows its question at the right step.
    pub(super) fn practise(&mut self, practice_move: PracticeMove) {
        if practice_move == PracticeMove::Leave {
            self.practice = None;
            return;
        }
        let Some(session) = self.practice.as_mut() else {
            return;
        };
        let moved = session.apply(practice_move);
        if moved || session.done.is_some() {
            self.show_question();
        }
    }

    /// Whether the example is locked: a question is waiting for its answer, so stepping or
    /// changing the example would give it away or change it.
    pub fn practice_locked(&self) -> bool {
        self.practice.as_ref().is_some_and(Session::asking)
    }

    /// Shows the current question's example: at the step before the one asked about while it
    /// is asked, at that step once answered.
    fn show_question(&mut self) {
        let Some(session) = &self.practice else {
            return;
        };
        let Some(question) = session.question() else {
            return;
        };
        let step = match session.done {
            Some(_) => question.step,
            None => question.shown_step(),
        };
        let settings = question.settings.clone();
        self.playing = false;
        self.refusal = None;
        self.sample = None;
        self.picture = None;
        if *self.settings != settings {
            self.use_settings(Shared::new(settings));
        }
        self.position = step.min(self.last_step());
    }
}
