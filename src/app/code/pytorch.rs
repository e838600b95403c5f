//! The example as `torch.nn.functional` calls on the whole tensor, one line per stage.
//!
//! PyTorch pads both sides of an axis alike, and pooling by at most half the window, so other
//! padding goes through `F.pad` first. Average pooling that PyTorch cannot express (dilation,
//! or per-side padding that leaves padding cells out of the divisor) is written as two sums
//! with a kernel of ones: the input cells, and the cells that count.

use super::{Code, ConvNames, Number, Stage, conv_names, pair, repeating_mode, stages};
use crate::app::example::Example;
use crate::app::settings::padding_mode_id;
use crate::engine::{Activation, Conv, ConvTranspose, PoolKind, Rounding, Sides, WindowLayout};

/// Writes the whole program.
pub(super) fn write(code: &mut Code, example: &Example) {
    code.line(
        0,
        "# ConvStep's example with torch.nn.functional (float32).",
    );
    code.line(0, "import torch");
    code.line(0, "import torch.nn.functional as F");
    code.line(0, "");
    code.tensors(example, "torch.tensor", "torch.float32");
    for (index, stage) in stages(example).into_iter().enumerate() {
        let source = if index == 0 { "x" } else { "y" };
        let channels = example.map(index).map_or(0, |map| map.dim().0);
        match stage {
            Stage::Conv(conv) => convolution(code, conv, source, conv_names(example, index)),
            Stage::Activation(function) => {
                let call = match function {
                    Activation::Relu => format!("F.relu({source})"),
                    Activation::LeakyRelu { slope } => {
                        format!("F.leaky_relu({source}, {})", Number(slope))
                    }
                    Activation::Sigmoid => format!("torch.sigmoid({source})"),
                    Activation::Tanh => format!("torch.tanh({source})"),
                };
                code.compute(0, format!("y = {call}"));
            }
            Stage::Pool(layout, kind) => pooling(code, layout, kind, source, channels),
            Stage::ConvTranspose(transposed_conv) => transposed(code, transposed_conv, source),
        }
    }
    code.line(0, "print(y.tolist())");
}

/// `F.conv2d`, after `torch.flip` and `F.pad` where needed: padding that repeats input cells
/// is `F.pad`'s mode (`nn.Conv2d` calls it `padding_mode`).
fn convolution(code: &mut Code, conv: &Conv, source: &str, names: ConvNames) {
    let layout = conv.layout();
    if conv.flips_kernel() {
        code.line(
            0,
            "w = torch.flip(w, dims=(2, 3))  # the kernel turned 180°: true convolution",
        );
    }
    let sides = layout.sides();
    let mode = layout.padding_mode();
    let (input, padding) = match (repeating_mode(mode), symmetric(sides)) {
        (None, Some(padding)) => (source, padding),
        _ if sides == Sides::default() => (source, [0, 0]),
        (None, None) => {
            f_pad(code, source, sides, "", "zero padding");
            ("y", [0, 0])
        }
        (Some((_, what)), _) => {
            let id = padding_mode_id(mode);
            f_pad(code, source, sides, &format!(", mode='{id}'"), what);
            ("y", [0, 0])
        }
    };
    let mut arguments = keywords(layout, padding, false);
    let groups = conv.groups().groups;
    if groups > 1 {
        arguments.push_str(&format!(", groups={groups}"));
    }
    let (weights, bias) = (names.weights, names.bias.map(|b| format!(", {b}")));
    let bias = bias.unwrap_or_default();
    code.compute(
        0,
        format!("y = F.conv2d({input}, {weights}{bias}{arguments})"),
    );
}

/// `F.conv_transpose2d`, whose weights are channels × filters/groups; padding PyTorch cannot
/// give (different on the two sides of an axis) is cropped from the unpadded output instead.
fn transposed(code: &mut Code, transposed: &ConvTranspose, source: &str) {
    let layout = transposed.layout();
    let (rows, columns) = (&layout.rows, &layout.columns);
    let sides = layout.sides();
    let padding = symmetric(sides);
    let mut arguments = String::new();
    for (name, value, default) in [
        ("stride", [rows.stride, columns.stride], 1),
        ("padding", padding.unwrap_or([0, 0]), 0),
        (
            "output_padding",
            [rows.output_padding, columns.output_padding],
            0,
        ),
        ("dilation", [rows.dilation, columns.dilation], 1),
    ] {
        if value != [default, default] {
            arguments.push_str(&format!(", {name}={}", pair(value)));
        }
    }
    let groups = transposed.groups();
    let weights = if groups.groups > 1 {
        let (g, f, c) = (
            groups.groups,
            groups.filters_per_group(),
            groups.channels_per_group(),
        );
        arguments.push_str(&format!(", groups={g}"));
        format!(
            "w.reshape({g}, {f}, {c}, {}, {}).transpose(1, 2).reshape({}, {f}, {}, {})",
            rows.kernel, columns.kernel, groups.channels, rows.kernel, columns.kernel
        )
    } else {
        "w.transpose(0, 1)".to_owned()
    };
    code.compute(
        0,
        format!("y = F.conv_transpose2d({source}, {weights}, b{arguments})  # weights: channels × filters of the group"),
    );
    if padding.is_none() {
        let [out_h, out_w] = layout.output();
        let (top, left) = (sides.top, sides.left);
        code.line(
            0,
            format!(
                "y = y[:, {top}:{}, {left}:{}]  # the padding crops (top, bottom) and (left, right)",
                top + out_h,
                left + out_w
            ),
        );
    }
}

