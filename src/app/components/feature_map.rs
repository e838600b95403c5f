//! One feature map as a figure: a caption and one grid per channel.

use super::grid::Grid;
use super::grid_cell::CellEvents;
use crate::app::i18n::Lang;
use crate::app::view::PlaneView;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`FeatureMap`].
#[derive(Properties, PartialEq)]
pub struct FeatureMapProps {
    /// The caption ("Input", "ReLU output").
    pub caption: AttrValue,
    /// The planes, one per channel (or per filter slice for a kernel).
    pub planes: Rc<Vec<PlaneView>>,
    /// A name per plane ("R", "channel 2", "filter 1 · G").
    pub names: Rc<Vec<String>>,
    /// Test id prefix ("input", "map-1", "kernel").
    pub id: AttrValue,
    /// Extra CSS class for the figure.
    #[prop_or_default]
    pub class: Classes,
    /// Whether values can be edited.
    pub editable: bool,
    /// Interface language.
    pub lang: Lang,
    /// Where the cells report edits, hovering and clicks.
    pub events: CellEvents,
    /// Planes per row (a kernel's filter has one plane per input channel); 0 puts all in one row.
    #[prop_or_default]
    pub per_row: usize,
    /// Shown under the caption, such as the bias of each filter.
    #[prop_or_default]
    pub children: Html,
}

/// A captioned figure of grids.
#[component]
pub fn FeatureMap(props: &FeatureMapProps) -> Html {
    let many = props.planes.len() > 1;
    let per_row = if props.per_row == 0 {
        props.planes.len().max(1)
    } else {
        props.per_row
    };
    let rows = props.planes.chunks(per_row).enumerate().map(|(row, planes)| {
        let first = row * per_row;
        let row_width: usize = planes.iter().map(|plane| plane.base.columns).sum();
        html! {
            <div class="planes" key={row}>
                { for planes.iter().enumerate().map(|(offset, plane)| {
                    let index = first + offset;
                    let name = props.names.get(index).cloned().unwrap_or_default();
                    let label = if many { format!("{}, {name}", props.caption) } else { props.caption.to_string() };
                    html! {
                        <div class="plane" key={index}>
                            if many { <div class="plane-title">{ name }</div> }
                            <Grid plane={plane.clone()} name={label} id={format!("{}-{index}", props.id)} {row_width}
                                editable={props.editable} lang={props.lang} events={props.events.clone()} />
                        </div>
                    }
                }) }
            </div>
        }
    });
    html! {
        <figure class={classes!("figure", props.class.clone())}>
            <figcaption>{ &props.caption }</figcaption>
            { props.children.clone() }
            { for rows }
        </figure>
    }
}
