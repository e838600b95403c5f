//! One feature map as a figure: a caption and one grid per channel.

use super::grid::Grid;
use super::grid_cell::CellEvents;
use crate::app::fit::{Allotment, Direction, whole_px};
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
    /// Planes per group (a kernel's filter has one plane per input channel); 0 makes every
    /// plane one group.
    #[prop_or_default]
    pub lanes: usize,
    /// Whether a group's planes run across or down.
    pub direction: Direction,
    /// The room the planes get on screen; past it they scroll.
    #[prop_or_default]
    pub room: Option<Allotment>,
    /// Shown under the caption, such as the bias of each filter.
    #[prop_or_default]
    pub children: Html,
}

/// A captioned figure of grids.
#[component]
pub fn FeatureMap(props: &FeatureMapProps) -> Html {
    let many = props.planes.len() > 1;
    let lanes = match props.lanes {
        0 => props.planes.len().max(1),
        lanes => lanes,
    };
    let planes = props.planes.iter().enumerate().map(|(index, plane)| {
        let name = props.names.get(index).cloned().unwrap_or_default();
        let label = if many { format!("{}, {name}", props.caption) } else { props.caption.to_string() };
        html! {
            <div class={classes!("plane", plane.outside_group.then_some("outside-group"))} key={index} style={props.room.map(|room| {
                format!("max-width: {}px; max-height: {}px", whole_px(room.plane_width), whole_px(room.plane_height))
            })}>
                if many { <div class="plane-title">{ name }</div> }
                <div class="plane-cells">
                    <Grid plane={plane.clone()} name={label} id={format!("{}-{index}", props.id)}
                        editable={props.editable} lang={props.lang} events={props.events.clone()} />
                </div>
            </div>
        }
    });
    let (direction, tracks) = match props.direction {
        Direction::Across => (
            "across",
            format!("grid-template-columns: repeat({lanes}, max-content)"),
        ),
        Direction::Down => (
            "down",
            format!("grid-template-rows: repeat({lanes}, max-content)"),
        ),
    };
    let room = props.room.map_or_else(String::new, |room| {
        format!(
            "; max-width: {}px; max-height: {}px",
            whole_px(room.width),
            whole_px(room.height)
        )
    });
    html! {
        <figure class={classes!("figure", props.class.clone())}>
            <figcaption>{ &props.caption }</figcaption>
            { props.children.clone() }
            <div class={classes!("planes", direction)} style={format!("{tracks}{room}")}>{ for planes }</div>
        </figure>
    }
}
