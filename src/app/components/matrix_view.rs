//! The convolution as a matrix product: each window unrolled into a row (im2col), or the whole
//! convolution of one filter as one matrix, with the current step's row highlighted.

use crate::app::example::Example;
use crate::app::format::number;
use crate::app::i18n::Lang;
use crate::app::matrix::{Gap, Im2col, Toeplitz, Unavailable};
use crate::app::shared::Shared;
use crate::engine::{Layer, Source, Stepper};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A convolution unrolled one way or the other.
enum Unrolled {
    /// One row per window.
    Rows(Im2col),
    /// The whole convolution of one filter as one matrix.
    Whole(Toeplitz),
}

/// Props of [`MatrixView`].
#[derive(Properties, PartialEq)]
pub struct MatrixViewProps {
    /// The example shown.
    pub example: Shared<Example>,
    /// The current step.
    pub position: usize,
    /// The whole convolution as one matrix (`true`), or one row per window (im2col).
    pub whole: bool,
    /// Interface language.
    pub lang: Lang,
}

/// The matrix view of the example's convolution stage, or why there is none.
#[component]
pub fn MatrixView(props: &MatrixViewProps) -> Html {
    let example = &props.example;
    let stages = example.pipeline.stages();
    let conv = stages
        .iter()
        .position(|layer| matches!(layer, Layer::Conv(_) | Layer::ConvTranspose(_)));
    // The step within the convolution stage, when that stage is the one being stepped.
    let step = match (conv, example.pipeline.locate(props.position)) {
        (Some(conv), Some((stage, step))) if stage == conv => Some(step),
        _ => None,
    };
    let text = props.lang.text();
    let view = use_node_ref();
    {
        // Keep the current row in view inside the matrix's own box, never scrolling the page.
        let view = view.clone();
        use_effect_with((step, props.whole), move |_| {
            if let Some(view) = view.cast::<Element>()
                && let Ok(Some(product)) = view.query_selector(".product")
                && let Ok(Some(row)) = product.query_selector("tr.current")
                && let Ok(row) = row.dyn_into::<HtmlElement>()
            {
                let (top, height) = (row.offset_top(), row.offset_height());
                let visible = product.client_height();
                if top < product.scroll_top() || top + height > product.scroll_top() + visible {
                    product.set_scroll_top(top - visible / 3);
                }
            }
        });
    }
    // Built once per example (and filter, for the one-matrix form); a step only marks a row.
    let rows_per_filter = stages.get(conv.unwrap_or(0)).map_or(1, |layer| {
        let [_, out_h, out_w] = layer.output_shape();
        (out_h * out_w).max(1)
    });
    let filter = if props.whole {
        step.map_or(0, |step| step / rows_per_filter)
    } else {
        0
    };
    let unrolled = use_memo(
        (example.clone(), props.whole, filter),
        move |(example, whole, filter)| {
            let layer = example.pipeline.stages().get(conv.unwrap_or(0));
            match (layer, whole) {
                (None, _) => Err(Unavailable::NotConvolution),
                (Some(layer), true) => Toeplitz::new(layer, *filter).map(Unrolled::Whole),
                (Some(layer), false) => Im2col::new(layer).map(Unrolled::Rows),
            }
        },
    );
    let body = match &*unrolled {
        Ok(Unrolled::Whole(matrix)) => toeplitz(matrix, step, props.lang),
        Ok(Unrolled::Rows(matrix)) => html! {
            <>
                <p class="note">{ text.im2col_note }</p>
                { im2col(matrix, step) }
            </>
        },
        Err(reason) => unavailable(props.lang.matrix_unavailable(*reason)),
    };
    html! { <div class="matrix-view" ref={view}>{ body }</div> }
}

fn unavailable(reason: String) -> Html {
    html! { <p class="note" role="status" data-testid="matrix-unavailable">{ reason }</p> }
}

/// A value cell: the number, marked as padding when it is.
fn value(value: f32, padding: bool) -> Html {
    html! { <td class={classes!(padding.then_some("padding"))}>{ number(value) }</td> }
}

