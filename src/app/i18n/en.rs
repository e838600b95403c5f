//! The English texts. The engine's errors already speak English, so [`error`] uses their own
//! wording.

use super::{
    CellContent, CellPart, Concept, LearnLabels, LegendLabels, LessonLabels, PlaybackLabels,
    RefusedParameter, SaveLabels, SheetLabels, SideNames, Text, accepted_shapes, joined, position,
    shape_text,
};
use crate::app::export::problem::SaveProblem;
use crate::app::lesson::{LessonProblem, LoadProblem};
use crate::app::matrix::Unavailable;
use crate::app::tensor_text::{Expected, FitError, PasteError, TensorError};
use crate::engine::{decimal::Shortest, limits::MAX_ABS_VALUE};

use crate::app::format::tenths;
use crate::app::picture::PictureProblem;
use crate::app::presentation::Panel;
use crate::app::settings::{Operation, PaddingChoice, Values};
use crate::app::shortcuts::Shortcut;
use crate::engine::{Axis, EngineError, presets::KernelPreset};

/// The fixed strings.
pub(super) const TEXT: Text = Text {
    title: "ConvStep",
    tagline: "Convolution, activation and pooling — one window at a time",
    page_lang: "en",
    comma: ", ",
    choose_picture: "Choose a picture…",
    max_cell: "max",
    average_cell: "avg",
    legend_hover: "window of the cell under the pointer",
    legend_traced: "receptive field of the traced cell",
    legend_copied: "padding that copies an input cell (hover either to see the other)",
    key_diverging: "blue negative, white 0, red positive",
    key_sequential: "dark to bright: low to high",
    key_grey: "black to white: low to high",
    other_language: "中文",
    operation: "Operation",
    input: "Input",
    kernel: "Kernel",
    window: "Pooling window",
    output: "Output",
    rows: "rows",
    columns: "columns",
    sizes: "Sizes",
    input_size: "Input",
    kernel_size: "Kernel",
    window_size: "Window",
    stride: "Stride",
    dilation: "Dilation",
    padding: "Padding",
    running_total: "running total",
    bias_term: "bias",
    sides: SideNames {
        top: "top",
        left: "left",
        bottom: "bottom",
        right: "right",
    },
    ceil_mode: "Ceil mode (keep a partial last window)",
    count_include_pad: "Count padding cells in the average",
    advanced: "Advanced",
    lock_sizes: "rows and columns move together",
    flip_kernel: "Flip kernel (true convolution)",
    bias: "Bias",
    slope: "Slope",
    random: "Random",
    random_integers: "Random integers",
    random_normal: "Random normal",
    preset: "Preset kernel",
    playback: PlaybackLabels {
        start: "Start",
        back: "Step back",
        play: "Play",
        pause: "Pause",
        forward: "Step forward",
        end: "End",
        previous_stage: "Previous stage",
        next_stage: "Next stage",
    },
    speed: "Speed",
    steps_per_second: "steps/s",
    step: "Step",
    output_size: "Output size",
    calculation: "Calculation",
    padding_cell: "padding",
    edit_hint: "Click a value to edit it. Hover an output cell to see its window; hover an input cell to see what it feeds.",
    error_heading: "These settings cannot form a window",
    showing_previous: "The grids below still show the last example that worked (on opening a link, the default one), not these settings.",
    no_window_fits: "Not even one window fits:",
    all_read: "Every input cell is read by at least one window.",
    controls: "Controls",
    values: "Values",
    legend: LegendLabels {
        window: "current window",
        padding: "padding (0)",
        never_read: "never read",
        being_written: "being written",
    },
    block_hint: "The stages run in order. Click a cell of the last map to trace the input cells it depends on.",
    block_maps: "The block's maps: choose one to step its stage",
    settings_drawer: "Settings",
    feature_maps: "Feature maps as pictures",
    channels: "Channels",
    filters: "Filters",
    activation: "Activation",
    pooling: "Pooling",
    pool_window: "Pool window",
    pool_stride: "Pool stride",
    apply_to: "Apply to",
    all_filters: "all filters",
    channel: "channel",
    filter: "filter",
    stop_tracing: "Stop tracing",
    code_heading: "The code behind the picture",
    tab_pytorch: "PyTorch",
    tab_numpy: "NumPy loops",
    tab_im2col: "im2col",
    tab_toeplitz: "One matrix",
    tab_tensors: "Tensors",
    copy: "Copy",
    copied: "Copied",
    at_this_step: "At this step",
    im2col_note: "Each row is one window: its input values in kernel order (channel, row, column), padding as 0. Times the flattened kernel, it gives that window's output.",
    toeplitz_note: "The whole convolution of one filter as one matrix: row o holds the weight that multiplies each input cell for output o. The matrix times the flattened input, plus the bias, gives every output at once.",
    flattened_kernel: "Kernel",
    flattened_input: "Input",
    paste_label: "Paste a tensor: PyTorch tensor(...), NumPy array(...), nested lists or JSON",
    use_as_input: "Use as input",
    use_as_kernel: "Use as kernel",
    write_out: "Write out",
    picture: "Picture",
    own_picture: "Your own picture",
    picture_size: "Size",
    colour: "Colour (3 channels: R, G, B)",
    stays_here: "Pictures are read by your browser and never leave this page.",
    projector: "Projector",
    copy_link: "Copy link",
    link_copied: "Link copied",
    embed: "Embed",
    embed_note: "Paste this into a web page. The frame opens this exact example and grows to fit.",
    hide_panels: "Hide",
    close: "Close",
    shortcuts: "Keyboard shortcuts",
    shortcuts_button: "Keyboard shortcuts (?)",
    shortcuts_note: "Shortcuts never fire while you are typing in a field or editing a cell.",
    space_bar: "Space",
    save: SaveLabels {
        save_picture: "Save picture",
        png: "Save this step as a PNG picture, at twice the size for slides",
        svg: "Save this step as an SVG picture, sharp at any size",
        gif: "Save every step as an animated GIF, at the playback speed",
        print: "Print handout",
    },
    lesson: LessonLabels {
        open: "Lesson",
        next: "Next",
        back: "Back",
        close: "Close the lesson",
        reset: "Back to this chapter's figure",
        try_this: "Try it",
        check: "Check yourself",
        right: "Right.",
        wrong: "Not quite. Think again, or show the answer.",
        show_answer: "Show the answer",
        loading: "Loading the lesson…",
        chapters: "Chapters",
    },
    padding_fill: "Padding values",
    padding_fills: ["zeros", "reflect", "replicate", "circular"],
    groups: "Groups",
    depthwise: "Depthwise",
    pointwise: "Pointwise 1×1",
    borrowed_cell: "padding, a copy of",
    this_convolution: "This convolution",
    ordinary_convolution: "Ordinary convolution, same shape",
    count_names: ["weights", "biases", "multiply-adds"],
    separable: "Depthwise-separable",
    separable_pair: "Depthwise + pointwise together",
    block_start: "First stage",
    inserted_zero: "inserted zero",
    output_padding: "Output padding",
    transposed_formula: "(in − 1)·stride − pad_before − pad_after + dilation·(k − 1) + output_padding + 1",
    scatter_view: "Step by input cell (scatter)",
    scatter_input: "Scattered input cell",
    cropped: "cropped",
    scatter_note: "Products laid out as the window they paint; beneath each, the running total of the output cell it lands on.",
    views_agree: "Both views end with the same output, to the bit.",
    gather_note: "Gather: the same result as an ordinary convolution with the kernel rotated 180°, over the input with stride − 1 zeros inserted between its cells and padding around.",
    rotated_kernel: "Rotated kernel",
    overlap: "Kernel taps landing on each output cell",
    checkerboard: "With a stride smaller than the kernel, neighbouring output cells receive different numbers of taps: that uneven overlap is where the checkerboard pattern of transposed convolution comes from.",
    sheet: SheetLabels {
        worksheet: "Worksheet",
        print: "Print",
        back: "Back to the example",
        name: "Name",
        date: "Date",
        exercise: "Exercise",
        given: "Given",
        fill_in: "Work out the output size, then fill in every cell of the output.",
        answer_key: "Answer key",
    },
    learn: LearnLabels {
        open: "Learn",
        heading: "Backward pass and learning",
        target: "Target",
        rate: "Learning rate",
        run: "Steps to run",
        step_once: "Train one step",
        reset: "Back to the start",
        loss: "loss = ½ Σ (output − target)²",
        loss_gradient: "∂loss/∂output = output − target",
        diverges: "The loss is growing instead of shrinking: this learning rate overshoots at every step, so try a smaller one.",
        backward: "Backward pass",
        update_rule: "new = old − learning rate × gradient",
        old: "old",
        change: "change",
        new: "new",
        bias: "Bias",
        plot: "Loss against training steps",
        no_winner: "no pooling window chose this cell, so no gradient reaches it.",
        typed_target: "Target map (type a value to change it):",
    },
};

