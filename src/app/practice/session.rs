//! A learner going through an exercise set: the question, its attempts and hints, the outcome
//! of each question answered, the score, and the summary at the end. Kept in local storage as
//! a short text ([`Session::progress_text`]), so a reload loses nothing.

use super::mistakes::Mistake;
use super::set::SetSpec;
use super::{Answer, Question, Verdict, Worked};
use crate::app::shared::Shared;

/// How many hints a question has: the window, the products, the sum.
pub const HINTS: u8 = 3;

/// How a question ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Right at the first try, without a hint.
    FirstTime,
    /// Right after a wrong try (which showed the right answer).
    LaterTry,
    /// Right after a hint, without a wrong try.
    AfterHint,
    /// The answer was revealed.
    Revealed,
}

impl Outcome {
    /// Its letter in local storage.
    fn letter(self) -> char {
        match self {
            Outcome::FirstTime => 'F',
            Outcome::LaterTry => 'T',
            Outcome::AfterHint => 'H',
            Outcome::Revealed => 'R',
        }
    }

    /// Whether it counts towards the score: a wrong try shows the right answer, so only an
    /// answer right before any wrong try scores, with or without hints.
    pub fn scores(self) -> bool {
        matches!(self, Outcome::FirstTime | Outcome::AfterHint)
    }
}

/// A question answered: how it ended and the mistakes named on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// How it ended.
    pub outcome: Outcome,
    /// The mistakes named, in order.
    pub mistakes: Vec<Mistake>,
}

/// The last answer checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// What the learner answered.
    pub given: Answer,
    /// The verdict.
    pub verdict: Verdict,
}

/// What a learner does in a set.
#[derive(Debug, Clone, PartialEq)]
pub enum PracticeMove {
    /// Check an answer.
    Answer(Answer),
    /// Show the next hint.
    Hint,
    /// Clear a wrong answer's feedback to try again.
    TryAgain,
    /// Show the answer.
    Reveal,
    /// Go to the next question (or the summary).
    Next,
    /// Start the set again from its first question.
    Restart,
    /// Take up the progress kept in local storage.
    Restore(String),
    /// Leave practice mode; the example on screen stays, to explore.
    Leave,
}

/// A learner in a set.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The set.
    pub set: SetSpec,
    /// Its questions.
    pub questions: Shared<Vec<Question>>,
    /// The current question (the number of questions when the set is done).
    pub index: usize,
    /// The current question worked out.
    pub worked: Option<Shared<Worked>>,
    /// The questions answered, in order.
    pub records: Vec<Record>,
    /// Hints shown for the current question.
    pub hints: u8,
    /// Wrong tries at the current question.
    pub tries: u32,
    /// Mistakes named at the current question.
    pub mistakes: Vec<Mistake>,
    /// The last answer checked, while its feedback is shown.
    pub feedback: Option<Feedback>,
    /// How the current question ended, once it has.
    pub done: Option<Outcome>,
}

/// The counts the summary shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Right at the first try.
    pub first_time: usize,
    /// Right after a wrong try.
    pub later_try: usize,
    /// Right after a hint.
    pub after_hint: usize,
    /// Revealed.
    pub revealed: usize,
    /// The mistakes named most, with how often, most first (at most three).
    pub common: Vec<(Mistake, usize)>,
}

impl Session {
    /// A learner at the start of `set`.
    pub fn new(set: SetSpec) -> Session {
        let questions = Shared::new(set.questions());
        let mut session = Session {
            set,
            questions,
            index: 0,
            worked: None,
            records: Vec::new(),
            hints: 0,
            tries: 0,
            mistakes: Vec::new(),
            feedback: None,
            done: None,
        };
        session.open(0);
        session
    }

    /// The current question, while the set is not done.
    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// Whether every question has been answered.
    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// Whether a question is waiting for its answer (the step is not to be shown yet).
    pub fn asking(&self) -> bool {
        !self.finished() && self.done.is_none()
    }

    /// Questions that count towards the score.
    pub fn score(&self) -> usize {
        self.records
            .iter()
            .filter(|record| record.outcome.scores())
            .count()
    }

    /// Opens question `index` with no attempt yet.
    fn open(&mut self, index: usize) {
        self.index = index.min(self.questions.len());
        self.worked = self
            .question()
            .and_then(Question::work_out)
            .map(Shared::new);
        self.hints = 0;
        self.tries = 0;
        self.mistakes.clear();
        self.feedback = None;
        self.done = None;
    }

