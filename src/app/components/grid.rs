//! A labelled grid of cells: one channel of the input, one kernel slice, or one output channel.

use super::grid_cell::GridCell;
use crate::app::i18n::Lang;
use crate::app::state::MapCell;
use crate::app::view::{Kind, Plane};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Grid`].
#[derive(Properties, PartialEq)]
pub struct GridProps {
    /// The cells to draw.
    pub plane: Rc<Plane>,
    /// Accessible name and caption ("Input, channel 1").
    pub name: AttrValue,
    /// Short test id ("input-0", "kernel-0", "output-0").
    pub id: AttrValue,
    /// Columns of all the planes in this grid's row together, for choosing the cell size.
    #[prop_or_default]
    pub row_width: usize,
    /// Whether values can be edited by clicking.
    pub editable: bool,
    /// Interface language, for cell labels.
    pub lang: Lang,
    /// Edit callback: coordinates and typed text.
    pub on_edit: Callback<([usize; 3], String)>,
    /// Hover callback: the cell or `None`.
    pub on_hover: Callback<Option<MapCell>>,
    /// Click callback for cells that are not editable.
    pub on_pick: Callback<MapCell>,
}

/// A grid; cells are keyed by position so a step re-renders only the cells whose look changed.
#[component]
pub fn Grid(props: &GridProps) -> Html {
    let plane = &props.plane;
    let padding = props.lang.text().padding_cell;
    let rows = (0..plane.rows).map(|row| {
        let cells = (0..plane.columns).map(|column| {
            let cell = plane.cells[row * plane.columns + column];
            let value = cell
                .value
                .map(crate::app::format::number)
                .unwrap_or_default();
            let label = match cell.kind {
                Kind::Value => props.lang.cell_label(cell.at[1], cell.at[2], &value),
                Kind::Padding => format!("{padding} 0"),
                Kind::Beyond | Kind::Pending => String::new(),
            };
            html! {
                <GridCell key={column} {cell} label={label} editable={props.editable} map={plane.map}
                    on_edit={props.on_edit.clone()} on_hover={props.on_hover.clone()} on_pick={props.on_pick.clone()} />
            }
        });
        html! { <tr key={row}>{ for cells }</tr> }
    });
    // Cells shrink as a row of planes grows, so a whole map stays in view.
    let density = match props.row_width.max(plane.columns).max(plane.rows) {
        0..=16 => None,
        17..=32 => Some("dense"),
        33..=48 => Some("very-dense"),
        _ => Some("tiny"),
    };
    html! {
        <table class={classes!("grid", density)} role="grid" aria-label={props.name.clone()} data-grid={props.id.clone()}>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
