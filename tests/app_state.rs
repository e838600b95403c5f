//! The app's state and view models, natively: stepping, invalid settings, edits and highlights.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::example::MapCell;
use convstep::app::plane::{Kind, Marks};
use convstep::app::settings::{Operation, PaddingChoice, SizeField, Values};
use convstep::app::state::{Action, Change, Go, Play, Refusal, State};
use convstep::app::view;
use convstep::engine::{Axis, Cell, EngineError, PaddingMode, Sides};

/// The input map's planes.
fn input_planes(state: &State) -> Vec<view::PlaneView> {
    view::maps(state, view::current_step(state).as_ref()).swap_remove(0)
}

/// The output map's planes (one stage).
fn output_planes(state: &State) -> Vec<view::PlaneView> {
    view::maps(state, view::current_step(state).as_ref()).swap_remove(1)
}

fn apply(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(state, |state, action| state.apply(action))
}

fn output_text(state: &State) -> Vec<Option<f32>> {
    output_planes(state)[0]
        .cells()
        .iter()
        .map(|cell| cell.value)
        .collect()
}

#[test]
fn stepping_forward_and_back_is_exact() {
    let state = State::default();
    assert_eq!(output_text(&state), vec![Some(15.), None, None, None]);
    let forward = apply(
        state.clone(),
        [Action::Go(Go::Forward), Action::Go(Go::Forward)],
    );
    assert_eq!(
        output_text(&forward),
        vec![Some(15.), Some(16.), Some(6.), None]
    );
    let back = forward.apply(Action::Go(Go::Back));
    assert_eq!(
        output_text(&back),
        output_text(&state.apply(Action::Go(Go::Forward)))
    );
    assert_eq!(apply(state.clone(), [Action::Go(Go::End)]).position, 3);
    assert_eq!(
        apply(state.clone(), [Action::Go(Go::Back)]).position,
        0,
        "never before the first step"
    );
    assert_eq!(
        apply(state, [Action::Go(Go::End), Action::Go(Go::Forward)]).position,
        3,
        "never past the last"
    );
}

#[test]
fn playback_stops_at_the_end_and_restarts_from_the_start() {
    let playing = State::default().apply(Action::Play(Play::Toggle));
    assert!(playing.playing);
    let done = apply(
        playing,
        [
            Action::Play(Play::Tick),
            Action::Play(Play::Tick),
            Action::Play(Play::Tick),
        ],
    );
    assert_eq!(done.position, 3);
    assert!(!done.playing);
    let again = done.apply(Action::Play(Play::Toggle));
    assert!(again.playing);
    assert_eq!(again.position, 0);
}

#[test]
fn invalid_settings_keep_the_last_valid_example_and_what_was_typed() {
    let state = State::default().apply(Action::Change(Change::Size(
        SizeField::Kernel,
        Axis::Rows,
        6,
    )));
    assert!(matches!(
        state.error,
        Some(EngineError::KernelLargerThanInput { field: 6, .. })
    ));
    assert_eq!(
        state.settings.kernel_size,
        [6, 3],
        "the control keeps the typed size"
    );
    assert_eq!(
        state.example.settings.kernel_size,
        [3, 3],
        "the grids keep the last valid example"
    );
    let fixed = state.apply(Action::Change(Change::Size(
        SizeField::Input,
        Axis::Rows,
        7,
    )));
    assert_eq!(fixed.error, None);
    assert_eq!(fixed.example.settings.kernel_size, [6, 3]);

    let zero = State::default().apply(Action::Change(Change::Size(
        SizeField::Stride,
        Axis::Columns,
        0,
    )));
    assert_eq!(
        zero.error,
        Some(EngineError::ZeroStride {
            axis: Axis::Columns
        })
    );
    let huge = State::default().apply(Action::Change(Change::Size(
        SizeField::Input,
        Axis::Columns,
        100_000,
    )));
    assert!(matches!(
        huge.error,
        Some(EngineError::TooLarge { value: 100_000, .. })
    ));
}

