//! Typed errors for everything that cannot form a result, each worded for a learner.

use super::decimal::Shortest;
use std::fmt;

/// Which direction of the grid a size belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    /// Rows: the vertical direction (height).
    Rows,
    /// Columns: the horizontal direction (width).
    Columns,
}

impl Axis {
    /// Both axes, rows first.
    pub const BOTH: [Axis; 2] = [Axis::Rows, Axis::Columns];
}

impl fmt::Display for Axis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Axis::Rows => "vertical",
            Axis::Columns => "horizontal",
        })
    }
}

/// Which array a value or size belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The input feature map.
    Input,
    /// The kernel (weights).
    Kernel,
    /// The bias, one value per output channel.
    Bias,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Input => "input",
            Part::Kernel => "kernel",
            Part::Bias => "bias",
        })
    }
}

/// Where a value sits in its array. Stored counted from 0; written counted from 1, as the
/// grids label rows, columns, channels and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    /// A value of a feature map.
    Map {
        /// Channel.
        channel: usize,
        /// Row.
        row: usize,
        /// Column.
        column: usize,
    },
    /// A weight of the kernel.
    Weight {
        /// Filter (output channel).
        filter: usize,
        /// Input channel.
        channel: usize,
        /// Row.
        row: usize,
        /// Column.
        column: usize,
    },
    /// A filter's bias.
    Bias {
        /// Filter (output channel).
        filter: usize,
    },
}

impl Position {
    /// The array the value belongs to.
    pub fn part(self) -> Part {
        match self {
            Position::Map { .. } => Part::Input,
            Position::Weight { .. } => Part::Kernel,
            Position::Bias { .. } => Part::Bias,
        }
    }
}

impl fmt::Display for Position {
    /// `at channel 1, row 2, column 3`, `at filter 2, channel 1, row 1, column 1`, `of filter 2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Position::Map {
                channel,
                row,
                column,
            } => write!(
                f,
                "at channel {}, row {}, column {}",
                channel + 1,
                row + 1,
                column + 1
            ),
            Position::Weight {
                filter,
                channel,
                row,
                column,
            } => write!(
                f,
                "at filter {}, channel {}, row {}, column {}",
                filter + 1,
                channel + 1,
                row + 1,
                column + 1
            ),
            Position::Bias { filter } => write!(f, "of filter {}", filter + 1),
        }
    }
}

/// A parameter that has an upper limit in ConvStep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Input height or width.
    InputSide,
    /// Kernel or pooling window height or width.
    KernelSide,
    /// Number of input or output channels.
    Channels,
    /// Number of filters (output channels of a convolution).
    Filters,
    /// Stride along one axis.
    Stride,
    /// Dilation along one axis.
    Dilation,
    /// Padding on one side.
    Padding,
    /// Number of output values (steps).
    Outputs,
}

impl fmt::Display for Limited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limited::InputSide => "input side",
            Limited::KernelSide => "kernel side",
            Limited::Channels => "channel count",
            Limited::Filters => "filter count",
            Limited::Stride => "stride",
            Limited::Dilation => "dilation",
            Limited::Padding => "padding",
            Limited::Outputs => "number of output values",
        })
    }
}

