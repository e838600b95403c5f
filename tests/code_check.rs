//! Every generated program is checked by running it: for a table of examples, the NumPy program
//! runs under `python3` and must print the engine's output (`Settings::build`, the last map),
//! to the bit wherever the engine's arithmetic is plain `float32` adds, multiplies and divides.
//! Where PyTorch is installed, its program runs too: exact on whole numbers, and within
//! rounding elsewhere (PyTorch sums in its own order).
//!
//! NumPy is required (`.ci/setup` installs it); PyTorch is optional and the test says when it
//! skips it.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::code::{Style, program};
use convstep::app::example::Example;
use convstep::app::settings::BlockStart;
use convstep::app::settings::{Operation, PaddingChoice, Settings, Values};
use convstep::app::shared::Shared;
use convstep::engine::fill::RandomKind;
use convstep::engine::{PaddingMode, Sides};
use std::io::Write;
use std::process::{Command, Stdio};

const NUMPY_INSTALL: &str = "python3 -m pip install \"numpy==2.4.6\" (or run ./.ci/setup)";

/// One example of the table.
struct Case {
    name: &'static str,
    settings: Settings,
}

/// Whole numbers in the input (−3..=3) and kernel (−2..=2), as a learner types them.
fn whole(seed: u64, change: impl FnOnce(&mut Settings)) -> Settings {
    let mut settings = Settings::default();
    settings.randomize(
        Values::Input,
        RandomKind::SmallIntegers { range: 3 },
        seed,
        None,
    );
    settings.randomize(
        Values::Kernel,
        RandomKind::SmallIntegers { range: 2 },
        seed,
        None,
    );
    change(&mut settings);
    settings
}

/// Two-decimal values: the sums round, so only the engine's own order reproduces them.
fn decimals(seed: u64, change: impl FnOnce(&mut Settings)) -> Settings {
    let mut settings = Settings::default();
    settings.randomize(Values::Input, RandomKind::Normal, seed, None);
    settings.randomize(Values::Kernel, RandomKind::Normal, seed, None);
    change(&mut settings);
    settings
}

fn sides(top: usize, left: usize, bottom: usize, right: usize) -> PaddingChoice {
    PaddingChoice::Custom(Sides {
        top,
        left,
        bottom,
        right,
    })
}

