//! Links, natively: what a link reads as, what the notices name, and the round trip.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::learn::{Learning, MAX_TRAINED, TargetChoice};
use convstep::app::lesson::{LessonPlace, LessonSource, MAX_CHAPTERS};
use convstep::app::picture::{ChosenPicture, Picture, SAMPLES};
use convstep::app::presentation::{Panel, Presentation};
use convstep::app::settings::{Limit, Operation, PaddingChoice, Settings};
use convstep::app::state::{Action, Change, SampleRequest, State};
use convstep::app::url::{self, Link, Part};
use convstep::engine::{EngineError, PaddingMode, Sides, Stepper};
use proptest::prelude::*;
use std::rc::Rc;

const ALL_PARTS: [Part; 3] = [Part::Example, Part::Place, Part::Presentation];

#[test]
fn a_link_opens_the_same_view() {
    let reading = url::read("?in=7x5&k=3&s=2&pad=same&x=&step=6&theme=projector&lang=zh");
    assert_eq!(
        reading.notice.refused,
        vec!["x".to_owned()],
        "x has no values"
    );
    let link = reading.link;
    assert_eq!(link.settings.input_size, [7, 5]);
    assert_eq!(link.settings.stride, [2, 2]);
    assert_eq!(link.settings.padding, PaddingChoice::Same);
    assert_eq!(link.step, 5);
    assert_eq!(link.lang, Some(Lang::Zh));
    assert!(link.presentation.projector);
}

#[test]
fn bad_parameters_fall_back_and_are_named() {
    let reading = url::read(
        "?op=<script>&in=99999x2&k=abc&s=0&pad=1,2,3&x=1,NaN&step=-1&evil=1&lang=fr&seed=x",
    );
    let defaults = Settings::default();
    assert_eq!(reading.link.settings.operation, defaults.operation);
    assert_eq!(reading.link.settings.input_size, defaults.input_size);
    for key in [
        "op", "in", "k", "s", "pad", "x", "step", "evil", "lang", "seed",
    ] {
        assert!(
            reading.notice.refused.iter().any(|r| r == key),
            "{key}: {:?}",
            reading.notice.refused
        );
    }
}

#[test]
fn values_must_match_the_sizes() {
    assert_eq!(
        url::read("in=2x2&x=1,2,3").notice.refused,
        vec!["x".to_owned()]
    );
    let reading = url::read("in=2x2&x=1,2,3,4");
    assert!(reading.notice.refused.is_empty());
    assert_eq!(
        reading
            .link
            .settings
            .input_view()
            .into_raw_vec_and_offset()
            .0,
        vec![1., 2., 3., 4.]
    );
}

#[test]
fn padding_past_64_comes_back_from_a_link() {
    let state = State::from_link(url::read("in=4&pad=100,0,0,0"), Lang::En);
    let query = url::write(&state.link(), &ALL_PARTS);
    let reading = url::read(&query);
    assert!(
        reading.notice.refused.is_empty(),
        "{query}: {:?}",
        reading.notice.refused
    );
    assert_eq!(
        reading.link.settings.padding,
        PaddingChoice::Custom(Sides {
            top: 100,
            left: 0,
            bottom: 0,
            right: 0
        })
    );
    let past = *Limit::Padding.range().end() + 1;
    assert_eq!(
        url::read(&format!("pad={past}")).notice.refused,
        vec!["pad".to_owned()]
    );
}

#[test]
fn a_notice_never_names_an_empty_parameter() {
    let reading = url::read("?&&&=&=5&op&");
    assert_eq!(reading.notice.refused, vec!["op".to_owned()]);
    assert!(reading.notice.repeated.is_empty());
}

#[test]
fn a_repeated_parameter_uses_its_first_value_and_is_named() {
    let reading = url::read("k=2&k=4&s=1");
    assert_eq!(reading.link.settings.kernel_size, [2, 2]);
    assert_eq!(reading.notice.repeated, vec!["k".to_owned()]);
    assert!(reading.notice.refused.is_empty());
}

