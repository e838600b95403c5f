//! A worksheet to work by hand: for each exercise, what is given (the input, the kernel and its
//! bias, each stage's parameters), the outputs and size formulas to fill in, and their answers as
//! the engine worked them out. It takes a list of exercises, so that a set prints as one sheet.

use super::example::Example;
use super::i18n::Lang;
use super::practice::Question;
use super::shared::Shared;
use crate::engine::{
    Activation, Axis, FeatureMap, Layer, OutputSizeFormula, PaddingMode, PoolKind, Rounding,
    TransposedSizeFormula, Weights, WindowLayout,
};

/// One exercise of a worksheet: an example and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// What the exercise is called: the operation's name, say.
    pub title: String,
    /// The example to work.
    pub example: Shared<Example>,
}

/// The exercises a worksheet prints: the examples of an exercise set's questions, in order, or
/// else the example on screen. An example that cannot be built is left out.
pub fn exercises(shown: &Shared<Example>, set: Option<&[Question]>, lang: Lang) -> Vec<Exercise> {
    let exercise = |example: Shared<Example>| Exercise {
        title: lang.operation(example.settings.operation).to_owned(),
        example,
    };
    match set {
        Some(questions) => questions
            .iter()
            .filter_map(|question| Example::build(&Shared::new(question.settings.clone())).ok())
            .map(|example| exercise(Shared::new(example)))
            .collect(),
        None => vec![exercise(shown.clone())],
    }
}

/// What an exercise gives and asks, and the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The input, every channel.
    pub input: FeatureMap,
    /// The kernel (filters × channels × rows × columns) and one bias per filter, if the
    /// operation has weights.
    pub kernel: Option<(Weights, Vec<f32>)>,
    /// Each stage's parameters, under the stage's name.
    pub stages: Vec<Given>,
    /// The maps to fill in, one per stage, in order.
    pub outputs: Vec<Output>,
}

/// One stage's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// The stage: "Convolution", or "Stage 2 of 3: ReLU" in the block.
    pub heading: String,
    /// Each parameter's name and value: ("Stride", "2×2"); a choice that is on has "✓".
    pub items: Vec<(&'static str, String)>,
}

/// A map to fill in: its caption, its size formula and its values, the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// "Output", or "ReLU output" in the block.
    pub caption: String,
    /// How its size is worked out, if its stage changes the size.
    pub formula: Option<Formula>,
    /// The engine's output: its shape is the blank grid's, its values the key's.
    pub answer: FeatureMap,
}

/// The size formula of a stage, both axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Formula {
    /// A sliding window (convolution or pooling), and whether it pools.
    Window([OutputSizeFormula; 2], bool),
    /// A transposed convolution.
    Transposed([TransposedSizeFormula; 2]),
}

