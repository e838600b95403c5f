//! What defines the example on screen: the operation, its sizes and parameters, and the values.
//!
//! Values live in backing arrays larger than any grid the step view shows, and the grids are
//! crops of them. Shrinking a grid and growing it back therefore loses nothing the learner typed.

use super::picture::Picture;
use crate::engine::{
    Activation, Axis, ConvSpec, ConvTransposeSpec, EngineError, GroupLayout, OutputSizeFormula,
    Padding, PaddingMode, Pipeline, PoolKind, Rounding, Sides, StageSpec, TransposedPadding,
    WindowSpec,
    error::{Limited, Position},
    fill::{RandomKind, random},
    limits::{MAX_DILATION, MAX_KERNEL_SIDE, MAX_PADDING, MAX_STRIDE, check_at_most},
    presets::KernelPreset,
};
use ndarray::{Array3, Array4, s};
use std::ops::RangeInclusive;

/// Largest input side the step view shows.
pub const MAX_VIEW_SIDE: usize = 64;
/// Largest number of input channels the step view shows.
pub const MAX_VIEW_CHANNELS: usize = 4;
/// Largest number of filters the step view shows.
pub const MAX_VIEW_FILTERS: usize = 8;
/// The seed of a fresh example's random backing values.
pub const DEFAULT_SEED: u64 = 1;

/// A whole number the learner sets. Its range is the one the link, the controls and the
/// build all use: the step view's own limits, and the engine's where the engine sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Input rows or columns.
    InputSide,
    /// Input channels.
    Channels,
    /// Filters (output channels of a convolution).
    Filters,
    /// Kernel or pooling window rows or columns.
    KernelSide,
    /// Stride along one axis.
    Stride,
    /// Dilation along one axis.
    Dilation,
    /// Padding on one side.
    Padding,
    /// Groups of a convolution (they must also divide the channels and the filters).
    Groups,
}

impl Limit {
    /// The values accepted.
    pub fn range(self) -> RangeInclusive<usize> {
        match self {
            Limit::InputSide => 1..=MAX_VIEW_SIDE,
            Limit::Channels => 1..=MAX_VIEW_CHANNELS,
            Limit::Filters => 1..=MAX_VIEW_FILTERS,
            Limit::KernelSide => 1..=MAX_KERNEL_SIDE,
            Limit::Stride => 1..=MAX_STRIDE,
            Limit::Dilation => 1..=MAX_DILATION,
            Limit::Padding => 0..=MAX_PADDING,
            Limit::Groups => 1..=MAX_VIEW_CHANNELS,
        }
    }

    /// Fails with the engine's message when `value` is past the largest value.
    fn check(self, value: usize) -> Result<(), EngineError> {
        let limited = match self {
            Limit::InputSide => Limited::InputSide,
            Limit::Channels => Limited::Channels,
            Limit::Filters => Limited::Filters,
            Limit::KernelSide => Limited::KernelSide,
            Limit::Stride => Limited::Stride,
            Limit::Dilation => Limited::Dilation,
            Limit::Padding => Limited::Padding,
            Limit::Groups => Limited::Channels,
        };
        check_at_most(limited, value, *self.range().end())
    }
}

/// Which pair of per-axis numbers a size control sets.
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
    /// Transposed convolution's cells added at the end of the output.
    OutputPadding,
}

impl SizeField {
    /// The range of each of its numbers.
    pub fn limit(self) -> Limit {
        match self {
            SizeField::Input => Limit::InputSide,
            SizeField::Kernel | SizeField::PoolWindow => Limit::KernelSide,
            SizeField::Stride | SizeField::PoolStride => Limit::Stride,
            SizeField::Dilation => Limit::Dilation,
            SizeField::OutputPadding => Limit::Padding,
        }
    }
}

