//! The calculation of the current step as lines of text pieces: the terms in the engine's order,
//! running totals, notes and number format. The page's calculation panel
//! (`components/arithmetic`) and the saved picture both draw these lines, so they word it alike.

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
    /// A row header: a channel's name before its products, with "running total" beneath.
    Label,
    /// A product or value read from an input cell.
    Term,
    /// A product read from a padding cell.
    PaddingTerm,
    /// The max pooling winner.
    Winner,
    /// A channel's partial sum.
    Partial,
    /// The bias, written with its name: "bias 0".
    Bias,
    /// An exponent, written raised and smaller: the `2` of `e²`.
    Exponent,
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
            let plain = |text: String| Piece::new(text, Look::Plain);
            let pieces = match function {
                Activation::Relu => vec![plain(format!("max(0, {})", number(x))), equals()],
                Activation::LeakyRelu { .. } if x > 0.0 => vec![plain(lang.kept(&number(x)))],
                Activation::LeakyRelu { slope } => vec![
                    plain(format!(
                        "{} ≤ 0 → {} × {}",
                        number(x),
                        number(*slope),
                        term(x)
                    )),
                    equals(),
                ],
                // e to the power −x: the negated value, raised. (0 is never written −0.)
                Activation::Sigmoid => vec![
                    plain("1 / (1 + e".into()),
                    Piece::new(number(if x == 0.0 { 0.0 } else { -x }), Look::Exponent),
                    plain(")".into()),
                    equals(),
                ],
                Activation::Tanh => vec![plain(format!("tanh({})", number(x))), equals()],
            };
            let mut pieces = pieces;
            pieces.push(result);
            vec![Line::Equation(pieces)]
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
    // A grouped filter reads its group's channels, which need not start at channel 0.
    let first = step.taps.first().map_or(0, |tap| tap.channel);
    let running_total = lang.text().running_total;
    // The row header of a channel's products: its name, if it needs one, over "running total".
    let header = |name: String| {
        [
            Piece {
                text: name,
                below: Some(running_total.to_owned()),
                look: Look::Label,
            },
            Piece::new(" ".into(), Look::Plain),
        ]
    };
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
            Piece::new(
                format!("{} {}", lang.text().bias_term, number(bias)),
                Look::Bias,
            ),
        ]
    });
    if channel_sums.len() == 1 {
        let mut pieces = header(String::new()).to_vec();
        pieces.extend(products(first));
        pieces.extend(bias.into_iter().flatten());
        pieces.extend([equals(), result]);
        return vec![Line::Equation(pieces)];
    }
    let mut lines: Vec<Line> = channel_sums
        .iter()
        .enumerate()
        .map(|(index, sum)| {
            let name = lang.channel_name(map, channels, first + index);
            let mut pieces = header(format!("{name}:")).to_vec();
            pieces.extend(products(first + index));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::settings::{Operation, Settings};
    use crate::engine::Stepper;

    /// The calculation of step `step` of the one-stage example `settings`, as plain text per
    /// line, the running totals in brackets after their term.
    fn text(settings: Settings, step: usize, lang: Lang) -> Vec<String> {
        let pipeline = settings.build().expect("a valid example");
        let stage = &pipeline.stages()[0];
        let step = stage.step(step).expect("a step");
        lines(&step, stage.input_shape()[0], 0, lang)
            .into_iter()
            .map(|line| match line {
                Line::Equation(pieces) | Line::Total(pieces) => pieces
                    .iter()
                    .map(|piece| match &piece.below {
                        Some(below) => format!("{}[{below}]", piece.text),
                        None => piece.text.clone(),
                    })
                    .collect(),
                Line::Note(note) => note,
            })
            .collect()
    }

    /// The tutorial's first window: 1×2 + 2×0 + 3×1 + 0×0 + 1×1 + 2×2 + 3×1 + 0×0 + 1×2 = 15,
    /// running 2 2 5 5 6 10 13 13 15.
    #[test]
    fn running_totals_have_a_row_header_and_the_bias_its_name() {
        let en = text(Settings::default(), 0, Lang::En);
        assert_eq!(
            en,
            [
                "[running total] 1×2[2] + 2×0[2] + 3×1[5] + 0×0[5] + 1×1[6] + 2×2[10] + 3×1[13] + 0×0[13] + 1×2[15] + bias 0 = 15"
            ]
        );
        let zh = text(Settings::default(), 0, Lang::Zh);
        assert!(zh[0].starts_with("[累加和] 1×2[2]"), "{zh:?}");
        assert!(zh[0].ends_with(" + 偏置 0 = 15"), "{zh:?}");
    }

    /// Sigmoid of the fresh activation input's second cell, −2: 1 / (1 + e²) = 0.12 (to 2
    /// decimals); leaky ReLU keeps the first cell, 1.
    #[test]
    fn sigmoid_raises_the_negated_value_and_leaky_relu_says_it_keeps() {
        let sigmoid = Settings::fresh(Operation::Sigmoid);
        let pipeline = sigmoid.build().expect("a valid example");
        let step = pipeline.stages()[0].step(1).expect("a step");
        let Line::Equation(pieces) = &lines(&step, 1, 0, Lang::En)[0] else {
            panic!("an equation");
        };
        let exponent: Vec<&str> = pieces
            .iter()
            .filter(|piece| piece.look == Look::Exponent)
            .map(|piece| piece.text.as_str())
            .collect();
        assert_eq!(exponent, ["2"]);
        assert_eq!(text(sigmoid.clone(), 1, Lang::En), ["1 / (1 + e2) = 0.12"]);
        let leaky = Settings::fresh(Operation::LeakyRelu);
        assert_eq!(text(leaky.clone(), 0, Lang::En), ["1 > 0, kept: 1"]);
        assert_eq!(text(leaky, 0, Lang::Zh), ["1 > 0，保持不变：1"]);
    }
}
