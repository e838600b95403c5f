//! One size of the window controls: its rows and columns fields, the lock that makes them move
//! together, and the `?` that says what the size is.

use super::concept_tip::ConceptTip;
use super::number_field::{NumberField, range_text};
use crate::app::i18n::{Concept, Lang};
use crate::app::settings::SizeField;
use crate::app::state::Change;
use crate::engine::Axis;
use yew::prelude::*;

/// Props of [`SizeRow`].
#[derive(Properties, PartialEq)]
pub struct SizeRowProps {
    /// The size's name.
    pub label: &'static str,
    /// Prefix of the fields' ids: `{id}-h` and `{id}-w`.
    pub id: &'static str,
    /// Which size the fields set.
    pub field: SizeField,
    /// `[rows, columns]` now.
    pub values: [usize; 2],
    /// What the `?` explains.
    pub concept: Concept,
    /// Interface language.
    pub lang: Lang,
    /// Called with each change.
    pub on_change: Callback<Change>,
}

/// A size's row. The lock starts closed when rows and columns are equal; while it is closed, a
/// number typed into either field sets both.
#[component]
pub fn SizeRow(props: &SizeRowProps) -> Html {
    let text = props.lang.text();
    let [rows, columns] = props.values;
    // `None` until the learner locks, unlocks or types: until then the lock follows the values.
    let lock = use_state(|| None::<bool>);
    let locked = lock.unwrap_or(rows == columns);
    let field = props.field;
    let field_for = |axis: Axis, index: usize, name: &'static str| {
        let (lock, on_change) = (lock.clone(), props.on_change.clone());
        let on_number = Callback::from(move |value: usize| {
            lock.set(Some(locked));
            let axes: &[Axis] = if locked {
                &[Axis::Rows, Axis::Columns]
            } else {
                std::slice::from_ref(&axis)
            };
            for &axis in axes {
                on_change.emit(Change::Size(field, axis, value));
            }
        });
        html! {
            <NumberField label={props.lang.part_of(props.label, name)} compact=true id={format!("{}-{}", props.id, ["h", "w"][index])}
                value={props.values[index]} range={field.limit().range()} show_range=false lang={props.lang}
                on_change={on_number} />
        }
    };
    let onclick = {
        let lock = lock.clone();
        Callback::from(move |_: MouseEvent| lock.set(Some(!locked)))
    };
    let lock_name = props.lang.part_of(props.label, text.lock_sizes);
    html! {
        <div class="size-row" role="group" aria-label={props.label}>
            <span class="size-label">
                { props.label }<ConceptTip concept={props.concept} lang={props.lang} />
                <span class="range" aria-hidden="true">{ range_text(&field.limit().range()) }</span>
            </span>
            { field_for(Axis::Rows, 0, text.rows) }
            <button type="button" class="lock" id={format!("{}-lock", props.id)} aria-pressed={locked.to_string()}
                aria-label={lock_name.clone()} title={lock_name} {onclick}>
                <svg viewBox="0 0 18 8" aria-hidden="true">
                    <rect x={if locked { "2" } else { "0" }} y="1" width="8" height="6" rx="3" />
                    <rect x={if locked { "8" } else { "10" }} y="1" width="8" height="6" rx="3" />
                </svg>
            </button>
            { field_for(Axis::Columns, 1, text.columns) }
        </div>
    }
}
