//! The largest sizes and values ConvStep accepts, and the checks that enforce them.
//!
//! The limits keep every size product inside `u32` (WebAssembly's `usize`) and every sum
//! finite, so no arithmetic in the engine can overflow.

use super::error::{EngineError, Limited, Position, Result};
use ndarray::{Array1, ArrayView3, ArrayView4};

/// Largest input height or width.
pub const MAX_INPUT_SIDE: usize = 1024;
/// Largest kernel or pooling window height or width.
pub const MAX_KERNEL_SIDE: usize = 15;
/// Largest number of input or output channels.
pub const MAX_CHANNELS: usize = 512;
/// Largest stride.
pub const MAX_STRIDE: usize = 16;
/// Largest dilation.
pub const MAX_DILATION: usize = 8;
/// Largest padding on one side.
pub const MAX_PADDING: usize = 128;
/// Largest number of output values (and so of steps) of one operation.
pub const MAX_OUTPUTS: usize = 1 << 26;
/// Largest magnitude of any input, weight or bias value.
pub const MAX_ABS_VALUE: f32 = 1.0e6;

/// Fails with [`EngineError::TooLarge`] when `value > limit`.
pub fn check_at_most(what: Limited, value: usize, limit: usize) -> Result<()> {
    if value > limit {
        Err(EngineError::TooLarge { what, value, limit })
    } else {
        Ok(())
    }
}

/// Checks that one value is finite and within [`MAX_ABS_VALUE`].
pub fn check_value(value: f32, at: Position) -> Result<()> {
    if !value.is_finite() {
        return Err(EngineError::NotFinite { at });
    }
    if value.abs() > MAX_ABS_VALUE {
        return Err(EngineError::ValueTooLarge {
            at,
            value,
            limit: MAX_ABS_VALUE,
        });
    }
    Ok(())
}

/// Whether every value is fine: the common case, in one pass. Positions are only worked out
/// for a message.
fn all_fine<'a>(mut values: impl Iterator<Item = &'a f32>) -> bool {
    values.all(|value| value.is_finite() && value.abs() <= MAX_ABS_VALUE)
}

/// Checks every value of a feature map (channels × rows × columns), reporting the first bad one.
pub fn check_map(values: ArrayView3<'_, f32>) -> Result<()> {
    if all_fine(values.iter()) {
        return Ok(());
    }
    for ((channel, row, column), &value) in values.indexed_iter() {
        check_value(
            value,
            Position::Map {
                channel,
                row,
                column,
            },
        )?;
    }
    Ok(())
}

/// Checks every weight (filters × channels × rows × columns), reporting the first bad one.
pub fn check_weights(values: ArrayView4<'_, f32>) -> Result<()> {
    if all_fine(values.iter()) {
        return Ok(());
    }
    for ((filter, channel, row, column), &value) in values.indexed_iter() {
        check_value(
            value,
            Position::Weight {
                filter,
                channel,
                row,
                column,
            },
        )?;
    }
    Ok(())
}

/// Checks the shape of an input feature map: non-empty and within the limits.
pub fn check_input_shape([channels, rows, columns]: [usize; 3]) -> Result<()> {
    if channels == 0 || rows == 0 || columns == 0 {
        return Err(EngineError::EmptyInput {
            channels,
            rows,
            columns,
        });
    }
    check_at_most(Limited::Channels, channels, MAX_CHANNELS)?;
    check_at_most(Limited::InputSide, rows, MAX_INPUT_SIDE)?;
    check_at_most(Limited::InputSide, columns, MAX_INPUT_SIDE)
}

/// Largest magnitude of the Leaky ReLU slope.
pub const MAX_SLOPE: f32 = 1.0e3;

/// Checks a bias: one finite value within [`MAX_ABS_VALUE`] per filter, if any.
pub fn check_bias(bias: Option<Vec<f32>>, filters: usize) -> Result<Option<Array1<f32>>> {
    let Some(bias) = bias else {
        return Ok(None);
    };
    if bias.len() != filters {
        return Err(EngineError::BiasMismatch {
            filters,
            biases: bias.len(),
        });
    }
    for (filter, &value) in bias.iter().enumerate() {
        check_value(value, Position::Bias { filter })?;
    }
    Ok(Some(Array1::from(bias)))
}
