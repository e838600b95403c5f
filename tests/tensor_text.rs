//! Tensors as text: every accepted form reads to the same shape and values, refusals say what
//! is wrong and where, shapes fit the example or name both shapes, and writing then reading
//! gives back exactly the same tensor.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::settings::{Operation, Settings, Values};
use convstep::app::tensor_text::{
    Expected, FitError, Form, MAX_RANK, Paste, PasteError, Tensor, TensorError, paste,
};
use convstep::engine::Stepper;
use proptest::prelude::*;

/// A tensor from its shape and values.
fn tensor(shape: &[usize], values: &[f32]) -> Tensor {
    Tensor {
        shape: shape.to_vec(),
        values: values.to_vec(),
    }
}

/// The English message of a refused paste.
fn message(text: &str) -> String {
    let error = Tensor::parse(text).expect_err(text);
    Lang::En.paste_error(&PasteError::Text(error))
}

#[test]
fn every_form_reads_to_the_same_tensor() {
    let two_by_two = tensor(&[2, 2], &[1., 2., 3., 4.]);
    for text in [
        "tensor([[1., 2.], [3., 4.]])",
        "tensor([[1., 2.],\n        [3., 4.]], dtype=torch.float32)",
        "tensor([[1., 2.], [3., 4.]], requires_grad=True)",
        "torch.tensor([[1, 2], [3, 4]])",
        "array([[1., 2.],\n       [3., 4.]], dtype=float32)",
        "np.array([[1, 2], [3, 4]])",
        "[[1, 2], [3, 4]]",
        "[[1, 2,], [3, 4],]",
        "[[1,2],[3,4]]",
        "  [ [ 1e0 , 2.0 ] , [ 3 , 4. ] ]  \n",
    ] {
        assert_eq!(Tensor::parse(text), Ok(two_by_two.clone()), "{text}");
    }
}

#[test]
fn numbers_read_as_python_writes_them() {
    let read = Tensor::parse("tensor([1., -2.5, 1e3, -0., 1.0000e-01, 2.e+02, +3])").unwrap();
    assert_eq!(read.shape, [7]);
    assert_eq!(read.values, [1., -2.5, 1000., 0., 0.1, 200., 3.]);
    assert!(read.values[3].is_sign_negative(), "-0. keeps its sign");
}

#[test]
fn the_shape_comes_from_the_nesting() {
    let read = Tensor::parse("[[[[1]], [[2]]], [[[3]], [[4]]], [[[5]], [[6]]]]").unwrap();
    assert_eq!(read.shape, [3, 2, 1, 1]);
    assert_eq!(read.values, [1., 2., 3., 4., 5., 6.]);
}

#[test]
fn a_ragged_row_names_both_rows() {
    assert_eq!(
        Tensor::parse("[[1, 2], [3, 4, 5]]"),
        Err(TensorError::Ragged {
            at: vec![1],
            length: 3,
            expected: 2,
            numbers: true
        })
    );
    assert_eq!(
        message("[[1, 2], [3, 4, 5]]"),
        "Row 2 has 3 values, but row 1 has 2: every row needs as many values."
    );
    assert_eq!(
        Lang::Zh.paste_error(&PasteError::Text(
            Tensor::parse("[[1, 2], [3, 4, 5]]").unwrap_err()
        )),
        "第 2 行有 3 个数，但第 1 行有 2 个：每一行的数值个数必须相同。"
    );
    // Deeper: the second channel has one row fewer than the first.
    assert_eq!(
        message("[[1, 2], [3]]"),
        "Row 2 has 1 value, but row 1 has 2: every row needs as many values."
    );
    assert_eq!(
        message("[[[1], [2]], [[3]]]"),
        "The list at position (2) has 1 list, but the list at position (1) has 2: the lists at each depth need equal lengths."
    );
    assert_eq!(
        message("[[[1, 2]], [[3]]]"),
        "The list at position (2, 1) has 1 value, but the list at position (1, 1) has 2: the lists at each depth need equal lengths."
    );
}

