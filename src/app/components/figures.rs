//! The grids of the example at the current step: every feature map in pipeline order, with the
//! kernel (or pooling window) beside the map the stage being stepped reads.

use super::feature_map::FeatureMap;
use super::grid_cell::CellEvents;
use super::window_outline::WindowOutline;
use crate::app::example::MapCell;
use crate::app::settings::Values;
use crate::app::state::{Action, Change, State};
use crate::app::view::{self, PlaneView};
use crate::engine::{Layer, PoolKind, Step};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The state shown.
    pub state: Rc<State>,
    /// The current step, worked out once by the root component.
    pub step: Option<Rc<Step>>,
    /// Sends actions to the state.
    pub on_action: Callback<Action>,
}

/// The figures: maps, kernel and the engine's reason when the settings are not what is shown.
#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let on_action = &props.on_action;
    let on_hover = use_callback(on_action.clone(), |hover: Option<MapCell>, on_action| {
        on_action.emit(Action::Hover(hover))
    });
    let last_map = props.state.example.map_count() - 1;
    let on_pick = use_callback(
        (on_action.clone(), last_map),
        |picked: MapCell, (on, last)| {
            if picked.map == *last {
                on.emit(Action::Trace(Some(picked.cell)));
            }
        },
    );
    let on_input_edit = use_callback(
        on_action.clone(),
        |(at, typed): ([usize; 3], String), on| {
            on.emit(Action::Change(Change::Value(Values::Input, at, typed)))
        },
    );
    let on_kernel_edit = use_callback(
        on_action.clone(),
        |(at, typed): ([usize; 3], String), on| {
            on.emit(Action::Change(Change::Value(Values::Kernel, at, typed)))
        },
    );
    let map_events = CellEvents {
        on_edit: on_input_edit,
        on_hover,
        on_pick,
    };
    // Kernel cells neither trace nor hover; stable callbacks keep their grids from re-rendering.
    let kernel_events = CellEvents {
        on_edit: on_kernel_edit,
        on_hover: use_callback((), |_: Option<MapCell>, _| {}),
        on_pick: use_callback((), |_: MapCell, _| {}),
    };

    let state = &props.state;
    let (lang, example) = (state.lang, &state.example);
    let text = lang.text();
    let focus_stage = state.focus().0;
    let single = example.map_count() == 2;
    let map_figure = |map: usize, planes: Vec<PlaneView>| {
        let names: Vec<String> = (0..planes.len())
            .map(|index| lang.channel_name(map, planes.len(), index))
            .collect();
        let (caption, id) = match map {
            0 => (text.input.to_owned(), "input".to_owned()),
            _ if single => (text.output.to_owned(), "output".to_owned()),
            map => (
                lang.stage_output(&example.settings, map - 1),
                format!("map-{map}"),
            ),
        };
        let error = state.error.as_ref().filter(|_| map == focus_stage + 1);
        let class = classes!(if map == 0 { "input" } else { "output" });
        html! {
            <FeatureMap key={id.clone()} {caption} id={id.clone()} planes={Rc::new(planes)} names={Rc::new(names)}
                {class} editable={map == 0} {lang} events={map_events.clone()}>
                if let Some(error) = error {
                    <div class="error" role="alert" data-testid="error">
                        <strong>{ text.error_heading }</strong>
                        <p>{ lang.error(error) }</p>
                        <p class="note">{ text.showing_previous }</p>
                    </div>
                }
            </FeatureMap>
        }
    };
    let step = props.step.as_deref();
    let kernel_figure = match view::current_layer(state) {
        Some(Layer::Conv(conv)) => {
            let (filters, channels, _, _) = conv.weights().dim();
            let names: Vec<String> = (0..filters * channels)
                .map(|i| lang.kernel_slice_name(i / channels, filters, channels, i % channels))
                .collect();
            html! {
                <FeatureMap key="kernel" caption={text.kernel} planes={Rc::new(view::kernel_planes(state))}
                    names={Rc::new(names)} id="kernel" class={classes!("kernel")} per_row={channels}
                    editable=true {lang} events={kernel_events} />
            }
        }
        Some(Layer::Pool(pool)) => html! {
            <figure class="figure kernel" key="kernel">
                <figcaption>{ text.window }</figcaption>
                <WindowOutline kernel={pool.layout().kernel()} step={step.cloned()}
                    max={matches!(pool.kind(), PoolKind::Max)} />
            </figure>
        },
        _ => html! {},
    };
    let mut figures = Vec::new();
    for (map, planes) in view::maps(state, step).into_iter().enumerate() {
        figures.push(map_figure(map, planes));
        if map == focus_stage {
            figures.push(kernel_figure.clone());
        }
    }
    // Settings the engine refused leave the grids showing an older example: grey them out.
    let stale = state.error.is_some().then_some("stale");
    html! { <div class={classes!("figures", stale)}>{ for figures }</div> }
}
