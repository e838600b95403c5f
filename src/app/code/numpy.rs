//! The example as NumPy loops, in the spirit of the tutorial ConvStep grew from: one function
//! per stage, explicit loops over every output cell, the window taken as a slice, and sums in
//! the engine's order in `float32`, so the printed numbers are the page's to the bit.

use super::{Code, ConvNames, Number, Stage, conv_names, repeating_mode, stages};
use crate::app::example::Example;
use crate::engine::{Activation, Conv, ConvTranspose, PoolKind, Rounding, Sides, WindowLayout};

/// Writes the whole program.
pub(super) fn write(code: &mut Code, example: &Example) {
    code.line(
        0,
        "# ConvStep's example as loops over every output cell (NumPy, float32).",
    );
    code.line(0, "import numpy as np");
    code.line(0, "");
    code.tensors(example, "np.array", "np.float32");
    let mut calls = Vec::new();
    for (index, stage) in stages(example).into_iter().enumerate() {
        let source = if index == 0 { "x" } else { "y" };
        let channels = example.map(index).map_or(0, |map| map.dim().0);
        code.line(0, "");
        let call = match stage {
            Stage::Conv(conv) => {
                let names = conv_names(example, index);
                let bias = names.bias.map(|b| format!(", {b}")).unwrap_or_default();
                let call = format!("y = {}({source}, {}{bias})", names.function, names.weights);
                convolution(code, conv, names);
                call
            }
            Stage::Activation(function) => {
                let name = activation(code, function, example, index);
                format!("y = {name}({source})")
            }
            Stage::Pool(layout, kind) => {
                let name = pooling(code, layout, kind, channels);
                format!("y = {name}({source})")
            }
            Stage::ConvTranspose(transposed_conv) => {
                transposed(code, transposed_conv, channels);
                format!("y = conv_transpose2d({source}, w, b)")
            }
        };
        code.line(0, "");
        calls.push(call);
    }
    code.line(0, "");
    for call in calls {
        code.line(0, call);
    }
    code.line(0, "print(y.tolist())");
}

/// `conv2d(x, w, b)`: every filter over every window, summed per channel of its group.
fn convolution(code: &mut Code, conv: &Conv, names: ConvNames) {
    let layout = conv.layout();
    let groups = conv.groups();
    let (filters, channels) = (groups.filters, groups.channels_per_group());
    let [out_h, out_w] = layout.output();
    let bias = names.bias.map(|_| ", b").unwrap_or_default();
    code.line(0, format!("def {}(x, w{bias}):", names.function));
    match repeating_mode(layout.padding_mode()) {
        Some((mode, what)) => pad(code, layout.sides(), &format!(", mode='{mode}'"), what),
        None => pad(code, layout.sides(), "", "zero padding"),
    }
    if conv.flips_kernel() {
        code.line(
            1,
            "w = w[:, :, ::-1, ::-1]  # the kernel turned 180°: true convolution",
        );
    }
    code.line(
        1,
        format!("y = np.zeros(({filters}, {out_h}, {out_w}), dtype=np.float32)  # filters × output rows × output columns"),
    );
    code.line(1, format!("for f in range({filters}):  # each filter"));
    let first = if groups.groups > 1 {
        code.line(
            2,
            format!(
                "g0 = f // {} * {channels}  # the first input channel of the filter's group",
                groups.filters_per_group()
            ),
        );
        "g0 + c"
    } else {
        "c"
    };
    loops(code, layout, "x[:, ", "all channels");
    code.line(4, "total = np.float32(0)");
    code.line(
        4,
        format!("for c in range({channels}):  # products in kernel order, summed per channel"),
    );
    code.line(
        5,
        format!("total += sum((window[{first}] * w[f, c]).flat, np.float32(0))"),
    );
    if names.bias.is_some() {
        code.compute(4, "y[f, oh, ow] = total + b[f]  # then the bias");
    } else {
        code.compute(4, "y[f, oh, ow] = total  # no bias");
    }
    code.line(1, "return y");
}

/// `conv_transpose2d(x, w, b)`: every input cell scatters the kernel it scales into the
/// output, channel by channel; the channel sums are added in order, then the bias.
fn transposed(code: &mut Code, transposed: &ConvTranspose, channels: usize) {
    let layout = transposed.layout();
    let groups = transposed.groups();
    let filters = groups.filters;
    let (rows, columns) = (&layout.rows, &layout.columns);
    let [out_h, out_w] = layout.output();
    code.line(0, "def conv_transpose2d(x, w, b):");
    code.line(
        1,
        format!("y = np.zeros(({filters}, {out_h}, {out_w}), dtype=np.float32)  # filters × output rows × output columns"),
    );
    code.line(
        1,
        format!("for c in range({channels}):  # each input channel"),
    );
    code.line(2, "part = np.zeros_like(y)  # this channel's products");
    code.line(2, format!("for i in range({}):", rows.input));
    code.line(
        3,
        format!("for j in range({}):  # each input cell", columns.input),
    );
    if groups.groups > 1 {
        let (f, c) = (groups.filters_per_group(), groups.channels_per_group());
        code.line(
            4,
            format!(
                "for f in range(c // {c} * {f}, c // {c} * {f} + {f}):  # the filters of c's group"
            ),
        );
    } else {
        code.line(4, format!("for f in range({filters}):"));
    }
    code.line(5, format!("for kh in range({}):", rows.kernel));
    code.line(
        6,
        format!("for kw in range({}):  # each weight", columns.kernel),
    );
    code.line(
        7,
        format!(
            "oh = i * {} + kh * {} - {}  # where it lands: stride, dilation, padding",
            rows.stride, rows.dilation, rows.pad_begin
        ),
    );
    code.line(
        7,
        format!(
            "ow = j * {} + kw * {} - {}",
            columns.stride, columns.dilation, columns.pad_begin
        ),
    );
    code.line(
        7,
        format!("if 0 <= oh < {out_h} and 0 <= ow < {out_w}:  # else the padding crops it"),
    );
    let slice = if groups.groups > 1 {
        format!("c % {}", groups.channels_per_group())
    } else {
        "c".to_owned()
    };
    code.compute(
        8,
        format!("part[f, oh, ow] += x[c, i, j] * w[f, {slice}, kh, kw]"),
    );
    code.line(2, "y += part");
    code.line(1, "return y + b[:, None, None]  # then the bias");
}

