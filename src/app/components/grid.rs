//! A labelled grid of cells: one channel of a map, or one kernel slice. It hands each row only
//! that row's marks, so a step re-renders the few rows whose look changed.

use super::grid_cell::CellEvents;
use super::grid_row::GridRow;
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::view::PlaneView;
use yew::prelude::*;

/// Props of [`Grid`].
#[derive(Properties, PartialEq)]
pub struct GridProps {
    /// The plane at this step.
    pub plane: PlaneView,
    /// Accessible name and caption ("Input, channel 1").
    pub name: AttrValue,
    /// Short test id ("input-0", "kernel-0", "output-0").
    pub id: AttrValue,
    /// Whether values can be edited by clicking.
    pub editable: bool,
    /// Interface language, for cell labels.
    pub lang: Lang,
    /// Where the cells report edits, hovering and clicks.
    pub events: CellEvents,
}

/// A grid.
#[component]
pub fn Grid(props: &GridProps) -> Html {
    let plane = &props.plane;
    let base = &plane.base;
    // Every column is as wide as the grid's widest value, worked out once per example, so the
    // table can use fixed layout: a step never lays out the whole table again, and columns never
    // widen while values are being written.
    let chars = use_memo(base.clone(), |base| {
        format::widest(base.cells.iter().filter_map(|cell| cell.value))
    });
    let rows = (0..base.rows).map(|row| {
        html! {
            <GridRow key={row} base={base.clone()} {row}
                marks={plane.overlay.get(&row).cloned().unwrap_or_default()}
                written={plane.written_in_row(row)} editable={props.editable} lang={props.lang}
                events={props.events.clone()} />
        }
    });
    html! {
        <table class={"grid"} role="grid" aria-label={props.name.clone()} data-grid={props.id.clone()}
            style={format!("--chars: {chars}")}>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
