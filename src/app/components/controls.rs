//! The controls column: the operation, the window, the options, the picture and the values.

use super::operation_picker::OperationPicker;
use super::option_controls::OptionControls;
use super::picture_source::PictureSource;
use super::values_controls::ValuesControls;
use super::window_controls::WindowControls;
use crate::app::i18n::Lang;
use crate::app::settings::{Limit, Settings};
use crate::app::shared::Shared;
use crate::app::state::Change;
use crate::engine::Sides;
use yew::prelude::*;

/// The controls column: `settings` as the controls show them (they may not form an example),
/// the padding the engine resolved for the example shown (for "custom" to start from), and
/// where each change goes. A plain function: each control is a component that re-renders only
/// when its own props change.
pub fn controls(
    settings: &Shared<Settings>,
    sides: Sides,
    lang: Lang,
    on_change: &Callback<Change>,
) -> Html {
    html! {
        <section class="controls" aria-label={lang.text().controls}>
            <OperationPicker operation={settings.operation} {lang} on_change={on_change.reform(Change::Operation)} />
            <WindowControls settings={settings.clone()} {sides} {lang} on_change={on_change.clone()} />
            <OptionControls settings={settings.clone()} {lang} on_change={on_change.clone()} />
            <PictureSource {lang} on_picture={on_change.reform(|(sample, picture)| Change::Picture(sample, picture))} />
            // The "apply to" menu lists filters up to the limit, even while a refused count is typed.
            <ValuesControls filters={settings.filters.min(*Limit::Filters.range().end())} has_kernel={settings.operation.has_weights()}
                {lang} on_change={on_change.clone()} />
        </section>
    }
}
