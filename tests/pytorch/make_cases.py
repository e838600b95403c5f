"""Writes tests/pytorch_cases.rs: expected outputs computed by PyTorch for ConvStep's cases.

Run from the repository root:  python3 tests/pytorch/make_cases.py
Needs: pip install torch numpy   (verified with torch 2.15.0, CPU).

Inputs are seeded and rounded to quarters, so sums are exact in float32 and the engine must
match PyTorch bit for bit whatever order either one sums in.
"""
import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(7)


def quarters(*shape):
    return (np.round(rng.standard_normal(shape) * 8) / 4).astype(np.float32)


def rust(a):
    return "vec![" + ", ".join(f"{float(v)!r}" for v in np.asarray(a).reshape(-1)) + "]"


cases = []

# The tutorial's second half: an RGB input, a kernel with one slice per channel, several filters, bias.
x = quarters(3, 6, 5)
w = quarters(4, 3, 3, 3)
b = quarters(4)
y = F.conv2d(torch.from_numpy(x)[None], torch.from_numpy(w), torch.from_numpy(b), stride=1, padding=1)[0].numpy()
cases.append(f"""
/// An RGB 6×5 input, 4 filters of 3×3×3 with bias, padding 1: `torch.nn.functional.conv2d`.
#[test]
fn rgb_convolution_with_bias_matches_pytorch_conv2d() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        Some({rust(b)}),
        ConvSpec {{ window: WindowSpec {{ padding: Padding::Explicit(Sides::uniform(1)), ..WindowSpec::default() }}, ..ConvSpec::default() }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust(y)});
}}""")

# Stride 2 and dilation 2 on three channels.
x = quarters(3, 9, 8)
w = quarters(2, 3, 2, 3)
b = quarters(2)
y = F.conv2d(torch.from_numpy(x)[None], torch.from_numpy(w), torch.from_numpy(b), stride=2, padding=(1, 2), dilation=2)[0].numpy()
cases.append(f"""
/// Three channels, stride 2, dilation 2, padding (1, 2): `torch.nn.functional.conv2d`.
#[test]
fn strided_dilated_convolution_matches_pytorch_conv2d() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        Some({rust(b)}),
        ConvSpec {{
            window: WindowSpec {{
                stride: [2, 2],
                dilation: [2, 2],
                padding: Padding::Explicit(Sides {{ top: 1, left: 2, bottom: 1, right: 2 }}),
                ..WindowSpec::default()
            }},
            ..ConvSpec::default()
        }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust(y)});
}}""")

# Ceil mode, where PyTorch's divisor rule matters: cells past the padding never count.
x = quarters(2, 6, 7)
for include in (True, False):
    y = F.avg_pool2d(torch.from_numpy(x)[None], kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=include)[0].numpy()
    name = "with" if include else "without"
    cases.append(f"""
/// Average pooling 3×3, stride 2, padding 1, ceil mode, {name} padding in the divisor: `avg_pool2d`.
#[test]
fn average_pool_ceil_mode_{name}_padding_matches_pytorch() {{
    let pool = Pool::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        WindowSpec {{ kernel: [3, 3], stride: [2, 2], dilation: [1, 1], padding: Padding::Explicit(Sides::uniform(1)), rounding: Rounding::Ceil }},
        PoolKind::Average {{ count_include_pad: {str(include).lower()} }},
    )
    .unwrap();
    assert_same(&pool, {y.shape}, {rust(y)});
}}""")

y = F.max_pool2d(torch.from_numpy(x)[None], kernel_size=2, stride=2, padding=1, ceil_mode=True)[0].numpy()
cases.append(f"""
/// Max pooling 2×2, stride 2, padding 1, ceil mode: `max_pool2d`.
#[test]
fn max_pool_ceil_mode_matches_pytorch() {{
    let pool = Pool::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        WindowSpec {{ kernel: [2, 2], stride: [2, 2], dilation: [1, 1], padding: Padding::Explicit(Sides::uniform(1)), rounding: Rounding::Ceil }},
        PoolKind::Max,
    )
    .unwrap();
    assert_same(&pool, {y.shape}, {rust(y)});
}}""")


def sides(top, left, bottom, right):
    return f"Sides {{ top: {top}, left: {left}, bottom: {bottom}, right: {right} }}"