#[test]
fn the_block_keeps_ceil_mode_and_include_pad() {
    let reading = url::read("op=block&pool=avg&ceil=1&incpad=0&in=5");
    assert!(reading.notice.refused.is_empty());
    let state = State::from_link(reading, Lang::En);
    assert_eq!(state.error, None);
    let query = url::write(&state.link(), &[Part::Example]);
    assert!(query.contains("ceil=1"), "{query}");
    assert!(query.contains("incpad=0"), "{query}");
    // 4×4 → 3×3 after the 3×3 convolution; ceil((3 − 2) / 2) + 1 = 2 pooled outputs per axis.
    let pooled = state.example.map(3).expect("the block has three stages");
    assert_eq!(pooled.dim(), (1, 2, 2));
}

#[test]
fn a_link_without_sizes_opens_pooling_at_two_by_two_stride_two() {
    for op in ["max-pool", "avg-pool"] {
        let settings = url::read(&format!("?op={op}")).link.settings;
        assert_eq!(settings.kernel_size, [2, 2], "{op}");
        assert_eq!(settings.stride, [2, 2], "{op}");
    }
    // What the link names wins, and a stride of 1 is written, since it is not pooling's default.
    let reading = url::read("?op=max-pool&k=3&s=1");
    assert_eq!(reading.link.settings.kernel_size, [3, 3]);
    assert_eq!(reading.link.settings.stride, [1, 1]);
    let query = url::write(&reading.link, &[Part::Example]);
    assert!(query.contains("s=1"), "{query}");
    assert_eq!(url::read(&query).link.settings.stride, [1, 1]);
    // Convolution keeps the tutorial's 3×3, stride 1.
    let settings = url::read("?op=conv").link.settings;
    assert_eq!((settings.kernel_size, settings.stride), ([3, 3], [1, 1]));
}

#[test]
fn a_link_to_an_activation_without_values_opens_on_negative_values() {
    for op in ["relu", "leaky-relu", "sigmoid", "tanh"] {
        let input = url::read(&format!("?op={op}")).link.settings.input_view();
        assert!(input.iter().any(|&v| v < 0.0), "{op}: {input:?}");
    }
    // Values the link gives are used as given.
    let given = url::read("?op=relu&in=2&x=1,2,3,4")
        .link
        .settings
        .input_view();
    assert_eq!(given.iter().copied().collect::<Vec<_>>(), [1., 2., 3., 4.]);
    // The block's convolution meets negative values before its activation.
    let state = State::from_link(url::read("?op=block"), Lang::En);
    let convolved = state.example.map(1).expect("the block convolves");
    assert!(convolved.iter().any(|&v| v < 0.0), "{convolved:?}");
    assert!(convolved.iter().any(|&v| v > 0.0), "{convolved:?}");
    // The plain convolution keeps the tutorial's 4×4, all of it 0 or more.
    let tutorial = url::read("").link.settings.input_view();
    assert!(tutorial.iter().all(|&v| v >= 0.0));
}

