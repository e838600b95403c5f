//! Convolution as a matrix product: the im2col rows are the grids' windows, and the Toeplitz
//! matrix times the input gives the engine's output, on examples worked out by hand.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::matrix::{
    Band, Entry, Gap, IM2COL_LIMIT, Im2col, TOEPLITZ_LIMIT, Toeplitz, Unavailable,
};
use convstep::app::settings::{Operation, PaddingChoice, Settings, Values};
use convstep::engine::{Layer, Sides, Source, Stepper};

/// Settings with a `rows × columns` input and a kernel of `kernel`, values row-major, on
/// channel 0 of filter 0.
fn settings(input: &[&[f32]], kernel: &[&[f32]]) -> Settings {
    let mut settings = Settings {
        input_size: [input.len(), input[0].len()],
        kernel_size: [kernel.len(), kernel[0].len()],
        ..Settings::default()
    };
    for (row, values) in input.iter().enumerate() {
        for (column, &value) in values.iter().enumerate() {
            settings.set_value(Values::Input, [0, row, column], value);
        }
    }
    for (row, values) in kernel.iter().enumerate() {
        for (column, &value) in values.iter().enumerate() {
            settings.set_value(Values::Kernel, [0, row, column], value);
        }
    }
    settings
}

/// The first stage of the example.
fn first_stage(settings: &Settings) -> Layer {
    settings.build().expect("a valid example").stages()[0].clone()
}

/// The 3×3 input and 2×2 kernel of the hand-worked examples.
///
/// ```text
/// 1 2 3      1  0        4  6
/// 4 5 6  *   2 -1   =   10 12
/// 7 8 9
/// ```
fn three_by_three() -> Settings {
    settings(
        &[&[1., 2., 3.], &[4., 5., 6.], &[7., 8., 9.]],
        &[&[1., 0.], &[2., -1.]],
    )
}

/// The input values of an im2col row.
fn values(row: &[Entry]) -> Vec<f32> {
    row.iter().map(|entry| entry.value).collect()
}

#[test]
fn im2col_of_a_three_by_three_input_by_hand() {
    let im2col = Im2col::new(&first_stage(&three_by_three())).unwrap();
    assert_eq!(im2col.output_size, [2, 2]);
    assert_eq!(im2col.rows(), 4);
    assert_eq!(im2col.filters(), 1);
    // Each row is one window, read in kernel order.
    assert_eq!(values(im2col.row(0)), [1., 2., 4., 5.]);
    assert_eq!(values(im2col.row(1)), [2., 3., 5., 6.]);
    assert_eq!(values(im2col.row(2)), [4., 5., 7., 8.]);
    assert_eq!(values(im2col.row(3)), [5., 6., 8., 9.]);
    assert_eq!(im2col.row(3)[0].source, Source::Input { row: 1, column: 1 });
    // The flattened kernel, and the product.
    assert_eq!(im2col.weights, [vec![1., 0., 2., -1.]]);
    assert_eq!(im2col.outputs, [4., 6., 10., 12.]);
    assert_eq!(im2col.bias, Some(vec![0.0]));
    let windows: Vec<_> = im2col.columns.iter().map(|column| column.window).collect();
    assert_eq!(windows, [[0, 0], [0, 1], [1, 0], [1, 1]]);
    assert!(im2col.columns.iter().all(|column| column.gap == Gap::None));
    // Step 3 writes output cell (1, 0): row 2 of X, the only filter.
    assert_eq!(im2col.cell_of_step(2), Some([2, 0]));
    assert_eq!(im2col.cell_of_step(4), None);
}