/// The operation's name in the menu.
pub(super) fn operation(operation: Operation) -> &'static str {
    match operation {
        Operation::Convolution => "Convolution",
        Operation::Relu => "ReLU",
        Operation::LeakyRelu => "Leaky ReLU",
        Operation::Sigmoid => "Sigmoid",
        Operation::Tanh => "Tanh",
        Operation::MaxPool => "Max pooling",
        Operation::AveragePool => "Average pooling",
        Operation::Block => "Block: convolution → activation → pooling",
        Operation::ConvTranspose => "Transposed convolution",
    }
}

/// A stage's short name.
pub(super) fn stage_name(operation: Operation) -> &'static str {
    match operation {
        Operation::Block => "Block",
        other => self::operation(other),
    }
}

/// A padding mode's name.
pub(super) fn padding_mode(mode: PaddingChoice) -> &'static str {
    match mode {
        PaddingChoice::Valid => "valid (none)",
        PaddingChoice::Same => "same (output = ⌈input / stride⌉)",
        PaddingChoice::SameLower => "same (extra cell at top/left)",
        PaddingChoice::Symmetric => {
            "symmetric ((K − 1)/2 on every side, as the tutorial's code does)"
        }
        PaddingChoice::Full => "full (K − 1 on every side)",
        PaddingChoice::Custom(_) => "custom",
    }
}