# Grouped and depthwise convolution: `groups` splits the channels and the filters.
for name, channels, filters, groups, stride, note in [
    ("grouped_convolution_two_groups", 4, 6, 2, 1, "4 channels, 6 filters in 2 groups, padding 1"),
    ("depthwise_convolution_channel_multiplier_2", 3, 6, 3, 2, "depthwise: 3 channels, groups 3, 2 filters each, stride 2, padding 1"),
]:
    x = quarters(channels, 7, 6)
    w = quarters(filters, channels // groups, 3, 3)
    b = quarters(filters)
    y = F.conv2d(torch.from_numpy(x)[None], torch.from_numpy(w), torch.from_numpy(b), stride=stride, padding=1, groups=groups)[0].numpy()
    cases.append(f"""
/// {note}: `torch.nn.functional.conv2d(..., groups={groups})`.
#[test]
fn {name}_matches_pytorch() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        Some({rust(b)}),
        ConvSpec {{
            window: WindowSpec {{ stride: [{stride}, {stride}], padding: Padding::Explicit(Sides::uniform(1)), ..WindowSpec::default() }},
            groups: {groups},
            ..ConvSpec::default()
        }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust(y)});
}}""")

# Padding modes: PyTorch's `padding_mode` pads with `F.pad` and then convolves without padding;
# F.pad takes each side on its own, so the sides here differ.
x = quarters(2, 5, 6)
w = quarters(3, 2, 3, 3)
b = quarters(3)
for mode, rust_mode, torch_mode in [
    ("zeros", "Zeros", "constant"),
    ("reflect", "Reflect", "reflect"),
    ("replicate", "Replicate", "replicate"),
    ("circular", "Circular", "circular"),
]:
    top, left, bottom, right = 2, 1, 1, 3
    padded = F.pad(torch.from_numpy(x)[None], (left, right, top, bottom), mode=torch_mode)
    y = F.conv2d(padded, torch.from_numpy(w), torch.from_numpy(b), stride=(1, 2))[0].numpy()
    cases.append(f"""
/// Padding mode `{mode}` (top 2, left 1, bottom 1, right 3), stride (1, 2): `F.pad(mode="{torch_mode}")` then `conv2d`.
#[test]
fn padding_mode_{mode}_matches_pytorch() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        Some({rust(b)}),
        ConvSpec {{
            window: WindowSpec {{ stride: [1, 2], padding: Padding::Explicit({sides(top, left, bottom, right)}), ..WindowSpec::default() }},
            padding_mode: PaddingMode::{rust_mode},
            ..ConvSpec::default()
        }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust(y)});
}}""")

# Circular padding as wide as the input (wraps around exactly once), and reflect padding one
# less than the input, the widest PyTorch allows, with dilation.
x = quarters(1, 3, 4)
w = quarters(2, 1, 3, 2)
for mode, rust_mode, pads, dilation in [("circular", "Circular", (3, 4, 3, 4), 1), ("reflect", "Reflect", (2, 3, 2, 3), 2)]:
    top, left, bottom, right = pads
    padded = F.pad(torch.from_numpy(x)[None], (left, right, top, bottom), mode=mode)
    y = F.conv2d(padded, torch.from_numpy(w), dilation=dilation)[0].numpy()
    cases.append(f"""
/// `{mode}` padding as wide as PyTorch allows on a 3×4 input, dilation {dilation}: `F.pad` then `conv2d`.
#[test]
fn widest_{mode}_padding_matches_pytorch() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        None,
        ConvSpec {{
            window: WindowSpec {{ dilation: [{dilation}, {dilation}], padding: Padding::Explicit({sides(top, left, bottom, right)}), ..WindowSpec::default() }},
            padding_mode: PaddingMode::{rust_mode},
            ..ConvSpec::default()
        }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust(y)});
}}""")

# Transposed convolution: stride, padding, output_padding, dilation, groups, rectangular.
for name, note, channels, filters, kernel, stride, padding, output_padding, dilation, groups, size, bias in [
    ("transposed_stride_2_padding_1_output_padding_1", "stride 2, padding 1, output_padding 1, 2 → 3 channels", 2, 3, (3, 3), (2, 2), (1, 1), (1, 1), (1, 1), 1, (4, 5), True),
    ("transposed_rectangular_dilated_grouped", "kernel 2×3, stride (2, 3), padding (1, 2), output_padding (1, 0), dilation (2, 1), 4 → 6 channels in 2 groups", 4, 6, (2, 3), (2, 3), (1, 2), (1, 0), (2, 1), 2, (3, 4), True),
    ("transposed_depthwise_upsampling", "depthwise (groups 3), kernel 4, stride 2, padding 1: the usual 2× upsampling", 3, 3, (4, 4), (2, 2), (1, 1), (0, 0), (1, 1), 3, (3, 3), False),
    ("transposed_output_padding_below_dilation", "stride 1, dilation 3, output_padding 2 (smaller than the dilation), padding 4 (more than dilation·(k−1) on rows)", 1, 2, (2, 3), (1, 1), (4, 1), (2, 2), (3, 3), 1, (6, 4), True),
]:
    x = quarters(channels, *size)
    w = quarters(channels, filters // groups, *kernel)
    b = quarters(filters) if bias else None
    y = F.conv_transpose2d(
        torch.from_numpy(x)[None], torch.from_numpy(w), torch.from_numpy(b) if bias else None,
        stride=stride, padding=padding, output_padding=output_padding, groups=groups, dilation=dilation,
    )[0].numpy()
    rust_bias = f"Some({rust(b)})" if bias else "None"
    cases.append(f"""
/// Transposed convolution, {note}: `torch.nn.functional.conv_transpose2d`.
#[test]
fn {name}_matches_pytorch() {{
    let transposed = ConvTranspose::new(
        Array3::from_shape_vec({x.shape}, {rust(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        {rust_bias},
        ConvTransposeSpec {{
            stride: {list(stride)},
            dilation: {list(dilation)},
            output_padding: {list(output_padding)},
            padding: TransposedPadding::Explicit({sides(padding[0], padding[1], padding[0], padding[1])}),
            groups: {groups},
        }},
    )
    .unwrap();
    assert_same(&transposed, {y.shape}, {rust(y)});
    assert_scatter_same(&transposed, {rust(y)});
}}""")

header = f'''//! Generated by `tests/pytorch/make_cases.py` from PyTorch {torch.__version__.split("+")[0]} (CPU).
//! Do not edit by hand: rerun the script. Every expected array below was computed by
//! `torch.nn.functional`, not by ConvStep.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

use convstep::engine::{{
    Conv, ConvSpec, ConvTranspose, ConvTransposeSpec, Padding, PaddingMode, Pool, PoolKind,
    Rounding, Sides, TransposedPadding, Weights, WindowSpec,
}};
use ndarray::Array3;

mod common;
use common::{{assert_same, assert_scatter_same}};

'''
with open("tests/pytorch_cases.rs", "w") as f:
    f.write(header + "".join(cases) + "\n")
print(f"wrote {len(cases)} cases")
