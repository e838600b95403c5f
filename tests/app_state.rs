//! The app's state and view models, natively: stepping, invalid settings, edits and highlights.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::example::MapCell;
use convstep::app::plane::{Kind, Marks};
use convstep::app::settings::{Operation, PaddingChoice, SizeField, Values};
use convstep::app::state::{Action, Change, Go, Play, Refusal, State};
use convstep::app::view;
use convstep::engine::{Axis, Cell, EngineError, Sides};

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
        vec![Some(3.0)],
        "the largest of the first 3×3 window of the tutorial input"
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
    let [rows, columns] = state.settings.size_formulas().expect("5 does not fit in 2");
    // floor((2 + 0 + 0 − 5) / 1) + 1 = −2, worked out by hand.
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 5) / 1) + 1 = -2");
    assert_eq!(columns.output, -2);
    // The block: the convolution fits (4 → 2), the 3-wide pooling does not.
    let block = State::from_link(url::read("?op=block&pk=3"), Lang::En);
    let [rows, _] = block.settings.size_formulas().expect("3 does not fit in 2");
    assert_eq!(rows.to_string(), "floor((2 + 0 + 0 - 3) / 2) + 1 = 0");
    // Where every window fits, the first windowed stage's own formula.
    let [rows, _] = State::default()
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
