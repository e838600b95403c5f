//! One row of a grid. Its props are the shared cells, this row's marks and how many of its
//! cells are written, so it re-renders only when one of those changes.

use super::grid_cell::GridCell;
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::app::state::MapCell;
use crate::app::view::{Kind, Marks, PlaneBase, PlaneView};
use yew::prelude::*;

/// Props of [`GridRow`].
#[derive(Properties, PartialEq)]
pub struct GridRowProps {
    /// The plane's unchanging cells.
    pub base: Shared<PlaneBase>,
    /// Which row.
    pub row: usize,
    /// This row's marks: (column, marks).
    pub marks: Vec<(usize, Marks)>,
    /// Real cells of this row written so far.
    pub written: usize,
    /// Whether values can be edited by clicking.
    pub editable: bool,
    /// Interface language, for cell labels.
    pub lang: Lang,
    /// Edit callback.
    pub on_edit: Callback<([usize; 3], String)>,
    /// Hover callback.
    pub on_hover: Callback<Option<MapCell>>,
    /// Click callback for cells that are not editable.
    pub on_pick: Callback<MapCell>,
}

/// A table row of cells.
#[component]
pub fn GridRow(props: &GridRowProps) -> Html {
    let view = PlaneView {
        base: props.base.clone(),
        overlay: Default::default(),
        written: 0,
    };
    let padding = props.lang.text().padding_cell;
    let cells = (0..props.base.columns).map(|column| {
        let marks = props
            .marks
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(Marks::default(), |(_, marks)| *marks);
        let cell = view.cell(props.row, column, props.written, marks);
        let label = match cell.kind {
            Kind::Value => props.lang.cell_label(cell.at[1], cell.at[2], &cell.value.map(format::number).unwrap_or_default()),
            Kind::Padding => format!("{padding} 0"),
            Kind::Beyond | Kind::Pending => String::new(),
        };
        html! {
            <GridCell key={column} {cell} {label} editable={props.editable} map={props.base.map}
                on_edit={props.on_edit.clone()} on_hover={props.on_hover.clone()} on_pick={props.on_pick.clone()} />
        }
    });
    html! { <tr>{ for cells }</tr> }
}
