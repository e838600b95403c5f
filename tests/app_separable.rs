//! The block's first stage in the app, natively: the depthwise-separable pair (its values, its
//! counts beside the ordinary convolution's, its link and its pointwise weights) and a block that
//! continues after a transposed convolution.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::separable::separable_counts;
use convstep::app::settings::Operation;
use convstep::app::state::{Action, Change, State};
use convstep::app::url::{self, Part};
use convstep::engine::{Cell, ConvCounts};
use ndarray::Array3;

fn open(query: &str) -> State {
    State::from_link(url::read(query), Lang::En)
}

/// Map `map` of the example as channels of rows.
fn map(state: &State, map: usize) -> Array3<f32> {
    state
        .example
        .map(map)
        .unwrap()
        .as_standard_layout()
        .into_owned()
}

/// Two channels of 3×3, each with its own 2×2 filter, then three 1×1 filters with biases.
const SEPARABLE: &str = "?op=block&first=separable&in=3x3&ch=2&f=3&k=2\
    &x=1,2,3,4,5,6,7,8,9,1,0,-1,2,0,-2,3,0,-3&w=1,0,0,1,0,1,1,0&pw=1,1,2,-1,0,3&b=0.5,0,-1";

#[test]
fn the_separable_block_steps_depthwise_then_pointwise_then_activation_and_pooling() {
    let state = open(SEPARABLE);
    assert!(state.error.is_none(), "{:?}", state.error);
    // Depthwise: channel 0 adds the cell and the one below right, channel 1 the cell right and
    // the one below.
    let depthwise = map(&state, 1);
    assert_eq!(depthwise.shape(), [2, 2, 2]);
    let want_depthwise = [[[6., 8.], [12., 14.]], [[2., -1.], [3., -2.]]];
    for ((c, r, col), &value) in depthwise.indexed_iter() {
        assert_eq!(
            value, want_depthwise[c][r][col],
            "depthwise ({c}, {r}, {col})"
        );
    }
    // Pointwise: each filter mixes the two depthwise channels, plus its bias.
    let pointwise = map(&state, 2);
    assert_eq!(pointwise.shape(), [3, 2, 2]);
    let weights = [[1., 1.], [2., -1.], [0., 3.]];
    let bias = [0.5, 0., -1.];
    for ((f, r, col), &value) in pointwise.indexed_iter() {
        let want = weights[f][0] * want_depthwise[0][r][col]
            + weights[f][1] * want_depthwise[1][r][col]
            + bias[f];
        assert_eq!(value, want, "pointwise ({f}, {r}, {col})");
    }
    // ReLU then 2×2 max pooling: the largest of each filter's four, at least 0.
    let pooled: Vec<f32> = map(&state, 4).iter().copied().collect();
    assert_eq!(pooled, [15.5, 30., 8.]);
    // 2 channels × 4 cells, 3 filters × 4, 12 activations, 3 pooling windows.
    assert_eq!(state.example.steps(), 8 + 12 + 12 + 3);
    assert_eq!(
        Lang::En.stage_of(1, 4, &state.example.settings),
        "Stage 2 of 4: Pointwise 1×1"
    );
}

#[test]
fn the_pair_counts_sit_beside_the_ordinary_convolution_of_the_same_shape() {
    let state = open(SEPARABLE);
    let [pair, ordinary] =
        separable_counts(&state.example.settings, &state.example.pipeline).unwrap();
    // Depthwise: 2 filters of 2×2, no bias, over 2×2 outputs; pointwise: 3 × 2 weights and 3
    // biases over the same 2×2.
    let (depthwise_weights, pointwise_weights, cells) = (2 * 2 * 2, 3 * 2, 2 * 2);
    assert_eq!(
        pair,
        ConvCounts {
            weights: depthwise_weights + pointwise_weights,
            biases: 3,
            multiply_adds: (depthwise_weights + pointwise_weights) * cells,
        }
    );
    // Ordinary: 3 filters of 2 channels × 2×2.
    assert_eq!(
        ordinary,
        ConvCounts {
            weights: 3 * 2 * 2 * 2,
            biases: 3,
            multiply_adds: 3 * 2 * 2 * 2 * cells,
        }
    );
    let plain = open("?op=block&in=3x3&ch=2&f=3&k=2");
    assert_eq!(
        separable_counts(&plain.example.settings, &plain.example.pipeline),
        None
    );
}

