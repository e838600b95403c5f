//! Every user-facing string, in English and Simplified Chinese, and the engine's errors in both.
//!
//! [`Lang`] is the one door: each method hands the question to [`en`] or [`zh`], where the
//! texts are chosen by exhaustive `match`es. A text missing from one language, or an enum that
//! gains a variant, is a compile error rather than a wrong word on the screen.

mod en;
mod learn;
mod zh;

use super::export::problem::SaveProblem;
use super::lesson::LoadProblem;
use super::matrix::Unavailable;
use super::picture::PictureProblem;
use super::practice::Question;
use super::practice::answer::AnswerError;
use super::practice::mistakes::Mistake;
use super::presentation::Panel;
use super::settings::BlockStart;
use super::settings::{Operation, PaddingChoice, Settings, Values};
use super::shortcuts::Shortcut;
use super::tensor_text::{Form, PasteError};
use crate::engine::{Axis, Cell, EngineError, Sides, presets::KernelPreset};
use std::ops::RangeInclusive;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// The fixed strings of one language, one named field each.
#[derive(Debug)]
pub struct Text {
    /// App title.
    pub title: &'static str,
    /// Subtitle under the title.
    pub tagline: &'static str,
    /// The page's `lang` attribute, a BCP 47 tag with the region where it matters: "zh-CN".
    pub page_lang: &'static str,
    /// Between a name and its part in an accessible label: "Input, channel 1".
    pub comma: &'static str,
    /// The file button of the picture panel: "Choose a picture…".
    pub choose_picture: &'static str,
    /// What each cell of a max pooling window says: "max".
    pub max_cell: &'static str,
    /// What each cell of an average pooling window says: "avg".
    pub average_cell: &'static str,
    /// Legend: the window of the cell under the pointer (dashed outline).
    pub legend_hover: &'static str,
    /// Legend: the receptive field of a traced cell (purple outline).
    pub legend_traced: &'static str,
    /// A padding cell that copies an input cell (reflect, replicate, circular padding).
    pub legend_copied: &'static str,
    /// Key to a map's colours when it holds negative values: blue, white at 0, red.
    pub key_diverging: &'static str,
    /// Key to a map's colours when it holds no negative values: dark to bright.
    pub key_sequential: &'static str,
    /// Key to the input's greys: black to white.
    pub key_grey: &'static str,
    /// Name of the other language, on the switch.
    pub other_language: &'static str,
    /// "Operation".
    pub operation: &'static str,
    /// "Input".
    pub input: &'static str,
    /// "Kernel".
    pub kernel: &'static str,
    /// "Pooling window".
    pub window: &'static str,
    /// "Output".
    pub output: &'static str,
    /// "Rows".
    pub rows: &'static str,
    /// "Columns".
    pub columns: &'static str,
    /// "Sizes".
    pub sizes: &'static str,
    /// "Input size".
    pub input_size: &'static str,
    /// "Kernel size".
    pub kernel_size: &'static str,
    /// "Window size".
    pub window_size: &'static str,
    /// "Stride".
    pub stride: &'static str,
    /// "Dilation".
    pub dilation: &'static str,
    /// "Padding".
    pub padding: &'static str,
    /// "running total": the row header of the running totals under a calculation's products.
    pub running_total: &'static str,
    /// "bias", before the bias's value in a calculation: "bias 0".
    pub bias_term: &'static str,
    /// The padding sides' names, for the custom padding fields.
    pub sides: SideNames,
    /// "Ceil mode".
    pub ceil_mode: &'static str,
    /// "Count padding in the average".
    pub count_include_pad: &'static str,
    /// The fold of the options a beginner can leave alone: "Advanced".
    pub advanced: &'static str,
    /// What the lock between a size's two fields does, after the size's name.
    pub lock_sizes: &'static str,
    /// "Flip kernel (true convolution)".
    pub flip_kernel: &'static str,
    /// "Bias".
    pub bias: &'static str,
    /// "Slope".
    pub slope: &'static str,
    /// "Random".
    pub random: &'static str,
    /// "Random integers".
    pub random_integers: &'static str,
    /// "Random normal".
    pub random_normal: &'static str,
    /// "Preset".
    pub preset: &'static str,
    /// The playback buttons' labels.
    pub playback: PlaybackLabels,
    /// "Speed".
    pub speed: &'static str,
    /// "steps/s".
    pub steps_per_second: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Output size".
    pub output_size: &'static str,
    /// "Calculation".
    pub calculation: &'static str,
    /// "padding".
    pub padding_cell: &'static str,
    /// Hint under the grids.
    pub edit_hint: &'static str,
    /// "Not shown: the settings do not form a window".
    pub error_heading: &'static str,
    /// "Showing the last valid example".
    pub showing_previous: &'static str,
    /// "Every input cell is read."
    pub all_read: &'static str,
    /// Before the formula of a size where not even one window fits.
    pub no_window_fits: &'static str,
    /// "Controls".
    pub controls: &'static str,
    /// "Values".
    pub values: &'static str,
    /// The legend's entries.
    pub legend: LegendLabels,
    /// Hint in block mode.
    pub block_hint: &'static str,
    /// Name of the strip of the block's maps.
    pub block_maps: &'static str,
    /// The button that opens and closes the settings drawer.
    pub settings_drawer: &'static str,
    /// "Feature maps as pictures".
    pub feature_maps: &'static str,
    /// "Channels".
    pub channels: &'static str,
    /// "Filters".
    pub filters: &'static str,
    /// "Activation".
    pub activation: &'static str,
    /// "Pooling".
    pub pooling: &'static str,
    /// "Pooling window" size row in block mode.
    pub pool_window: &'static str,
    /// "Pooling stride" row in block mode.
    pub pool_stride: &'static str,
    /// "Apply to".
    pub apply_to: &'static str,
    /// "all filters".
    pub all_filters: &'static str,
    /// "channel".
    pub channel: &'static str,
    /// "filter".
    pub filter: &'static str,
    /// "Stop tracing".
    pub stop_tracing: &'static str,
    /// "The code behind the picture"
    pub code_heading: &'static str,
    /// "PyTorch"
    pub tab_pytorch: &'static str,
    /// "NumPy loops"
    pub tab_numpy: &'static str,
    /// "im2col"
    pub tab_im2col: &'static str,
    /// "One matrix"
    pub tab_toeplitz: &'static str,
    /// "Tensors"
    pub tab_tensors: &'static str,
    /// "Copy"
    pub copy: &'static str,
    /// "Copied"
    pub copied: &'static str,
    /// "At this step"
    pub at_this_step: &'static str,
    /// "Each row is one window: its input values in kernel order …"
    pub im2col_note: &'static str,
    /// "The whole convolution of one filter as one matrix: row o …"
    pub toeplitz_note: &'static str,
    /// "Kernel"
    pub flattened_kernel: &'static str,
    /// "Input"
    pub flattened_input: &'static str,
    /// "Paste a tensor: PyTorch tensor(...), NumPy array(...), …"
    pub paste_label: &'static str,
    /// "Use as input"
    pub use_as_input: &'static str,
    /// "Use as kernel"
    pub use_as_kernel: &'static str,
    /// "Write out"
    pub write_out: &'static str,
    /// "Picture".
    pub picture: &'static str,
    /// "Your own picture".
    pub own_picture: &'static str,
    /// "Size".
    pub picture_size: &'static str,
    /// "Colour (RGB)".
    pub colour: &'static str,
    /// Privacy note.
    pub stays_here: &'static str,
    /// "Projector".
    pub projector: &'static str,
    /// "Copy link".
    pub copy_link: &'static str,
    /// "Link copied".
    pub link_copied: &'static str,
    /// "Embed".
    pub embed: &'static str,
    /// How to embed.
    pub embed_note: &'static str,
    /// "Hide".
    pub hide_panels: &'static str,
    /// "Close".
    pub close: &'static str,
    /// "Keyboard shortcuts".
    pub shortcuts: &'static str,
    /// The accessible name of the `?` button: it contains the `?` the button shows.
    pub shortcuts_button: &'static str,
    /// Note under the shortcuts.
    pub shortcuts_note: &'static str,
    /// The space bar's name in the shortcut list.
    pub space_bar: &'static str,
    /// The save-picture buttons.
    pub save: SaveLabels,
    /// The lesson panel.
    pub lesson: LessonLabels,
    /// The label of the menu of what fills a convolution's padding: "Padding values".
    pub padding_fill: &'static str,
    /// Each padding mode's name, in [`crate::engine::PaddingMode::ALL`] order.
    pub padding_fills: [&'static str; 4],
    /// "Groups".
    pub groups: &'static str,
    /// The depthwise preset button.
    pub depthwise: &'static str,
    /// The pointwise preset button.
    pub pointwise: &'static str,
    /// What a padding cell that repeats an input cell is, before that cell's label.
    pub borrowed_cell: &'static str,
    /// The counts of the convolution on screen: "This convolution".
    pub this_convolution: &'static str,
    /// The counts of the one-group convolution of the same shape.
    pub ordinary_convolution: &'static str,
    /// "weights", "biases", "multiply-adds".
    pub count_names: [&'static str; 3],
    /// The depthwise-separable preset button, and the block's first stage of that name.
    pub separable: &'static str,
    /// The counts of the depthwise and the pointwise stage added together.
    pub separable_pair: &'static str,
    /// The label of the block's first stage menu.
    pub block_start: &'static str,
    /// Transposed convolution: a zero inserted between input cells, as a cell's label.
    pub inserted_zero: &'static str,
    /// Transposed convolution: cells added at the end of the output.
    pub output_padding: &'static str,
    /// Transposed convolution's output-size formula in words.
    pub transposed_formula: &'static str,
    /// The toggle that steps a transposed convolution one input cell at a time.
    pub scatter_view: &'static str,
    /// The scatter step's input cell, before its place and value.
    pub scatter_input: &'static str,
    /// Under a scattered product the padding crops away.
    pub cropped: &'static str,
    /// How to read the scatter step's calculation.
    pub scatter_note: &'static str,
    /// Both views give the same output.
    pub views_agree: &'static str,
    /// What the gather view draws.
    pub gather_note: &'static str,
    /// The kernel as the gather view slides it.
    pub rotated_kernel: &'static str,
    /// Heading of the overlap map.
    pub overlap: &'static str,
    /// Where the checkerboard pattern comes from.
    pub checkerboard: &'static str,
    /// The worksheet: its buttons, headings and answer key.
    pub sheet: SheetLabels,
    /// Learning mode: the backward pass and training.
    pub learn: LearnLabels,
}

/// The worksheet's labels.
#[derive(Debug, Clone, Copy)]
pub struct SheetLabels {
    /// "Worksheet": the button that shows it, and its title.
    pub worksheet: &'static str,
    /// "Print".
    pub print: &'static str,
    /// "Back to the example".
    pub back: &'static str,
    /// "Name", over a line to write on.
    pub name: &'static str,
    /// "Date", over a line to write on.
    pub date: &'static str,
    /// "Exercise", before its number.
    pub exercise: &'static str,
    /// "Given", over the parameters.
    pub given: &'static str,
    /// What to do with the empty grids and formula.
    pub fill_in: &'static str,
    /// "Answer key".
    pub answer_key: &'static str,
}

/// Learning mode's labels; its sentences with numbers are `Lang` methods in `learn`.
#[derive(Debug, Clone, Copy)]
pub struct LearnLabels {
    /// The button that opens learning mode.
    pub open: &'static str,
    /// The panel's heading.
    pub heading: &'static str,
    /// "Target" menu.
    pub target: &'static str,
    /// "Learning rate" field.
    pub rate: &'static str,
    /// How many steps Play runs to.
    pub run: &'static str,
    /// Take one training step.
    pub step_once: &'static str,
    /// Back to the kernel before any training.
    pub reset: &'static str,
    /// The loss's formula.
    pub loss: &'static str,
    /// d loss / d output's formula.
    pub loss_gradient: &'static str,
    /// The one sentence shown while the loss diverges.
    pub diverges: &'static str,
    /// Heading of the backward steps.
    pub backward: &'static str,
    /// The training step's formula.
    pub update_rule: &'static str,
    /// Key to the kernel grid: the old value, the change, the new value.
    pub old: &'static str,
    /// See `old`.
    pub change: &'static str,
    /// See `old`.
    pub new: &'static str,
    /// "Bias".
    pub bias: &'static str,
    /// The loss plot's accessible name.
    pub plot: &'static str,
    /// A max pooling input cell that won no window: why its gradient is 0.
    pub no_winner: &'static str,
    /// Above the target's cells, which the learner may type over.
    pub typed_target: &'static str,
}

/// The lesson panel's labels.
#[derive(Debug, Clone, Copy)]
pub struct LessonLabels {
    /// "Lesson": the toolbar button and the panel's name.
    pub open: &'static str,
    /// "Next" chapter.
    pub next: &'static str,
    /// "Back" to the chapter before.
    pub back: &'static str,
    /// "Close the lesson".
    pub close: &'static str,
    /// Shows the chapter's figure again after the learner changed it.
    pub reset: &'static str,
    /// "Try it", over what to try.
    pub try_this: &'static str,
    /// "Check yourself", over a question.
    pub check: &'static str,
    /// Said when the choice is right.
    pub right: &'static str,
    /// Said when the choice is wrong.
    pub wrong: &'static str,
    /// Reveals the right choice.
    pub show_answer: &'static str,
    /// Shown while the lesson file loads.
    pub loading: &'static str,
    /// The list of chapters.
    pub chapters: &'static str,
}

/// The labels of the save-picture buttons: the group's name, and what each button saves.
#[derive(Debug, Clone, Copy)]
pub struct SaveLabels {
    /// "Save picture".
    pub save_picture: &'static str,
    /// This step as a PNG at twice the size.
    pub png: &'static str,
    /// This step as an SVG.
    pub svg: &'static str,
    /// The whole run as an animated GIF.
    pub gif: &'static str,
    /// "Print handout": the page printed without its controls.
    pub print: &'static str,
}

/// The names of the four padding sides.
#[derive(Debug, Clone, Copy)]
pub struct SideNames {
    /// Rows above.
    pub top: &'static str,
    /// Columns on the left.
    pub left: &'static str,
    /// Rows below.
    pub bottom: &'static str,
    /// Columns on the right.
    pub right: &'static str,
}

/// The labels of the playback buttons.
#[derive(Debug, Clone, Copy)]
pub struct PlaybackLabels {
    /// Go to the first step.
    pub start: &'static str,
    /// One step back.
    pub back: &'static str,
    /// Start playing.
    pub play: &'static str,
    /// Stop playing.
    pub pause: &'static str,
    /// One step forward.
    pub forward: &'static str,
    /// Go to the last step.
    pub end: &'static str,
    /// The block's previous stage.
    pub previous_stage: &'static str,
    /// The block's next stage.
    pub next_stage: &'static str,
}

/// The entries of the key to the grid highlights.
#[derive(Debug, Clone, Copy)]
pub struct LegendLabels {
    /// The cells the current window reads.
    pub window: &'static str,
    /// A padding cell.
    pub padding: &'static str,
    /// An input cell no window reads.
    pub never_read: &'static str,
    /// The output cell being written.
    pub being_written: &'static str,
}

/// A link parameter the page could not use as given, for the notice that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefusedParameter<'a> {
    /// Its key in the link: `k`.
    pub key: &'a str,
    /// The value the link gave, when known: `0`.
    pub given: Option<&'a str>,
    /// The values it takes, when they are a range: `1–15`.
    pub accepted: Option<&'a str>,
    /// The value used instead, when known: `3`.
    pub used: Option<&'a str>,
}

/// What a grid cell holds, for its accessible label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellContent<'a> {
    /// A value, as shown.
    Value(&'a str),
    /// An output cell the stepping has not reached yet.
    NotComputedYet,
}

/// A cell's part in the current step, said aloud because the grid shows it only by colour and
/// outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellPart {
    /// Read by the current window.
    InWindow,
    /// The output cell the current step writes.
    BeingWritten,
}

