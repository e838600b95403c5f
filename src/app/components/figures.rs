//! The grids of the stage being stepped at the current step: the map it reads, its kernel (or
//! pooling window) and the map it writes, sized to fit the room on screen.

use super::feature_map::FeatureMap;
use super::follow::follow_window_next_frame;
use super::grid_cell::CellEvents;
use super::learn_panel::{Training, shown_back, trained_settings};
use super::screen_watch::use_box_size;
use super::window_outline::WindowOutline;
use crate::app::example::{Example, MapCell};
use crate::app::fit::{self, Allotment, Arrangement, Direction, FigureShape, Role, Room, whole_px};
use crate::app::format;
use crate::app::i18n::Lang;
use crate::app::learn;
use crate::app::separable::POINTWISE_STAGE;
use crate::app::settings::Values;
use crate::app::shared::Shared;
use crate::app::state::{Action, Change, Go, State};
use crate::app::view::{self, PlaneView};
use crate::engine::{Axis, Layer, PoolKind, Step, WindowLayout};
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
    /// Learning mode's training, worked out once by the root component.
    pub training: Shared<Option<Training>>,
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
    // The pointwise stage of the depthwise-separable block shows weights of their own, one
    // 1×1 plane per filter and channel.
    let settings = &props.state.example.settings;
    let pointwise = (settings.separable() && props.state.focus().0 == POINTWISE_STAGE)
        .then_some(settings.channels.max(1));
    let on_kernel_edit = use_callback(
        (on_action.clone(), pointwise),
        |([plane, row, column], typed): ([usize; 3], String), (on, pointwise)| {
            let change = match pointwise {
                Some(channels) => {
                    Change::PointwiseWeight([plane / channels, plane % channels], typed)
                }
                None => Change::Value(Values::Kernel, [plane, row, column], typed),
            };
            on.emit(Action::Change(change))
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

    // Learning mode shows the example after the training steps taken, so the learner watches
    // the kernel itself learn; its backward step replaces the forward step's marks.
    let training = &*props.training;
    let trained = use_memo(trained_settings(&props.state, training), |settings| {
        let example = settings
            .as_ref()
            .and_then(|settings| Example::build(settings).ok());
        example.map(Shared::new)
    });
    // The trained kernel is the start's descendant, not the start: it is not typed over (Back
    // to the start makes the kernel editable again).
    let kernel_editable = trained.is_none();
    let state = match &*trained {
        Some(example) => Rc::new(State {
            example: example.clone(),
            ..(*props.state).clone()
        }),
        None => props.state.clone(),
    };
    let state = &state;
    let (lang, example) = (state.lang, &state.example);
    let text = lang.text();
    let focus_stage = state.focus().0;
    let step = props.step.as_deref();
    let layer = view::current_layer(state);
    let back = shown_back(state, training);
    let back_end = back
        .as_ref()
        .map(|back| learn::stage_end(&example.pipeline, back.stage));
    use_effect_with(back_end, {
        let (on_action, position) = (on_action.clone(), state.position);
        move |&end| {
            if let Some(end) = end.filter(|&end| end != position) {
                on_action.emit(Action::Go(Go::To(end)));
            }
        }
    });
    let mut maps = view::maps(state, step.filter(|_| back.is_none()));
    let mut kernel = match layer {
        Some(Layer::Conv(_) | Layer::ConvTranspose(_)) => Some(view::kernel_planes(state)),
        _ => None,
    };
    if let Some(back) = &back {
        view::mark_back(
            state,
            &mut maps,
            kernel.as_deref_mut().unwrap_or_default(),
            back,
        );
    }
    let written = maps.get_mut(focus_stage + 1).map(std::mem::take);
    let read = maps.get_mut(focus_stage).map(std::mem::take);

    // The room on screen decides the cell size and where the figures go.
    let node = use_node_ref();
    let size = use_box_size(node.clone());
    let shapes = use_memo(
        (
            example.clone(),
            focus_stage,
            lang,
            state.presentation.projector,
        ),
        |(example, stage, lang, projector)| figure_shapes(example, *stage, *lang, *projector),
    );
    let projector = state.presentation.projector;
    let fitted = size.map(|(width, height)| {
        let room = room(width, height, projector);
        let fit = fit::fit(&shapes, &room);
        (fit, fit::allot(&shapes, &room, &fit))
    });
    // A new fit moves every plane: bring the window back into view.
    use_effect_with(fitted.as_ref().map(|(fit, _)| *fit), |_| {
        follow_window_next_frame()
    });
    let (direction, arrangement) = fitted
        .as_ref()
        .map_or((Direction::Across, Arrangement::Row), |(fit, _)| {
            (fit.direction, fit.arrangement)
        });
    let mut rooms = fitted
        .as_ref()
        .map(|(_, rooms)| rooms.clone())
        .unwrap_or_default()
        .into_iter();
    let read_room = rooms.next();
    let kernel_room = if kernel.is_some() || matches!(layer, Some(Layer::Pool(_))) {
        rooms.next()
    } else {
        None
    };
    let written_room = rooms.next();

    let map_figure = |map: usize, planes: Vec<PlaneView>, room: Option<Allotment>| {
        let names: Vec<String> = (0..planes.len())
            .map(|index| lang.channel_name(map, planes.len(), index))
            .collect();
        let (caption, id) = (
            lang.map_caption(&example.settings, map),
            example.map_id(map),
        );
        let error = state.error.as_ref().filter(|_| map == focus_stage + 1);
        let class = classes!(if map == 0 { "input" } else { "output" });
        html! {
            <FeatureMap key={id.clone()} {caption} id={id.clone()} planes={Rc::new(planes)} names={Rc::new(names)}
                {class} editable={map == 0} {lang} events={map_events.clone()} {direction} {room}>
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
    let kernel_figure = match (layer, kernel) {
        (Some(layer @ (Layer::Conv(_) | Layer::ConvTranspose(_))), Some(planes)) => {
            let [channels, ..] = weight_planes(layer);
            let caption = kernel_caption(layer, example, lang);
            // A convolution's slices are named by the input channel each meets in its group.
            let names = match layer {
                Layer::Conv(conv) => view::kernel_names(conv.groups(), lang),
                Layer::ConvTranspose(transposed) => view::kernel_names(transposed.groups(), lang),
                _ => Vec::new(),
            };
            html! {
                <FeatureMap key="kernel" {caption} planes={Rc::new(planes)}
                    names={Rc::new(names)} id="kernel" class={classes!("kernel")} lanes={channels}
                    editable={kernel_editable} {lang} events={kernel_events} {direction} room={kernel_room} />
            }
        }
        (Some(Layer::Pool(pool)), _) => html! {
            <figure class="figure kernel" key="kernel">
                <figcaption>{ text.window }</figcaption>
                <WindowOutline kernel={pool.layout().kernel()} step={step.cloned()}
                    max={matches!(pool.kind(), PoolKind::Max)} {lang} />
            </figure>
        },
        _ => html! {},
    };
    let figures = [
        read.map(|planes| map_figure(focus_stage, planes, read_room)),
        Some(kernel_figure),
        written.map(|planes| map_figure(focus_stage + 1, planes, written_room)),
    ];
    let arrangement = match arrangement {
        Arrangement::Row => "row",
        Arrangement::Stacked => "stacked",
        Arrangement::Column => "column",
    };
    let cell = fitted.map(|(fit, _)| {
        format!(
            "--cell: {}px; --cell-font: {}px",
            whole_px(fit.cell),
            fit::cell_font(fit.cell)
        )
    });
    // Settings the engine refused leave the grids showing an older example: grey them out.
    let stale = state.error.is_some().then_some("stale");
    html! {
        <div ref={node} class={classes!("figures", arrangement, stale)} style={cell}>
            { for figures.into_iter().flatten() }
        </div>
    }
}

/// The room for the figures, with the smallest and largest cells that suit the theme: cells on
/// a projector are read from the back of a classroom.
fn room(width: f64, height: f64, projector: bool) -> Room {
    let (min_cell, max_cell, caption) = if projector {
        (30.0, 76.0, 31.0)
    } else {
        (24.0, 52.0, 25.0)
    };
    Room {
        width,
        height,
        min_cell,
        max_cell,
        caption,
    }
}

/// A bold caption's width in CSS pixels: a Latin letter is about 0.66 em, a Chinese character
/// 1 em.
fn caption_width(caption: &str, projector: bool) -> f64 {
    let em = if projector { 20.0 } else { 16.0 };
    caption
        .chars()
        .map(|c| if c.is_ascii() { 0.66 } else { 1.0 })
        .sum::<f64>()
        * em
}

/// The shapes of the figures of stage `stage`: the map it reads, its kernel or pooling window,
/// and the map it writes.
fn figure_shapes(example: &Example, stage: usize, lang: Lang, projector: bool) -> Vec<FigureShape> {
    let text = lang.text();
    // The window's extent on the map being read, dilation included; one cell for an activation.
    let window = match example.stage(stage) {
        Some(Layer::Conv(conv)) => field(conv.layout()),
        Some(Layer::Pool(pool)) => field(pool.layout()),
        Some(Layer::ConvTranspose(transposed)) => transposed
            .gather()
            .map(|axis| axis.dilation * (axis.kernel - 1) + 1),
        _ => [1, 1],
    };
    let map_shape = |map: usize, role: Role| {
        let bases = example.bases.get(map)?;
        let base = bases.first()?;
        let chars = format::widest(
            bases
                .iter()
                .flat_map(|base| base.cells.iter().filter_map(|cell| cell.value)),
        );
        Some(FigureShape {
            role,
            planes: bases.len(),
            lanes: bases.len(),
            rows: base.rows,
            columns: base.columns,
            chars,
            caption_width: caption_width(&lang.map_caption(&example.settings, map), projector),
            window: if role == Role::Read { window } else { [1, 1] },
        })
    };
    let kernel = match example.stage(stage) {
        Some(layer @ (Layer::Conv(_) | Layer::ConvTranspose(_))) => {
            let [channels, filters, rows, columns, chars] = weight_planes(layer);
            Some(FigureShape {
                role: Role::Kernel,
                planes: filters * channels,
                lanes: channels,
                rows,
                columns,
                chars,
                caption_width: caption_width(kernel_caption(layer, example, lang), projector),
                window: [rows, columns],
            })
        }
        Some(Layer::Pool(pool)) => {
            let [rows, columns] = pool.layout().kernel();
            Some(FigureShape {
                role: Role::Kernel,
                planes: 1,
                lanes: 1,
                rows,
                columns,
                chars: 3,
                caption_width: caption_width(text.window, projector),
                window: [rows, columns],
            })
        }
        _ => None,
    };
    [
        map_shape(stage, Role::Read),
        kernel,
        map_shape(stage + 1, Role::Written),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `[channels per filter, filters, rows, columns, widest value's characters]` of a
/// (transposed) convolution's kernel, as its filter-major planes draw it.
fn weight_planes(layer: &Layer) -> [usize; 5] {
    let weights = match layer {
        Layer::Conv(conv) => conv.weights().clone(),
        Layer::ConvTranspose(transposed) => transposed.weights_by_filter(),
        _ => return [1; 5],
    };
    let (filters, channels, rows, columns) = weights.dim();
    [
        channels,
        filters,
        rows,
        columns,
        format::widest(weights.iter().copied()),
    ]
}

/// The kernel's caption: a transposed convolution's gather view slides it rotated 180°.
fn kernel_caption(layer: &Layer, example: &Example, lang: Lang) -> &'static str {
    match layer {
        Layer::ConvTranspose(_) if !example.settings.scatters() => lang.text().rotated_kernel,
        _ => lang.text().kernel,
    }
}

/// Rows and columns one window covers.
fn field(layout: &WindowLayout) -> [usize; 2] {
    [Axis::Rows, Axis::Columns].map(|axis| layout.along(axis).span(1))
}
