//! The backward pass: the gradient of a readable loss flows back through a chain of stages, one
//! value at a time, and a convolution's weights take a step of gradient descent.
//!
//! Each stage's backward pass is steppable like its forward pass: step `i` is input cell `i` in
//! raster order, written as the terms it sums ([`step`]). A convolution also steps its weights'
//! and biases' gradients.

pub mod activation;
pub mod conv;
pub mod loss;
pub mod pool;
pub mod step;
pub mod train;

pub use activation::ActivationBackward;
pub use conv::ConvBackward;
pub use loss::Loss;
pub use pool::PoolBackward;
pub use step::{Factor, GradientStep, Rule, Term, Wrt};
pub use train::{TrainingStep, Update, descend};

use super::arrays::{FeatureMap, map_shape};
use super::error::{EngineError, Result};
use super::layer::Layer;
use super::limits::check_map;
use super::pipeline::Pipeline;
use super::stepper::Stepper;

/// Fails unless `gradient` has `shape` and usable values.
fn check_gradient(gradient: &FeatureMap, shape: [usize; 3]) -> Result<()> {
    let found = map_shape(gradient);
    if found != shape {
        return Err(EngineError::GradientShape {
            expected: shape.to_vec(),
            found: found.to_vec(),
        });
    }
    check_map(gradient.view())
}

/// One stage's backward pass, given the gradient of the loss with respect to its output.
#[derive(Debug, Clone, PartialEq)]
pub enum StageBackward {
    /// A convolution's: input, weights and bias.
    Conv(ConvBackward),
    /// An activation's.
    Activation(ActivationBackward),
    /// A pooling's.
    Pool(PoolBackward),
}

impl StageBackward {
    /// The backward pass of stage `layer` (numbered `stage` from 1 in errors).
    pub fn new(layer: &Layer, output_gradient: FeatureMap, stage: usize) -> Result<Self> {
        Ok(match layer {
            Layer::Conv(conv) => {
                StageBackward::Conv(ConvBackward::new(conv.clone(), output_gradient)?)
            }
            Layer::Activation(activation) => StageBackward::Activation(ActivationBackward::new(
                activation.clone(),
                output_gradient,
            )?),
            Layer::Pool(pool) => {
                StageBackward::Pool(PoolBackward::new(pool.clone(), output_gradient)?)
            }
            Layer::ConvTranspose(_) => return Err(EngineError::NoBackward { stage }),
        })
    }

    /// The gradient of the stage's input cell `index`, raster order.
    pub fn input_step(&self, index: usize) -> Result<GradientStep> {
        match self {
            StageBackward::Conv(conv) => conv.input_step(index),
            StageBackward::Activation(activation) => activation.input_step(index),
            StageBackward::Pool(pool) => pool.input_step(index),
        }
    }

    /// `[channels, rows, columns]` of the stage's input, and so of its input gradient.
    pub fn input_shape(&self) -> [usize; 3] {
        match self {
            StageBackward::Conv(conv) => conv.conv().input_shape(),
            StageBackward::Activation(activation) => activation.layer().input_shape(),
            StageBackward::Pool(pool) => pool.pool().input_shape(),
        }
    }

    /// The whole input gradient: every input step's value.
    pub fn input_gradient(&self) -> Result<FeatureMap> {
        let [channels, rows, columns] = self.input_shape();
        let values = (0..channels * rows * columns)
            .map(|index| self.input_step(index).map(|step| step.value))
            .collect::<Result<Vec<f32>>>()?;
        Ok(FeatureMap::from_shape_vec((channels, rows, columns), values).unwrap_or_default())
    }
}

/// A chain's backward pass: the loss against a target, then every stage's backward pass from
/// the last to the first.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineBackward {
    loss: Loss,
    stages: Vec<StageBackward>,
    gradients: Vec<FeatureMap>,
}

impl PipelineBackward {
    /// The loss of the chain's output against `target`, and the gradient of every map.
    pub fn new(pipeline: &Pipeline, target: &FeatureMap) -> Result<Self> {
        // A chain with no stages has no output: its input is `map(0)` of its first stage.
        let output = pipeline
            .map(pipeline.map_count() - 1)
            .ok_or(EngineError::StepOutOfRange { step: 0, steps: 0 })?;
        let loss = Loss::new(output, target)?;
        let layers = pipeline.stages();
        let mut stages = Vec::with_capacity(layers.len());
        let mut gradients = vec![loss.gradient.clone()];
        for (index, layer) in layers.iter().enumerate().rev() {
            let gradient = gradients.last().cloned().unwrap_or_default();
            let stage = StageBackward::new(layer, gradient, index + 1)?;
            gradients.push(stage.input_gradient()?);
            stages.push(stage);
        }
        stages.reverse();
        gradients.reverse();
        Ok(PipelineBackward {
            loss,
            stages,
            gradients,
        })
    }

    /// The loss and its gradient with respect to the chain's output.
    pub fn loss(&self) -> &Loss {
        &self.loss
    }

    /// Stage `stage`'s backward pass.
    pub fn stage(&self, stage: usize) -> Option<&StageBackward> {
        self.stages.get(stage)
    }

    /// The gradient of the loss with respect to map `map`: 0 is the input, `k` the output of
    /// stage `k - 1`, as [`Pipeline::map`] numbers them.
    pub fn gradient(&self, map: usize) -> Option<&FeatureMap> {
        self.gradients.get(map)
    }
}
