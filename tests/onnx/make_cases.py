"""Writes tests/onnx_cases.rs: expected outputs computed by onnxruntime for ConvStep's tricky cases.

Run from the repository root:  python3 tests/onnx/make_cases.py
Needs: pip install onnxruntime onnx numpy   (verified with onnxruntime 1.32.0, onnx 1.23.2).

Inputs are seeded and rounded to quarters, so every sum is exact in float32 and the engine
must match onnxruntime bit for bit whatever order either one sums in.
"""
import numpy as np
import onnx
import onnxruntime as ort
from onnx import helper, TensorProto

rng = np.random.default_rng(2026)


def quarters(*shape):
    return (np.round(rng.standard_normal(shape) * 8) / 4).astype(np.float32)


def run(op, inputs, **attrs):
    names = [f"i{k}" for k in range(len(inputs))]
    node = helper.make_node(op, names, ["y"], **attrs)
    graph = helper.make_graph(
        [node], "g",
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, list(a.shape)) for n, a in zip(names, inputs)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, dict(zip(names, inputs)))[0][0]


def rust_array(a):
    return "vec![" + ", ".join(f"{float(v)!r}" for v in a.reshape(-1)) + "]"


cases = []


def conv_case(name, x, w, b, stride, dilation, pads, auto_pad=None):
    attrs = dict(strides=list(stride), dilations=list(dilation))
    if auto_pad:
        attrs["auto_pad"] = auto_pad
    else:
        attrs["pads"] = list(pads)  # ONNX order: top, left, bottom, right
    inputs = [x[None], w] + ([b] if b is not None else [])
    y = run("Conv", inputs, **attrs)
    padding = (
        {"SAME_UPPER": "Padding::Same", "SAME_LOWER": "Padding::SameLower"}[auto_pad]
        if auto_pad
        else f"Padding::Explicit(Sides {{ top: {pads[0]}, left: {pads[1]}, bottom: {pads[2]}, right: {pads[3]} }})"
    )
    bias = f"Some({rust_array(b)})" if b is not None else "None"
    cases.append(f"""
#[test]
fn {name}() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust_array(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust_array(w)}).unwrap(),
        {bias},
        ConvSpec {{ window: WindowSpec {{ stride: {list(stride)}, dilation: {list(dilation)}, padding: {padding}, ..WindowSpec::default() }}, ..ConvSpec::default() }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust_array(y)});
}}""")


def pool_case(name, op, x, kernel, stride, dilation, pads, ceil, kind, auto_pad=None):
    attrs = dict(kernel_shape=list(kernel), strides=list(stride), ceil_mode=int(ceil))
    if op == "MaxPool":
        attrs["dilations"] = list(dilation)
    else:
        attrs["count_include_pad"] = int(kind == "include")
    if auto_pad:
        attrs["auto_pad"] = auto_pad
    else:
        attrs["pads"] = list(pads)
    y = run(op, [x[None]], **attrs)
    padding = (
        {"SAME_UPPER": "Padding::Same", "SAME_LOWER": "Padding::SameLower"}[auto_pad]
        if auto_pad
        else f"Padding::Explicit(Sides {{ top: {pads[0]}, left: {pads[1]}, bottom: {pads[2]}, right: {pads[3]} }})"
    )
    rust_kind = {
        "max": "PoolKind::Max",
        "include": "PoolKind::Average { count_include_pad: true }",
        "exclude": "PoolKind::Average { count_include_pad: false }",
    }[kind]
    rounding = "Rounding::Ceil" if ceil else "Rounding::Floor"
    cases.append(f"""
#[test]
fn {name}() {{
    let pool = Pool::new(
        Array3::from_shape_vec({x.shape}, {rust_array(x)}).unwrap(),
        WindowSpec {{ kernel: {list(kernel)}, stride: {list(stride)}, dilation: {list(dilation)}, padding: {padding}, rounding: {rounding} }},
        {rust_kind},
    )
    .unwrap();
    assert_same(&pool, {y.shape}, {rust_array(y)});
}}""")