/// The operation being stepped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Convolution (cross-correlation, optionally with a flipped kernel).
    Convolution,
    /// ReLU activation.
    Relu,
    /// Leaky ReLU activation.
    LeakyRelu,
    /// Sigmoid activation.
    Sigmoid,
    /// Tanh activation.
    Tanh,
    /// Max pooling.
    MaxPool,
    /// Average pooling.
    AveragePool,
    /// The block a network stacks: convolution, then an activation, then a pooling.
    Block,
    /// Transposed convolution: each input cell scales the kernel into a larger output.
    ConvTranspose,
}

impl Operation {
    /// Every operation, in menu order.
    pub const ALL: [Operation; 9] = [
        Operation::Convolution,
        Operation::Relu,
        Operation::LeakyRelu,
        Operation::Sigmoid,
        Operation::Tanh,
        Operation::MaxPool,
        Operation::AveragePool,
        Operation::Block,
        Operation::ConvTranspose,
    ];

    /// The activations, for the block's middle stage.
    pub const ACTIVATIONS: [Operation; 4] = [
        Operation::Relu,
        Operation::LeakyRelu,
        Operation::Sigmoid,
        Operation::Tanh,
    ];

    /// A stable identifier, used in links and menus.
    pub fn id(self) -> &'static str {
        match self {
            Operation::Convolution => "conv",
            Operation::Relu => "relu",
            Operation::LeakyRelu => "leaky-relu",
            Operation::Sigmoid => "sigmoid",
            Operation::Tanh => "tanh",
            Operation::MaxPool => "max-pool",
            Operation::AveragePool => "avg-pool",
            Operation::Block => "block",
            Operation::ConvTranspose => "conv-transpose",
        }
    }

    /// The operation with identifier `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.id() == id)
    }

    /// Whether the operation slides a window (and so has sizes, stride and padding).
    pub fn has_window(self) -> bool {
        !self.is_activation()
    }

    /// Whether the operation is an element-wise activation.
    pub fn is_activation(self) -> bool {
        Self::ACTIVATIONS.contains(&self)
    }

    /// Whether the operation has a kernel with weights.
    pub fn has_weights(self) -> bool {
        matches!(
            self,
            Operation::Convolution | Operation::Block | Operation::ConvTranspose
        )
    }

    /// Whether the operation is a pooling.
    pub fn is_pool(self) -> bool {
        matches!(self, Operation::MaxPool | Operation::AveragePool)
    }

    /// The window a fresh example of the operation opens with, `(size, stride)`: pooling at
    /// 2×2 with stride 2, which halves the map; transposed convolution's 3×3 kernel with
    /// stride 2, which grows it; everything else at the tutorial's 3×3, stride 1.
    pub fn fresh_window(self) -> ([usize; 2], [usize; 2]) {
        if self == Operation::ConvTranspose {
            ([3, 3], [2, 2])
        } else if self.is_pool() {
            ([2, 2], [2, 2])
        } else {
            ([3, 3], [1, 1])
        }
    }
}

/// The padding control: a named mode or four numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaddingChoice {
    /// No padding.
    Valid,
    /// Output size `ceil(input / stride)`, extra cell at the end.
    Same,
    /// As `Same`, extra cell at the beginning.
    SameLower,
    /// `(kernel field − 1) / 2`, rounded down, on every side, as the tutorial's code pads.
    Symmetric,
    /// `kernel - 1` on each side.
    Full,
    /// Numbers per side.
    Custom(Sides),
}

impl PaddingChoice {
    /// The named modes, in menu order.
    pub const NAMED: [PaddingChoice; 5] = [
        PaddingChoice::Valid,
        PaddingChoice::Same,
        PaddingChoice::SameLower,
        PaddingChoice::Symmetric,
        PaddingChoice::Full,
    ];

    /// The engine's padding.
    pub fn to_padding(self) -> Padding {
        match self {
            PaddingChoice::Valid => Padding::Valid,
            PaddingChoice::Same => Padding::Same,
            PaddingChoice::SameLower => Padding::SameLower,
            PaddingChoice::Symmetric => Padding::Symmetric,
            PaddingChoice::Full => Padding::Full,
            PaddingChoice::Custom(sides) => Padding::Explicit(sides),
        }
    }

