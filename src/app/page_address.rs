//! Where this page lives: the address that copied links and embed snippets point to.

/// The page address without its query, such as `https://example.org/convstep/`; empty outside
/// a browser.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}
