//! Median full-forward times of VGG16's first two layers, printed as JSON for
//! `tests/bench/onnx_anchor.py`, which times onnxruntime on the same shapes and prints the ratio.
//! Run with `cargo bench --bench forward_timing`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use convstep::engine::{
        Conv, ConvSpec, Padding, Sides, Stepper, Weights, WindowSpec,
        fill::{RandomKind, random},
    };
    use std::hint::black_box;
    use std::time::Instant;

    let layers = [
        ("conv1_1", 3usize, 64usize, 15usize),
        ("conv1_2", 64, 64, 7),
    ];
    let mut results = Vec::new();
    for (name, in_channels, filters, runs) in layers {
        let input = random((in_channels, 224, 224), RandomKind::Normal, 1);
        let weights: Weights = random((filters, in_channels, 3, 3), RandomKind::Normal, 2);
        let bias = random(filters, RandomKind::Normal, 3).to_vec();
        let spec = ConvSpec {
            window: WindowSpec {
                padding: Padding::Explicit(Sides::uniform(1)),
                ..WindowSpec::default()
            },
            ..ConvSpec::default()
        };
        let Ok(conv) = Conv::new(input, weights, Some(bias), spec) else {
            eprintln!("{name}: not a valid convolution");
            continue;
        };
        black_box(conv.forward());
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(conv.forward());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        results.push(format!("\"{name}\": {:.3}", times[times.len() / 2]));
    }
    println!("{{{}}}", results.join(", "));
}

/// Timing runs natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
