//! The loss a learner can read: half the sum of squared differences between an output map and
//! a target map, and its gradient with respect to the output.
//!
//! ```text
//! loss            = ½ Σ (output − target)²
//! d loss/d output = output − target
//! ```

use crate::engine::arrays::{FeatureMap, map_shape};
use crate::engine::error::{EngineError, Result};
use crate::engine::limits::check_map;
use crate::engine::stepper::ordered_sum;

/// The loss of an output against a target, and its gradient.
#[derive(Debug, Clone, PartialEq)]
pub struct Loss {
    /// ½ Σ (output − target)², the squares summed in raster order.
    pub value: f32,
    /// output − target, cell by cell: d loss / d output.
    pub gradient: FeatureMap,
}

impl Loss {
    /// Fails unless the target has the output's shape and holds usable values.
    pub fn new(output: &FeatureMap, target: &FeatureMap) -> Result<Self> {
        if output.dim() != target.dim() {
            return Err(EngineError::TargetShape {
                output: map_shape(output),
                target: map_shape(target),
            });
        }
        check_map(target.view())?;
        let gradient = output - target;
        let value = 0.5 * ordered_sum(gradient.iter().map(|difference| difference * difference));
        Ok(Loss { value, gradient })
    }
}
