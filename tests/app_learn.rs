//! Learning mode, natively: its moves, training from the example's kernel, the backward steps
//! in order, and its link parameters.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::i18n::Lang;
use convstep::app::learn::{
    self, LearnMove, Learning, MAX_TRAINED, TargetChoice, Trajectory, back_step, back_steps,
};
use convstep::app::plane::{Kind, Marks};
use convstep::app::shared::Shared;
use convstep::app::state::State;
use convstep::app::{url, view};
use convstep::engine::backward::{Rule, Wrt};
use convstep::engine::presets::KernelPreset;
use std::collections::BTreeSet;

fn settings(query: &str) -> Shared<convstep::app::settings::Settings> {
    Shared(url::read(query).link.settings)
}

#[test]
fn play_runs_to_the_end_and_starts_again_from_there() {
    let open = LearnMove::Open(true).apply(None).unwrap();
    assert_eq!(open, Learning::default());
    let mut learning = Learning { run: 2, ..open };
    learning = LearnMove::Play(true).apply(Some(&learning)).unwrap();
    for expected in [1, 2] {
        learning = LearnMove::Tick.apply(Some(&learning)).unwrap();
        assert_eq!(learning.trained, expected);
    }
    assert!(!learning.playing, "Play stops at the run's end");
    let again = LearnMove::Play(true).apply(Some(&learning)).unwrap();
    assert_eq!((again.trained, again.playing), (0, true));
    assert_eq!(
        LearnMove::Rate(-1.0).apply(Some(&learning)).unwrap().rate,
        learning.rate
    );
    assert_eq!(
        LearnMove::Rate(f32::NAN)
            .apply(Some(&learning))
            .unwrap()
            .rate,
        learning.rate
    );
    assert_eq!(
        LearnMove::Trained(10_000)
            .apply(Some(&learning))
            .unwrap()
            .trained,
        MAX_TRAINED
    );
    assert_eq!(LearnMove::Open(false).apply(Some(&learning)), None);
    assert_eq!(LearnMove::Tick.apply(None), None, "closed stays closed");
}

#[test]
fn a_convolution_learns_the_identity_kernel_and_a_large_rate_diverges() {
    // Random integers as the input: the identity kernel's output is the input's middle.
    let settings = settings("?in=8&seed=4");
    let target =
        learn::target(&settings, TargetChoice::Preset(KernelPreset::Identity), &[]).unwrap();
    let trajectory = Trajectory::new(&settings, &target, 0.005, 100);
    let losses = trajectory.losses(&target);
    assert_eq!(losses.len(), 101);
    assert!(
        losses[0] > 100.0,
        "a random kernel starts far away: {}",
        losses[0]
    );
    assert!(
        losses[100] < losses[0] * 1e-3,
        "{} → {}",
        losses[0],
        losses[100]
    );
    assert!(!learn::diverges(&losses, 100));
    let learned = &trajectory.settings[100].kernel;
    assert!((learned[[0, 0, 1, 1]] - 1.0).abs() < 0.05, "{learned:?}");
    assert!(learned[[0, 0, 0, 0]].abs() < 0.05);

    let too_fast = Trajectory::new(&settings, &target, 0.5, 20);
    let losses = too_fast.losses(&target);
    assert!(learn::diverges(&losses, losses.len() - 1));
}

#[test]
fn one_training_step_takes_the_gradient_times_the_rate() {
    let settings = settings("?in=5&seed=9");
    let target = learn::target(&settings, TargetChoice::Zeros, &[]).unwrap();
    assert!(target.iter().all(|&value| value == 0.0));
    let trajectory = Trajectory::new(&settings, &target, 0.25, 1);
    let step = &trajectory.steps[0];
    let backward = learn::backward(&settings, &target).unwrap();
    let stages = 1;
    for (index, update) in step.weights.iter().enumerate() {
        let gradient = back_step(&backward, stages, index).unwrap().step.value;
        assert_eq!(update.change, -(0.25 * gradient));
        assert_eq!(update.new, update.old + update.change);
    }
    assert_eq!(
        trajectory.settings[1].kernel[[0, 0, 2, 2]],
        step.weights[[0, 0, 2, 2]].new
    );
}