#[test]
fn shrinking_and_growing_the_input_loses_no_value() {
    let edited = State::default().apply(Action::Change(Change::Value(
        Values::Input,
        [0, 3, 3],
        "9".into(),
    )));
    let round_trip = apply(
        edited.clone(),
        [
            Action::Change(Change::Size(SizeField::Input, Axis::Rows, 0)),
            Action::Change(Change::Size(SizeField::Input, Axis::Rows, 2)),
            Action::Change(Change::Size(SizeField::Input, Axis::Rows, 4)),
        ],
    );
    assert_eq!(
        round_trip.settings.input_view(),
        edited.settings.input_view()
    );
    assert_eq!(round_trip.settings.input_view()[[0, 3, 3]], 9.0);
}

#[test]
fn edits_that_are_not_numbers_or_too_large_are_refused() {
    let state = State::default();
    let refused = state.apply(Action::Change(Change::Value(
        Values::Input,
        [0, 0, 0],
        "abc".into(),
    )));
    assert_eq!(
        refused.refusal,
        Some(Refusal::NotANumber { text: "abc".into() })
    );
    assert_eq!(refused.settings.input_view(), state.settings.input_view());
    let huge = state.apply(Action::Change(Change::Value(
        Values::Kernel,
        [0, 1, 1],
        "1e30".into(),
    )));
    assert!(matches!(
        huge.refusal,
        Some(Refusal::Engine(EngineError::ValueTooLarge { .. }))
    ));
    let accepted = refused.apply(Action::Change(Change::Value(
        Values::Input,
        [0, 0, 0],
        "−1,5".into(),
    )));
    assert_eq!(accepted.refusal, None);
    assert_eq!(accepted.settings.input_view()[[0, 0, 0]], -1.5);
    assert_eq!(
        accepted.example.map(1).unwrap()[[0, 0, 0]],
        15.0 - 2.5 * 2.0
    );
}

#[test]
fn the_padding_ring_and_dilated_taps_are_marked() {
    let padded = State::default().apply(Action::Change(Change::Padding(PaddingChoice::Custom(
        Sides::uniform(1),
    ))));
    let planes = input_planes(&padded);
    let plane = &planes[0];
    assert_eq!((plane.base.rows, plane.base.columns), (6, 6));
    assert_eq!(
        plane
            .cells()
            .iter()
            .filter(|c| c.kind == Kind::Padding)
            .count(),
        20
    );
    assert_eq!(
        plane
            .cells()
            .iter()
            .filter(|c| c.marks.has(Marks::TAP))
            .count(),
        9
    );

    let dilated = apply(
        State::default(),
        [
            Action::Change(Change::Size(SizeField::Input, Axis::Rows, 5)),
            Action::Change(Change::Size(SizeField::Input, Axis::Columns, 5)),
            Action::Change(Change::Size(SizeField::Kernel, Axis::Rows, 2)),
            Action::Change(Change::Size(SizeField::Kernel, Axis::Columns, 2)),
            Action::Change(Change::Size(SizeField::Dilation, Axis::Rows, 2)),
            Action::Change(Change::Size(SizeField::Dilation, Axis::Columns, 2)),
        ],
    );
    let cells = &input_planes(&dilated)[0].cells();
    let taps: Vec<usize> = (0..cells.len())
        .filter(|&i| cells[i].marks.has(Marks::TAP))
        .collect();
    assert_eq!(
        taps,
        vec![0, 2, 10, 12],
        "only the four dilated taps of the first window"
    );
    assert_eq!(
        cells.iter().filter(|c| c.marks.has(Marks::FIELD)).count(),
        9
    );
}