#[test]
fn im2col_marks_padding_and_dilation_gaps() {
    // Padding 1 and dilation 2: the first window's taps are padded cells (0,0), (0,2), (2,0),
    // (2,2), of which only the last is an input cell (1,1).
    //
    //   p p p p p
    //   p 1 2 3 p       taps of window (0, 0): X . X     one column skipped, one row skipped
    //   p 4 5 6 p                              . . .
    //   p 7 8 9 p                              X . X
    //   p p p p p
    let mut settings = three_by_three();
    settings.padding = PaddingChoice::Custom(Sides::uniform(1));
    settings.dilation = [2, 2];
    let im2col = Im2col::new(&first_stage(&settings)).unwrap();
    assert_eq!(im2col.output_size, [3, 3]);
    let gaps: Vec<_> = im2col.columns.iter().map(|column| column.gap).collect();
    assert_eq!(
        gaps,
        [Gap::None, Gap::Columns(1), Gap::Rows(1), Gap::Columns(1)]
    );
    let offsets: Vec<_> = im2col.columns.iter().map(|column| column.offset).collect();
    assert_eq!(offsets, [[0, 0], [0, 2], [2, 0], [2, 2]]);
    let sources: Vec<_> = im2col.row(0).iter().map(|entry| entry.source).collect();
    assert_eq!(
        sources,
        [
            Source::Padding,
            Source::Padding,
            Source::Padding,
            Source::Input { row: 1, column: 1 }
        ]
    );
    assert_eq!(values(im2col.row(0)), [0., 0., 0., 5.]);
    // The middle window reads the four corners.
    assert_eq!(values(im2col.row(4)), [1., 3., 7., 9.]);
    assert_eq!(im2col.outputs[4], 1. + 2. * 7. - 9.);
}

#[test]
fn every_im2col_row_is_the_window_of_its_step() {
    // Two channels, three filters with bias, stride, padding, dilation and a flipped kernel.
    let mut settings = Settings {
        input_size: [5, 6],
        channels: 2,
        filters: 3,
        kernel_size: [2, 3],
        stride: [2, 1],
        dilation: [1, 2],
        padding: PaddingChoice::Custom(Sides {
            top: 1,
            left: 0,
            bottom: 0,
            right: 2,
        }),
        flip_kernel: true,
        ..Settings::default()
    };
    settings.bias[..3].copy_from_slice(&[0.5, -1.0, 2.0]);
    let layer = first_stage(&settings);
    let im2col = Im2col::new(&layer).unwrap();
    assert_eq!(im2col.columns.len(), 2 * 2 * 3);
    assert_eq!(im2col.filters(), 3);
    assert_eq!(im2col.bias, Some(vec![0.5, -1.0, 2.0]));
    // With the kernel flipped, window position (0, 0) meets kernel cell (1, 2).
    assert_eq!(im2col.columns[0].window, [0, 0]);
    assert_eq!(im2col.columns[0].kernel, [1, 2]);
    for index in 0..layer.step_count() {
        let step = layer.step(index).unwrap();
        let [row, filter] = im2col.cell_of_step(index).unwrap();
        assert_eq!(filter, step.output.channel);
        // The row's cells are exactly the step's taps, in order.
        let taps: Vec<_> = step
            .taps
            .iter()
            .map(|tap| (tap.value, tap.source))
            .collect();
        let entries: Vec<_> = im2col
            .row(row)
            .iter()
            .map(|entry| (entry.value, entry.source))
            .collect();
        assert_eq!(entries, taps);
        assert_eq!(im2col.output(row, filter), Some(step.value));
    }
    // Y is the engine's output, filter by filter.
    let forward = layer.forward();
    for (index, &value) in forward.iter().enumerate() {
        let [row, filter] = im2col.cell_of_step(index).unwrap();
        assert_eq!(im2col.output(row, filter), Some(value));
    }
}