    /// The named mode with identifier `id` (not "custom", which needs its numbers).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::NAMED.into_iter().find(|choice| choice.id() == id)
    }

    /// A stable identifier of the mode, used in links and menus.
    pub fn id(self) -> &'static str {
        match self {
            PaddingChoice::Valid => "valid",
            PaddingChoice::Same => "same",
            PaddingChoice::SameLower => "same-lower",
            PaddingChoice::Symmetric => "symmetric",
            PaddingChoice::Full => "full",
            PaddingChoice::Custom(_) => "custom",
        }
    }
}

/// A padding mode's identifier in links and menus: PyTorch's `padding_mode` names.
pub fn padding_mode_id(mode: PaddingMode) -> &'static str {
    match mode {
        PaddingMode::Zeros => "zeros",
        PaddingMode::Reflect => "reflect",
        PaddingMode::Replicate => "replicate",
        PaddingMode::Circular => "circular",
    }
}

/// The padding mode with identifier `id`.
pub fn padding_mode_from_id(id: &str) -> Option<PaddingMode> {
    PaddingMode::ALL
        .into_iter()
        .find(|&mode| padding_mode_id(mode) == id)
}

/// Which array of values an edit or fill applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Values {
    /// The input feature map.
    Input,
    /// The kernel weights.
    Kernel,
}

/// Everything that defines one example.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The operation.
    pub operation: Operation,
    /// `[rows, columns]` of the input.
    pub input_size: [usize; 2],
    /// Input channels.
    pub channels: usize,
    /// Filters (output channels of a convolution).
    pub filters: usize,
    /// `[rows, columns]` of the kernel or pooling window.
    pub kernel_size: [usize; 2],
    /// `[vertical, horizontal]` stride.
    pub stride: [usize; 2],
    /// `[vertical, horizontal]` dilation.
    pub dilation: [usize; 2],
    /// Padding mode or numbers.
    pub padding: PaddingChoice,
    /// What fills a convolution's padding: zeros, or input cells repeated.
    pub padding_mode: PaddingMode,
    /// Groups the convolution's channels and filters split into: 1 ordinary, channels depthwise.
    pub groups: usize,
    /// Pooling output size rounds up.
    pub ceil_mode: bool,
    /// Average pooling counts padding cells in the divisor.
    pub count_include_pad: bool,
    /// Convolution uses the kernel rotated 180°.
    pub flip_kernel: bool,
    /// Leaky ReLU slope.
    pub slope: f32,
    /// The block's activation (one of [`Operation::ACTIVATIONS`]).
    pub block_activation: Operation,
    /// The block's pooling: max or average.
    pub block_pool: Operation,
    /// The block's pooling window `[rows, columns]`.
    pub pool_size: [usize; 2],
    /// The block's pooling stride.
    pub pool_stride: [usize; 2],
    /// Seed of the random values.
    pub seed: u64,
    /// Input values: channels × [`MAX_VIEW_SIDE`] × [`MAX_VIEW_SIDE`]; the input is a crop.
    pub input: Array3<f32>,
    /// Kernel values: filters × channels × [`MAX_KERNEL_SIDE`] × [`MAX_KERNEL_SIDE`]; the kernel is a
    /// crop, with [`Settings::kernel_channels`] slices per filter.
    pub kernel: Array4<f32>,
    /// Bias per filter.
    pub bias: Vec<f32>,
    /// Transposed convolution's `[vertical, horizontal]` output padding.
    pub output_padding: [usize; 2],
    /// Transposed convolution is stepped one input cell at a time (else one output cell).
    pub scatter: bool,
    /// The block's first stage: a convolution, a depthwise-separable pair, or a transposed one.
    pub block_start: BlockStart,
    /// The pointwise (1×1) weights of the depthwise-separable block: filters × channels × 1 × 1,
    /// of [`MAX_VIEW_FILTERS`] × [`MAX_VIEW_CHANNELS`] backing values.
    pub pointwise: Array4<f32>,
}

