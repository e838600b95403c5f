//! Seeded random values: the tutorial's `np.random.randn` (standard normal) and small integers.
//!
//! The same seed always gives the same numbers, on every platform, so a link can carry a seed
//! instead of every value.

use ndarray::{Array, Dimension, ShapeBuilder};
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

/// How random values are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RandomKind {
    /// Standard normal (mean 0, standard deviation 1), rounded to 2 decimals for readability.
    Normal,
    /// Whole numbers from `-range` to `range`, easy to add up by hand.
    SmallIntegers {
        /// The largest magnitude drawn.
        range: i32,
    },
}

/// An array of `shape` filled with seeded random values.
pub fn random<D: Dimension>(
    shape: impl ShapeBuilder<Dim = D>,
    kind: RandomKind,
    seed: u64,
) -> Array<f32, D> {
    let mut rng = SmallRng::seed_from_u64(seed);
    Array::from_shape_simple_fn(shape, || match kind {
        RandomKind::Normal => {
            let x: f32 = rng.sample(StandardNormal);
            (x * 100.0).round() / 100.0
        }
        RandomKind::SmallIntegers { range } => {
            let range = range.clamp(0, 99);
            rng.random_range(-range..=range) as f32
        }
    })
}