#[test]
fn toeplitz_of_a_three_by_three_input_by_hand() {
    let mut settings = three_by_three();
    settings.bias[0] = 0.5;
    let toeplitz = Toeplitz::new(&first_stage(&settings), 0).unwrap();
    assert_eq!([toeplitz.rows(), toeplitz.columns()], [4, 9]);
    // Each row places the kernel's rows over the input's rows: a band per kernel row.
    //   1 0 . 2 -1 . . . .
    //   . 1 0 . 2 -1 . . .
    //   . . . 1 0 . 2 -1 .
    //   . . . . 1 0 . 2 -1
    let weights: Vec<Vec<Option<f32>>> = (0..4)
        .map(|row| {
            (0..9)
                .map(|column| toeplitz.entry(row, column).map(|band| band.weight))
                .collect()
        })
        .collect();
    let (o, a, b, c, d) = (None, Some(1.), Some(0.), Some(2.), Some(-1.));
    assert_eq!(
        weights,
        [
            [a, b, o, c, d, o, o, o, o],
            [o, a, b, o, c, d, o, o, o],
            [o, o, o, a, b, o, c, d, o],
            [o, o, o, o, a, b, o, c, d],
        ]
    );
    assert_eq!(
        toeplitz.entry(3, 8),
        Some(Band {
            weight: -1.,
            kernel: [1, 1]
        })
    );
    assert_eq!(toeplitz.input, [1., 2., 3., 4., 5., 6., 7., 8., 9.]);
    assert_eq!(toeplitz.bias, Some(0.5));
    assert_eq!(toeplitz.output, [4.5, 6.5, 10.5, 12.5]);
    assert_eq!(toeplitz.apply(&toeplitz.input), toeplitz.output);
    assert_eq!(toeplitz.row_of_step(3), Some(3));
    let cell = toeplitz.input_cell(5);
    assert_eq!([cell.channel, cell.row, cell.column], [0, 1, 2]);
}

#[test]
fn toeplitz_times_the_input_is_the_engine_output_to_the_bit() {
    // Values that are not integers, so only the engine's summation order gives the same bits.
    let mut settings = Settings {
        input_size: [5, 4],
        channels: 3,
        filters: 2,
        kernel_size: [3, 2],
        stride: [1, 2],
        dilation: [2, 1],
        padding: PaddingChoice::Same,
        flip_kernel: true,
        ..Settings::default()
    };
    settings.randomize(
        Values::Input,
        convstep::engine::fill::RandomKind::Normal,
        7,
        None,
    );
    settings.randomize(
        Values::Kernel,
        convstep::engine::fill::RandomKind::Normal,
        8,
        None,
    );
    settings.bias[1] = 0.3;
    let layer = first_stage(&settings);
    let forward = layer.forward();
    for filter in 0..2 {
        let toeplitz = Toeplitz::new(&layer, filter).unwrap();
        let expected: Vec<f32> = forward
            .index_axis(ndarray::Axis(0), filter)
            .iter()
            .copied()
            .collect();
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&toeplitz.apply(&toeplitz.input)), bits(&expected));
        assert_eq!(bits(&toeplitz.output), bits(&expected));
        // Only filter `filter`'s steps are rows of this matrix.
        let rows = toeplitz.rows();
        assert_eq!(toeplitz.row_of_step(filter * rows + 2), Some(2));
        assert_eq!(toeplitz.row_of_step((1 - filter) * rows + 2), None);
    }
}

#[test]
fn toeplitz_applies_to_any_input_as_the_engine_would() {
    let settings = three_by_three();
    let toeplitz = Toeplitz::new(&first_stage(&settings), 0).unwrap();
    // Another input through the same matrix: the engine on that input agrees.
    let mut other = settings.clone();
    for (index, value) in [2., -1., 0., 3., 1., 1., -2., 4., 5.]
        .into_iter()
        .enumerate()
    {
        other.set_value(Values::Input, [0, index / 3, index % 3], value);
    }
    let x: Vec<f32> = other.input_view().iter().copied().collect();
    let engine: Vec<f32> = first_stage(&other).forward().iter().copied().collect();
    assert_eq!(toeplitz.apply(&x), engine);
}

