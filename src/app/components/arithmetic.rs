//! The arithmetic of the current step, written out term by term as the engine computed it: the
//! lines of `export::calculation`, which the saved picture draws too, as HTML.

use crate::app::export::calculation::{Line, Look, Piece, lines};
use crate::app::i18n::Lang;
use crate::engine::{Arithmetic, Step};
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
    // The average's note says how its divisor was counted.
    let note_id = matches!(step.arithmetic, Arithmetic::Average { .. }).then_some("divisor-note");
    arithmetic_lines(
        lines(step, props.channels, props.map, props.lang),
        note_id,
        props.lang,
    )
}

/// The calculation panel's heading and `lines`; notes carry `data-testid={note_id}`.
pub fn arithmetic_lines(lines: Vec<Line>, note_id: Option<&'static str>, lang: Lang) -> Html {
    let body = lines.into_iter().map(|line| match line {
        Line::Equation(pieces) => {
            let terms = pieces.iter().any(|piece| piece.below.is_some());
            let class = if terms { "equation terms" } else { "equation" };
            html! { <p {class}>{ for pieces.iter().map(piece) }</p> }
        }
        Line::Total(pieces) => {
            html! { <p class="equation total">{ for pieces.iter().map(piece) }</p> }
        }
        Line::Note(note) => html! { <p class="note" data-testid={note_id}>{ note }</p> },
    });
    html! {
        <section class="arithmetic" aria-labelledby="arithmetic-heading">
            <h2 id="arithmetic-heading">{ lang.text().calculation }</h2>
            { for body }
        </section>
    }
}

/// One piece: a term with its running total beneath, a row header, or plain text.
fn piece(piece: &Piece) -> Html {
    let text = piece.text.clone();
    if let Some(below) = &piece.below {
        let (class, top) = match piece.look {
            Look::Label => ("term", "channel-label"),
            Look::PaddingTerm => ("term padding-term", "product"),
            _ => ("term", "product"),
        };
        // An empty header still takes its line, so "running total" sits beside the totals.
        let text = if text.is_empty() {
            "\u{a0}".to_owned()
        } else {
            text
        };
        return html! {
            <span {class}>
                <span class={top}>{ text }</span>
                <span class="running" aria-hidden="true">{ below }</span>
            </span>
        };
    }
    match piece.look {
        Look::Plain | Look::Separator => html! { { text } },
        Look::Label => html! { <span class="channel-label">{ text }</span> },
        Look::Term | Look::PaddingTerm => html! { <span class="term">{ text }</span> },
        Look::Winner => html! { <span class="term winner">{ text }</span> },
        Look::Partial => html! { <span class="partial">{ text }</span> },
        Look::Bias => html! { <span class="bias">{ text }</span> },
        Look::Exponent => html! { <sup>{ text }</sup> },
        Look::Result => html! { <span class="result" data-testid="step-value">{ text }</span> },
    }
}
