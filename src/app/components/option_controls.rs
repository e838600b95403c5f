//! The per-operation switches and numbers: flip and bias for convolution, ceil mode and padding
//! counting for pooling, the slope of Leaky ReLU.

use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::settings::{Operation, Settings};
use crate::app::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`OptionControls`].
#[derive(Properties, PartialEq)]
pub struct OptionControlsProps {
    /// What the controls show.
    pub settings: Settings,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions to the state.
    pub on_action: Callback<Action>,
}

fn checkbox(
    id: &'static str,
    label: &'static str,
    checked: bool,
    on_action: &Callback<Action>,
    action: fn(bool) -> Action,
) -> Html {
    let on_action = on_action.clone();
    let onchange = Callback::from(move |event: Event| {
        on_action.emit(action(
            event.target_unchecked_into::<HtmlInputElement>().checked(),
        ));
    });
    html! {
        <label class="check">
            <input type="checkbox" {id} {checked} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// A decimal field committed on change; refused text stays in the field.
fn decimal(id: String, label: &'static str, value: f32, on_commit: Callback<String>) -> Html {
    let onchange = Callback::from(move |event: Event| {
        on_commit.emit(event.target_unchecked_into::<HtmlInputElement>().value());
    });
    html! {
        <label class="number-field">
            <span class="label">{ label }</span>
            <input {id} type="text" inputmode="decimal" size="5" value={format::exact(value)} {onchange} />
        </label>
    }
}

/// The option controls for the current operation.
#[component]
pub fn OptionControls(props: &OptionControlsProps) -> Html {
    let text = props.lang.text();
    let settings = &props.settings;
    match settings.operation {
        Operation::Convolution => {
            let biases = (0..settings.filters.min(settings.bias.len())).map(|filter| {
                let on_action = props.on_action.clone();
                let label = text.bias;
                decimal(
                    format!("bias-{filter}"),
                    label,
                    settings.bias[filter],
                    Callback::from(move |typed| on_action.emit(Action::SetBias(filter, typed))),
                )
            });
            html! {
                <>
                    { checkbox("flip-kernel", text.flip_kernel, settings.flip_kernel, &props.on_action, Action::SetFlipKernel) }
                    { for biases }
                </>
            }
        }
        Operation::MaxPool => checkbox(
            "ceil-mode",
            text.ceil_mode,
            settings.ceil_mode,
            &props.on_action,
            Action::SetCeilMode,
        ),
        Operation::AveragePool => html! {
            <>
                { checkbox("ceil-mode", text.ceil_mode, settings.ceil_mode, &props.on_action, Action::SetCeilMode) }
                { checkbox("count-include-pad", text.count_include_pad, settings.count_include_pad, &props.on_action, Action::SetCountIncludePad) }
            </>
        },
        Operation::LeakyRelu => {
            let on_action = props.on_action.clone();
            decimal(
                "slope".to_owned(),
                text.slope,
                settings.slope,
                Callback::from(move |typed| on_action.emit(Action::SetSlope(typed))),
            )
        }
        Operation::Relu | Operation::Sigmoid | Operation::Tanh => html! {},
    }
}
