//! The calculation of the current step as lines of text pieces, worded as the page's calculation
//! panel words it (`components/arithmetic`): the same terms in the engine's order, running totals,
//! notes and number format.

use crate::app::format::{number, term};
use crate::app::i18n::Lang;
use crate::engine::{Activation, Arithmetic, Source, Step};

/// How a piece of the calculation is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Plain text: brackets, `max(`.
    Plain,
    /// Between terms (` + `, `, `, ` = `): a long line may wrap before it.
    Separator,
    /// A channel's name before its products.
    Label,
    /// A product or value read from an input cell.
    Term,
    /// A product read from a padding cell.
    PaddingTerm,
    /// The max pooling winner.
    Winner,
    /// A channel's partial sum.
    Partial,
    /// The bias, written with a subscript b.
    Bias,
    /// The value written, boxed.
    Result,
}

/// One piece of an equation, with the running total written beneath it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// The running total after this term, if any.
    pub below: Option<String>,
    /// How it is drawn.
    pub look: Look,
}

/// One line of the calculation.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// An equation, or one channel's products.
    Equation(Vec<Piece>),
    /// The sum over channels, under a rule.
    Total(Vec<Piece>),
    /// A sentence explaining the step, in smaller muted type.
    Note(String),
}

/// The calculation of `step`, which reads map `map` of `channels` channels.
pub fn lines(step: &Step, channels: usize, map: usize, lang: Lang) -> Vec<Line> {
    let result = Piece::new(number(step.value), Look::Result);
    let padding = step
        .taps
        .iter()
        .filter(|tap| tap.source == Source::Padding)
        .count();
    let inputs = step.taps.iter().filter(|tap| tap.is_input());
    match &step.arithmetic {
        Arithmetic::WeightedSum { channel_sums, bias } => {
            weighted_sum(step, channel_sums, *bias, (channels, map), lang, result)
        }
        Arithmetic::Max { winner } => {
            let candidates = step
                .taps
                .iter()
                .enumerate()
                .filter(|(_, tap)| tap.is_input())
                .map(|(index, tap)| {
                    let look = if index == *winner {
                        Look::Winner
                    } else {
                        Look::Term
                    };
                    Piece::new(number(tap.value), look)
                });
            let mut pieces = vec![Piece::new("max(".into(), Look::Plain)];
            pieces.extend(separated(candidates, ", "));
            pieces.extend([Piece::new(")".into(), Look::Plain), equals(), result]);
            let mut lines = vec![Line::Equation(pieces)];
            if padding > 0 {
                lines.push(Line::Note(lang.max_ignores_padding(padding)));
            }
            lines
        }
        Arithmetic::Average { sum, divisor } => {
            let values = inputs
                .clone()
                .map(|tap| Piece::new(term(tap.value), Look::Term));
            let mut pieces = vec![Piece::new("(".into(), Look::Plain)];
            pieces.extend(separated(values, " + "));
            pieces.extend([
                Piece::new(format!(") / {divisor}"), Look::Plain),
                equals(),
                Piece::new(format!("{} / {divisor}", number(*sum)), Look::Plain),
                equals(),
                result,
            ]);
            let note = lang.divisor(inputs.count(), padding, *divisor);
            vec![Line::Equation(pieces), Line::Note(note)]
        }
        Arithmetic::Activation { function } => {
            let x = step.taps.first().map_or(0.0, |tap| tap.value);
            let formula = match function {
                Activation::Relu => format!("max(0, {})", number(x)),
                Activation::LeakyRelu { .. } if x > 0.0 => {
                    format!("{} > 0 → {}", number(x), number(x))
                }
                Activation::LeakyRelu { slope } => {
                    format!("{} ≤ 0 → {} × {}", number(x), number(*slope), term(x))
                }
                Activation::Sigmoid => format!("1 / (1 + e^−{})", term(x)),
                Activation::Tanh => format!("tanh({})", number(x)),
            };
            vec![Line::Equation(vec![
                Piece::new(formula, Look::Plain),
                equals(),
                result,
            ])]
        }
    }
}

impl Piece {
    fn new(text: String, look: Look) -> Self {
        Piece {
            text,
            below: None,
            look,
        }
    }
}

fn equals() -> Piece {
    Piece::new(" = ".into(), Look::Separator)
}

/// Convolution: a line of products per input channel with running totals, then the sum of the
/// channel sums plus the bias; one channel on one line.
fn weighted_sum(
    step: &Step,
    channel_sums: &[f32],
    bias: Option<f32>,
    (channels, map): (usize, usize),
    lang: Lang,
    result: Piece,
) -> Vec<Line> {
    let totals = step.running_totals();
    let products = |channel: usize| {
        let terms = step
            .taps
            .iter()
            .zip(&totals)
            .filter(move |(tap, _)| tap.channel == channel)
            .map(|(tap, total)| Piece {
                text: format!("{}×{}", term(tap.value), term(tap.weight.unwrap_or(0.0))),
                below: Some(number(*total)),
                look: if tap.is_input() {
                    Look::Term
                } else {
                    Look::PaddingTerm
                },
            });
        separated(terms, " + ")
    };
    let bias = bias.map(|bias| {
        [
            Piece::new(" + ".into(), Look::Separator),
            Piece::new(term(bias), Look::Bias),
        ]
    });
    if channel_sums.len() == 1 {
        let mut pieces = products(0);
        pieces.extend(bias.into_iter().flatten());
        pieces.extend([equals(), result]);
        return vec![Line::Equation(pieces)];
    }
    let mut lines: Vec<Line> = channel_sums
        .iter()
        .enumerate()
        .map(|(channel, sum)| {
            let name = lang.channel_name(map, channels, channel);
            let mut pieces = vec![Piece::new(format!("{name}: "), Look::Label)];
            pieces.extend(products(channel));
            pieces.extend([equals(), Piece::new(number(*sum), Look::Partial)]);
            Line::Equation(pieces)
        })
        .collect();
    let sums = channel_sums
        .iter()
        .map(|sum| Piece::new(term(*sum), Look::Partial));
    let mut total = separated(sums, " + ");
    total.extend(bias.into_iter().flatten());
    total.extend([equals(), result]);
    lines.push(Line::Total(total));
    lines
}

/// Pieces with a separator between each two.
fn separated(pieces: impl Iterator<Item = Piece>, separator: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (index, piece) in pieces.enumerate() {
        if index > 0 {
            out.push(Piece::new(separator.into(), Look::Separator));
        }
        out.push(piece);
    }
    out
}
