//! Transposed convolution's scatter view: one step is one input cell, whose value scales the
//! kernel it paints into the output. The grids show the input as it is, the kernel unrotated,
//! and the output as it stands once the step has landed; the calculation lays the products out
//! as the window they paint, each with the running total of the cell it lands on.

use super::export::calculation::{Line, Look, Piece};
use super::format::{number, term};
use super::i18n::{CellContent, Lang};
use super::plane::{CellView, Kind, Marks, PlaneBase, PlaneView};
use super::shared::Shared;
use super::state::State;
use crate::engine::{Cell, ConvTranspose, ScatterStep};

/// The current scatter step, when the example is stepped by input cell.
pub fn current(state: &State) -> Option<(&ConvTranspose, ScatterStep)> {
    let transposed = state.example.scattered()?;
    let step = transposed.scatter_step(state.position).ok()?;
    Some((transposed, step))
}

/// Marks the scattered input cell and the window it paints, and shows the output as it stands:
/// every cell some step has landed on so far with its running total, and from the start the
/// cells nothing ever lands on, which hold their bias.
pub fn mark(
    maps: &mut [Vec<PlaneView>],
    transposed: &ConvTranspose,
    step: &ScatterStep,
) -> Option<()> {
    let input = maps.first_mut()?.get_mut(step.input.channel)?;
    input.mark_cell(step.input, Marks::CURRENT);
    let totals = transposed.scatter_totals(step.index).ok()?;
    let outputs = maps.get_mut(1)?;
    for (plane, old) in outputs.iter_mut().enumerate() {
        let base = &old.base;
        let cells = (0..base.rows * base.columns)
            .map(|at| {
                let cell = Cell {
                    channel: plane,
                    row: at / base.columns,
                    column: at % base.columns,
                };
                let landed = transposed.scatter_writers_of(cell).is_ok_and(|writers| {
                    writers.first().is_none_or(|first| first.step <= step.index)
                });
                CellView {
                    value: landed.then(|| totals[[plane, cell.row, cell.column]]),
                    kind: if landed { Kind::Value } else { Kind::Pending },
                    marks: Marks::default(),
                    at: [plane, cell.row, cell.column],
                }
            })
            .collect();
        *old = PlaneView::new(
            Shared::new(PlaneBase {
                cells,
                ..(**base).clone()
            }),
            usize::MAX,
        );
    }
    for landing in &step.landings {
        if let Some(cell) = landing.output
            && let Some(plane) = outputs.get_mut(cell.channel)
        {
            plane.mark_cell(cell, Marks::TAP);
        }
    }
    Some(())
}

/// The step's calculation: which input cell, how to read it, then the input value times each
/// weight, laid out as the window it paints (a row of products per kernel row), each with the
/// running total of the output cell it lands on beneath, or "cropped" where the padding cuts
/// it away.
pub fn lines(transposed: &ConvTranspose, step: &ScatterStep, lang: Lang) -> Vec<Line> {
    let text = lang.text();
    let [_, k_w] = transposed.layout().kernel();
    let value = number(step.value);
    let cell = lang.grid_cell_label(
        step.input.row,
        step.input.column,
        CellContent::Value(&value),
        None,
    );
    // The products last: the panel keeps its end in view.
    let mut lines = vec![
        Line::Note(format!("{}: {cell}", text.scatter_input)),
        Line::Note(text.scatter_note.to_owned()),
    ];
    for row in step.landings.chunks(k_w.max(1)) {
        let mut pieces = Vec::with_capacity(row.len() * 2);
        for (index, landing) in row.iter().enumerate() {
            if index > 0 {
                pieces.push(Piece {
                    text: "  ".into(),
                    below: None,
                    look: Look::Separator,
                });
            }
            pieces.push(Piece {
                text: format!("{}×{}", term(step.value), term(landing.weight)),
                below: Some(
                    landing
                        .total
                        .map_or_else(|| text.cropped.to_owned(), number),
                ),
                look: if landing.output.is_some() {
                    Look::Term
                } else {
                    Look::PaddingTerm
                },
            });
        }
        lines.push(Line::Equation(pieces));
    }
    lines
}