/// The output-size formula in words, or with the tutorial's letters and their key.
pub(super) fn size_formula_key(tutorial: bool, pooling: bool) -> &'static str {
    match (tutorial, pooling) {
        (true, false) => {
            "⌊(N + 2P − K) / S⌋ + 1 (N input size, P padding, K kernel size, S stride)"
        }
        (true, true) => "⌊(N + 2P − K) / S⌋ + 1 (N input size, P padding, K window size, S stride)",
        (false, false) => "output = ⌊(input + pad before + pad after − kernel span) ÷ stride⌋ + 1",
        (false, true) => "output = ⌊(input + pad before + pad after − window span) ÷ stride⌋ + 1",
    }
}

/// "dilated kernel span = 2×(3−1)+1 = 5".
pub(super) fn dilated_span(pooling: bool, worked: &str) -> String {
    let window = if pooling { "window" } else { "kernel" };
    format!("dilated {window} span = {worked}")
}

/// "rows & columns: ".
pub(super) fn axis_prefix(axis: Option<Axis>) -> &'static str {
    match axis {
        None => "rows & columns: ",
        Some(Axis::Rows) => "rows: ",
        Some(Axis::Columns) => "columns: ",
    }
}

/// How same padding differs from the tutorial's symmetric padding here.
pub(super) fn padding_difference(
    same: &str,
    other: &str,
    sides: &str,
    output: &str,
    lower: bool,
) -> String {
    let odd = if lower {
        "top and left"
    } else {
        "bottom and right"
    };
    format!(
        "{other} would pad {sides} and give {output}: {same} pads just enough for ⌈input ÷ stride⌉ outputs, an odd cell going to the {odd}, while symmetric pads (K−1)/2 on every side, as the tutorial's code does."
    )
}

/// A preset kernel's name.
pub(super) fn preset(preset: KernelPreset) -> &'static str {
    match preset {
        KernelPreset::Identity => "identity",
        KernelPreset::BoxBlur => "box blur",
        KernelPreset::GaussianBlur => "Gaussian blur",
        KernelPreset::Sharpen => "sharpen",
        KernelPreset::Edge => "edge (Laplacian)",
        KernelPreset::SobelX => "Sobel x",
        KernelPreset::SobelY => "Sobel y",
        KernelPreset::Emboss => "emboss",
        KernelPreset::Outline => "outline",
    }
}

/// What a shortcut does.
pub(super) fn shortcut(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::PlayPause => "play or pause",
        Shortcut::StepForward => "step forward",
        Shortcut::StepBack => "step back",
        Shortcut::FirstStep => "first step",
        Shortcut::LastStep => "last step",
        Shortcut::Faster => "faster",
        Shortcut::Slower => "slower",
        Shortcut::NextOperation => "next operation",
        Shortcut::PreviousOperation => "previous operation",
        Shortcut::NextStage => "next stage",
        Shortcut::PreviousStage => "previous stage",
        Shortcut::ToggleHelp => "show or hide this list",
        Shortcut::CloseHelp => "close this list",
    }
}

/// A panel's name.
pub(super) fn panel_name(panel: Panel) -> &'static str {
    match panel {
        Panel::Header => "title",
        Panel::Controls => "controls",
        Panel::Playback => "playback",
        Panel::Arithmetic => "calculation",
        Panel::Formula => "output-size formula",
        Panel::Pictures => "pictures",
        Panel::Code => "code",
        Panel::Hint => "hint",
    }
}

/// A sample picture's name.
pub(super) fn sample_name(id: &str) -> &'static str {
    match id {
        "house" => "House",
        "digit" => "Digit 7",
        _ => "Shapes",
    }
}

/// "ReLU output".
pub(super) fn stage_output(name: &str) -> String {
    format!("{name} output")
}

/// "Stage 2 of 3: ReLU", `number` counted from 1.
pub(super) fn stage_of(number: usize, stages: usize, name: &str) -> String {
    format!("Stage {number} of {stages}: {name}")
}

/// "The whole picture at 224×224".
pub(super) fn full_size(rows: usize, columns: usize) -> String {
    format!("The whole picture at {rows}×{columns}")
}

/// What the full-size maps are, and the engine's time.
pub(super) fn computed_in(milliseconds: &str) -> String {
    format!(
        "The same layers on every pixel, computed in {milliseconds} ms. Edit a weight to see every map change."
    )
}

/// "Making the GIF: frame 12 of 40".
pub(super) fn gif_frame(frame: usize, frames: usize) -> String {
    format!("Making the GIF: frame {frame} of {frames}")
}

/// Why the GIF holds fewer steps than the run.
pub(super) fn gif_cut_short(frames: usize, steps: usize) -> String {
    format!(
        "The GIF holds the first {frames} of the {steps} steps, so that it stays quick to make and small enough to share."
    )
}

/// Why a picture was not saved.
pub(super) fn save_problem(problem: SaveProblem) -> &'static str {
    match problem {
        SaveProblem::NoCanvas => "This browser gave no canvas to draw on, so no picture was saved.",
        SaveProblem::NotDrawn => {
            "The browser could not draw the picture, so it was not saved; try SVG."
        }
        SaveProblem::TooLarge => {
            "This example is too large to save as pixels; save it as SVG instead."
        }
        SaveProblem::NoPng => "The browser could not make the PNG; try SVG.",
        SaveProblem::NoGif => "The GIF could not be made; try a smaller example.",
        SaveProblem::NoDownload => "The browser did not accept the file, so nothing was saved.",
    }
}

