//! Transposed convolution's explanation: its output-size formula with the current numbers,
//! what the gather view draws, and the overlap map of kernel taps per output cell.

use crate::app::i18n::Lang;
use crate::engine::{Axis, ConvTranspose, TransposedSizeFormula};
use yew::prelude::*;

/// The formula panel of a transposed convolution: the formula's key, one line per axis (or one
/// for both when they agree), the gather view's note, and the overlap map.
pub fn transposed_panel(transposed: &ConvTranspose, lang: Lang) -> Html {
    let text = lang.text();
    let [rows, columns] = transposed.layout().formulas();
    let lines: Vec<(Option<Axis>, TransposedSizeFormula)> = if rows == columns {
        vec![(None, rows)]
    } else {
        vec![(Some(Axis::Rows), rows), (Some(Axis::Columns), columns)]
    };
    let overlap = transposed.layout().overlap();
    let most = overlap.iter().flatten().copied().max().unwrap_or(1).max(1);
    html! {
        <section class="formula" aria-labelledby="formula-heading">
            <h2 id="formula-heading">{ text.output_size }</h2>
            <p class="generic"><code>{ text.transposed_formula }</code></p>
            { for lines.iter().map(|(axis, formula)| html! {
                <p class="equation">
                    <span class="axis">{ lang.axis_prefix(*axis) }</span>
                    <code data-testid="formula">{ worked(formula) }</code>
                </p>
            }) }
            <p class="note">{ text.gather_note }</p>
            <h3 id="overlap-heading">{ text.overlap }</h3>
            <table class="overlap-map" aria-labelledby="overlap-heading" data-testid="overlap">
                { for overlap.iter().map(|row| html! {
                    <tr>{ for row.iter().map(|&count| html! {
                        <td style={format!("--share: {}", count * 100 / most)}>{ count }</td>
                    }) }</tr>
                }) }
            </table>
            <p class="note">{ text.checkerboard }</p>
        </section>
    }
}

/// One axis's formula with its numbers: `(2 − 1)·2 − 0 − 0 + 1·(3 − 1) + 0 + 1 = 5`.
pub fn worked(formula: &TransposedSizeFormula) -> String {
    let TransposedSizeFormula {
        input,
        stride,
        pad_begin,
        pad_end,
        dilation,
        kernel,
        output_padding,
        output,
    } = *formula;
    format!(
        "({input} − 1)·{stride} − {pad_begin} − {pad_end} + {dilation}·({kernel} − 1) + {output_padding} + 1 = {output}"
    )
}
