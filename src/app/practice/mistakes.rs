//! The common mistakes, each worked out by the engine: the example is changed the way the
//! mistake changes it (the kernel flipped, the bias left out, the padding forgotten…) and run
//! again, so a wrong answer that equals the result is named as that mistake.

use super::{
    Answer, Kind, Question, feeds, same_total, set_of, size, solve, value_of_cell, window_of_cell,
};
use crate::app::settings::{Operation, PaddingChoice, Settings};
use crate::engine::{Padding, Rounding, WindowSpec};
use std::collections::BTreeSet;

/// A common mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mistake {
    /// The kernel rotated 180° (true convolution instead of cross-correlation).
    FlippedKernel,
    /// The bias left out.
    NoBias,
    /// One term of the sum left out.
    LeftOutTerm,
    /// One channel's sum (or cells) left out.
    LeftOutChannel,
    /// The padding forgotten.
    NoPadding,
    /// Padding cells counted in an average that leaves them out.
    PaddingCounted,
    /// Padding cells left out of an average that counts them.
    PaddingNotCounted,
    /// The ceiling taken where the floor applies.
    CeilForFloor,
    /// The floor taken where the ceiling applies.
    FloorForCeil,
    /// One off in the size formula (the `+ 1` forgotten, or added twice).
    OffByOne,
    /// The stride taken as the window's width.
    StrideAsWidth,
    /// ReLU applied to the sum before the bias is added.
    ReluBeforeBias,
}

impl Mistake {
    /// Every mistake.
    pub const ALL: [Mistake; 12] = [
        Mistake::FlippedKernel,
        Mistake::NoBias,
        Mistake::LeftOutTerm,
        Mistake::LeftOutChannel,
        Mistake::NoPadding,
        Mistake::PaddingCounted,
        Mistake::PaddingNotCounted,
        Mistake::CeilForFloor,
        Mistake::FloorForCeil,
        Mistake::OffByOne,
        Mistake::StrideAsWidth,
        Mistake::ReluBeforeBias,
    ];

    /// A short stable name, for local storage.
    pub fn id(self) -> &'static str {
        match self {
            Mistake::FlippedKernel => "flip",
            Mistake::NoBias => "bias",
            Mistake::LeftOutTerm => "term",
            Mistake::LeftOutChannel => "channel",
            Mistake::NoPadding => "pad",
            Mistake::PaddingCounted => "counted",
            Mistake::PaddingNotCounted => "uncounted",
            Mistake::CeilForFloor => "ceil",
            Mistake::FloorForCeil => "floor",
            Mistake::OffByOne => "one",
            Mistake::StrideAsWidth => "stride",
            Mistake::ReluBeforeBias => "relu",
        }
    }

    /// The mistake named `id`.
    pub fn from_id(id: &str) -> Option<Mistake> {
        Mistake::ALL.into_iter().find(|mistake| mistake.id() == id)
    }
}

/// The example changed by `change`.
fn variant(settings: &Settings, change: impl FnOnce(&mut Settings)) -> Settings {
    let mut changed = settings.clone();
    change(&mut changed);
    changed
}

/// Each mistake that applies to `question`, with the answer it gives (possibly the right
/// one: [`Question::work_out`] drops those).
pub fn answers(question: &Question) -> Vec<(Mistake, Answer)> {
    let settings = &question.settings;
    let mut found = Vec::new();
    match question.kind {
        Kind::Value => value_mistakes(question, &mut found),
        Kind::Size => size_mistakes(settings, &mut found),
        Kind::Same => same_mistakes(settings, &mut found),
        Kind::Window | Kind::Winner | Kind::Feeds => {
            for (mistake, changed) in window_variants(settings) {
                let answer = match question.kind {
                    Kind::Feeds => feeds(&changed, question.cell),
                    kind => question
                        .output_cell()
                        .and_then(|cell| window_of_cell(&changed, cell, kind == Kind::Winner)),
                };
                found.extend(answer.map(|cells| (mistake, Answer::Cells(cells))));
            }
            if question.kind == Kind::Window {
                channel_left_out(question, &mut found);
            }
        }
    }
    found
}

/// The window forgotten its padding, and the window moved by its width.
fn window_variants(settings: &Settings) -> Vec<(Mistake, Settings)> {
    let mut variants = Vec::new();
    if settings.padding != PaddingChoice::Valid {
        variants.push((
            Mistake::NoPadding,
            variant(settings, |s| s.padding = PaddingChoice::Valid),
        ));
    }
    if settings.stride != settings.kernel_size {
        variants.push((
            Mistake::StrideAsWidth,
            variant(settings, |s| s.stride = s.kernel_size),
        ));
    }
    variants
}

/// The next window's cells with one channel's left out.
fn channel_left_out(question: &Question, found: &mut Vec<(Mistake, Answer)>) {
    let Some(Answer::Cells(window)) = solve(
        Kind::Window,
        &question.settings,
        question.step,
        question.cell,
    ) else {
        return;
    };
    let channels: BTreeSet<usize> = set_of(window.iter().map(|cell| cell.channel));
    if channels.len() < 2 {
        return;
    }
    for channel in channels {
        let rest = window
            .iter()
            .filter(|cell| cell.channel != channel)
            .copied();
        found.push((Mistake::LeftOutChannel, Answer::Cells(set_of(rest))));
    }
}