impl Default for Settings {
    /// The tutorial's first example: a 4×4 input, a 3×3 kernel, stride 1, no padding.
    fn default() -> Self {
        let seed = DEFAULT_SEED;
        let mut settings = Settings {
            operation: Operation::Convolution,
            input_size: [4, 4],
            channels: 1,
            filters: 1,
            kernel_size: [3, 3],
            stride: [1, 1],
            dilation: [1, 1],
            padding: PaddingChoice::Valid,
            padding_mode: PaddingMode::Zeros,
            groups: 1,
            ceil_mode: false,
            count_include_pad: true,
            flip_kernel: false,
            slope: 0.01,
            block_activation: Operation::Relu,
            block_pool: Operation::MaxPool,
            pool_size: [2, 2],
            pool_stride: [2, 2],
            seed,
            input: random_input(seed, RandomKind::SmallIntegers { range: 3 }),
            kernel: random_kernel(seed, RandomKind::SmallIntegers { range: 2 }),
            bias: vec![0.0; MAX_VIEW_FILTERS],
            output_padding: [0, 0],
            scatter: false,
            block_start: BlockStart::Conv,
            pointwise: random_pointwise(seed, RandomKind::SmallIntegers { range: 2 }),
        };
        settings.tutorial_input(false);
        let kernel = [[2., 0., 1.], [0., 1., 2.], [1., 0., 2.]];
        for (row, values) in kernel.iter().enumerate() {
            for (column, &value) in values.iter().enumerate() {
                settings.kernel[[0, 0, row, column]] = value;
            }
        }
        settings
    }
}

impl Settings {
    /// A fresh example of `operation`: what a link without sizes or values opens, and what a
    /// switch of operation moves to from a fresh example.
    ///
    /// - Convolution is the tutorial's first example ([`Settings::default`]).
    /// - The activations meet negative values: the tutorial's input with its 2s negative.
    /// - Pooling slides a 2×2 window with stride 2, which halves the map.
    /// - The block runs on the tutorial's input pattern continued to 6×6, its 2s negative:
    ///   the tutorial's kernel gives a 4×4 map with negative values for the activation, and
    ///   the pooling halves it to 2×2.
    /// - Transposed convolution scatters the tutorial's 3×3 kernel from a 2×2 corner of its
    ///   input with stride 2: the map grows to 5×5, and the middle row and column overlap.
    pub fn fresh(operation: Operation) -> Settings {
        let mut settings = Settings {
            operation,
            ..Settings::default()
        };
        (settings.kernel_size, settings.stride) = operation.fresh_window();
        if operation.is_activation() {
            settings.tutorial_input(true);
        } else if operation == Operation::Block {
            settings.input_size = [6, 6];
            settings.tutorial_input(true);
        } else if operation == Operation::ConvTranspose {
            settings.input_size = [2, 2];
        }
        settings
    }

    /// Switches to `operation`. Each part the learner left as a fresh example of the old
    /// operation has it (the window size, the stride, the input) becomes what a fresh example
    /// of the new one has; whatever they set themselves stays.
    pub fn switch_operation(&mut self, operation: Operation) {
        let (old, new) = (Settings::fresh(self.operation), Settings::fresh(operation));
        if self.kernel_size == old.kernel_size {
            self.kernel_size = new.kernel_size;
        }
        if self.stride == old.stride {
            self.stride = new.stride;
        }
        if self.input_size == old.input_size && self.input == old.input {
            self.input_size = new.input_size;
            self.input = new.input;
        }
        self.operation = operation;
    }

    /// Writes the tutorial's input pattern over the first channel's visible input: each row is
    /// the one above moved one cell right, `1 2 3 0` first. With `negative_twos`, its 2s are −2.
    fn tutorial_input(&mut self, negative_twos: bool) {
        let [rows, columns] = self.input_size;
        for row in 0..rows {
            for column in 0..columns {
                let value = (column + 4 * rows + 1 - row) % 4;
                self.input[[0, row, column]] = match value {
                    2 if negative_twos => -2.0,
                    value => value as f32,
                };
            }
        }
    }
}

