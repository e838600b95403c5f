//! The `?` overlay listing every keyboard shortcut.

use crate::app::i18n::Lang;
use crate::app::shortcuts::SHORTCUTS;
use yew::prelude::*;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Interface language.
    pub lang: Lang,
    /// Closes the overlay.
    pub on_close: Callback<()>,
}

/// A modal list of shortcuts; Escape, the button or a click outside closes it.
#[component]
pub fn HelpOverlay(props: &HelpOverlayProps) -> Html {
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let text = props.lang.text();
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="overlay" onclick={close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-heading"
                onclick={Callback::from(|event: MouseEvent| event.stop_propagation())}>
                <h2 id="help-heading">{ text.shortcuts }</h2>
                <table class="shortcuts">
                    <tbody>
                        { for SHORTCUTS.iter().map(|binding| html! {
                            <tr>
                                <th>{ for binding.keys.iter().map(|&key| html! { <kbd>{ props.lang.key_name(key) }</kbd> }) }</th>
                                <td>{ props.lang.shortcut(binding.shortcut) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="note">{ text.shortcuts_note }</p>
                <button type="button" ref={close_button} onclick={close}>{ text.close }</button>
            </div>
        </div>
    }
}
