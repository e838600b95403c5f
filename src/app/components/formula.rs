//! The output-size formula with the current numbers, in the tutorial's letters where they
//! apply, the padding each named mode resolved to, the input cells no window reads, and what a
//! convolution costs.

use crate::app::i18n::Lang;
use crate::engine::{Axis, OutputSizeFormula, Rounding, WindowLayout};
use yew::prelude::*;

/// Props of [`FormulaPanel`].
#[derive(Properties, PartialEq)]
pub struct FormulaProps {
    /// The resolved window geometry, from the engine.
    pub layout: WindowLayout,
    /// Whether the window is a pooling window (else a kernel).
    pub pooling: bool,
    /// What the named padding resolved to, and how it differs from its neighbour, if the
    /// window is padded by a named mode.
    #[prop_or_default]
    pub padding_notes: Vec<String>,
    /// A convolution's weights, biases and multiply-adds, then those of the one-group
    /// convolution of the same shape when it has groups: each line with its test id.
    #[prop_or_default]
    pub counts: Vec<(&'static str, String)>,
    /// Interface language.
    pub lang: Lang,
}

/// The formula panel: the formula's key, one line per axis (or one for both when they agree),
/// the padding's sides, and the cells never read.
#[component]
pub fn FormulaPanel(props: &FormulaProps) -> Html {
    let text = props.lang.text();
    let formulas = [props.layout.rows.formula(), props.layout.columns.formula()];
    let never_read = Axis::BOTH
        .iter()
        .filter_map(|&axis| {
            let along = props.layout.along(axis);
            let cells = along.never_read();
            (!cells.is_empty()).then(|| {
                html! {
                    <p class="never-read-note" data-testid="never-read">
                        <span class="swatch never-read" aria-hidden="true"></span>
                        { props.lang.never_read(axis, &cells, along.stride, along.dilation) }
                    </p>
                }
            })
        })
        .collect::<Vec<_>>();
    html! {
        <section class="formula" aria-labelledby="formula-heading">
            <h2 id="formula-heading">{ text.output_size }</h2>
            { worked_lines(formulas, &Axis::BOTH, props.pooling, props.lang, "formula") }
            { for props.padding_notes.iter().map(|note| html! { <p class="note" data-testid="padding-note">{ note }</p> }) }
            if never_read.is_empty() {
                <p class="note">{ text.all_read }</p>
            } else {
                { for never_read }
            }
            { for props.counts.iter().map(|(testid, line)| html! {
                <p class="note conv-counts" data-testid={*testid}>{ line }</p>
            }) }
        </section>
    }
}

/// The formula's key and each axis's formula with its numbers, as the formula panel and the
/// failing formula show them: one line for both axes when they agree, else a line for each of
/// `axes`, then what dilation does to the span. The tutorial's letters `⌊(N + 2P − K) / S⌋ + 1`
/// apply when both axes pad their two sides alike and are not dilated; the general form
/// otherwise. Each worked formula carries `data-testid={testid}`.
pub fn worked_lines(
    formulas: [OutputSizeFormula; 2],
    axes: &[Axis],
    pooling: bool,
    lang: Lang,
    testid: &'static str,
) -> Html {
    let tutorial = crate::app::worksheet::tutorial(&formulas);
    let ceil = formulas[0].rounding == Rounding::Ceil;
    let key = brackets(lang.size_formula_key(tutorial, pooling), ceil);
    let [rows, columns] = formulas;
    let lines: Vec<(Option<Axis>, OutputSizeFormula)> = if rows == columns {
        vec![(None, rows)]
    } else {
        axes.iter()
            .map(|&axis| (Some(axis), formulas[axis_index(axis)]))
            .collect()
    };
    let spans = lines
        .iter()
        .filter(|(_, formula)| formula.dilation > 1)
        .map(|(axis, formula)| {
            let span = lang.dilated_span(
                pooling,
                formula.dilation,
                formula.kernel,
                formula.kernel_field,
            );
            match axis {
                Some(axis) => format!("{}{span}", lang.axis_prefix(Some(*axis))),
                None => span,
            }
        })
        .collect::<Vec<_>>();
    html! {
        <>
            <p class="generic"><code>{ key }</code></p>
            { for lines.iter().map(|(axis, formula)| html! {
                <p class="equation">
                    <span class="axis">{ lang.axis_prefix(*axis) }</span>
                    <code data-testid={testid}>{ worked(formula, tutorial) }</code>
                </p>
            }) }
            { for spans.into_iter().map(|span| html! { <p class="note"><code>{ span }</code></p> }) }
        </>
    }
}

/// One axis's formula with its numbers: `⌊(4 + 2×1 − 3) / 2⌋ + 1 = 2` in the tutorial's
/// letters, `⌊(4 + 0 + 1 − 3) ÷ 2⌋ + 1 = 2` in general; ceil mode rounds up, and says so when
/// it drops a last window that would start in the end padding (`− 1 = 2`).
pub fn worked(formula: &OutputSizeFormula, tutorial: bool) -> String {
    let OutputSizeFormula {
        input,
        pad_begin,
        pad_end,
        kernel_field,
        stride,
        ..
    } = *formula;
    let inner = if tutorial {
        format!("⌊({input} + 2×{pad_begin} − {kernel_field}) / {stride}⌋")
    } else {
        format!("⌊({input} + {pad_begin} + {pad_end} − {kernel_field}) ÷ {stride}⌋")
    };
    let ceil = formula.rounding == Rounding::Ceil;
    let mut text = format!(
        "{} + 1 = {}",
        brackets(&inner, ceil),
        signed(formula.quotient + 1)
    );
    if formula.dropped_last_window() {
        text.push_str(&format!(" − 1 = {}", signed(formula.output)));
    }
    text
}

/// `text` with its floor brackets turned into ceiling brackets when `ceil`.
pub fn brackets(text: &str, ceil: bool) -> String {
    if ceil {
        text.replace('⌊', "⌈").replace('⌋', "⌉")
    } else {
        text.to_owned()
    }
}

/// A whole number with a typographic minus.
fn signed(value: i64) -> String {
    value.to_string().replace('-', "−")
}

fn axis_index(axis: Axis) -> usize {
    match axis {
        Axis::Rows => 0,
        Axis::Columns => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Padding, WindowSpec};

    fn formulas(input: [usize; 2], spec: WindowSpec) -> [OutputSizeFormula; 2] {
        spec.output_size_formulas(input).expect("a formula")
    }

    /// The tutorial's case: 4×4, 3×3, stride 2, padding 1 on every side.
    /// ⌊(4 + 2 − 3) / 2⌋ + 1 = ⌊1.5⌋ + 1 = 2.
    #[test]
    fn symmetric_padding_speaks_the_tutorials_letters() {
        let spec = WindowSpec {
            stride: [2, 2],
            padding: Padding::Symmetric,
            ..WindowSpec::default()
        };
        let [rows, _] = formulas([4, 4], spec);
        assert_eq!(worked(&rows, true), "⌊(4 + 2×1 − 3) / 2⌋ + 1 = 2");
    }

    /// `same` with stride 2 on 4×4: 0 before, 1 after. ⌊(4 + 0 + 1 − 3) ÷ 2⌋ + 1 = 2.
    /// A kernel of 5 on an input of 2: ⌊(2 + 0 + 0 − 5) ÷ 1⌋ + 1 = −2.
    #[test]
    fn uneven_padding_and_failing_sizes_use_the_general_form() {
        let spec = WindowSpec {
            stride: [2, 2],
            padding: Padding::Same,
            ..WindowSpec::default()
        };
        let [rows, _] = formulas([4, 4], spec);
        assert_eq!(worked(&rows, false), "⌊(4 + 0 + 1 − 3) ÷ 2⌋ + 1 = 2");
        let big = WindowSpec {
            kernel: [5, 5],
            ..WindowSpec::default()
        };
        let [rows, _] = formulas([2, 2], big);
        assert_eq!(worked(&rows, true), "⌊(2 + 2×0 − 5) / 1⌋ + 1 = −2");
    }

    /// Ceil mode, 4 cells, window 2, stride 2, padding 0 before and 1 after: ⌈(4 + 0 + 1 − 2)
    /// ÷ 2⌉ + 1 = 3, but the third window would start at 4, in the end padding: − 1 = 2.
    #[test]
    fn ceil_mode_rounds_up_and_names_a_dropped_window() {
        let spec = WindowSpec {
            kernel: [2, 2],
            stride: [2, 2],
            padding: Padding::Explicit(crate::engine::Sides {
                top: 0,
                left: 0,
                bottom: 1,
                right: 1,
            }),
            rounding: Rounding::Ceil,
            ..WindowSpec::default()
        };
        let [rows, _] = formulas([4, 4], spec);
        assert_eq!(
            worked(&rows, false),
            "⌈(4 + 0 + 1 − 2) ÷ 2⌉ + 1 = 3 − 1 = 2"
        );
    }
}
