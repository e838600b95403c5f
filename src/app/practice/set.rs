//! An exercise set from a link: the kinds of question, how many, the operation, the range of
//! input sizes and a seed. The same link gives everyone the same questions, in the same order.
//!
//! A worksheet can print a set from its link: `url::read(query).link.practice` is the set's
//! [`SetSpec`], and [`SetSpec::questions`] its examples (each question's `settings`) and
//! questions, in order.

use super::{Kind, Question};
use crate::app::settings::{Operation, PaddingChoice, Settings};
use crate::engine::{Cell, Sides, Stepper};
use std::ops::RangeInclusive;

/// How many questions a set may have.
pub const COUNTS: RangeInclusive<usize> = 1..=20;
/// The input sides a set may draw from.
pub const SIDES: RangeInclusive<usize> = 3..=8;

/// What defines an exercise set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SetSpec {
    /// The kinds of question, taken in turn.
    pub kinds: Vec<Kind>,
    /// How many questions.
    pub count: usize,
    /// The operation asked about, where a kind of question allows it (a max-pooling winner is
    /// always max pooling; `same` padding always a convolution).
    pub operation: Operation,
    /// The smallest and largest input side.
    pub sides: [usize; 2],
    /// The seed every example is drawn from.
    pub seed: u64,
}

impl Default for SetSpec {
    fn default() -> Self {
        SetSpec {
            kinds: Kind::ALL.to_vec(),
            count: 6,
            operation: Operation::Convolution,
            sides: [4, 6],
            seed: 1,
        }
    }
}

impl SetSpec {
    /// The questions, in order: the same for everyone who opens the link.
    pub fn questions(&self) -> Vec<Question> {
        (0..self.count).map(|index| self.question(index)).collect()
    }

    /// Question `index`: examples are drawn until one can be asked (they almost always can).
    fn question(&self, index: usize) -> Question {
        let kind = self.kinds.get(index % self.kinds.len().max(1)).copied();
        let kind = kind.unwrap_or(Kind::Value);
        let mut draw = Draw(
            self.seed
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .wrapping_add(index as u64 + 1),
        );
        (0..64)
            .find_map(|_| {
                let question = self.draw(kind, &mut draw)?;
                question.work_out().map(|_| question)
            })
            .unwrap_or_else(|| fallback(kind))
    }

    /// The operation a question of `kind` asks about.
    fn operation_for(&self, kind: Kind) -> Operation {
        let windowed = matches!(
            self.operation,
            Operation::Convolution | Operation::MaxPool | Operation::AveragePool
        );
        match kind {
            Kind::Winner => Operation::MaxPool,
            Kind::Same => Operation::Convolution,
            Kind::Value if self.operation != Operation::ConvTranspose => self.operation,
            _ if windowed => self.operation,
            _ => Operation::Convolution,
        }
    }

    /// One example and question of `kind`, or `None` when the draw cannot be asked.
    fn draw(&self, kind: Kind, draw: &mut Draw) -> Option<Question> {
        let operation = self.operation_for(kind);
        let mut settings = Settings::fresh(operation);
        let [low, high] = self.sides;
        let rows = draw.within(low, high);
        settings.input_size = [
            rows,
            if kind == Kind::Same {
                rows
            } else {
                draw.within(low, high)
            },
        ];
        let side = |draw: &mut Draw, low, high| {
            let n = draw.within(low, high);
            [n, n]
        };
        if operation.has_weights() {
            let several = matches!(kind, Kind::Value | Kind::Window) && draw.within(0, 2) == 0;
            settings.channels = if several { 2 } else { 1 };
            settings.kernel_size = side(draw, 2, 3);
            settings.stride = side(draw, 1, 2);
            if draw.within(0, 1) == 1 {
                settings.padding = PaddingChoice::Custom(Sides::uniform(1));
            }
            settings.bias[0] = draw.within(0, 4) as f32 - 2.0;
        } else if operation.is_pool() {
            settings.kernel_size = side(draw, 2, 3);
            settings.stride = side(draw, 1, 2);
            if draw.within(0, 2) == 0 {
                settings.padding = PaddingChoice::Custom(Sides::uniform(1));
            }
            settings.ceil_mode = draw.within(0, 3) == 0;
            settings.count_include_pad = draw.within(0, 1) == 1;
        }
        if kind == Kind::Same {
            settings.kernel_size = side(draw, 1, 5);
            settings.stride = side(draw, 1, 3);
            settings.dilation = side(draw, 1, 2);
        }
        // The backing arrays are in standard layout: filled as plain slices.
        for value in settings.input.as_slice_mut().unwrap_or_default() {
            *value = draw.within(0, 6) as f32 - 3.0;
        }
        for value in settings.kernel.as_slice_mut().unwrap_or_default() {
            *value = draw.within(0, 4) as f32 - 2.0;
        }
        let pipeline = settings.build().ok()?;
        let stage = pipeline.stages().first()?;
        let [_, in_rows, in_columns] = stage.input_shape();
        let (step, cell) = match kind {
            Kind::Value | Kind::Window | Kind::Winner => {
                let steps = stage.step_count();
                (steps > 1).then(|| (draw.within(1, steps - 1), ORIGIN))?
            }
            Kind::Feeds => {
                let row = draw.within(0, in_rows - 1);
                let column = draw.within(0, in_columns - 1);
                (
                    0,
                    Cell {
                        channel: 0,
                        row,
                        column,
                    },
                )
            }
            Kind::Size | Kind::Same => (0, ORIGIN),
        };
        Some(Question {
            kind,
            settings,
            step,
            cell,
        })
    }
}

/// The first cell of the first channel.
const ORIGIN: Cell = Cell {
    channel: 0,
    row: 0,
    column: 0,
};

/// The question asked when no draw can be: the fresh example of the kind's operation.
fn fallback(kind: Kind) -> Question {
    let operation = if kind == Kind::Winner {
        Operation::MaxPool
    } else {
        Operation::Convolution
    };
    Question {
        kind,
        settings: Settings::fresh(operation),
        step: 1,
        cell: ORIGIN,
    }
}

/// A small seeded generator (SplitMix64): the same numbers on every platform.
struct Draw(u64);

impl Draw {
    /// A whole number from `low` to `high`, both included.
    fn within(&mut self, low: usize, high: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        let span = high.saturating_sub(low) as u64 + 1;
        low + (z % span) as usize
    }
}