#[test]
fn hovering_marks_windows_and_the_outputs_a_cell_feeds() {
    let over_output = State::default().apply(Action::Hover(Some(MapCell {
        map: 1,
        cell: Cell {
            channel: 0,
            row: 1,
            column: 1,
        },
    })));
    let windows = input_planes(&over_output)[0]
        .cells()
        .iter()
        .filter(|c| c.marks.has(Marks::HOVER_WINDOW))
        .count();
    assert_eq!(windows, 9);
    let over_input = State::default().apply(Action::Hover(Some(MapCell {
        map: 0,
        cell: Cell {
            channel: 0,
            row: 1,
            column: 1,
        },
    })));
    let feeds = output_planes(&over_input)[0]
        .cells()
        .iter()
        .filter(|c| c.marks.has(Marks::FEEDS))
        .count();
    assert_eq!(
        feeds, 4,
        "the centre cell feeds every output of a 4×4 input with a 3×3 kernel"
    );
}

#[test]
fn max_pooling_marks_its_winner() {
    let state = State::default().apply(Action::Change(Change::Operation(Operation::MaxPool)));
    let winners: Vec<_> = input_planes(&state)[0]
        .cells()
        .iter()
        .filter(|c| c.marks.has(Marks::WINNER))
        .map(|c| c.value)
        .collect();
    assert_eq!(
        winners,
        vec![Some(2.0)],
        "the largest of the first window, 2×2 as pooling opens, of the tutorial input: 1 2 / 0 1"
    );
}

#[test]
fn a_tick_that_arrives_after_a_pause_does_not_move_the_view() {
    let paused = apply(
        State::default(),
        [Action::Play(Play::Toggle), Action::Play(Play::Toggle)],
    );
    assert!(!paused.playing);
    let late = paused.apply(Action::Play(Play::Tick));
    assert_eq!(late.position, paused.position);
    assert_eq!(late, paused);
}

#[test]
fn an_impossible_link_keeps_its_operation_and_names_the_reason() {
    use convstep::app::{i18n::Lang, url};
    // A 2-wide window with 2 cells of padding: the first window covers padding only.
    let state = State::from_link(url::read("?op=max-pool&k=2&pad=2"), Lang::En);
    assert_eq!(state.settings.operation, Operation::MaxPool);
    assert!(
        matches!(state.error, Some(EngineError::WindowOnlyPadding { .. })),
        "{:?}",
        state.error
    );
    assert_eq!(
        state.example.settings.operation,
        Operation::MaxPool,
        "the grids show a max pooling, not a convolution"
    );
    let state = State::from_link(url::read("?in=2&k=5"), Lang::En);
    assert_eq!(
        state.settings.input_size,
        [2, 2],
        "the controls keep the link's sizes"
    );
    assert!(matches!(
        state.error,
        Some(EngineError::KernelLargerThanInput { .. })
    ));
}

#[test]
fn a_refused_kernel_edit_names_the_filter_and_channel_counted_from_one() {
    // Filter 2, channel 2, row 2, column 3 of a 2-channel, 2-filter kernel.
    let state = apply(
        State::default(),
        [
            Action::Change(Change::Channels(2)),
            Action::Change(Change::Filters(2)),
        ],
    );
    let plane = 2 + 1; // filter index 1 · 2 channels + channel index 1
    let refused = state.apply(Action::Change(Change::Value(
        Values::Kernel,
        [plane, 1, 2],
        "1e30".into(),
    )));
    let Some(Refusal::Engine(error)) = &refused.refusal else {
        panic!("1e30 is refused: {:?}", refused.refusal);
    };
    let message = error.to_string();
    assert!(
        message.contains("filter 2, channel 2, row 2, column 3"),
        "{message}"
    );
}

mod typed_values {
    //! No sequence of typed values panics the reducer, or anything drawn from its state.
    use super::*;
    use convstep::app::{state::Side, url};
    use proptest::prelude::*;

    /// Numbers around every limit: in range, one past, far past and absurd.
    fn typed_number() -> impl Strategy<Value = usize> {
        prop_oneof![
            0usize..=20,
            Just(5),
            Just(9),
            Just(16),
            Just(17),
            Just(65),
            Just(129),
            Just(1_000),
            Just(usize::MAX),
        ]
    }

