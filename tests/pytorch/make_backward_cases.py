"""Writes tests/pytorch_backward_cases.rs: gradients computed by PyTorch autograd for ConvStep's
backward pass.

Run from the repository root:  python3 tests/pytorch/make_backward_cases.py
Needs: pip install torch numpy   (verified with torch 2.15.0, CPU).

Inputs, weights and upstream gradients are seeded and rounded to quarters. Sums of products of
quarters are exact in float32, so convolution, max pooling, ReLU and the training step match to
the bit; division (average pooling), sigmoid and tanh are compared within a few float32 steps.
Each case feeds the stage an upstream gradient g by differentiating (output · g).sum().
"""
import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(15)


def quarters(*shape):
    return (np.round(rng.standard_normal(shape) * 8) / 4).astype(np.float32)


def rust(a):
    return "vec![" + ", ".join(f"{float(v)!r}" for v in np.asarray(a).reshape(-1)) + "]"


def tensor(a):
    return torch.from_numpy(a.copy()).requires_grad_(True)


def sides(top, left, bottom, right):
    return f"Sides {{ top: {top}, left: {left}, bottom: {bottom}, right: {right} }}"


cases = []

# Convolutions: input, weight and bias gradients.
conv_cases = [
    ("conv_stride_padding_dilation_bias", "2 channels, 3 filters of 3×2, stride (2, 1), padding (1, 2), dilation (1, 2), bias",
     (2, 7, 8), (3, 2, 3, 2), dict(stride=(2, 1), padding=(1, 2), dilation=(1, 2)), 1, "zeros"),
    ("conv_stride_leaves_cells_unread", "stride 3 leaves the last rows and columns unread, so their gradient is 0",
     (1, 8, 9), (2, 1, 3, 3), dict(stride=3, padding=0, dilation=1), 1, "zeros"),
    ("conv_two_groups", "4 channels, 4 filters in 2 groups, padding 1",
     (4, 5, 6), (4, 2, 3, 3), dict(stride=1, padding=1, dilation=1), 2, "zeros"),
    ("conv_reflect_padding", "reflect padding 1: a padding cell's gradient goes to the cell it mirrors",
     (2, 5, 6), (2, 2, 3, 3), dict(stride=1, padding=1, dilation=1), 1, "reflect"),
]
for name, note, x_shape, w_shape, geometry, groups, mode in conv_cases:
    x, w, b = quarters(*x_shape), quarters(*w_shape), quarters(w_shape[0])
    xt, wt, bt = tensor(x), tensor(w), tensor(b)
    pad = geometry["padding"]
    pad = (pad, pad) if isinstance(pad, int) else pad
    if mode == "zeros":
        y = F.conv2d(xt[None], wt, bt, stride=geometry["stride"], padding=pad, dilation=geometry["dilation"], groups=groups)[0]
    else:
        padded = F.pad(xt[None], (pad[1], pad[1], pad[0], pad[0]), mode=mode)
        y = F.conv2d(padded, wt, bt, stride=geometry["stride"], dilation=geometry["dilation"], groups=groups)[0]
    g = quarters(*y.shape)
    (y * torch.from_numpy(g)).sum().backward()
    stride = geometry["stride"]
    stride = (stride, stride) if isinstance(stride, int) else stride
    dilation = geometry["dilation"]
    dilation = (dilation, dilation) if isinstance(dilation, int) else dilation
    mode_rust = {"zeros": "Zeros", "reflect": "Reflect"}[mode]
    cases.append(f"""
/// {note}: `conv2d` autograd.
#[test]
fn {name}_gradients_match_pytorch() {{
    let conv = Conv::new(
        map({x.shape}, {rust(x)}),
        Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
        Some({rust(b)}),
        ConvSpec {{
            window: WindowSpec {{
                stride: {list(stride)},
                dilation: {list(dilation)},
                padding: Padding::Explicit({sides(pad[0], pad[1], pad[0], pad[1])}),
                ..WindowSpec::default()
            }},
            groups: {groups},
            padding_mode: PaddingMode::{mode_rust},
            ..ConvSpec::default()
        }},
    )
    .unwrap();
    let backward = ConvBackward::new(conv, map({tuple(y.shape)}, {rust(g)})).unwrap();
    let input = StageBackward::Conv(backward.clone()).input_gradient().unwrap();
    assert_exact(input.iter(), {rust(xt.grad.numpy())});
    assert_exact(backward.weight_gradient().unwrap().iter(), {rust(wt.grad.numpy())});
    assert_exact(backward.bias_gradient().unwrap().iter(), {rust(bt.grad.numpy())});
}}""")

