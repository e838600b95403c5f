//! Engine speed: the full forward on VGG16's first layer, and one step, for later speed-ups.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use convstep::engine::{
        Conv, ConvSpec, Padding, Sides, Stepper, Weights, WindowSpec,
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

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
