//! Property tests over random shapes and parameters: the stepper, the fast forward and the
//! naive reference agree exactly, the reverse map is the inverse of the taps, and no input panics.
#![cfg(not(target_arch = "wasm32"))]

use convstep::engine::{
    Activation, ActivationLayer, Conv, ConvSpec, ConvTranspose, ConvTransposeSpec, EngineError,
    Padding, PaddingMode, Pool, PoolKind, Rounding, Sides, Stepper, TransposedPadding, Weights,
    WindowSpec,
    fill::{RandomKind, random},
    reference::{self, Transposed},
};
use ndarray::Array3;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::cell::Cell;

/// Cases per property.
const CASES: u32 = 200;

/// Per-axis window parameters small enough to enumerate every step.
#[derive(Debug, Clone)]
struct Shape {
    channels: usize,
    filters: usize,
    input: [usize; 2],
    kernel: [usize; 2],
    stride: [usize; 2],
    dilation: [usize; 2],
    sides: Sides,
    seed: u64,
    integers: bool,
}

fn shapes() -> impl Strategy<Value = Shape> {
    (
        (1usize..=3, 1usize..=3),
        ([1usize..=9, 1usize..=40], [1usize..=4, 1usize..=4]),
        ([1usize..=3, 1usize..=3], [1usize..=3, 1usize..=3]),
        (0usize..=3, 0usize..=3, 0usize..=3, 0usize..=3),
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                (channels, filters),
                (input, kernel),
                (stride, dilation),
                (top, left, bottom, right),
                seed,
                integers,
            )| {
                Shape {
                    channels,
                    filters,
                    input,
                    kernel,
                    stride,
                    dilation,
                    sides: Sides {
                        top,
                        left,
                        bottom,
                        right,
                    },
                    seed,
                    integers,
                }
            },
        )
}

/// One axis of a window that fits, chosen by construction rather than filtered.
#[derive(Debug, Clone, Copy)]
struct FittingAxis {
    input: usize,
    kernel: usize,
    stride: usize,
    dilation: usize,
    pad_begin: usize,
    pad_end: usize,
}

/// Which rules a window must follow besides fitting in the padded input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rules {
    /// Convolution: any padding up to 3 cells a side.
    Convolution,
    /// Pooling, as PyTorch checks it: padding at most half the window's field on each side, so
    /// that no window reads only padding (ceil mode's last window is the engine's to drop).
    Pooling,
}

/// An axis whose window fits: the input is at least the window's field minus the padding.
///
/// For pooling with dilation the input is at least the whole field, so the window's last tap
/// always lands on the input when its first does not; without dilation every cell of the
/// window is a tap, and padding of at most half the window cannot hold a whole window.
fn fitting_axis(rules: Rules, longest_extra_input: usize) -> impl Strategy<Value = FittingAxis> {
    (1usize..=4, 1usize..=3, 1usize..=3).prop_flat_map(move |(kernel, stride, dilation)| {
        let field = dilation * (kernel - 1) + 1;
        let most_padding = match rules {
            Rules::Convolution => 3,
            Rules::Pooling => field / 2,
        };
        (0..=most_padding, 0..=most_padding).prop_flat_map(move |(pad_begin, pad_end)| {
            let least_input = match rules {
                Rules::Pooling if dilation > 1 => field,
                _ => field.saturating_sub(pad_begin + pad_end).max(1),
            };
            (least_input..=least_input + longest_extra_input).prop_map(move |input| FittingAxis {
                input,
                kernel,
                stride,
                dilation,
                pad_begin,
                pad_end,
            })
        })
    })
}