/// Everything that can stop the engine from producing a result.
///
/// Every message names the offending numbers, so the learner can see what to change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// A stride of 0 would never move the window.
    #[error("The {axis} stride is 0: the window must move at least 1 cell per step.")]
    ZeroStride {
        /// The axis with stride 0.
        axis: Axis,
    },
    /// A dilation of 0 would put every tap on the same cell.
    #[error("The {axis} dilation is 0: taps must be at least 1 cell apart (1 means no gaps).")]
    ZeroDilation {
        /// The axis with dilation 0.
        axis: Axis,
    },
    /// A kernel or window with no cells.
    #[error("The {axis} kernel size is 0: a window needs at least 1 cell.")]
    ZeroKernel {
        /// The axis with size 0.
        axis: Axis,
    },
    /// An input with no cells or no channels.
    #[error(
        "The input is empty ({channels} channels of {rows}×{columns}): there is nothing to slide over."
    )]
    EmptyInput {
        /// Channels of the input.
        channels: usize,
        /// Rows of the input.
        rows: usize,
        /// Columns of the input.
        columns: usize,
    },
    /// The (dilated) kernel does not fit inside the padded input even once.
    #[error(
        "The {axis} kernel spans {field} cells but the padded input is only {padded} cells \
         ({input} + {pad_begin} + {pad_end} padding): not even one window fits. \
         Use a smaller kernel or dilation, or more padding."
    )]
    KernelLargerThanInput {
        /// The axis that does not fit.
        axis: Axis,
        /// Cells the dilated kernel spans: `dilation*(k-1) + 1`.
        field: usize,
        /// Input size plus padding.
        padded: usize,
        /// Input size alone.
        input: usize,
        /// Padding before the input.
        pad_begin: usize,
        /// Padding after the input.
        pad_end: usize,
    },
    /// A pooling window that reads only padding has no value to take.
    #[error(
        "The pooling window at {axis} output position {shown} covers only padding: \
         use less padding (at most half the window) or a larger window.",
        shown = .position + 1
    )]
    WindowOnlyPadding {
        /// The axis along which the window misses the input.
        axis: Axis,
        /// The output position (stored from 0, written from 1) whose window misses the input.
        position: usize,
    },
    /// The kernel's channel count differs from the input's.
    #[error(
        "The input has {input_channels} channels but each filter of the kernel has \
         {kernel_channels}: a filter needs one slice per input channel."
    )]
    ChannelMismatch {
        /// Channels of the input.
        input_channels: usize,
        /// Channels (slices) of each filter.
        kernel_channels: usize,
    },
    /// Groups that do not split the channels and the filters evenly.
    #[error(
        "{groups} groups cannot split {channels} input channels and {filters} filters: \
         the number of groups must be at least 1 and divide both."
    )]
    GroupsDoNotDivide {
        /// Groups asked for.
        groups: usize,
        /// Input channels.
        channels: usize,
        /// Filters (output channels).
        filters: usize,
    },
    /// A grouped kernel whose slices per filter are not the channels of one group.
    #[error(
        "With {groups} groups, each filter reads {per_group} of the {input_channels} input \
         channels, but the kernel has {kernel_channels} slices per filter.",
        per_group = .input_channels / .groups
    )]
    GroupChannelMismatch {
        /// Groups.
        groups: usize,
        /// Input channels, all groups together.
        input_channels: usize,
        /// Slices per filter in the kernel.
        kernel_channels: usize,
    },
    /// Reflect padding as wide as the input: there is no cell to mirror it from.
    #[error(
        "Reflect padding of {pad} {axis} cells needs an input wider than {pad}, but it has \
         {input}: reflection skips the edge cell, so the padding must be smaller than the input."
    )]
    ReflectPaddingTooWide {
        /// The axis.
        axis: Axis,
        /// The wider side's padding.
        pad: usize,
        /// Input cells along the axis.
        input: usize,
    },
    /// Circular padding wider than the input would wrap around more than once.
    #[error(
        "Circular padding of {pad} {axis} cells would wrap around the {input} input cells more \
         than once: the padding can be at most the input's size."
    )]
    CircularPaddingTooWide {
        /// The axis.
        axis: Axis,
        /// The wider side's padding.
        pad: usize,
        /// Input cells along the axis.
        input: usize,
    },
    /// A transposed convolution's output padding as large as both its stride and dilation.
    #[error(
        "The {axis} output padding {output_padding} must be smaller than the stride \
         ({stride}) or the dilation ({dilation})."
    )]
    OutputPaddingTooLarge {
        /// The axis.
        axis: Axis,
        /// The output padding given.
        output_padding: usize,
        /// The stride.
        stride: usize,
        /// The dilation.
        dilation: usize,
    },
    /// A transposed convolution whose padding crops away the whole output.
    #[error(
        "The {axis} output size of the transposed convolution works out to {output}: the \
         padding crops away everything. Use less padding, or a larger input, stride or kernel."
    )]
    TransposedOutputEmpty {
        /// The axis.
        axis: Axis,
        /// The output size the formula gives (0 or less).
        output: i64,
    },
    /// An output size asked of a transposed convolution that padding cannot reach.
    #[error(
        "A {axis} output of {asked} cells is larger than this transposed convolution can give \
         without padding ({largest}): padding only crops."
    )]
    OutputShapeTooLarge {
        /// The axis.
        axis: Axis,
        /// The output size asked for.
        asked: usize,
        /// The output size with no padding.
        largest: usize,
    },
    /// A transposed convolution's kernel whose first dimension is not the input's channels.
    #[error(
        "The input has {input_channels} channels but the transposed convolution's kernel has \
         {kernel_channels} input slices: its first dimension must be the input's channels."
    )]
    TransposedChannelMismatch {
        /// Channels of the input.
        input_channels: usize,
        /// The kernel's first dimension.
        kernel_channels: usize,
    },
    /// A convolution with no filters has no output.
    #[error("The kernel has no filters: a convolution needs at least 1 output channel.")]
    NoFilters,
    /// The bias has a different length from the number of filters.
    #[error("There are {filters} filters but {biases} bias values: give one bias per filter.")]
    BiasMismatch {
        /// Number of filters (output channels).
        filters: usize,
        /// Number of bias values given.
        biases: usize,
    },
    /// A size beyond what ConvStep supports.
    #[error("The {what} {value} is larger than ConvStep allows ({limit}).")]
    TooLarge {
        /// Which parameter.
        what: Limited,
        /// The value given.
        value: usize,
        /// The largest allowed value.
        limit: usize,
    },
    /// A value that is not a finite number.
    #[error("The {part} value {at} is not a finite number.", part = .at.part())]
    NotFinite {
        /// Where the value is.
        at: Position,
    },
    /// A value too large in magnitude to be shown and summed safely.
    #[error(
        "The {part} value {shown} {at} is too large: values must lie between -{most} and {most}.",
        part = .at.part(),
        shown = Shortest(*.value),
        most = Shortest(*.limit)
    )]
    ValueTooLarge {
        /// Where the value is.
        at: Position,
        /// The value given.
        value: f32,
        /// The largest allowed magnitude.
        limit: f32,
    },
    /// A step number past the last step.
    #[error("Step {step} does not exist: there are {steps} steps, numbered from 0.")]
    StepOutOfRange {
        /// The step asked for.
        step: usize,
        /// How many steps there are.
        steps: usize,
    },
    /// A cell outside the input.
    #[error("There is no input cell at channel {channel}, row {row}, column {column}.")]
    CellOutOfRange {
        /// Channel asked for.
        channel: usize,
        /// Row asked for.
        row: usize,
        /// Column asked for.
        column: usize,
    },
    /// An activation parameter out of range.
    #[error(
        "The Leaky ReLU slope {shown} must be a finite number between -{most} and {most}.",
        shown = Shortest(*.slope),
        most = Shortest(*.limit)
    )]
    BadSlope {
        /// The slope given.
        slope: f32,
        /// The largest allowed magnitude.
        limit: f32,
    },
    /// A target map whose shape differs from the output it is compared with.
    #[error(
        "The target is {} but the output is {}: the target must have the output's shape.",
        shape_text(.target),
        shape_text(.output)
    )]
    TargetShape {
        /// `[channels, rows, columns]` of the output.
        output: [usize; 3],
        /// `[channels, rows, columns]` of the target.
        target: [usize; 3],
    },
    /// A gradient whose shape differs from the values it belongs to.
    #[error(
        "The gradient is {} but the values it belongs to are {}: they must have the same shape.",
        shape_text(.found),
        shape_text(.expected)
    )]
    GradientShape {
        /// The shape of the values.
        expected: Vec<usize>,
        /// The shape of the gradient.
        found: Vec<usize>,
    },
    /// A stage whose backward pass ConvStep does not step, or that has no kernel to train.
    #[error(
        "Stage {stage} has no backward pass in ConvStep: convolution, activation and pooling \
         stages do, and only a convolution's kernel learns."
    )]
    NoBackward {
        /// The stage, counted from 1.
        stage: usize,
    },
    /// A pipeline stage that cannot be built from the previous stage's output.
    #[error("Stage {stage}: {source}")]
    InStage {
        /// The stage, counted from 1.
        stage: usize,
        /// What went wrong there.
        source: Box<EngineError>,
    },
}

/// A shape written as its sizes joined by ×: `1×6×6`.
pub fn shape_text(shape: &[usize]) -> String {
    shape
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("×")
}

/// Result type of every fallible engine call.
pub type Result<T> = std::result::Result<T, EngineError>;