/// A parameter or choice the controls explain beside its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Concept {
    /// The operation menu.
    Operation,
    /// The input's rows and columns.
    InputSize,
    /// Input channels.
    Channels,
    /// Filters, the output channels.
    Filters,
    /// The kernel's rows and columns.
    KernelSize,
    /// The pooling window's rows and columns.
    PoolWindow,
    /// Stride.
    Stride,
    /// The block's pooling stride.
    PoolStride,
    /// Dilation.
    Dilation,
    /// Padding and each named padding choice.
    Padding,
    /// Ceil mode.
    CeilMode,
    /// Average pooling counting the padding cells.
    CountIncludePad,
    /// Flipping the kernel.
    FlipKernel,
    /// Bias.
    Bias,
    /// Leaky ReLU's slope.
    Slope,
    /// The block's activation.
    Activation,
    /// The block's pooling.
    Pooling,
    /// The random-values buttons.
    RandomValues,
    /// The preset kernels.
    Preset,
    /// What fills a convolution's padding.
    PaddingFill,
    /// Groups, depthwise and pointwise convolution.
    Groups,
    /// Transposed convolution's output padding.
    OutputPadding,
}

impl Lang {
    /// The language for a BCP 47 tag such as the browser's `navigator.language`.
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The tag used in links and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The fixed strings of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &en::TEXT,
            Lang::Zh => &zh::TEXT,
        }
    }

    /// The operation's name.
    pub fn operation(self, operation: Operation) -> &'static str {
        match self {
            Lang::En => en::operation(operation),
            Lang::Zh => zh::operation(operation),
        }
    }

    /// A stage's short name, for captions ("ReLU output").
    pub fn stage_name(self, operation: Operation) -> &'static str {
        match self {
            Lang::En => en::stage_name(operation),
            Lang::Zh => zh::stage_name(operation),
        }
    }

    /// A padding mode's name in the padding menu.
    pub fn padding_mode(self, mode: PaddingChoice) -> &'static str {
        match self {
            Lang::En => en::padding_mode(mode),
            Lang::Zh => zh::padding_mode(mode),
        }
    }

    /// The output-size formula in words, or with the tutorial's letters and their key; for a
    /// pooling window or a kernel. Written with `⌊ ⌋`: ceil mode turns them into `⌈ ⌉`.
    pub fn size_formula_key(self, tutorial: bool, pooling: bool) -> &'static str {
        match self {
            Lang::En => en::size_formula_key(tutorial, pooling),
            Lang::Zh => zh::size_formula_key(tutorial, pooling),
        }
    }

    /// How dilation widens the span of a window: "dilated kernel span = 2×(3−1)+1 = 5".
    pub fn dilated_span(
        self,
        pooling: bool,
        dilation: usize,
        kernel: usize,
        span: usize,
    ) -> String {
        let worked = format!("{dilation}×({kernel}−1)+1 = {span}");
        match self {
            Lang::En => en::dilated_span(pooling, &worked),
            Lang::Zh => zh::dilated_span(pooling, &worked),
        }
    }

    /// What a line of the size formula is about: "rows & columns: ", "rows: ", "columns: ".
    pub fn axis_prefix(self, axis: Option<Axis>) -> &'static str {
        match self {
            Lang::En => en::axis_prefix(axis),
            Lang::Zh => zh::axis_prefix(axis),
        }
    }

    /// The padding on each side: "top 0, left 0, bottom 1, right 1".
    pub fn padding_sides(self, sides: Sides) -> String {
        let names = self.text().sides;
        let Sides {
            top,
            left,
            bottom,
            right,
        } = sides;
        let separator = match self {
            Lang::En => ", ",
            Lang::Zh => "，",
        };
        [
            (names.top, top),
            (names.left, left),
            (names.bottom, bottom),
            (names.right, right),
        ]
        .map(|(name, cells)| format!("{name} {cells}"))
        .join(separator)
    }

    /// How `same` (or `same-lower`) differs from `symmetric` here, in one sentence: what `other`
    /// would pad and give, and why.
    pub fn padding_difference(
        self,
        same: PaddingChoice,
        other: PaddingChoice,
        sides: Sides,
        [rows, columns]: [i64; 2],
    ) -> String {
        let sides = self.padding_sides(sides);
        let output = format!("{rows}×{columns}").replace('-', "−");
        let lower = same == PaddingChoice::SameLower;
        match self {
            Lang::En => en::padding_difference(same.id(), other.id(), &sides, &output, lower),
            Lang::Zh => zh::padding_difference(same.id(), other.id(), &sides, &output, lower),
        }
    }

    /// Leaky ReLU keeping a positive value: "2 > 0, kept: ".
    pub fn kept(self, value: &str) -> String {
        match self {
            Lang::En => format!("{value} > 0, kept: "),
            Lang::Zh => format!("{value} > 0，保持不变："),
        }
    }

    /// The preset's name.
    pub fn preset(self, preset: KernelPreset) -> &'static str {
        match self {
            Lang::En => en::preset(preset),
            Lang::Zh => zh::preset(preset),
        }
    }

    /// What a shortcut does, in the `?` list.
    pub fn shortcut(self, shortcut: Shortcut) -> &'static str {
        match self {
            Lang::En => en::shortcut(shortcut),
            Lang::Zh => zh::shortcut(shortcut),
        }
    }

    /// How the `?` list writes a key (a `KeyboardEvent.key` value): arrows as arrows, the
    /// space bar by name.
    pub fn key_name(self, key: &'static str) -> &'static str {
        match key {
            " " => self.text().space_bar,
            "ArrowRight" => "→",
            "ArrowLeft" => "←",
            "Escape" => "Esc",
            "-" => "−",
            other => other,
        }
    }

    /// A panel's name.
    pub fn panel_name(self, panel: Panel) -> &'static str {
        match self {
            Lang::En => en::panel_name(panel),
            Lang::Zh => zh::panel_name(panel),
        }
    }

    /// A sample picture's name.
    pub fn sample_name(self, id: &str) -> &'static str {
        match self {
            Lang::En => en::sample_name(id),
            Lang::Zh => zh::sample_name(id),
        }
    }

    /// The short name of stage `stage` of `settings`, empty past the last stage.
    fn stage_name_of(self, settings: &Settings, stage: usize) -> &'static str {
        let text = self.text();
        let mut names = match (settings.operation, settings.block_start) {
            (Operation::Block, BlockStart::Separable) => vec![text.depthwise, text.pointwise],
            (Operation::Block, BlockStart::ConvTranspose) => {
                vec![self.stage_name(Operation::ConvTranspose)]
            }
            (Operation::Block, BlockStart::Conv) => vec![self.stage_name(Operation::Convolution)],
            (single, _) => vec![self.stage_name(single)],
        };
        if settings.operation == Operation::Block {
            names.push(self.stage_name(settings.block_activation));
            names.push(self.stage_name(settings.block_pool));
        }
        names.get(stage).copied().unwrap_or("")
    }

    /// The name of the block's first stage `start` in its menu.
    pub fn block_start_name(self, start: BlockStart) -> &'static str {
        match start {
            BlockStart::Conv => self.stage_name(Operation::Convolution),
            BlockStart::Separable => self.text().separable,
            BlockStart::ConvTranspose => self.stage_name(Operation::ConvTranspose),
        }
    }

    /// Caption of feature map `map`: "Input", "Output" for a single stage, or the stage that
    /// wrote it ("ReLU output") in the block.
    pub fn map_caption(self, settings: &Settings, map: usize) -> String {
        let text = self.text();
        match map {
            0 => text.input.to_owned(),
            1 if settings.operation != Operation::Block => text.output.to_owned(),
            map => self.stage_output(settings, map - 1),
        }
    }

    /// Caption of the output of stage `stage`: "ReLU output".
    pub fn stage_output(self, settings: &Settings, stage: usize) -> String {
        let name = self.stage_name_of(settings, stage);
        match self {
            Lang::En => en::stage_output(name),
            Lang::Zh => zh::stage_output(name),
        }
    }

    /// "Stage 2 of 3: ReLU".
    pub fn stage_of(self, stage: usize, stages: usize, settings: &Settings) -> String {
        let name = self.stage_name_of(settings, stage);
        match self {
            Lang::En => en::stage_of(stage + 1, stages, name),
            Lang::Zh => zh::stage_of(stage + 1, stages, name),
        }
    }

    /// Heading of the feature maps of the whole picture: "The whole picture at 224×224".
    pub fn full_size(self, rows: usize, columns: usize) -> String {
        match self {
            Lang::En => en::full_size(rows, columns),
            Lang::Zh => zh::full_size(rows, columns),
        }
    }

    /// What the full-size maps are and how long the engine took: "… computed in 2.0 ms. …".
    pub fn computed_in(self, milliseconds: f64) -> String {
        let shown = crate::app::format::tenths(milliseconds);
        match self {
            Lang::En => en::computed_in(&shown),
            Lang::Zh => zh::computed_in(&shown),
        }
    }

    /// A channel's name: R, G, B for a 3-channel input, else "channel 2".
    pub fn channel_name(self, map: usize, channels: usize, index: usize) -> String {
        if map == 0 && channels == 3 {
            ["R", "G", "B"][index.min(2)].to_owned()
        } else {
            format!("{} {}", self.text().channel, index + 1)
        }
    }

    /// A kernel slice's name: "filter 2 · G".
    pub fn kernel_slice_name(
        self,
        filter: usize,
        filters: usize,
        channels: usize,
        channel: usize,
    ) -> String {
        let channel = self.channel_name(0, channels, channel);
        if filters > 1 {
            format!("{} {} · {channel}", self.text().filter, filter + 1)
        } else {
            channel
        }
    }

    /// "step 5 of 9".
    pub fn step_of(self, step: usize, steps: usize) -> String {
        match self {
            Lang::En => en::step_of(step, steps),
            Lang::Zh => zh::step_of(step, steps),
        }
    }

    /// A cell's accessible label, rows and columns counted from 1: "row 2, column 1: 7".
    pub fn cell_label(self, row: usize, column: usize, value: &str) -> String {
        self.grid_cell_label(row, column, CellContent::Value(value), None)
    }

    /// A grid cell's accessible label, with what it holds and its part in the current step:
    /// "row 2, column 1: 7, in the window", "row 1, column 2: not computed yet".
    pub fn grid_cell_label(
        self,
        row: usize,
        column: usize,
        content: CellContent,
        part: Option<CellPart>,
    ) -> String {
        let (row, column) = (row + 1, column + 1);
        match self {
            Lang::En => en::cell_label(row, column, content, part),
            Lang::Zh => zh::cell_label(row, column, content, part),
        }
    }

    /// A padding cell's accessible label, with its part in the current step: "padding 0".
    pub fn padding_label(self, part: Option<CellPart>) -> String {
        match self {
            Lang::En => en::padding_label(part),
            Lang::Zh => zh::padding_label(part),
        }
    }

    /// Notice for link parameters that were not used as given: each named with what it sets,
    /// and, where known, the value given, the values it takes and the value used instead.
    pub fn ignored_parameters(self, refused: &[RefusedParameter]) -> String {
        match self {
            Lang::En => en::ignored_parameters(refused),
            Lang::Zh => zh::ignored_parameters(refused),
        }
    }

    /// Notice for link parameters given more than once, of which the first value is used.
    pub fn repeated_parameters(self, names: &[String]) -> String {
        match self {
            Lang::En => en::repeated_parameters(names),
            Lang::Zh => zh::repeated_parameters(names),
        }
    }

    /// Why max pooling's candidates leave out the window's padding cells.
    pub fn max_ignores_padding(self, padding: usize) -> String {
        match self {
            Lang::En => en::max_ignores_padding(padding),
            Lang::Zh => zh::max_ignores_padding(padding),
        }
    }

    /// How the average's divisor was counted, given the window's input and padding cells.
    pub fn divisor(self, inputs: usize, padding: usize, divisor: usize) -> String {
        match self {
            Lang::En => en::divisor(inputs, padding, divisor),
            Lang::Zh => zh::divisor(inputs, padding, divisor),
        }
    }

    /// The live-region announcement of a step: "Step 5 of 9: output row 2, column 1 = 7".
    pub fn announce(
        self,
        step: usize,
        steps: usize,
        channel: Option<usize>,
        row: usize,
        column: usize,
        value: &str,
    ) -> String {
        let (step, row, column) = (step + 1, row + 1, column + 1);
        let channel = channel.map(|channel| channel + 1);
        match self {
            Lang::En => en::announce(step, steps, channel, row, column, value),
            Lang::Zh => zh::announce(step, steps, channel, row, column, value),
        }
    }

    /// "Chapter 3 of 12", from 0.
    pub fn chapter_of(self, chapter: usize, chapters: usize) -> String {
        match self {
            Lang::En => format!("Chapter {} of {chapters}", chapter + 1),
            Lang::Zh => format!("第 {} 章，共 {chapters} 章", chapter + 1),
        }
    }

    /// Why the lesson file at `path` could not be shown.
    pub fn lesson_problem(self, path: &str, problem: &LoadProblem) -> String {
        match self {
            Lang::En => en::lesson_problem(path, problem),
            Lang::Zh => zh::lesson_problem(path, problem),
        }
    }

    /// Why a picture could not be used.
    pub fn picture_problem(self, problem: PictureProblem) -> String {
        match self {
            Lang::En => en::picture_problem(problem),
            Lang::Zh => zh::picture_problem(problem),
        }
    }

    /// Refusal of a typed value that is not a number.
    pub fn not_a_number(self, text: &str) -> String {
        match self {
            Lang::En => en::not_a_number(text),
            Lang::Zh => zh::not_a_number(text),
        }
    }

    /// Refusal of a size that is not a whole number.
    pub fn not_a_whole_number(self, text: &str, range: &RangeInclusive<usize>) -> String {
        let range = format!("{}–{}", range.start(), range.end());
        match self {
            Lang::En => en::not_a_whole_number(text, &range),
            Lang::Zh => zh::not_a_whole_number(text, &range),
        }
    }

    /// Why some input cells are never read.
    pub fn never_read(self, axis: Axis, cells: &[usize], stride: usize, dilation: usize) -> String {
        let rows = cells.iter().map(|cell| cell + 1).collect::<Vec<_>>();
        match self {
            Lang::En => en::never_read(axis, &rows, stride, dilation),
            Lang::Zh => zh::never_read(axis, &rows, stride, dilation),
        }
    }

    /// Why a matrix view of the convolution is not shown.
    pub fn matrix_unavailable(self, reason: Unavailable) -> String {
        match self {
            Lang::En => en::matrix_unavailable(reason),
            Lang::Zh => zh::matrix_unavailable(reason),
        }
    }

    /// A tensor form's name, on the copy and paste buttons.
    pub fn tensor_form(self, form: Form) -> &'static str {
        match (self, form) {
            (_, Form::PyTorch) => "PyTorch",
            (_, Form::NumPy) => "NumPy",
            (_, Form::Json) => "JSON",
            (Lang::En, Form::List) => "Nested list",
            (Lang::Zh, Form::List) => "嵌套列表",
        }
    }

    /// Why a pasted tensor was refused: what is wrong and where.
    pub fn paste_error(self, error: &PasteError) -> String {
        match self {
            Lang::En => en::paste_error(error),
            Lang::Zh => zh::paste_error(error),
        }
    }

    /// The GIF's progress: "Making the GIF: frame 12 of 40".
    pub fn gif_frame(self, frame: usize, frames: usize) -> String {
        match self {
            Lang::En => en::gif_frame(frame, frames),
            Lang::Zh => zh::gif_frame(frame, frames),
        }
    }

    /// Why a GIF holds fewer steps than the run, in one sentence.
    pub fn gif_cut_short(self, frames: usize, steps: usize) -> String {
        match self {
            Lang::En => en::gif_cut_short(frames, steps),
            Lang::Zh => zh::gif_cut_short(frames, steps),
        }
    }

    /// Why a picture was not saved.
    pub fn save_problem(self, problem: SaveProblem) -> &'static str {
        match self {
            Lang::En => en::save_problem(problem),
            Lang::Zh => zh::save_problem(problem),
        }
    }

    /// The question that names a concept's `?` button: "What is stride?".
    pub fn concept_title(self, concept: Concept) -> &'static str {
        self.concept(concept)[0]
    }

    /// A concept's explanation, one paragraph a line.
    pub fn concept_text(self, concept: Concept) -> &'static str {
        self.concept(concept)[1]
    }

    /// A concept's title and explanation.
    fn concept(self, concept: Concept) -> [&'static str; 2] {
        match self {
            Lang::En => en::concept(concept),
            Lang::Zh => zh::concept(concept),
        }
    }

    /// A part of a named control, for its accessible name: "Kernel: rows", "卷积核：行".
    pub fn part_of(self, whole: &str, part: &str) -> String {
        match self {
            Lang::En => format!("{whole}: {part}"),
            Lang::Zh => format!("{whole}：{part}"),
        }
    }

    /// The padding on each side, as the engine resolved it: "top 0 · left 0 · bottom 1 · right 1".
    pub fn sides_text(self, sides: Sides) -> String {
        let names = self.text().sides;
        format!(
            "{} {} · {} {} · {} {} · {} {}",
            names.top,
            sides.top,
            names.left,
            sides.left,
            names.bottom,
            sides.bottom,
            names.right,
            sides.right
        )
    }

    /// The engine's error, worded for a learner in this language.
    pub fn error(self, error: &EngineError) -> String {
        match self {
            Lang::En => en::error(error),
            Lang::Zh => zh::error(error),
        }
    }
}