#[test]
fn views_too_large_or_not_a_convolution_say_why() {
    let mut settings = Settings {
        input_size: [9, 9],
        kernel_size: [1, 1],
        ..Settings::default()
    };
    let layer = first_stage(&settings);
    assert_eq!(
        Im2col::new(&layer),
        Err(Unavailable::TooLarge {
            rows: 81,
            columns: 1,
            limit: IM2COL_LIMIT
        })
    );
    assert_eq!(
        Toeplitz::new(&layer, 0),
        Err(Unavailable::TooLarge {
            rows: 81,
            columns: 81,
            limit: TOEPLITZ_LIMIT
        })
    );
    // At the limits both views are shown: an 8×8 output of three channels of 5×5 taps; a 6×6
    // output of an 8×8 input.
    settings.input_size = [12, 12];
    settings.kernel_size = [5, 5];
    settings.channels = 3;
    assert_eq!(Im2col::new(&first_stage(&settings)).unwrap().rows(), 64);
    settings.input_size = [8, 8];
    settings.kernel_size = [3, 3];
    settings.channels = 1;
    assert!(Toeplitz::new(&first_stage(&settings), 0).is_ok());

    settings.operation = Operation::MaxPool;
    let pool = first_stage(&settings);
    assert_eq!(Im2col::new(&pool), Err(Unavailable::NotConvolution));
    assert_eq!(Toeplitz::new(&pool, 0), Err(Unavailable::NotConvolution));

    let reason = Unavailable::TooLarge {
        rows: 81,
        columns: 81,
        limit: TOEPLITZ_LIMIT,
    };
    assert_eq!(
        Lang::En.matrix_unavailable(reason),
        "The matrix would be 81×81, and up to 36×64 fits on the screen. Make the input or the kernel smaller to see it."
    );
    assert!(Lang::Zh.matrix_unavailable(reason).contains("81×81"));
    assert!(
        Lang::Zh
            .matrix_unavailable(Unavailable::NotConvolution)
            .contains("不是卷积")
    );
}

#[test]
fn a_transposed_convolution_unrolls_as_its_gather_view_and_its_matrix_spreads_each_input_cell() {
    // A 2×2 input, a 3×3 kernel of 1…9, stride 2: a 5×5 output.
    let mut settings = settings(
        &[&[1., -2.], &[3., 4.]],
        &[&[1., 2., 3.], &[4., 5., 6.], &[7., 8., 9.]],
    );
    settings.operation = Operation::ConvTranspose;
    settings.stride = [2, 2];
    let layer = first_stage(&settings);
    let output: Vec<f32> = layer.forward().iter().copied().collect();

    // im2col: one row per output cell, one column per tap of the rotated kernel; X · W = Y.
    let im2col = Im2col::new(&layer).unwrap();
    assert_eq!([im2col.rows(), im2col.columns.len()], [25, 9]);
    for (row, &want) in output.iter().enumerate() {
        let sum: f32 = (im2col.row(row).iter().zip(&im2col.weights[0]))
            .map(|(entry, weight)| entry.value * weight)
            .sum();
        assert_eq!(sum, want, "row {row}");
        assert_eq!(im2col.output(row, 0), Some(want));
    }
    // Output (0, 0)'s window sits on the gather grid's corner: 2 rows and columns of padding,
    // then input (0, 0) at its bottom right, which meets weight 1 (the kernel turned 180°).
    let corner = im2col.row(0);
    assert_eq!(corner[8].source, Source::Input { row: 0, column: 0 });
    assert_eq!(im2col.weights[0][8], 1.0);
    // Output (1, 1)'s window holds zeros inserted between the input cells.
    assert!(
        im2col
            .row(6)
            .iter()
            .any(|entry| entry.source == Source::Inserted)
    );

    // The one-matrix form: each input cell spreads to the 3×3 block it paints, and M · x = y.
    let toeplitz = Toeplitz::new(&layer, 0).unwrap();
    assert_eq!([toeplitz.rows(), toeplitz.columns()], [25, 4]);
    for column in 0..4 {
        let painted = (0..25)
            .filter(|row| toeplitz.entries[row * 4 + column].is_some())
            .count();
        assert_eq!(painted, 9, "input cell {column}");
    }
    for (row, &want) in output.iter().enumerate() {
        let sum: f32 = (0..4)
            .filter_map(|column| {
                toeplitz.entries[row * 4 + column].map(|band| band.weight * toeplitz.input[column])
            })
            .sum();
        assert_eq!(sum, want, "row {row}");
    }
}