    fn typed_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("1e30".to_owned()),
            Just("NaN".to_owned()),
            Just("-2,5".to_owned()),
            Just("".to_owned()),
            "[-9-9.,a−]{0,6}",
        ]
    }

    fn axis() -> impl Strategy<Value = Axis> {
        prop_oneof![Just(Axis::Rows), Just(Axis::Columns)]
    }

    fn change() -> impl Strategy<Value = Change> {
        let field = prop_oneof![
            Just(SizeField::Input),
            Just(SizeField::Kernel),
            Just(SizeField::Stride),
            Just(SizeField::Dilation),
            Just(SizeField::PoolWindow),
            Just(SizeField::PoolStride),
        ];
        let side = prop_oneof![
            Just(Side::Top),
            Just(Side::Left),
            Just(Side::Bottom),
            Just(Side::Right)
        ];
        let values = prop_oneof![Just(Values::Input), Just(Values::Kernel)];
        prop_oneof![
            (field, axis(), typed_number()).prop_map(|(f, a, n)| Change::Size(f, a, n)),
            typed_number().prop_map(Change::Channels),
            typed_number().prop_map(Change::Filters),
            (side, typed_number()).prop_map(|(s, n)| Change::PadSide(s, n)),
            (0usize..Operation::ALL.len()).prop_map(|i| Change::Operation(Operation::ALL[i])),
            (typed_number(), typed_text()).prop_map(|(f, t)| Change::Bias(f, t)),
            typed_text().prop_map(Change::Slope),
            (
                values,
                typed_number(),
                typed_number(),
                typed_number(),
                typed_text()
            )
                .prop_map(|(v, p, r, c, t)| Change::Value(v, [p, r, c], t)),
            any::<bool>().prop_map(Change::CeilMode),
            typed_number().prop_map(Change::Groups),
            Just(Change::Depthwise),
            Just(Change::Pointwise),
            (0usize..PaddingMode::ALL.len()).prop_map(|i| Change::PaddingMode(PaddingMode::ALL[i])),
            (0usize..PaddingChoice::NAMED.len())
                .prop_map(|i| Change::Padding(PaddingChoice::NAMED[i])),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn no_sequence_of_typed_values_panics(changes in prop::collection::vec(change(), 1..8)) {
            let mut state = State::default();
            for change in changes {
                state = state.apply(Action::Change(change));
                state = state.apply(Action::Go(Go::End));
                // Everything the page draws from the state.
                let step = view::current_step(&state);
                let _ = view::maps(&state, step.as_ref());
                let _ = view::kernel_planes(&state);
                let _ = url::write(&state.link(), &[url::Part::Example, url::Part::Place]);
                prop_assert!(state.position <= state.last_step());
            }
        }
    }
}

#[test]
fn settings_where_no_window_fits_give_their_own_formula() {
    use convstep::app::{i18n::Lang, url};
    let state = State::from_link(url::read("?in=2&k=5"), Lang::En);
    let ([rows, columns], pools) = state.settings.size_formulas().expect("5 does not fit in 2");
    assert!(!pools, "a convolution's kernel");
    // floor((2 + 0 + 0 − 5) / 1) + 1 = −2, worked out by hand.
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 5) / 1) + 1 = -2");
    assert_eq!(columns.output, -2);
    // The block: the convolution fits (4 → 2), the 3-wide pooling does not.
    let block = State::from_link(url::read("?op=block&in=4&pk=3"), Lang::En);
    let ([rows, _], pools) = block.settings.size_formulas().expect("3 does not fit in 2");
    assert!(pools, "the block's pooling window");
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 3) / 2) + 1 = 0");
    // Where every window fits, the first windowed stage's own formula.
    let ([rows, _], _) = State::default()
        .settings
        .size_formulas()
        .expect("a convolution");
    assert_eq!(rows.to_string(), "floor((4 + 0 + 0 - 3) / 1) + 1 = 2");
    let relu = State::from_link(url::read("?op=relu"), Lang::En);
    assert_eq!(
        relu.settings.size_formulas(),
        None,
        "an activation has no window"
    );
}