# Pooling: max with ties and ceil mode; average with and without padding counted.
ties = rng.integers(-2, 3, size=(2, 6, 7)).astype(np.float32)
pool_cases = [
    ("max_pool_ties_overlapping", "max pooling 3×3, stride 1 on small integers, so windows overlap and tie",
     ties, "max", dict(kernel_size=3, stride=1, padding=0, ceil_mode=False), "PoolKind::Max"),
    ("max_pool_ceil_mode_padding", "max pooling 2×2, stride 2, padding 1, ceil mode, with ties",
     ties, "max", dict(kernel_size=2, stride=2, padding=1, ceil_mode=True), "PoolKind::Max"),
    ("average_pool_counting_padding", "average pooling 3×3, stride 2, padding 1, ceil mode, padding counted",
     quarters(2, 6, 7), "avg", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=True),
     "PoolKind::Average { count_include_pad: true }"),
    ("average_pool_not_counting_padding", "average pooling 3×3, stride 2, padding 1, ceil mode, padding not counted",
     quarters(2, 6, 7), "avg", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
     "PoolKind::Average { count_include_pad: false }"),
]
for name, note, x, kind, args, kind_rust in pool_cases:
    xt = tensor(x)
    y = (F.max_pool2d if kind == "max" else F.avg_pool2d)(xt[None], **args)[0]
    g = quarters(*y.shape)
    (y * torch.from_numpy(g)).sum().backward()
    k, s, p = args["kernel_size"], args["stride"], args["padding"]
    rounding = "Ceil" if args["ceil_mode"] else "Floor"
    check = "assert_exact" if kind == "max" else "assert_close"
    cases.append(f"""
/// {note}: `{'max_pool2d' if kind == 'max' else 'avg_pool2d'}` autograd.
#[test]
fn {name}_gradient_matches_pytorch() {{
    let pool = Pool::new(
        map({x.shape}, {rust(x)}),
        WindowSpec {{ kernel: [{k}, {k}], stride: [{s}, {s}], dilation: [1, 1], padding: Padding::Explicit(Sides::uniform({p})), rounding: Rounding::{rounding} }},
        {kind_rust},
    )
    .unwrap();
    let backward = StageBackward::Pool(PoolBackward::new(pool, map({tuple(y.shape)}, {rust(g)})).unwrap());
    {check}(backward.input_gradient().unwrap().iter(), {rust(xt.grad.numpy())});
}}""")

# Activations: every function, with exact zeros among the inputs for ReLU's rule at 0.
x = quarters(2, 4, 5)
x[0, 0, :3] = 0.0
for name, function, rust_function, check in [
    ("relu", F.relu, "Activation::Relu", "assert_exact"),
    ("leaky_relu", lambda t: F.leaky_relu(t, 0.125), "Activation::LeakyRelu { slope: 0.125 }", "assert_exact"),
    ("sigmoid", torch.sigmoid, "Activation::Sigmoid", "assert_close"),
    ("tanh", torch.tanh, "Activation::Tanh", "assert_close"),
]:
    xt = tensor(x)
    y = function(xt)
    g = quarters(*y.shape)
    (y * torch.from_numpy(g)).sum().backward()
    cases.append(f"""
/// {name} on values that include 0: autograd.
#[test]
fn {name}_gradient_matches_pytorch() {{
    let layer = ActivationLayer::new(map({x.shape}, {rust(x)}), {rust_function}).unwrap();
    let backward = StageBackward::Activation(ActivationBackward::new(layer, map({x.shape}, {rust(g)})).unwrap());
    {check}(backward.input_gradient().unwrap().iter(), {rust(xt.grad.numpy())});
}}""")