/// `X · W + b = Y`, with the step's row of `X` and `Y` and its filter's column of `W` marked.
fn im2col(matrix: &Im2col, step: Option<usize>) -> Html {
    let [current_row, current_filter] = step
        .and_then(|step| matrix.cell_of_step(step))
        .map_or([usize::MAX; 2], |cell| cell);
    let [_, out_w] = matrix.output_size;
    let headers = matrix.columns.iter().map(|column| {
        let [kh, kw] = column.window;
        let gap = (column.gap != Gap::None).then_some("gap");
        html! { <th class={classes!(gap)}>{ format!("{}·{},{}", column.channel + 1, kh + 1, kw + 1) }</th> }
    });
    let rows = (0..matrix.rows()).map(|row| {
        let current = (row == current_row).then_some("current");
        let cells = matrix.row(row).iter().map(|entry| {
            let faint = matches!(entry.source, Source::Padding | Source::Inserted);
            value(entry.value, faint)
        });
        html! {
            <tr class={classes!(current)} data-testid={current.map(|_| "im2col-current")}>
                <th>{ format!("{},{}", row / out_w.max(1) + 1, row % out_w.max(1) + 1) }</th>
                { for cells }
            </tr>
        }
    });
    let filters = matrix.filters();
    let weights = (0..matrix.columns.len()).map(|tap| {
        let cells = (0..filters).map(|filter| {
            let current = (filter == current_filter).then_some("current");
            html! { <td class={classes!(current)}>{ number(matrix.weights[filter][tap]) }</td> }
        });
        html! { <tr>{ for cells }</tr> }
    });
    let outputs = (0..matrix.rows()).map(|row| {
        let cells = (0..filters).map(|filter| {
            let current = (row == current_row && filter == current_filter).then_some("current");
            html! {
                <td class={classes!(current)} data-testid={current.map(|_| "im2col-output")}>
                    { matrix.output(row, filter).map(number) }
                </td>
            }
        });
        html! { <tr>{ for cells }</tr> }
    });
    let bias = matrix.bias.as_ref().filter(|bias| bias.iter().any(|&b| b != 0.0)).map(|bias| {
        html! { <span class="operator">{ format!("+ b ({})", bias.iter().map(|&b| number(b)).collect::<Vec<_>>().join(", ")) }</span> }
    });
    html! {
        <div class="product" data-testid="im2col">
            <table class="matrix"><thead><tr><th>{ "X" }</th>{ for headers }</tr></thead><tbody>{ for rows }</tbody></table>
            <span class="operator">{ "×" }</span>
            <table class="matrix"><thead><tr><th colspan={filters.to_string()}>{ "W" }</th></tr></thead><tbody>{ for weights }</tbody></table>
            { bias }
            <span class="operator">{ "=" }</span>
            <table class="matrix"><thead><tr><th colspan={filters.to_string()}>{ "Y" }</th></tr></thead><tbody>{ for outputs }</tbody></table>
        </div>
    }
}

/// `M · x + b = y` for one filter, with the step's row marked.
fn toeplitz(matrix: &Toeplitz, step: Option<usize>, lang: Lang) -> Html {
    let current_row = step.and_then(|step| matrix.row_of_step(step));
    let text = lang.text();
    let headers = (0..matrix.columns()).map(|column| {
        let cell = matrix.input_cell(column);
        html! { <th>{ format!("{}·{},{}", cell.channel + 1, cell.row + 1, cell.column + 1) }</th> }
    });
    let [_, out_w] = matrix.output_size;
    let rows = (0..matrix.rows()).map(|row| {
        let current = (Some(row) == current_row).then_some("current");
        let cells = (0..matrix.columns()).map(|column| match matrix.entry(row, column) {
            Some(band) => html! { <td class="band">{ number(band.weight) }</td> },
            None => html! { <td class="zero"></td> },
        });
        html! {
            <tr class={classes!(current)} data-testid={current.map(|_| "toeplitz-current")}>
                <th>{ format!("{},{}", row / out_w.max(1) + 1, row % out_w.max(1) + 1) }</th>
                { for cells }
            </tr>
        }
    });
    let input = matrix
        .input
        .iter()
        .map(|&x| html! { <tr><td>{ number(x) }</td></tr> });
    let output = matrix.output.iter().enumerate().map(|(row, &y)| {
        let current = (Some(row) == current_row).then_some("current");
        html! { <tr><td class={classes!(current)}>{ number(y) }</td></tr> }
    });
    let bias = matrix
        .bias
        .filter(|&b| b != 0.0)
        .map(|b| html! { <span class="operator">{ format!("+ {}", number(b)) }</span> });
    html! {
        <>
            <p class="note">{ text.toeplitz_note }</p>
            <div class="product" data-testid="toeplitz">
                <table class="matrix"><thead><tr><th>{ "M" }</th>{ for headers }</tr></thead><tbody>{ for rows }</tbody></table>
                <span class="operator">{ "×" }</span>
                <table class="matrix"><thead><tr><th>{ text.flattened_input }</th></tr></thead><tbody>{ for input }</tbody></table>
                { bias }
                <span class="operator">{ "=" }</span>
                <table class="matrix"><thead><tr><th>{ "y" }</th></tr></thead><tbody>{ for output }</tbody></table>
            </div>
        </>
    }
}
