//! The activation functions themselves: one number in, one number out (PyTorch `relu`,
//! `leaky_relu`, `sigmoid`, `tanh`; ONNX `Relu`, `LeakyRelu`, `Sigmoid`, `Tanh`).
//!
//! ```text
//! relu(x)       = max(0, x)
//! leaky_relu(x) = x if x > 0 else slope * x
//! sigmoid(x)    = 1 / (1 + exp(-x))
//! tanh(x)       = (exp(x) - exp(-x)) / (exp(x) + exp(-x))
//! ```
//!
//! A step's arithmetic names the function it applied, so this sits below the stepper's
//! vocabulary (`stepper`); the layer that steps a function over a feature map sits above it.

use crate::engine::error::{EngineError, Result};
use crate::engine::limits::MAX_SLOPE;

/// An element-wise function.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Activation {
    /// Negative values become 0 (the tutorial's `np.maximum(0, x)`).
    Relu,
    /// Negative values are scaled by `slope` (PyTorch's default is 0.01).
    LeakyRelu {
        /// Factor applied to negative values.
        slope: f32,
    },
    /// Squashes any value into (0, 1).
    Sigmoid,
    /// Squashes any value into (-1, 1).
    Tanh,
}

impl Activation {
    /// Applies the function to one value.
    pub fn apply(self, x: f32) -> f32 {
        match self {
            Activation::Relu => {
                if x > 0.0 {
                    x
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu { slope } => {
                if x > 0.0 {
                    x
                } else {
                    x * slope
                }
            }
            Activation::Sigmoid => 1.0 / (1.0 + (-x).exp()),
            Activation::Tanh => x.tanh(),
        }
    }

    /// Fails unless the function's parameter is usable.
    pub fn check(self) -> Result<()> {
        match self {
            Activation::LeakyRelu { slope } if !(slope.is_finite() && slope.abs() <= MAX_SLOPE) => {
                Err(EngineError::BadSlope {
                    slope,
                    limit: MAX_SLOPE,
                })
            }
            _ => Ok(()),
        }
    }
}
