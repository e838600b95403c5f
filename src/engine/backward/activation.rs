//! An activation's backward pass, one cell at a time: the output gradient times the
//! function's derivative at the cell (PyTorch autograd's rules).
//!
//! ```text
//! relu'(x)       = 1 if x > 0 else 0          (0 at x = 0, as in PyTorch)
//! leaky_relu'(x) = 1 if x > 0 else slope
//! sigmoid'(x)    = σ(1 − σ)                   with σ the forward output
//! tanh'(x)       = 1 − tanh²                  with tanh the forward output
//! ```

use super::step::{Factor, GradientStep, Rule, Term, Wrt};
use crate::engine::activation::{Activation, ActivationLayer};
use crate::engine::arrays::FeatureMap;
use crate::engine::error::Result;
use crate::engine::stepper::{Stepper, cell_of_step};

/// The derivative of `function` at input `x`, whose output is `y`.
pub fn derivative(function: Activation, x: f32, y: f32) -> f32 {
    match function {
        Activation::Relu => {
            if x > 0.0 {
                1.0
            } else {
                0.0
            }
        }
        Activation::LeakyRelu { slope } => {
            if x > 0.0 {
                1.0
            } else {
                slope
            }
        }
        Activation::Sigmoid => y * (1.0 - y),
        Activation::Tanh => 1.0 - y * y,
    }
}

/// An activation layer and the gradient of the loss with respect to its output.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivationBackward {
    layer: ActivationLayer,
    output_gradient: FeatureMap,
}

impl ActivationBackward {
    /// Fails unless the gradient has the layer's shape and usable values.
    pub fn new(layer: ActivationLayer, output_gradient: FeatureMap) -> Result<Self> {
        super::check_gradient(&output_gradient, layer.output_shape())?;
        Ok(ActivationBackward {
            layer,
            output_gradient,
        })
    }

    /// The activation layer.
    pub fn layer(&self) -> &ActivationLayer {
        &self.layer
    }

    /// The gradient of input cell `index` (raster order): one term, the cell's output gradient
    /// times the derivative there.
    pub fn input_step(&self, index: usize) -> Result<GradientStep> {
        let cell = cell_of_step(index, self.layer.input_shape())?;
        let function = self.layer.function();
        let input = self.layer.input()[[cell.channel, cell.row, cell.column]];
        let output = function.apply(input);
        let term = Term {
            output: cell,
            gradient: self.output_gradient[[cell.channel, cell.row, cell.column]],
            factor: Factor::Times(derivative(function, input, output)),
            input: None,
        };
        let rule = Rule::Derivative {
            function,
            input,
            output,
        };
        Ok(GradientStep::new(index, Wrt::Input(cell), rule, vec![term]))
    }
}