#[test]
fn switching_to_an_operation_the_settings_refuse_never_shows_another_operation() {
    // A 2-wide kernel with padding 2 is a fine convolution, but a max pooling whose first
    // window covers padding only.
    let state = apply(
        State::default(),
        [
            Action::Change(Change::Size(SizeField::Kernel, Axis::Rows, 2)),
            Action::Change(Change::Size(SizeField::Kernel, Axis::Columns, 2)),
            Action::Change(Change::Padding(PaddingChoice::Custom(Sides::uniform(2)))),
        ],
    );
    assert_eq!(state.error, None);
    let pooled = state.apply(Action::Change(Change::Operation(Operation::MaxPool)));
    assert!(matches!(
        pooled.error,
        Some(EngineError::WindowOnlyPadding { .. })
    ));
    assert_eq!(
        pooled.example.settings.operation,
        Operation::MaxPool,
        "the greyed grids show a max pooling, not the convolution before"
    );
    assert!(pooled.position <= pooled.last_step());
}

#[test]
fn a_filter_count_past_the_limit_is_named_as_filters() {
    let state = State::default().apply(Action::Change(Change::Filters(9)));
    let Some(error) = &state.error else {
        panic!("9 filters are refused");
    };
    assert_eq!(
        error.to_string(),
        "The filter count 9 is larger than ConvStep allows (8)."
    );
}

/// The input map's values, row by row.
fn input_values(state: &State) -> Vec<f32> {
    input_planes(state)[0]
        .cells()
        .iter()
        .filter_map(|cell| cell.value)
        .collect()
}

/// The tutorial's 4×4 input.
const TUTORIAL: [f32; 16] = [
    1., 2., 3., 0., 0., 1., 2., 3., 3., 0., 1., 2., 2., 3., 0., 1.,
];

#[test]
fn pooling_opens_at_two_by_two_stride_two_and_convolution_comes_back_to_three_by_three() {
    let convolution = State::default();
    let pooled = convolution.apply(Action::Change(Change::Operation(Operation::MaxPool)));
    assert_eq!(pooled.settings.kernel_size, [2, 2]);
    assert_eq!(pooled.settings.stride, [2, 2]);
    // 4×4 → 2×2: the maxima of 1 2 / 0 1, 3 0 / 2 3, 3 0 / 2 3 and 1 2 / 0 1.
    assert_eq!(pooled.example.map(1).map(|map| map.dim()), Some((1, 2, 2)));
    let averaged = pooled.apply(Action::Change(Change::CycleOperation(true)));
    assert_eq!(averaged.settings.operation, Operation::AveragePool);
    assert_eq!(
        (averaged.settings.kernel_size, averaged.settings.stride),
        ([2, 2], [2, 2])
    );
    let back = pooled.apply(Action::Change(Change::Operation(Operation::Convolution)));
    assert_eq!(
        (back.settings.kernel_size, back.settings.stride),
        ([3, 3], [1, 1])
    );
    assert_eq!(*back.settings, *convolution.settings, "nothing else moved");
}

#[test]
fn sizes_the_learner_typed_stay_when_the_operation_changes() {
    let typed = apply(
        State::default(),
        [
            Action::Change(Change::Size(SizeField::Kernel, Axis::Rows, 2)),
            Action::Change(Change::Size(SizeField::Kernel, Axis::Columns, 2)),
            Action::Change(Change::Operation(Operation::MaxPool)),
        ],
    );
    // The kernel was the learner's; the stride was still the fresh one and follows pooling.
    assert_eq!(typed.settings.kernel_size, [2, 2]);
    assert_eq!(typed.settings.stride, [2, 2]);
    let strided = apply(
        typed,
        [
            Action::Change(Change::Size(SizeField::Stride, Axis::Rows, 1)),
            Action::Change(Change::Size(SizeField::Stride, Axis::Columns, 1)),
            Action::Change(Change::Size(SizeField::Kernel, Axis::Rows, 3)),
            Action::Change(Change::Operation(Operation::Convolution)),
        ],
    );
    assert_eq!(strided.settings.kernel_size, [3, 2], "typed 3, kept 2");
    assert_eq!(strided.settings.stride, [1, 1], "typed, kept");
}

