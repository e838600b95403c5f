//! The controls column: the operation, the window, the options, the picture and the values.

use super::operation_picker::OperationPicker;
use super::option_controls::OptionControls;
use super::picture_source::PictureSource;
use super::values_controls::ValuesControls;
use super::window_controls::WindowControls;
use crate::app::i18n::Lang;
use crate::app::settings::Settings;
use crate::app::shared::Shared;
use crate::app::state::Change;
use crate::engine::Sides;
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// What the controls show; may not form an example.
    pub settings: Shared<Settings>,
    /// The padding the engine resolved for the example shown (for "custom" to start from).
    pub sides: Sides,
    /// Interface language.
    pub lang: Lang,
    /// Called with each change the learner makes.
    pub on_change: Callback<Change>,
}

/// The controls column.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let ControlsProps {
        settings,
        sides,
        lang,
        on_change,
    } = props;
    let lang = *lang;
    html! {
        <section class="controls" aria-label={lang.text().controls}>
            <OperationPicker operation={settings.operation} {lang} on_change={on_change.reform(Change::Operation)} />
            <WindowControls settings={settings.clone()} sides={*sides} {lang} on_change={on_change.clone()} />
            <OptionControls settings={settings.clone()} {lang} on_change={on_change.clone()} />
            <PictureSource {lang} on_picture={on_change.reform(Change::Picture)} />
            <ValuesControls filters={settings.filters} has_kernel={settings.operation.has_weights()}
                {lang} on_change={on_change.clone()} />
        </section>
    }
}