/// The next output value under each mistake a weighted sum, an average or a maximum invites.
fn value_mistakes(question: &Question, found: &mut Vec<(Mistake, Answer)>) {
    let settings = &question.settings;
    let Some(cell) = question.output_cell() else {
        return;
    };
    let mut push = |mistake, changed: &Settings, plus: f32| {
        if let Some(value) = value_of_cell(changed, cell) {
            found.push((mistake, Answer::Number(value + plus)));
        }
    };
    let operation = settings.operation;
    let weighted = settings.operation.has_weights();
    let bias = settings
        .bias_view()
        .get(cell.channel)
        .copied()
        .unwrap_or(0.0);
    if weighted {
        push(
            Mistake::FlippedKernel,
            &variant(settings, |s| s.flip_kernel = !s.flip_kernel),
            0.0,
        );
        if bias != 0.0 {
            let unbiased = variant(settings, |s| s.bias[cell.channel] = 0.0);
            push(Mistake::NoBias, &unbiased, 0.0);
            if operation == Operation::Block && settings.block_activation == Operation::Relu {
                push(Mistake::ReluBeforeBias, &unbiased, bias);
            }
        }
    }
    if weighted || operation == Operation::AveragePool {
        // One term left out: the cell it reads set to 0, so only that term changes.
        let taps = window_of_cell(settings, cell, false).unwrap_or_default();
        for tap in &taps {
            let changed = variant(settings, |s| {
                s.input[[tap.channel, tap.row, tap.column]] = 0.0;
            });
            push(Mistake::LeftOutTerm, &changed, 0.0);
        }
        let channels: BTreeSet<usize> = set_of(taps.iter().map(|tap| tap.channel));
        if channels.len() > 1 {
            for channel in channels {
                let changed = variant(settings, |s| {
                    s.input.index_axis_mut(ndarray::Axis(0), channel).fill(0.0);
                });
                push(Mistake::LeftOutChannel, &changed, 0.0);
            }
        }
    }
    if operation == Operation::AveragePool {
        let mistake = if settings.count_include_pad {
            Mistake::PaddingNotCounted
        } else {
            Mistake::PaddingCounted
        };
        let changed = variant(settings, |s| s.count_include_pad = !s.count_include_pad);
        push(mistake, &changed, 0.0);
    }
    if !operation.is_activation() {
        for (mistake, changed) in window_variants(settings) {
            push(mistake, &changed, 0.0);
        }
    }
}

/// The output size under each mistake of the size formula.
fn size_mistakes(settings: &Settings, found: &mut Vec<(Mistake, Answer)>) {
    let window = settings.window();
    let input = settings.input_size;
    let mut push = |mistake, window: WindowSpec| {
        if let Some(sides) = size(window, input) {
            found.push((mistake, Answer::Size(sides)));
        }
    };
    if settings.padding != PaddingChoice::Valid {
        push(
            Mistake::NoPadding,
            WindowSpec {
                padding: Padding::Valid,
                ..window
            },
        );
    }
    let (mistake, rounding) = match window.rounding {
        Rounding::Floor => (Mistake::CeilForFloor, Rounding::Ceil),
        Rounding::Ceil => (Mistake::FloorForCeil, Rounding::Floor),
    };
    push(mistake, WindowSpec { rounding, ..window });
    push(
        Mistake::StrideAsWidth,
        WindowSpec {
            stride: window.kernel,
            ..window
        },
    );
    if let Some([rows, columns]) = size(window, input) {
        for shift in [-1i64, 1] {
            let shifted = |side: usize| usize::try_from(side as i64 + shift).ok();
            if let (Some(r), Some(c)) = (shifted(rows), shifted(columns)) {
                found.push((Mistake::OffByOne, Answer::Size([r, c])));
            }
        }
    }
}

/// `same`'s total padding under each mistake: the floor of `in / stride` for the outputs, one
/// off, or the stride taken as the window's width.
fn same_mistakes(settings: &Settings, found: &mut Vec<(Mistake, Answer)>) {
    let [input, _] = settings.input_size;
    let [stride, _] = settings.stride;
    let [kernel, _] = settings.kernel_size;
    let [dilation, _] = settings.dilation;
    let field = dilation * (kernel.max(1) - 1) + 1;
    let outputs = input / stride.max(1);
    if outputs > 0 {
        let needed = ((outputs - 1) * stride + field).saturating_sub(input);
        found.push((Mistake::FloorForCeil, Answer::Number(needed as f32)));
    }
    let wide = variant(settings, |s| s.stride = s.kernel_size);
    if let Some(total) = same_total(&wide) {
        found.push((Mistake::StrideAsWidth, Answer::Number(total)));
    }
    if let Some(total) = same_total(settings) {
        found.push((Mistake::OffByOne, Answer::Number(total + 1.0)));
        if total >= 1.0 {
            found.push((Mistake::OffByOne, Answer::Number(total - 1.0)));
        }
    }
}