/// Seeded input backing values.
fn random_input(seed: u64, kind: RandomKind) -> Array3<f32> {
    random(
        (MAX_VIEW_CHANNELS, MAX_VIEW_SIDE, MAX_VIEW_SIDE),
        kind,
        seed,
    )
}

/// What the block starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BlockStart {
    /// An ordinary (or grouped) convolution.
    #[default]
    Conv,
    /// A depthwise convolution, then a pointwise 1×1 convolution.
    Separable,
    /// A transposed convolution, stepped in its gather view.
    ConvTranspose,
}

impl BlockStart {
    /// Every start, in menu order.
    pub const ALL: [BlockStart; 3] = [
        BlockStart::Conv,
        BlockStart::Separable,
        BlockStart::ConvTranspose,
    ];

    /// A stable identifier, used in links and menus.
    pub fn id(self) -> &'static str {
        match self {
            BlockStart::Conv => "conv",
            BlockStart::Separable => "separable",
            BlockStart::ConvTranspose => "conv-transpose",
        }
    }

    /// The start with identifier `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|start| start.id() == id)
    }
}

/// Seeded pointwise backing values (a stream of their own).
pub fn random_pointwise(seed: u64, kind: RandomKind) -> Array4<f32> {
    random(
        (MAX_VIEW_FILTERS, MAX_VIEW_CHANNELS, 1, 1),
        kind,
        seed.wrapping_add(0x2545_f491_4f6c_dd1d),
    )
}

/// Seeded kernel backing values (a different stream from the input's).
fn random_kernel(seed: u64, kind: RandomKind) -> Array4<f32> {
    random(
        (
            MAX_VIEW_FILTERS,
            MAX_VIEW_CHANNELS,
            MAX_KERNEL_SIDE,
            MAX_KERNEL_SIDE,
        ),
        kind,
        seed.wrapping_add(0x9e37_79b9_7f4a_7c15),
    )
}

impl Settings {
    /// The pair of numbers a size control sets.
    pub fn size(&self, field: SizeField) -> [usize; 2] {
        match field {
            SizeField::Input => self.input_size,
            SizeField::Kernel => self.kernel_size,
            SizeField::Stride => self.stride,
            SizeField::Dilation => self.dilation,
            SizeField::PoolWindow => self.pool_size,
            SizeField::PoolStride => self.pool_stride,
            SizeField::OutputPadding => self.output_padding,
        }
    }

    /// Sets one number of a size control's pair.
    pub fn set_size(&mut self, field: SizeField, axis: Axis, value: usize) {
        let pair = match field {
            SizeField::Input => &mut self.input_size,
            SizeField::Kernel => &mut self.kernel_size,
            SizeField::Stride => &mut self.stride,
            SizeField::Dilation => &mut self.dilation,
            SizeField::PoolWindow => &mut self.pool_size,
            SizeField::PoolStride => &mut self.pool_stride,
            SizeField::OutputPadding => &mut self.output_padding,
        };
        pair[axis_index(axis)] = value;
    }

    /// The visible input: a crop of the backing values. Sizes past the limits are cut to the
    /// backing array, so settings the build refuses never panic here.
    pub fn input_view(&self) -> Array3<f32> {
        let [rows, columns] = self.input_size;
        let (channels, max_rows, max_columns) = self.input.dim();
        self.input
            .slice(s![
                ..self.channels.min(channels),
                ..rows.min(max_rows),
                ..columns.min(max_columns)
            ])
            .to_owned()
    }

    /// Input channels each filter reads, so kernel slices per filter: `channels / groups`, at
    /// least 1 (1 for the depthwise stage of the depthwise-separable block). Groups that do not
    /// divide the channels are refused by the build, not here.
    pub fn kernel_channels(&self) -> usize {
        if self.separable() {
            return 1;
        }
        (self.channels / self.groups.max(1)).max(1)
    }