conv_case("conv_three_channels_two_filters_with_bias", quarters(3, 6, 6), quarters(2, 3, 3, 3), quarters(2), (1, 1), (1, 1), (1, 1, 1, 1))
conv_case("conv_stride_2_asymmetric_padding", quarters(2, 7, 6), quarters(3, 2, 3, 2), quarters(3), (2, 2), (1, 1), (0, 1, 2, 0))
conv_case("conv_dilation_2_stride_3", quarters(1, 9, 9), quarters(2, 1, 3, 3), None, (3, 3), (2, 2), (1, 1, 1, 1))
conv_case("conv_rectangular_kernel_and_stride", quarters(2, 8, 7), quarters(1, 2, 2, 3), quarters(1), (1, 2), (1, 1), (1, 0, 0, 1))
conv_case("conv_same_upper_even_kernel_stride_2", quarters(1, 7, 6), quarters(1, 1, 2, 4), None, (2, 2), (1, 1), None, "SAME_UPPER")
conv_case("conv_same_lower_even_kernel_stride_2", quarters(1, 7, 6), quarters(1, 1, 2, 4), None, (2, 2), (1, 1), None, "SAME_LOWER")
pool_case("max_pool_ceil_mode_padding", "MaxPool", quarters(2, 7, 7), (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), True, "max")
pool_case("max_pool_dilation_2", "MaxPool", quarters(1, 8, 8), (2, 2), (1, 2), (2, 2), (0, 0, 0, 0), False, "max")
pool_case("max_pool_ceil_mode_overhang", "MaxPool", quarters(1, 5, 5), (2, 2), (2, 2), (1, 1), (0, 0, 0, 0), True, "max")
pool_case("average_pool_count_include_pad", "AveragePool", quarters(2, 5, 6), (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), False, "include")
pool_case("average_pool_exclude_pad", "AveragePool", quarters(2, 5, 6), (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), False, "exclude")
pool_case("average_pool_asymmetric_padding", "AveragePool", quarters(1, 6, 6), (2, 3), (2, 1), (1, 1), (1, 0, 0, 1), False, "exclude")
pool_case("max_pool_same_upper", "MaxPool", quarters(1, 5, 5), (2, 2), (2, 2), (1, 1), None, False, "max", "SAME_UPPER")



def sides(pads):
    return f"Sides {{ top: {pads[0]}, left: {pads[1]}, bottom: {pads[2]}, right: {pads[3]} }}"


def grouped_case(name, x, w, b, group, pads):
    y = run("Conv", [x[None], w, b], group=group, pads=list(pads))
    cases.append(f"""
#[test]
fn {name}() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust_array(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust_array(w)}).unwrap(),
        Some({rust_array(b)}),
        ConvSpec {{ window: WindowSpec {{ padding: Padding::Explicit({sides(pads)}), ..WindowSpec::default() }}, groups: {group}, ..ConvSpec::default() }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust_array(y)});
}}""")