#[test]
fn activations_and_the_block_meet_negative_values() {
    for operation in Operation::ACTIVATIONS {
        let state = State::default().apply(Action::Change(Change::Operation(operation)));
        // The tutorial's input with its 2s made negative.
        let expected: Vec<f32> = TUTORIAL
            .iter()
            .map(|&v| if v == 2.0 { -2.0 } else { v })
            .collect();
        assert_eq!(input_values(&state), expected, "{operation:?}");
        // Back to convolution: the tutorial's own input again.
        let back = state.apply(Action::Change(Change::Operation(Operation::Convolution)));
        assert_eq!(input_values(&back), TUTORIAL);
    }
    let relu = State::default().apply(Action::Change(Change::Operation(Operation::Relu)));
    let relu = relu.apply(Action::Go(Go::End));
    let outputs: Vec<f32> = output_text(&relu).into_iter().flatten().collect();
    assert_eq!(
        outputs,
        [
            1., 0., 3., 0., 0., 1., 0., 3., 3., 0., 1., 0., 0., 3., 0., 1.
        ],
        "ReLU turns each −2 into 0"
    );
    // The block: 6×6, the tutorial's kernel. Its convolution, worked out in NumPy:
    // 7 −4 17 −2 / −2 7 −4 17 / 17 −2 7 −4 / −4 17 −2 7; ReLU, then max-pool 2×2: 7 17 / 17 7.
    let block = State::default().apply(Action::Change(Change::Operation(Operation::Block)));
    let conv: Vec<f32> = block
        .example
        .map(1)
        .expect("a convolution")
        .iter()
        .copied()
        .collect();
    assert_eq!(
        conv,
        [
            7., -4., 17., -2., -2., 7., -4., 17., 17., -2., 7., -4., -4., 17., -2., 7.
        ]
    );
    let pooled: Vec<f32> = block
        .example
        .map(3)
        .expect("a pooling")
        .iter()
        .copied()
        .collect();
    assert_eq!(pooled, [7., 17., 17., 7.]);
}

#[test]
fn an_input_the_learner_changed_stays_when_the_operation_changes() {
    let edited = apply(
        State::default(),
        [
            Action::Change(Change::Value(Values::Input, [0, 0, 0], "5".into())),
            Action::Change(Change::Operation(Operation::Relu)),
        ],
    );
    let mut expected = TUTORIAL;
    expected[0] = 5.0;
    assert_eq!(input_values(&edited), expected);
}

#[test]
fn symmetric_padding_gives_the_tutorials_numbers() {
    use convstep::app::{i18n::Lang, url};
    // The tutorial's code (seed) run in NumPy on its 4×4 input and 3×3 kernel with stride 2:
    // padding int((3 − 1) / 2) = 1 on every side gives [[7, 10], [10, 15]].
    let state = State::from_link(url::read("?in=4&k=3&s=2&pad=symmetric"), Lang::En);
    let state = state.apply(Action::Go(Go::End));
    assert_eq!(
        output_text(&state),
        vec![Some(7.), Some(10.), Some(10.), Some(15.)]
    );
    assert_eq!(
        state.example.first_sides(),
        Some(Sides::uniform(1)),
        "one cell on every side"
    );
    // `same` pads only the bottom and right here, and gives other numbers.
    let same = State::from_link(url::read("?in=4&k=3&s=2&pad=same"), Lang::En);
    assert_eq!(
        same.example.first_sides(),
        Some(Sides {
            top: 0,
            left: 0,
            bottom: 1,
            right: 1
        })
    );
    // An even kernel loses a row and a column at stride 1: (4 − 1) / 2 = 1 on every side of a
    // 4×4 input, so floor((4 + 2 − 4) / 1) + 1 = 3.
    let even = State::from_link(url::read("?in=4&k=4&pad=symmetric"), Lang::En);
    assert_eq!(even.example.map(1).map(|map| map.dim()), Some((1, 3, 3)));
}