/// "Step 5 of 9".
pub(super) fn step_of(step: usize, steps: usize) -> String {
    format!("Step {step} of {steps}")
}

/// A cell's part in the step, as a phrase after its value.
fn part_phrase(part: Option<CellPart>) -> &'static str {
    match part {
        None => "",
        Some(CellPart::InWindow) => ", in the window",
        Some(CellPart::BeingWritten) => ", being written",
    }
}

/// "row 2, column 1: 7, in the window", counted from 1.
pub(super) fn cell_label(
    row: usize,
    column: usize,
    content: CellContent,
    part: Option<CellPart>,
) -> String {
    let content = match content {
        CellContent::Value(value) => value,
        CellContent::NotComputedYet => "not computed yet",
    };
    format!("row {row}, column {column}: {content}{}", part_phrase(part))
}

/// "padding 0, in the window".
pub(super) fn padding_label(part: Option<CellPart>) -> String {
    format!("{} 0{}", TEXT.padding_cell, part_phrase(part))
}

/// Link parameters not used as given, a sentence each: "Link parameter k (kernel size) = 0 is
/// outside 1–15, so the default 3 is used."
pub(super) fn ignored_parameters(refused: &[RefusedParameter]) -> String {
    let mut notice = String::new();
    for parameter in refused {
        let parts = [
            (!notice.is_empty()).then_some(" "),
            Some("Link parameter "),
            Some(parameter.key),
            parameter_name(parameter.key).map(|_| " ("),
            parameter_name(parameter.key),
            parameter_name(parameter.key).map(|_| ")"),
            parameter.given.map(|_| " = "),
            parameter.given,
            Some(match parameter.accepted {
                Some(_) => " is not in ",
                None => " was not understood",
            }),
            parameter.accepted,
            Some(match parameter.used {
                Some(_) => ", so the default ",
                None => ", so its default is used.",
            }),
            parameter.used,
            parameter.used.map(|_| " is used."),
        ];
        notice.extend(parts.into_iter().flatten());
    }
    notice
}

/// What a link parameter holding a number sets, for the notice about it; `None` for the others.
fn parameter_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "in" => "input size",
        "ch" => "channels",
        "f" => "filters",
        "g" => "groups",
        "k" => "kernel size",
        "s" => "stride",
        "d" => "dilation",
        "pad" => "padding",
        "outpad" => "output padding",
        "slope" => "Leaky ReLU slope",
        "pk" => "pool window",
        "ps" => "pool stride",
        "b" => "bias",
        "step" => "step",
        _ => return None,
    })
}

/// Link parameters given more than once.
pub(super) fn repeated_parameters(names: &[String]) -> String {
    let list = names.join(", ");
    format!(
        "These link parameters appear more than once, so the first value of each is used: {list}."
    )
}

/// Why max pooling leaves out the window's padding cells.
pub(super) fn max_ignores_padding(padding: usize) -> String {
    format!(
        "The {padding} padding cells of this window are never candidates: max pooling only compares real input values."
    )
}

/// How the average's divisor was counted.
pub(super) fn divisor(inputs: usize, padding: usize, divisor: usize) -> String {
    match (padding, divisor > inputs) {
        (0, _) => format!("Divided by {divisor}, the number of cells in the window."),
        (_, true) => format!(
            "Divided by {divisor} = {inputs} input cells + {padding} padding cells (padding counts)."
        ),
        (_, false) => format!(
            "Divided by {divisor}, the input cells only: the {padding} padding cells do not count."
        ),
    }
}

/// "Step 5 of 9: output row 2, column 1 = 7", every number counted from 1.
pub(super) fn announce(
    step: usize,
    steps: usize,
    channel: Option<usize>,
    row: usize,
    column: usize,
    value: &str,
) -> String {
    match channel {
        None => format!("Step {step} of {steps}: output row {row}, column {column} = {value}"),
        Some(channel) => format!(
            "Step {step} of {steps}: output channel {channel}, row {row}, column {column} = {value}"
        ),
    }
}

/// Why a picture could not be used.
pub(super) fn picture_problem(problem: PictureProblem) -> String {
    match problem {
        PictureProblem::NotAPicture => {
            "That file is not a picture this browser can read; the current example stays."
                .to_owned()
        }
        PictureProblem::TooLarge(megabytes) => format!(
            "That file is {} MB; pictures up to 10 MB are accepted. The current example stays.",
            tenths(megabytes)
        ),
    }
}

/// A typed value that is not a number.
pub(super) fn not_a_number(text: &str) -> String {
    format!("“{text}” is not a number, so the old value is kept.")
}

/// A size that is not a whole number.
pub(super) fn not_a_whole_number(text: &str, range: &str) -> String {
    format!("“{text}” is not a whole number, so the old value is kept (range {range}).")
}

