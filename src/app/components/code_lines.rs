//! A program's lines with the current one highlighted. A component of its own, so that a step
//! that stays on the same line re-renders none of them.

use crate::app::code::Program;
use crate::app::shared::Shared;
use yew::prelude::*;

/// Props of [`CodeLines`].
#[derive(Properties, PartialEq)]
pub struct CodeLinesProps {
    /// The program; the same program is the same allocation.
    pub program: Shared<Program>,
    /// The line computing the current output cell, if any.
    pub current: Option<usize>,
}

/// Every line, the current one marked.
#[component]
pub fn CodeLines(props: &CodeLinesProps) -> Html {
    let lines = props.program.lines.iter().enumerate().map(|(index, line)| {
        let is_current = props.current == Some(index);
        html! {
            <span class={classes!("line", is_current.then_some("current"))}
                data-testid={is_current.then_some("code-current")}>{ line }{ "\n" }</span>
        }
    });
    html! { <code>{ for lines }</code> }
}
