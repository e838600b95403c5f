//! A lesson's text as HTML: paragraphs, lists and marked spans. Text from a lesson file is only
//! ever shown as text.

use crate::app::lesson::{Block, Span};
use yew::prelude::*;

/// A run of marked text.
pub fn spans(text: &[Span]) -> Html {
    text.iter()
        .map(|span| match span {
            Span::Plain(text) => html! { { text.clone() } },
            Span::Code(text) => html! { <code>{ text.clone() }</code> },
            Span::Strong(text) => html! { <strong>{ text.clone() }</strong> },
            Span::Emphasis(text) => html! { <em>{ text.clone() }</em> },
        })
        .collect()
}

/// Paragraphs and lists.
pub fn blocks(blocks: &[Block]) -> Html {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => html! { <p>{ spans(text) }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ spans(item) }</li> }) }</ul>
            },
        })
        .collect()
}