    /// Filters of the kernel the learner edits: one per channel for the depthwise stage of the
    /// depthwise-separable block, else the filters set.
    pub fn kernel_filters(&self) -> usize {
        if self.separable() {
            self.channels
        } else {
            self.filters
        }
    }

    /// Whether the stage with the kernel is a transposed convolution, alone or first in the block.
    pub fn transposed(&self) -> bool {
        self.operation == Operation::ConvTranspose
            || (self.operation == Operation::Block && self.block_start == BlockStart::ConvTranspose)
    }

    /// Whether the example is the depthwise-separable block.
    pub fn separable(&self) -> bool {
        self.operation == Operation::Block && self.block_start == BlockStart::Separable
    }

    /// Whether a transposed convolution alone is stepped one input cell at a time.
    pub fn scatters(&self) -> bool {
        self.operation == Operation::ConvTranspose && self.scatter
    }

    /// The visible kernel: a crop of the backing values, cut to the backing array as the input is.
    pub fn kernel_view(&self) -> Array4<f32> {
        let [k_h, k_w] = self.kernel_size;
        let (filters, channels, max_h, max_w) = self.kernel.dim();
        self.kernel
            .slice(s![
                ..self.kernel_filters().min(filters),
                ..self.kernel_channels().min(channels),
                ..k_h.min(max_h),
                ..k_w.min(max_w)
            ])
            .to_owned()
    }

    /// The bias of the filters in use.
    pub fn bias_view(&self) -> &[f32] {
        &self.bias[..self.filters.min(self.bias.len())]
    }

    /// The window geometry shared by convolution and pooling.
    pub fn window(&self) -> WindowSpec {
        WindowSpec {
            kernel: self.kernel_size,
            stride: self.stride,
            dilation: self.dilation,
            padding: self.padding.to_padding(),
            rounding: if self.operation.is_pool() {
                self.pool_rounding()
            } else {
                Rounding::Floor
            },
        }
    }

    /// Checks the sizes against the step view's limits, then lets the engine build every stage.
    ///
    /// This is the boundary: anything the learner set either becomes a pipeline or a typed error.
    pub fn build(&self) -> Result<Pipeline, EngineError> {
        for side in self.input_size {
            Limit::InputSide.check(side)?;
        }
        Limit::Channels.check(self.channels)?;
        Limit::Filters.check(self.filters)?;
        if self.operation.has_window() {
            for side in self.kernel_size.into_iter().chain(self.pool_size) {
                Limit::KernelSide.check(side)?;
            }
        }
        self.build_on(self.input_view())
    }

    /// The same stages on another input, such as a picture at full size: only the engine's own
    /// limits apply, not the step view's.
    pub fn build_on(&self, input: Array3<f32>) -> Result<Pipeline, EngineError> {
        // The learner's filter-major kernel becomes the engine's channel-major one only when the
        // groups split both the channels and the filters: refuse them here, with the engine's
        // message, as it would.
        if self.transposed()
            && let Err(error) = GroupLayout::new(self.groups, input.dim().0, self.filters)
        {
            return Err(match self.operation {
                Operation::Block => EngineError::InStage {
                    stage: 1,
                    source: Box::new(error),
                },
                _ => error,
            });
        }
        let stages = match self.operation {
            Operation::Block => self
                .block_start_stages()
                .into_iter()
                .chain([
                    self.stage(self.block_activation),
                    StageSpec::Pool {
                        window: self.block_pool_window(),
                        kind: self.pool_kind(self.block_pool),
                    },
                ])
                .collect(),
            single => vec![self.stage(single)],
        };
        let single = stages.len() == 1;
        Pipeline::new(input, stages).map_err(|error| match error {
            // One stage needs no "Stage 1:" in its messages.
            EngineError::InStage { source, .. } if single => *source,
            other => other,
        })
    }

