//! The app's one state and the actions that change it; pure, so it is tested natively.
//!
//! Actions come in groups by concern: [`Change`] edits the example, [`Go`] moves through its
//! steps, [`Play`] runs playback, and the rest change how it is looked at. Each group is
//! applied in its own file.

mod change;
mod lesson;
mod moves;
mod practice;

pub use change::{Change, Refusal, Side, parse_number};
pub use lesson::LessonMove;
pub use moves::{Go, Play, SPEEDS};

use super::example::{Example, MapCell};
use super::i18n::Lang;
use super::learn::{self, LearnMove, Learning};
use super::lesson::LessonPlace;
use super::picture::{ChosenPicture, SAMPLES, SIZES};
use super::practice::session::{PracticeMove, Session};
use super::presentation::{Panel, Presentation};
use super::settings::Settings;
use super::shared::Shared;
use super::url::{Link, Notice, Reading};
use crate::engine::{Cell, EngineError};
use yew::Reducible;

/// The whole app state. Large parts are [`Shared`], so comparing two states is cheap and a
/// no-op action re-renders nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Interface language.
    pub lang: Lang,
    /// What the controls show; may not form a valid example.
    pub settings: Shared<Settings>,
    /// The last valid example, shown in the grids.
    pub example: Shared<Example>,
    /// Why `settings` is not what is shown, if it is not.
    pub error: Option<EngineError>,
    /// The current step: outputs before it are written, it is being written.
    pub position: usize,
    /// Whether playback is running.
    pub playing: bool,
    /// Playback speed in steps per second.
    pub speed: u32,
    /// The cell under the pointer: its window (in the map before) and the outputs it feeds
    /// (in the map after) are shown.
    pub hover: Option<MapCell>,
    /// The last refused typed value.
    pub refusal: Option<Refusal>,
    /// Link parameters that were not used as given when the page opened.
    pub link_notice: Notice,
    /// A cell of the last map whose receptive field is traced back to the input.
    pub traced: Option<Cell>,
    /// Theme, embed mode and hidden panels.
    pub presentation: Presentation,
    /// Whether the keyboard shortcut overlay is open.
    pub help_open: bool,
    /// Whether the learner opened (`true`) or closed (`false`) the settings drawer; `None`
    /// leaves it as the screen suits (see [`State::drawer_open`]).
    pub drawer: Option<bool>,
    /// The last picture the learner chose, kept at full size for its feature maps.
    pub picture: Option<Shared<ChosenPicture>>,
    /// The lesson open beside the figure, if any.
    pub lesson: Option<LessonPlace>,
    /// The sample picture (an identifier of [`SAMPLES`]) that `picture` is, or that the link
    /// named and the browser has still to decode ([`State::sample_request`]).
    pub sample: Option<&'static str>,
    /// Learning mode, when open: the target, the learning rate and the training steps.
    pub learn: Option<Learning>,
    /// The exercise set being practised, if any.
    pub practice: Option<Session>,
}

/// A sample picture a link names, for the browser to decode and send back as
/// [`Change::Picture`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleRequest {
    /// The sample's identifier.
    pub id: &'static str,
    /// Its file, relative to the page.
    pub path: &'static str,
    /// The side to scale it to: the link's input side when the input is square and that side
    /// is one of the picture sizes, else 16.
    pub size: usize,
    /// Whether to read it in colour: when the link asks for 3 channels.
    pub colour: bool,
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Change the example.
    Change(Change),
    /// Move through the steps.
    Go(Go),
    /// Playback.
    Play(Play),
    /// Pointer over a cell, or over nothing.
    Hover(Option<MapCell>),
    /// Trace a cell of the last map back to the input, or stop tracing.
    Trace(Option<Cell>),
    /// Switch the interface language.
    SetLang(Lang),
    /// Switch the projector theme on or off.
    SetProjector(bool),
    /// Show the worksheet to print, or the step view again.
    SetSheet(bool),
    /// Hide or show a panel.
    SetHidden(Panel, bool),
    /// Open or close the keyboard shortcut overlay.
    ToggleHelp,
    /// Close the keyboard shortcut overlay.
    CloseHelp,
    /// Open or close the settings drawer.
    SetDrawer(bool),
    /// Open, move through or close a lesson.
    Lesson(LessonMove),
    /// Open, change or close learning mode.
    Learn(LearnMove),
    /// Answer, ask for a hint or move on in an exercise set.
    Practice(PracticeMove),
}

impl State {
    /// A state showing `settings`. Settings that do not form an example are kept for the
    /// controls, with the engine's reason, beside the nearest example that does form.
    pub fn new(lang: Lang, settings: Settings) -> Self {
        let settings = Shared::new(settings);
        let (example, error) = match Example::build(&settings) {
            Ok(example) => (example, None),
            Err(error) => (fallback_example(&settings), Some(error)),
        };
        State {
            lang,
            settings,
            example: Shared::new(example),
            error,
            position: 0,
            playing: false,
            speed: 2,
            hover: None,
            refusal: None,
            link_notice: Notice::default(),
            traced: None,
            presentation: Presentation::default(),
            help_open: false,
            drawer: None,
            picture: None,
            lesson: None,
            sample: None,
            learn: None,
            practice: None,
        }
    }

