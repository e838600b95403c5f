//! Practice mode: a question about an example, asked before its step is shown, answered by
//! value against the engine, with a wrong answer matched to the common mistakes (`mistakes`).
//!
//! `answer` reads what the learner types, `set` makes an exercise set from a link, and
//! `session` follows the learner through it.

pub mod answer;
pub mod mistakes;
pub mod session;
pub mod set;

use super::settings::{Operation, Settings};
use crate::engine::{
    Arithmetic, Cell, Layer, Padding, Pipeline, Stepper, Tap, WindowSpec,
    stepper::{cell_of_step, step_of_cell},
};
use mistakes::Mistake;
use std::collections::BTreeSet;

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The value of the next output cell.
    Value,
    /// The output size, rows × columns, before stepping starts.
    Size,
    /// The input cells the next window reads, in every channel.
    Window,
    /// The cell that wins the next max-pooling window.
    Winner,
    /// The output cells a given input cell feeds.
    Feeds,
    /// The total padding `same` adds along the rows.
    Same,
}

impl Kind {
    /// Every kind, in the order a link names them.
    pub const ALL: [Kind; 6] = [
        Kind::Value,
        Kind::Size,
        Kind::Window,
        Kind::Winner,
        Kind::Feeds,
        Kind::Same,
    ];

    /// Its name in links.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Value => "value",
            Kind::Size => "size",
            Kind::Window => "window",
            Kind::Winner => "winner",
            Kind::Feeds => "feeds",
            Kind::Same => "same",
        }
    }

    /// The kind named `id` in a link.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// Whether the answer is cells clicked on a grid (else it is typed).
    pub fn clicks(self) -> bool {
        matches!(self, Kind::Window | Kind::Winner | Kind::Feeds)
    }
}

/// An answer: typed, or cells clicked.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A value.
    Number(f32),
    /// Rows × columns.
    Size([usize; 2]),
    /// Cells of a map (a max-pooling winner is one cell).
    Cells(BTreeSet<Cell>),
}

/// One question of a set: an example and what is asked about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What is asked.
    pub kind: Kind,
    /// The example it is asked about.
    pub settings: Settings,
    /// The step asked about (the next output cell, the next window); 0 when the question is
    /// about the whole map.
    pub step: usize,
    /// For [`Kind::Feeds`], the input cell.
    pub cell: Cell,
}

/// A question worked out by the engine: the right answer, the tolerance it is checked with, and
/// the answers each common mistake gives (none of them the right one).
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    /// The right answer.
    pub solution: Answer,
    /// How far a typed value may be from the right one: 0 when it is a whole number.
    pub tolerance: f32,
    /// Each mistake that gives another answer, with that answer, in the order they are named.
    pub mistakes: Vec<(Mistake, Answer)>,
}

/// The learner's answer judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Right.
    Right,
    /// Wrong, with the mistake it matches, if one.
    Wrong(Option<Mistake>),
}

/// The tolerance of a typed value that is not a whole number: two decimals.
pub const TOLERANCE: f32 = 0.01;

impl Question {
    /// The step shown while the question is asked: the one before the step asked about, or
    /// the first.
    pub fn shown_step(&self) -> usize {
        self.step.saturating_sub(1)
    }

    /// The engine's answer and the mistakes' answers, or `None` when the example does not
    /// build (a set never makes one).
    pub fn work_out(&self) -> Option<Worked> {
        let solution = solve(self.kind, &self.settings, self.step, self.cell)?;
        let tolerance = match solution {
            Answer::Number(value) if value.fract() != 0.0 => TOLERANCE,
            _ => 0.0,
        };
        let mut mistakes: Vec<(Mistake, Answer)> = Vec::new();
        for (mistake, answer) in mistakes::answers(self) {
            let new = !agrees(&answer, &solution, tolerance)
                && !mistakes.iter().any(|(_, seen)| agrees(&answer, seen, 0.0));
            if new {
                mistakes.push((mistake, answer));
            }
        }
        Some(Worked {
            solution,
            tolerance,
            mistakes,
        })
    }

    /// The output cell the question's step writes.
    pub fn output_cell(&self) -> Option<Cell> {
        let pipeline = self.settings.build().ok()?;
        let stage = pipeline.stages().first()?;
        cell_of_step(self.step, stage.output_shape()).ok()
    }
}

