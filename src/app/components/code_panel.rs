//! The code behind the picture: the example as PyTorch and NumPy code in step with the grids,
//! the convolution as a matrix product, and tensors in and out, one tab at a time.

use super::code_view::CodeView;
use super::matrix_view::MatrixView;
use super::tensor_box::TensorBox;
use crate::app::code::Style;
use crate::app::example::Example;
use crate::app::i18n::Lang;
use crate::app::settings::Settings;
use crate::app::shared::Shared;
use crate::app::state::Change;
use yew::prelude::*;

/// Which view the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    PyTorch,
    NumPy,
    Im2col,
    Toeplitz,
    Tensors,
}

/// Props of [`CodePanel`].
#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    /// The example shown.
    pub example: Shared<Example>,
    /// The current step.
    pub position: usize,
    /// What the controls show, which a paste is fitted to.
    pub settings: Shared<Settings>,
    /// Interface language.
    pub lang: Lang,
    /// Called with a pasted tensor to use.
    pub on_change: Callback<Change>,
}

/// The panel, with a tab per view.
#[component]
pub fn CodePanel(props: &CodePanelProps) -> Html {
    let tab = use_state(|| Tab::PyTorch);
    let text = props.lang.text();
    let tabs = [
        (Tab::PyTorch, text.tab_pytorch, "pytorch"),
        (Tab::NumPy, text.tab_numpy, "numpy"),
        (Tab::Im2col, text.tab_im2col, "im2col"),
        (Tab::Toeplitz, text.tab_toeplitz, "toeplitz"),
        (Tab::Tensors, text.tab_tensors, "tensors"),
    ];
    let buttons = tabs.into_iter().map(|(choice, label, id)| {
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(choice))
        };
        html! {
            <button type="button" role="tab" data-tab={id} aria-selected={(*tab == choice).to_string()} {onclick}>
                { label }
            </button>
        }
    });
    let (example, position, lang) = (props.example.clone(), props.position, props.lang);
    let body = match *tab {
        Tab::PyTorch => html! { <CodeView {example} {position} style={Style::PyTorch} {lang} /> },
        Tab::NumPy => html! { <CodeView {example} {position} style={Style::NumPy} {lang} /> },
        Tab::Im2col => html! { <MatrixView {example} {position} whole=false {lang} /> },
        Tab::Toeplitz => html! { <MatrixView {example} {position} whole=true {lang} /> },
        Tab::Tensors => html! {
            <TensorBox {example} settings={props.settings.clone()} {lang} on_change={props.on_change.clone()} />
        },
    };
    html! {
        <section class="code-panel" aria-labelledby="code-heading" data-testid="code-panel">
            <h2 id="code-heading">{ text.code_heading }</h2>
            <div class="tabs" role="tablist">{ for buttons }</div>
            <div class="tab-body" role="tabpanel">{ body }</div>
        </section>
    }
}
