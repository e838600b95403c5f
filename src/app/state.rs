//! The app's one state and the actions that change it; pure, so it is tested natively.

use super::i18n::Lang;
use super::picture::ChosenPicture;
use super::presentation::{Panel, Presentation};
use super::settings::{Operation, PaddingChoice, Settings, Values};
use super::shared::Shared;
use super::view::{PlaneBase, kernel_bases, map_bases};
use crate::engine::{
    Axis, Cell, EngineError, FeatureMap, Layer, Pipeline, error::Part, fill::RandomKind,
    limits::check_value, presets::KernelPreset,
};
use std::rc::Rc;
use yew::Reducible;

/// The last example that formed a valid pipeline: what the grids show.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The settings it was built from.
    pub settings: Rc<Settings>,
    /// The engine's stages, each with its full output.
    pub pipeline: Pipeline,
    /// The unchanging part of every map's grids, built once.
    pub bases: Vec<Vec<Shared<PlaneBase>>>,
    /// The unchanging part of every convolution stage's kernel grids, built once.
    pub kernels: Vec<Vec<Shared<PlaneBase>>>,
}

impl Shown {
    /// Builds what the grids show, or the engine's reason why not.
    pub fn build(settings: &Rc<Settings>) -> Result<Self, EngineError> {
        let mut shown = Shown {
            settings: settings.clone(),
            pipeline: settings.build()?,
            bases: Vec::new(),
            kernels: Vec::new(),
        };
        shown.bases = map_bases(&shown);
        shown.kernels = kernel_bases(&shown);
        Ok(shown)
    }

    /// Number of steps over every stage.
    pub fn steps(&self) -> usize {
        self.pipeline.total_steps()
    }

    /// The stage at index `stage`.
    pub fn stage(&self, stage: usize) -> Option<&Layer> {
        self.pipeline.stages().get(stage)
    }

    /// The feature maps in order: the input, then each stage's output.
    pub fn map_count(&self) -> usize {
        self.pipeline.map_count()
    }

    /// Feature map `map`: 0 is the input, `k` the output of stage `k - 1`.
    pub fn map(&self, map: usize) -> Option<&FeatureMap> {
        self.pipeline.map(map)
    }
}

/// A cell of one of the feature maps (0 is the input, `k` the output of stage `k - 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MapCell {
    /// Which map.
    pub map: usize,
    /// The cell in it.
    pub cell: Cell,
}

/// What the pointer is over: a cell of a map. Its window (in the map before) and the outputs
/// it feeds (in the map after) are shown.
pub type Hover = MapCell;

/// Why a typed value was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The text is not a number.
    NotANumber {
        /// What was typed.
        text: String,
    },
    /// The number is out of range for the engine.
    Engine(EngineError),
}

/// Playback speeds in steps per second.
pub const SPEEDS: [u32; 5] = [1, 2, 4, 8, 16];

/// The whole app state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Interface language.
    pub lang: Lang,
    /// What the controls show; may not form a valid layer.
    pub settings: Rc<Settings>,
    /// The last valid example, shown in the grids.
    pub shown: Rc<Shown>,
    /// Why `settings` is not what is shown, if it is not.
    pub error: Option<EngineError>,
    /// The current step: outputs before it are written, it is being written.
    pub position: usize,
    /// Whether playback is running.
    pub playing: bool,
    /// Playback speed in steps per second.
    pub speed: u32,
    /// What the pointer is over.
    pub hover: Option<Hover>,
    /// The last refused cell edit.
    pub refusal: Option<Refusal>,
    /// Link parameters that were ignored when the page opened.
    pub ignored_parameters: Vec<String>,
    /// A cell of the last map whose receptive field is traced back to the input.
    pub traced: Option<Cell>,
    /// Theme, embed mode and hidden panels.
    pub presentation: Presentation,
    /// Whether the keyboard shortcut overlay is open.
    pub help_open: bool,
    /// The last picture the learner chose, kept at full size for its feature maps.
    pub picture: Option<Shared<ChosenPicture>>,
}

impl State {
    /// A state showing `settings`, or the default example if they do not form a layer.
    pub fn new(lang: Lang, settings: Settings) -> Self {
        let settings = Rc::new(settings);
        let (shown, error) = match Shown::build(&settings) {
            Ok(shown) => (shown, None),
            Err(error) => match Shown::build(&Rc::new(Settings::default())) {
                Ok(default) => (default, Some(error)),
                // The default example is valid (tested); without Debug so no formatting code ships.
                Err(_) => unreachable!("the default example is valid"),
            },
        };
        State {
            lang,
            settings,
            shown: Rc::new(shown),
            error,
            position: 0,
            playing: false,
            speed: 2,
            hover: None,
            refusal: None,
            ignored_parameters: Vec::new(),
            traced: None,
            presentation: Presentation::default(),
            help_open: false,
            picture: None,
        }
    }