impl Worked {
    /// Judges an answer.
    pub fn judge(&self, answer: &Answer) -> Verdict {
        if agrees(answer, &self.solution, self.tolerance) {
            return Verdict::Right;
        }
        Verdict::Wrong(
            self.mistakes
                .iter()
                .find(|(_, wrong)| agrees(answer, wrong, self.tolerance))
                .map(|&(mistake, _)| mistake),
        )
    }
}

/// Whether two answers agree, values within `tolerance`.
pub fn agrees(answer: &Answer, other: &Answer, tolerance: f32) -> bool {
    match (answer, other) {
        (Answer::Number(a), Answer::Number(b)) => {
            (a - b).abs() <= tolerance + f32::EPSILON * b.abs().max(1.0)
        }
        (a, b) => a == b,
    }
}

/// The right answer to a question of `kind` on `settings` (see [`Question`]).
pub(crate) fn solve(kind: Kind, settings: &Settings, step: usize, cell: Cell) -> Option<Answer> {
    match kind {
        Kind::Size => size(settings.window(), settings.input_size).map(Answer::Size),
        Kind::Same => same_total(settings).map(Answer::Number),
        Kind::Value => {
            let pipeline = settings.build().ok()?;
            let output = cell_of_step(step, first(&pipeline)?.output_shape()).ok()?;
            value_of_cell(settings, output).map(Answer::Number)
        }
        Kind::Window | Kind::Winner => {
            let pipeline = settings.build().ok()?;
            let output = cell_of_step(step, first(&pipeline)?.output_shape()).ok()?;
            window_of_cell(settings, output, kind == Kind::Winner).map(Answer::Cells)
        }
        Kind::Feeds => feeds(settings, cell).map(Answer::Cells),
    }
}

/// The first stage.
fn first(pipeline: &Pipeline) -> Option<&Layer> {
    pipeline.stages().first()
}

/// The output size `[rows, columns]` of `window` over `input`, if at least one window fits.
pub(crate) fn size(window: WindowSpec, input: [usize; 2]) -> Option<[usize; 2]> {
    let [rows, columns] = window.output_size_formulas(input).ok()?;
    let fits = |output: i64| usize::try_from(output).ok().filter(|&size| size > 0);
    Some([fits(rows.output)?, fits(columns.output)?])
}

/// The total padding `same` adds along the rows.
pub(crate) fn same_total(settings: &Settings) -> Option<f32> {
    let window = WindowSpec {
        padding: Padding::Same,
        ..settings.window()
    };
    let [rows, _] = window.output_size_formulas(settings.input_size).ok()?;
    Some((rows.pad_begin + rows.pad_end) as f32)
}

/// The value of output cell `cell` of the first stage; for the block, after its activation.
pub(crate) fn value_of_cell(settings: &Settings, cell: Cell) -> Option<f32> {
    let pipeline = settings.build().ok()?;
    let map = if settings.operation == Operation::Block {
        2
    } else {
        1
    };
    let values = pipeline.map(map)?;
    values.get([cell.channel, cell.row, cell.column]).copied()
}

/// The input cells the window of output cell `cell` reads, or only its max-pooling winner.
pub(crate) fn window_of_cell(
    settings: &Settings,
    cell: Cell,
    winner: bool,
) -> Option<BTreeSet<Cell>> {
    let pipeline = settings.build().ok()?;
    let stage = first(&pipeline)?;
    let [channels, rows, columns] = stage.output_shape();
    if cell.channel >= channels || cell.row >= rows || cell.column >= columns {
        return None;
    }
    let step = stage.step(step_of_cell(cell, stage.output_shape())).ok()?;
    let read = |tap: &Tap| {
        tap.source.read().map(|[row, column]| Cell {
            channel: tap.channel,
            row,
            column,
        })
    };
    match (winner, &step.arithmetic) {
        (true, Arithmetic::Max { winner }) => {
            read(step.taps.get(*winner)?).map(|cell| set_of([cell]))
        }
        (true, _) => None,
        (false, _) => Some(set_of(step.taps.iter().filter_map(read))),
    }
}

/// The output cells of the first stage that input cell `cell` feeds.
pub(crate) fn feeds(settings: &Settings, cell: Cell) -> Option<BTreeSet<Cell>> {
    let pipeline = settings.build().ok()?;
    let stage = first(&pipeline)?;
    let shape = stage.output_shape();
    let readers = stage.readers_of(cell).ok()?;
    let mut fed = BTreeSet::new();
    for reader in readers {
        fed.insert(cell_of_step(reader.step, shape).ok()?);
    }
    Some(fed)
}

/// A set of cells or numbers, inserted one by one: collecting would sort them first, and each
/// sort costs the page's first load several kilobytes.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}
