//! A program that reproduces the example, with the line computing the current output cell
//! highlighted and the loop variables' values at this step.

use super::code_lines::CodeLines;
use crate::app::clipboard::copy_to_clipboard;
use crate::app::code::{Style, program};
use crate::app::example::Example;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`CodeView`].
#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    /// The example shown.
    pub example: Shared<Example>,
    /// The current step.
    pub position: usize,
    /// PyTorch or NumPy.
    pub style: Style,
    /// Interface language.
    pub lang: Lang,
}

/// The code view: a copy button, this step's loop values and the program.
#[component]
pub fn CodeView(props: &CodeViewProps) -> Html {
    // Written once per example and style; a step only looks up its line.
    let program = use_memo((props.example.clone(), props.style), |(example, style)| {
        Shared::new(program(example, *style))
    });
    let step = program.at_step(&props.example, props.position);
    let current = step.as_ref().map(|step| step.line);
    let code = use_node_ref();
    {
        // Keep the current line in view inside the code's own box, never scrolling the page.
        let code = code.clone();
        use_effect_with(current, move |_| {
            if let Some(code) = code.cast::<HtmlElement>()
                && let Ok(Some(line)) = code.query_selector(".line.current")
                && let Ok(line) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(line)
            {
                let (top, height) = (line.offset_top(), line.offset_height());
                let view = code.client_height();
                if top < code.scroll_top() || top + height > code.scroll_top() + view {
                    code.set_scroll_top(top - view / 3);
                }
            }
        });
    }
    let copied = use_state(|| false);
    let copy = {
        let (copied, program) = (copied.clone(), program.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy_to_clipboard(&program.text())))
    };
    let text = props.lang.text();
    let variables = step.as_ref().map(|step| {
        step.variables
            .iter()
            .map(|(name, value)| format!("{name} = {value}"))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let window = step.and_then(|step| step.window);
    html! {
        <div class="code-view">
            <div class="code-tools">
                <button type="button" data-action="copy-code" onclick={copy}>
                    { if *copied { text.copied } else { text.copy } }
                </button>
                if let Some(variables) = variables {
                    <p class="loop-values" data-testid="loop-values">
                        <strong>{ text.at_this_step }</strong>{ ": " }<code>{ variables }</code>
                        if let Some(window) = window {
                            { ", " }<code>{ "window = " }<span data-testid="window-slice">{ window }</span></code>
                        }
                    </p>
                }
            </div>
            <pre class="code" ref={code} data-testid="code"><CodeLines program={(*program).clone()} {current} /></pre>
        </div>
    }
}
