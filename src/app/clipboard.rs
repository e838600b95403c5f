//! Copying text to the clipboard, where the browser allows it: links, code and tensors.

use wasm_bindgen::{JsCast, JsValue};

/// Writes `text` to the clipboard if the browser allows it; returns whether it tried.
pub fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .unwrap_or(JsValue::UNDEFINED);
    match write.dyn_into::<js_sys::Function>() {
        Ok(write) => write.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        Err(_) => false,
    }
}