/// Why input rows or columns (counted from 1) are never read.
pub(super) fn never_read(axis: Axis, cells: &[usize], stride: usize, dilation: usize) -> String {
    let list = joined(cells, ", ");
    let one = cells.len() == 1;
    let lines = match (axis, one) {
        (Axis::Rows, true) => "Input row",
        (Axis::Rows, false) => "Input rows",
        (Axis::Columns, true) => "Input column",
        (Axis::Columns, false) => "Input columns",
    };
    let (are, them) = if one { ("is", "it") } else { ("are", "them") };
    let why = if dilation > 1 {
        format!("the taps are {dilation} apart and the stride of {stride} never lands on {them}")
    } else {
        format!("the stride of {stride} jumps past {them} and no whole window fits over {them}")
    };
    format!("{lines} {list} {are} never read: {why}.")
}

/// A concept's question and its explanation, one paragraph a line.
pub(super) fn concept(concept: Concept) -> [&'static str; 2] {
    match concept {
        Concept::Operation => [
            "What is the operation?",
            "What each step computes. Convolution slides a kernel of weights over the input and adds up the products. An activation (ReLU, sigmoid, tanh) changes each value on its own. Pooling keeps the largest or the average value of each window. The block chains convolution → activation → pooling, as a layer of a network does.",
        ],
        Concept::InputSize => [
            "What is the input size?",
            "The rows and columns of the input feature map (N). A picture of 28×28 pixels is an input of 28 rows and 28 columns.",
        ],
        Concept::Channels => [
            "What are input channels?",
            "How many grids of numbers the input stacks: 1 for a grey picture, 3 for a colour one (R, G, B). A kernel has one slice per input channel, and a convolution adds up the products over all of them.",
        ],
        Concept::Filters => [
            "What are filters?",
            "How many kernels the convolution applies. Each filter makes one output map, so the number of filters is the number of output channels.",
        ],
        Concept::KernelSize => [
            "What is the kernel size?",
            "The rows and columns of the kernel (K), the grid of weights that slides over the input. A 3×3 kernel reads 9 cells of each channel for every output value.",
        ],
        Concept::PoolWindow => [
            "What is the pooling window?",
            "The rows and columns of the window pooling reads (K). 2×2 with stride 2 is the usual choice: each output sums up 4 cells, and the map halves each way.",
        ],
        Concept::Stride => [
            "What is the stride?",
            "How many cells the window moves from one output to the next (S). Stride 2 skips every other position, so the output is about half as large:\noutput = ⌊(N + 2P − K) / S⌋ + 1",
        ],
        Concept::PoolStride => [
            "What is the pooling stride?",
            "How many cells the pooling window moves each step. When it equals the window size, the windows do not overlap and the map shrinks by that factor.",
        ],
        Concept::Dilation => [
            "What is dilation?",
            "The distance between the cells the kernel reads (D). Dilation 1 reads neighbouring cells; dilation 2 leaves a gap of one cell between them, so 3 weights span D × (K − 1) + 1 = 5 cells.",
        ],
        Concept::Padding => [
            "What is padding?",
            "Rings of zeros added around the input (P), so that windows can centre on the edge cells too and the output shrinks less.\nvalid: no padding.\nsame: enough for an output of ⌈N / S⌉; an odd total puts the extra row and column at the bottom and right.\nsame (extra cell at top/left): the same total, with the extra at the top and left.\nfull: K − 1 on every side, so every window that touches the input is computed.\nsymmetric: (K − 1) / 2 on every side, as the tutorial's code pads; with an even kernel the output loses a row and a column.\ncustom: a number for each side.",
        ],
        Concept::CeilMode => [
            "What is ceil mode?",
            "How pooling rounds its output size. Off (floor): a last window that would hang past the input is dropped. On (ceil): it is kept and reads only the cells that are there:\noutput = ⌈(N + 2P − K) / S⌉ + 1",
        ],
        Concept::CountIncludePad => [
            "What does counting padding cells mean?",
            "Whether average pooling divides by every cell of the window, padding zeros included (on, PyTorch's default), or only by the input cells it covers (off). Only windows that touch the padding differ.",
        ],
        Concept::FlipKernel => [
            "What is flipping the kernel?",
            "Deep-learning libraries compute cross-correlation: the kernel is laid on the input as it is. Convolution in mathematics first turns the kernel by 180°, so row i becomes row K − 1 − i and column j column K − 1 − j. The outputs differ unless the kernel is symmetric.",
        ],
        Concept::Bias => [
            "What is the bias?",
            "A number added to a filter's sum, once for each output value: output = Σ weight × input + b. It moves the whole output map up or down.",
        ],
        Concept::Slope => [
            "What is the slope?",
            "Leaky ReLU keeps positive values and multiplies negative ones by the slope α (often 0.01) instead of making them 0: f(x) = x when x > 0, else αx.",
        ],
        Concept::Activation => [
            "What is the activation?",
            "The function applied to each value after the convolution. Without it, stacked convolutions would still be one linear map. ReLU keeps positive values and makes negative ones 0; sigmoid squeezes values into (0, 1), tanh into (−1, 1).",
        ],
        Concept::Pooling => [
            "What is pooling?",
            "Pooling makes the map smaller: each window becomes one number, its largest value (max) or its average. It has no weights to learn.",
        ],
        Concept::RandomValues => [
            "What do the random buttons do?",
            "They fill the input or the kernel anew. Random integers from −3 to 3 are easy to work out by hand; normal values (mean 0, standard deviation 1) are like the weights a network starts from before training.",
        ],
        Concept::Preset => [
            "What are preset kernels?",
            "Kernels people designed by hand before networks learned their own: blurs average the neighbours, sharpen and edge kernels bring out differences, Sobel finds horizontal or vertical changes. Try them on a picture.",
        ],
        Concept::PaddingFill => [
            "What fills the padding?",
            "The values in the padding ring (PyTorch's padding_mode). Hover a padding cell to see the input cell it copies.\nzeros: every padding cell is 0.\nreflect: the input mirrored about its edge cell, which is not repeated; the padding must be narrower than the input.\nreplicate: the edge cell repeated.\ncircular: the input wrapped around from the other side, as if it were a tile.\nPooling always pads with cells it ignores.",
        ],
        Concept::Groups => [
            "What are groups?",
            "Groups split the input channels and the filters into G equal parts: each filter reads only the channels of its own group, so it has channels / G slices. G must divide both the channels and the filters.\nDepthwise: G = channels, one filter per channel, each reading only its own channel.\nPointwise: a 1×1 kernel, which only mixes channels.\nThe counts under the formula show what groups save.",
        ],
        Concept::OutputPadding => [
            "What is output padding?",
            "Cells added at the end of a transposed convolution's output, per axis. With stride S, several input sizes give the same convolution output size; output padding says which of them to grow back to. It must be smaller than the stride or the dilation.\nout = (in − 1)·S − pad_before − pad_after + dilation·(K − 1) + output_padding + 1",
        ],
    }
}

