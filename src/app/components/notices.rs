//! Notices under the grids: link parameters that were not used as given, and a refused value.

use crate::app::i18n::Lang;
use crate::app::state::{LinkNotice, Refusal};
use yew::prelude::*;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// What the link that opened the page could not use.
    pub link: LinkNotice,
    /// The last refused typed value.
    pub refusal: Option<Refusal>,
    /// Interface language.
    pub lang: Lang,
}

/// The notices, each only when there is something to say.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let LinkNotice { refused, repeated } = &props.link;
    let refusal = props.refusal.as_ref().map(|refusal| match refusal {
        Refusal::NotANumber { text } => lang.not_a_number(text),
        Refusal::Engine(error) => lang.error(error),
    });
    html! {
        <>
            if !refused.is_empty() {
                <p class="refusal notice" role="status" data-testid="link-notice">
                    { lang.ignored_parameters(refused) }
                </p>
            }
            if !repeated.is_empty() {
                <p class="refusal notice" role="status" data-testid="link-repeated">
                    { lang.repeated_parameters(repeated) }
                </p>
            }
            if let Some(message) = refusal {
                <p class="refusal" role="alert" data-testid="refusal">{ message }</p>
            }
        </>
    }
}