    /// The state a link describes: its settings, step and language, with a notice naming
    /// every parameter that was ignored.
    pub fn from_link(query: &str, browser_lang: Lang) -> Self {
        let link = super::url::read(query);
        let mut state = State::new(link.lang.unwrap_or(browser_lang), link.settings);
        state.position = link.step.min(state.last_step());
        state.ignored_parameters = link.refused;
        state.presentation = link.presentation;
        state
    }

    /// The last step number.
    pub fn last_step(&self) -> usize {
        self.shown.steps().saturating_sub(1)
    }

    /// `(stage, step within the stage)` of the current position.
    pub fn focus(&self) -> (usize, usize) {
        self.shown.pipeline.locate(self.position).unwrap_or((0, 0))
    }
}

impl Default for State {
    fn default() -> Self {
        State::new(Lang::En, Settings::default())
    }
}

/// Which per-axis number a size control sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SizeField {
    /// Input rows or columns.
    Input,
    /// Kernel or window rows or columns.
    Kernel,
    /// Stride.
    Stride,
    /// Dilation.
    Dilation,
    /// The block's pooling window.
    PoolWindow,
    /// The block's pooling stride.
    PoolStride,
}

/// Which side a padding number sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Above.
    Top,
    /// Left.
    Left,
    /// Below.
    Bottom,
    /// Right.
    Right,
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Pick the operation.
    SetOperation(Operation),
    /// Set one axis of a size.
    SetSize(SizeField, Axis, usize),
    /// Set input channels.
    SetChannels(usize),
    /// Set filters.
    SetFilters(usize),
    /// Pick a padding mode (the menu's "custom" starts from the padding now in effect).
    SetPadding(PaddingChoice),
    /// Set one side's padding (switches to custom).
    SetPadSide(Side, usize),
    /// Pooling ceil mode.
    SetCeilMode(bool),
    /// Average pooling counts padding.
    SetCountIncludePad(bool),
    /// Flip the kernel.
    SetFlipKernel(bool),
    /// Set a filter's bias from typed text.
    SetBias(usize, String),
    /// Set the Leaky ReLU slope from typed text.
    SetSlope(String),
    /// Set a cell from typed text: `[plane, row, column]`.
    Edit(Values, [usize; 3], String),
    /// Fill with new random values (the kernel: one filter, or all when `None`).
    Randomize(Values, RandomKind, Option<usize>),
    /// Use a named kernel for one filter, or all when `None`.
    Preset(KernelPreset, Option<usize>),
    /// The block's activation.
    SetBlockActivation(Operation),
    /// The block's pooling (max or average).
    SetBlockPool(Operation),
    /// Go to the first step of the next stage.
    NextStage,
    /// Go to the first step of this stage, or of the previous one if already there.
    PreviousStage,
    /// Switch the projector theme on or off.
    SetProjector(bool),
    /// Hide or show a panel.
    SetHidden(Panel, bool),
    /// Open or close the keyboard shortcut overlay.
    ToggleHelp,
    /// Close the keyboard shortcut overlay.
    CloseHelp,
    /// The next (`true`) or previous operation in the menu.
    CycleOperation(bool),
    /// The next faster (`true`) or slower playback speed.
    ChangeSpeed(bool),
    /// Use a decoded picture as the input.
    LoadPicture(ChosenPicture),
    /// Trace a cell of the last map back to the input, or stop tracing.
    Trace(Option<Cell>),
    /// One step forward.
    StepForward,
    /// One step back.
    StepBack,
    /// Go to the first step.
    Start,
    /// Go to the last step.
    End,
    /// Go to a step.
    Seek(usize),
    /// Start or stop playback.
    TogglePlay,
    /// A playback timer tick.
    Tick,
    /// Playback speed.
    SetSpeed(u32),
    /// Pointer over something, or nothing.
    Hover(Option<Hover>),
    /// Switch the interface language.
    SetLang(Lang),
}

/// Parses a number as a learner types it: accepts a comma as the decimal mark and the
/// typographic minus sign.
pub fn parse_number(text: &str) -> Option<f32> {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '−' | '–' => '-',
            ',' => '.',
            other => other,
        })
        .collect();
    normal.parse::<f32>().ok().filter(|value| value.is_finite())
}

