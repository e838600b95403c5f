//! Hand-worked fixtures: small inputs whose answers can be checked on paper.
#![cfg(not(target_arch = "wasm32"))]

use convstep::engine::{
    Activation, ActivationLayer, Arithmetic, Axis, AxisCell, Cell, Conv, ConvSpec, ConvTranspose,
    ConvTransposeSpec, EngineError, GroupLayout, Padding, PaddingMode, Pool, PoolKind, Reader,
    Rounding, Sides, Source, Stepper, TransposedAxis, TransposedAxisSpec, TransposedPadding,
    WindowLayout, WindowSpec,
    geometry::{AxisLayout, AxisSpec, resolve_transposed_padding},
};
use ndarray::{Array3, Array4, arr2, arr3};

type TestResult = Result<(), EngineError>;

/// The 4×4 input of the tutorial's first figure (also the classic textbook example).
fn tutorial_input() -> Array3<f32> {
    arr3(&[[
        [1., 2., 3., 0.],
        [0., 1., 2., 3.],
        [3., 0., 1., 2.],
        [2., 3., 0., 1.],
    ]])
}

/// Its 3×3 kernel, as one filter of one channel.
fn tutorial_kernel() -> Array4<f32> {
    arr2(&[[2., 0., 1.], [0., 1., 2.], [1., 0., 2.]])
        .into_shape_with_order((1, 1, 3, 3))
        .unwrap()
}

fn conv(spec: ConvSpec) -> Result<Conv, EngineError> {
    Conv::new(tutorial_input(), tutorial_kernel(), None, spec)
}

fn plane(map: &Array3<f32>, channel: usize) -> Vec<Vec<f32>> {
    map.index_axis(ndarray::Axis(0), channel)
        .rows()
        .into_iter()
        .map(|row| row.to_vec())
        .collect()
}

//  1 2 3 0     2 0 1
//  0 1 2 3  *  0 1 2   top-left window: 1·2 + 2·0 + 3·1 + 0·0 + 1·1 + 2·2 + 3·1 + 0·0 + 1·2 = 15
//  3 0 1 2     1 0 2
//  2 3 0 1
#[test]
fn tutorial_example_stride_1_no_padding() -> TestResult {
    let out = conv(ConvSpec::default())?.forward();
    assert_eq!(plane(&out, 0), vec![vec![15., 16.], vec![6., 15.]]);
    Ok(())
}

#[test]
fn tutorial_example_with_bias() -> TestResult {
    let out = Conv::new(
        tutorial_input(),
        tutorial_kernel(),
        Some(vec![3.]),
        ConvSpec::default(),
    )?
    .forward();
    assert_eq!(plane(&out, 0), vec![vec![18., 19.], vec![9., 18.]]);
    Ok(())
}

