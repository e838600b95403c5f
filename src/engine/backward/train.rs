//! One step of gradient descent on a chain's convolution weights and bias (PyTorch
//! `torch.optim.SGD` without momentum).
//!
//! ```text
//! change = −(learning rate × gradient)
//! new    = old + change
//! ```

use super::{ConvBackward, Loss, StageBackward};
use crate::engine::arrays::{FeatureMap, Weights, weights_shape};
use crate::engine::error::{EngineError, Result};
use crate::engine::layer::Layer;
use crate::engine::pipeline::Pipeline;
use ndarray::Zip;

/// One value's update: what it was, what is added, and what it becomes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update {
    /// The value before the step.
    pub old: f32,
    /// −(learning rate × gradient).
    pub change: f32,
    /// `old + change`.
    pub new: f32,
}

impl Update {
    /// The update of `old` whose gradient is `gradient`.
    pub fn new(old: f32, gradient: f32, learning_rate: f32) -> Self {
        let change = -(learning_rate * gradient);
        Update {
            old,
            change,
            new: old + change,
        }
    }
}

/// Every weight's update, in the weights' shape; fails unless the gradient has that shape.
pub fn descend(
    weights: &Weights,
    gradient: &Weights,
    learning_rate: f32,
) -> Result<ndarray::Array4<Update>> {
    if weights.dim() != gradient.dim() {
        return Err(EngineError::GradientShape {
            expected: weights_shape(weights).to_vec(),
            found: weights_shape(gradient).to_vec(),
        });
    }
    Ok(Zip::from(weights)
        .and(gradient)
        .map_collect(|&old, &gradient| Update::new(old, gradient, learning_rate)))
}

/// One training step of a chain's convolution stage: the loss before the step, and every
/// weight's and bias's update.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingStep {
    /// The loss before the step.
    pub loss: f32,
    /// Each weight's update, in the weights' shape.
    pub weights: ndarray::Array4<Update>,
    /// Each bias's update, when the convolution has a bias.
    pub bias: Option<Vec<Update>>,
}

impl TrainingStep {
    /// Compares the chain's output with `target`, carries the gradient back to convolution
    /// stage `stage` (from 0) and takes one step down it.
    pub fn new(
        pipeline: &Pipeline,
        stage: usize,
        target: &FeatureMap,
        learning_rate: f32,
    ) -> Result<Self> {
        let layers = pipeline.stages();
        let Some(Layer::Conv(conv)) = layers.get(stage) else {
            return Err(EngineError::NoBackward { stage: stage + 1 });
        };
        let output = pipeline
            .map(pipeline.map_count() - 1)
            .ok_or(EngineError::NoBackward { stage: stage + 1 })?;
        let loss = Loss::new(output, target)?;
        let mut gradient = loss.gradient;
        for (index, layer) in layers.iter().enumerate().skip(stage + 1).rev() {
            gradient = StageBackward::new(layer, gradient, index + 1)?.input_gradient()?;
        }
        let backward = ConvBackward::new(conv.clone(), gradient)?;
        let weights = descend(conv.weights(), &backward.weight_gradient()?, learning_rate)?;
        let bias = match conv.bias() {
            Some(bias) => Some(
                bias.iter()
                    .zip(backward.bias_gradient()?)
                    .map(|(&old, gradient)| Update::new(old, gradient, learning_rate))
                    .collect(),
            ),
            None => None,
        };
        Ok(TrainingStep {
            loss: loss.value,
            weights,
            bias,
        })
    }
}