#[test]
fn malformed_text_is_refused_with_what_and_where() {
    let cases: [(&str, TensorError, &str); 12] = [
        (
            "",
            TensorError::Unexpected {
                offset: 0,
                found: None,
                expected: Expected::List,
            },
            "There is nothing to read: paste a tensor, such as [[1, 2], [3, 4]].",
        ),
        (
            "[[1, x], [3, 4]]",
            TensorError::NotANumber {
                at: vec![0, 1],
                text: "x".into(),
            },
            "“x” at position (1, 2) is not a number.",
        ),
        (
            "[[1, 2] [3, 4]]",
            TensorError::Unexpected {
                offset: 8,
                found: Some('['),
                expected: Expected::CommaOrClose,
            },
            "Character 9 is “[”, where “,” or “]” belongs.",
        ),
        (
            "[[1, 2], [3, 4]",
            TensorError::Unexpected {
                offset: 15,
                found: None,
                expected: Expected::CommaOrClose,
            },
            "The text ends where “,” or “]” belongs.",
        ),
        (
            "[[1, 2], []]",
            TensorError::EmptyList { at: vec![1] },
            "The list at position (2) is empty.",
        ),
        (
            "[]",
            TensorError::EmptyList { at: vec![] },
            "The tensor is empty.",
        ),
        (
            "[1, nan]",
            TensorError::NotFinite { at: vec![1] },
            "The value at position (2) is infinite or not a number; only finite values can be stepped.",
        ),
        (
            "[-inf]",
            TensorError::NotFinite { at: vec![0] },
            "The value at position (1) is infinite or not a number; only finite values can be stepped.",
        ),
        (
            "[1, 2e6]",
            TensorError::ValueTooLarge {
                at: vec![1],
                text: "2e6".into(),
            },
            "2e6 at position (2) is beyond ±1000000, the largest value ConvStep accepts.",
        ),
        (
            "[[1, 2], 3]",
            TensorError::MixedDepth { at: vec![1] },
            "At position (2) a number and a list stand side by side: every value must be nested equally deep.",
        ),
        (
            "tensor([0.1, 0.2, ..., 0.9])",
            TensorError::Abbreviated,
            "This tensor was printed abbreviated, with “...”, so some values are missing. Print it in full first: torch.set_printoptions(profile=\"full\") or numpy.set_printoptions(threshold=sys.maxsize).",
        ),
        (
            "[[[[[1]]]]]",
            TensorError::TooDeep { limit: MAX_RANK },
            "The lists nest more than 4 deep; a kernel has at most 4 axes (filters, channels, rows, columns).",
        ),
    ];
    for (text, error, english) in cases {
        assert_eq!(Tensor::parse(text), Err(error.clone()), "{text}");
        assert_eq!(
            Lang::En.paste_error(&PasteError::Text(error.clone())),
            english
        );
        assert!(!Lang::Zh.paste_error(&PasteError::Text(error)).is_empty());
    }
    // Text after the tensor, a name without a call, an unclosed call, a string.
    for (text, offset, found, expected) in [
        ("[1, 2] 3", 7, Some('3'), Expected::End),
        ("tensor [1]", 0, Some('t'), Expected::List),
        ("tensor([1], dtype=torch.float32", 31, None, Expected::End),
        ("[\"1\"]", 1, Some('"'), Expected::Value),
        ("[1; 2]", 2, Some(';'), Expected::CommaOrClose),
    ] {
        assert_eq!(
            Tensor::parse(text),
            Err(TensorError::Unexpected {
                offset,
                found,
                expected
            }),
            "{text}"
        );
    }
    // Offsets count characters, not bytes.
    assert_eq!(
        Tensor::parse("[1，2]"),
        Err(TensorError::Unexpected {
            offset: 2,
            found: Some('，'),
            expected: Expected::CommaOrClose
        })
    );
    assert_eq!(
        Lang::Zh.paste_error(&PasteError::Text(Tensor::parse("[1，2]").unwrap_err())),
        "第 3 个字符是“，”，这里应当是“,”或“]”。"
    );
}

#[test]
fn too_many_values_are_refused() {
    let text = format!("[{}]", vec!["1"; 16_385].join(","));
    assert_eq!(
        Tensor::parse(&text),
        Err(TensorError::TooManyValues { limit: 16_384 })
    );
}

#[test]
fn writes_each_form_as_the_frameworks_print() {
    let two_by_two = tensor(&[2, 2], &[1., -2.5, 0.1, 1000.]);
    assert_eq!(
        two_by_two.write(Form::PyTorch),
        "tensor([[   1.,  -2.5],\n        [  0.1, 1000.]])"
    );
    assert_eq!(
        two_by_two.write(Form::NumPy),
        "array([[   1.,  -2.5],\n       [  0.1, 1000.]], dtype=float32)"
    );
    assert_eq!(
        two_by_two.write(Form::List),
        "[[   1, -2.5],\n [ 0.1, 1000]]"
    );
    assert_eq!(two_by_two.write(Form::Json), "[[1,-2.5],[0.1,1000]]");
    // Blocks of a further axis are set apart by a blank line, as PyTorch prints them.
    let blocks = tensor(&[2, 1, 2], &[1., 2., 3., 4.]);
    assert_eq!(
        blocks.write(Form::PyTorch),
        "tensor([[[1., 2.]],\n\n        [[3., 4.]]])"
    );
    assert_eq!(tensor(&[3], &[1., 2., 3.]).write(Form::Json), "[1,2,3]");
}

