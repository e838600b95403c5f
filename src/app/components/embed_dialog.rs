//! The embed dialog: choose the panels to hide and copy an `<iframe>` for course notes or a blog.

use crate::app::i18n::Lang;
use crate::app::page_address::page_address;
use crate::app::presentation::{Panel, Presentation};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`EmbedDialog`].
#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    /// Interface language.
    pub lang: Lang,
    /// The example's link parameters.
    pub query: AttrValue,
    /// Panels hidden now, the starting choice.
    pub hidden: Vec<Panel>,
    /// Closes the dialog.
    pub on_close: Callback<()>,
}

/// The snippet a host page needs: the iframe, and a listener that sizes it from the height
/// ConvStep reports.
pub fn snippet(address: &str, query: &str, hidden: &[Panel]) -> String {
    let presentation = Presentation {
        embed: true,
        hidden: hidden.to_vec(),
        ..Presentation::default()
    };
    let hide = if hidden.is_empty() {
        String::new()
    } else {
        format!("&hide={}", presentation.hidden_text())
    };
    // Embed mode hides the code unless the link asks for it.
    let show = if hidden.contains(&Panel::Code) {
        ""
    } else {
        "&show=code"
    };
    format!(
        "<iframe src=\"{address}?{query}&embed=1{hide}{show}\" title=\"ConvStep\" style=\"width: 100%; height: 640px; border: 0\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", (event) => {{\n\
         \x20 if (event.data && event.data.type === \"convstep:height\") {{\n\
         \x20   for (const frame of document.querySelectorAll(\"iframe\")) {{\n\
         \x20     if (frame.contentWindow === event.source) frame.style.height = event.data.height + \"px\";\n\
         \x20   }}\n\
         \x20 }}\n\
         }});\n\
         </script>"
    )
}

/// A modal dialog with panel checkboxes and the snippet.
#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let text = props.lang.text();
    // The code starts hidden, as embed mode hides it unless asked for.
    let hidden = use_state(|| {
        let mut hidden = props.hidden.clone();
        hidden.push(Panel::Code);
        Panel::in_screen_order(&hidden)
    });
    let code = snippet(&page_address(), &props.query, &hidden);
    let boxes = Panel::ALL
        .iter()
        .filter(|&&panel| panel != Panel::Header)
        .map(|&panel| {
            let hidden = hidden.clone();
            let checked = hidden.contains(&panel);
            let onchange = Callback::from(move |event: Event| {
                let mut next = (*hidden).clone();
                next.retain(|&p| p != panel);
                if event.target_unchecked_into::<HtmlInputElement>().checked() {
                    next.push(panel);
                    next = Panel::in_screen_order(&next);
                }
                hidden.set(next);
            });
            html! {
                <label class="check">
                    <input type="checkbox" {checked} {onchange} data-panel={panel.id()} />
                    <span>{ props.lang.panel_name(panel) }</span>
                </label>
            }
        });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <div class="overlay">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="embed-heading">
                <h2 id="embed-heading">{ text.embed }</h2>
                <p class="note">{ text.embed_note }</p>
                <fieldset><legend>{ text.hide_panels }</legend>{ for boxes }</fieldset>
                <textarea id="embed-code" readonly=true rows="10" value={code} aria-label={text.embed} />
                <button type="button" onclick={close}>{ text.close }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_embeds_the_example_and_sizes_the_frame() {
        let code = snippet(
            "https://example.org/convstep/",
            "in=4x4",
            &[Panel::Controls],
        );
        assert!(code.starts_with(
            "<iframe src=\"https://example.org/convstep/?in=4x4&embed=1&hide=controls&show=code\""
        ));
        assert!(code.contains("convstep:height"));
        assert!(
            code.contains("&show=code\""),
            "code not hidden, so asked for"
        );
        let without_code = snippet("https://example.org/", "in=4x4", &[Panel::Code]);
        assert!(
            without_code.contains("embed=1&hide=code\""),
            "{without_code}"
        );
    }
}
