//! The operation menu: convolution, the activations, and the two poolings.

use super::concept_tip::labelled;
use crate::app::i18n::{Concept, Lang};
use crate::app::settings::Operation;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`OperationPicker`].
#[derive(Properties, PartialEq)]
pub struct OperationPickerProps {
    /// The selected operation.
    pub operation: Operation,
    /// Interface language.
    pub lang: Lang,
    /// Called with the chosen operation.
    pub on_change: Callback<Operation>,
}

/// A labelled select of every operation.
#[component]
pub fn OperationPicker(props: &OperationPickerProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            if let Some(operation) = Operation::from_id(&select.value()) {
                on_change.emit(operation);
            }
        })
    };
    html! {
        <div class="select-field">
            { labelled(props.lang.text().operation, "operation".into(), Concept::Operation, props.lang) }
            <select id="operation" {onchange}>
                { for Operation::ALL.iter().map(|&operation| html! {
                    <option value={operation.id()} selected={operation == props.operation}>
                        { props.lang.operation(operation) }
                    </option>
                }) }
            </select>
        </div>
    }
}