def pad_mode_case(name, x, w, mode, rust_mode, pads):
    # ONNX Pad takes [x1_begin, x2_begin, ..., x1_end, x2_end] over all four axes.
    top, left, bottom, right = pads
    names = ["x", "pads"]
    pad_node = helper.make_node("Pad", names, ["p"], mode=mode)
    conv_node = helper.make_node("Conv", ["p", "w"], ["y"])
    graph = helper.make_graph(
        [pad_node, conv_node], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, *x.shape]),
         helper.make_tensor_value_info("w", TensorProto.FLOAT, list(w.shape))],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [helper.make_tensor("pads", TensorProto.INT64, [8], [0, 0, top, left, 0, 0, bottom, right])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    y = session.run(None, {"x": x[None], "w": w})[0][0]
    cases.append(f"""
/// ONNX `Pad` mode `{mode}`, then `Conv`.
#[test]
fn {name}() {{
    let conv = Conv::new(
        Array3::from_shape_vec({x.shape}, {rust_array(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust_array(w)}).unwrap(),
        None,
        ConvSpec {{ window: WindowSpec {{ padding: Padding::Explicit({sides(pads)}), ..WindowSpec::default() }}, padding_mode: PaddingMode::{rust_mode}, ..ConvSpec::default() }},
    )
    .unwrap();
    assert_same(&conv, {y.shape}, {rust_array(y)});
}}""")


def transposed_case(name, x, w, b, group, stride, dilation, output_padding, pads=None, auto_pad=None, output_shape=None):
    attrs = dict(strides=list(stride), dilations=list(dilation), output_padding=list(output_padding), group=group)
    if auto_pad:
        attrs["auto_pad"] = auto_pad
    if output_shape:
        attrs["output_shape"] = list(output_shape)
    if pads:
        attrs["pads"] = list(pads)
    inputs = [x[None], w] + ([b] if b is not None else [])
    y = run("ConvTranspose", inputs, **attrs)
    if pads:
        padding = f"TransposedPadding::Explicit({sides(pads)})"
    else:
        size = f"Some({list(output_shape)})" if output_shape else "None"
        padding = f"TransposedPadding::ToSize {{ size: {size}, odd_at_end: {str(auto_pad == 'SAME_UPPER').lower()} }}"
    bias = f"Some({rust_array(b)})" if b is not None else "None"
    cases.append(f"""
#[test]
fn {name}() {{
    let transposed = ConvTranspose::new(
        Array3::from_shape_vec({x.shape}, {rust_array(x)}).unwrap(),
        Weights::from_shape_vec({w.shape}, {rust_array(w)}).unwrap(),
        {bias},
        ConvTransposeSpec {{ stride: {list(stride)}, dilation: {list(dilation)}, output_padding: {list(output_padding)}, padding: {padding}, groups: {group} }},
    )
    .unwrap();
    assert_same(&transposed, {y.shape}, {rust_array(y)});
    assert_scatter_same(&transposed, {rust_array(y)});
}}""")


grouped_case("conv_two_groups", quarters(4, 5, 6), quarters(4, 2, 3, 3), quarters(4), 2, (1, 1, 1, 1))
grouped_case("conv_depthwise", quarters(3, 6, 5), quarters(3, 1, 3, 2), quarters(3), 3, (1, 0, 1, 1))
for mode, rust_mode in [("constant", "Zeros"), ("reflect", "Reflect"), ("edge", "Replicate"), ("wrap", "Circular")]:
    pad_mode_case(f"conv_after_pad_mode_{mode}", quarters(2, 4, 5), quarters(2, 2, 3, 3), mode, rust_mode, (2, 1, 1, 3))
transposed_case("conv_transpose_asymmetric_pads", quarters(2, 3, 4), quarters(2, 3, 3, 2), quarters(3), 1, (2, 3), (1, 1), (1, 2), pads=(1, 0, 2, 1))
transposed_case("conv_transpose_grouped_dilated", quarters(4, 3, 3), quarters(4, 1, 2, 3), None, 2, (3, 2), (2, 2), (1, 0), pads=(0, 1, 1, 0))
transposed_case("conv_transpose_same_upper", quarters(1, 3, 4), quarters(1, 2, 3, 3), None, 1, (2, 2), (1, 1), (0, 0), auto_pad="SAME_UPPER")
transposed_case("conv_transpose_same_lower", quarters(1, 3, 4), quarters(1, 2, 3, 3), None, 1, (2, 2), (1, 1), (0, 0), auto_pad="SAME_LOWER")
transposed_case("conv_transpose_output_shape", quarters(2, 3, 3), quarters(2, 2, 3, 3), quarters(2), 1, (2, 2), (1, 1), (0, 0), output_shape=(6, 5))
transposed_case("conv_transpose_output_shape_same_upper", quarters(2, 3, 3), quarters(2, 2, 3, 3), quarters(2), 1, (2, 2), (1, 1), (0, 0), auto_pad="SAME_UPPER", output_shape=(6, 5))

header = '''//! Generated by `tests/onnx/make_cases.py` from onnxruntime 1.32.0 (opset 19, one thread).
//! Do not edit by hand: rerun the script. Every expected array below was computed by onnxruntime's
//! Conv, ConvTranspose, Pad, MaxPool and AveragePool operators, not by ConvStep.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

use convstep::engine::{
    Conv, ConvSpec, ConvTranspose, ConvTransposeSpec, Padding, PaddingMode, Pool, PoolKind,
    Rounding, Sides, TransposedPadding, Weights, WindowSpec,
};
use ndarray::Array3;

mod common;
use common::{assert_same, assert_scatter_same};

'''
with open("tests/onnx_cases.rs", "w") as f:
    f.write(header + "".join(cases) + "\n")
print(f"wrote {len(cases)} cases")
