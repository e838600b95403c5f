//! Sizes, stride, dilation and padding: everything that shapes the sliding window.

use super::number_field::{NumberField, range_text};
use crate::app::i18n::Lang;
use crate::app::settings::{Limit, Operation, PaddingChoice, Settings, SizeField};
use crate::app::shared::Shared;
use crate::app::state::{Change, Side};
use crate::engine::{Axis, Sides};
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
    let settings = &props.settings;
    // One row per size: a label, then the rows and columns fields under shared headings.
    let row = |label: &'static str, id: &'static str, field: SizeField| {
        let values = settings.size(field);
        let field_for = |axis: Axis, index: usize, name: &'static str| {
            html! {
                <NumberField label={format!("{label}: {name}")} compact=true id={format!("{id}-{}", ["h", "w"][index])}
                    value={values[index]} range={field.limit().range()} show_range=false lang={props.lang}
                    on_change={props.on_change.reform(move |value| Change::Size(field, axis, value))} />
            }
        };
        html! {
            <div class="size-row" role="group" aria-label={label}>
                <span class="size-label">{ label }<span class="range" aria-hidden="true">{ range_text(&field.limit().range()) }</span></span>
                { field_for(Axis::Rows, 0, text.rows) }
                <span class="times" aria-hidden="true">{ "×" }</span>
                { field_for(Axis::Columns, 1, text.columns) }
            </div>
        }
    };
    let count = |label: &'static str,
                 id: &'static str,
                 value: usize,
                 limit: Limit,
                 change: fn(usize) -> Change| {
        html! {
            <NumberField {label} {id} {value} range={limit.range()} lang={props.lang}
                on_change={props.on_change.reform(change)} />
        }
    };
    let block = settings.operation == Operation::Block;
    let windowed = settings.operation.has_window();
    let kernel_label = if settings.operation.is_pool() {
        text.window_size
    } else {
        text.kernel_size
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
    let modes = [
        PaddingChoice::Valid,
        PaddingChoice::Same,
        PaddingChoice::SameLower,
        PaddingChoice::Full,
        PaddingChoice::Custom(props.sides),
    ];
    let custom = match settings.padding {
        PaddingChoice::Custom(sides) => Some(sides),
        _ => None,
    };
    let side_field = |side: Side, index: usize, value: usize| {
        html! {
            <NumberField label={[text.sides.top, text.sides.left, text.sides.bottom, text.sides.right][index]} id={format!("pad-{}", ["top", "left", "bottom", "right"][index])} {value}
                range={Limit::Padding.range()} lang={props.lang}
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
                { row(text.input_size, "input", SizeField::Input) }
                if windowed {
                    { row(kernel_label, "kernel", SizeField::Kernel) }
                    { row(text.stride, "stride", SizeField::Stride) }
                    { row(text.dilation, "dilation", SizeField::Dilation) }
                }
                if block {
                    { row(text.pool_window, "pool", SizeField::PoolWindow) }
                    { row(text.pool_stride, "pool-stride", SizeField::PoolStride) }
                }
                <div class="counts">
                    { count(text.channels, "channels", settings.channels, Limit::Channels, Change::Channels) }
                    if settings.operation.has_weights() {
                        { count(text.filters, "filters", settings.filters, Limit::Filters, Change::Filters) }
                    }
                </div>
            </fieldset>
            if windowed {
                <fieldset class="padding">
                    <legend>{ text.padding }</legend>
                    <select id="padding-mode" aria-label={text.padding} onchange={onpadding}>
                        { for modes.iter().map(|mode| html! {
                            <option value={mode.id()} selected={mode.id() == settings.padding.id()}>{ props.lang.padding_mode(*mode) }</option>
                        }) }
                    </select>
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