/// An activation function over every value; returns its name.
fn activation(
    code: &mut Code,
    function: Activation,
    example: &Example,
    stage: usize,
) -> &'static str {
    let (name, value) = match function {
        Activation::Relu => ("relu", "v if v > 0 else np.float32(0)".to_owned()),
        Activation::LeakyRelu { slope } => (
            "leaky_relu",
            format!("v if v > 0 else v * np.float32({})", Number(slope)),
        ),
        Activation::Sigmoid => (
            "sigmoid",
            "np.float32(1) / (np.float32(1) + np.exp(-v))".to_owned(),
        ),
        Activation::Tanh => ("tanh", "np.tanh(v)".to_owned()),
    };
    let shape = example.map(stage).map_or((0, 0, 0), |map| map.dim());
    code.line(0, format!("def {name}(x):"));
    code.line(1, "y = np.zeros_like(x)");
    code.line(1, format!("for ch in range({}):", shape.0));
    code.line(2, format!("for row in range({}):", shape.1));
    code.line(3, format!("for col in range({}):", shape.2));
    code.line(4, "v = x[ch, row, col]");
    code.compute(4, format!("y[ch, row, col] = {value}"));
    code.line(1, "return y");
    name
}

/// Max or average pooling of each channel on its own; returns the function's name.
fn pooling(
    code: &mut Code,
    layout: &WindowLayout,
    kind: PoolKind,
    channels: usize,
) -> &'static str {
    let [out_h, out_w] = layout.output();
    let sides = layout.sides();
    let padded = sides != Sides::default();
    let name = match kind {
        PoolKind::Max => "max_pool",
        PoolKind::Average { .. } => "avg_pool",
    };
    code.line(0, format!("def {name}(x):"));
    pad(
        code,
        sides,
        ", constant_values=np.nan",
        "padding cells are NaN, not input cells",
    );
    code.line(
        1,
        format!("y = np.zeros(({channels}, {out_h}, {out_w}), dtype=np.float32)"),
    );
    code.line(
        1,
        format!("for ch in range({channels}):  # each channel on its own"),
    );
    let ceil = layout.rows.rounding == Rounding::Ceil;
    let note = if ceil {
        "ceil mode: a last window may stop at the edge"
    } else {
        "one channel"
    };
    loops(code, layout, "x[ch, ", note);
    match (kind, padded) {
        (PoolKind::Max, false) => code.compute(4, "y[ch, oh, ow] = np.max(window)"),
        (PoolKind::Max, true) => code.compute(
            4,
            "y[ch, oh, ow] = np.nanmax(window)  # padding is never the largest",
        ),
        (PoolKind::Average { .. }, false) => code.compute(
            4,
            "y[ch, oh, ow] = sum(window.flat, np.float32(0)) / np.float32(window.size)",
        ),
        (PoolKind::Average { count_include_pad }, true) => {
            code.line(
                4,
                "cells = window[~np.isnan(window)]  # the input cells, row by row",
            );
            let divisor = if count_include_pad {
                "window.size)  # padding cells count"
            } else {
                "cells.size)  # only input cells count"
            };
            code.compute(
                4,
                format!("y[ch, oh, ow] = sum(cells, np.float32(0)) / np.float32({divisor}"),
            );
        }
    }
    code.line(1, "return y");
    name
}

/// `x = np.pad(...)` when any side is padded.
fn pad(code: &mut Code, sides: Sides, value: &str, what: &str) {
    let Sides {
        top,
        left,
        bottom,
        right,
    } = sides;
    if sides != Sides::default() {
        code.line(
            1,
            format!("x = np.pad(x, ((0, 0), ({top}, {bottom}), ({left}, {right})){value})  # {what}: (top, bottom), (left, right)"),
        );
    }
}

/// The output row and column loops, the window's origin and its slice.
fn loops(code: &mut Code, layout: &WindowLayout, slice_start: &str, note: &str) {
    let [out_h, out_w] = layout.output();
    let (rows, columns) = (&layout.rows, &layout.columns);
    code.line(2, format!("for oh in range({out_h}):  # each output row"));
    code.line(
        3,
        format!("for ow in range({out_w}):  # each output column"),
    );
    code.line(
        4,
        format!(
            "r0, c0 = oh * {}, ow * {}  # the window's top-left cell",
            rows.stride, columns.stride
        ),
    );
    let span = |origin: &str, field: usize, dilation: usize| {
        if dilation > 1 {
            format!("{origin}:{origin} + {field}:{dilation}")
        } else {
            format!("{origin}:{origin} + {field}")
        }
    };
    let mut note = note.to_owned();
    for (dilation, what) in [(rows.dilation, "row"), (columns.dilation, "column")] {
        if dilation > 1 {
            note.push_str(&format!(", every {} {what}", ordinal(dilation)));
        }
    }
    code.line(
        4,
        format!(
            "window = {slice_start}{}, {}]  # {note}",
            span("r0", rows.kernel_field, rows.dilation),
            span("c0", columns.kernel_field, columns.dilation)
        ),
    );
}

/// `2nd`, `3rd`, `4th`: how often a dilated window takes a cell.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