#[test]
fn padding_modes_and_groups_have_links() {
    let reading = url::read("?in=4&k=3&pad=1&padmode=reflect");
    assert!(reading.notice.refused.is_empty());
    let settings = &reading.link.settings;
    assert_eq!(settings.padding_mode, PaddingMode::Reflect);
    // The top-left window reads row 1 for row −1 and column 1 for column −1 (reflect):
    // rows [1 0 1], [2 1 2], [1 0 1] against the kernel [2 0 1], [0 1 2], [1 0 2]
    // = 3 + 5 + 3 = 11, where zero padding gives 7.
    let pipeline = settings
        .build()
        .expect("reflect padding 1 fits a 4×4 input");
    let output = pipeline.stages()[0].forward();
    assert_eq!(output.dim(), (1, 4, 4));
    assert_eq!(output[[0, 0, 0]], 11.0);
    for (text, mode) in [
        ("zeros", PaddingMode::Zeros),
        ("replicate", PaddingMode::Replicate),
        ("circular", PaddingMode::Circular),
    ] {
        let reading = url::read(&format!("pad=1&padmode={text}"));
        assert_eq!(reading.link.settings.padding_mode, mode);
    }
    assert_eq!(
        url::read("padmode=mirror").notice.refused,
        vec!["padmode".to_owned()]
    );
    // Zeros and one group are what a link leaves out.
    let plain = url::write(&url::read("pad=1").link, &[Part::Example]);
    assert!(
        !plain.contains("padmode") && !plain.contains("g="),
        "{plain}"
    );

    let depthwise = url::read("?in=5&ch=4&f=4&g=4");
    assert!(depthwise.notice.refused.is_empty());
    let settings = &depthwise.link.settings;
    assert_eq!(settings.groups, 4);
    assert_eq!(settings.kernel_view().dim(), (4, 1, 3, 3));
    let written = url::write(&depthwise.link, &[Part::Example]);
    assert!(written.contains("&g=4&"), "{written}");
    // The kernel's values a link carries are one slice per filter: 4 × 1 × 3 × 3 numbers.
    let nines = vec!["1"; 36].join(",");
    let reading = url::read(&format!("ch=4&f=4&g=4&w={nines}"));
    assert!(reading.notice.refused.is_empty());
    assert_eq!(url::read("g=5").notice.refused, vec!["g".to_owned()]);
    assert!(matches!(
        url::read("ch=3&g=2").link.settings.build(),
        Err(EngineError::GroupsDoNotDivide {
            groups: 2,
            channels: 3,
            filters: 1
        })
    ));
}

#[test]
fn a_transposed_convolution_link_keeps_its_output_padding_and_view() {
    use convstep::engine::Stepper;
    let fresh = url::read("?op=conv-transpose").link;
    assert_eq!(fresh.settings.input_size, [2, 2]);
    assert_eq!(fresh.settings.stride, [2, 2]);
    let grown = fresh.settings.build().expect("the fresh example builds");
    // (2 − 1)·2 − 0 − 0 + 1·(3 − 1) + 0 + 1 = 5: the map grows.
    assert_eq!(grown.stages()[0].output_shape(), [1, 5, 5]);
    assert!(!fresh.settings.scatter);

    let query = "?op=conv-transpose&in=3x2&s=2x3&outpad=1x2&view=scatter&pad=1,0,0,1";
    let reading = url::read(query);
    assert!(reading.notice.refused.is_empty(), "{:?}", reading.notice);
    let settings = &reading.link.settings;
    assert_eq!(settings.output_padding, [1, 2]);
    assert!(settings.scatter);
    let pipeline = settings.build().expect("builds");
    // Rows (3 − 1)·2 − 1 − 0 + 2 + 1 + 1 = 7; columns (2 − 1)·3 − 0 − 1 + 2 + 2 + 1 = 7.
    assert_eq!(pipeline.stages()[0].output_shape(), [1, 7, 7]);
    let written = url::write(&reading.link, &[Part::Example]);
    assert!(written.contains("outpad=1x2"), "{written}");
    assert!(written.contains("view=scatter"), "{written}");
    // Output padding must stay below the stride (or the dilation), as PyTorch requires.
    let refused = url::read("?op=conv-transpose&outpad=2")
        .link
        .settings
        .build();
    assert!(
        matches!(
            refused,
            Err(convstep::engine::EngineError::OutputPaddingTooLarge { .. })
        ),
        "{refused:?}"
    );
}

#[test]
fn symmetric_padding_has_a_link() {
    let reading = url::read("?in=4&k=3&s=2&pad=symmetric");
    assert!(reading.notice.refused.is_empty());
    assert_eq!(reading.link.settings.padding, PaddingChoice::Symmetric);
    let query = url::write(&reading.link, &[Part::Example]);
    assert!(query.contains("pad=symmetric"), "{query}");
}