impl State {
    fn with_settings(&self, change: impl FnOnce(&mut Settings)) -> Self {
        let mut next = self.clone();
        change(Rc::make_mut(&mut next.settings));
        next.rebuild();
        next
    }

    fn rebuild(&mut self) {
        match Shown::build(&self.settings) {
            Ok(shown) => {
                self.position = self.position.min(shown.steps().saturating_sub(1));
                self.shown = Rc::new(shown);
                self.error = None;
            }
            Err(error) => {
                self.error = Some(error);
                self.playing = false;
            }
        }
        self.hover = None;
        self.traced = None;
    }

    fn parse_value(&mut self, part: Part, text: &str, at: [usize; 3]) -> Option<f32> {
        let Some(value) = parse_number(text) else {
            self.refusal = Some(Refusal::NotANumber {
                text: text.to_owned(),
            });
            return None;
        };
        if let Err(error) = check_value(part, value, at) {
            self.refusal = Some(Refusal::Engine(error));
            return None;
        }
        self.refusal = None;
        Some(value)
    }

    /// Applies one action, returning the next state.
    pub fn apply(&self, action: Action) -> Self {
        let set_axis = |pair: &mut [usize; 2], axis: Axis, value: usize| match axis {
            Axis::Rows => pair[0] = value,
            Axis::Columns => pair[1] = value,
        };
        match action {
            Action::SetOperation(operation) => self.with_settings(|s| s.operation = operation),
            Action::SetSize(field, axis, value) => self.with_settings(|s| match field {
                SizeField::Input => set_axis(&mut s.input_size, axis, value),
                SizeField::Kernel => set_axis(&mut s.kernel_size, axis, value),
                SizeField::Stride => set_axis(&mut s.stride, axis, value),
                SizeField::Dilation => set_axis(&mut s.dilation, axis, value),
                SizeField::PoolWindow => set_axis(&mut s.pool_size, axis, value),
                SizeField::PoolStride => set_axis(&mut s.pool_stride, axis, value),
            }),
            Action::SetChannels(channels) => self.with_settings(|s| s.channels = channels),
            Action::SetFilters(filters) => self.with_settings(|s| s.filters = filters),
            Action::SetPadding(choice) => self.with_settings(|s| s.padding = choice),
            Action::SetPadSide(side, value) => self.with_settings(|s| {
                let mut sides = match s.padding {
                    PaddingChoice::Custom(sides) => sides,
                    _ => self.shown.layer_sides().unwrap_or_default(),
                };
                match side {
                    Side::Top => sides.top = value,
                    Side::Left => sides.left = value,
                    Side::Bottom => sides.bottom = value,
                    Side::Right => sides.right = value,
                }
                s.padding = PaddingChoice::Custom(sides);
            }),
            Action::SetCeilMode(on) => self.with_settings(|s| s.ceil_mode = on),
            Action::SetCountIncludePad(on) => self.with_settings(|s| s.count_include_pad = on),
            Action::SetFlipKernel(on) => self.with_settings(|s| s.flip_kernel = on),
            Action::SetBias(filter, text) => {
                let mut next = self.clone();
                if let Some(value) = next.parse_value(Part::Bias, &text, [filter, 0, 0]) {
                    if let Some(bias) = Rc::make_mut(&mut next.settings).bias.get_mut(filter) {
                        *bias = value;
                    }
                    next.rebuild();
                }
                next
            }
            Action::SetSlope(text) => {
                let mut next = self.clone();
                match parse_number(&text) {
                    Some(slope) => {
                        next.refusal = None;
                        Rc::make_mut(&mut next.settings).slope = slope;
                        next.rebuild();
                    }
                    None => next.refusal = Some(Refusal::NotANumber { text }),
                }
                next
            }
            Action::Edit(values, at, text) => {
                let mut next = self.clone();
                let part = match values {
                    Values::Input => Part::Input,
                    Values::Kernel => Part::Kernel,
                };
                if let Some(value) = next.parse_value(part, &text, at) {
                    Rc::make_mut(&mut next.settings).set_value(values, at, value);
                    next.rebuild();
                }
                next
            }
            Action::Randomize(values, kind, filter) => {
                let seed = self
                    .settings
                    .seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                self.with_settings(|s| s.randomize(values, kind, seed, filter))
            }
            Action::Preset(preset, filter) => {
                self.with_settings(|s| s.apply_preset(preset, filter))
            }
            Action::SetBlockActivation(operation) => {
                self.with_settings(|s| s.block_activation = operation)
            }
            Action::SetBlockPool(operation) => self.with_settings(|s| s.block_pool = operation),
            Action::NextStage => {
                let (stage, _) = self.focus();
                self.at(self.shown.pipeline.global_step(stage + 1, 0))
            }
            Action::PreviousStage => {
                let (stage, step) = self.focus();
                let target = if step == 0 {
                    stage.saturating_sub(1)
                } else {
                    stage
                };
                self.at(self.shown.pipeline.global_step(target, 0))
            }
            Action::SetProjector(on) => {
                let mut next = self.clone();
                next.presentation.projector = on;
                next
            }
            Action::SetHidden(panel, hidden) => {
                let mut next = self.clone();
                next.presentation.set_hidden(panel, hidden);
                next
            }
            Action::ToggleHelp => State {
                help_open: !self.help_open,
                ..self.clone()
            },
            Action::CloseHelp => State {
                help_open: false,
                ..self.clone()
            },
            Action::CycleOperation(forward) => {
                let all = Operation::ALL;
                let index = all
                    .iter()
                    .position(|&op| op == self.settings.operation)
                    .unwrap_or(0);
                let next = if forward {
                    (index + 1) % all.len()
                } else {
                    (index + all.len() - 1) % all.len()
                };
                self.with_settings(|s| s.operation = all[next])
            }
            Action::ChangeSpeed(faster) => {
                let index = SPEEDS
                    .iter()
                    .position(|&speed| speed == self.speed)
                    .unwrap_or(1);
                let next = if faster {
                    (index + 1).min(SPEEDS.len() - 1)
                } else {
                    index.saturating_sub(1)
                };
                State {
                    speed: SPEEDS[next],
                    ..self.clone()
                }
            }
            Action::LoadPicture(picture) => State {
                picture: Some(Shared::new(picture.clone())),
                ..self.with_settings(|s| s.load_picture(&picture.step))
            },
            Action::Trace(cell) => State {
                traced: cell,
                ..self.clone()
            },
            Action::StepForward => self.at(self.position.saturating_add(1)),
            Action::StepBack => self.at(self.position.saturating_sub(1)),
            Action::Start => self.at(0),
            Action::End => self.at(self.last_step()),
            Action::Seek(step) => self.at(step),
            Action::TogglePlay => {
                let mut next = self.clone();
                next.playing = !self.playing;
                if next.playing && self.position >= self.last_step() {
                    next.position = 0;
                }
                next
            }
            Action::Tick => {
                let mut next = self.at(self.position.saturating_add(1));
                next.playing = self.playing && next.position < next.last_step();
                next
            }
            Action::SetSpeed(speed) => State {
                speed: speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1]),
                ..self.clone()
            },
            Action::Hover(hover) => State {
                hover,
                ..self.clone()
            },
            Action::SetLang(lang) => State {
                lang,
                ..self.clone()
            },
        }
    }

    /// The same state at step `step`, clamped to the steps there are.
    fn at(&self, step: usize) -> Self {
        State {
            position: step.min(self.last_step()),
            ..self.clone()
        }
    }
}

