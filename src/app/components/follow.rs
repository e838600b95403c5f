//! Keeps the current window and the cell being written in view inside scrolled grids, so
//! stepping a large input never loses its place. Only the grid scrolls, never the page.

use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, HtmlElement};

/// Calls [`follow_window`] in the next animation frame, when layout is due anyway.
pub fn follow_window_next_frame() {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(follow_window);
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Scrolls each grid that holds the current output cell or the first tap so that cell is visible.
pub fn follow_window() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    for selector in [".figures .cell.current", ".figures .cell.tap"] {
        if let Ok(Some(cell)) = document.query_selector(selector) {
            reveal(&cell);
        }
    }
}

fn reveal(cell: &Element) {
    let Some(plane) = cell
        .closest(".plane")
        .ok()
        .flatten()
        .and_then(|plane| plane.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let (cell_box, plane_box) = (
        cell.get_bounding_client_rect(),
        plane.get_bounding_client_rect(),
    );
    let top = cell_box.top() - plane_box.top() + plane.scroll_top() as f64;
    let left = cell_box.left() - plane_box.left() + plane.scroll_left() as f64;
    let (height, width) = (plane.client_height() as f64, plane.client_width() as f64);
    let scroll_top = plane.scroll_top() as f64;
    let scroll_left = plane.scroll_left() as f64;
    if top < scroll_top || top + cell_box.height() > scroll_top + height {
        plane.set_scroll_top((top - height / 2.0 + cell_box.height() / 2.0).max(0.0) as i32);
    }
    if left < scroll_left || left + cell_box.width() > scroll_left + width {
        plane.set_scroll_left((left - width / 2.0 + cell_box.width() / 2.0).max(0.0) as i32);
    }
}