#[test]
fn a_link_names_a_sample_picture_for_the_browser_to_load() {
    let state = State::from_link(url::read("?pic=house"), Lang::En);
    assert_eq!(
        state.sample_request(),
        Some(SampleRequest {
            id: "house",
            path: "samples/house.png",
            size: 16,
            colour: false
        }),
        "the picture panel's default size, in grey"
    );
    // While it loads, a link to the view still names it.
    let query = url::write(&state.link(), &[Part::Example]);
    assert!(query.contains("pic=house"), "{query}");
    // The link's square input size and 3 channels choose the picture's size and colour.
    let colour = State::from_link(url::read("?pic=digit&in=32&ch=3"), Lang::En);
    let request = colour.sample_request().expect("a sample to load");
    assert_eq!((request.size, request.colour), (32, true));
    // An unknown sample is refused and named.
    let unknown = url::read("?pic=cat");
    assert_eq!(unknown.notice.refused, vec!["pic".to_owned()]);
    assert_eq!(unknown.link.sample, None);

    // The browser sends the decoded sample back: it is the input, and the link names it.
    let picture = ChosenPicture {
        step: Picture {
            channels: 1,
            rows: 2,
            columns: 2,
            values: vec![0.25, 0.5, 0.75, 1.0],
        },
        full: ndarray::Array3::from_elem((1, 4, 4), 0.5),
    };
    let loaded = state.apply(Action::Change(Change::Picture(
        Some("house"),
        picture.clone(),
    )));
    assert_eq!(loaded.sample_request(), None, "loaded once");
    assert_eq!(loaded.settings.input_size, [2, 2]);
    let query = url::write(&loaded.link(), &[Part::Example]);
    assert!(query.contains("pic=house"), "{query}");
    // Once the learner edits the input, it is no longer the sample.
    let edited = loaded.apply(Action::Change(Change::Value(
        convstep::app::settings::Values::Input,
        [0, 0, 0],
        "7".into(),
    )));
    assert_eq!(edited.link().sample, None);
    // A picture of their own is no sample.
    let own = loaded.apply(Action::Change(Change::Picture(None, picture)));
    assert_eq!(own.link().sample, None);
}

/// Settings within every limit, drawn from the parameters a link carries.
fn settings() -> impl Strategy<Value = Settings> {
    let pair = |limit: Limit| {
        let range = limit.range();
        (range.clone(), range).prop_map(|(rows, columns)| [rows, columns])
    };
    let padding = prop_oneof![
        Just(PaddingChoice::Valid),
        Just(PaddingChoice::Same),
        Just(PaddingChoice::SameLower),
        Just(PaddingChoice::Symmetric),
        Just(PaddingChoice::Full),
        prop::array::uniform4(Limit::Padding.range()).prop_map(|[top, left, bottom, right]| {
            PaddingChoice::Custom(Sides {
                top,
                left,
                bottom,
                right,
            })
        }),
    ];
    let operation = (0..Operation::ALL.len()).prop_map(|index| Operation::ALL[index]);
    let activation = (0..Operation::ACTIVATIONS.len()).prop_map(|i| Operation::ACTIVATIONS[i]);
    let shape = (
        operation,
        pair(Limit::InputSide),
        Limit::Channels.range(),
        Limit::Filters.range(),
        pair(Limit::KernelSide),
        pair(Limit::Stride),
        pair(Limit::Dilation),
        padding,
    );
    let options = (
        any::<[bool; 3]>(),
        -1000.0f32..1000.0,
        activation,
        any::<bool>(),
        pair(Limit::KernelSide),
        pair(Limit::Stride),
        any::<u64>(),
        prop::collection::vec(-1.0e6f32..1.0e6, 8),
        (0..PaddingMode::ALL.len(), Limit::Groups.range()),
    );
    let transposed = (prop::array::uniform2(0usize..3), any::<bool>());
    (shape, options, transposed).prop_map(
        |(
            (operation, input_size, channels, filters, kernel_size, stride, dilation, padding),
            (
                [ceil, incpad, flip],
                slope,
                activation,
                average,
                pool_size,
                pool_stride,
                seed,
                bias,
                (mode, groups),
            ),
            (output_padding, scatter),
        )| {
            let mut settings = Settings {
                operation,
                input_size,
                channels,
                filters,
                kernel_size,
                stride,
                dilation,
                padding,
                padding_mode: PaddingMode::ALL[mode],
                groups,
                ceil_mode: ceil,
                count_include_pad: incpad,
                flip_kernel: flip,
                slope,
                block_activation: activation,
                block_pool: if average {
                    Operation::AveragePool
                } else {
                    Operation::MaxPool
                },
                pool_size,
                pool_stride,
                output_padding,
                scatter,
                ..Settings::default()
            };
            let kind = convstep::engine::fill::RandomKind::SmallIntegers { range: 9 };
            settings.randomize(convstep::app::settings::Values::Input, kind, seed, None);
            settings.randomize(convstep::app::settings::Values::Kernel, kind, seed, None);
            settings.bias = bias;
            settings
        },
    )
}

