//! A steppable layer that applies an element-wise activation to a feature map, one value per
//! step. The functions themselves are in [`function`].

pub mod function;

pub use function::Activation;

use super::arrays::{FeatureMap, map_shape};
use super::error::Result;
use super::geometry::Source;
use super::limits::{check_input_shape, check_map};
use super::stepper::{
    Arithmetic, Cell, Reader, Step, Stepper, Tap, cell_of_step, check_cell, step_of_cell,
};

/// A validated activation over a whole feature map, one step per value.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivationLayer {
    input: FeatureMap,
    function: Activation,
}

impl ActivationLayer {
    /// Checks the input and the function's parameter.
    pub fn new(input: FeatureMap, function: Activation) -> Result<Self> {
        check_input_shape(map_shape(&input))?;
        function.check()?;
        check_map(input.view())?;
        Ok(ActivationLayer { input, function })
    }

    /// The function applied to every value.
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
        map_shape(&self.input)
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
