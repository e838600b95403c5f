//! The arithmetic of the current step, written out term by term as the engine computed it.

use crate::app::format::{number, term};
use crate::app::i18n::Lang;
use crate::engine::{Activation, Arithmetic, Source, Step};
use yew::prelude::*;

/// Props of [`ArithmeticPanel`].
#[derive(Properties, PartialEq)]
pub struct ArithmeticProps {
    /// The step, from the engine.
    pub step: Step,
    /// Number of input channels (a line per channel when more than one).
    pub channels: usize,
    /// The map the step reads (0 is the input, whose 3 channels are named R, G, B).
    pub map: usize,
    /// Interface language.
    pub lang: Lang,
}

/// The calculation panel.
#[component]
pub fn ArithmeticPanel(props: &ArithmeticProps) -> Html {
    let step = &props.step;
    let value =
        html! { <span class="result" data-testid="step-value">{ number(step.value) }</span> };
    let body = match &step.arithmetic {
        Arithmetic::WeightedSum { channel_sums, bias } => {
            weighted_sum(props, channel_sums, *bias, value)
        }
        Arithmetic::Max { winner } => {
            let candidates = step
                .taps
                .iter()
                .enumerate()
                .filter(|(_, tap)| tap.is_input())
                .map(|(index, tap)| {
                    let class = if index == *winner {
                        "term winner"
                    } else {
                        "term"
                    };
                    html! { <span class={class}>{ number(tap.value) }</span> }
                });
            let padding = step
                .taps
                .iter()
                .filter(|tap| tap.source == Source::Padding)
                .count();
            html! {
                <>
                    <p class="equation">{ "max(" }{ separated(candidates, ", ") }{ ") = " }{ value }</p>
                    if padding > 0 { <p class="note">{ props.lang.max_ignores_padding(padding) }</p> }
                </>
            }
        }
        Arithmetic::Average { sum, divisor } => {
            let inputs = step.taps.iter().filter(|tap| tap.is_input()).count();
            let padding = step
                .taps
                .iter()
                .filter(|tap| tap.source == Source::Padding)
                .count();
            let values = step
                .taps
                .iter()
                .filter(|tap| tap.is_input())
                .map(|tap| html! { <span class="term">{ term(tap.value) }</span> });
            html! {
                <>
                    <p class="equation">
                        { "(" }{ separated(values, " + ") }{ ") / " }
                        <span class="divisor">{ divisor }</span>{ " = " }{ number(*sum) }{ " / " }{ divisor }{ " = " }{ value }
                    </p>
                    <p class="note" data-testid="divisor-note">
                        { props.lang.divisor(inputs, padding, *divisor) }
                    </p>
                </>
            }
        }
        Arithmetic::Activation { function } => {
            let x = step.taps.first().map_or(0.0, |tap| tap.value);
            let formula = match function {
                Activation::Relu => format!("max(0, {})", number(x)),
                Activation::LeakyRelu { slope } if x > 0.0 => {
                    format!("{} > 0 → {}", number(x), number(x))
                }
                Activation::LeakyRelu { slope } => {
                    format!("{} ≤ 0 → {} × {}", number(x), number(*slope), term(x))
                }
                Activation::Sigmoid => format!("1 / (1 + e^−{})", term(x)),
                Activation::Tanh => format!("tanh({})", number(x)),
            };
            html! { <p class="equation">{ formula }{ " = " }{ value }</p> }
        }
    };
    html! {
        <section class="arithmetic" aria-labelledby="arithmetic-heading">
            <h2 id="arithmetic-heading">{ props.lang.text().calculation }</h2>
            { body }
        </section>
    }
}

/// Convolution: one line of products per input channel with running totals, then the sum of
/// the channel sums plus the bias.
fn weighted_sum(
    props: &ArithmeticProps,
    channel_sums: &[f32],
    bias: Option<f32>,
    value: Html,
) -> Html {
    let step = &props.step;
    let totals = step.running_totals();
    let lines = channel_sums.iter().enumerate().map(|(channel, sum)| {
        let name = props.lang.channel_name(props.map, props.channels, channel);
        let label = html! { <span class="channel-label">{ format!("{name}: ") }</span> };
        html! {
            <p class="equation terms">
                { label }{ product_terms(step, &totals, channel) }{ " = " }<span class="partial">{ number(*sum) }</span>
            </p>
        }
    });
    let bias_term = bias.map(|bias| {
        html! { <>{ " + " }<span class="bias" title="bias">{ term(bias) }</span><sub>{ "b" }</sub></> }
    });
    if channel_sums.len() == 1 {
        // One channel: the products, the bias and the result on one line.
        return html! {
            <p class="equation terms">{ product_terms(step, &totals, 0) }{ bias_term }{ " = " }{ value }</p>
        };
    }
    let sums = channel_sums
        .iter()
        .map(|sum| html! { <span class="partial">{ term(*sum) }</span> });
    html! {
        <>
            { for lines }
            <p class="equation total">{ separated(sums, " + ") }{ bias_term }{ " = " }{ value }</p>
        </>
    }
}

/// The products `x×w` of one input channel, each with the running total beneath it.
fn product_terms(step: &Step, totals: &[f32], channel: usize) -> Html {
    let terms = step
        .taps
        .iter()
        .zip(totals)
        .filter(|(tap, _)| tap.channel == channel)
        .map(|(tap, total)| {
            let class = if tap.is_input() {
                "term"
            } else {
                "term padding-term"
            };
            let weight = tap.weight.unwrap_or(0.0);
            html! {
                <span class={class}>
                    <span class="product">{ format!("{}×{}", term(tap.value), term(weight)) }</span>
                    <span class="running" aria-hidden="true">{ number(*total) }</span>
                </span>
            }
        });
    separated(terms, " + ")
}

/// Items joined by a separator.
fn separated(items: impl Iterator<Item = Html>, separator: &'static str) -> Html {
    items
        .enumerate()
        .map(|(index, item)| html! { <>{ (index > 0).then_some(separator) }{ item }</> })
        .collect()
}