// Padding 1 keeps 4×4 (the tutorial's same-padding formula P = (K-1)/2).
// Top-left window reads   0 0 0 / 0 1 2 / 0 0 1  ->  1·1 + 2·2 + 1·2 = 7.
#[test]
fn tutorial_example_padding_1() -> TestResult {
    let out = conv(ConvSpec {
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(1)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?
    .forward();
    assert_eq!(
        plane(&out, 0),
        vec![
            vec![7., 12., 10., 2.],
            vec![4., 15., 16., 10.],
            vec![10., 6., 15., 6.],
            vec![8., 10., 4., 3.],
        ]
    );
    Ok(())
}

// Stride 2 with padding 1 keeps every other window of the padding-1 result.
#[test]
fn tutorial_example_stride_2_padding_1() -> TestResult {
    let out = conv(ConvSpec {
        window: WindowSpec {
            stride: [2, 2],
            padding: Padding::Explicit(Sides::uniform(1)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?
    .forward();
    assert_eq!(plane(&out, 0), vec![vec![7., 10.], vec![10., 15.]]);
    Ok(())
}

#[test]
fn same_padding_matches_the_tutorial_formula() -> TestResult {
    let out = conv(ConvSpec {
        window: WindowSpec {
            padding: Padding::Same,
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?;
    assert_eq!(out.layout().sides(), Sides::uniform(1));
    assert_eq!(out.output_shape(), [1, 4, 4]);
    Ok(())
}

// Dilation 2: a 2×2 kernel [1 2; 3 4] reads cells two apart, spanning 3×3.
// Window (0,0) reads x[0,0]=1, x[0,2]=3, x[2,0]=3, x[2,2]=1  ->  1 + 6 + 9 + 4 = 20.
#[test]
fn dilation_2_reads_every_other_cell() -> TestResult {
    let kernel = arr2(&[[1., 2.], [3., 4.]])
        .into_shape_with_order((1, 1, 2, 2))
        .unwrap();
    let conv = Conv::new(
        tutorial_input(),
        kernel,
        None,
        ConvSpec {
            window: WindowSpec {
                dilation: [2, 2],
                ..WindowSpec::default()
            },
            ..ConvSpec::default()
        },
    )?;
    assert_eq!(
        plane(&conv.forward(), 0),
        vec![vec![20., 10.], vec![10., 20.]]
    );
    let step = conv.step(0)?;
    let read: Vec<Source> = step.taps.iter().map(|tap| tap.source).collect();
    assert_eq!(
        read,
        vec![
            Source::Input { row: 0, column: 0 },
            Source::Input { row: 0, column: 2 },
            Source::Input { row: 2, column: 0 },
            Source::Input { row: 2, column: 2 },
        ]
    );
    Ok(())
}

// Asymmetric padding: 1 row on top, 2 columns on the right, a 2×2 kernel of ones.
//   0 0 0 0 0 0
//   1 2 3 0 0 0      each output is the sum of a 2×2 block of this padded grid
//   0 1 2 3 0 0
//   3 0 1 2 0 0
//   2 3 0 1 0 0
#[test]
fn asymmetric_padding() -> TestResult {
    let conv = Conv::new(
        tutorial_input(),
        Array4::ones((1, 1, 2, 2)),
        None,
        ConvSpec {
            window: WindowSpec {
                padding: Padding::Explicit(Sides {
                    top: 1,
                    left: 0,
                    bottom: 0,
                    right: 2,
                }),
                ..WindowSpec::default()
            },
            ..ConvSpec::default()
        },
    )?;
    assert_eq!(
        plane(&conv.forward(), 0),
        vec![
            vec![3., 5., 3., 0., 0.],
            vec![4., 8., 8., 3., 0.],
            vec![4., 4., 8., 5., 0.],
            vec![8., 4., 4., 3., 0.],
        ]
    );
    Ok(())
}

// Even kernel, stride 2 on 5 cells: out = ceil(5/2) = 3, total padding (3-1)·2 + 2 - 5 = 1.
// SAME_UPPER puts it at the end, SAME_LOWER at the beginning (ONNX auto_pad).
#[test]
fn same_modes_with_even_kernel_and_stride_2() -> TestResult {
    let spec = AxisSpec {
        input: 5,
        kernel: 2,
        stride: 2,
        dilation: 1,
    };
    let upper = convstep::engine::geometry::resolve_padding(Padding::Same, spec, spec)?;
    let lower = convstep::engine::geometry::resolve_padding(Padding::SameLower, spec, spec)?;
    assert_eq!(
        (upper.top, upper.bottom, upper.left, upper.right),
        (0, 1, 0, 1)
    );
    assert_eq!(
        (lower.top, lower.bottom, lower.left, lower.right),
        (1, 0, 1, 0)
    );

    // On a 1×5 row 1 2 3 4 5 with kernel [1 1]: upper pads 1 2 3 4 5 0 -> 3 7 5;
    // lower pads 0 1 2 3 4 5 -> 1 5 9.
    let row = arr3(&[[[1., 2., 3., 4., 5.]]]);
    let ones = Array4::ones((1, 1, 1, 2));
    let run = |padding| -> Result<Vec<f32>, EngineError> {
        let conv = Conv::new(
            row.clone(),
            ones.clone(),
            None,
            ConvSpec {
                window: WindowSpec {
                    stride: [1, 2],
                    padding,
                    ..WindowSpec::default()
                },
                ..ConvSpec::default()
            },
        )?;
        Ok(conv.forward().iter().copied().collect())
    };
    assert_eq!(run(Padding::Same)?, vec![3., 7., 5.]);
    assert_eq!(run(Padding::SameLower)?, vec![1., 5., 9.]);
    Ok(())
}

#[test]
fn full_padding_visits_every_overlap() -> TestResult {
    let conv = conv(ConvSpec {
        window: WindowSpec {
            padding: Padding::Full,
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?;
    assert_eq!(conv.layout().sides(), Sides::uniform(2));
    assert_eq!(conv.output_shape(), [1, 6, 6]);
    // The top-left window only overlaps x[0,0] = 1, under the kernel's bottom-right weight 2.
    assert_eq!(conv.forward()[[0, 0, 0]], 2.);
    Ok(())
}

// Flipping the kernel (true convolution) uses w[2-kh, 2-kw]:
// flipped = 2 0 1 / 2 1 0 / 1 0 2, top-left window 1·2 + 3·1 + 1·1 + 3·1 + 1·2 = 11.
#[test]
fn flipped_kernel_is_true_convolution() -> TestResult {
    let conv = conv(ConvSpec {
        flip_kernel: true,
        ..ConvSpec::default()
    })?;
    assert_eq!(conv.forward()[[0, 0, 0]], 11.);
    let step = conv.step(0)?;
    assert_eq!(
        step.taps[0].kernel,
        [2, 2],
        "the first tap meets the last weight"
    );
    Ok(())
}

// Two channels, two filters, with bias. Channel 0 = 1..9, channel 1 = a checkerboard of 1s.
// Filter 0: c0 [1 0; 0 1], c1 all 1, bias 1.   (0,0): (1+5) + (1+0+0+1) + 1 = 9
// Filter 1: c0 all -1, c1 [2 0; 0 0], bias -0.5. (0,0): -(1+2+4+5) + 2·1 - 0.5 = -10.5
#[test]
fn multi_channel_with_bias() -> TestResult {
    let input = arr3(&[
        [[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]],
        [[1., 0., 1.], [0., 1., 0.], [1., 0., 1.]],
    ]);
    let weights = Array4::from_shape_vec(
        (2, 2, 2, 2),
        vec![
            1., 0., 0., 1., /* f0 c1 */ 1., 1., 1., 1., //
            -1., -1., -1., -1., /* f1 c1 */ 2., 0., 0., 0.,
        ],
    )
    .unwrap();
    let conv = Conv::new(input, weights, Some(vec![1., -0.5]), ConvSpec::default())?;
    let out = conv.forward();
    assert_eq!(plane(&out, 0), vec![vec![9., 11.], vec![15., 17.]]);
    assert_eq!(plane(&out, 1), vec![vec![-10.5, -16.5], vec![-24.5, -26.5]]);

    // Step 4 is filter 1, row 0, column 0: the per-channel sums are shown separately.
    let step = conv.step(4)?;
    assert_eq!(
        step.output,
        Cell {
            channel: 1,
            row: 0,
            column: 0
        }
    );
    assert_eq!(
        step.arithmetic,
        Arithmetic::WeightedSum {
            channel_sums: vec![-12., 2.],
            bias: Some(-0.5)
        }
    );
    assert_eq!(step.taps.len(), 8);
    assert_eq!(step.value, -10.5);
    Ok(())
}

#[test]
fn stepping_shows_every_tap_and_product() -> TestResult {
    let conv = conv(ConvSpec {
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(1)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?;
    let step = conv.step(0)?;
    assert_eq!(step.taps.len(), 9);
    let padding_taps = step
        .taps
        .iter()
        .filter(|tap| tap.source == Source::Padding)
        .count();
    assert_eq!(
        padding_taps, 5,
        "a corner window of padding 1 reads 5 padding cells"
    );
    let products: Vec<f32> = step.taps.iter().filter_map(|tap| tap.product()).collect();
    assert_eq!(products, vec![0., 0., 0., 0., 1., 4., 0., 0., 2.]);
    assert_eq!(step.value, 7.);
    assert_eq!(step.taps[4].padded, [1, 1]);
    Ok(())
}

#[test]
fn readers_of_a_cell_list_every_window_that_reads_it() -> TestResult {
    let conv = conv(ConvSpec::default())?;
    // x[1,1] is in all four 3×3 windows of the 4×4 input, at a different tap in each.
    let readers = conv.readers_of(Cell {
        channel: 0,
        row: 1,
        column: 1,
    })?;
    assert_eq!(
        readers,
        vec![
            Reader { step: 0, tap: 4 },
            Reader { step: 1, tap: 3 },
            Reader { step: 2, tap: 1 },
            Reader { step: 3, tap: 0 },
        ]
    );
    // The corner x[0,0] is read only by the first window's first tap.
    let corner = conv.readers_of(Cell {
        channel: 0,
        row: 0,
        column: 0,
    })?;
    assert_eq!(corner, vec![Reader { step: 0, tap: 0 }]);
    Ok(())
}

// The 5×5 input 1..25, max pooled 2×2 with stride 2:
//  1  2 |  3  4 |  5        floor mode: 2×2 output [7 9; 17 19]
//  6  7 |  8  9 | 10        ceil mode:  3×3, the last windows hang over the edge
// ------+-------+---                    [7 9 10; 17 19 20; 22 24 25]
// 11 12 | 13 14 | 15
// 16 17 | 18 19 | 20
// ------+-------+---
// 21 22 | 23 24 | 25
fn one_to_25() -> Array3<f32> {
    Array3::from_shape_fn((1, 5, 5), |(_, r, c)| (5 * r + c + 1) as f32)
}

fn pool(
    input: Array3<f32>,
    window: WindowSpec,
    kind: PoolKind,
) -> Result<Array3<f32>, EngineError> {
    Ok(Pool::new(input, window, kind)?.forward())
}

const POOL_2X2: WindowSpec = WindowSpec {
    kernel: [2, 2],
    stride: [2, 2],
    dilation: [1, 1],
    padding: Padding::Valid,
    rounding: Rounding::Floor,
};

#[test]
fn max_pool_floor_and_ceil() -> TestResult {
    let floor = pool(one_to_25(), POOL_2X2, PoolKind::Max)?;
    assert_eq!(plane(&floor, 0), vec![vec![7., 9.], vec![17., 19.]]);
    let ceil = pool(
        one_to_25(),
        WindowSpec {
            rounding: Rounding::Ceil,
            ..POOL_2X2
        },
        PoolKind::Max,
    )?;
    assert_eq!(
        plane(&ceil, 0),
        vec![vec![7., 9., 10.], vec![17., 19., 20.], vec![22., 24., 25.]]
    );
    Ok(())
}

// Ceil mode over the edge: the corner window holds only 25; cells past the input never count,
// with or without count_include_pad (PyTorch: hend = min(hstart + k, in + pad)).
#[test]
fn average_pool_ceil_mode_divides_by_cells_inside() -> TestResult {
    for count_include_pad in [false, true] {
        let out = pool(
            one_to_25(),
            WindowSpec {
                rounding: Rounding::Ceil,
                ..POOL_2X2
            },
            PoolKind::Average { count_include_pad },
        )?;
        assert_eq!(out[[0, 0, 0]], 4.0, "(1+2+6+7)/4");
        assert_eq!(out[[0, 0, 2]], 7.5, "(5+10)/2");
        assert_eq!(out[[0, 2, 2]], 25.0);
    }
    Ok(())
}

// 3×3 input 1..9, average 3×3 stride 1 padding 1. The corner window holds 1 2 4 5 (sum 12)
// and 5 padding cells: 12/9 with count_include_pad, 12/4 = 3 without.
#[test]
fn average_pool_count_include_pad_on_and_off() -> TestResult {
    let input = Array3::from_shape_fn((1, 3, 3), |(_, r, c)| (3 * r + c + 1) as f32);
    let window = WindowSpec {
        kernel: [3, 3],
        stride: [1, 1],
        dilation: [1, 1],
        padding: Padding::Explicit(Sides::uniform(1)),
        rounding: Rounding::Floor,
    };
    let with = Pool::new(
        input.clone(),
        window,
        PoolKind::Average {
            count_include_pad: true,
        },
    )?;
    let without = pool(
        input,
        window,
        PoolKind::Average {
            count_include_pad: false,
        },
    )?;
    assert_eq!(with.forward()[[0, 0, 0]], 12.0 / 9.0);
    assert_eq!(without[[0, 0, 0]], 3.0);
    assert_eq!(with.forward()[[0, 1, 1]], 5.0);
    assert_eq!(without[[0, 1, 1]], 5.0);
    assert_eq!(
        with.step(0)?.arithmetic,
        Arithmetic::Average {
            sum: 12.0,
            divisor: 9
        }
    );
    Ok(())
}

// Max pooling never picks padding: all-negative input padded with zeros still gives a negative max.
#[test]
fn max_pool_never_picks_padding() -> TestResult {
    let input = Array3::from_elem((1, 2, 2), -3.0);
    let pool = Pool::new(
        input,
        WindowSpec {
            kernel: [2, 2],
            stride: [1, 1],
            dilation: [1, 1],
            padding: Padding::Explicit(Sides::uniform(1)),
            rounding: Rounding::Floor,
        },
        PoolKind::Max,
    )?;
    assert!(pool.forward().iter().all(|&v| v == -3.0));
    let step = pool.step(0)?;
    let Arithmetic::Max { winner } = step.arithmetic else {
        panic!("max pooling reports a winner");
    };
    assert_eq!(
        winner, 3,
        "the only real cell of the corner window is its last tap"
    );
    assert_eq!(
        step.taps[winner].source,
        Source::Input { row: 0, column: 0 }
    );
    Ok(())
}

// PyTorch's classic ceil-mode case: 3×3 input, 2×2 window, stride 2, padding 1.
// ceil((3 + 2 - 2) / 2) + 1 = 3, but window 2 would start at padded cell 4 = past the input: 2.
#[test]
fn ceil_mode_drops_a_window_that_starts_in_the_end_padding() -> TestResult {
    let layout = AxisLayout::new(
        Axis::Rows,
        AxisSpec {
            input: 3,
            kernel: 2,
            stride: 2,
            dilation: 1,
        },
        (1, 1),
        Rounding::Ceil,
    )?;
    assert_eq!(layout.output, 2);
    assert_eq!(
        layout.formula().to_string(),
        "ceil((3 + 1 + 1 - 2) / 2) + 1 = 3 - 1 = 2"
    );
    Ok(())
}

#[test]
fn output_size_formula_with_numbers_substituted() -> TestResult {
    let layout = WindowLayout::new(
        [7, 7],
        &WindowSpec {
            kernel: [3, 3],
            stride: [2, 2],
            padding: Padding::Same,
            ..WindowSpec::default()
        },
    )?;
    assert_eq!(
        layout.rows.formula().to_string(),
        "floor((7 + 1 + 1 - 3) / 2) + 1 = 4"
    );
    Ok(())
}

// Stride 2 over 6 cells with a 3-wide window: windows 0-2 and 2-4; cell 5 is never read.
// Dilation 2 with stride 2 over 7 cells: taps 0,2 / 2,4 / 4,6; the odd cells are never read.
#[test]
fn cells_never_read() -> TestResult {
    let axis = |input, kernel, stride, dilation| {
        AxisLayout::new(
            Axis::Columns,
            AxisSpec {
                input,
                kernel,
                stride,
                dilation,
            },
            (0, 0),
            Rounding::Floor,
        )
    };
    assert_eq!(axis(6, 3, 2, 1)?.never_read(), vec![5]);
    assert_eq!(axis(7, 2, 2, 2)?.never_read(), vec![1, 3, 5]);
    assert_eq!(axis(5, 3, 1, 1)?.never_read(), Vec::<usize>::new());
    Ok(())
}

// Input 2, kernel 5, no padding: the window is 3 cells too long, and the formula says so.
//   floor((2 + 0 + 0 - 5) / 1) + 1 = floor(-3) + 1 = -2
//   stride 2:  floor(-3 / 2) + 1 = -2 + 1 = -1     (floor, not truncation towards 0)
//   ceil mode: ceil(-3 / 2) + 1  = -1 + 1 =  0
//   input 2, kernel 3: floor(-1 / 1) + 1 = 0
#[test]
fn output_size_formula_when_no_window_fits() -> TestResult {
    let formulas = |input, kernel, stride, rounding| {
        WindowSpec {
            kernel: [kernel, kernel],
            stride: [stride, stride],
            rounding,
            ..WindowSpec::default()
        }
        .output_size_formulas([input, input])
    };
    let [rows, columns] = formulas(2, 5, 1, Rounding::Floor)?;
    assert_eq!(rows, columns);
    assert_eq!(
        (rows.input, rows.pad_begin, rows.pad_end, rows.kernel_field),
        (2, 0, 0, 5)
    );
    assert_eq!((rows.stride, rows.quotient, rows.output), (1, -3, -2));
    assert!(!rows.window_fits());
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 5) / 1) + 1 = -2");

    let [rows, _] = formulas(2, 5, 2, Rounding::Floor)?;
    assert_eq!((rows.quotient, rows.output), (-2, -1));
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 5) / 2) + 1 = -1");

    let [rows, _] = formulas(2, 5, 2, Rounding::Ceil)?;
    assert_eq!((rows.quotient, rows.output), (-1, 0));
    assert_eq!(rows.to_string(), "ceil((2 + 0 + 0 - 5) / 2) + 1 = 0");

    let [rows, _] = formulas(2, 3, 1, Rounding::Floor)?;
    assert_eq!(rows.output, 0);
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 3) / 1) + 1 = 0");

    // The same geometry as a layout is refused, with the numbers the formula shows.
    let spec = WindowSpec {
        kernel: [5, 5],
        ..WindowSpec::default()
    };
    assert!(matches!(
        WindowLayout::new([2, 2], &spec),
        Err(EngineError::KernelLargerThanInput {
            field: 5,
            padded: 2,
            ..
        })
    ));
    Ok(())
}

// Named padding resolves as the engine resolves it, each axis with its own numbers.
// Rows: input 2, kernel 5, dilation 1, `full` pads 4 + 4: floor((2 + 4 + 4 - 5) / 1) + 1 = 6.
// Columns: input 3, kernel 2, dilation 3 (field 4): pads 3 + 3: floor((3 + 3 + 3 - 4) / 1) + 1 = 6.
// `same` on rows: out = ceil(2 / 1) = 2, total = (2 - 1)·1 + 5 - 2 = 4, so 2 + 2.
#[test]
fn output_size_formula_resolves_named_padding() -> TestResult {
    let spec = |padding| WindowSpec {
        kernel: [5, 2],
        dilation: [1, 3],
        padding,
        ..WindowSpec::default()
    };
    let [rows, columns] = spec(Padding::Full).output_size_formulas([2, 3])?;
    assert_eq!(rows.to_string(), "floor((2 + 4 + 4 - 5) / 1) + 1 = 6");
    assert_eq!(columns.to_string(), "floor((3 + 3 + 3 - 4) / 1) + 1 = 6");
    let [rows, _] = spec(Padding::Same).output_size_formulas([2, 3])?;
    assert_eq!(rows.to_string(), "floor((2 + 2 + 2 - 5) / 1) + 1 = 2");
    // Where a window fits, the formula is the layout's own.
    for padding in [Padding::Full, Padding::Same, Padding::SameLower] {
        let layout = WindowLayout::new([2, 3], &spec(padding))?;
        assert_eq!(
            spec(padding).output_size_formulas([2, 3])?,
            [layout.rows.formula(), layout.columns.formula()]
        );
    }
    // Only sizes with no formula at all fail.
    assert_eq!(
        WindowSpec {
            stride: [1, 0],
            ..WindowSpec::default()
        }
        .output_size_formulas([2, 2]),
        Err(EngineError::ZeroStride {
            axis: Axis::Columns
        })
    );
    Ok(())
}

// A 4-cell axis, 3-wide window, stride 2, ceil mode: windows start at 0 and 2, and the second
// reaches cell 4, one past the input. ceil((4 - 3) / 2) + 1 = 2 windows spanning (2-1)·2 + 3 = 5.
//   cells:    0 1 2 3 | 4
//   window 0: x x x
//   window 1:     x x   x   (beyond the end)
#[test]
fn the_drawn_extent_includes_a_ceil_mode_overhang() -> TestResult {
    let axis = |rounding| {
        AxisLayout::new(
            Axis::Columns,
            AxisSpec {
                input: 4,
                kernel: 3,
                stride: 2,
                dilation: 1,
            },
            (0, 0),
            rounding,
        )
    };
    let ceil = axis(Rounding::Ceil)?;
    assert_eq!((ceil.output, ceil.span(2), ceil.extent()), (2, 5, 5));
    let floor = axis(Rounding::Floor)?;
    assert_eq!((floor.output, floor.span(1), floor.extent()), (1, 3, 4));
    Ok(())
}

// Convolution's kernel size is the weights': a window spec with another kernel size or ceil
// mode describes the same convolution as the default spec.
#[test]
fn convolution_takes_its_kernel_size_from_the_weights() -> TestResult {
    let odd = conv(ConvSpec {
        window: WindowSpec {
            kernel: [5, 1],
            rounding: Rounding::Ceil,
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?;
    let plain = conv(ConvSpec::default())?;
    assert_eq!(odd.layout(), plain.layout());
    assert_eq!(odd.layout().kernel(), [3, 3]);
    assert_eq!(odd.forward(), plain.forward());
    Ok(())
}

#[test]
fn activations_by_hand() -> TestResult {
    let input = arr3(&[[[-2., 0., 3.]]]);
    let out = |function| -> Result<Vec<f32>, EngineError> {
        Ok(ActivationLayer::new(input.clone(), function)?
            .forward()
            .iter()
            .copied()
            .collect())
    };
    assert_eq!(out(Activation::Relu)?, vec![0., 0., 3.]);
    assert_eq!(
        out(Activation::LeakyRelu { slope: 0.5 })?,
        vec![-1., 0., 3.]
    );
    assert_eq!(out(Activation::Sigmoid)?[1], 0.5);
    assert_eq!(out(Activation::Tanh)?[1], 0.0);
    Ok(())
}

// The running totals under the terms of the padding-1 corner window: 0 0 0 0 1 4 0 0 2.
#[test]
fn running_totals_end_at_each_channel_sum() -> TestResult {
    let conv = conv(ConvSpec {
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(1)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    })?;
    let step = conv.step(0)?;
    assert_eq!(
        step.running_totals(),
        vec![0., 0., 0., 0., 1., 5., 5., 5., 7.]
    );
    Ok(())
}

// A 6×6 input, 3×3 convolution, ReLU, 2×2 max pooling with stride 2.
// Pooled cell (0, 1) reads ReLU/conv cells rows 0-1, columns 2-3; each of those reads a 3×3
// input window, so together input rows 0-3, columns 2-5.
#[test]
fn receptive_field_through_a_block() -> TestResult {
    use convstep::engine::{Pipeline, StageSpec};
    let input = Array3::from_shape_fn((1, 6, 6), |(_, r, c)| (r * 6 + c) as f32);
    let pipeline = Pipeline::new(
        input,
        vec![
            StageSpec::Conv {
                weights: Array4::ones((1, 1, 3, 3)),
                bias: None,
                spec: ConvSpec::default(),
            },
            StageSpec::Activation(Activation::Relu),
            StageSpec::Pool {
                window: POOL_2X2,
                kind: PoolKind::Max,
            },
        ],
    )?;
    assert_eq!(pipeline.total_steps(), 16 + 16 + 4);
    assert_eq!(pipeline.locate(20), Some((1, 4)));
    assert_eq!(pipeline.global_step(2, 1), 33);
    let fields = pipeline.receptive_field(
        2,
        Cell {
            channel: 0,
            row: 0,
            column: 1,
        },
    )?;
    let cells = |set: &std::collections::BTreeSet<Cell>| -> Vec<(usize, usize)> {
        set.iter().map(|cell| (cell.row, cell.column)).collect()
    };
    assert_eq!(cells(&fields[2]), vec![(0, 2), (0, 3), (1, 2), (1, 3)]);
    assert_eq!(cells(&fields[1]), vec![(0, 2), (0, 3), (1, 2), (1, 3)]);
    let expected: Vec<(usize, usize)> = (0..4).flat_map(|r| (2..6).map(move |c| (r, c))).collect();
    assert_eq!(cells(&fields[0]), expected);
    Ok(())
}

/// Input [[1, 2], [3, 4]] and the kernel [[1, 10], [100, 1000]], whose digits say which tap a
/// product came from.
fn digits(stride: usize) -> Result<ConvTranspose, EngineError> {
    ConvTranspose::new(
        arr3(&[[[1., 2.], [3., 4.]]]),
        arr2(&[[1., 10.], [100., 1000.]])
            .into_shape_with_order((1, 1, 2, 2))
            .unwrap(),
        None,
        ConvTransposeSpec {
            stride: [stride, stride],
            ..ConvTransposeSpec::default()
        },
    )
}

#[test]
fn transposed_stride_2_paints_one_scaled_kernel_per_input_cell() -> TestResult {
    let transposed = digits(2)?;
    let expected = arr3(&[[
        [1., 10., 2., 20.],
        [100., 1000., 200., 2000.],
        [3., 30., 4., 40.],
        [300., 3000., 400., 4000.],
    ]]);
    assert_eq!(transposed.forward(), expected);
    // No two windows overlap: every output cell gets exactly one product.
    assert_eq!(transposed.layout().overlap(), vec![vec![1; 4]; 4]);
    assert_eq!(
        transposed.layout().formulas()[0].to_string(),
        "(2 - 1) * 2 - 0 - 0 + 1 * (2 - 1) + 0 + 1 = 4"
    );
    Ok(())
}

#[test]
fn transposed_stride_1_scatter_and_gather_by_hand() -> TestResult {
    let transposed = digits(1)?;
    // Output 3×3; the centre gathers 1·1000 + 2·100 + 3·10 + 4·1.
    assert_eq!(
        transposed.forward(),
        arr3(&[[[1., 12., 20.], [103., 1234., 2040.], [300., 3400., 4000.]]])
    );
    // Scatter step 1 is input cell (0, 1) = 2: its kernel lands on (0, 1), (0, 2), (1, 1), (1, 2).
    let step = transposed.scatter_step(1)?;
    assert_eq!(step.value, 2.0);
    let landed: Vec<_> = step
        .landings
        .iter()
        .map(|l| (l.output.map(|c| [c.row, c.column]), l.product, l.total))
        .collect();
    assert_eq!(
        landed,
        vec![
            (Some([0, 1]), 2.0, Some(12.0)),
            (Some([0, 2]), 20.0, Some(20.0)),
            (Some([1, 1]), 200.0, Some(1200.0)),
            (Some([1, 2]), 2000.0, Some(2000.0)),
        ]
    );
    // Every input cell writes the centre, each with the opposite corner of the kernel.
    let centre = Cell {
        channel: 0,
        row: 1,
        column: 1,
    };
    let writers: Vec<_> = transposed
        .scatter_writers_of(centre)?
        .iter()
        .map(|w| (w.step, w.landing))
        .collect();
    assert_eq!(writers, vec![(0, 3), (1, 2), (2, 1), (3, 0)]);
    // The gather of the centre: the rotated kernel over the input, padded by 1 on each side.
    let gather = transposed.step(4)?;
    let terms: Vec<_> = gather
        .taps
        .iter()
        .map(|t| (t.source, t.kernel, t.product()))
        .collect();
    assert_eq!(
        terms,
        vec![
            (Source::Input { row: 0, column: 0 }, [1, 1], Some(1000.0)),
            (Source::Input { row: 0, column: 1 }, [1, 0], Some(200.0)),
            (Source::Input { row: 1, column: 0 }, [0, 1], Some(30.0)),
            (Source::Input { row: 1, column: 1 }, [0, 0], Some(4.0)),
        ]
    );
    assert_eq!(gather.value, 1234.0);
    assert_eq!(
        transposed.layout().overlap(),
        vec![vec![1, 2, 1], vec![2, 4, 2], vec![1, 2, 1]]
    );
    Ok(())
}

#[test]
fn strided_transposed_overlap_is_a_checkerboard() -> TestResult {
    // A 1×3 kernel at stride 2 over 3 cells: o = 2·i + k, so cells 2 and 4 get two products.
    let transposed = ConvTranspose::new(
        Array3::ones((1, 1, 3)),
        Array4::ones((1, 1, 1, 3)),
        None,
        ConvTransposeSpec {
            stride: [1, 2],
            ..ConvTransposeSpec::default()
        },
    )?;
    assert_eq!(
        transposed.layout().overlap(),
        vec![vec![1, 1, 2, 1, 2, 1, 1]]
    );
    assert_eq!(
        transposed.forward(),
        arr3(&[[[1., 1., 2., 1., 2., 1., 1.]]])
    );
    Ok(())
}

#[test]
fn gather_grid_shows_inserted_zeros_and_padding() -> TestResult {
    // Input 3, stride 2, kernel 3, padding 1: zeros between the cells, 2 - 1 = 1 padding cell each side.
    let axis = TransposedAxis::new(
        Axis::Columns,
        TransposedAxisSpec {
            input: 3,
            kernel: 3,
            stride: 2,
            dilation: 1,
            output_padding: 0,
        },
        (1, 1),
    )?;
    assert_eq!(axis.output, 5);
    let gather = axis.gather();
    assert_eq!(
        (gather.inserted, gather.pad_begin, gather.pad_end),
        (5, 1, 1)
    );
    let cells: Vec<AxisCell> = (0..gather.extent()).map(|p| gather.cell_at(p)).collect();
    assert_eq!(
        cells,
        vec![
            AxisCell::Padding,
            AxisCell::Input(0),
            AxisCell::Inserted,
            AxisCell::Input(1),
            AxisCell::Inserted,
            AxisCell::Input(2),
            AxisCell::Padding,
        ]
    );
    assert_eq!(gather.cell_of_input(2), Some(5));
    Ok(())
}

#[test]
fn onnx_output_shape_splits_the_padding_as_the_specification_says() -> TestResult {
    let axis = TransposedAxisSpec {
        input: 3,
        kernel: 3,
        stride: 2,
        dilation: 1,
        output_padding: 0,
    };
    // Unpadded output (3 - 1)·2 + 3 = 7; asking for 6 leaves a total of 1, and for 4 a total of 3.
    let resolve = |odd_at_end| {
        resolve_transposed_padding(
            TransposedPadding::ToSize {
                size: Some([6, 4]),
                odd_at_end,
            },
            [axis, axis],
        )
    };
    assert_eq!(
        resolve(true)?,
        Sides {
            top: 0,
            left: 1,
            bottom: 1,
            right: 2
        }
    );
    assert_eq!(
        resolve(false)?,
        Sides {
            top: 1,
            left: 2,
            bottom: 0,
            right: 1
        }
    );
    // auto_pad SAME without output_shape asks for input × stride = 6.
    let same = resolve_transposed_padding(
        TransposedPadding::ToSize {
            size: None,
            odd_at_end: true,
        },
        [axis, axis],
    )?;
    assert_eq!(
        same,
        Sides {
            top: 0,
            left: 0,
            bottom: 1,
            right: 1
        }
    );
    Ok(())
}

#[test]
fn padding_cells_name_the_input_cell_they_borrow() -> TestResult {
    // A 3×4 input padded by 2 on every side.
    let layout = |mode| {
        WindowLayout::new(
            [3, 4],
            &WindowSpec {
                padding: Padding::Explicit(Sides::uniform(2)),
                ..WindowSpec::default()
            },
        )?
        .with_padding_mode(mode)
    };
    let corner = [0, 0];
    let right_edge = [1, 7];
    let inside = [2, 3];
    let sources = |mode| -> Result<[Source; 3], EngineError> {
        let layout = layout(mode)?;
        Ok([corner, right_edge, inside].map(|at| layout.source_at(at)))
    };
    let borrowed = |row, column| Source::Borrowed { row, column };
    let own = Source::Input { row: 0, column: 1 };
    assert_eq!(
        sources(PaddingMode::Zeros)?,
        [Source::Padding, Source::Padding, own]
    );
    // Reflect: row -2 mirrors to 2, row -1 to 1, column 5 (two past the last, 3) to 1.
    assert_eq!(
        sources(PaddingMode::Reflect)?,
        [borrowed(2, 2), borrowed(1, 1), own]
    );
    // Replicate: row -1 is row 0, column 5 the last column, 3.
    assert_eq!(
        sources(PaddingMode::Replicate)?,
        [borrowed(0, 0), borrowed(0, 3), own]
    );
    // Circular: row -2 wraps to 1, row -1 to 2, column -2 to 2, column 5 to 1.
    assert_eq!(
        sources(PaddingMode::Circular)?,
        [borrowed(1, 2), borrowed(2, 1), own]
    );
    Ok(())
}

#[test]
fn depthwise_separable_counts() -> TestResult {
    // 32 channels of 8×8, 3×3 depthwise (padding 1) then 1×1 pointwise to 64, no bias.
    let spec = |groups, padding| ConvSpec {
        window: WindowSpec {
            padding,
            ..WindowSpec::default()
        },
        groups,
        ..ConvSpec::default()
    };
    let input = Array3::zeros((32, 8, 8));
    let depthwise = Conv::new(
        input.clone(),
        Array4::zeros((32, 1, 3, 3)),
        None,
        spec(32, Padding::Explicit(Sides::uniform(1))),
    )?;
    let pointwise = Conv::new(
        input,
        Array4::zeros((64, 32, 1, 1)),
        None,
        spec(1, Padding::Valid),
    )?;
    assert!(depthwise.groups().is_depthwise());
    assert_eq!(depthwise.channels_of_filter(5), 5..6);
    let counts = depthwise.counts() + pointwise.counts();
    // 32·9 = 288 and 64·32 = 2048 weights; each used at all 64 outputs.
    assert_eq!((counts.weights, counts.multiply_adds), (2336, 2336 * 64));
    // The ordinary 3×3 convolution from 32 to 64 channels: 64·32·9 = 18432 weights.
    let ordinary = GroupLayout::new(1, 32, 64)?.counts([3, 3], [8, 8], true);
    assert_eq!(
        (ordinary.weights, ordinary.biases, ordinary.parameters()),
        (18432, 64, 18496)
    );
    assert_eq!(depthwise.ungrouped_counts().weights, 32 * 32 * 9);
    Ok(())
}
