//! Watching the screen: the size of a box as the window, the drawer or the panels change it, and
//! whether a media query matches.

use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// The content size of the element behind `node`, in CSS pixels, kept up to date by a
/// `ResizeObserver`. `None` until it is first measured.
#[hook]
pub fn use_box_size(node: NodeRef) -> Option<(f64, f64)> {
    let size = use_state_eq(|| None::<(i32, i32)>);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let measure = {
                let element = element.clone();
                move || {
                    if let Some(element) = &element {
                        size.set(Some((element.client_width(), element.client_height())));
                    }
                }
            };
            measure();
            let callback = Closure::<dyn FnMut()>::new(measure);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, &element) {
                observer.observe(element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    size.map(|(width, height)| (f64::from(width), f64::from(height)))
}

/// Whether the media query matches now; re-renders when that changes.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let list = use_memo((), |()| {
        web_sys::window().and_then(|window| window.match_media(query).ok().flatten())
    });
    let matches = use_state_eq(|| list.as_ref().as_ref().is_some_and(|list| list.matches()));
    {
        let matches = matches.clone();
        use_effect_with(list, move |list| {
            let listener = list.as_ref().as_ref().map(|list| {
                let watched = list.clone();
                let callback = Closure::<dyn FnMut()>::new(move || matches.set(watched.matches()));
                list.set_onchange(Some(callback.as_ref().unchecked_ref()));
                (list.clone(), callback)
            });
            move || {
                if let Some((list, _callback)) = listener {
                    list.set_onchange(None);
                }
            }
        });
    }
    *matches
}