/// The engine's error, in the engine's own words.
pub(super) fn error(error: &EngineError) -> String {
    error.to_string()
}

/// Why a matrix view is not shown.
pub(super) fn matrix_unavailable(reason: Unavailable) -> String {
    match reason {
        Unavailable::NotConvolution => "This stage is not a convolution: only a convolution multiplies by weights, so only a convolution has a matrix form.".to_owned(),
        Unavailable::TooLarge {
            rows,
            columns,
            limit: [max_rows, max_columns],
        } => format!(
            "The matrix would be {rows}×{columns}, and up to {max_rows}×{max_columns} fits on the screen. Make the input or the kernel smaller to see it."
        ),
    }
}

/// What belongs where the text went wrong.
fn expected(expected: Expected) -> &'static str {
    match expected {
        Expected::List => "a “[” starting the tensor",
        Expected::Value => "a number or “[”",
        Expected::CommaOrClose => "“,” or “]”",
        Expected::End => "the end of the tensor",
    }
}

/// Why a pasted tensor was refused.
pub(super) fn paste_error(error: &PasteError) -> String {
    match error {
        PasteError::Text(error) => tensor_error(error),
        PasteError::Fit(error) => fit_error(error),
    }
}

/// Why pasted text is not a tensor.
fn tensor_error(error: &TensorError) -> String {
    match error {
        TensorError::Unexpected {
            offset: 0,
            found: None,
            ..
        } => "There is nothing to read: paste a tensor, such as [[1, 2], [3, 4]].".to_owned(),
        TensorError::Unexpected {
            offset,
            found: Some(found),
            expected: what,
        } => format!(
            "Character {} is “{found}”, where {} belongs.",
            offset + 1,
            expected(*what)
        ),
        TensorError::Unexpected {
            found: None,
            expected: what,
            ..
        } => format!("The text ends where {} belongs.", expected(*what)),
        TensorError::Abbreviated => "This tensor was printed abbreviated, with “...”, so some values are missing. Print it in full first: torch.set_printoptions(profile=\"full\") or numpy.set_printoptions(threshold=sys.maxsize).".to_owned(),
        TensorError::NotANumber { at, text } => {
            format!("“{text}” at position {} is not a number.", position(at))
        }
        TensorError::NotFinite { at } => format!(
            "The value at position {} is infinite or not a number; only finite values can be stepped.",
            position(at)
        ),
        TensorError::ValueTooLarge { at, text } => format!(
            "{text} at position {} is beyond ±{}, the largest value ConvStep accepts.",
            position(at),
            Shortest(MAX_ABS_VALUE)
        ),
        TensorError::EmptyList { at } if at.is_empty() => "The tensor is empty.".to_owned(),
        TensorError::EmptyList { at } => format!("The list at position {} is empty.", position(at)),
        TensorError::Ragged {
            at,
            length,
            expected,
            numbers: true,
        } if at.len() == 1 => format!(
            "Row {} has {}, but row 1 has {expected}: every row needs as many values.",
            at[0] + 1,
            plural(*length, "value")
        ),
        TensorError::Ragged {
            at,
            length,
            expected,
            numbers,
        } => format!(
            "The list at position {} has {}, but the list at position {} has {expected}: the lists at each depth need equal lengths.",
            position(at),
            plural(*length, if *numbers { "value" } else { "list" }),
            position(&vec![0; at.len()])
        ),
        TensorError::MixedDepth { at } => format!(
            "At position {} a number and a list stand side by side: every value must be nested equally deep.",
            position(at)
        ),
        TensorError::TooDeep { limit } => format!(
            "The lists nest more than {limit} deep; a kernel has at most 4 axes (filters, channels, rows, columns)."
        ),
        TensorError::TooManyValues { limit } => format!(
            "The tensor has more than {limit} values, more than the step view shows."
        ),
    }
}