/// Shapes whose every window fits under `rules`; columns run wider than one block of the fast
/// forward (16 outputs).
fn fitting_shapes(rules: Rules) -> impl Strategy<Value = Shape> {
    (
        (1usize..=3, 1usize..=3),
        (fitting_axis(rules, 8), fitting_axis(rules, 39)),
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(
            |((channels, filters), (rows, columns), seed, integers)| Shape {
                channels,
                filters,
                input: [rows.input, columns.input],
                kernel: [rows.kernel, columns.kernel],
                stride: [rows.stride, columns.stride],
                dilation: [rows.dilation, columns.dilation],
                sides: Sides {
                    top: rows.pad_begin,
                    left: columns.pad_begin,
                    bottom: rows.pad_end,
                    right: columns.pad_end,
                },
                seed,
                integers,
            },
        )
}

/// Runs `check` on [`CASES`] generated cases (and any saved regressions first), failing on the
/// first case that fails. Returns how many cases were generated, so a test can hold that
/// against how many ran to the end: a case must never be skipped.
fn generated_cases<S: Strategy>(
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> u32 {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    });
    let generated = Cell::new(0);
    let result = runner.run(&strategy, |case| {
        generated.set(generated.get() + 1);
        check(case)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(generated.get() >= CASES);
    generated.get()
}

fn kind(shape: &Shape) -> RandomKind {
    if shape.integers {
        RandomKind::SmallIntegers { range: 5 }
    } else {
        RandomKind::Normal
    }
}

fn input_of(shape: &Shape) -> Array3<f32> {
    let [in_h, in_w] = shape.input;
    random((shape.channels, in_h, in_w), kind(shape), shape.seed)
}

/// Every step's value equals the forward's value at the step's cell, bit for bit, and every
/// input tap is found again by the reverse map.
fn check_stepper(layer: &impl Stepper, forward: &Array3<f32>) -> Result<(), TestCaseError> {
    for index in 0..layer.step_count() {
        let step = layer
            .step(index)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let cell = [step.output.channel, step.output.row, step.output.column];
        prop_assert_eq!(
            step.value.to_bits(),
            forward[cell].to_bits(),
            "step {}",
            index
        );
        for (tap_index, tap) in step.taps.iter().enumerate() {
            // A padding cell that repeats an input cell reads it too.
            if let Some([row, column]) = tap.source.read() {
                let readers = layer
                    .readers_of(convstep::engine::Cell {
                        channel: tap.channel,
                        row,
                        column,
                    })
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(
                    readers
                        .iter()
                        .any(|r| r.step == index && r.tap == tap_index)
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn activation_forward_steps_and_reference_agree(shape in shapes(), which in 0usize..4, slope in -2.0f32..2.0) {
        let function = [Activation::Relu, Activation::LeakyRelu { slope }, Activation::Sigmoid, Activation::Tanh][which];
        let layer = ActivationLayer::new(input_of(&shape), function).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let forward = layer.forward();
        prop_assert_eq!(&forward, &reference::activate(&input_of(&shape), function));
        check_stepper(&layer, &forward)?;
    }

    /// Any sizes at all, including 0 and far past the limits, and any values: a result or an error, never a panic.
    #[test]
    fn no_input_panics(
        dims in [0usize..600, 0usize..5, 0usize..40, 0usize..1500, 0usize..20, 0usize..20],
        steps in [0usize..40, 0usize..40, 0usize..20, 0usize..20],
        sides in [0usize..300, 0usize..300, 0usize..300, 0usize..300],
        value in prop_oneof![Just(f32::NAN), Just(f32::INFINITY), Just(-f32::INFINITY), Just(3.0e38f32), -10.0f32..10.0],
        ceil in any::<bool>(),
        probe in any::<usize>(),
    ) {
        let [filters, channels, in_h, in_w, k_h, k_w] = dims;
        let [s_h, s_w, d_h, d_w] = steps;
        let input = Array3::from_elem((channels, in_h, in_w), value);
        // Few filters keep each case fast; the filter limit has its own test.
        let weights = Weights::from_elem((filters.min(4), channels, k_h, k_w), value);
        let padding = Padding::Explicit(Sides { top: sides[0], left: sides[1], bottom: sides[2], right: sides[3] });
        let spec = ConvSpec { window: WindowSpec { stride: [s_h, s_w], dilation: [d_h, d_w], padding, ..WindowSpec::default() }, flip_kernel: ceil, ..ConvSpec::default() };
        if let Ok(conv) = Conv::new(input.clone(), weights, Some(vec![value; filters.min(4)]), spec) {
            let _ = conv.step(probe % (conv.step_count() + 1));
            prop_assert!(conv.step(conv.step_count()).is_err());
        }
        let window = WindowSpec { kernel: [k_h, k_w], stride: [s_h, s_w], dilation: [d_h, d_w], padding, rounding: if ceil { Rounding::Ceil } else { Rounding::Floor } };
        if let Ok(pool) = Pool::new(input.clone(), window, PoolKind::Average { count_include_pad: ceil }) {
            prop_assert!(pool.forward().iter().all(|v| v.is_finite()));
        }
        for padding in [Padding::Same, Padding::SameLower, Padding::Symmetric, Padding::Full, Padding::Valid] {
            let _ = Pool::new(input.clone(), WindowSpec { padding, ..window }, PoolKind::Max);
        }
        let _ = ActivationLayer::new(input, Activation::LeakyRelu { slope: value });
    }
}

#[test]
fn convolution_forward_steps_and_reference_agree() {
    let ran = Cell::new(0);
    let generated = generated_cases(
        (
            fitting_shapes(Rules::Convolution),
            any::<bool>(),
            any::<bool>(),
        ),
        |(shape, flip, with_bias)| {
            let [k_h, k_w] = shape.kernel;
            let weights: Weights = random(
                (shape.filters, shape.channels, k_h, k_w),
                kind(&shape),
                shape.seed ^ 1,
            );
            let bias: Option<Vec<f32>> =
                with_bias.then(|| random(shape.filters, kind(&shape), shape.seed ^ 2).to_vec());
            let spec = ConvSpec {
                window: WindowSpec {
                    stride: shape.stride,
                    dilation: shape.dilation,
                    padding: Padding::Explicit(shape.sides),
                    ..WindowSpec::default()
                },
                flip_kernel: flip,
                ..ConvSpec::default()
            };
            let conv = Conv::new(input_of(&shape), weights.clone(), bias.clone(), spec)
                .map_err(|e| TestCaseError::fail(format!("a fitting window was refused: {e}")))?;
            let forward = conv.forward();
            let naive = reference::conv2d(
                &input_of(&shape),
                &weights,
                bias.as_deref(),
                shape.stride,
                shape.dilation,
                shape.sides,
                flip,
            );
            prop_assert_eq!(&forward, &naive);
            check_stepper(&conv, &forward)?;
            ran.set(ran.get() + 1);
            Ok(())
        },
    );
    assert_eq!(ran.get(), generated, "every generated convolution ran");
}

#[test]
fn pooling_forward_steps_and_reference_agree() {
    let ran = Cell::new(0);
    let generated = generated_cases(
        (
            fitting_shapes(Rules::Pooling),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        |(shape, ceil, max, include_pad)| {
            let rounding = if ceil {
                Rounding::Ceil
            } else {
                Rounding::Floor
            };
            let kind = if max {
                PoolKind::Max
            } else {
                PoolKind::Average {
                    count_include_pad: include_pad,
                }
            };
            let window = WindowSpec {
                kernel: shape.kernel,
                stride: shape.stride,
                dilation: shape.dilation,
                padding: Padding::Explicit(shape.sides),
                rounding,
            };
            let pool = Pool::new(input_of(&shape), window, kind)
                .map_err(|e| TestCaseError::fail(format!("a fitting window was refused: {e}")))?;
            let forward = pool.forward();
            let naive = reference::pool2d(
                &input_of(&shape),
                kind,
                shape.kernel,
                shape.stride,
                shape.dilation,
                shape.sides,
                rounding,
            );
            prop_assert_eq!(&forward, &naive);
            check_stepper(&pool, &forward)?;
            ran.set(ran.get() + 1);
            Ok(())
        },
    );
    assert_eq!(ran.get(), generated, "every generated pooling ran");
}

/// Wider than one block of output columns, with stride 1 and 2, dilation and uneven padding:
/// the fast forward equals stepping, bit for bit, on random normal values.
#[test]
fn wide_convolutions_equal_stepping_bit_for_bit() {
    for (stride, dilation, seed) in [
        ([1, 1], [1, 1], 1u64),
        ([2, 2], [1, 2], 2),
        ([1, 3], [2, 1], 3),
    ] {
        let input: Array3<f32> = random((3, 21, 53), RandomKind::Normal, seed);
        let weights: Weights = random((4, 3, 3, 3), RandomKind::Normal, seed + 10);
        let bias = random(4, RandomKind::Normal, seed + 20).to_vec();
        let spec = ConvSpec {
            window: WindowSpec {
                stride,
                dilation,
                padding: Padding::Explicit(Sides {
                    top: 1,
                    left: 2,
                    bottom: 0,
                    right: 3,
                }),
                ..WindowSpec::default()
            },
            flip_kernel: seed == 2,
            ..ConvSpec::default()
        };
        let conv = Conv::new(input, weights, Some(bias), spec).expect("a valid convolution");
        let forward = conv.forward();
        for index in 0..conv.step_count() {
            let step = conv.step(index).expect("a step in range");
            let cell = [step.output.channel, step.output.row, step.output.column];
            assert_eq!(
                step.value.to_bits(),
                forward[cell].to_bits(),
                "step {index}"
            );
        }
    }
}

/// The bits of every value, so that -0 and +0 differ.
fn bits(map: &Array3<f32>) -> Vec<u32> {
    map.iter().map(|value| value.to_bits()).collect()
}

fn fail(error: EngineError) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

/// Whether PyTorch would pad `sides` around `input` in `mode`: reflect needs each side smaller
/// than the input, circular at most the input.
fn mode_allows(mode: PaddingMode, shape: &Shape) -> bool {
    let [in_h, in_w] = shape.input;
    let Sides {
        top,
        left,
        bottom,
        right,
    } = shape.sides;
    let widest = [top.max(bottom), left.max(right)];
    match mode {
        PaddingMode::Reflect => widest[0] < in_h && widest[1] < in_w,
        PaddingMode::Circular => widest[0] <= in_h && widest[1] <= in_w,
        _ => true,
    }
}

/// Grouped convolution with any padding mode: the forward, every step and the naive reference
/// (padding written out as lists of indices, then a plain grouped loop) agree bit for bit; the
/// reverse map finds every read, borrowed ones included; groups equal an ordinary convolution
/// whose weights are 0 outside each group; any mode equals a convolution without padding of
/// the input padded beforehand; and the counts are the weights and the products stepped.
#[test]
fn grouped_convolution_with_padding_modes_agrees_with_reference() {
    let ran = Cell::new(0);
    let generated = generated_cases(
        (
            fitting_shapes(Rules::Convolution),
            1usize..=3,
            0usize..4,
            any::<bool>(),
        ),
        |(shape, groups, mode, with_bias)| {
            let mode = PaddingMode::ALL[mode];
            let [k_h, k_w] = shape.kernel;
            let (channels, filters) = (shape.channels * groups, shape.filters * groups);
            let [in_h, in_w] = shape.input;
            let input: Array3<f32> = random((channels, in_h, in_w), kind(&shape), shape.seed);
            let weights: Weights = random(
                (filters, shape.channels, k_h, k_w),
                kind(&shape),
                shape.seed ^ 1,
            );
            let bias: Option<Vec<f32>> =
                with_bias.then(|| random(filters, kind(&shape), shape.seed ^ 2).to_vec());
            let window = WindowSpec {
                stride: shape.stride,
                dilation: shape.dilation,
                padding: Padding::Explicit(shape.sides),
                ..WindowSpec::default()
            };
            let spec = ConvSpec {
                window,
                groups,
                padding_mode: mode,
                ..ConvSpec::default()
            };
            let built = Conv::new(input.clone(), weights.clone(), bias.clone(), spec);
            if !mode_allows(mode, &shape) {
                let refused = matches!(
                    built,
                    Err(EngineError::ReflectPaddingTooWide { .. }
                        | EngineError::CircularPaddingTooWide { .. })
                );
                prop_assert!(refused, "{:?}", built);
                ran.set(ran.get() + 1);
                return Ok(());
            }
            let conv = built.map_err(fail)?;
            let forward = conv.forward();
            let padded = reference::pad(&input, shape.sides, mode);
            let naive = reference::grouped_conv2d(
                &padded,
                &weights,
                bias.as_deref(),
                shape.stride,
                shape.dilation,
                false,
                groups,
            );
            prop_assert_eq!(bits(&forward), bits(&naive));
            check_stepper(&conv, &forward)?;

            // Groups: the same as one group whose weights are 0 outside each filter's group.
            let mut dense = Weights::zeros((filters, channels, k_h, k_w));
            for ((filter, slice, kh, kw), &weight) in weights.indexed_iter() {
                let channel = conv.channels_of_filter(filter).start + slice;
                dense[[filter, channel, kh, kw]] = weight;
            }
            let ungrouped = Conv::new(
                input.clone(),
                dense,
                bias.clone(),
                ConvSpec { groups: 1, ..spec },
            )
            .map_err(fail)?;
            prop_assert_eq!(bits(&ungrouped.forward()), bits(&forward));

            // Padding modes: the same as no padding over the input padded beforehand.
            let valid = ConvSpec {
                window: WindowSpec {
                    padding: Padding::Valid,
                    ..window
                },
                padding_mode: PaddingMode::Zeros,
                ..spec
            };
            let prepadded =
                Conv::new(padded, weights.clone(), bias.clone(), valid).map_err(fail)?;
            prop_assert_eq!(bits(&prepadded.forward()), bits(&forward));

            // Counts: every weight, and one multiply-add per product stepped.
            let counts = conv.counts();
            prop_assert_eq!(counts.weights, weights.len() as u64);
            prop_assert_eq!(counts.biases, bias.as_ref().map_or(0, Vec::len) as u64);
            let mut products = 0u64;
            for index in 0..conv.step_count() {
                products += conv.step(index).map_err(fail)?.taps.len() as u64;
            }
            prop_assert_eq!(counts.multiply_adds, products);
            prop_assert_eq!(
                conv.ungrouped_counts().multiply_adds,
                products * groups as u64
            );
            ran.set(ran.get() + 1);
            Ok(())
        },
    );
    assert_eq!(ran.get(), generated, "every generated convolution ran");
}

/// One axis of a transposed convolution: input, kernel, stride, dilation, output padding
/// (smaller than the stride or the dilation) and the padding of each side.
fn transposed_axis() -> impl Strategy<Value = [usize; 7]> {
    (1usize..=5, 1usize..=3, 1usize..=3, 1usize..=3).prop_flat_map(
        |(input, kernel, stride, dilation)| {
            (0..stride.max(dilation), 0usize..=3, 0usize..=3).prop_map(
                move |(output_padding, begin, end)| {
                    [input, kernel, stride, dilation, output_padding, begin, end]
                },
            )
        },
    )
}

/// Transposed convolution: the forward, the gather steps, the scatter steps' running totals
/// and both naive pictures (scatter into per-channel buffers; convolution over the
/// zero-inserted input) agree bit for bit; both reverse maps find every read and every write;
/// and the overlap map counts the products landing on each cell.
#[test]
fn transposed_convolution_scatter_gather_and_references_agree() {
    let ran = Cell::new(0);
    let generated = generated_cases(
        (
            (transposed_axis(), transposed_axis()),
            (1usize..=2, 1usize..=2, 1usize..=2),
            (any::<u64>(), any::<bool>(), any::<bool>()),
        ),
        |(
            (rows, columns),
            (groups, channels_per_group, filters_per_group),
            (seed, integers, with_bias),
        )| {
            let kind = if integers {
                RandomKind::SmallIntegers { range: 5 }
            } else {
                RandomKind::Normal
            };
            let channels = groups * channels_per_group;
            let filters = groups * filters_per_group;
            let input: Array3<f32> = random((channels, rows[0], columns[0]), kind, seed);
            let weights: Weights = random(
                (channels, filters_per_group, rows[1], columns[1]),
                kind,
                seed ^ 1,
            );
            let bias: Option<Vec<f32>> =
                with_bias.then(|| random(filters, kind, seed ^ 2).to_vec());
            let pad = Sides {
                top: rows[5],
                left: columns[5],
                bottom: rows[6],
                right: columns[6],
            };
            let t = Transposed {
                stride: [rows[2], columns[2]],
                dilation: [rows[3], columns[3]],
                pad,
                output_padding: [rows[4], columns[4]],
                groups,
            };
            let spec = ConvTransposeSpec {
                stride: t.stride,
                dilation: t.dilation,
                output_padding: t.output_padding,
                padding: TransposedPadding::Explicit(pad),
                groups,
            };
            let size = |a: [usize; 7]| {
                ((a[0] - 1) * a[2] + a[3] * (a[1] - 1) + a[4] + 1) as i64 - (a[5] + a[6]) as i64
            };
            let built = ConvTranspose::new(input.clone(), weights.clone(), bias.clone(), spec);
            if size(rows) <= 0 || size(columns) <= 0 {
                let refused = matches!(built, Err(EngineError::TransposedOutputEmpty { .. }));
                prop_assert!(refused, "{:?}", built);
                ran.set(ran.get() + 1);
                return Ok(());
            }
            let transposed = built.map_err(fail)?;
            let forward = transposed.forward();
            prop_assert_eq!(
                forward.dim(),
                (filters, size(rows) as usize, size(columns) as usize)
            );
            let scattered =
                reference::conv_transpose2d_scatter(&input, &weights, bias.as_deref(), t);
            let gathered = reference::conv_transpose2d_gather(&input, &weights, bias.as_deref(), t);
            prop_assert_eq!(bits(&forward), bits(&scattered));
            prop_assert_eq!(bits(&forward), bits(&gathered));
            check_stepper(&transposed, &forward)?;

            // Scatter: each cell's last running total is the forward's value, every landing is
            // found by the reverse map, and a cell's products are the gather's input taps.
            let mut last = forward.mapv(|_| None::<f32>);
            let mut landed = forward.mapv(|_| 0usize);
            for index in 0..transposed.scatter_step_count() {
                let step = transposed.scatter_step(index).map_err(fail)?;
                prop_assert_eq!(
                    step.value,
                    input[[step.input.channel, step.input.row, step.input.column]]
                );
                for (landing_index, landing) in step.landings.iter().enumerate() {
                    let Some(cell) = landing.output else { continue };
                    let at = [cell.channel, cell.row, cell.column];
                    last[at] = landing.total;
                    landed[at] += 1;
                    let writers = transposed.scatter_writers_of(cell).map_err(fail)?;
                    prop_assert!(
                        writers
                            .iter()
                            .any(|w| w.step == index && w.landing == landing_index)
                    );
                }
            }
            let overlap = transposed.layout().overlap();
            for ((channel, row, column), &value) in forward.indexed_iter() {
                let at = [channel, row, column];
                if let Some(total) = last[at] {
                    prop_assert_eq!(total.to_bits(), value.to_bits(), "cell {:?}", at);
                }
                let gather = transposed
                    .step(
                        channel * forward.dim().1 * forward.dim().2
                            + row * forward.dim().2
                            + column,
                    )
                    .map_err(fail)?;
                let inputs = gather.taps.iter().filter(|tap| tap.is_input()).count();
                prop_assert_eq!(inputs, landed[at]);
                prop_assert_eq!(overlap[row][column] * channels_per_group, landed[at]);
            }
            ran.set(ran.get() + 1);
            Ok(())
        },
    );
    assert_eq!(
        ran.get(),
        generated,
        "every generated transposed convolution ran"
    );
}