    /// Ends the current question.
    fn end(&mut self, outcome: Outcome) {
        self.done = Some(outcome);
        self.records.push(Record {
            outcome,
            mistakes: self.mistakes.clone(),
        });
    }

    /// Applies a move. Returns whether the question changed (so the example must follow).
    pub fn apply(&mut self, practice_move: PracticeMove) -> bool {
        match practice_move {
            PracticeMove::Answer(answer) => {
                let Some(worked) = self.worked.clone().filter(|_| self.asking()) else {
                    return false;
                };
                let verdict = worked.judge(&answer);
                match verdict {
                    Verdict::Right => {
                        let outcome = if self.tries > 0 {
                            Outcome::LaterTry
                        } else if self.hints > 0 {
                            Outcome::AfterHint
                        } else {
                            Outcome::FirstTime
                        };
                        self.end(outcome);
                    }
                    Verdict::Wrong(mistake) => {
                        self.tries += 1;
                        self.mistakes.extend(mistake);
                    }
                }
                self.feedback = Some(Feedback {
                    given: answer,
                    verdict,
                });
                false
            }
            PracticeMove::Hint if self.asking() => {
                self.hints = (self.hints + 1).min(HINTS);
                false
            }
            PracticeMove::TryAgain => {
                self.feedback = None;
                false
            }
            PracticeMove::Reveal if self.asking() => {
                self.end(Outcome::Revealed);
                true
            }
            PracticeMove::Next if self.done.is_some() => {
                self.open(self.index + 1);
                true
            }
            PracticeMove::Restart => {
                self.records.clear();
                self.open(0);
                true
            }
            PracticeMove::Restore(text) => {
                let Some(records) = parse_progress(&text) else {
                    return false;
                };
                let index = records.len().min(self.questions.len());
                self.records = records;
                self.records.truncate(index);
                self.open(index);
                true
            }
            // Leaving is the state's to do: it drops the session.
            PracticeMove::Hint
            | PracticeMove::Reveal
            | PracticeMove::Next
            | PracticeMove::Leave => false,
        }
    }

    /// The progress as kept in local storage: one record a question answered, `F`, `T`, `H`
    /// or `R` followed by the mistakes named (`T:flip+bias`), separated by commas.
    pub fn progress_text(&self) -> String {
        let records: Vec<String> = self
            .records
            .iter()
            .map(|record| {
                let mistakes: Vec<&str> = record.mistakes.iter().map(|m| m.id()).collect();
                let mut text = record.outcome.letter().to_string();
                if !mistakes.is_empty() {
                    text.push(':');
                    text.push_str(&mistakes.join("+"));
                }
                text
            })
            .collect();
        records.join(",")
    }

    /// The summary of the questions answered.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        let mut counts: Vec<(Mistake, usize)> = Vec::new();
        for record in &self.records {
            match record.outcome {
                Outcome::FirstTime => summary.first_time += 1,
                Outcome::LaterTry => summary.later_try += 1,
                Outcome::AfterHint => summary.after_hint += 1,
                Outcome::Revealed => summary.revealed += 1,
            }
            for &mistake in &record.mistakes {
                match counts.iter_mut().find(|(seen, _)| *seen == mistake) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((mistake, 1)),
                }
            }
        }
        // Most first; equal counts keep the order they were first seen in. Picked one at a
        // time rather than sorted: a sort would cost the first load more than it is worth.
        while summary.common.len() < 3 {
            let most = counts.iter().map(|&(_, count)| count).max();
            let Some(index) = most.and_then(|most| counts.iter().position(|c| c.1 == most)) else {
                break;
            };
            summary.common.push(counts.remove(index));
        }
        summary
    }
}

/// Reads [`Session::progress_text`] back; `None` when it is not such a text.
pub fn parse_progress(text: &str) -> Option<Vec<Record>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',')
        .map(|record| {
            let (letter, mistakes) = record.split_once(':').unwrap_or((record, ""));
            let outcome = match letter {
                "F" => Outcome::FirstTime,
                "T" => Outcome::LaterTry,
                "H" => Outcome::AfterHint,
                "R" => Outcome::Revealed,
                _ => return None,
            };
            let mistakes = mistakes
                .split('+')
                .filter(|id| !id.is_empty())
                .map(Mistake::from_id)
                .collect::<Option<Vec<_>>>()?;
            Some(Record { outcome, mistakes })
        })
        .collect()
}