mod symmetric_padding {
    //! Symmetric padding is the explicit padding of `d·(k − 1) / 2` cells, rounded down, on
    //! both sides of each axis.
    use super::*;
    use convstep::app::settings::Settings;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn symmetric_equals_the_same_explicit_padding_on_every_side(
            input in [1usize..=12, 1usize..=12],
            kernel in [1usize..=6, 1usize..=6],
            stride in [1usize..=3, 1usize..=3],
            dilation in [1usize..=3, 1usize..=3],
            pool in any::<bool>(),
        ) {
            let settings = |padding| {
                let mut settings = Settings {
                    operation: if pool { Operation::AveragePool } else { Operation::Convolution },
                    input_size: input,
                    kernel_size: kernel,
                    stride,
                    dilation,
                    padding,
                    ..Settings::default()
                };
                settings.randomize(Values::Kernel, convstep::engine::fill::RandomKind::Normal, 3, None);
                settings
            };
            let [p_h, p_w] = [0, 1].map(|axis| dilation[axis] * (kernel[axis] - 1) / 2);
            let explicit = settings(PaddingChoice::Custom(Sides { top: p_h, left: p_w, bottom: p_h, right: p_w }));
            let symmetric = settings(PaddingChoice::Symmetric);
            prop_assert_eq!(symmetric.size_formulas(), explicit.size_formulas());
            match (symmetric.build(), explicit.build()) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a.map(1), b.map(1)),
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "{:?} against {:?}", a.err(), b.err()),
            }
        }
    }
}

/// The default example with padding 1 filled by `mode`.
fn padded(mode: PaddingMode) -> State {
    apply(
        State::default(),
        [
            Action::Change(Change::Padding(PaddingChoice::Custom(Sides::uniform(1)))),
            Action::Change(Change::PaddingMode(mode)),
        ],
    )
}

#[test]
fn a_padding_ring_shows_the_values_it_borrows_and_hovering_one_shows_its_source() {
    // The tutorial's input: rows 1 2 3 0 / 0 1 2 3 / 3 0 1 2 / 2 3 0 1, in a 6×6 padded grid.
    let ring = |mode| -> Vec<(Option<f32>, bool, [usize; 3])> {
        input_planes(&padded(mode))[0]
            .cells()
            .iter()
            .take(6)
            .map(|cell| (cell.value, cell.marks.has(Marks::BORROWED), cell.at))
            .collect()
    };
    // Reflect: row −1 is row 1 (0 1 2 3), and columns −1 and 4 are columns 1 and 2.
    let reflect = ring(PaddingMode::Reflect);
    let values: Vec<Option<f32>> = reflect.iter().map(|cell| cell.0).collect();
    let expected = [1.0, 0.0, 1.0, 2.0, 3.0, 2.0].map(Some);
    assert_eq!(values, expected);
    assert!(
        reflect.iter().all(|cell| cell.1),
        "the whole top row is borrowed"
    );
    assert_eq!(reflect[0].2, [0, 1, 1], "the corner copies row 1, column 1");
    // Replicate: row 0 repeated, its edge cells at the corners.
    let values: Vec<Option<f32>> = ring(PaddingMode::Replicate).iter().map(|c| c.0).collect();
    assert_eq!(values, [1.0, 1.0, 2.0, 3.0, 0.0, 0.0].map(Some));
    // Circular: the last row (2 3 0 1), wrapped at both ends too.
    let values: Vec<Option<f32>> = ring(PaddingMode::Circular).iter().map(|c| c.0).collect();
    assert_eq!(values, [1.0, 2.0, 3.0, 0.0, 1.0, 2.0].map(Some));
    // Zeros borrow nothing.
    let zeros = ring(PaddingMode::Zeros);
    assert!(zeros.iter().all(|cell| cell.0 == Some(0.0) && !cell.1));

    // Hovering the corner (the grid reports the cell it copies) marks row 1, column 1.
    let state = padded(PaddingMode::Reflect).apply(Action::Hover(Some(MapCell {
        map: 0,
        cell: Cell {
            channel: 0,
            row: 1,
            column: 1,
        },
    })));
    let hovered: Vec<usize> = input_planes(&state)[0]
        .cells()
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.marks.has(Marks::HOVERED))
        .map(|(index, _)| index)
        .collect();
    assert_eq!(
        hovered,
        vec![2 * 6 + 2],
        "row 1, column 1 sits at grid row 2, column 2"
    );
}

