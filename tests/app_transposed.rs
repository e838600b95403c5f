//! Transposed convolution in the app, natively: the gather view's grid, the scatter view's
//! steps and output, and where each view's step sits in the NumPy program.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::code::{Style, program};
use convstep::app::i18n::Lang;
use convstep::app::plane::{Kind, Marks};
use convstep::app::state::{Action, Change, Go, State};
use convstep::app::{url, view};

fn open(query: &str) -> State {
    State::from_link(url::read(query), Lang::En)
}

/// The values of map `map`'s first plane, `None` where a cell shows nothing.
fn shown(state: &State, map: usize) -> Vec<Option<f32>> {
    let maps = view::maps(state, view::current_step(state).as_ref());
    maps[map][0].cells().iter().map(|cell| cell.value).collect()
}

#[test]
fn the_gather_view_draws_inserted_zeros_and_padding_around_the_input() {
    // A 2×3 input, stride (3, 2), kernel 2×2, one cell cropped at the top: the grid is the
    // output (rows (2 − 1)·3 − 1 + 2 = 4, columns (3 − 1)·2 + 2 = 6) plus the kernel less one.
    let state = open("?op=conv-transpose&in=2x3&k=2&s=3x2&pad=1,0,0,0&x=1,2,3,4,5,6");
    let maps = view::maps(&state, view::current_step(&state).as_ref());
    let input = &maps[0][0];
    assert_eq!([input.base.rows, input.base.columns], [5, 7]);
    let kinds: Vec<String> = input
        .cells()
        .chunks(7)
        .map(|row| {
            row.iter()
                .map(|cell| match cell.kind {
                    Kind::Value => 'x',
                    Kind::Inserted => 'i',
                    Kind::Padding => 'p',
                    _ => '?',
                })
                .collect()
        })
        .collect();
    // Padding before: 1·(2 − 1) − 1 = 0 rows and 1 column; the input's rows 3 apart, its
    // columns 2 apart; padding after: 1 row, 1 column.
    assert_eq!(
        kinds,
        ["pxixixp", "piiiiip", "piiiiip", "pxixixp", "ppppppp"]
    );
    let values: Vec<f32> = input
        .cells()
        .iter()
        .filter(|cell| cell.kind == Kind::Value)
        .map(|cell| cell.value.unwrap())
        .collect();
    assert_eq!(values, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
}

#[test]
fn both_views_end_with_the_same_output_and_scatter_fills_it_in_input_order() {
    let query = "?op=conv-transpose&in=2x2&k=3&s=2&x=1,-2,3,4&w=1,2,3,4,5,6,7,8,9&b=0.5";
    let gather = open(query).apply(Action::Go(Go::End));
    let scatter = open(&format!("{query}&view=scatter"));
    assert_eq!(scatter.example.steps(), 4, "one step per input cell");
    assert_eq!(gather.example.steps(), 25, "one step per output cell");
    // After the first input cell (value 1) only its 3×3 window holds values: 1·w + 0.5; the
    // rest waits.
    let first = shown(&scatter, 1);
    for row in 0..5 {
        for column in 0..5 {
            let want = (row < 3 && column < 3).then(|| (row * 3 + column + 1) as f32 + 0.5);
            assert_eq!(first[row * 5 + column], want, "({row}, {column})");
        }
    }
    let maps = view::maps(&scatter, None);
    let painted = maps[1][0]
        .cells()
        .iter()
        .filter(|c| c.marks.has(Marks::TAP))
        .count();
    assert_eq!(painted, 9);
    assert!(maps[0][0].cells()[0].marks.has(Marks::CURRENT));

    let last = scatter.apply(Action::Go(Go::End));
    assert_eq!(shown(&last, 1), shown(&gather, 1));
    // Output (2, 2) gathers w[2][2]·1 + w[2][0]·(−2) + w[0][2]·3 + w[0][0]·4 + 0.5.
    assert_eq!(
        shown(&gather, 1)[2 * 5 + 2],
        Some(9.0 - 14.0 + 9.0 + 4.0 + 0.5)
    );

    // Switching back to the gather view keeps the example and its output.
    let back = last.apply(Action::Change(Change::Scatter(false)));
    assert_eq!(back.example.steps(), 25);
    let back = back.apply(Action::Go(Go::End));
    assert_eq!(shown(&back, 1), shown(&gather, 1));
}

#[test]
fn the_numpy_program_names_the_scattered_input_cell_or_the_gathered_output_cell() {
    let query = "?op=conv-transpose&in=2x3";
    let scatter = open(&format!("{query}&view=scatter")).apply(Action::Go(Go::To(4)));
    let numpy = program(&scatter.example, Style::NumPy);
    let at = numpy.at_step(&scatter.example, scatter.position).unwrap();
    assert_eq!(at.variables, vec![("c", 0), ("i", 1), ("j", 1)]);
    assert_eq!(
        numpy.lines[at.line].trim(),
        "part[f, oh, ow] += x[c, i, j] * w[f, c, kh, kw]"
    );
    let gather = open(query).apply(Action::Go(Go::To(8)));
    let at = numpy.at_step(&gather.example, gather.position).unwrap();
    // Output 5×7: step 8 is row 1, column 1.
    assert_eq!(at.variables, vec![("f", 0), ("oh", 1), ("ow", 1)]);
}

#[test]
fn groups_split_a_transposed_convolution_and_dim_the_channels_outside_the_filters_group() {
    use convstep::engine::{Layer, Stepper};
    // Two channels, four filters in two groups, 1×1 kernels: filters 1 and 2 scale channel 1,
    // filters 3 and 4 channel 2, each by its own weight (the link gives them filter by filter).
    let state =
        open("?op=conv-transpose&in=2x2&ch=2&f=4&g=2&k=1&s=1&x=1,2,3,4,10,20,30,40&w=1,2,3,4");
    assert!(state.error.is_none(), "{:?}", state.error);
    let output = state.example.map(1).unwrap();
    assert_eq!(output.dim(), (4, 2, 2));
    let x = [[1., 2., 3., 4.], [10., 20., 30., 40.]];
    for (f, weight) in [1., 2., 3., 4.].into_iter().enumerate() {
        let want: Vec<f32> = x[f / 2].iter().map(|v| v * weight).collect();
        let got: Vec<f32> = output
            .slice(ndarray::s![f, .., ..])
            .iter()
            .copied()
            .collect();
        assert_eq!(got, want, "filter {f}");
    }
    // Filter 1 (step 0) reads channel 1: channel 2 is dimmed; filter 3 (step 8) the other way.
    let dimmed = |state: &State| -> Vec<bool> {
        let maps = view::maps(state, view::current_step(state).as_ref());
        maps[0].iter().map(|plane| plane.outside_group).collect()
    };
    assert_eq!(dimmed(&state), [false, true]);
    assert_eq!(dimmed(&state.apply(Action::Go(Go::To(8)))), [true, false]);
    // One kernel slice per filter, named by the channel it meets.
    let Some(Layer::ConvTranspose(transposed)) = state.example.stage(0) else {
        panic!("a transposed convolution");
    };
    assert_eq!(transposed.weights_by_filter().dim(), (4, 1, 1, 1));
    // The grids draw the kernel as the learner typed it, filter by filter.
    let drawn: Vec<f32> = transposed.weights_by_filter().iter().copied().collect();
    assert_eq!(drawn, [1., 2., 3., 4.]);
    // With wider kernels and two channels per group the round trip holds too: 4 channels,
    // 2 filters, 2 groups, 2×1 kernels.
    let wide = open("?op=conv-transpose&in=2x2&ch=4&f=2&g=2&k=2x1&w=1,2,3,4,5,6,7,8");
    let Some(Layer::ConvTranspose(wide_layer)) = wide.example.stage(0) else {
        panic!("a transposed convolution");
    };
    assert_eq!(
        wide_layer.weights_by_filter(),
        wide.example.settings.kernel_view()
    );
    // Filter 2 meets channels 3 and 4: channel 3's weights are 5, 6 in the engine's layout.
    assert_eq!(wide_layer.weights()[[2, 0, 0, 0]], 5.0);
    assert_eq!(wide_layer.weights()[[2, 0, 1, 0]], 6.0);
    let names = view::kernel_names(transposed.groups(), Lang::En);
    assert_eq!(names.len(), 4);
    assert!(
        names[2].contains('3') && names[2].contains('2'),
        "{names:?}"
    );
    assert_eq!(transposed.output_shape(), [4, 2, 2]);
    // Groups that do not divide the filters are refused, and the message says so.
    let refused = open("?op=conv-transpose&ch=2&f=3&g=2");
    let message = Lang::En.error(refused.error.as_ref().expect("refused"));
    assert!(message.contains("divide both"), "{message}");
}
