//! The backward pass's vocabulary: one gradient value as a sum of terms, each an upstream
//! gradient times a factor, and the rule that chose the terms.
//!
//! ```text
//! gradient = term_1 + term_2 + ...        (summed in order, from +0.0)
//! term     = upstream gradient × factor   (or ÷ divisor, for average pooling)
//! ```

use crate::engine::activation::function::Activation;
use crate::engine::stepper::{Cell, ordered_sum};

/// What one upstream gradient is multiplied by on its way back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Factor {
    /// Passed on unchanged: a max pool's winner, a bias.
    One,
    /// Multiplied: by a weight, an input value or an activation's derivative.
    Times(f32),
    /// Divided by the count the average's forward pass used.
    Over(usize),
}

/// One upstream gradient carried back to the value being differentiated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    /// The output cell whose gradient flows back.
    pub output: Cell,
    /// d loss / d that output cell.
    pub gradient: f32,
    /// What it is multiplied or divided by.
    pub factor: Factor,
    /// For a weight's gradient, the input cell the window read at that weight (`None`:
    /// padding, which reads 0).
    pub input: Option<Cell>,
}

impl Term {
    /// The term's value: the gradient times (or divided by) its factor.
    pub fn value(&self) -> f32 {
        match self.factor {
            Factor::One => self.gradient,
            Factor::Times(factor) => self.gradient * factor,
            Factor::Over(divisor) => self.gradient / divisor as f32,
        }
    }
}

/// Which value a gradient step differentiates the loss by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrt {
    /// A cell of the stage's input.
    Input(Cell),
    /// A convolution weight: filter, slice (input channel within the group) and kernel cell.
    Weight {
        /// Filter (output channel).
        filter: usize,
        /// Slice of the filter (input channel within its group).
        slice: usize,
        /// `[row, column]` in the kernel grid.
        kernel: [usize; 2],
    },
    /// A filter's bias.
    Bias {
        /// Filter (output channel).
        filter: usize,
    },
}

/// The rule of the chain rule in use, named in the formula panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Max pooling: each window's gradient goes to its winner alone.
    MaxRoute,
    /// Average pooling: each window's gradient is shared out, divided by its divisor.
    AverageSpread,
    /// An activation: the gradient times the derivative at the cell.
    Derivative {
        /// The function.
        function: Activation,
        /// The forward pass's input value at the cell.
        input: f32,
        /// The forward pass's output value at the cell.
        output: f32,
    },
    /// Convolution, by its input: the output gradients times the weights that met the cell
    /// (a transposed convolution of the output gradient).
    ConvInput,
    /// Convolution, by a weight: the output gradients times the input values the weight met.
    ConvWeight,
    /// Convolution, by a bias: the sum of the filter's output gradients.
    ConvBias,
}

/// One gradient value and the terms it sums.
#[derive(Debug, Clone, PartialEq)]
pub struct GradientStep {
    /// Step number, from 0, in raster order of what is differentiated.
    pub index: usize,
    /// What the loss is differentiated by.
    pub wrt: Wrt,
    /// The rule that chose the terms.
    pub rule: Rule,
    /// The terms, in the order they are summed.
    pub terms: Vec<Term>,
    /// Their sum.
    pub value: f32,
}

impl GradientStep {
    /// A step whose value is its terms summed in order.
    pub fn new(index: usize, wrt: Wrt, rule: Rule, terms: Vec<Term>) -> Self {
        let value = ordered_sum(terms.iter().map(Term::value));
        GradientStep {
            index,
            wrt,
            rule,
            terms,
            value,
        }
    }
}