#[test]
fn maps_and_kernels_of_the_example_write_out() {
    let settings = Settings::default();
    let pipeline = settings.build().unwrap();
    let output = pipeline.map(1).unwrap();
    // The tutorial's 4×4 input and 3×3 kernel give a 2×2 output.
    let written = Tensor::of_map(output).write(Form::PyTorch);
    assert_eq!(written, "tensor([[[15., 16.],\n         [ 6., 15.]]])");
    assert_eq!(
        Tensor::of_map(output).write(Form::Json),
        "[[[15,16],[6,15]]]"
    );
    let convstep::engine::Layer::Conv(conv) = &pipeline.stages()[0] else {
        panic!("a convolution");
    };
    let kernel = Tensor::of_kernel(conv.weights());
    assert_eq!(kernel.shape, [1, 1, 3, 3]);
    assert_eq!(kernel.write(Form::Json), "[[[[2,0,1],[0,1,2],[1,0,2]]]]");
    assert_eq!(pipeline.stages()[0].step_count(), 4);
}

#[test]
fn a_pasted_input_fits_one_channel_in_three_shapes() {
    let settings = Settings::default();
    let values: Vec<f32> = (0..6).map(|v| v as f32).collect();
    for shape in [&[2, 3][..], &[1, 2, 3], &[1, 1, 2, 3]] {
        let fitted = tensor(shape, &values).fit(Values::Input, &settings);
        assert_eq!(
            fitted,
            Ok(Paste {
                target: Values::Input,
                size: [2, 3],
                data: values.clone()
            }),
            "{shape:?}"
        );
    }
    // Applying changes the size and the values, and the example builds on them.
    let mut applied = settings.clone();
    let fitted = paste(
        "tensor([[1., 2., 3.], [4., 5., 6.]])",
        Values::Input,
        &settings,
    )
    .unwrap();
    fitted.apply(&mut applied);
    assert_eq!(applied.input_size, [2, 3]);
    assert_eq!(
        applied.input_view().iter().copied().collect::<Vec<_>>(),
        [1., 2., 3., 4., 5., 6.]
    );
    // The settings the fit was read from are untouched.
    assert_eq!(settings, Settings::default());
}

#[test]
fn a_shape_that_does_not_fit_names_both_shapes() {
    let settings = Settings::default();
    let three = tensor(&[2, 3, 3], &[0.; 18]);
    let error = three.fit(Values::Input, &settings).unwrap_err();
    assert_eq!(
        error,
        FitError::Shape {
            target: Values::Input,
            pasted: vec![2, 3, 3],
            channels: 1,
            filters: 1
        }
    );
    assert_eq!(
        Lang::En.paste_error(&PasteError::Fit(error.clone())),
        "The pasted tensor is 2×3×3, but the input has 1 channel: expected H×W, 1×H×W or 1×1×H×W."
    );
    assert_eq!(
        Lang::Zh.paste_error(&PasteError::Fit(error)),
        "粘贴的张量形状是 2×3×3，但输入有 1 个通道：形状应为 H×W、1×H×W 或 1×1×H×W。"
    );

    let colour = Settings {
        channels: 3,
        filters: 2,
        ..Settings::default()
    };
    // A batch of two images is not one input.
    let batch = tensor(&[2, 3, 2, 2], &[0.; 24]).fit(Values::Input, &colour);
    assert_eq!(
        Lang::En.paste_error(&PasteError::Fit(batch.unwrap_err())),
        "The pasted tensor is 2×3×2×2, but the input has 3 channels: expected 3×H×W or 1×3×H×W."
    );
    let kernel = tensor(&[3, 3], &[0.; 9]).fit(Values::Kernel, &colour);
    assert_eq!(
        Lang::En.paste_error(&PasteError::Fit(kernel.unwrap_err())),
        "The pasted tensor is 3×3, but the kernel has 2 filters of 3 channels: expected 2×3×kh×kw."
    );
    let one_filter = Settings {
        channels: 3,
        ..Settings::default()
    };
    let kernel = tensor(&[2, 3, 3], &[0.; 18]).fit(Values::Kernel, &one_filter);
    assert_eq!(
        Lang::En.paste_error(&PasteError::Fit(kernel.unwrap_err())),
        "The pasted tensor is 2×3×3, but the kernel has 1 filter of 3 channels: expected 3×kh×kw or 1×3×kh×kw."
    );
    // A rank the example never takes.
    let vector = tensor(&[4], &[0.; 4]).fit(Values::Input, &settings);
    assert!(matches!(vector, Err(FitError::Shape { .. })));
}

