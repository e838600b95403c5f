//! Notices under the grids: link parameters that were not used as given, and a refused value.

use crate::app::i18n::{Lang, RefusedParameter};
use crate::app::state::Refusal;
use crate::app::url::Notice;
use yew::prelude::*;

/// The notices, each only when there is something to say: what the link that opened the page
/// could not use, and the last refused typed value. A plain function rather than a component:
/// it has no state of its own, and each component costs the build size.
pub fn notices(link: &Notice, refusal: Option<&Refusal>, lang: Lang) -> Html {
    let Notice {
        refused,
        values,
        repeated,
    } = link;
    // An unknown parameter is named alone; a known one with the value given, the values it
    // takes and the value used instead.
    let refused: Vec<RefusedParameter> = refused
        .iter()
        .map(|key| {
            let value = values.iter().find(|value| value.key == key);
            RefusedParameter {
                key,
                given: value
                    .map(|value| value.given.as_str())
                    .filter(|given| !given.is_empty()),
                accepted: value.and_then(|value| value.accepted.as_deref()),
                used: value.and_then(|value| value.used.as_deref()),
            }
        })
        .collect();
    let refusal = refusal.map(|refusal| match refusal {
        Refusal::NotANumber { text } => lang.not_a_number(text),
        Refusal::Engine(error) => lang.error(error),
    });
    html! {
        <>
            if !refused.is_empty() {
                <p class="refusal notice" role="status" data-testid="link-notice">
                    { lang.ignored_parameters(&refused) }
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