impl Task {
    /// What `example` gives and asks, worded in `lang`.
    pub fn of(example: &Example, lang: Lang) -> Self {
        let settings = &example.settings;
        let stages = example.pipeline.stages();
        let heading = |stage: usize| match stages.len() {
            1 => lang.operation(settings.operation).to_owned(),
            count => lang.stage_of(stage, count, settings),
        };
        Task {
            input: example.map(0).cloned().unwrap_or_default(),
            kernel: settings
                .operation
                .has_weights()
                .then(|| (settings.kernel_view(), settings.bias_view().to_vec())),
            stages: stages
                .iter()
                .enumerate()
                .map(|(stage, layer)| Given {
                    heading: heading(stage),
                    items: parameters(layer, lang),
                })
                .collect(),
            outputs: stages
                .iter()
                .enumerate()
                .map(|(stage, layer)| Output {
                    caption: lang.map_caption(settings, stage + 1),
                    formula: formula(layer),
                    answer: example.map(stage + 1).cloned().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

impl Formula {
    /// The line to fill in, the same for every axis of [`Formula::lines`]: the formula with
    /// `blank` in place of each number, in the order the key writes them. Only `⌊ ⌋ ( ) + − ×
    /// ÷ / · = 1` and spaces besides, so `blank` may be markup.
    pub fn blank(&self, blank: &str) -> String {
        let pieces: &[&str] = match *self {
            Formula::Window(formulas, _) if tutorial(&formulas) => {
                &["⌊(", " + 2×", " − ", ") / ", "⌋ + 1 = ", ""]
            }
            Formula::Window(..) => &["⌊(", " + ", " + ", " − ", ") ÷ ", "⌋ + 1 = ", ""],
            Formula::Transposed(_) => &[
                "(",
                " − 1)·",
                " − ",
                " − ",
                " + ",
                "·(",
                " − 1) + ",
                " + 1 = ",
                "",
            ],
        };
        let line = pieces.join(blank);
        match self {
            Formula::Window([rows, _], _) if rows.rounding == Rounding::Ceil => {
                line.replace('⌊', "⌈").replace('⌋', "⌉")
            }
            _ => line,
        }
    }

    /// The axes a line is written for: `None` for both when their formulas agree, else each.
    pub fn lines(&self) -> Vec<Option<Axis>> {
        let same = match self {
            Formula::Window([rows, columns], _) => rows == columns,
            Formula::Transposed([rows, columns]) => rows == columns,
        };
        if same {
            vec![None]
        } else {
            vec![Some(Axis::Rows), Some(Axis::Columns)]
        }
    }
}

/// Whether the formulas take the tutorial's letters `⌊(N + 2P − K) / S⌋ + 1`: both axes pad
/// their two sides alike and are not dilated.
pub fn tutorial(formulas: &[OutputSizeFormula; 2]) -> bool {
    formulas
        .iter()
        .all(|formula| formula.pad_begin == formula.pad_end && formula.dilation == 1)
}

/// The size formula of `layer`, if it changes the size.
fn formula(layer: &Layer) -> Option<Formula> {
    match layer {
        Layer::Conv(conv) => Some(Formula::Window(window_formulas(conv.layout()), false)),
        Layer::Pool(pool) => Some(Formula::Window(window_formulas(pool.layout()), true)),
        Layer::ConvTranspose(transposed) => {
            Some(Formula::Transposed(transposed.layout().formulas()))
        }
        Layer::Activation(_) => None,
    }
}

fn window_formulas(layout: &WindowLayout) -> [OutputSizeFormula; 2] {
    [layout.rows.formula(), layout.columns.formula()]
}

/// The parameters of `layer` a learner needs to work it by hand.
fn parameters(layer: &Layer, lang: Lang) -> Vec<(&'static str, String)> {
    let text = lang.text();
    let on = || ON.to_owned();
    let mut items = Vec::new();
    match layer {
        Layer::Conv(conv) => {
            let layout = conv.layout();
            items.push((text.kernel_size, pair(layout.kernel())));
            window_items(&mut items, layout, lang);
            let mode = layout.rows.mode;
            let fill = PaddingMode::ALL.iter().position(|&m| m == mode);
            if let Some(index) = fill.filter(|_| mode != PaddingMode::Zeros) {
                items.push((text.padding_fill, text.padding_fills[index].to_owned()));
            }
            if conv.groups().groups > 1 {
                items.push((text.groups, conv.groups().groups.to_string()));
            }
            if conv.flips_kernel() {
                items.push((text.flip_kernel, on()));
            }
        }
        Layer::Pool(pool) => {
            let layout = pool.layout();
            items.push((text.window_size, pair(layout.kernel())));
            window_items(&mut items, layout, lang);
            if layout.rows.rounding == Rounding::Ceil {
                items.push((text.ceil_mode, on()));
            }
            if pool.kind()
                == (PoolKind::Average {
                    count_include_pad: true,
                })
            {
                items.push((text.count_include_pad, on()));
            }
        }
        Layer::ConvTranspose(transposed) => {
            let layout = transposed.layout();
            let [rows, columns] = layout.formulas();
            items.push((text.kernel_size, pair(layout.kernel())));
            items.push((text.stride, pair([rows.stride, columns.stride])));
            items.push((text.dilation, pair([rows.dilation, columns.dilation])));
            items.push((text.padding, lang.sides_text(layout.sides())));
            let output_padding = [rows.output_padding, columns.output_padding];
            items.push((text.output_padding, pair(output_padding)));
        }
        Layer::Activation(activation) => {
            if let Activation::LeakyRelu { slope } = activation.function() {
                items.push((text.slope, crate::app::format::exact(slope)));
            }
        }
    }
    items
}

/// Stride, dilation and padding of a sliding window.
fn window_items(items: &mut Vec<(&'static str, String)>, layout: &WindowLayout, lang: Lang) {
    let text = lang.text();
    let (rows, columns) = (&layout.rows, &layout.columns);
    items.push((text.stride, pair([rows.stride, columns.stride])));
    items.push((text.dilation, pair([rows.dilation, columns.dilation])));
    items.push((text.padding, lang.sides_text(layout.sides())));
}

/// The value of a choice that is on.
const ON: &str = "✓";

/// Two sizes as "3×3".
fn pair([rows, columns]: [usize; 2]) -> String {
    format!("{rows}×{columns}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::State;
    use crate::app::url;

    fn task(query: &str, lang: Lang) -> Task {
        let state = State::from_link(url::read(query), lang);
        Task::of(&state.example, lang)
    }

    /// 4×4 input 1…16, a 3×3 kernel of ones, bias 1, stride 2, padding 1: the windows cover
    /// {1,2,5,6}, {2,3,4,6,7,8}, {5,6,9,10,13,14} and {6,7,8,10,11,12,14,15,16}, so the key is
    /// 15, 31, 58, 100, and the size ⌊(4 + 2×1 − 3) / 2⌋ + 1 = 2.
    #[test]
    fn a_convolution_gives_its_grids_and_asks_for_its_output_and_size() {
        let x = (1..=16)
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let query = format!("?in=4&k=3&s=2&pad=1&x={x}&w=1,1,1,1,1,1,1,1,1&b=1");
        let task = task(&query, Lang::En);
        assert_eq!(task.input.dim(), (1, 4, 4));
        assert_eq!(task.input[[0, 3, 3]], 16.0);
        let (weights, bias) = task.kernel.as_ref().expect("a kernel");
        assert_eq!(weights.dim(), (1, 1, 3, 3));
        assert_eq!(bias, &[1.0]);
        let given = &task.stages[0];
        assert_eq!(given.heading, "Convolution");
        let text = Lang::En.text();
        assert!(given.items.contains(&(text.stride, "2×2".to_owned())));
        assert!(given.items.contains(&(text.kernel_size, "3×3".to_owned())));
        let padding = "top 1 · left 1 · bottom 1 · right 1".to_owned();
        assert!(given.items.contains(&(text.padding, padding)));
        let [output] = &task.outputs[..] else {
            panic!("one output, got {}", task.outputs.len());
        };
        let answer: Vec<f32> = output.answer.iter().copied().collect();
        assert_eq!(output.answer.dim(), (1, 2, 2));
        assert_eq!(answer, [15.0, 31.0, 58.0, 100.0]);
        let formula = output.formula.expect("a size formula");
        assert_eq!(formula.lines(), [None]);
        assert_eq!(formula.blank("□"), "⌊(□ + 2×□ − □) / □⌋ + 1 = □");
        let Formula::Window([rows, _], false) = formula else {
            panic!("a convolution's window formula");
        };
        assert_eq!(
            (rows.input, rows.pad_begin, rows.kernel_field, rows.stride),
            (4, 1, 3, 2)
        );
        assert_eq!(rows.output, 2);
    }

    /// Ceil-mode max pooling of a 5×4 input with a 2×2 window, stride 2: rows ⌈(5 − 2) / 2⌉ + 1
    /// = 3, columns ⌈(4 − 2) / 2⌉ + 1 = 2. The axes differ, so each gets its own blank line, in
    /// ceiling brackets; ceil mode is among the parameters.
    #[test]
    fn pooling_in_ceil_mode_asks_for_each_axis_with_ceiling_brackets() {
        let task = task("?op=max-pool&in=5x4&k=2&s=2&ceil=1", Lang::Zh);
        let output = &task.outputs[0];
        assert_eq!(output.answer.dim(), (1, 3, 2));
        let formula = output.formula.expect("a size formula");
        assert_eq!(formula.lines(), [Some(Axis::Rows), Some(Axis::Columns)]);
        assert_eq!(formula.blank("□"), "⌈(□ + 2×□ − □) / □⌉ + 1 = □");
        assert!(task.kernel.is_none());
        let text = Lang::Zh.text();
        assert!(
            task.stages[0]
                .items
                .contains(&(text.ceil_mode, ON.to_owned()))
        );
    }

    /// The block asks for every stage's map: the convolution's and the pooling's with their
    /// formulas, the activation's (same size) without one; each under its stage's name.
    #[test]
    fn the_block_asks_for_every_stage() {
        let task = task("?op=block&in=6&k=3&pk=2&ps=2", Lang::En);
        let shapes: Vec<_> = task.outputs.iter().map(|o| o.answer.dim()).collect();
        let filters = task
            .kernel
            .as_ref()
            .map(|(w, _)| w.dim().0)
            .expect("a kernel");
        assert_eq!(shapes, [(filters, 4, 4), (filters, 4, 4), (filters, 2, 2)]);
        let formulas: Vec<bool> = task.outputs.iter().map(|o| o.formula.is_some()).collect();
        assert_eq!(formulas, [true, false, true]);
        assert_eq!(task.stages.len(), 3);
        assert!(task.stages[1].heading.starts_with("Stage 2 of 3"));
    }

    /// Transposed convolution of a 2×2 input, kernel 3, stride 2: (2 − 1)·2 − 0 − 0 + 1·(3 − 1)
    /// + 0 + 1 = 5 cells a side, and a box for each of its eight numbers.
    #[test]
    fn a_transposed_convolution_asks_for_its_own_formula() {
        let task = task("?op=conv-transpose&in=2&k=3&s=2", Lang::En);
        let output = &task.outputs[0];
        assert_eq!(output.answer.dim().1, 5);
        let formula = output.formula.expect("a size formula");
        assert_eq!(
            formula.blank("□"),
            "(□ − 1)·□ − □ − □ + □·(□ − 1) + □ + 1 = □"
        );
        assert!(
            task.stages[0]
                .items
                .contains(&("Output padding", "0×0".to_owned()))
        );
    }

    /// An activation keeps the size: nothing to work out but its values; leaky ReLU's slope is
    /// given.
    #[test]
    fn an_activation_asks_only_for_values() {
        let task = task("?op=leaky-relu&in=3&slope=0.25", Lang::En);
        assert_eq!(task.outputs[0].formula, None);
        assert_eq!(task.outputs[0].answer.dim(), (1, 3, 3));
        assert_eq!(task.stages[0].items, [("Slope", "0.25".to_owned())]);
    }

    /// `sheet=1` opens the worksheet, and the address keeps it; `sheet=0` and no `sheet` do not.
    #[test]
    fn a_link_opens_the_worksheet_and_keeps_it() {
        let reading = url::read("?in=3&sheet=1");
        assert!(reading.link.presentation.sheet);
        assert!(reading.notice.refused.is_empty());
        assert_eq!(
            url::write(&reading.link, &[url::Part::Presentation]),
            "sheet=1"
        );
        assert!(!url::read("?sheet=0").link.presentation.sheet);
        assert!(!url::read("?in=3").link.presentation.sheet);
    }
}