#[test]
fn a_pasted_kernel_fits_filters_and_channels() {
    let mut settings = Settings {
        channels: 2,
        filters: 2,
        ..Settings::default()
    };
    let values: Vec<f32> = (0..16).map(|v| v as f32).collect();
    let fitted = tensor(&[2, 2, 2, 2], &values)
        .fit(Values::Kernel, &settings)
        .unwrap();
    assert_eq!(fitted.size, [2, 2]);
    fitted.apply(&mut settings);
    assert_eq!(settings.kernel_size, [2, 2]);
    let kernel = settings.kernel_view();
    assert_eq!(kernel.shape(), [2, 2, 2, 2]);
    assert_eq!(kernel.iter().copied().collect::<Vec<_>>(), values);
    // The engine convolves with exactly the pasted weights.
    let pipeline = settings.build().unwrap();
    let convstep::engine::Layer::Conv(conv) = &pipeline.stages()[0] else {
        panic!("a convolution");
    };
    assert_eq!(
        Tensor::of_kernel(conv.weights()),
        tensor(&[2, 2, 2, 2], &values)
    );
}

#[test]
fn a_depthwise_kernel_is_pasted_one_slice_per_filter() {
    let mut settings = Settings {
        channels: 2,
        filters: 2,
        groups: 2,
        ..Settings::default()
    };
    // Filters × channels: the ungrouped shape does not fit two groups.
    assert!(
        tensor(&[2, 2, 2, 2], &[0.; 16])
            .fit(Values::Kernel, &settings)
            .is_err()
    );
    let values: Vec<f32> = (0..8).map(|v| v as f32).collect();
    let fitted = tensor(&[2, 1, 2, 2], &values)
        .fit(Values::Kernel, &settings)
        .unwrap();
    fitted.apply(&mut settings);
    assert_eq!(settings.kernel_view().shape(), [2, 1, 2, 2]);
    assert_eq!(
        settings.kernel_view().iter().copied().collect::<Vec<_>>(),
        values
    );
    let pipeline = settings.build().unwrap();
    let convstep::engine::Layer::Conv(conv) = &pipeline.stages()[0] else {
        panic!("a convolution");
    };
    assert_eq!(
        Tensor::of_kernel(conv.weights()),
        tensor(&[2, 1, 2, 2], &values)
    );
}

#[test]
fn sizes_past_the_step_view_and_kernels_of_pooling_are_refused() {
    let settings = Settings::default();
    let big = tensor(&[16, 2], &[0.; 32]).fit(Values::Kernel, &settings);
    assert_eq!(
        big,
        Err(FitError::TooLarge {
            target: Values::Kernel,
            pasted: vec![16, 2],
            limit: 15
        })
    );
    assert_eq!(
        Lang::En.paste_error(&PasteError::Fit(big.unwrap_err())),
        "The pasted tensor is 16×2, but the kernel's rows and columns can be at most 15."
    );
    let wide = tensor(&[1, 65], &[0.; 65]).fit(Values::Input, &settings);
    assert!(matches!(wide, Err(FitError::TooLarge { limit: 64, .. })));
    let pooling = Settings {
        operation: Operation::MaxPool,
        ..Settings::default()
    };
    assert_eq!(
        tensor(&[2, 2], &[0.; 4]).fit(Values::Kernel, &pooling),
        Err(FitError::NoKernel)
    );
    // A text error comes before any shape question.
    assert!(matches!(
        paste("[[1, 2], [3]]", Values::Input, &settings),
        Err(PasteError::Text(TensorError::Ragged { .. }))
    ));
}

#[test]
fn form_names_in_both_languages() {
    assert_eq!(Lang::En.tensor_form(Form::List), "Nested list");
    assert_eq!(Lang::Zh.tensor_form(Form::List), "嵌套列表");
    assert_eq!(Lang::Zh.tensor_form(Form::PyTorch), "PyTorch");
}

/// A shape of rank 1 to 4 with small sides, and values for it: any finite `f32` within the
/// engine's limit, including `-0`, tiny and huge exponents.
fn tensors() -> impl Strategy<Value = Tensor> {
    prop::collection::vec(1usize..=4, 1..=MAX_RANK).prop_flat_map(|shape| {
        let count = shape.iter().product::<usize>();
        let value = prop_oneof![
            (-20i32..=20).prop_map(|v| v as f32),
            (-1.0e6f32..=1.0e6f32),
            // Any finite bits, subnormals included, brought within the limit exactly.
            any::<f32>().prop_map(|v| if v.is_finite() { v % 1.0e6 } else { 0.0 }),
            Just(-0.0f32),
        ];
        prop::collection::vec(value, count).prop_map(move |values| Tensor {
            shape: shape.clone(),
            values,
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn writing_then_reading_gives_back_the_same_tensor(tensor in tensors()) {
        for form in Form::ALL {
            let text = tensor.write(form);
            let read = Tensor::parse(&text);
            prop_assert!(read.is_ok(), "{form:?}: {text}: {read:?}");
            let read = read.unwrap();
            prop_assert_eq!(&read.shape, &tensor.shape);
            let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&read.values), bits(&tensor.values), "{:?}: {}", form, text);
        }
    }
}
