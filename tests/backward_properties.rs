//! Property tests of the backward pass on small random examples: every stepped gradient equals
//! a central finite difference of `Σ output × g` (g a random upstream gradient), and the
//! convolution's input gradient equals the transposed convolution that computes it whole.
//!
//! Convolution and average pooling are linear, so with whole-number values the difference
//! quotient is exact; max pooling is linear near values that are all distinct; smooth
//! activations are compared with a tolerance that covers the quotient's error.
#![cfg(not(target_arch = "wasm32"))]

use convstep::engine::backward::{
    ActivationBackward, ConvBackward, Loss, PoolBackward, StageBackward,
};
use convstep::engine::{
    Activation, ActivationLayer, Conv, ConvSpec, FeatureMap, Padding, PaddingMode, Pool, PoolKind,
    Rounding, Sides, Stepper, Weights, WindowSpec,
    fill::{RandomKind, random},
};
use proptest::prelude::*;

const CASES: u32 = 64;

/// `Σ stage(x) × g` in f64.
fn objective(output: &FeatureMap, upstream: &FeatureMap) -> f64 {
    output
        .iter()
        .zip(upstream)
        .map(|(&y, &g)| f64::from(y) * f64::from(g))
        .sum()
}

/// Central difference of `f` at every value of `values`, moved by `h` each way.
fn differences<D: ndarray::Dimension>(
    values: &ndarray::Array<f32, D>,
    h: f32,
    f: impl Fn(&ndarray::Array<f32, D>) -> f64,
) -> Vec<f64> {
    (0..values.len())
        .map(|index| {
            let moved = |by: f32| {
                let mut moved = values.clone();
                if let Some(value) = moved.iter_mut().nth(index) {
                    *value += by;
                }
                f(&moved)
            };
            (moved(h) - moved(-h)) / (2.0 * f64::from(h))
        })
        .collect()
}

fn assert_near(actual: &[f32], expected: &[f64], tolerance: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(actual.len(), expected.len());
    for (index, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        prop_assert!(
            (f64::from(a) - e).abs() <= tolerance * e.abs().max(1.0),
            "value {}: stepped {} vs finite difference {}",
            index,
            a,
            e
        );
    }
    Ok(())
}

fn fail(error: impl ToString) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

