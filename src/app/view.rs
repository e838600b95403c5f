//! What every cell of every grid looks like at the current step: pure data derived from the
//! state and the engine's `Step`s, so the components only render it and tests can check it natively.
//!
//! The grids are feature maps in pipeline order: map 0 is the input, map `k` the output of stage
//! `k - 1`. The stage being stepped reads the map of its own index and writes the next one.
//!
//! Each grid is split in two so that a step costs O(taps), not O(cells):
//! - a [`PlaneBase`] (see [`super::plane`]), built once per example: values, padding and cells no window reads;
//! - a per-step [`PlaneView`]: a few sparse marks and how many cells are written so far.

use super::example::{Example, MapCell};
use super::i18n::Lang;
use super::learn::BackStep;
use super::plane::Marks;
pub use super::plane::{Overlay, PlaneView};
use super::scatter;
use super::state::State;
use crate::engine::backward::Wrt;
use crate::engine::{
    Arithmetic, Cell, GroupLayout, Layer, Step, Stepper,
    stepper::{cell_of_step, step_of_cell},
};
use std::collections::BTreeSet;

/// The stage being stepped.
pub fn current_layer(state: &State) -> Option<&Layer> {
    state.example.stage(state.focus().0)
}

/// The current step of the stage being stepped, from the engine; `None` in the scatter view,
/// whose steps are input cells ([`super::scatter`]).
pub fn current_step(state: &State) -> Option<Step> {
    if state.example.scattered().is_some() {
        return None;
    }
    let (stage, step) = state.focus();
    state.example.stage(stage)?.step(step).ok()
}

/// Every map at the current step (`step`, from [`current_step`]): its shared planes with
/// this step's marks.
pub fn maps(state: &State, step: Option<&Step>) -> Vec<Vec<PlaneView>> {
    let traced = receptive_field(state);
    let mut maps: Vec<Vec<PlaneView>> = (0..state.example.map_count())
        .map(|map| map_planes(state, map, step, traced.as_ref()))
        .collect();
    if let Some((transposed, step)) = scatter::current(state) {
        scatter::mark(&mut maps, transposed, &step);
    }
    maps
}

/// The receptive field of the traced cell: one set of cells per map before the last.
fn receptive_field(state: &State) -> Option<Vec<BTreeSet<Cell>>> {
    let cell = state.traced?;
    let last = state.example.pipeline.stages().len().checked_sub(1)?;
    state.example.pipeline.receptive_field(last, cell).ok()
}

fn map_planes(
    state: &State,
    map: usize,
    step: Option<&Step>,
    traced: Option<&Vec<BTreeSet<Cell>>>,
) -> Vec<PlaneView> {
    let example = &state.example;
    let Some(bases) = example.bases.get(map) else {
        return Vec::new();
    };
    let (focus_stage, focus_step) = state.focus();
    let mut planes: Vec<PlaneView> = bases
        .iter()
        .map(|base| {
            // Maps written by earlier stages are complete, by later stages still empty.
            let written = match map.checked_sub(1) {
                None => usize::MAX,
                Some(writer) if writer < focus_stage => usize::MAX,
                Some(writer) if writer > focus_stage => 0,
                Some(_) => (focus_step + 1)
                    .saturating_sub(base.index * cells_of_map(example, map))
                    .min(base.real_rows * base.real_columns),
            };
            PlaneView::new(base.clone(), written)
        })
        .collect();

    // The stage being stepped: its window on this map, its output cell on the next.
    if let Some(step) = step {
        if map == focus_stage {
            mark_window(&mut planes, step, Marks::TAP, true);
            let groups = match example.stage(focus_stage) {
                Some(Layer::Conv(conv)) => Some(conv.groups()),
                Some(Layer::ConvTranspose(transposed)) => Some(transposed.groups()),
                _ => None,
            };
            if let Some(groups) = groups {
                let group = groups.channels_of_filter(step.output.channel);
                for plane in &mut planes {
                    plane.outside_group = !group.contains(&plane.base.index);
                }
            }
        }
        if map == focus_stage + 1
            && let Some(plane) = planes.get_mut(step.output.channel)
        {
            plane.mark_cell(step.output, Marks::CURRENT);
        }
    }
    if let Some(hover) = state.hover {
        mark_hover(&mut planes, state, map, hover);
    }
    if let Some(fields) = traced {
        if let Some(field) = fields.get(map) {
            for cell in field {
                if let Some(plane) = planes.get_mut(cell.channel) {
                    plane.mark_cell(*cell, Marks::RECEPTIVE);
                }
            }
        }
        if map + 1 == example.map_count()
            && let Some(cell) = state.traced
            && let Some(plane) = planes.get_mut(cell.channel)
        {
            plane.mark_cell(cell, Marks::TRACED);
        }
    }
    planes
}

