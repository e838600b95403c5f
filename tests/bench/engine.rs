//! Engine speed: the full forward on VGG16's first layer, and one step, for later speed-ups;
//! a depthwise convolution (MobileNet's shape) and a transposed convolution (a decoder's 2×
//! upsampling), each with one step of each view.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use convstep::engine::{
        Conv, ConvSpec, ConvTranspose, ConvTransposeSpec, Padding, Sides, Stepper,
        TransposedPadding, Weights, WindowSpec,
        fill::{RandomKind, random},
    };
    use criterion::{Criterion, criterion_group};
    use std::hint::black_box;

    /// VGG16 conv1_1: a 3×224×224 image, 64 filters of 3×3, padding 1.
    fn vgg16_conv1_1() -> Conv {
        let input = random((3, 224, 224), RandomKind::Normal, 1);
        let weights: Weights = random((64, 3, 3, 3), RandomKind::Normal, 2);
        let bias = random(64, RandomKind::Normal, 3).to_vec();
        let spec = ConvSpec {
            window: WindowSpec {
                padding: Padding::Explicit(Sides::uniform(1)),
                ..WindowSpec::default()
            },
            ..ConvSpec::default()
        };
        Conv::new(input, weights, Some(bias), spec).expect("VGG16 conv1_1 is a valid convolution")
    }

    /// A MobileNet depthwise layer: 32 channels of 112×112, 3×3, padding 1, groups 32.
    fn depthwise() -> Conv {
        let input = random((32, 112, 112), RandomKind::Normal, 4);
        let weights: Weights = random((32, 1, 3, 3), RandomKind::Normal, 5);
        let spec = ConvSpec {
            window: WindowSpec {
                padding: Padding::Explicit(Sides::uniform(1)),
                ..WindowSpec::default()
            },
            groups: 32,
            ..ConvSpec::default()
        };
        Conv::new(input, weights, None, spec).expect("a valid depthwise convolution")
    }

    /// A decoder's upsampling: 16 channels of 28×28 to 8 of 56×56, kernel 4, stride 2, padding 1.
    fn upsampling() -> ConvTranspose {
        let input = random((16, 28, 28), RandomKind::Normal, 6);
        let weights: Weights = random((16, 8, 4, 4), RandomKind::Normal, 7);
        let bias = random(8, RandomKind::Normal, 8).to_vec();
        let spec = ConvTransposeSpec {
            stride: [2, 2],
            padding: TransposedPadding::Explicit(Sides::uniform(1)),
            ..ConvTransposeSpec::default()
        };
        ConvTranspose::new(input, weights, Some(bias), spec)
            .expect("a valid transposed convolution")
    }

    fn bench_layers(c: &mut Criterion) {
        let conv = depthwise();
        let mut group = c.benchmark_group("depthwise_32x112x112");
        group.sample_size(20);
        group.bench_function("full_forward", |b| b.iter(|| black_box(conv.forward())));
        let middle = conv.step_count() / 2;
        group.bench_function("one_step", |b| {
            b.iter(|| black_box(conv.step(black_box(middle))))
        });
        group.finish();
        let transposed = upsampling();
        let mut group = c.benchmark_group("transposed_16x28x28_to_8x56x56");
        group.sample_size(20);
        group.bench_function("full_forward", |b| {
            b.iter(|| black_box(transposed.forward()))
        });
        let middle = transposed.step_count() / 2;
        group.bench_function("one_gather_step", |b| {
            b.iter(|| black_box(transposed.step(black_box(middle))))
        });
        let middle = transposed.scatter_step_count() / 2;
        group.bench_function("one_scatter_step", |b| {
            b.iter(|| black_box(transposed.scatter_step(black_box(middle))))
        });
        group.finish();
    }

    fn bench(c: &mut Criterion) {
        let conv = vgg16_conv1_1();
        let mut group = c.benchmark_group("vgg16_conv1_1");
        group.sample_size(20);
        group.bench_function("full_forward", |b| b.iter(|| black_box(conv.forward())));
        let middle = conv.step_count() / 2;
        group.bench_function("one_step", |b| {
            b.iter(|| black_box(conv.step(black_box(middle))))
        });
        group.finish();
    }

    criterion_group!(benches, bench, bench_layers);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
