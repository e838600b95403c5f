//! Keeps the window, the kernel in use and the cell being written in view inside scrolled
//! boxes, so stepping a large input never loses its place, and keeps the calculation's result in
//! view. Only the boxes scroll, never the page.

use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{DomRect, Element};

/// Calls [`follow_window`] in the next animation frame, when layout is due anyway. When that
/// scrolled a plane out of its figure's box into view, it runs once more a frame later: a plane
/// out of sight is not laid out (`content-visibility: auto`), so its cells' places are only
/// known once it shows.
pub fn follow_window_next_frame() {
    in_next_frame(|| {
        if follow_window() {
            in_next_frame(|| {
                follow_window();
            });
        }
    });
}

fn in_next_frame(then: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(then);
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// In every plane, brings the cells of the window (or the cell being written) into view, in the
/// plane's own box and in the figure's box around it; then scrolls the calculation to its end.
/// Says whether any figure's box scrolled.
pub fn follow_window() -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let Some(figures) = document.query_selector(".figures").ok().flatten() else {
        return false;
    };
    let mut moved = false;
    if let Ok(planes) = figures.query_selector_all(".plane") {
        for index in 0..planes.length() {
            let Some(plane) = planes
                .get(index)
                .and_then(|node| node.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let cells = plane.query_selector(".plane-cells").ok().flatten();
            if let (Some(target), Some(cells)) = (marked_area(&plane), cells) {
                moved |= reveal(&cells, &target, &figures);
            }
        }
    }
    if let Ok(Some(calculation)) = document.query_selector(".calculation") {
        calculation.set_scroll_top(calculation.scroll_height());
    }
    moved
}

/// The box around a plane's window cells and its cell being written, if it has any.
fn marked_area(plane: &Element) -> Option<DomRect> {
    let cells = plane.query_selector_all(".cell.tap, .cell.current").ok()?;
    let mut area: Option<(f64, f64, f64, f64)> = None;
    for index in 0..cells.length() {
        let Some(cell) = cells
            .get(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let rect = cell.get_bounding_client_rect();
        let (left, top, right, bottom) = (rect.left(), rect.top(), rect.right(), rect.bottom());
        area = Some(area.map_or((left, top, right, bottom), |(l, t, r, b)| {
            (l.min(left), t.min(top), r.max(right), b.max(bottom))
        }));
    }
    let (left, top, right, bottom) = area?;
    DomRect::new_with_x_and_y_and_width_and_height(left, top, right - left, bottom - top).ok()
}

/// Scrolls each scrolled box from `element` up to `outer` (not beyond) so that `target` shows.
/// Says whether a box around `element`'s own box scrolled.
fn reveal(element: &Element, target: &DomRect, outer: &Element) -> bool {
    let mut moved_outside = false;
    let (mut top, mut left) = (target.top(), target.left());
    let (height, width) = (target.height(), target.width());
    let mut current = Some(element.clone());
    while let Some(scroller) = current {
        if &scroller == outer {
            break;
        }
        let frame = scroller.get_bounding_client_rect();
        let (client_height, client_width) = (
            f64::from(scroller.client_height()),
            f64::from(scroller.client_width()),
        );
        if f64::from(scroller.scroll_height()) > client_height + 1.0 {
            let offset = top - frame.top();
            if offset < 0.0 || offset + height > client_height {
                let shift = offset - (client_height - height.min(client_height)) / 2.0;
                let before = scroller.scroll_top();
                scroller.set_scroll_top(before + shift as i32);
                top -= f64::from(scroller.scroll_top() - before);
                moved_outside |= &scroller != element && scroller.scroll_top() != before;
            }
        }
        if f64::from(scroller.scroll_width()) > client_width + 1.0 {
            let offset = left - frame.left();
            if offset < 0.0 || offset + width > client_width {
                let shift = offset - (client_width - width.min(client_width)) / 2.0;
                let before = scroller.scroll_left();
                scroller.set_scroll_left(before + shift as i32);
                left -= f64::from(scroller.scroll_left() - before);
                moved_outside |= &scroller != element && scroller.scroll_left() != before;
            }
        }
        current = scroller.parent_element();
    }
    moved_outside
}