fn integers(shape: impl ndarray::ShapeBuilder<Dim = ndarray::Ix3>, seed: u64) -> FeatureMap {
    random(shape, RandomKind::SmallIntegers { range: 3 }, seed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Input, weight and bias gradients of a random convolution equal finite differences, and
    /// the input gradient equals its transposed convolution's forward.
    #[test]
    fn convolution_gradients_equal_finite_differences(
        (groups, per_group, filters_per_group) in (1usize..=2, 1usize..=2, 1usize..=2),
        input in [3usize..=7, 3usize..=7],
        kernel in [1usize..=3, 1usize..=3],
        stride in [1usize..=2, 1usize..=2],
        dilation in [1usize..=2, 1usize..=2],
        pads in [0usize..=1, 0usize..=1, 0usize..=1, 0usize..=1],
        (mode, flip) in (0usize..4, any::<bool>()),
        seed in any::<u64>(),
    ) {
        let channels = groups * per_group;
        let filters = groups * filters_per_group;
        let x = integers((channels, input[0], input[1]), seed);
        let w: Weights = random((filters, per_group, kernel[0], kernel[1]), RandomKind::SmallIntegers { range: 3 }, seed ^ 1);
        let b: Vec<f32> = random(filters, RandomKind::SmallIntegers { range: 3 }, seed ^ 2).to_vec();
        let spec = ConvSpec {
            window: WindowSpec {
                stride,
                dilation,
                padding: Padding::Explicit(Sides { top: pads[0], left: pads[1], bottom: pads[2], right: pads[3] }),
                ..WindowSpec::default()
            },
            flip_kernel: flip,
            groups,
            padding_mode: PaddingMode::ALL[mode],
        };
        let conv = |x: &FeatureMap, w: &Weights, b: &[f32]| Conv::new(x.clone(), w.clone(), Some(b.to_vec()), spec);
        let Ok(forward) = conv(&x, &w, &b) else {
            // A window that does not fit, or padding a mode cannot fill: nothing to differentiate.
            return Ok(());
        };
        let g = integers(forward.output_shape(), seed ^ 3);
        let backward = ConvBackward::new(forward, g.clone()).map_err(fail)?;
        let run = |x: &FeatureMap, w: &Weights, b: &[f32]| {
            conv(x, w, b).map_or(f64::NAN, |conv| objective(&conv.forward(), &g))
        };
        let input_gradient = StageBackward::Conv(backward.clone()).input_gradient().map_err(fail)?;
        assert_near(input_gradient.as_slice().unwrap_or_default(), &differences(&x, 1.0, |x| run(x, &w, &b)), 0.0)?;
        let weight_gradient = backward.weight_gradient().map_err(fail)?;
        assert_near(weight_gradient.as_slice().unwrap_or_default(), &differences(&w, 1.0, |w| run(&x, w, &b)), 0.0)?;
        let bias = ndarray::Array1::from(b.clone());
        let bias_differences = differences(&bias, 1.0, |b| run(&x, &w, b.as_slice().unwrap_or_default()));
        assert_near(&backward.bias_gradient().map_err(fail)?, &bias_differences, 0.0)?;
        match backward.as_transposed() {
            Some(transposed) => {
                let whole = transposed.map_err(fail)?.forward();
                prop_assert_eq!(&whole, &input_gradient);
            }
            None => prop_assert_ne!(PaddingMode::ALL[mode], PaddingMode::Zeros),
        }
    }

    /// Max and average pooling's stepped gradients equal finite differences, on distinct values
    /// (so no small move changes a window's winner).
    #[test]
    fn pooling_gradients_equal_finite_differences(
        input in [2usize..=7, 2usize..=7],
        kernel in [1usize..=3, 1usize..=3],
        stride in [1usize..=3, 1usize..=3],
        pad in 0usize..=1,
        (kind, ceil) in (0usize..3, any::<bool>()),
        seed in any::<u64>(),
    ) {
        let cells = 2 * input[0] * input[1];
        let order = random(cells, RandomKind::Normal, seed);
        let mut ranks: Vec<usize> = (0..cells).collect();
        ranks.sort_by(|&a, &b| order[a].total_cmp(&order[b]));
        let x = FeatureMap::from_shape_fn((2, input[0], input[1]), |(c, r, q)| {
            ranks[(c * input[0] + r) * input[1] + q] as f32 - 5.0
        });
        let kind = [PoolKind::Max, PoolKind::Average { count_include_pad: true }, PoolKind::Average { count_include_pad: false }][kind];
        let window = WindowSpec {
            kernel,
            stride,
            padding: Padding::Explicit(Sides::uniform(pad)),
            rounding: if ceil { Rounding::Ceil } else { Rounding::Floor },
            ..WindowSpec::default()
        };
        let Ok(pool) = Pool::new(x.clone(), window, kind) else {
            return Ok(());
        };
        let g = integers(pool.output_shape(), seed ^ 3);
        let run = |x: &FeatureMap| Pool::new(x.clone(), window, kind).map_or(f64::NAN, |pool| objective(&pool.forward(), &g));
        let backward = StageBackward::Pool(PoolBackward::new(pool, g.clone()).map_err(fail)?);
        let gradient = backward.input_gradient().map_err(fail)?;
        assert_near(gradient.as_slice().unwrap_or_default(), &differences(&x, 0.25, run), 1e-4)?;
    }

    /// Every activation's stepped gradient equals a finite difference, away from ReLU's kink.
    #[test]
    fn activation_gradients_equal_finite_differences(which in 0usize..4, seed in any::<u64>()) {
        let x = random((2, 3, 4), RandomKind::Normal, seed).mapv(|x| if x.abs() < 0.05 { x + 0.1 } else { x });
        let function = [Activation::Relu, Activation::LeakyRelu { slope: 0.2 }, Activation::Sigmoid, Activation::Tanh][which];
        let layer = ActivationLayer::new(x.clone(), function).map_err(fail)?;
        let g = random((2, 3, 4), RandomKind::Normal, seed ^ 3);
        let run = |x: &FeatureMap| objective(&x.mapv(|x| function.apply(x)), &g);
        let backward = StageBackward::Activation(ActivationBackward::new(layer, g.clone()).map_err(fail)?);
        let gradient = backward.input_gradient().map_err(fail)?;
        assert_near(gradient.as_slice().unwrap_or_default(), &differences(&x, 1e-2, run), 2e-3)?;
    }

    /// The loss's gradient equals a finite difference (exact: the loss is quadratic).
    #[test]
    fn loss_gradient_equals_finite_differences(seed in any::<u64>()) {
        let output = integers((1, 3, 4), seed);
        let target = integers((1, 3, 4), seed ^ 1);
        let loss = Loss::new(&output, &target).map_err(fail)?;
        let run = |output: &FeatureMap| Loss::new(output, &target).map_or(f64::NAN, |loss| f64::from(loss.value));
        assert_near(loss.gradient.as_slice().unwrap_or_default(), &differences(&output, 1.0, run), 0.0)?;
    }
}