/// Real cells per channel of map `map`.
fn cells_of_map(example: &Example, map: usize) -> usize {
    example.map(map).map_or(0, |values| {
        let (_, rows, columns) = values.dim();
        rows * columns
    })
}

/// Marks the taps of `step` on the planes of the map it reads; with `span`, also the window's
/// span and the max pooling winner.
fn mark_window(planes: &mut [PlaneView], step: &Step, tap_mark: Marks, span: bool) {
    if span {
        for plane in planes.iter_mut() {
            let mut taps = step
                .taps
                .iter()
                .filter(|tap| tap.channel == plane.base.index);
            if let (Some(first), Some(last)) = (taps.next(), taps.next_back()) {
                for row in first.padded[0]..=last.padded[0] {
                    for column in first.padded[1]..=last.padded[1] {
                        plane.mark([row, column], Marks::FIELD);
                    }
                }
            }
        }
    }
    let winner = match step.arithmetic {
        Arithmetic::Max { winner } if span => Some(winner),
        _ => None,
    };
    for (index, tap) in step.taps.iter().enumerate() {
        if let Some(plane) = planes.get_mut(tap.channel) {
            plane.mark(tap.padded, tap_mark);
            if winner == Some(index) {
                plane.mark(tap.padded, Marks::WINNER);
            }
        }
    }
}

/// Hovering a cell of map `hover.map` shows its window on the map before and the cells it
/// feeds on the map after.
fn mark_hover(planes: &mut [PlaneView], state: &State, map: usize, hover: MapCell) {
    let example = &state.example;
    if hover.map == map {
        if let Some(plane) = planes.get_mut(hover.cell.channel) {
            plane.mark_cell(hover.cell, Marks::HOVERED);
            mark_copies(plane, hover.cell);
        }
    } else if hover.map == map + 1 {
        // The hovered cell is an output of stage `map`: show the window it was computed from.
        if let Some(stage) = example.stage(map)
            && let Ok(step) = stage.step(step_of_cell(hover.cell, stage.output_shape()))
        {
            if example.scattered().is_some() {
                // The scatter view draws the input as it is: mark the input cells read.
                for tap in &step.taps {
                    if let (Some([row, column]), Some(plane)) =
                        (tap.source.read(), planes.get_mut(tap.channel))
                    {
                        let cell = Cell {
                            channel: tap.channel,
                            row,
                            column,
                        };
                        plane.mark_cell(cell, Marks::HOVER_WINDOW);
                    }
                }
            } else {
                mark_window(planes, &step, Marks::HOVER_WINDOW, false);
            }
        }
    } else if map == hover.map + 1
        && let Some(stage) = example.stage(hover.map)
        && let Ok(readers) = stage.readers_of(hover.cell)
    {
        // The hovered cell is an input of stage `hover.map`: show every output it feeds.
        let shape = stage.output_shape();
        for reader in readers {
            if let Ok(cell) = cell_of_step(reader.step, shape)
                && let Some(plane) = planes.get_mut(cell.channel)
            {
                plane.mark_cell(cell, Marks::FEEDS);
            }
        }
    }
}