/// Why a tensor does not fit the example.
fn fit_error(error: &FitError) -> String {
    match error {
        FitError::NoKernel => {
            "This operation has no kernel: pooling and activations have no weights to paste."
                .to_owned()
        }
        FitError::Shape {
            target,
            pasted,
            channels,
            filters,
        } => {
            let shapes = accepted_shapes(*target, *channels, *filters);
            let expected = match shapes.split_last() {
                Some((last, first)) if !first.is_empty() => {
                    format!("{} or {last}", first.join(", "))
                }
                _ => shapes.join(""),
            };
            let channels_text = plural(*channels, "channel");
            let has = match target {
                Values::Input => format!("the input has {channels_text}"),
                Values::Kernel => format!(
                    "the kernel has {} of {channels_text}",
                    plural(*filters, "filter")
                ),
            };
            format!(
                "The pasted tensor is {}, but {has}: expected {expected}.",
                shape_text(pasted)
            )
        }
        FitError::TooLarge {
            target,
            pasted,
            limit,
        } => format!(
            "The pasted tensor is {}, but the {}'s rows and columns can be at most {limit}.",
            shape_text(pasted),
            match target {
                Values::Input => "input",
                Values::Kernel => "kernel",
            }
        ),
    }
}

/// "1 channel", "3 channels".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

pub(super) fn lesson_problem(path: &str, problem: &LoadProblem) -> String {
    let problem = match problem {
        LoadProblem::Status(404) => return format!("The lesson file {path} was not found."),
        LoadProblem::Status(status) => {
            return format!(
                "The lesson file {path} could not be loaded: the server answered {status}."
            );
        }
        LoadProblem::Unreachable => {
            return format!(
                "The lesson file {path} could not be loaded: the server did not answer."
            );
        }
        LoadProblem::File(error) => (error.line, &error.problem),
    };
    let (line, problem) = problem;
    let why = match problem {
        LessonProblem::TooLong => "it is longer than 256 KB.".to_owned(),
        LessonProblem::NoFrontMatter => {
            "a lesson starts with a front matter: a line ---, a line title: and its title, and --- again.".to_owned()
        }
        LessonProblem::FrontMatterUnclosed => "the front matter has no closing --- line.".to_owned(),
        LessonProblem::UnknownKey(key) => {
            format!("the front matter may hold title, lang and author, not “{key}”.")
        }
        LessonProblem::NoTitle => "the front matter needs a title: line.".to_owned(),
        LessonProblem::TextBeforeChapter => {
            "text comes before the first chapter; start each chapter with a line ## and its title.".to_owned()
        }
        LessonProblem::OtherHeading => "only ## headings are allowed, and each starts a chapter.".to_owned(),
        LessonProblem::EmptyHeading => "the chapter heading has no title.".to_owned(),
        LessonProblem::NoFigure => "this chapter has no figure: line with a ConvStep link.".to_owned(),
        LessonProblem::Repeated(key) => format!("a chapter may have only one {key} line."),
        LessonProblem::BadFigure(names) => format!(
            "the figure link cannot use {}: a figure sets the example and the step, as in the link table.",
            joined(names, ", ")
        ),
        LessonProblem::OutsideCheck => "choices and because: belong after a check: line.".to_owned(),
        LessonProblem::TooFewChoices => "a question needs at least two choices, - [ ] and - [x].".to_owned(),
        LessonProblem::NotOneAnswer => "mark exactly one choice right, with - [x].".to_owned(),
        LessonProblem::NoChapters => "it has no chapters; start each with a line ## and its title.".to_owned(),
        LessonProblem::TooManyChapters => "it has more than 60 chapters.".to_owned(),
    };
    format!("The lesson file {path} cannot be read. Line {line}: {why}")
}

// --- practice mode ---

use super::PracticeText;
use crate::app::practice::answer::AnswerError;
use crate::app::practice::mistakes::Mistake;
use crate::app::practice::{Kind, Question};
use crate::engine::Cell;

/// Practice mode's labels.
pub(super) const PRACTICE: PracticeText = PracticeText {
    heading: "Practice",
    answer_label: "Your answer",
    size_placeholder: "rows×columns, e.g. 3x4",
    check: "Check",
    hint: "Hint",
    try_again: "Try again",
    reveal: "Reveal the answer",
    next: "Next question",
    to_summary: "See the summary",
    restart: "Start the set again",
    right: "Right!",
    wrong: "Not quite.",
    your_answer: "Your answer",
    right_answer: "Right answer",
    revealed_note: "Here is the answer; the step is shown.",
    summary: "Set done",
    first_time: "Right the first time",
    later_try: "Right at another try",
    after_hint: "Right after a hint",
    revealed: "Revealed",
    common_mistakes: "Mistakes seen most",
    no_mistakes: "No common mistake was seen.",
    grid_label: "Click the cells of your answer",
    working: "The step worked out",
    leave: "Leave practice",
};

pub(super) fn practice_progress(question: usize, count: usize, score: usize) -> String {
    format!(
        "Question {} of {count} · score {score}",
        question.min(count)
    )
}