fn presentation() -> impl Strategy<Value = Presentation> {
    let panels = || prop::collection::vec(0..Panel::ALL.len(), 0..4);
    (any::<bool>(), any::<bool>(), panels(), panels()).prop_map(
        |(projector, embed, hidden, asked)| {
            let mut presentation = Presentation {
                projector,
                embed,
                ..Presentation::default()
            };
            for index in hidden {
                presentation.set_hidden(Panel::ALL[index], true);
            }
            let asked: Vec<Panel> = asked.into_iter().map(|index| Panel::ALL[index]).collect();
            presentation.asked = Panel::in_screen_order(&asked);
            presentation
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any settings within the limits, written to a link and read back, describe the same
    /// example (the engine builds the same layers, or refuses both with the same reason),
    /// with nothing refused.
    #[test]
    fn a_link_round_trips(
        settings in settings(),
        step in 0usize..10_000,
        zh in any::<bool>(),
        presentation in presentation(),
        lesson in proptest::option::of((any::<bool>(), 0usize..MAX_CHAPTERS)),
        sample in prop::option::of(prop::sample::select(SAMPLES.map(|(id, _)| id).to_vec())),
        learn in prop::option::of((
            0usize..10,
            1u32..=100_000,
            0usize..=MAX_TRAINED,
            prop::collection::btree_map(0usize..50, -400i32..400, 0..4),
        )),
    ) {
        // A link holds the target and the cells typed over it, the learning rate and the steps
        // trained; the rest starts afresh.
        let learn = learn.map(|(target, thousandths, trained, edits)| Learning {
            target: TargetChoice::all().nth(target).unwrap_or(TargetChoice::Zeros),
            edits: edits.into_iter().map(|(index, quarters)| (index, quarters as f32 / 4.0)).collect(),
            rate: thousandths as f32 / 1000.0,
            trained,
            ..Learning::default()
        });
        let lesson = lesson.map(|(built_in, chapter)| LessonPlace {
            source: if built_in { LessonSource::BuiltIn } else { LessonSource::File("week-3/strides.md".into()) },
            chapter,
            // A link written from a view holds its example, so the figure is not opened again.
            open_figure: false,
        });
        let link = Link {
            settings: Rc::new(settings),
            step,
            lang: Some(if zh { Lang::Zh } else { Lang::En }),
            presentation,
            lesson,
            sample,
            learn,
            practice: None,
        };
        let query = url::write(&link, &ALL_PARTS);
        let reading = url::read(&query);
        prop_assert!(reading.notice.refused.is_empty(), "{}: {:?}", query, reading.notice.refused);
        prop_assert!(reading.notice.repeated.is_empty());
        let back = &reading.link;
        prop_assert_eq!(back.step, link.step);
        prop_assert_eq!(back.lang, link.lang);
        prop_assert_eq!(back.sample, link.sample);
        prop_assert_eq!(&back.presentation, &link.presentation);
        prop_assert_eq!(&back.lesson, &link.lesson);
        prop_assert_eq!(&back.learn, &link.learn);
        prop_assert_eq!(back.settings.operation, link.settings.operation);
        prop_assert_eq!(back.settings.input_view(), link.settings.input_view());
        prop_assert_eq!(back.settings.build(), link.settings.build());
        if link.settings.operation == Operation::ConvTranspose {
            prop_assert_eq!(back.settings.scatter, link.settings.scatter);
        }
        prop_assert_eq!(url::write(back, &ALL_PARTS), query, "writing again gives the same link");
    }

    /// Reading any text at all never panics, and names at most a short list of parameters.
    #[test]
    fn reading_any_string_never_panics(query in ".{0,200}") {
        let reading = url::read(&query);
        prop_assert!(reading.notice.refused.len() <= 20 + url::PARAMETERS.len());
        let _ = State::from_link(reading, Lang::En);
    }

    /// Reading text made of link-like pieces never panics either.
    #[test]
    fn reading_link_like_text_never_panics(
        pieces in prop::collection::vec(
            (prop::sample::select(vec!["op", "in", "k", "s", "d", "pad", "x", "w", "b", "seed", "step", "hide", "", "ch", "f"]),
             "[-0-9x,.%a-z=]{0,12}"),
            0..12,
        )
    ) {
        let query = pieces
            .iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect::<Vec<_>>()
            .join("&");
        let _ = State::from_link(url::read(&query), Lang::En);
    }
}

#[test]
fn a_chapters_own_link_opens_its_figure_and_a_view_of_it_does_not() {
    let own = url::read("lesson=tutorial&chapter=3");
    assert!(own.notice.refused.is_empty());
    let place = own.link.lesson.expect("a lesson");
    assert_eq!(
        (place.source, place.chapter, place.open_figure),
        (LessonSource::BuiltIn, 2, true)
    );
    let explored = url::read("lesson=week3.md&chapter=2&in=6x6&step=4")
        .link
        .lesson
        .expect("a lesson");
    assert_eq!(explored.source, LessonSource::File("week3.md".into()));
    assert!(!explored.open_figure);
    // Named, never loaded: another host, a chapter without a lesson, chapter 0 or past the limit.
    for (query, refused) in [
        ("lesson=https://example.org/a.md", "lesson"),
        ("chapter=2", "chapter"),
        ("lesson=tutorial&chapter=0", "chapter"),
        ("lesson=tutorial&chapter=61", "chapter"),
    ] {
        let reading = url::read(query);
        assert_eq!(reading.notice.refused, [refused], "{query}");
    }
    assert_eq!(
        url::read("lesson=tutorial&chapter=61")
            .link
            .lesson
            .map(|p| p.chapter),
        Some(0)
    );
}

#[test]
fn a_refused_value_is_kept_with_its_range_and_the_value_used_instead() {
    use convstep::app::url::RefusedValue;
    let reading = url::read("k=0&s=abc&op=spin&zoom=2");
    assert_eq!(reading.notice.refused, ["op", "k", "s", "zoom"]);
    let value = |key: &str| {
        reading
            .notice
            .values
            .iter()
            .find(|value| value.key == key)
            .cloned()
    };
    assert_eq!(
        value("k"),
        Some(RefusedValue {
            key: "k",
            given: "0".into(),
            accepted: Some("1–15".into()),
            used: Some("3".into()),
        })
    );
    let stride = value("s").expect("stride");
    assert_eq!(
        (stride.given.as_str(), stride.accepted.as_deref()),
        ("abc", Some("1–16"))
    );
    assert_eq!(value("op").map(|value| value.accepted), Some(None));
    // An unknown parameter has no value to keep.
    assert_eq!(value("zoom"), None);
}
