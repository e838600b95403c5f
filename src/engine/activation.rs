//! Element-wise activations (PyTorch `relu`, `leaky_relu`, `sigmoid`, `tanh`; ONNX `Relu`,
//! `LeakyRelu`, `Sigmoid`, `Tanh`), and a steppable layer applying one to a feature map.
//!
//! ```text
//! relu(x)       = max(0, x)
//! leaky_relu(x) = x if x > 0 else slope * x
//! sigmoid(x)    = 1 / (1 + exp(-x))
//! tanh(x)       = (exp(x) - exp(-x)) / (exp(x) + exp(-x))
//! ```

use super::FeatureMap;
use super::conv::shape3;
use super::error::{EngineError, Part, Result};
use super::limits::{MAX_SLOPE, check_input_shape, check_values};
use super::trace::{
    Arithmetic, Cell, Reader, Source, Step, Stepper, Tap, cell_of_step, check_cell, step_of_cell,
};

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

/// A validated activation over a whole feature map, one step per value.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivationLayer {
    input: FeatureMap,
    function: Activation,
}

impl ActivationLayer {
    /// Checks the input and the function's parameter.
    pub fn new(input: FeatureMap, function: Activation) -> Result<Self> {
        check_input_shape(shape3(&input))?;
        function.check()?;
        check_values(Part::Input, input.view())?;
        Ok(ActivationLayer { input, function })
    }

    /// The function applied.
    pub fn function(&self) -> Activation {
        self.function
    }

    /// The input feature map.
    pub fn input(&self) -> &FeatureMap {
        &self.input
    }
}

impl Stepper for ActivationLayer {
    fn input_shape(&self) -> [usize; 3] {
        shape3(&self.input)
    }

    fn output_shape(&self) -> [usize; 3] {
        self.input_shape()
    }

    fn forward(&self) -> FeatureMap {
        self.input.mapv(|x| self.function.apply(x))
    }

    fn step(&self, index: usize) -> Result<Step> {
        let output = cell_of_step(index, self.output_shape())?;
        let value = self.input[[output.channel, output.row, output.column]];
        Ok(Step {
            index,
            output,
            taps: vec![Tap {
                channel: output.channel,
                kernel: [0, 0],
                padded: [output.row, output.column],
                source: Source::Input {
                    row: output.row,
                    column: output.column,
                },
                value,
                weight: None,
            }],
            arithmetic: Arithmetic::Activation {
                function: self.function,
            },
            value: self.function.apply(value),
        })
    }

    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        check_cell(cell, self.input_shape())?;
        Ok(vec![Reader {
            step: step_of_cell(cell, self.output_shape()),
            tap: 0,
        }])
    }
}
