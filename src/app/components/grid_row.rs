//! One row of a grid. Its props are the shared cells, this row's marks and how many of its
//! cells are written, so it re-renders only when one of those changes.

use super::grid_cell::{CellEvents, GridCell};
use crate::app::i18n::Lang;
use crate::app::plane::{Marks, PlaneBase};
use crate::app::shared::Shared;
use crate::app::view::PlaneView;
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
    /// Where the cells report edits, hovering and clicks.
    pub events: CellEvents,
}

/// A table row of cells.
#[component]
pub fn GridRow(props: &GridRowProps) -> Html {
    let view = PlaneView {
        base: props.base.clone(),
        overlay: Default::default(),
        written: 0,
        outside_group: false,
    };
    let cells = (0..props.base.columns).map(|column| {
        let marks = props
            .marks
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(Marks::default(), |(_, marks)| *marks);
        let cell = view.cell(props.row, column, props.written, marks);
        html! {
            <GridCell key={column} {cell} lang={props.lang} editable={props.editable} map={props.base.map}
                events={props.events.clone()} />
        }
    });
    html! { <tr role="row">{ for cells }</tr> }
}
