//! Every kind of bad input gives a typed error whose message names the numbers involved.
#![cfg(not(target_arch = "wasm32"))]

use convstep::engine::{
    Activation, ActivationLayer, Axis, Conv, ConvSpec, ConvTranspose, ConvTransposeSpec,
    EngineError, Padding, PaddingMode, Pipeline, Pool, PoolKind, Sides, StageSpec, Stepper,
    TransposedPadding, Weights, WindowSpec,
    error::{Limited, Position},
};
use ndarray::Array3;

fn conv_error(
    input: Array3<f32>,
    weights: Weights,
    bias: Option<Vec<f32>>,
    spec: ConvSpec,
) -> EngineError {
    Conv::new(input, weights, bias, spec).expect_err("this convolution cannot be formed")
}

fn ones(c: usize, h: usize, w: usize) -> Array3<f32> {
    Array3::ones((c, h, w))
}

#[test]
fn kernel_larger_than_padded_input() {
    let error = conv_error(
        ones(1, 4, 4),
        Weights::ones((1, 1, 5, 3)),
        None,
        ConvSpec::default(),
    );
    assert_eq!(
        error,
        EngineError::KernelLargerThanInput {
            axis: Axis::Rows,
            field: 5,
            padded: 4,
            input: 4,
            pad_begin: 0,
            pad_end: 0
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("spans 5 cells") && message.contains("only 4 cells"),
        "{message}"
    );
}

#[test]
fn dilation_can_make_the_kernel_too_large() {
    let spec = ConvSpec {
        window: WindowSpec {
            dilation: [1, 3],
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    };
    let error = conv_error(ones(1, 4, 6), Weights::ones((1, 1, 3, 3)), None, spec);
    assert!(matches!(
        error,
        EngineError::KernelLargerThanInput {
            axis: Axis::Columns,
            field: 7,
            ..
        }
    ));
}

#[test]
fn zero_stride_dilation_and_kernel() {
    let zero_stride = ConvSpec {
        window: WindowSpec {
            stride: [1, 0],
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    };
    assert_eq!(
        conv_error(
            ones(1, 4, 4),
            Weights::ones((1, 1, 3, 3)),
            None,
            zero_stride
        ),
        EngineError::ZeroStride {
            axis: Axis::Columns
        }
    );
    let zero_dilation = ConvSpec {
        window: WindowSpec {
            dilation: [0, 1],
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    };
    assert_eq!(
        conv_error(
            ones(1, 4, 4),
            Weights::ones((1, 1, 3, 3)),
            None,
            zero_dilation
        ),
        EngineError::ZeroDilation { axis: Axis::Rows }
    );
    assert_eq!(
        conv_error(
            ones(1, 4, 4),
            Weights::ones((1, 1, 0, 3)),
            None,
            ConvSpec::default()
        ),
        EngineError::ZeroKernel { axis: Axis::Rows }
    );
    assert!(
        EngineError::ZeroStride { axis: Axis::Rows }
            .to_string()
            .contains("stride is 0")
    );
}

#[test]
fn channel_and_bias_mismatch() {
    assert_eq!(
        conv_error(
            ones(3, 4, 4),
            Weights::ones((2, 1, 3, 3)),
            None,
            ConvSpec::default()
        ),
        EngineError::ChannelMismatch {
            input_channels: 3,
            kernel_channels: 1
        }
    );
    assert_eq!(
        conv_error(
            ones(1, 4, 4),
            Weights::ones((2, 1, 3, 3)),
            Some(vec![1.0]),
            ConvSpec::default()
        ),
        EngineError::BiasMismatch {
            filters: 2,
            biases: 1
        }
    );
    assert_eq!(
        conv_error(
            ones(1, 4, 4),
            Weights::ones((0, 1, 3, 3)),
            None,
            ConvSpec::default()
        ),
        EngineError::NoFilters
    );
}

#[test]
fn empty_input() {
    assert_eq!(
        conv_error(
            ones(1, 0, 4),
            Weights::ones((1, 1, 1, 1)),
            None,
            ConvSpec::default()
        ),
        EngineError::EmptyInput {
            channels: 1,
            rows: 0,
            columns: 4
        }
    );
    assert!(ActivationLayer::new(ones(0, 2, 2), Activation::Relu).is_err());
}

#[test]
fn sizes_beyond_the_limits() {
    let big_stride = ConvSpec {
        window: WindowSpec {
            stride: [100, 1],
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    };
    let big_padding = ConvSpec {
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(1000)),
            ..WindowSpec::default()
        },
        ..ConvSpec::default()
    };
    // (input, filters × kernel, parameters) → the limit named and the value that broke it.
    let cases = [
        ((1, 4, 4), (1, 1, 3, 3), big_stride, Limited::Stride, 100),
        ((1, 4, 4), (1, 1, 3, 3), big_padding, Limited::Padding, 1000),
        (
            (1, 1, 2000),
            (1, 1, 1, 1),
            ConvSpec::default(),
            Limited::InputSide,
            2000,
        ),
        (
            (1, 4, 4),
            (600, 1, 1, 1),
            ConvSpec::default(),
            Limited::Filters,
            600,
        ),
        (
            (1, 40, 40),
            (1, 1, 16, 1),
            ConvSpec::default(),
            Limited::KernelSide,
            16,
        ),
    ];
    for ((c, h, w), weights, spec, limited, too_big) in cases {
        let error = conv_error(ones(c, h, w), Weights::ones(weights), None, spec);
        assert!(
            matches!(error, EngineError::TooLarge { what, value, .. } if what == limited && value == too_big),
            "{error}"
        );
    }
}

#[test]
fn values_that_are_not_finite_or_too_large() {
    let mut input = ones(2, 3, 3);
    input[[1, 2, 0]] = f32::NAN;
    assert_eq!(
        conv_error(
            input,
            Weights::ones((1, 2, 1, 1)),
            None,
            ConvSpec::default()
        ),
        EngineError::NotFinite {
            at: Position::Map {
                channel: 1,
                row: 2,
                column: 0
            }
        }
    );
    let mut weights = Weights::ones((1, 1, 2, 2));
    weights[[0, 0, 1, 1]] = 1.0e30;
    let error = conv_error(ones(1, 3, 3), weights, None, ConvSpec::default());
    assert!(
        matches!(
            error,
            EngineError::ValueTooLarge {
                at: Position::Weight {
                    filter: 0,
                    channel: 0,
                    row: 1,
                    column: 1
                },
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "The kernel value 1e30 at filter 1, channel 1, row 2, column 2 is too large: \
         values must lie between -1000000 and 1000000."
    );
    let error = conv_error(
        ones(1, 3, 3),
        Weights::ones((1, 1, 1, 1)),
        Some(vec![f32::INFINITY]),
        ConvSpec::default(),
    );
    assert!(matches!(
        error,
        EngineError::NotFinite {
            at: Position::Bias { filter: 0 }
        }
    ));
    assert!(
        ActivationLayer::new(ones(1, 2, 2), Activation::LeakyRelu { slope: f32::NAN }).is_err()
    );
}

#[test]
fn pooling_window_of_only_padding() {
    // Padding 2 on each side of a 1-wide input with a 2-wide window: the first window reads
    // only padding.
    let window = WindowSpec {
        kernel: [2, 2],
        stride: [1, 1],
        padding: Padding::Explicit(Sides::uniform(2)),
        ..WindowSpec::default()
    };
    let error = Pool::new(ones(1, 1, 1), window, PoolKind::Max).expect_err("all-padding window");
    assert_eq!(
        error,
        EngineError::WindowOnlyPadding {
            axis: Axis::Rows,
            position: 0
        }
    );
}

#[test]
fn steps_and_cells_out_of_range() {
    let conv = Conv::new(
        ones(1, 4, 4),
        Weights::ones((1, 1, 3, 3)),
        None,
        ConvSpec::default(),
    )
    .unwrap();
    assert_eq!(
        conv.step(4),
        Err(EngineError::StepOutOfRange { step: 4, steps: 4 })
    );
    assert!(
        conv.readers_of(convstep::engine::Cell {
            channel: 1,
            row: 0,
            column: 0
        })
        .is_err()
    );
}

#[test]
fn pipeline_errors_name_the_stage() {
    let specs = vec![
        StageSpec::Activation(Activation::Relu),
        StageSpec::Pool {
            window: WindowSpec {
                kernel: [9, 9],
                ..WindowSpec::default()
            },
            kind: PoolKind::Max,
        },
    ];
    let error = Pipeline::new(ones(1, 4, 4), specs).expect_err("a 9×9 window on 4×4");
    assert!(matches!(error, EngineError::InStage { stage: 2, .. }));
    assert!(error.to_string().starts_with("Stage 2: "));
}

fn transposed_error(input: Array3<f32>, weights: Weights, spec: ConvTransposeSpec) -> EngineError {
    ConvTranspose::new(input, weights, None, spec)
        .expect_err("this transposed convolution cannot be formed")
}

#[test]
fn groups_must_divide_channels_and_filters() {
    let spec = ConvSpec {
        groups: 2,
        ..ConvSpec::default()
    };
    let error = conv_error(ones(3, 4, 4), Weights::ones((4, 1, 3, 3)), None, spec);
    assert_eq!(
        error,
        EngineError::GroupsDoNotDivide {
            groups: 2,
            channels: 3,
            filters: 4
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("2 groups cannot split 3 input channels and 4 filters")
            && message.contains("divide both"),
        "{message}"
    );
    let zero = ConvSpec {
        groups: 0,
        ..ConvSpec::default()
    };
    assert!(matches!(
        conv_error(ones(2, 4, 4), Weights::ones((2, 2, 3, 3)), None, zero),
        EngineError::GroupsDoNotDivide { groups: 0, .. }
    ));
}

#[test]
fn a_grouped_kernel_has_one_slice_per_channel_of_its_group() {
    let spec = ConvSpec {
        groups: 2,
        ..ConvSpec::default()
    };
    // 4 channels in 2 groups: each filter needs 2 slices, not 4.
    let error = conv_error(ones(4, 4, 4), Weights::ones((2, 4, 3, 3)), None, spec);
    assert_eq!(
        error,
        EngineError::GroupChannelMismatch {
            groups: 2,
            input_channels: 4,
            kernel_channels: 4
        }
    );
    assert!(
        error
            .to_string()
            .contains("each filter reads 2 of the 4 input channels"),
        "{error}"
    );
}

#[test]
fn reflect_padding_must_be_smaller_than_the_input_and_circular_at_most_the_input() {
    let padded = |pad: usize, mode: PaddingMode| ConvSpec {
        window: WindowSpec {
            padding: Padding::Explicit(Sides::uniform(pad)),
            ..WindowSpec::default()
        },
        padding_mode: mode,
        ..ConvSpec::default()
    };
    // 3 rows and 5 columns: as PyTorch, reflect 3 is refused on the rows, circular 3 is not.
    let reflect = conv_error(
        ones(1, 3, 5),
        Weights::ones((1, 1, 3, 3)),
        None,
        padded(3, PaddingMode::Reflect),
    );
    assert_eq!(
        reflect,
        EngineError::ReflectPaddingTooWide {
            axis: Axis::Rows,
            pad: 3,
            input: 3
        }
    );
    assert!(
        reflect
            .to_string()
            .contains("must be smaller than the input"),
        "{reflect}"
    );
    assert!(
        Conv::new(
            ones(1, 3, 5),
            Weights::ones((1, 1, 3, 3)),
            None,
            padded(3, PaddingMode::Circular)
        )
        .is_ok()
    );
    assert!(
        Conv::new(
            ones(1, 3, 5),
            Weights::ones((1, 1, 3, 3)),
            None,
            padded(2, PaddingMode::Reflect)
        )
        .is_ok()
    );
    let circular = conv_error(
        ones(1, 3, 5),
        Weights::ones((1, 1, 3, 3)),
        None,
        padded(4, PaddingMode::Circular),
    );
    assert_eq!(
        circular,
        EngineError::CircularPaddingTooWide {
            axis: Axis::Rows,
            pad: 4,
            input: 3
        }
    );
    assert!(
        circular.to_string().contains("more than once"),
        "{circular}"
    );
    // Replicate repeats the edge cell however wide the padding.
    assert!(
        Conv::new(
            ones(1, 3, 5),
            Weights::ones((1, 1, 3, 3)),
            None,
            padded(9, PaddingMode::Replicate)
        )
        .is_ok()
    );
}

#[test]
fn output_padding_must_be_smaller_than_the_stride_or_the_dilation() {
    let spec = ConvTransposeSpec {
        stride: [2, 1],
        dilation: [1, 3],
        output_padding: [1, 3],
        ..ConvTransposeSpec::default()
    };
    let error = transposed_error(ones(1, 3, 3), Weights::ones((1, 1, 3, 3)), spec);
    assert_eq!(
        error,
        EngineError::OutputPaddingTooLarge {
            axis: Axis::Columns,
            output_padding: 3,
            stride: 1,
            dilation: 3
        }
    );
    assert!(
        error
            .to_string()
            .contains("output padding 3 must be smaller than the stride (1) or the dilation (3)"),
        "{error}"
    );
}

#[test]
fn transposed_padding_that_crops_everything_is_refused_with_the_formula() {
    let spec = ConvTransposeSpec {
        padding: TransposedPadding::Explicit(Sides {
            top: 2,
            left: 0,
            bottom: 2,
            right: 0,
        }),
        ..ConvTransposeSpec::default()
    };
    // (2 - 1)·1 - 2 - 2 + 1·(2 - 1) + 0 + 1 = -1
    let error = transposed_error(ones(1, 2, 2), Weights::ones((1, 1, 2, 2)), spec);
    assert_eq!(
        error,
        EngineError::TransposedOutputEmpty {
            axis: Axis::Rows,
            output: -1
        }
    );
    assert!(error.to_string().contains("works out to -1"), "{error}");
}

#[test]
fn transposed_kernel_groups_and_output_shape_are_checked() {
    // The kernel's first dimension is the input's channels.
    let error = transposed_error(
        ones(2, 3, 3),
        Weights::ones((3, 1, 3, 3)),
        ConvTransposeSpec::default(),
    );
    assert_eq!(
        error,
        EngineError::TransposedChannelMismatch {
            input_channels: 2,
            kernel_channels: 3
        }
    );
    let grouped = ConvTransposeSpec {
        groups: 2,
        ..ConvTransposeSpec::default()
    };
    assert_eq!(
        transposed_error(ones(3, 3, 3), Weights::ones((3, 1, 3, 3)), grouped),
        EngineError::GroupsDoNotDivide {
            groups: 2,
            channels: 3,
            filters: 2
        }
    );
    // Input 3, stride 2, kernel 3: at most (3 - 1)·2 + 3 = 7 cells; 8 cannot be reached.
    let too_large = ConvTransposeSpec {
        stride: [2, 2],
        padding: TransposedPadding::ToSize {
            size: Some([8, 6]),
            odd_at_end: false,
        },
        ..ConvTransposeSpec::default()
    };
    let error = transposed_error(ones(1, 3, 3), Weights::ones((1, 1, 3, 3)), too_large);
    assert_eq!(
        error,
        EngineError::OutputShapeTooLarge {
            axis: Axis::Rows,
            asked: 8,
            largest: 7
        }
    );
    assert!(error.to_string().contains("padding only crops"), "{error}");
}