fn cases() -> Vec<Case> {
    use Operation::*;
    let case = |name, settings| Case { name, settings };
    vec![
        case("tutorial convolution, valid", Settings::default()),
        case(
            "3 channels, 2 filters, bias, same",
            whole(2, |s| {
                s.input_size = [5, 6];
                s.channels = 3;
                s.filters = 2;
                s.padding = PaddingChoice::Same;
                s.bias = vec![1.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "same-lower with stride 2: one extra row and column at the start",
            whole(3, |s| {
                s.input_size = [5, 5];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.padding = PaddingChoice::SameLower;
            }),
        ),
        case(
            "symmetric, the tutorial's padding, with stride 2 on its own example",
            Settings {
                stride: [2, 2],
                padding: PaddingChoice::Symmetric,
                ..Settings::default()
            },
        ),
        case(
            "symmetric with an even 4×3 kernel and dilation (1, 2): loses a row",
            whole(23, |s| {
                s.input_size = [6, 7];
                s.kernel_size = [4, 3];
                s.dilation = [1, 2];
                s.channels = 2;
                s.padding = PaddingChoice::Symmetric;
            }),
        ),
        case(
            "max pool, symmetric padding on a 3×3 window, stride 2",
            whole(24, |s| {
                s.operation = MaxPool;
                s.input_size = [5, 6];
                s.kernel_size = [3, 3];
                s.stride = [2, 2];
                s.padding = PaddingChoice::Symmetric;
            }),
        ),
        case(
            "full, dilation 2, flipped 3×2 kernel, 2 channels, 3 filters",
            whole(4, |s| {
                s.input_size = [6, 7];
                s.kernel_size = [3, 2];
                s.dilation = [2, 2];
                s.channels = 2;
                s.filters = 3;
                s.padding = PaddingChoice::Full;
                s.flip_kernel = true;
                s.bias = vec![3.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "custom sides, stride (2, 1), dilation (1, 2), flipped, bias",
            whole(5, |s| {
                s.input_size = [7, 6];
                s.stride = [2, 1];
                s.dilation = [1, 2];
                s.padding = sides(1, 0, 2, 3);
                s.flip_kernel = true;
                s.bias = vec![-4.0; 8];
            }),
        ),
        case(
            "decimals: 2 channels, 2 filters, bias, same, stride 2",
            decimals(6, |s| {
                s.input_size = [7, 7];
                s.channels = 2;
                s.filters = 2;
                s.stride = [2, 2];
                s.padding = PaddingChoice::Same;
                s.bias = vec![0.25, -0.13, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "relu on 2 channels",
            whole(7, |s| {
                s.operation = Relu;
                s.input_size = [4, 5];
                s.channels = 2;
            }),
        ),
        case(
            "leaky relu, slope 0.5",
            whole(8, |s| {
                s.operation = LeakyRelu;
                s.slope = 0.5;
            }),
        ),
        case(
            "leaky relu, slope 0.01, decimals",
            decimals(9, |s| {
                s.operation = LeakyRelu;
                s.input_size = [5, 5];
            }),
        ),
        case(
            "sigmoid, decimals",
            decimals(10, |s| {
                s.operation = Sigmoid;
                s.channels = 2;
            }),
        ),
        case(
            "tanh, decimals",
            decimals(11, |s| {
                s.operation = Tanh;
                s.input_size = [3, 6];
            }),
        ),
        case(
            "max pool 2×2 stride 2, ceil mode on 5×5",
            whole(12, |s| {
                s.operation = MaxPool;
                s.input_size = [5, 5];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.ceil_mode = true;
            }),
        ),
        case(
            "max pool, end padding and ceil mode: the last window may not start in the padding",
            whole(13, |s| {
                s.operation = MaxPool;
                s.input_size = [4, 4];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.padding = sides(0, 0, 1, 1);
                s.ceil_mode = true;
            }),
        ),
        case(
            "max pool, same padding, dilation 2, 2 channels",
            whole(14, |s| {
                s.operation = MaxPool;
                s.input_size = [5, 5];
                s.kernel_size = [2, 2];
                s.dilation = [2, 2];
                s.channels = 2;
                s.padding = PaddingChoice::Same;
            }),
        ),
        case(
            "max pool, padding 2 on a 3×3 window: wider than PyTorch pads",
            whole(15, |s| {
                s.operation = MaxPool;
                s.input_size = [4, 4];
                s.padding = PaddingChoice::Full;
            }),
        ),
        case(
            "average pool, padding counted, ceil mode",
            whole(16, |s| {
                s.operation = AveragePool;
                s.input_size = [6, 6];
                s.stride = [2, 2];
                s.padding = sides(1, 1, 1, 1);
                s.ceil_mode = true;
                s.count_include_pad = true;
            }),
        ),
        case(
            "average pool, padding not counted, ceil mode, 2 channels",
            whole(17, |s| {
                s.operation = AveragePool;
                s.input_size = [6, 5];
                s.channels = 2;
                s.stride = [2, 2];
                s.padding = sides(1, 1, 1, 1);
                s.ceil_mode = true;
                s.count_include_pad = false;
            }),
        ),
        case(
            "average pool, uneven sides, padding not counted",
            whole(18, |s| {
                s.operation = AveragePool;
                s.input_size = [5, 5];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.padding = sides(1, 0, 0, 2);
                s.count_include_pad = false;
            }),
        ),
        case(
            "average pool, same-lower, padding counted, ceil mode",
            whole(19, |s| {
                s.operation = AveragePool;
                s.input_size = [6, 6];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.padding = PaddingChoice::SameLower;
                s.ceil_mode = true;
            }),
        ),
        case(
            "average pool, dilation 2, ceil mode",
            whole(20, |s| {
                s.operation = AveragePool;
                s.input_size = [7, 6];
                s.kernel_size = [2, 2];
                s.stride = [2, 2];
                s.dilation = [2, 2];
                s.ceil_mode = true;
            }),
        ),
        case(
            "average pool, full padding counted, decimals",
            decimals(21, |s| {
                s.operation = AveragePool;
                s.input_size = [5, 4];
                s.kernel_size = [2, 2];
                s.padding = PaddingChoice::Full;
            }),
        ),
        case(
            "average pool, same padding not counted, decimals",
            decimals(22, |s| {
                s.operation = AveragePool;
                s.input_size = [5, 5];
                s.padding = PaddingChoice::Same;
                s.count_include_pad = false;
            }),
        ),
        case(
            "block: conv (2 channels, 3 filters, same) → relu → max pool",
            whole(23, |s| {
                s.operation = Block;
                s.input_size = [6, 6];
                s.channels = 2;
                s.filters = 3;
                s.padding = PaddingChoice::Same;
                s.bias = vec![1.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "block: conv → leaky relu → average pool 3×3 stride 2, ceil mode",
            whole(24, |s| {
                s.operation = Block;
                s.input_size = [8, 7];
                s.block_activation = LeakyRelu;
                s.slope = 0.25;
                s.block_pool = AveragePool;
                s.pool_size = [3, 3];
                s.pool_stride = [2, 2];
                s.ceil_mode = true;
            }),
        ),
        case(
            "block: conv → sigmoid → average pool, decimals",
            decimals(25, |s| {
                s.operation = Block;
                s.input_size = [6, 6];
                s.block_activation = Sigmoid;
                s.block_pool = AveragePool;
            }),
        ),
        case(
            "transposed convolution's fresh example: 2×2 → 5×5 with stride 2",
            Settings::fresh(ConvTranspose),
        ),
        case(
            "transposed, 2 channels, 3 filters, bias, stride (2, 3), output padding (1, 2), uneven padding, decimals",
            decimals(27, |s| {
                s.operation = ConvTranspose;
                s.input_size = [3, 4];
                s.channels = 2;
                s.filters = 3;
                s.kernel_size = [3, 2];
                s.stride = [2, 3];
                s.output_padding = [1, 2];
                s.padding = sides(1, 0, 2, 1);
                s.bias = vec![0.5, -1.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "transposed, dilation 2, symmetric padding 1",
            whole(28, |s| {
                s.operation = ConvTranspose;
                s.input_size = [3, 3];
                s.stride = [2, 2];
                s.dilation = [2, 2];
                s.padding = sides(1, 1, 1, 1);
            }),
        ),
        case(
            "block: conv → tanh → max pool, decimals",
            decimals(26, |s| {
                s.operation = Block;
                s.input_size = [7, 7];
                s.block_activation = Tanh;
            }),
        ),
        case(
            "depthwise-separable block: 3 channels → 4 filters, reflect padding 1, stride 2, decimals",
            decimals(35, |s| {
                s.operation = Block;
                s.block_start = BlockStart::Separable;
                s.input_size = [7, 6];
                s.channels = 3;
                s.filters = 4;
                s.stride = [2, 2];
                s.padding = PaddingChoice::Custom(Sides::uniform(1));
                s.padding_mode = PaddingMode::Reflect;
                s.bias = vec![0.5, -1.0, 0.25, 2.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "block after a transposed convolution: 2 channels, 4 filters in 2 groups, then average pooling",
            whole(36, |s| {
                s.operation = Block;
                s.block_start = BlockStart::ConvTranspose;
                s.input_size = [3, 2];
                s.channels = 2;
                s.filters = 4;
                s.groups = 2;
                s.stride = [2, 1];
                s.block_pool = AveragePool;
            }),
        ),
        case(
            "transposed, 4 channels, 2 filters in 2 groups, stride 2, decimals",
            decimals(37, |s| {
                s.operation = ConvTranspose;
                s.input_size = [2, 3];
                s.channels = 4;
                s.filters = 2;
                s.groups = 2;
                s.kernel_size = [2, 3];
                s.stride = [2, 2];
                s.bias = vec![0.5, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "reflect padding 2 on 5×4, 2 channels, decimals",
            decimals(31, |s| {
                s.input_size = [5, 4];
                s.channels = 2;
                s.padding = PaddingChoice::Custom(Sides::uniform(2));
                s.padding_mode = PaddingMode::Reflect;
            }),
        ),
        case(
            "replicate padding, uneven sides, stride 2",
            whole(32, |s| {
                s.input_size = [5, 6];
                s.stride = [2, 2];
                s.padding = sides(2, 0, 1, 3);
                s.padding_mode = PaddingMode::Replicate;
            }),
        ),
        case(
            "circular padding as wide as the input, dilation 2",
            whole(33, |s| {
                s.input_size = [3, 4];
                s.dilation = [2, 2];
                s.padding = sides(3, 2, 3, 1);
                s.padding_mode = PaddingMode::Circular;
            }),
        ),
        case(
            "reflect padding in a block, same",
            whole(34, |s| {
                s.operation = Block;
                s.input_size = [6, 6];
                s.padding = PaddingChoice::Same;
                s.padding_mode = PaddingMode::Reflect;
            }),
        ),
        case(
            "depthwise: 3 channels, 3 groups, bias, decimals",
            decimals(35, |s| {
                s.input_size = [5, 5];
                s.channels = 3;
                s.filters = 3;
                s.groups = 3;
                s.padding = PaddingChoice::Symmetric;
                s.bias = vec![0.5, -1.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0];
            }),
        ),
        case(
            "2 groups of 2 channels, 4 filters, replicate padding",
            whole(36, |s| {
                s.input_size = [4, 5];
                s.channels = 4;
                s.filters = 4;
                s.groups = 2;
                s.padding = PaddingChoice::Same;
                s.padding_mode = PaddingMode::Replicate;
            }),
        ),
        case(
            "2 groups, 2 filters per group, flipped kernel, decimals",
            decimals(37, |s| {
                s.input_size = [5, 5];
                s.channels = 2;
                s.filters = 4;
                s.groups = 2;
                s.flip_kernel = true;
            }),
        ),
        case(
            "pointwise 1×1 over 3 channels, 2 filters",
            whole(38, |s| {
                s.input_size = [4, 4];
                s.channels = 3;
                s.filters = 2;
                s.kernel_size = [1, 1];
            }),
        ),
    ]
}

/// Whether a case of the table pads a convolution with `mode`, with padding to fill.
fn any_mode(table: &[Case], mode: PaddingMode) -> bool {
    table.iter().any(|case| {
        let padded = case.settings.padding != PaddingChoice::Valid;
        case.settings.operation.has_weights() && padded && case.settings.padding_mode == mode
    })
}

/// Runs a program with `python3`, returning what it printed, or why it failed.
fn run_python(program: &str) -> Result<String, String> {
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start python3: {error}"))?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(program.as_bytes())
        .map_err(|error| format!("cannot write the program: {error}"))?;
    let output = child
        .wait_with_output()
        .map_err(|error| format!("python3 did not finish: {error}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Whether `python3` can import `module`, or why not.
fn importable(module: &str) -> Result<(), String> {
    run_python(&format!("import {module}\n")).map(|_| ())
}

/// Reads a nested list of floats as printed by `tolist()`: its shape and its values in order.
fn parse_nested(text: &str) -> Result<(Vec<usize>, Vec<f64>), String> {
    let mut shape: Vec<Option<usize>> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut values = Vec::new();
    let mut number = String::new();
    let end_number = |number: &mut String, values: &mut Vec<f64>| -> Result<bool, String> {
        let text = number.trim();
        if text.is_empty() {
            return Ok(false);
        }
        let value = text
            .parse::<f64>()
            .map_err(|_| format!("not a number: {text:?}"))?;
        values.push(value);
        number.clear();
        Ok(true)
    };
    for character in text.trim().chars() {
        match character {
            '[' => counts.push(0),
            ']' | ',' => {
                if end_number(&mut number, &mut values)? {
                    *counts.last_mut().ok_or("a number outside a list")? += 1;
                }
                if character == ']' {
                    let depth = counts.len() - 1;
                    let count = counts.pop().ok_or("unbalanced ]")?;
                    if shape.len() <= depth {
                        shape.resize(depth + 1, None);
                    }
                    if *shape[depth].get_or_insert(count) != count {
                        return Err(format!("ragged list at depth {depth}"));
                    }
                    if let Some(parent) = counts.last_mut() {
                        *parent += 1;
                    }
                }
            }
            other => number.push(other),
        }
    }
    if !counts.is_empty() || !number.trim().is_empty() {
        return Err("unbalanced [".to_owned());
    }
    Ok((shape.into_iter().flatten().collect(), values))
}

/// How close a program's output must be to the engine's.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tolerance {
    /// The same `float32`, bit for bit.
    Exact,
    /// Within a few units in the last place: `exp` and `tanh` differ between libraries.
    Ulps(u32),
    /// Within a relative `1e-5`: another summation order.
    Relative,
}

fn close(got: f32, want: f32, tolerance: Tolerance) -> bool {
    match tolerance {
        Tolerance::Exact => got.to_bits() == want.to_bits(),
        Tolerance::Ulps(ulps) => {
            got == want
                || (got.signum() == want.signum()
                    && (got.to_bits() as i64 - want.to_bits() as i64).unsigned_abs()
                        <= u64::from(ulps))
        }
        Tolerance::Relative => (got - want).abs() <= 1e-5 * (1.0 + want.abs()),
    }
}

/// Runs one program and compares what it printed with the engine's last map.
fn check(case: &Case, style: Style, tolerance: Tolerance) -> Result<(), String> {
    let example = Example::build(&Shared::new(case.settings.clone()))
        .map_err(|error| format!("the example does not build: {error}"))?;
    let pipeline = case.settings.build().map_err(|error| error.to_string())?;
    let engine = pipeline
        .map(pipeline.map_count() - 1)
        .ok_or("no output map")?;
    let text = program(&example, style).text();
    let printed = run_python(&text).map_err(|error| format!("{error}\n--- program ---\n{text}"))?;
    let (shape, values) = parse_nested(&printed)?;
    if shape != engine.shape() {
        return Err(format!(
            "printed shape {shape:?}, engine {:?}\n{text}",
            engine.shape()
        ));
    }
    for ((index, &got), &want) in values.iter().enumerate().zip(engine.iter()) {
        let got32 = got as f32;
        if f64::from(got32) != got {
            return Err(format!("value {index} = {got} is not a float32"));
        }
        if !close(got32, want, tolerance) {
            return Err(format!(
                "value {index}: printed {got32:?}, engine {want:?} ({tolerance:?})\n--- program ---\n{text}"
            ));
        }
    }
    Ok(())
}

/// Whether the example applies `exp` or `tanh`, whose last bit depends on the library.
fn transcendental(settings: &Settings) -> bool {
    let activation = match settings.operation {
        Operation::Block => settings.block_activation,
        single => single,
    };
    matches!(activation, Operation::Sigmoid | Operation::Tanh)
}

/// Whether every value the example reads is a whole number.
fn whole_numbers(settings: &Settings) -> bool {
    let whole = |value: &f32| value.fract() == 0.0;
    settings.input_view().iter().all(whole)
        && settings.kernel_view().iter().all(whole)
        && settings.bias_view().iter().all(whole)
}

#[test]
fn numpy_programs_print_the_engine_output() {
    if let Err(reason) = importable("numpy") {
        panic!("NumPy is needed to check the generated code: {NUMPY_INSTALL}\n{reason}");
    }
    let mut failures = Vec::new();
    for case in cases() {
        let tolerance = if transcendental(&case.settings) {
            Tolerance::Ulps(2)
        } else {
            Tolerance::Exact
        };
        if let Err(error) = check(&case, Style::NumPy, tolerance) {
            failures.push(format!("{}: {error}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn pytorch_programs_print_the_engine_output() {
    if let Err(reason) = importable("torch") {
        let last = reason.lines().last().unwrap_or_default();
        eprintln!("SKIPPED: the PyTorch programs are not run, `import torch` fails here: {last}");
        return;
    }
    let mut failures = Vec::new();
    for case in cases() {
        let tolerance = if transcendental(&case.settings) {
            Tolerance::Relative
        } else if whole_numbers(&case.settings) {
            Tolerance::Exact
        } else {
            Tolerance::Relative
        };
        if let Err(error) = check(&case, Style::PyTorch, tolerance) {
            failures.push(format!("{}: {error}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_table_covers_every_operation_and_padding_form() {
    let table = cases();
    for operation in Operation::ALL {
        assert!(
            table
                .iter()
                .any(|case| case.settings.operation == operation),
            "no case for {operation:?}"
        );
    }
    for padding in ["valid", "same", "same-lower", "full", "custom"] {
        assert!(
            table
                .iter()
                .any(|case| case.settings.padding.id() == padding),
            "no case with {padding} padding"
        );
    }
    let any = |test: fn(&Settings) -> bool| table.iter().any(|case| test(&case.settings));
    assert!(any(
        |s| s.dilation != [1, 1] && s.operation == Operation::Convolution
    ));
    assert!(any(
        |s| s.stride != [1, 1] && s.operation == Operation::Convolution
    ));
    assert!(any(|s| s.flip_kernel));
    for mode in PaddingMode::ALL {
        assert!(
            any_mode(&table, mode),
            "no convolution case with {mode:?} padding"
        );
    }
    assert!(any(|s| s.groups > 1 && s.groups == s.channels));
    assert!(any(|s| s.groups > 1 && s.groups < s.channels));
    assert!(any(|s| s.groups > 1 && s.filters > s.groups));
    assert!(any(|s| s.channels > 1
        && s.filters > 1
        && s.bias_view().iter().any(|&b| b != 0.0)));
    assert!(any(|s| s.ceil_mode && s.operation == Operation::MaxPool));
    assert!(any(
        |s| s.operation == Operation::AveragePool && s.count_include_pad
    ));
    assert!(any(
        |s| s.operation == Operation::AveragePool && !s.count_include_pad
    ));
}

#[test]
fn printed_lists_are_read_with_their_shape() {
    assert_eq!(
        parse_nested("[[[1.0, -2.5], [0.1, 3.0]]]\n"),
        Ok((vec![1, 2, 2], vec![1.0, -2.5, 0.1, 3.0]))
    );
    assert!(parse_nested("[[1.0], [2.0, 3.0]]").is_err());
    assert!(parse_nested("[[1.0]").is_err());
}