#[test]
fn the_preset_opens_the_separable_block_and_its_link_keeps_every_weight() {
    let state = open("").apply(Action::Change(Change::Separable));
    let settings = &state.example.settings;
    assert_eq!(settings.operation, Operation::Block);
    assert!(settings.separable());
    assert_eq!([settings.channels, settings.filters], [3, 4]);
    assert!(state.error.is_none(), "{:?}", state.error);
    // The fresh block's 6×6 input, a 3×3 depthwise kernel: 3 channels → 4 filters over 4×4.
    let [pair, ordinary] = separable_counts(settings, &state.example.pipeline).unwrap();
    assert_eq!(pair.weights, 3 * 9 + 4 * 3);
    assert_eq!(ordinary.weights, 4 * 3 * 9);
    assert_eq!(ordinary.multiply_adds, 4 * 3 * 9 * 16);

    // A typed pointwise weight changes the pointwise stage, and a link carries it.
    let edited = open(SEPARABLE).apply(Action::Change(Change::PointwiseWeight(
        [2, 1],
        "−2".to_owned(),
    )));
    let third: Vec<f32> = map(&edited, 2).iter().skip(8).copied().collect();
    assert_eq!(third, [-5., 1., -7., 3.]);
    let query = url::write(&edited.link(), &[Part::Example]);
    assert!(query.contains("first=separable"), "{query}");
    assert!(query.contains("pw=1,1,2,-1,0,-2"), "{query}");
    let again = open(&query);
    assert_eq!(map(&again, 2), map(&edited, 2));
}

#[test]
fn a_block_continues_after_a_transposed_convolution() {
    let x = [[1., -2.], [3., 4.]];
    let w = [[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]];
    let state = open(
        "?op=block&first=conv-transpose&in=2x2&k=3&s=2&x=1,-2,3,4&w=1,2,3,4,5,6,7,8,9&b=-20\
         &act=relu&pool=max&pk=2&ps=2",
    );
    assert!(state.error.is_none(), "{:?}", state.error);
    // Scatter by hand: each input cell paints the kernel times its value, 2 cells apart.
    let mut want = [[-20.0f32; 5]; 5];
    for (i, row) in x.iter().enumerate() {
        for (j, &value) in row.iter().enumerate() {
            for (a, kernel_row) in w.iter().enumerate() {
                for (b, &weight) in kernel_row.iter().enumerate() {
                    want[2 * i + a][2 * j + b] += value * weight;
                }
            }
        }
    }
    let transposed = map(&state, 1);
    assert_eq!(transposed.shape(), [1, 5, 5]);
    for ((_, r, c), &value) in transposed.indexed_iter() {
        assert_eq!(value, want[r][c], "({r}, {c})");
    }
    let relu = map(&state, 2);
    for ((_, r, c), &value) in relu.indexed_iter() {
        assert_eq!(value, want[r][c].max(0.0), "relu ({r}, {c})");
    }
    let pooled = map(&state, 3);
    assert_eq!(pooled.shape(), [1, 2, 2]);
    for ((_, r, c), &value) in pooled.indexed_iter() {
        let window = (0..2).flat_map(|a| (0..2).map(move |b| (2 * r + a, 2 * c + b)));
        let most = window.map(|(y, x)| want[y][x].max(0.0)).fold(0.0, f32::max);
        assert_eq!(value, most, "pooled ({r}, {c})");
    }
    assert_eq!(state.example.steps(), 25 + 25 + 4);
    // The pooled cell at (1, 1) reads transposed rows and columns 2–3, which the input's cells
    // at rows and columns 0–1 all paint; (0, 0) reads rows and columns 0–1: only input (0, 0).
    let pipeline = &state.example.pipeline;
    let cell = |row, column| Cell {
        channel: 0,
        row,
        column,
    };
    let field = pipeline.receptive_field(2, cell(0, 0)).unwrap();
    assert_eq!(field[0].iter().copied().collect::<Vec<_>>(), [cell(0, 0)]);
    let field = pipeline.receptive_field(2, cell(1, 1)).unwrap();
    assert_eq!(field[0].len(), 4);
    // The scatter view is the transposed convolution's alone: the block steps by output cell.
    let scatter = open(
        "?op=block&first=conv-transpose&in=2x2&k=3&s=2&x=1,-2,3,4&w=1,2,3,4,5,6,7,8,9&view=scatter",
    );
    assert_eq!(scatter.example.steps(), 25 + 25 + 4);
}