#[test]
fn the_block_steps_back_from_the_pooling_to_the_convolution() {
    let settings = settings("?op=block");
    let target = learn::target(&settings, TargetChoice::Zeros, &[]).unwrap();
    let backward = learn::backward(&settings, &target).unwrap();
    // 6×6 input, 3×3 kernel → 4×4, ReLU, 2×2 pooling → 2×2.
    assert_eq!(back_steps(&backward, 3), 16 + 16 + 9 + 1 + 36);
    let first = back_step(&backward, 3, 0).unwrap();
    assert_eq!((first.stage, first.step.rule), (2, Rule::MaxRoute));
    let weight = back_step(&backward, 3, 32).unwrap();
    assert_eq!(weight.stage, 0);
    assert!(matches!(
        weight.step.wrt,
        Wrt::Weight { kernel: [0, 0], .. }
    ));
    assert_eq!(weight.step.terms.len(), 16, "a weight meets every window");
    assert_eq!(
        back_step(&backward, 3, 41).unwrap().step.rule,
        Rule::ConvBias
    );
    assert_eq!(
        back_step(&backward, 3, 42).unwrap().step.rule,
        Rule::ConvInput
    );
    assert!(back_step(&backward, 3, 78).is_none());
}

#[test]
fn a_link_holds_the_target_the_rate_and_the_steps_trained() {
    let reading = url::read("?op=conv&learn=sobel-y&lr=0.125&trained=20");
    assert!(
        reading.notice.refused.is_empty(),
        "{:?}",
        reading.notice.refused
    );
    let learning = reading.link.learn.clone().unwrap();
    assert_eq!(
        (learning.target, learning.rate, learning.trained),
        (TargetChoice::Preset(KernelPreset::SobelY), 0.125, 20)
    );
    let written = url::write(&reading.link, &[url::Part::Example, url::Part::Place]);
    assert!(
        written.contains("learn=sobel-y")
            && written.contains("lr=0.125")
            && written.contains("trained=20"),
        "{written}"
    );
    let refused = url::read("?learn=nothing&lr=0&trained=501").notice.refused;
    assert_eq!(refused, ["learn", "lr", "trained"]);
    assert_eq!(url::read("?op=conv").link.learn, None);
}

/// The `[row, column]` of every real cell of `plane` carrying `mark`.
fn marked(plane: &view::PlaneView, mark: Marks) -> BTreeSet<[usize; 2]> {
    let cells = plane.cells();
    let real = cells.iter().filter(|cell| cell.kind == Kind::Value);
    real.filter(|cell| cell.marks.has(mark))
        .map(|cell| [cell.at[1], cell.at[2]])
        .collect()
}

#[test]
fn a_backward_step_highlights_the_windows_of_its_weight_and_the_gradients_it_gathers() {
    let mut state = State::from_link(url::read("?op=block&learn=zeros"), Lang::En);
    state.position = learn::stage_end(&state.example.pipeline, 0);
    assert_eq!(
        state.focus(),
        (0, 15),
        "the convolution's output is complete"
    );
    let target = learn::target(&state.example.settings, TargetChoice::Zeros, &[]).unwrap();
    let backward = learn::backward(&state.example.settings, &target).unwrap();
    let highlights = |index: usize| {
        let back = back_step(&backward, 3, index).unwrap();
        let mut maps = view::maps(&state, None);
        let mut kernel = view::kernel_planes(&state);
        view::mark_back(&state, &mut maps, &mut kernel, &back);
        (maps, kernel)
    };
    // Weight [1, 2] of the 3×3 kernel meets input cell [i + 1, j + 2] in the window of output
    // cell [i, j], for i, j in 0..4.
    let (maps, kernel) = highlights(32 + 5);
    let windows: BTreeSet<[usize; 2]> = (0..4)
        .flat_map(|i| (0..4).map(move |j| [i + 1, j + 2]))
        .collect();
    assert_eq!(marked(&maps[0][0], Marks::TAP), windows);
    assert_eq!(
        marked(&maps[1][0], Marks::FEEDS).len(),
        16,
        "every output gradient"
    );
    let kernel_marks: Vec<_> = kernel[0].cells().iter().map(|cell| cell.marks).collect();
    let current: Vec<usize> = (0..9)
        .filter(|&at| kernel_marks[at].has(Marks::CURRENT))
        .collect();
    assert_eq!(current, [5], "the weight itself, and no forward window");
    assert!(!kernel_marks.iter().any(|marks| marks.has(Marks::TAP)));
    // Input cell [1, 1] gathers the gradients of outputs [0..=1, 0..=1], whose windows cover it.
    let (maps, _) = highlights(42 + 7);
    assert_eq!(
        marked(&maps[0][0], Marks::CURRENT),
        BTreeSet::from([[1, 1]])
    );
    assert_eq!(
        marked(&maps[1][0], Marks::FEEDS),
        BTreeSet::from([[0, 0], [0, 1], [1, 0], [1, 1]])
    );
    assert!(marked(&maps[0][0], Marks::TAP).is_empty());
}