    /// The block's pooling window: no padding and no dilation.
    fn block_pool_window(&self) -> WindowSpec {
        WindowSpec {
            kernel: self.pool_size,
            stride: self.pool_stride,
            dilation: [1, 1],
            padding: Padding::Valid,
            rounding: self.pool_rounding(),
        }
    }

    /// The output-size formulas of these settings, worked out by the engine with their own
    /// numbers whether or not a window fits: what the learner should see when the settings do
    /// not form an example. They are those of the first windowed stage where not even one
    /// window fits, or else of the first windowed stage, with whether that stage pools. `None`
    /// without a window, or when no formula can be worked out (a size of 0, say).
    pub fn size_formulas(&self) -> Option<([OutputSizeFormula; 2], bool)> {
        let mut windows = Vec::new();
        // A transposed convolution's output size has a formula of its own, which its panel shows.
        if self.transposed() {
            return None;
        }
        if self.operation.has_window() {
            windows.push((self.window(), self.operation.is_pool()));
        }
        if self.operation == Operation::Block {
            windows.push((self.block_pool_window(), true));
        }
        let mut first = None;
        let mut size = self.input_size;
        for (window, pools) in windows {
            let formulas = window.output_size_formulas(size).ok()?;
            if formulas.iter().any(|formula| formula.output < 1) {
                return Some((formulas, pools));
            }
            first.get_or_insert((formulas, pools));
            size = formulas.map(|formula| formula.output as usize);
        }
        first
    }

    /// Pooling rounds its output size up in ceil mode.
    fn pool_rounding(&self) -> Rounding {
        if self.ceil_mode {
            Rounding::Ceil
        } else {
            Rounding::Floor
        }
    }

    fn pool_kind(&self, operation: Operation) -> PoolKind {
        match operation {
            Operation::AveragePool => PoolKind::Average {
                count_include_pad: self.count_include_pad,
            },
            _ => PoolKind::Max,
        }
    }

    /// The engine's description of a one-operation stage.
    pub(super) fn stage(&self, operation: Operation) -> StageSpec {
        match operation {
            Operation::Relu => StageSpec::Activation(Activation::Relu),
            Operation::LeakyRelu => {
                StageSpec::Activation(Activation::LeakyRelu { slope: self.slope })
            }
            Operation::Sigmoid => StageSpec::Activation(Activation::Sigmoid),
            Operation::Tanh => StageSpec::Activation(Activation::Tanh),
            Operation::MaxPool | Operation::AveragePool => StageSpec::Pool {
                window: self.window(),
                kind: self.pool_kind(operation),
            },
            Operation::ConvTranspose => StageSpec::ConvTranspose {
                weights: self.channel_major_kernel(),
                bias: Some(self.bias_view().to_vec()),
                spec: ConvTransposeSpec {
                    stride: self.stride,
                    dilation: self.dilation,
                    output_padding: self.output_padding,
                    padding: TransposedPadding::Explicit(self.transposed_sides()),
                    groups: self.groups,
                },
            },
            Operation::Convolution | Operation::Block => StageSpec::Conv {
                weights: self.kernel_view(),
                bias: Some(self.bias_view().to_vec()),
                spec: ConvSpec {
                    window: self.window(),
                    flip_kernel: self.flip_kernel,
                    groups: self.groups,
                    padding_mode: self.padding_mode,
                },
            },
        }
    }

    /// The learner's filters × channels/groups kernel in a transposed convolution's channels ×
    /// filters/groups layout: channel `c` of group `g` meets filter `j` of the group as slice
    /// `c − g·channels/groups` of filter `g·filters/groups + j`.
    fn channel_major_kernel(&self) -> Array4<f32> {
        let kernel = self.kernel_view();
        let (filters, slices, k_h, k_w) = kernel.dim();
        let groups = self.groups.max(1);
        let per_group = filters / groups;
        Array4::from_shape_fn((slices * groups, per_group, k_h, k_w), |(c, j, r, s)| {
            let filter = c / slices.max(1) * per_group + j;
            kernel
                .get([filter, c % slices.max(1), r, s])
                .copied()
                .unwrap_or(0.0)
        })
    }