impl Shown {
    /// The resolved padding of the first stage, if it slides a window.
    pub fn layer_sides(&self) -> Option<crate::engine::Sides> {
        match self.stage(0)? {
            Layer::Conv(conv) => Some(conv.layout().sides()),
            Layer::Pool(pool) => Some(pool.layout().sides()),
            Layer::Activation(_) => None,
        }
    }
}

impl State {
    /// Whether `other` shows exactly the same thing, compared cheaply: the example and settings
    /// by identity, everything else by value.
    fn same_as(&self, other: &State) -> bool {
        Rc::ptr_eq(&self.settings, &other.settings)
            && Rc::ptr_eq(&self.shown, &other.shown)
            && self.lang == other.lang
            && self.error == other.error
            && self.position == other.position
            && self.playing == other.playing
            && self.speed == other.speed
            && self.hover == other.hover
            && self.refusal == other.refusal
            && self.ignored_parameters == other.ignored_parameters
            && self.traced == other.traced
            && self.presentation == other.presentation
            && self.help_open == other.help_open
            && self.picture == other.picture
    }
}

impl Reducible for State {
    type Action = Action;

    /// A no-op action returns the same `Rc`, so nothing re-renders.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next.same_as(&self) {
            self
        } else {
            Rc::new(next)
        }
    }
}