#[test]
fn a_target_typed_over_the_chosen_one_is_kept_in_the_link_and_dropped_with_a_new_choice() {
    let settings = settings("?op=conv&in=4&k=3");
    let zeros = Learning {
        target: TargetChoice::Zeros,
        ..Learning::default()
    };
    let typed =
        [(3, 2.5), (0, -1.0), (3, 4.0)]
            .into_iter()
            .fold(zeros, |learning, (index, value)| {
                LearnMove::Edit(index, value)
                    .apply(Some(&learning))
                    .unwrap()
            });
    assert_eq!(
        typed.edits,
        [(0, -1.0), (3, 4.0)],
        "in index order, the last typed kept"
    );
    // A 4×4 input and a 3×3 kernel give a 2×2 output; index 9 is beyond it.
    let mut beyond = typed.edits.clone();
    beyond.push((9, 7.0));
    let target = learn::target(&settings, TargetChoice::Zeros, &beyond).unwrap();
    assert_eq!(
        target.iter().copied().collect::<Vec<_>>(),
        [-1.0, 0.0, 0.0, 4.0]
    );
    let chosen = LearnMove::Target(TargetChoice::Preset(KernelPreset::SobelX));
    assert!(chosen.apply(Some(&typed)).unwrap().edits.is_empty());

    let mut link = url::read("?op=conv&in=4&k=3&learn=zeros").link;
    link.learn = Some(typed.clone());
    let written = url::write(&link, &[url::Part::Example, url::Part::Place]);
    assert!(written.contains("te=0"), "{written}");
    assert_eq!(url::read(&format!("?{written}")).link.learn, Some(typed));
    let refused = url::read("?learn=zeros&te=0:x");
    assert!(refused.link.learn.unwrap().edits.is_empty());
    assert_eq!(
        refused.notice.refused,
        ["te"],
        "a value that is not a number is named"
    );
}

/// The Learn button opens at a rate no step overshoots: on the tutorial's whole numbers the
/// default 0.03 makes the loss grow, the opening rate makes it fall at every step, for each
/// operation that trains; on small values (a picture's) the default stays.
#[test]
fn the_learn_button_opens_at_a_rate_whose_steps_never_overshoot() {
    for query in [
        "?",
        "?op=block",
        "?in=6&ch=3&f=2&k=3&pad=same",
        "?op=block&s=2",
    ] {
        let state = State::from_link(url::read(query), Lang::En)
            .apply(convstep::app::state::Action::Learn(LearnMove::Open(true)));
        let learning = state.learn.clone().expect("open");
        let settings = state.example.settings.clone();
        let target = learn::target(&settings, learning.target, &[]).unwrap();
        let rate = learning.rate;
        assert!(
            rate > 0.0 && rate <= Learning::default().rate,
            "{query}: {rate}"
        );
        let losses = Trajectory::new(&settings, &target, rate, 40).losses(&target);
        assert!(
            losses
                .windows(2)
                .all(|pair| pair[1] <= pair[0] * (1.0 + 1e-5)),
            "{query} at {rate}: {losses:?}"
        );
        if query == "?" {
            let default = Learning::default().rate;
            let grows = Trajectory::new(&settings, &target, default, 40).losses(&target);
            assert!(
                learn::diverges(&grows, 40),
                "the default overshoots here: {grows:?}"
            );
        }
    }
    let small = settings("?x=0.1,0.2,0.05,0,0.3,0.1,0,0.2,0.1,0,0.05,0.1,0.2,0.1,0,0.3");
    let example = convstep::app::example::Example::build(&small).unwrap();
    assert_eq!(
        learn::opening_rate(&example.pipeline),
        Learning::default().rate
    );
}
