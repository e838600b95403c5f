//! Pooling's backward pass, one input cell at a time (PyTorch `max_pool2d` / `avg_pool2d`
//! autograd).
//!
//! ```text
//! max:     d loss/d x[c, r, q] = Σ d loss/d out[c, oh, ow] over the windows x[c, r, q] won
//! average: d loss/d x[c, r, q] = Σ d loss/d out[c, oh, ow] ÷ divisor(oh, ow) over the windows reading it
//! ```
//! A window's winner is the forward pass's: the first of equal maxima in window raster order,
//! as in PyTorch, and padding never wins. The divisor is the one the forward pass used.

use super::step::{Factor, GradientStep, Rule, Term, Wrt};
use crate::engine::arrays::FeatureMap;
use crate::engine::error::Result;
use crate::engine::pool::{Pool, PoolKind};
use crate::engine::stepper::{Arithmetic, Stepper, cell_of_step};

/// A pooling and the gradient of the loss with respect to its output.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolBackward {
    pool: Pool,
    output_gradient: FeatureMap,
}

impl PoolBackward {
    /// Fails unless the gradient has the pooling's output shape and usable values.
    pub fn new(pool: Pool, output_gradient: FeatureMap) -> Result<Self> {
        super::check_gradient(&output_gradient, pool.output_shape())?;
        Ok(PoolBackward {
            pool,
            output_gradient,
        })
    }

    /// The pooling.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The gradient of input cell `index` (raster order): every window that read the cell and
    /// passes gradient to it.
    pub fn input_step(&self, index: usize) -> Result<GradientStep> {
        let cell = cell_of_step(index, self.pool.input_shape())?;
        let mut terms = Vec::new();
        for reader in self.pool.readers_of(cell)? {
            let window = self.pool.step(reader.step)?;
            let factor = match window.arithmetic {
                Arithmetic::Max { winner } if winner == reader.tap => Factor::One,
                Arithmetic::Average { divisor, .. } => Factor::Over(divisor),
                _ => continue,
            };
            let output = window.output;
            terms.push(Term {
                output,
                gradient: self.output_gradient[[output.channel, output.row, output.column]],
                factor,
                input: None,
            });
        }
        let rule = match self.pool.kind() {
            PoolKind::Max => Rule::MaxRoute,
            PoolKind::Average { .. } => Rule::AverageSpread,
        };
        Ok(GradientStep::new(index, Wrt::Input(cell), rule, terms))
    }
}