#[test]
fn reflect_padding_as_wide_as_the_input_is_refused_and_circular_is_not() {
    let wide = |mode| {
        apply(
            padded(mode),
            [Action::Change(Change::Padding(PaddingChoice::Custom(
                Sides::uniform(4),
            )))],
        )
    };
    let reflect = wide(PaddingMode::Reflect);
    assert!(
        matches!(
            reflect.error,
            Some(EngineError::ReflectPaddingTooWide {
                pad: 4,
                input: 4,
                ..
            })
        ),
        "{:?}",
        reflect.error
    );
    assert_eq!(wide(PaddingMode::Circular).error, None);
    assert_eq!(wide(PaddingMode::Replicate).error, None);
}

#[test]
fn depthwise_and_pointwise_presets_and_the_group_of_the_stepped_filter() {
    let four = apply(
        State::default(),
        [
            Action::Change(Change::Channels(4)),
            Action::Change(Change::Depthwise),
        ],
    );
    assert_eq!((four.settings.groups, four.settings.filters), (4, 4));
    assert_eq!(four.error, None);
    // One 3×3 slice per filter.
    assert_eq!(view::kernel_planes(&four).len(), 4);
    // Step into filter 2 (the second output plane): 4 steps per 2×2 plane.
    let filter_two = four.apply(Action::Go(Go::To(4)));
    let dimmed: Vec<bool> = input_planes(&filter_two)
        .iter()
        .map(|plane| plane.outside_group)
        .collect();
    assert_eq!(dimmed, [true, false, true, true]);
    let taps = view::current_step(&filter_two).expect("a step").taps;
    assert!(taps.iter().all(|tap| tap.channel == 1));
    let Some(convstep::engine::Layer::Conv(conv)) = four.example.stage(0) else {
        panic!("a convolution");
    };
    // 4 filters × 1 channel × 9 weights; ordinary: 4 × 4 × 9. Output 2×2.
    assert_eq!(conv.counts().weights, 36);
    assert_eq!(conv.counts().multiply_adds, 144);
    assert_eq!(conv.ungrouped_counts().weights, 144);
    assert_eq!(conv.ungrouped_counts().multiply_adds, 576);

    let pointwise = four.apply(Action::Change(Change::Pointwise));
    assert_eq!(pointwise.settings.kernel_size, [1, 1]);
    assert_eq!(pointwise.settings.groups, 1);
    assert_eq!(view::kernel_planes(&pointwise).len(), 16);
    assert!(
        input_planes(&pointwise)
            .iter()
            .all(|plane| !plane.outside_group)
    );
}

#[test]
fn groups_that_do_not_divide_are_refused_with_the_engines_reason() {
    let state = apply(
        State::default(),
        [
            Action::Change(Change::Channels(3)),
            Action::Change(Change::Filters(2)),
            Action::Change(Change::Groups(3)),
        ],
    );
    assert_eq!(
        state.error,
        Some(EngineError::GroupsDoNotDivide {
            groups: 3,
            channels: 3,
            filters: 2
        })
    );
    let message = convstep::app::i18n::Lang::En.error(state.error.as_ref().expect("refused"));
    assert_eq!(
        message,
        "3 groups cannot split 3 input channels and 2 filters: \
         the number of groups must be at least 1 and divide both."
    );
    let fixed = state.apply(Action::Change(Change::Filters(3)));
    assert_eq!(fixed.error, None);
}
