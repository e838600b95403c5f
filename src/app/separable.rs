//! The depthwise-separable pair the block can start with: a depthwise convolution (one k×k
//! filter per channel, the kernel the learner edits) then a pointwise 1×1 convolution (filters ×
//! channels weights of their own), with the pair's counts beside those of the ordinary
//! convolution of the same shape. The choice itself, [`BlockStart`], is a setting.

use super::settings::{BlockStart, Operation, Settings};
use crate::engine::{
    ConvCounts, ConvSpec, Layer, Padding, PaddingMode, Pipeline, Rounding, StageSpec, Stepper,
    WindowSpec,
};
use ndarray::{Array4, s};

impl Settings {
    /// The block's stages before its activation.
    pub(super) fn block_start_stages(&self) -> Vec<StageSpec> {
        match self.block_start {
            BlockStart::Conv => vec![self.stage(Operation::Convolution)],
            BlockStart::ConvTranspose => vec![self.stage(Operation::ConvTranspose)],
            BlockStart::Separable => vec![
                // Depthwise: the learner's window, one filter per channel, no bias (the
                // pointwise stage's bias follows), as MobileNet's `bias=False`.
                StageSpec::Conv {
                    weights: self.kernel_view(),
                    bias: None,
                    spec: ConvSpec {
                        window: self.window(),
                        flip_kernel: self.flip_kernel,
                        groups: self.channels,
                        padding_mode: self.padding_mode,
                    },
                },
                StageSpec::Conv {
                    weights: self.pointwise_view(),
                    bias: Some(self.bias_view().to_vec()),
                    spec: ConvSpec {
                        window: WindowSpec {
                            kernel: [1, 1],
                            stride: [1, 1],
                            dilation: [1, 1],
                            padding: Padding::Valid,
                            rounding: Rounding::Floor,
                        },
                        flip_kernel: false,
                        groups: 1,
                        padding_mode: PaddingMode::Zeros,
                    },
                },
            ],
        }
    }

    /// The pointwise weights in use: filters × channels × 1 × 1, cut to the backing array.
    pub fn pointwise_view(&self) -> Array4<f32> {
        let (filters, channels, _, _) = self.pointwise.dim();
        self.pointwise
            .slice(s![
                ..self.filters.min(filters),
                ..self.channels.min(channels),
                ..,
                ..
            ])
            .to_owned()
    }

    /// Writes pointwise weight `[filter, channel]`; ignores positions outside the backing array.
    pub fn set_pointwise(&mut self, [filter, channel]: [usize; 2], value: f32) {
        if let Some(target) = self.pointwise.get_mut([filter, channel, 0, 0]) {
            *target = value;
        }
    }
}

/// The stage of a depthwise-separable block whose kernel grids show the pointwise weights.
pub const POINTWISE_STAGE: usize = 1;

/// For the depthwise-separable block: the two stages' counts added, and the counts of the
/// ordinary convolution of the same shape (channels → filters, the depthwise kernel and
/// output size, and the pointwise stage's biases). `None` for any other example.
pub fn separable_counts(settings: &Settings, pipeline: &Pipeline) -> Option<[ConvCounts; 2]> {
    if !settings.separable() {
        return None;
    }
    let (Some(Layer::Conv(depthwise)), Some(Layer::Conv(pointwise))) = (
        pipeline.stages().first(),
        pipeline.stages().get(POINTWISE_STAGE),
    ) else {
        return None;
    };
    let (pair, point) = (depthwise.counts() + pointwise.counts(), pointwise.counts());
    let [channels, _, _] = depthwise.input_shape();
    let [filters, rows, columns] = pointwise.output_shape();
    let (_, _, k_h, k_w) = depthwise.weights().dim();
    let weights = [filters, channels, k_h, k_w]
        .iter()
        .map(|&n| n as u64)
        .product::<u64>();
    let ordinary = ConvCounts {
        weights,
        biases: point.biases,
        multiply_adds: weights * rows as u64 * columns as u64,
    };
    Some([pair, ordinary])
}