/// Max or average pooling, with the engine's padding, divisor and ceil-mode rules.
fn pooling(code: &mut Code, layout: &WindowLayout, kind: PoolKind, source: &str, channels: usize) {
    let sides = layout.sides();
    let kernel = pair(layout.kernel());
    let ceil = layout.rows.rounding == Rounding::Ceil;
    let ceil_mode = if ceil { ", ceil_mode=True" } else { "" };
    let dilated = layout.rows.dilation > 1 || layout.columns.dilation > 1;
    // PyTorch pads each axis evenly, by at most half the window.
    let native = symmetric(sides).filter(|&[rows, columns]| {
        rows <= layout.rows.kernel / 2 && columns <= layout.columns.kernel / 2
    });
    match (kind, native) {
        (PoolKind::Max, _) => {
            let (input, padding) = match native {
                Some(padding) => (source, padding),
                None => {
                    f_pad(
                        code,
                        source,
                        sides,
                        ", value=-torch.inf",
                        "padding cells are -inf: never the largest",
                    );
                    ("y", [0, 0])
                }
            };
            let arguments = keywords(layout, padding, true);
            code.compute(
                0,
                format!("y = F.max_pool2d({input}, {kernel}{arguments}{ceil_mode})"),
            );
            if native.is_none() {
                crop(code, layout);
            }
        }
        (PoolKind::Average { count_include_pad }, Some(both)) if !dilated => {
            let include = if count_include_pad || both == [0, 0] {
                ""
            } else {
                ", count_include_pad=False"
            };
            code.compute(
                0,
                format!(
                    "y = F.avg_pool2d({source}, {kernel}{}{ceil_mode}{include})",
                    keywords(layout, both, true)
                ),
            );
        }
        (PoolKind::Average { count_include_pad }, _) => {
            average_as_sums(code, layout, count_include_pad, source, channels)
        }
    }
}

/// Average pooling as (sum of the input cells) / (cells that count), each sum a grouped
/// convolution with a kernel of ones: what `F.avg_pool2d` cannot say with dilation or
/// per-side padding.
fn average_as_sums(
    code: &mut Code,
    layout: &WindowLayout,
    include: bool,
    source: &str,
    channels: usize,
) {
    let [k_h, k_w] = layout.kernel();
    let sides = layout.sides();
    // Ceil mode: room at the end for the last window, where nothing counts.
    let extra = |axis: &crate::engine::geometry::AxisLayout| {
        axis.span(axis.output).saturating_sub(axis.padded())
    };
    let (extra_rows, extra_columns) = (extra(&layout.rows), extra(&layout.columns));
    let Sides {
        top,
        left,
        bottom,
        right,
    } = sides;
    code.line(0, "# Average pooling as two sums over each window: the input cells, and the cells that count.");
    code.line(0, format!("ones = torch.ones({channels}, 1, {k_h}, {k_w})"));
    let counted = if include { "1.0" } else { "0.0" };
    code.line(
        0,
        format!("cells = F.pad(torch.ones_like({source}), ({left}, {right}, {top}, {bottom}), value={counted})  # 1 where a cell counts"),
    );
    if extra_rows + extra_columns > 0 {
        code.line(
            0,
            format!("cells = F.pad(cells, (0, {extra_columns}, 0, {extra_rows}))  # ceil mode: cells past the padding count for nothing"),
        );
    }
    code.line(
        0,
        format!(
            "y = F.pad({source}, ({left}, {}, {top}, {}))  # zero padding",
            right + extra_columns,
            bottom + extra_rows
        ),
    );
    let arguments = format!("{}, groups={channels}", keywords(layout, [0, 0], false));
    code.compute(
        0,
        format!("y = F.conv2d(y, ones{arguments}) / F.conv2d(cells, ones{arguments})"),
    );
}

/// `y = F.pad(source, (left, right, top, bottom)...)`.
fn f_pad(code: &mut Code, source: &str, sides: Sides, value: &str, what: &str) {
    let Sides {
        top,
        left,
        bottom,
        right,
    } = sides;
    code.line(
        0,
        format!("y = F.pad({source}, ({left}, {right}, {top}, {bottom}){value})  # {what}: (left, right, top, bottom)"),
    );
}

/// Cuts PyTorch's output to the engine's when PyTorch, seeing the padding as input, keeps a
/// last ceil-mode window that starts in the end padding.
fn crop(code: &mut Code, layout: &WindowLayout) {
    let [out_h, out_w] = layout.output();
    if layout.rows.output_with_padding_as_input() != out_h
        || layout.columns.output_with_padding_as_input() != out_w
    {
        code.line(
            0,
            format!(
                "y = y[:, :{out_h}, :{out_w}]  # a last window may not start in the end padding"
            ),
        );
    }
}

/// `[rows, columns]` padding when both sides of each axis are equal.
fn symmetric(sides: Sides) -> Option<[usize; 2]> {
    (sides.top == sides.bottom && sides.left == sides.right).then_some([sides.top, sides.left])
}

/// `, stride=…, padding=…, dilation=…` in PyTorch's order, leaving out what is the default.
/// A pooling always gets its stride, which would otherwise default to the window.
fn keywords(layout: &WindowLayout, padding: [usize; 2], pooling: bool) -> String {
    let stride = [layout.rows.stride, layout.columns.stride];
    let dilation = [layout.rows.dilation, layout.columns.dilation];
    let mut text = String::new();
    if pooling || stride != [1, 1] {
        text.push_str(&format!(", stride={}", pair(stride)));
    }
    if padding != [0, 0] {
        text.push_str(&format!(", padding={}", pair(padding)));
    }
    if dilation != [1, 1] {
        text.push_str(&format!(", dilation={}", pair(dilation)));
    }
    text
}
