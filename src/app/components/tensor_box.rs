//! Tensors in and out: paste a tensor as the input or the kernel, and write any map out in the
//! forms PyTorch, NumPy and JSON read.

use crate::app::clipboard::copy_to_clipboard;
use crate::app::example::Example;
use crate::app::i18n::Lang;
use crate::app::settings::{Settings, Values};
use crate::app::shared::Shared;
use crate::app::state::Change;
use crate::app::tensor_text::{Form, PasteError, Tensor, paste};
use crate::engine::Layer;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Props of [`TensorBox`].
#[derive(Properties, PartialEq)]
pub struct TensorBoxProps {
    /// The example shown, whose maps can be written out.
    pub example: Shared<Example>,
    /// What the controls show, which a paste is fitted to.
    pub settings: Shared<Settings>,
    /// Interface language.
    pub lang: Lang,
    /// Called with a fitted paste.
    pub on_change: Callback<Change>,
}

/// The paste box, its buttons and message, and the write-out of a map.
#[component]
pub fn TensorBox(props: &TensorBoxProps) -> Html {
    let typed = use_state(String::new);
    let problem = use_state(|| None::<PasteError>);
    let map = use_state(|| props.example.map_count() - 1);
    let form = use_state(|| Form::PyTorch);
    let copied = use_state(|| false);
    let text = props.lang.text();
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    // Text that does not fit stays in the box, with the reason beside it.
    let use_as = |target: Values| {
        let (typed, problem) = (typed.clone(), problem.clone());
        let (settings, on_change) = (props.settings.clone(), props.on_change.clone());
        Callback::from(
            move |_: MouseEvent| match paste(&typed, target, &settings) {
                Ok(fitted) => {
                    problem.set(None);
                    on_change.emit(Change::Paste(fitted));
                }
                Err(error) => problem.set(Some(error)),
            },
        )
    };
    // Any map, or (one past the maps) the kernel of the convolution stage.
    let kernel = props
        .example
        .pipeline
        .stages()
        .iter()
        .find_map(|layer| match layer {
            Layer::Conv(conv) => Some(conv.weights()),
            _ => None,
        });
    let maps_and_kernel = props.example.map_count() + usize::from(kernel.is_some());
    let map_index = (*map).min(maps_and_kernel - 1);
    let written = match (props.example.map(map_index), kernel) {
        (Some(values), _) => Tensor::of_map(values).write(*form),
        (None, Some(weights)) => Tensor::of_kernel(weights).write(*form),
        (None, None) => String::new(),
    };
    let on_map = {
        let map = map.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            map.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_form = {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let index: usize = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            form.set(Form::ALL[index.min(Form::ALL.len() - 1)]);
        })
    };
    let copy = {
        let (copied, written) = (copied.clone(), written.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy_to_clipboard(&written)))
    };
    let lang = props.lang;
    let maps = (0..maps_and_kernel).map(|index| {
        let name = match index {
            _ if index == props.example.map_count() => text.kernel.to_owned(),
            index => lang.map_caption(&props.example.settings, index),
        };
        html! { <option value={index.to_string()} selected={index == map_index}>{ name }</option> }
    });
    let forms = Form::ALL.iter().enumerate().map(|(index, &choice)| {
        html! { <option value={index.to_string()} selected={choice == *form}>{ lang.tensor_form(choice) }</option> }
    });
    html! {
        <div class="tensor-box">
            <label class="paste">
                <span class="label">{ text.paste_label }</span>
                <textarea id="paste" rows="4" value={(*typed).clone()} {oninput} spellcheck="false"
                    aria-invalid={problem.is_some().to_string()} aria-describedby="paste-message" />
            </label>
            <div class="buttons">
                <button type="button" data-action="paste-input" onclick={use_as(Values::Input)}>{ text.use_as_input }</button>
                if props.settings.operation.has_weights() {
                    <button type="button" data-action="paste-kernel" onclick={use_as(Values::Kernel)}>{ text.use_as_kernel }</button>
                }
            </div>
            <p class="refusal" id="paste-message" role="alert" data-testid="paste-message">
                { problem.as_ref().map(|problem| lang.paste_error(problem)) }
            </p>
            <div class="write-out">
                <span class="label">{ text.write_out }</span>
                <select id="write-map" aria-label={text.write_out} onchange={on_map}>{ for maps }</select>
                <select id="write-form" aria-label={text.write_out} onchange={on_form}>{ for forms }</select>
                <button type="button" data-action="copy-tensor" onclick={copy}>{ if *copied { text.copied } else { text.copy } }</button>
            </div>
            <pre class="code" data-testid="tensor-out">{ written }</pre>
        </div>
    }
}
