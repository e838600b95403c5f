//! Changes to the example: the operation, its sizes and options, and the values the learner
//! types, fills or loads. Every change rebuilds the example or keeps the engine's reason why not.

use super::{State, fallback_example};
use crate::app::example::Example;
use crate::app::picture::ChosenPicture;
use crate::app::settings::BlockStart;
use crate::app::settings::{Operation, PaddingChoice, Settings, SizeField, Values};
use crate::app::shared::Shared;
use crate::app::tensor_text::Paste;
use crate::engine::{
    Axis, EngineError, PaddingMode, error::Position, fill::RandomKind, limits::check_value,
    presets::KernelPreset,
};

/// A change to the example.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Pick the operation: the sizes and values the learner has not set become the new
    /// operation's fresh ones ([`Settings::switch_operation`]).
    Operation(Operation),
    /// The next (`true`) or previous operation in the menu.
    CycleOperation(bool),
    /// Set one axis of a size.
    Size(SizeField, Axis, usize),
    /// Set input channels.
    Channels(usize),
    /// Set filters.
    Filters(usize),
    /// Pick a padding mode (the menu's "custom" starts from the padding now in effect).
    Padding(PaddingChoice),
    /// Set one side's padding (switches to custom).
    PadSide(Side, usize),
    /// What fills a convolution's padding.
    PaddingMode(PaddingMode),
    /// Set the convolution's groups.
    Groups(usize),
    /// Depthwise convolution: one group per channel, and one filter per channel.
    Depthwise,
    /// Pointwise convolution: a 1×1 kernel, one group.
    Pointwise,
    /// Pooling ceil mode.
    CeilMode(bool),
    /// Average pooling counts padding.
    CountIncludePad(bool),
    /// Flip the kernel.
    FlipKernel(bool),
    /// Set a filter's bias from typed text.
    Bias(usize, String),
    /// Set the Leaky ReLU slope from typed text.
    Slope(String),
    /// Set a cell from typed text: `[plane, row, column]`, where a kernel plane is
    /// `filter·channels + channel`.
    Value(Values, [usize; 3], String),
    /// Fill with new random values (the kernel: one filter, or all when `None`).
    Randomize(Values, RandomKind, Option<usize>),
    /// Use a named kernel for one filter, or all when `None`.
    Preset(KernelPreset, Option<usize>),
    /// The block's activation.
    BlockActivation(Operation),
    /// The block's pooling (max or average).
    BlockPool(Operation),
    /// Use a decoded picture as the input: the sample it is (an identifier of `SAMPLES`), if
    /// one, and the picture. A link to the view names the sample while it is the input.
    Picture(Option<&'static str>, ChosenPicture),
    /// Use a pasted tensor, already fitted to the example, as the input or the kernel.
    Paste(Paste),
    /// Step a transposed convolution one input cell at a time (else one output cell).
    Scatter(bool),
    /// What the block starts with.
    BlockStart(BlockStart),
    /// The depthwise-separable block, with at least 3 channels and 4 filters so that the
    /// saving over the ordinary convolution shows.
    Separable,
    /// Set pointwise weight `[filter, channel]` of the depthwise-separable block from typed text.
    PointwiseWeight([usize; 2], String),
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
    /// Applies a change to the example.
    pub(super) fn change(&mut self, change: Change) {
        let mut settings = self.settings.clone();
        let edit = settings.make_mut();
        match change {
            Change::Operation(operation) => edit.switch_operation(operation),
            Change::CycleOperation(forward) => {
                let all = Operation::ALL;
                let index = all.iter().position(|&op| op == edit.operation).unwrap_or(0);
                let step = if forward { 1 } else { all.len() - 1 };
                edit.switch_operation(all[(index + step) % all.len()]);
            }
            Change::Size(field, axis, value) => edit.set_size(field, axis, value),
            Change::Channels(channels) => edit.channels = channels,
            Change::Filters(filters) => edit.filters = filters,
            Change::Padding(choice) => edit.padding = choice,
            Change::PadSide(side, value) => {
                let mut sides = match edit.padding {
                    PaddingChoice::Custom(sides) => sides,
                    _ => self.example.first_sides().unwrap_or_default(),
                };
                *match side {
                    Side::Top => &mut sides.top,
                    Side::Left => &mut sides.left,
                    Side::Bottom => &mut sides.bottom,
                    Side::Right => &mut sides.right,
                } = value;
                edit.padding = PaddingChoice::Custom(sides);
            }
            Change::PaddingMode(mode) => edit.padding_mode = mode,
            Change::Groups(groups) => edit.groups = groups,
            Change::Depthwise => {
                edit.groups = edit.channels;
                edit.filters = edit.channels;
            }
            Change::Pointwise => {
                edit.kernel_size = [1, 1];
                edit.groups = 1;
            }
            Change::CeilMode(on) => edit.ceil_mode = on,
            Change::CountIncludePad(on) => edit.count_include_pad = on,
            Change::FlipKernel(on) => edit.flip_kernel = on,
            Change::Bias(filter, text) => {
                let Some(value) = self.accept(&text, Position::Bias { filter }) else {
                    return;
                };
                if let Some(bias) = edit.bias.get_mut(filter) {
                    *bias = value;
                }
            }
            Change::Slope(text) => {
                let Some(slope) = self.accept_number(&text) else {
                    return;
                };
                edit.slope = slope;
            }
            Change::Value(values, at, text) => {
                let Some(value) = self.accept(&text, edit.position(values, at)) else {
                    return;
                };
                edit.set_value(values, at, value);
            }
            Change::Randomize(values, kind, filter) => {
                let seed = edit
                    .seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                edit.randomize(values, kind, seed, filter);
            }
            Change::Preset(preset, filter) => edit.apply_preset(preset, filter),
            Change::BlockActivation(operation) => edit.block_activation = operation,
            Change::BlockPool(operation) => edit.block_pool = operation,
            Change::Paste(paste) => paste.apply(edit),
            Change::Scatter(on) => edit.scatter = on,
            Change::BlockStart(start) => edit.block_start = start,
            Change::Separable => {
                edit.switch_operation(Operation::Block);
                edit.block_start = BlockStart::Separable;
                edit.channels = edit.channels.max(3);
                edit.filters = edit.filters.max(4);
            }
            Change::PointwiseWeight([filter, channel], text) => {
                let at = Position::Weight {
                    filter,
                    channel,
                    row: 0,
                    column: 0,
                };
                let Some(value) = self.accept(&text, at) else {
                    return;
                };
                edit.set_pointwise([filter, channel], value);
            }
            Change::Picture(sample, picture) => {
                edit.load_picture(&picture.step);
                self.picture = Some(Shared::new(picture));
                self.sample = sample;
            }
        }
        self.use_settings(settings);
    }

    /// Shows `settings`, rebuilding the example unless they are the ones shown.
    pub(super) fn use_settings(&mut self, settings: Shared<Settings>) {
        if *settings == *self.settings {
            return;
        }
        self.settings = settings;
        self.hover = None;
        self.traced = None;
        match Example::build(&self.settings) {
            Ok(example) => {
                self.position = self.position.min(example.steps().saturating_sub(1));
                self.example = Shared::new(example);
                self.error = None;
            }
            Err(error) => {
                // The grids keep the last example that worked, but never one of another
                // operation: that would show a convolution's kernel under "max pooling".
                if self.example.settings.operation != self.settings.operation
                    || self.example.settings.block_start != self.settings.block_start
                {
                    self.example = Shared::new(fallback_example(&self.settings));
                    self.position = self.position.min(self.last_step());
                }
                self.error = Some(error);
                self.playing = false;
            }
        }
    }

    /// A typed number, or `None` with the refusal noted.
    fn accept_number(&mut self, text: &str) -> Option<f32> {
        let value = parse_number(text);
        self.refusal = match value {
            Some(_) => None,
            None => Some(Refusal::NotANumber {
                text: text.to_owned(),
            }),
        };
        value
    }

    /// A typed value the engine accepts at `at`, or `None` with the refusal noted.
    fn accept(&mut self, text: &str, at: Position) -> Option<f32> {
        let value = self.accept_number(text)?;
        match check_value(value, at) {
            Ok(()) => Some(value),
            Err(error) => {
                self.refusal = Some(Refusal::Engine(error));
                None
            }
        }
    }
}