    /// The state a link describes, with a notice naming every parameter not used as given.
    pub fn from_link(reading: Reading, browser_lang: Lang) -> Self {
        let Reading { link, notice } = reading;
        let settings = std::rc::Rc::unwrap_or_clone(link.settings);
        let mut state = State::new(link.lang.unwrap_or(browser_lang), settings);
        state.position = link.step.min(state.last_step());
        state.link_notice = notice;
        state.presentation = link.presentation;
        state.lesson = link.lesson;
        state.sample = link.sample;
        state.learn = link.learn;
        if let Some(set) = link.practice {
            state.start_practice(set);
        }
        state
    }

    /// The sample picture the link named, while the browser has not decoded it yet.
    pub fn sample_request(&self) -> Option<SampleRequest> {
        let id = self.sample.filter(|_| self.picture.is_none())?;
        let &(id, path) = SAMPLES.iter().find(|(sample, _)| *sample == id)?;
        let [rows, columns] = self.settings.input_size;
        let size = if rows == columns && SIZES.contains(&rows) {
            rows
        } else {
            16
        };
        Some(SampleRequest {
            id,
            path,
            size,
            colour: self.settings.channels == 3,
        })
    }

    /// What a link to this view holds.
    pub fn link(&self) -> Link {
        if let Some(session) = &self.practice {
            // The set's link: its operation and seed, not the question on screen.
            let set = &session.set;
            let settings = Settings {
                seed: set.seed,
                ..Settings::fresh(set.operation)
            };
            return Link {
                settings: std::rc::Rc::new(settings),
                lang: Some(self.lang),
                presentation: self.presentation.clone(),
                practice: Some(set.clone()),
                ..Link::default()
            };
        }
        Link {
            settings: self.settings.0.clone(),
            step: self.position,
            lang: Some(self.lang),
            presentation: self.presentation.clone(),
            lesson: self.lesson.clone(),
            sample: self.sample_shown(),
            learn: self.learn.clone(),
            practice: None,
        }
    }

    /// The sample picture that is the input, or that is still to be loaded as the input.
    pub fn sample_shown(&self) -> Option<&'static str> {
        self.sample.filter(|_| {
            self.picture
                .as_ref()
                .is_none_or(|picture| picture.is_input(&self.settings.input_view()))
        })
    }

    /// The last step number.
    pub fn last_step(&self) -> usize {
        self.example.steps().saturating_sub(1)
    }

    /// Whether the settings drawer is open: as the learner left it, or else open only on a
    /// wide screen in the light theme outside embed mode and outside a lesson (whose text takes
    /// its place), where it fits beside the grids.
    pub fn drawer_open(&self, narrow: bool) -> bool {
        let presentation = &self.presentation;
        self.drawer.unwrap_or(
            !narrow && !presentation.projector && !presentation.embed && self.lesson.is_none(),
        )
    }

    /// `(stage, step within the stage)` of the current position.
    pub fn focus(&self) -> (usize, usize) {
        self.example
            .pipeline
            .locate(self.position)
            .unwrap_or((0, 0))
    }

    /// Applies one action, returning the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            // While a question waits for its answer, the step and the example stay as asked.
            Action::Change(_) | Action::Go(_) | Action::Play(_) if self.practice_locked() => {}
            Action::Change(change) => next.change(change),
            Action::Go(go) => next.go(go),
            Action::Play(play) => next.play(play),
            Action::Hover(hover) => next.hover = hover,
            Action::Trace(cell) => next.traced = cell,
            Action::SetLang(lang) => next.lang = lang,
            Action::SetProjector(on) => {
                next.presentation.projector = on;
                // The drawer takes the new theme's default again.
                next.drawer = None;
            }
            Action::SetSheet(on) => next.presentation.sheet = on,
            Action::SetHidden(panel, hidden) => next.presentation.set_hidden(panel, hidden),
            Action::ToggleHelp => next.help_open = !self.help_open,
            Action::CloseHelp => next.help_open = false,
            Action::SetDrawer(open) => next.drawer = Some(open),
            Action::Lesson(lesson_move) => next.move_in_lesson(lesson_move),
            Action::Learn(LearnMove::Open(true)) if self.learn.is_none() => {
                next.learn = Some(Learning {
                    rate: learn::opening_rate(&self.example.pipeline),
                    ..Learning::default()
                });
            }
            Action::Learn(learn_move) => next.learn = learn_move.apply(self.learn.as_ref()),
            Action::Practice(practice_move) => next.practise(practice_move),
        }
        next
    }
}

impl Default for State {
    fn default() -> Self {
        State::new(Lang::En, Settings::default())
    }
}

impl Reducible for State {
    type Action = Action;

    /// Used with `use_reducer_eq`: a next state equal to this one re-renders nothing.
    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        std::rc::Rc::new(self.apply(action))
    }
}

/// The example shown beside settings that do not form one: the fresh example of the same
/// operation, so the grids show the kind of layer the controls name, greyed out as stale.
pub(super) fn fallback_example(settings: &Settings) -> Example {
    let same_kind = Settings {
        block_activation: settings.block_activation,
        block_pool: settings.block_pool,
        block_start: settings.block_start,
        ..Settings::fresh(settings.operation)
    };
    Example::build(&Shared::new(same_kind))
        .or_else(|_| Example::build(&Shared::new(Settings::default())))
        // The default example is valid (tested); without Debug so no formatting code ships.
        .unwrap_or_else(|_| unreachable!("the default example is valid"))
}
