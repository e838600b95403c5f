//! The per-operation switches and numbers: flip and bias for convolution, ceil mode and padding
//! counting for pooling, the slope of Leaky ReLU.

use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::settings::{Operation, Settings};
use crate::app::shared::Shared;
use crate::app::state::Change;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`OptionControls`].
#[derive(Properties, PartialEq)]
pub struct OptionControlsProps {
    /// What the controls show.
    pub settings: Shared<Settings>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions to the state.
    pub on_change: Callback<Change>,
}

fn checkbox(
    id: &'static str,
    label: &'static str,
    checked: bool,
    on_change: &Callback<Change>,
    change: fn(bool) -> Change,
) -> Html {
    let on_change = on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        on_change.emit(change(
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
fn decimal(id: String, label: String, value: f32, on_commit: Callback<String>) -> Html {
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

/// A labelled select of operations.
fn operation_select(
    id: &'static str,
    label: &'static str,
    options: &[Operation],
    selected: Operation,
    lang: Lang,
    on_pick: Callback<Operation>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        if let Some(operation) =
            Operation::from_id(&event.target_unchecked_into::<HtmlSelectElement>().value())
        {
            on_pick.emit(operation);
        }
    });
    html! {
        <label class="select-field">
            <span class="label">{ label }</span>
            <select {id} {onchange}>
                { for options.iter().map(|&operation| html! {
                    <option value={operation.id()} selected={operation == selected}>{ lang.stage_name(operation) }</option>
                }) }
            </select>
        </label>
    }
}

/// The option controls for the current operation.
#[component]
pub fn OptionControls(props: &OptionControlsProps) -> Html {
    let text = props.lang.text();
    let settings = &props.settings;
    let operation = settings.operation;
    let block = operation == Operation::Block;
    let on = |make: fn(Operation) -> Change| props.on_change.reform(make);
    let conv = operation.has_weights().then(|| {
        let biases = (0..settings.filters.min(settings.bias.len())).map(|filter| {
            let label = if settings.filters > 1 { format!("{} {}", text.bias, filter + 1) } else { text.bias.to_owned() };
            decimal(format!("bias-{filter}"), label, settings.bias[filter], props.on_change.reform(move |typed| Change::Bias(filter, typed)))
        });
        html! {
            <>
                { checkbox("flip-kernel", text.flip_kernel, settings.flip_kernel, &props.on_change, Change::FlipKernel) }
                <div class="biases">{ for biases }</div>
            </>
        }
    });
    let leaky = operation == Operation::LeakyRelu
        || (block && settings.block_activation == Operation::LeakyRelu);
    let slope = leaky.then(|| {
        decimal(
            "slope".to_owned(),
            text.slope.to_owned(),
            settings.slope,
            props.on_change.reform(Change::Slope),
        )
    });
    // The block's pooling takes ceil mode and, when it averages, include-pad, as the pooling alone does.
    let pools = operation.is_pool() || block;
    let averages = operation == Operation::AveragePool
        || (block && settings.block_pool == Operation::AveragePool);
    html! {
        <>
            { conv }
            if block {
                { operation_select("block-activation", text.activation, &Operation::ACTIVATIONS, settings.block_activation, props.lang, on(Change::BlockActivation)) }
            }
            { slope }
            if block {
                { operation_select("block-pool", text.pooling, &[Operation::MaxPool, Operation::AveragePool], settings.block_pool, props.lang, on(Change::BlockPool)) }
            }
            if pools {
                { checkbox("ceil-mode", text.ceil_mode, settings.ceil_mode, &props.on_change, Change::CeilMode) }
            }
            if averages {
                { checkbox("count-include-pad", text.count_include_pad, settings.count_include_pad, &props.on_change, Change::CountIncludePad) }
            }
        </>
    }
}