/// `items` joined with `separator`, for lists of numbers or names in a sentence.
fn joined<T: ToString>(items: &[T], separator: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A shape as the page writes it: `2×3×3`.
fn shape_text(shape: &[usize]) -> String {
    crate::engine::error::shape_text(shape)
}

/// An index path into nested lists, counted from 1 as the grids count: `(2, 1)`.
fn position(at: &[usize]) -> String {
    let at: Vec<usize> = at.iter().map(|index| index + 1).collect();
    format!("({})", joined(&at, ", "))
}

/// The shapes a paste may have as the input or the kernel of an example with `channels`
/// channels and `filters` filters: `["3×H×W", "1×3×H×W"]`.
fn accepted_shapes(target: Values, channels: usize, filters: usize) -> Vec<String> {
    let (outer, sides) = match target {
        Values::Input => (1, "H×W"),
        Values::Kernel => (filters, "kh×kw"),
    };
    let mut shapes = Vec::new();
    if outer == 1 {
        if channels == 1 {
            shapes.push(sides.to_owned());
        }
        shapes.push(format!("{channels}×{sides}"));
    }
    shapes.push(format!("{outer}×{channels}×{sides}"));
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_every_operation_and_shortcut() {
        for lang in [Lang::En, Lang::Zh] {
            for operation in Operation::ALL {
                assert!(!lang.operation(operation).is_empty());
                assert!(!lang.stage_name(operation).is_empty());
            }
            for binding in crate::app::shortcuts::SHORTCUTS {
                assert!(!lang.shortcut(binding.shortcut).is_empty());
            }
        }
        assert_eq!(Lang::En.operation(Operation::MaxPool), "Max pooling");
        assert_eq!(Lang::Zh.operation(Operation::MaxPool), "最大池化");
    }

    #[test]
    fn repeated_parameters_name_every_parameter() {
        let names = ["k".to_owned(), "s".to_owned()];
        assert_eq!(
            Lang::En.repeated_parameters(&names),
            "These link parameters appear more than once, so the first value of each is used: k, s."
        );
        assert_eq!(
            Lang::Zh.repeated_parameters(&names),
            "链接参数 k、s 出现了不止一次，每个参数只采用第一个值。"
        );
    }

    #[test]
    fn refused_parameters_say_what_they_set_and_what_is_used() {
        let kernel = RefusedParameter {
            key: "k",
            given: Some("0"),
            accepted: Some("1–15"),
            used: Some("3"),
        };
        let unknown = RefusedParameter {
            key: "zoom",
            given: None,
            accepted: None,
            used: None,
        };
        assert_eq!(
            Lang::Zh.ignored_parameters(&[kernel, unknown]),
            "链接参数 k（卷积核尺寸）= 0 不在 1–15 范围内，已改用默认值 3。链接参数 zoom 无法识别，已改用默认值。"
        );
        assert_eq!(
            Lang::En.ignored_parameters(&[kernel, unknown]),
            "Link parameter k (kernel size) = 0 is not in 1–15, so the default 3 is used. \
             Link parameter zoom was not understood, so its default is used."
        );
        let stride = RefusedParameter {
            key: "s",
            ..unknown
        };
        assert_eq!(
            Lang::Zh.ignored_parameters(&[stride]),
            "链接参数 s（步长）无法识别，已改用默认值。"
        );
    }

    #[test]
    fn cells_say_their_part_in_the_step() {
        let label = Lang::En.grid_cell_label(0, 1, CellContent::NotComputedYet, None);
        assert_eq!(label, "row 1, column 2: not computed yet");
        let label =
            Lang::Zh.grid_cell_label(1, 0, CellContent::Value("7"), Some(CellPart::BeingWritten));
        assert_eq!(label, "第 2 行，第 1 列：7，当前输出格");
    }
}

// --- practice mode ---

/// Practice mode's fixed labels.
#[derive(Debug, Clone, Copy)]
pub struct PracticeText {
    /// The panel's name: "Practice".
    pub heading: &'static str,
    /// The answer field's label.
    pub answer_label: &'static str,
    /// What a size answer looks like, in its empty field.
    pub size_placeholder: &'static str,
    /// Checks the answer.
    pub check: &'static str,
    /// Shows the next hint.
    pub hint: &'static str,
    /// Clears a wrong answer to try again.
    pub try_again: &'static str,
    /// Shows the answer.
    pub reveal: &'static str,
    /// Goes to the next question.
    pub next: &'static str,
    /// Goes to the summary after the last question.
    pub to_summary: &'static str,
    /// Starts the set again.
    pub restart: &'static str,
    /// Said when the answer is right.
    pub right: &'static str,
    /// Said when the answer is wrong.
    pub wrong: &'static str,
    /// Before the learner's answer.
    pub your_answer: &'static str,
    /// Before the right answer.
    pub right_answer: &'static str,
    /// Said when the answer was revealed.
    pub revealed_note: &'static str,
    /// Heading of the summary.
    pub summary: &'static str,
    /// Summary: right at the first try.
    pub first_time: &'static str,
    /// Summary: right after another try.
    pub later_try: &'static str,
    /// Summary: right after a hint.
    pub after_hint: &'static str,
    /// Summary: revealed.
    pub revealed: &'static str,
    /// Summary: the mistakes named most.
    pub common_mistakes: &'static str,
    /// Summary: when no mistake was named.
    pub no_mistakes: &'static str,
    /// The grid of cells to click, for the screen reader.
    pub grid_label: &'static str,
    /// Under a wrong answer: the step's arithmetic.
    pub working: &'static str,
    /// Leaves practice mode.
    pub leave: &'static str,
}

impl Lang {
    /// Practice mode's fixed labels.
    pub fn practice(self) -> &'static PracticeText {
        match self {
            Lang::En => &en::PRACTICE,
            Lang::Zh => &zh::PRACTICE,
        }
    }

    /// "Question 2 of 6 · score 1": where the learner is in a set.
    pub fn practice_progress(self, question: usize, count: usize, score: usize) -> String {
        match self {
            Lang::En => en::practice_progress(question, count, score),
            Lang::Zh => zh::practice_progress(question, count, score),
        }
    }

    /// The score at the end of a set: "Score: 4 of 6".
    pub fn practice_score(self, score: usize, count: usize) -> String {
        match self {
            Lang::En => format!("Score: {score} of {count}"),
            Lang::Zh => format!("得分：{score} / {count}"),
        }
    }

    /// The question, with its numbers; `cell` is the output cell it asks about, if one.
    pub fn practice_question(self, question: &Question, cell: Option<Cell>) -> String {
        match self {
            Lang::En => en::practice_question(question, cell),
            Lang::Zh => zh::practice_question(question, cell),
        }
    }

    /// How close a value must be to count as right.
    pub fn practice_tolerance(self, tolerance: &str) -> String {
        match self {
            Lang::En => format!("Answers within ±{tolerance} of the exact value count as right."),
            Lang::Zh => format!("与精确值相差不超过 ±{tolerance} 即算正确。"),
        }
    }

    /// The mistake in one plain sentence.
    pub fn practice_mistake(self, mistake: Mistake) -> &'static str {
        match self {
            Lang::En => en::practice_mistake(mistake),
            Lang::Zh => zh::practice_mistake(mistake),
        }
    }

    /// The mistake's short name, for the summary.
    pub fn practice_mistake_name(self, mistake: Mistake) -> &'static str {
        match self {
            Lang::En => en::practice_mistake_name(mistake),
            Lang::Zh => zh::practice_mistake_name(mistake),
        }
    }

    /// Why a typed answer cannot be read.
    pub fn practice_answer_error(self, error: AnswerError, text: &str) -> String {
        match self {
            Lang::En => en::practice_answer_error(error, text),
            Lang::Zh => zh::practice_answer_error(error, text),
        }
    }

    /// The first hint of a step's question: where the window is, counted from 1.
    pub fn practice_window(self, rows: [usize; 2], columns: [usize; 2], channels: usize) -> String {
        match self {
            Lang::En => en::practice_window(rows, columns, channels),
            Lang::Zh => zh::practice_window(rows, columns, channels),
        }
    }

    /// A hint of a question on the cells an input cell feeds: how many (level 1), in which
    /// output rows (2) and columns (3), counted from 1.
    pub fn practice_feeds_hint(self, level: u8, count: usize, lines: &[usize]) -> String {
        match self {
            Lang::En => en::practice_feeds_hint(level, count, lines),
            Lang::Zh => zh::practice_feeds_hint(level, count, lines),
        }
    }

    /// A hint of a question on `same` padding: the formula (level 1), the outputs (2), the
    /// padding worked out (3). `numbers` are input, kernel, stride, dilation, outputs, total.
    pub fn practice_same_hint(self, level: u8, numbers: [usize; 6]) -> String {
        match self {
            Lang::En => en::practice_same_hint(level, numbers),
            Lang::Zh => zh::practice_same_hint(level, numbers),
        }
    }
}
