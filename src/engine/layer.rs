//! One steppable stage of any kind: convolution, transposed convolution, activation or pooling.

use super::activation::ActivationLayer;
use super::arrays::FeatureMap;
use super::conv::Conv;
use super::conv_transpose::ConvTranspose;
use super::error::Result;
use super::pool::Pool;
use super::stepper::{Cell, Reader, Step, Stepper};

/// Any operation ConvStep can step through.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// A convolution.
    Conv(Conv),
    /// An element-wise activation.
    Activation(ActivationLayer),
    /// Max or average pooling.
    Pool(Pool),
    /// A transposed convolution, stepped in its gather view.
    ConvTranspose(ConvTranspose),
}

impl Layer {
    /// The stage's input.
    pub fn input(&self) -> &FeatureMap {
        match self {
            Layer::Conv(conv) => conv.input(),
            Layer::Activation(activation) => activation.input(),
            Layer::Pool(pool) => pool.input(),
            Layer::ConvTranspose(transposed) => transposed.input(),
        }
    }

    fn stepper(&self) -> &dyn Stepper {
        match self {
            Layer::Conv(conv) => conv,
            Layer::Activation(activation) => activation,
            Layer::Pool(pool) => pool,
            Layer::ConvTranspose(transposed) => transposed,
        }
    }
}

impl Stepper for Layer {
    fn input_shape(&self) -> [usize; 3] {
        self.stepper().input_shape()
    }

    fn output_shape(&self) -> [usize; 3] {
        self.stepper().output_shape()
    }

    fn forward(&self) -> FeatureMap {
        self.stepper().forward()
    }

    fn step(&self, index: usize) -> Result<Step> {
        self.stepper().step(index)
    }

    fn readers_of(&self, cell: Cell) -> Result<Vec<Reader>> {
        self.stepper().readers_of(cell)
    }
}
