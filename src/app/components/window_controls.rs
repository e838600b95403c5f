//! Sizes, stride and padding: what shapes the sliding window (dilation is in the advanced fold).

use super::concept_tip::{ConceptTip, labelled};
use super::number_field::NumberField;
use super::size_row::SizeRow;
use crate::app::i18n::{Concept, Lang};
use crate::app::settings::{
    Limit, Operation, PaddingChoice, Settings, SizeField, padding_mode_from_id, padding_mode_id,
};
use crate::app::shared::Shared;
use crate::app::state::{Change, Side};
use crate::engine::{PaddingMode, Sides};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`WindowControls`].
#[derive(Properties, PartialEq)]
pub struct WindowControlsProps {
    /// What the controls show.
    pub settings: Shared<Settings>,
    /// The padding currently resolved by the engine (for "custom" to start from).
    pub sides: Sides,
    /// Interface language.
    pub lang: Lang,
    /// Called with each change.
    pub on_change: Callback<Change>,
}

/// The window controls.
#[component]
pub fn WindowControls(props: &WindowControlsProps) -> Html {
    let text = props.lang.text();
    let lang = props.lang;
    let settings = &props.settings;
    let row = |label: &'static str, id: &'static str, field: SizeField, concept: Concept| {
        html! {
            <SizeRow key={id} {label} {id} {field} values={settings.size(field)} {concept} {lang}
                on_change={props.on_change.clone()} />
        }
    };
    let count = |label: &'static str,
                 id: &'static str,
                 value: usize,
                 limit: Limit,
                 concept: Concept,
                 change: fn(usize) -> Change| {
        html! {
            <NumberField {label} {id} {value} range={limit.range()} {concept} {lang}
                on_change={props.on_change.reform(change)} />
        }
    };
    let block = settings.operation == Operation::Block;
    let transposed = settings.transposed();
    let windowed = settings.operation.has_window();
    let (kernel_label, kernel_concept) = if settings.operation.is_pool() {
        (text.window_size, Concept::PoolWindow)
    } else {
        (text.kernel_size, Concept::KernelSize)
    };
    let onpadding = {
        let on_change = props.on_change.clone();
        let sides = props.sides;
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            let choice = PaddingChoice::from_id(&id).unwrap_or(PaddingChoice::Custom(sides));
            on_change.emit(Change::Padding(choice));
        })
    };
    let onfill = props.on_change.reform(|event: Event| {
        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
        Change::PaddingMode(padding_mode_from_id(&id).unwrap_or_default())
    });
    let weights = settings.operation.has_weights();
    // What fills the padding and the presets are a convolution's, not a transposed one's;
    // the depthwise-separable block's groups follow from its channels.
    let convolves = weights && !transposed;
    let grouped = weights && !settings.separable();
    let preset = |label: &'static str, id: &'static str, change: Change| {
        let onclick = props.on_change.reform(move |_: MouseEvent| change.clone());
        html! { <button type="button" class="small" {id} {onclick}>{ label }</button> }
    };
    // Every named mode, then "custom", which starts from the padding in effect.
    // Transposed convolution crops numbers only: none, or typed per side.
    let named = if transposed {
        &PaddingChoice::NAMED[..1]
    } else {
        &PaddingChoice::NAMED[..]
    };
    let modes = named
        .iter()
        .copied()
        .chain([PaddingChoice::Custom(props.sides)]);
    let custom = match settings.padding {
        PaddingChoice::Custom(sides) => Some(sides),
        _ => None,
    };
    // A named padding says what it resolves to, for the sizes as typed.
    let resolved = settings
        .window()
        .output_size_formulas(settings.input_size)
        .ok()
        .filter(|_| custom.is_none() && !transposed)
        .map(|[rows, columns]| Sides {
            top: rows.pad_begin,
            left: columns.pad_begin,
            bottom: rows.pad_end,
            right: columns.pad_end,
        });
    let side_field = |side: Side, index: usize, value: usize| {
        html! {
            <NumberField label={[text.sides.top, text.sides.left, text.sides.bottom, text.sides.right][index]} id={format!("pad-{}", ["top", "left", "bottom", "right"][index])} {value}
                range={Limit::Padding.range()} {lang}
                on_change={props.on_change.reform(move |value| Change::PadSide(side, value))} />
        }
    };
    html! {
        <>
            <fieldset class="sizes">
                <legend>{ text.sizes }</legend>
                <div class="size-row size-heading" aria-hidden="true">
                    <span></span><span>{ text.rows }</span><span></span><span>{ text.columns }</span>
                </div>
                { row(text.input_size, "input", SizeField::Input, Concept::InputSize) }
                if windowed {
                    { row(kernel_label, "kernel", SizeField::Kernel, kernel_concept) }
                    { row(text.stride, "stride", SizeField::Stride, Concept::Stride) }
                }
                if transposed {
                    { row(text.output_padding, "output-padding", SizeField::OutputPadding, Concept::OutputPadding) }
                }
                if block {
                    { row(text.pool_window, "pool", SizeField::PoolWindow, Concept::PoolWindow) }
                    { row(text.pool_stride, "pool-stride", SizeField::PoolStride, Concept::PoolStride) }
                }
                <div class="counts">
                    { count(text.channels, "channels", settings.channels, Limit::Channels, Concept::Channels, Change::Channels) }
                    if weights {
                        { count(text.filters, "filters", settings.filters, Limit::Filters, Concept::Filters, Change::Filters) }
                    }
                    if grouped {
                        { count(text.groups, "groups", settings.groups, Limit::Groups, Concept::Groups, Change::Groups) }
                    }
                </div>
                if convolves {
                    <div class="group-presets">
                        { preset(text.depthwise, "depthwise", Change::Depthwise) }
                        { preset(text.pointwise, "pointwise", Change::Pointwise) }
                        { preset(text.separable, "separable", Change::Separable) }
                    </div>
                }
            </fieldset>
            if windowed {
                <fieldset class="padding" aria-label={text.padding}>
                    <legend>{ text.padding }<ConceptTip concept={Concept::Padding} {lang} /></legend>
                    <select id="padding-mode" aria-label={text.padding} aria-describedby={resolved.map(|_| "resolved-sides")} onchange={onpadding}>
                        { for modes.map(|mode| html! {
                            <option value={mode.id()} selected={mode.id() == settings.padding.id()}>{ lang.padding_mode(mode) }</option>
                        }) }
                    </select>
                    if let Some(sides) = resolved {
                        <p class="resolved-sides" id="resolved-sides">{ lang.sides_text(sides) }</p>
                    }
                    if convolves {
                        <div class="padding-fill">
                            { labelled(text.padding_fill, "padding-fill".into(), Concept::PaddingFill, lang) }
                            <select id="padding-fill" onchange={onfill}>
                                { for PaddingMode::ALL.into_iter().zip(text.padding_fills).map(|(mode, name)| html! {
                                    <option value={padding_mode_id(mode)} selected={mode == settings.padding_mode}>{ name }</option>
                                }) }
                            </select>
                        </div>
                    }
                    if let Some(sides) = custom {
                        <div class="sides">
                            { side_field(Side::Top, 0, sides.top) }
                            { side_field(Side::Left, 1, sides.left) }
                            { side_field(Side::Bottom, 2, sides.bottom) }
                            { side_field(Side::Right, 3, sides.right) }
                        </div>
                    }
                </fieldset>
            }
        </>
    }
}