pub(super) fn practice_question(question: &Question, cell: Option<Cell>) -> String {
    let settings = &question.settings;
    let place = cell.map_or(String::new(), |cell| {
        format!("row {}, column {}", cell.row + 1, cell.column + 1)
    });
    match question.kind {
        Kind::Value if settings.operation == crate::app::settings::Operation::Block => format!(
            "What does output cell {place} hold after the convolution, its bias and the activation?"
        ),
        Kind::Value => format!(
            "{}: what value does the next output cell, {place}, get?",
            operation(settings.operation)
        ),
        Kind::Size => format!(
            "{}: how large is the output? Type rows×columns.",
            operation(settings.operation)
        ),
        Kind::Window => format!(
            "Which input cells does the window of output cell {place} read? Click them, in every channel."
        ),
        Kind::Winner => {
            format!(
                "Which input cell wins the max-pooling window of output cell {place}? Click it."
            )
        }
        Kind::Feeds => format!(
            "Which output cells does input cell row {}, column {} feed? Click them (none, if no window reads it).",
            question.cell.row + 1,
            question.cell.column + 1
        ),
        Kind::Same => {
            let [input, _] = settings.input_size;
            let [kernel, _] = settings.kernel_size;
            let [stride, _] = settings.stride;
            let [dilation, _] = settings.dilation;
            format!(
                "Input {input}×{input}, kernel {kernel}×{kernel}, stride {stride}, dilation {dilation}: how many cells of padding does same add along the rows, top and bottom together?"
            )
        }
    }
}

pub(super) fn practice_mistake(mistake: Mistake) -> &'static str {
    match mistake {
        Mistake::FlippedKernel => {
            "You flipped the kernel: that is true convolution, but a convolution layer uses the kernel as it is (cross-correlation)."
        }
        Mistake::NoBias => "You left out the bias: add the filter's bias after the products.",
        Mistake::LeftOutTerm => "You left out one term of the sum: the window has one more to add.",
        Mistake::LeftOutChannel => {
            "You left out a channel: the window reads every input channel, and their sums add up."
        }
        Mistake::NoPadding => {
            "You forgot the padding: it surrounds the input before the window slides."
        }
        Mistake::PaddingCounted => {
            "You counted the padding cells, but this average divides by the real cells only."
        }
        Mistake::PaddingNotCounted => {
            "You left the padding cells out of the count, but this average counts them."
        }
        Mistake::CeilForFloor => "You rounded up, but the size formula rounds down here.",
        Mistake::FloorForCeil => "You rounded down, but here the output size rounds up.",
        Mistake::OffByOne => "You are one off: check the + 1 in the formula.",
        Mistake::StrideAsWidth => "You moved the window by its width, but it moves by the stride.",
        Mistake::ReluBeforeBias => {
            "You applied ReLU before adding the bias: add the bias first, then apply ReLU."
        }
    }
}

pub(super) fn practice_mistake_name(mistake: Mistake) -> &'static str {
    match mistake {
        Mistake::FlippedKernel => "flipping the kernel",
        Mistake::NoBias => "leaving out the bias",
        Mistake::LeftOutTerm => "leaving out a term",
        Mistake::LeftOutChannel => "leaving out a channel",
        Mistake::NoPadding => "forgetting the padding",
        Mistake::PaddingCounted => "counting padding in an average",
        Mistake::PaddingNotCounted => "not counting padding in an average",
        Mistake::CeilForFloor => "rounding up instead of down",
        Mistake::FloorForCeil => "rounding down instead of up",
        Mistake::OffByOne => "off by one",
        Mistake::StrideAsWidth => "moving by the width, not the stride",
        Mistake::ReluBeforeBias => "ReLU before the bias",
    }
}

pub(super) fn practice_answer_error(error: AnswerError, text: &str) -> String {
    match error {
        AnswerError::Empty => "Type an answer first.".to_owned(),
        AnswerError::NotANumber => {
            format!("“{text}” is not a number: type digits, such as 7, −2 or 2.5 (or 2,5).")
        }
        AnswerError::NotASize => {
            format!("“{text}” is not a size: type rows×columns, such as 3x4.")
        }
    }
}

pub(super) fn practice_window(rows: [usize; 2], columns: [usize; 2], channels: usize) -> String {
    let every = if channels > 1 {
        ", in every channel"
    } else {
        ""
    };
    format!(
        "The window reads rows {} to {} and columns {} to {} of the input{every}.",
        rows[0], rows[1], columns[0], columns[1]
    )
}

pub(super) fn practice_feeds_hint(level: u8, count: usize, lines: &[usize]) -> String {
    let lines = joined(lines, ", ");
    match level {
        1 => format!("It feeds {count} output cells."),
        2 => format!("They are in output rows {lines}."),
        _ => format!("They are in output columns {lines}."),
    }
}

pub(super) fn practice_same_hint(level: u8, numbers: [usize; 6]) -> String {
    let [input, kernel, stride, dilation, outputs, total] = numbers;
    match level {
        1 => "same makes ⌈input ÷ stride⌉ outputs; the padding is (outputs − 1)·stride + dilation·(kernel − 1) + 1 − input, or 0 if that is negative.".to_owned(),
        2 => format!("⌈{input} ÷ {stride}⌉ = {outputs} outputs."),
        _ => format!(
            "({outputs} − 1)·{stride} + {dilation}·({kernel} − 1) + 1 − {input} = {total}."
        ),
    }
}
