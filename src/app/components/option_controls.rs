//! The per-operation switches and numbers: the bias, the block's first stage, activation and pooling, the
//! slope of Leaky ReLU, and the advanced fold (dilation, flip, ceil mode, padding counting).

use super::concept_tip::{ConceptTip, labelled};
use super::size_row::SizeRow;
use crate::app::format;
use crate::app::i18n::{Concept, Lang};
use crate::app::settings::BlockStart;
use crate::app::settings::{Operation, Settings, SizeField};
use crate::app::shared::Shared;
use crate::app::state::Change;
use crate::engine::WindowSpec;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
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
    concept: Concept,
    lang: Lang,
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
        <span class="check-row">
            <label class="check">
                <input type="checkbox" {id} {checked} {onchange} />
                <span>{ label }</span>
            </label>
            <ConceptTip {concept} {lang} />
        </span>
    }
}

/// A decimal field committed on change; refused text stays in the field. `concept` puts a `?`
/// beside its label.
fn decimal(
    id: String,
    label: String,
    value: f32,
    concept: Option<Concept>,
    lang: Lang,
    on_commit: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        on_commit.emit(event.target_unchecked_into::<HtmlInputElement>().value());
    });
    let label = match concept {
        Some(concept) => labelled(label, id.clone().into(), concept, lang),
        None => html! { <label class="label" for={id.clone()}>{ label }</label> },
    };
    html! {
        <div class="number-field">
            { label }
            <input {id} type="text" inputmode="decimal" size="5" value={format::exact(value)} {onchange} />
        </div>
    }
}

/// A labelled select of operations.
fn operation_select(
    id: &'static str,
    label: &'static str,
    options: &[Operation],
    selected: Operation,
    concept: Concept,
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
        <div class="select-field">
            { labelled(label, id.into(), concept, lang) }
            <select {id} {onchange}>
                { for options.iter().map(|&operation| html! {
                    <option value={operation.id()} selected={operation == selected}>{ lang.stage_name(operation) }</option>
                }) }
            </select>
        </div>
    }
}

/// The menu of what the block starts with: a convolution, a depthwise-separable pair, or a
/// transposed convolution.
fn block_start_select(selected: BlockStart, lang: Lang, on_change: &Callback<Change>) -> Html {
    let onchange = on_change.reform(|event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        Change::BlockStart(BlockStart::from_id(&id).unwrap_or_default())
    });
    html! {
        <div class="select-field">
            <label class="label" for="block-start">{ lang.text().block_start }</label>
            <select id="block-start" {onchange}>
                { for BlockStart::ALL.into_iter().map(|start| html! {
                    <option value={start.id()} selected={start == selected}>{ lang.block_start_name(start) }</option>
                }) }
            </select>
        </div>
    }
}

/// The toggle between transposed convolution's two views, and that both give the same output.
fn scatter_toggle(checked: bool, lang: Lang, on_change: &Callback<Change>) -> Html {
    let text = lang.text();
    let onchange = on_change.reform(|event: Event| {
        Change::Scatter(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="scatter-toggle">
            <label class="check">
                <input type="checkbox" id="scatter-view" {checked} {onchange} aria-describedby="views-agree" />
                <span>{ text.scatter_view }</span>
            </label>
            <p class="note" id="views-agree">{ text.views_agree }</p>
        </div>
    }
}

/// The option controls for the current operation, then the fold of advanced options: dilation,
/// flipping the kernel, ceil mode and counting padding cells. The fold opens by itself when one
/// of those it holds is not at its default, and stays as the learner leaves it.
#[component]
pub fn OptionControls(props: &OptionControlsProps) -> Html {
    let text = props.lang.text();
    let lang = props.lang;
    let settings = &props.settings;
    let operation = settings.operation;
    let block = operation == Operation::Block;
    let on = |make: fn(Operation) -> Change| props.on_change.reform(make);
    let biases = operation.has_weights().then(|| {
        let biases = (0..settings.filters.min(settings.bias.len())).map(|filter| {
            let label = if settings.filters > 1 {
                format!("{} {}", text.bias, filter + 1)
            } else {
                text.bias.to_owned()
            };
            // One `?` for all the biases.
            let concept = (filter == 0).then_some(Concept::Bias);
            decimal(
                format!("bias-{filter}"),
                label,
                settings.bias[filter],
                concept,
                lang,
                props
                    .on_change
                    .reform(move |typed| Change::Bias(filter, typed)),
            )
        });
        html! { <div class="biases">{ for biases }</div> }
    });
    let leaky = operation == Operation::LeakyRelu
        || (block && settings.block_activation == Operation::LeakyRelu);
    let slope = leaky.then(|| {
        decimal(
            "slope".to_owned(),
            text.slope.to_owned(),
            settings.slope,
            Some(Concept::Slope),
            lang,
            props.on_change.reform(Change::Slope),
        )
    });
    // The block's pooling takes ceil mode and, when it averages, include-pad, as the pooling alone does.
    let windowed = operation.has_window();
    let weights = operation.has_weights();
    let pools = operation.is_pool() || block;
    let averages = operation == Operation::AveragePool
        || (block && settings.block_pool == Operation::AveragePool);
    let away_from_default = (windowed && settings.dilation != WindowSpec::default().dilation)
        || (weights && settings.flip_kernel)
        || (pools && settings.ceil_mode)
        || (averages && !settings.count_include_pad);
    // Whether the learner (or a setting away from its default) has opened the fold.
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |event: Event| {
            opened.set(
                event
                    .target_unchecked_into::<Element>()
                    .has_attribute("open"),
            );
        })
    };
    html! {
        <>
            { biases }
            if block {
                { block_start_select(settings.block_start, lang, &props.on_change) }
                { operation_select("block-activation", text.activation, &Operation::ACTIVATIONS, settings.block_activation, Concept::Activation, lang, on(Change::BlockActivation)) }
            }
            { slope }
            if operation == Operation::ConvTranspose {
                { scatter_toggle(settings.scatter, lang, &props.on_change) }
            }
            if block {
                { operation_select("block-pool", text.pooling, &[Operation::MaxPool, Operation::AveragePool], settings.block_pool, Concept::Pooling, lang, on(Change::BlockPool)) }
            }
            if windowed {
                <details id="advanced" class="advanced" open={*opened || away_from_default} {ontoggle}>
                    <summary>{ text.advanced }</summary>
                    <SizeRow label={text.dilation} id="dilation" field={SizeField::Dilation} values={settings.dilation}
                        concept={Concept::Dilation} {lang} on_change={props.on_change.clone()} />
                    if weights && !settings.transposed() {
                        { checkbox("flip-kernel", text.flip_kernel, settings.flip_kernel, Concept::FlipKernel, lang, &props.on_change, Change::FlipKernel) }
                    }
                    if pools {
                        { checkbox("ceil-mode", text.ceil_mode, settings.ceil_mode, Concept::CeilMode, lang, &props.on_change, Change::CeilMode) }
                    }
                    if averages {
                        { checkbox("count-include-pad", text.count_include_pad, settings.count_include_pad, Concept::CountIncludePad, lang, &props.on_change, Change::CountIncludePad) }
                    }
                </details>
            }
        </>
    }
}
