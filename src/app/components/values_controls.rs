//! Random values for the input and kernel, and the named kernel presets.

use super::concept_tip::{ConceptTip, labelled};
use crate::app::i18n::{Concept, Lang};
use crate::app::settings::Values;
use crate::app::state::Change;
use crate::engine::{fill::RandomKind, presets::KernelPreset};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ValuesControls`].
#[derive(Properties, PartialEq)]
pub struct ValuesControlsProps {
    /// Whether there is a kernel with weights (convolution).
    pub has_kernel: bool,
    /// Number of filters, for the "apply to" menu.
    pub filters: usize,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions to the state.
    pub on_change: Callback<Change>,
}

/// Buttons for random values and a preset menu.
#[component]
pub fn ValuesControls(props: &ValuesControlsProps) -> Html {
    let text = props.lang.text();
    // Random kernels and presets go to every filter, or to the one chosen here.
    let target = use_state(|| None::<usize>);
    let filter = target.filter(|&filter| filter < props.filters);
    let random = |values: Values, kind: RandomKind, label: &'static str, id: &'static str| {
        let on_change = props.on_change.clone();
        let filter = if values == Values::Kernel {
            filter
        } else {
            None
        };
        html! {
            <button type="button" data-action={id} onclick={Callback::from(move |_| on_change.emit(Change::Randomize(values, kind, filter)))}>
                { label }
            </button>
        }
    };
    let integers = RandomKind::SmallIntegers { range: 3 };
    let onpreset = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            if let Some(preset) = KernelPreset::from_id(&select.value()) {
                on_change.emit(Change::Preset(preset, filter));
            }
            select.set_value("");
        })
    };
    html! {
        <fieldset class="values" aria-label={text.values}>
            <legend>{ text.values }<ConceptTip concept={Concept::RandomValues} lang={props.lang} /></legend>
            <div class="button-row">
                <span class="label">{ text.input }</span>
                { random(Values::Input, integers, text.random_integers, "random-input-integers") }
                { random(Values::Input, RandomKind::Normal, text.random_normal, "random-input-normal") }
            </div>
            if props.has_kernel && props.filters > 1 {
                <label class="select-field">
                    <span class="label">{ text.apply_to }</span>
                    <select id="filter-target" onchange={{
                        let target = target.clone();
                        Callback::from(move |event: Event| {
                            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                            target.set(value.parse::<usize>().ok());
                        })
                    }}>
                        <option value="all" selected={filter.is_none()}>{ text.all_filters }</option>
                        { for (0..props.filters).map(|index| html! {
                            <option value={index.to_string()} selected={filter == Some(index)}>
                                { format!("{} {}", text.filter, index + 1) }
                            </option>
                        }) }
                    </select>
                </label>
            }
            if props.has_kernel {
                <div class="button-row">
                    <span class="label">{ text.kernel }</span>
                    { random(Values::Kernel, integers, text.random_integers, "random-kernel-integers") }
                    { random(Values::Kernel, RandomKind::Normal, text.random_normal, "random-kernel-normal") }
                </div>
                <div class="select-field">
                    { labelled(text.preset, "preset".into(), Concept::Preset, props.lang) }
                    <select id="preset" onchange={onpreset}>
                        <option value="" selected=true>{ "—" }</option>
                        { for KernelPreset::ALL.iter().map(|&preset| html! {
                            <option value={preset.id()}>{ props.lang.preset(preset) }</option>
                        }) }
                    </select>
                </div>
            }
        </fieldset>
    }
}