/// Marks the padding cells of `plane` that repeat input cell `cell` (reflect, replicate or
/// circular padding).
fn mark_copies(plane: &mut PlaneView, cell: Cell) {
    let at = [cell.channel, cell.row, cell.column];
    let columns = plane.base.columns.max(1);
    let copies: Vec<usize> = (plane.base.cells.iter().enumerate())
        .filter(|(_, view)| view.marks.has(Marks::BORROWED) && view.at == at)
        .map(|(index, _)| index)
        .collect();
    for index in copies {
        plane.mark([index / columns, index % columns], Marks::COPY);
    }
}

/// The name of each kernel plane of a (transposed) convolution split into `groups`: its filter
/// and the input channel it meets, which for a grouped filter is a channel of its group
/// ("filter 2 · channel 3").
pub fn kernel_names(groups: &GroupLayout, lang: Lang) -> Vec<String> {
    let (filters, channels) = (groups.filters, groups.channels);
    let slices = groups.channels_per_group().max(1);
    (0..filters * slices)
        .map(|i| {
            let channel = groups.channels_of_filter(i / slices).start + i % slices;
            lang.kernel_slice_name(i / slices, filters, channels, channel)
        })
        .collect()
}

/// The kernel planes of the stage being stepped, with the filter in use marked.
pub fn kernel_planes(state: &State) -> Vec<PlaneView> {
    let (stage, step) = state.focus();
    let Some(bases) = state.example.kernels.get(stage) else {
        return Vec::new();
    };
    let in_use = state
        .example
        .stage(stage)
        .and_then(|layer| cell_of_step(step, layer.output_shape()).ok())
        .map(|cell| cell.channel);
    // A filter has one slice for each channel of its group.
    let channels = match state.example.stage(stage) {
        Some(Layer::Conv(conv)) => conv.weights().dim().1.max(1),
        Some(Layer::ConvTranspose(transposed)) => transposed.groups().channels_per_group().max(1),
        _ => 1,
    };
    bases
        .iter()
        .map(|base| {
            let mut plane = PlaneView::new(base.clone(), usize::MAX);
            if in_use == Some(base.index / channels) {
                for row in 0..base.rows {
                    for column in 0..base.columns {
                        plane.mark([row, column], Marks::TAP);
                    }
                }
            }
            plane
        })
        .collect()
}

/// Learning mode's backward step on the grids, in place of the forward step's marks: the value
/// differentiated (an input cell, or a weight on the kernel of the stage shown) as the current
/// cell, the input values a weight's windows read as taps, and the output gradients the terms
/// take as fed.
pub fn mark_back(
    state: &State,
    maps: &mut [Vec<PlaneView>],
    kernel: &mut [PlaneView],
    back: &BackStep,
) {
    let mut mark = |map: usize, cell: Cell, mark: Marks| {
        if let Some(plane) = maps
            .get_mut(map)
            .and_then(|planes| planes.get_mut(cell.channel))
        {
            plane.mark_cell(cell, mark);
        }
    };
    for term in &back.step.terms {
        mark(back.stage + 1, term.output, Marks::FEEDS);
        if let Some(input) = term.input {
            mark(back.stage, input, Marks::TAP);
        }
    }
    for plane in kernel.iter_mut() {
        plane.overlay.clear();
    }
    match back.step.wrt {
        Wrt::Input(cell) => mark(back.stage, cell, Marks::CURRENT),
        Wrt::Weight {
            filter,
            slice,
            kernel: at,
        } => {
            if let Some(Layer::Conv(conv)) = state.example.stage(back.stage)
                && state.focus().0 == back.stage
                && let Some(plane) = kernel.get_mut(filter * conv.weights().dim().1 + slice)
            {
                plane.mark(at, Marks::CURRENT);
            }
        }
        Wrt::Bias { .. } => {}
    }
}