# The loss and one training step of the block: convolution with bias → ReLU → max pooling.
x = quarters(1, 8, 8)
w = quarters(1, 1, 3, 3)
b = quarters(1)
wt, bt = tensor(w), tensor(b)
y = F.max_pool2d(F.relu(F.conv2d(torch.from_numpy(x)[None], wt, bt, padding=1)), 2)[0]
t = quarters(*y.shape)
loss = 0.5 * ((y - torch.from_numpy(t)) ** 2).sum()
loss.backward()
learning_rate = 0.0625
optimizer = torch.optim.SGD([wt, bt], lr=learning_rate)
optimizer.step()
cases.append(f"""
/// The block (convolution with bias, padding 1 → ReLU → max pooling 2×2): the loss ½ Σ (y − t)²
/// and one step of `torch.optim.SGD(lr={learning_rate})`.
#[test]
fn block_training_step_matches_pytorch_sgd() {{
    let specs = vec![
        StageSpec::Conv {{
            weights: Weights::from_shape_vec({w.shape}, {rust(w)}).unwrap(),
            bias: Some({rust(b)}),
            spec: ConvSpec {{ window: WindowSpec {{ padding: Padding::Explicit(Sides::uniform(1)), ..WindowSpec::default() }}, ..ConvSpec::default() }},
        }},
        StageSpec::Activation(Activation::Relu),
        StageSpec::Pool {{ window: WindowSpec {{ kernel: [2, 2], stride: [2, 2], ..WindowSpec::default() }}, kind: PoolKind::Max }},
    ];
    let pipeline = Pipeline::new(map({x.shape}, {rust(x)}), specs).unwrap();
    let step = TrainingStep::new(&pipeline, 0, &map({t.shape}, {rust(t)}), {learning_rate}).unwrap();
    assert_exact([step.loss].iter(), vec![{float(loss.detach())!r}]);
    assert_exact(step.weights.iter().map(|update| &update.new), {rust(wt.detach().numpy())});
    let bias = step.bias.unwrap();
    assert_exact(bias.iter().map(|update| &update.new), {rust(bt.detach().numpy())});
}}""")

header = f'''//! Generated by `tests/pytorch/make_backward_cases.py` from PyTorch {torch.__version__.split("+")[0]} (CPU).
//! Do not edit by hand: rerun the script. Every expected gradient below was computed by PyTorch
//! autograd, not by ConvStep.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

use convstep::engine::backward::{{
    ActivationBackward, ConvBackward, PoolBackward, StageBackward, TrainingStep,
}};
use convstep::engine::{{
    Activation, ActivationLayer, Conv, ConvSpec, FeatureMap, Padding, PaddingMode, Pool,
    Pipeline, PoolKind, Rounding, Sides, StageSpec, Weights, WindowSpec,
}};

fn map(shape: (usize, usize, usize), values: Vec<f32>) -> FeatureMap {{
    FeatureMap::from_shape_vec(shape, values).unwrap()
}}

/// Equal to the bit (up to the sign of zero): sums of products of quarters are exact.
fn assert_exact<'a>(actual: impl Iterator<Item = &'a f32>, expected: Vec<f32>) {{
    let actual: Vec<f32> = actual.copied().collect();
    assert_eq!(actual, expected);
}}

/// Within 4 float32 steps of PyTorch's: division and exp round, in an order that differs.
fn assert_close<'a>(actual: impl Iterator<Item = &'a f32>, expected: Vec<f32>) {{
    let actual: Vec<f32> = actual.copied().collect();
    assert_eq!(actual.len(), expected.len());
    for (index, (a, e)) in actual.iter().zip(&expected).enumerate() {{
        assert!((a - e).abs() <= 4.0 * f32::EPSILON * e.abs().max(1.0), "value {{index}}: {{a}} vs PyTorch's {{e}}");
    }}
}}
'''
with open("tests/pytorch_backward_cases.rs", "w") as f:
    f.write(header + "".join(cases) + "\n")
print(f"wrote {len(cases)} cases")