    /// The cells a transposed convolution crops from each side: the numbers typed, none for
    /// any named mode (the padding control offers only these two).
    pub fn transposed_sides(&self) -> Sides {
        match self.padding {
            PaddingChoice::Custom(sides) => sides,
            _ => Sides::default(),
        }
    }

    /// Refills the input, the whole kernel, or one filter with new seeded random values.
    pub fn randomize(
        &mut self,
        values: Values,
        kind: RandomKind,
        seed: u64,
        filter: Option<usize>,
    ) {
        self.seed = seed;
        match (values, filter) {
            (Values::Input, _) => self.input = random_input(seed, kind),
            (Values::Kernel, None) => {
                self.kernel = random_kernel(seed, kind);
                self.pointwise = random_pointwise(seed, kind);
            }
            (Values::Kernel, Some(filter)) if filter < MAX_VIEW_FILTERS => {
                let fresh = random_kernel(seed, kind);
                self.kernel
                    .slice_mut(s![filter, .., .., ..])
                    .assign(&fresh.slice(s![filter, .., .., ..]));
            }
            (Values::Kernel, Some(_)) => {}
        }
    }

    /// Sets a 3×3 preset into every channel of one filter, or of every filter.
    pub fn apply_preset(&mut self, preset: KernelPreset, filter: Option<usize>) {
        let weights = preset.weights();
        self.kernel_size = [3, 3];
        let filters = match filter {
            Some(filter) => filter..(filter + 1).min(MAX_VIEW_FILTERS),
            None => 0..MAX_VIEW_FILTERS,
        };
        for filter in filters {
            for channel in 0..MAX_VIEW_CHANNELS {
                self.kernel
                    .slice_mut(s![filter, channel, ..3, ..3])
                    .assign(&weights);
            }
        }
    }

    /// Uses a picture as the input: its size, its channels and its values.
    /// Pictures larger than the step view are ignored (the picture source never makes one).
    pub fn load_picture(&mut self, picture: &Picture) {
        let shape = (picture.channels, picture.rows, picture.columns);
        if picture.rows > MAX_VIEW_SIDE
            || picture.columns > MAX_VIEW_SIDE
            || picture.channels > MAX_VIEW_CHANNELS
        {
            return;
        }
        if let Some(values) = picture.to_map() {
            self.input
                .slice_mut(s![..shape.0, ..shape.1, ..shape.2])
                .assign(&values);
            self.input_size = [picture.rows, picture.columns];
            self.channels = picture.channels;
        }
    }

    /// Where a grid's `[plane, row, column]` sits in the input or the kernel, whose planes are
    /// `filter·kernel_channels + slice`.
    pub fn position(&self, values: Values, [plane, row, column]: [usize; 3]) -> Position {
        match values {
            Values::Input => Position::Map {
                channel: plane,
                row,
                column,
            },
            Values::Kernel => {
                let channels = self.kernel_channels().max(1);
                Position::Weight {
                    filter: plane / channels,
                    channel: plane % channels,
                    row,
                    column,
                }
            }
        }
    }

    /// Writes one value at `[channel, row, column]` of the input, or `[filter·kernel_channels + slice, row, column]`
    /// of the kernel; ignores positions outside the backing arrays.
    pub fn set_value(&mut self, values: Values, [plane, row, column]: [usize; 3], value: f32) {
        let target = match values {
            Values::Input => self.input.get_mut([plane, row, column]),
            Values::Kernel => {
                let channels = self.kernel_channels().max(1);
                self.kernel
                    .get_mut([plane / channels, plane % channels, row, column])
            }
        };
        if let Some(target) = target {
            *target = value;
        }
    }
}

/// `[rows, columns]` index of an axis.
fn axis_index(axis: Axis) -> usize {
    match axis {
        Axis::Rows => 0,
        Axis::Columns => 1,
    }
}
