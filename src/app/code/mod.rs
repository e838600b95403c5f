//! From picture to code: Python that reproduces the example on screen, in two styles, and
//! where the current step sits in it.
//!
//! Both programs print the last feature map as `y.tolist()`: a nested list, channels × rows ×
//! columns, of Python floats, each exactly the `float32` value computed. The NumPy loops sum in
//! the engine's documented order, so they give its numbers to the bit; PyTorch sums in its own
//! order, exact for whole numbers.

mod numpy;
mod pytorch;

use super::example::Example;
use crate::engine::decimal::Shortest;
use crate::engine::stepper::cell_of_step;
use crate::engine::{
    Activation, Conv, ConvTranspose, Layer, PaddingMode, PoolKind, Stepper, WindowLayout,
};
use std::fmt::{Display, Write};

/// Which kind of Python the program is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Whole-tensor calls of `torch.nn.functional`.
    PyTorch,
    /// Explicit loops over every output cell, as in the tutorial.
    NumPy,
}

/// A runnable Python program that prints the example's output.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// The program's lines, without line ends.
    pub lines: Vec<String>,
    /// The style it is written in.
    pub style: Style,
    /// Per stage: the index in `lines` of the line that writes one of its output cells.
    computes: Vec<usize>,
}

/// Where one step of the example sits in a [`Program`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeStep {
    /// Index in [`Program::lines`] of the line that computes the current output cell.
    pub line: usize,
    /// The loop variables at this step, as named in the NumPy program: `f` (filter) or `ch`
    /// (channel), `oh`, `ow` (output row and column) and `r0`, `c0` (the window's top-left
    /// cell in the padded input); for an activation `ch`, `row`, `col`.
    pub variables: Vec<(&'static str, usize)>,
    /// NumPy only: the cells this step reads, written with the actual numbers, such as
    /// `x[:, 2:5, 4:7]` (a dilated window adds a step: `x[:, 2:7:2, 4:9:2]`).
    pub window: Option<String>,
}

/// The program reproducing `example` in `style`.
pub fn program(example: &Example, style: Style) -> Program {
    let mut code = Code::default();
    match style {
        Style::PyTorch => pytorch::write(&mut code, example),
        Style::NumPy => numpy::write(&mut code, example),
    }
    Program {
        lines: code.lines,
        style,
        computes: code.computes,
    }
}

impl Program {
    /// The whole program, one line per line, ready to copy.
    pub fn text(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }

    /// Where step `position` (counted over every stage, from 0) of `example`, the example this
    /// program was written for, sits in it; `None` past the last step.
    pub fn at_step(&self, example: &Example, position: usize) -> Option<CodeStep> {
        let (stage, local) = example.pipeline.locate(position)?;
        let layer = example.stage(stage)?;
        // The scatter view steps the input cells: the loop over `c, i, j`.
        let scattered = matches!(layer, Layer::ConvTranspose(_)) && example.settings.scatters();
        let shape = if scattered {
            layer.input_shape()
        } else {
            layer.output_shape()
        };
        let cell = cell_of_step(local, shape).ok()?;
        let (ch, oh, ow) = (cell.channel, cell.row, cell.column);
        let numpy = self.style == Style::NumPy;
        let (variables, window) = match layer {
            Layer::Activation(_) => (
                vec![("ch", ch), ("row", oh), ("col", ow)],
                format!("x[{ch}, {oh}, {ow}]"),
            ),
            Layer::Conv(conv) => window_step("f", ":", cell.channel, conv.layout(), oh, ow),
            Layer::Pool(pool) => window_step("ch", &ch.to_string(), ch, pool.layout(), oh, ow),
            Layer::ConvTranspose(_) if scattered => (
                vec![("c", ch), ("i", oh), ("j", ow)],
                format!("x[{ch}, {oh}, {ow}]"),
            ),
            Layer::ConvTranspose(_) => (
                vec![("f", ch), ("oh", oh), ("ow", ow)],
                format!("part[{ch}, {oh}, {ow}]"),
            ),
        };
        Some(CodeStep {
            line: *self.computes.get(stage)?,
            variables,
            window: numpy.then_some(window),
        })
    }
}

/// The variables and the slice of a sliding-window step.
fn window_step(
    channel_name: &'static str,
    channels: &str,
    channel: usize,
    layout: &WindowLayout,
    oh: usize,
    ow: usize,
) -> (Vec<(&'static str, usize)>, String) {
    let (r0, c0) = (
        layout.rows.padded_cell(oh, 0),
        layout.columns.padded_cell(ow, 0),
    );
    let rows = slice(r0, layout.rows.kernel_field, layout.rows.dilation);
    let columns = slice(c0, layout.columns.kernel_field, layout.columns.dilation);
    (
        vec![
            (channel_name, channel),
            ("oh", oh),
            ("ow", ow),
            ("r0", r0),
            ("c0", c0),
        ],
        format!("x[{channels}, {rows}, {columns}]"),
    )
}

/// `start:start + field`, with `:step` for a dilated window, in numbers.
fn slice(start: usize, field: usize, step: usize) -> String {
    let stop = start + field;
    if step > 1 {
        format!("{start}:{stop}:{step}")
    } else {
        format!("{start}:{stop}")
    }
}

/// A program being written: its lines, and the line that computes each stage's output cell.
#[derive(Default)]
struct Code {
    lines: Vec<String>,
    computes: Vec<usize>,
}

impl Code {
    /// Adds a line indented by `depth` levels of four spaces.
    fn line(&mut self, depth: usize, text: impl Display) {
        self.lines.push(format!("{:1$}{text}", "", depth * 4));
    }

    /// Adds the line that computes the current stage's output cell.
    fn compute(&mut self, depth: usize, text: impl Display) {
        self.computes.push(self.lines.len());
        self.line(depth, text);
    }

    /// Adds `name = call([...]...)` for an array, its nesting aligned as NumPy prints it.
    fn array(&mut self, name: &str, call: &str, values: &[f32], shape: &[usize], tail: &str) {
        let head = format!("{name} = {call}(");
        let mut text = head.clone();
        nested(&mut text, values, shape, head.len());
        text.push_str(tail);
        self.lines.extend(text.split('\n').map(str::to_owned));
    }

    /// Writes the example's tensors: the input, and the kernel and bias if a stage convolves.
    fn tensors(&mut self, example: &Example, call: &str, dtype: &str) {
        let settings = &example.settings;
        let input = settings.input_view();
        let [ch, rows, cols] = [input.dim().0, input.dim().1, input.dim().2];
        let values: Vec<f32> = input.iter().copied().collect();
        let tail = format!(", dtype={dtype})  # input: channels × rows × columns");
        self.array("x", call, &values, &[ch, rows, cols], &tail);
        if settings.operation.has_weights() {
            let kernel = settings.kernel_view();
            let (f, c, k_h, k_w) = kernel.dim();
            let values: Vec<f32> = kernel.iter().copied().collect();
            // A grouped filter has a slice for each channel of its group only.
            let slices = if c == settings.channels {
                "channels"
            } else {
                "channels of its group"
            };
            let tail = format!(", dtype={dtype})  # kernel: filters × {slices} × rows × columns");
            self.array("w", call, &values, &[f, c, k_h, k_w], &tail);
            // The depthwise-separable block's pointwise stage has weights of its own.
            if settings.separable() {
                let pointwise = settings.pointwise_view();
                let (f, c, _, _) = pointwise.dim();
                let values: Vec<f32> = pointwise.iter().copied().collect();
                let tail =
                    format!(", dtype={dtype})  # pointwise kernel: filters × channels × 1 × 1");
                self.array("pw", call, &values, &[f, c, 1, 1], &tail);
            }
            let bias = settings.bias_view();
            let tail = format!(", dtype={dtype})  # bias: one per filter");
            self.array("b", call, bias, &[bias.len()], &tail);
        }
        self.line(0, "");
    }
}

/// Writes `values` of `shape` as nested lists; inner lines start at `column`.
fn nested(text: &mut String, values: &[f32], shape: &[usize], column: usize) {
    text.push('[');
    match shape {
        [] | [_] => {
            for (i, &value) in values.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                let _ = write!(text, "{}", Number(value));
            }
        }
        [outer, inner @ ..] => {
            let chunk = values.len() / (*outer).max(1);
            for (i, part) in values.chunks(chunk.max(1)).enumerate() {
                if i > 0 {
                    let _ = write!(text, ",\n{:1$}", "", column + 1);
                }
                nested(text, part, inner, column + 1);
            }
        }
    }
    text.push(']');
}

/// An `f32` as a Python literal that reads back as the same `float32`: the shortest decimal,
/// and `-0.0` kept negative.
struct Number(f32);

impl Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == 0.0 && self.0.is_sign_negative() {
            f.write_str("-0.0")
        } else {
            Shortest(self.0).fmt(f)
        }
    }
}

/// A pair written as PyTorch takes it: `2` when both are equal, else `(2, 1)`.
fn pair([a, b]: [usize; 2]) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("({a}, {b})")
    }
}

/// What a convolution stage is called in the programs: its function (NumPy), its weights and
/// its bias, if it has one. The depthwise-separable block's two stages have names of their own.
struct ConvNames {
    function: &'static str,
    weights: &'static str,
    bias: Option<&'static str>,
}

/// The names of the convolution at stage `index` of `example`.
fn conv_names(example: &Example, index: usize) -> ConvNames {
    match (example.settings.separable(), index) {
        (true, 0) => ConvNames {
            function: "depthwise_conv2d",
            weights: "w",
            bias: None,
        },
        (true, _) => ConvNames {
            function: "pointwise_conv2d",
            weights: "pw",
            bias: Some("b"),
        },
        (false, _) => ConvNames {
            function: "conv2d",
            weights: "w",
            bias: Some("b"),
        },
    }
}

/// One stage of the example, as both programs write it.
enum Stage<'a> {
    /// A convolution: its window, whether the kernel is flipped, its groups and padding mode.
    Conv(&'a Conv),
    /// An element-wise function.
    Activation(Activation),
    /// Max or average pooling over this window.
    Pool(&'a WindowLayout, PoolKind),
    /// A transposed convolution of this geometry.
    ConvTranspose(&'a ConvTranspose),
}

/// A padding mode's name in NumPy's `np.pad` and what it does, for a convolution whose padding
/// repeats input cells; `None` for zeros.
fn repeating_mode(mode: PaddingMode) -> Option<(&'static str, &'static str)> {
    match mode {
        PaddingMode::Zeros => None,
        PaddingMode::Reflect => Some(("reflect", "the input mirrored about its edge cell")),
        PaddingMode::Replicate => Some(("edge", "the edge cell repeated")),
        PaddingMode::Circular => Some(("wrap", "the input wrapped around")),
    }
}

/// The example's stages, in order.
fn stages(example: &Example) -> Vec<Stage<'_>> {
    // Every stage's parameters come from the engine's layers, as the grids' do.
    example
        .pipeline
        .stages()
        .iter()
        .map(|layer| match layer {
            Layer::Conv(conv) => Stage::Conv(conv),
            Layer::Activation(activation) => Stage::Activation(activation.function()),
            Layer::Pool(pool) => Stage::Pool(pool.layout(), pool.kind()),
            Layer::ConvTranspose(transposed) => Stage::ConvTranspose(transposed),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::settings::Operation;
    use crate::app::settings::{PaddingChoice, Settings};
    use crate::app::shared::Shared;
    use crate::engine::Sides;

    fn example(settings: Settings) -> Example {
        Example::build(&Shared::new(settings)).expect("a valid example")
    }

    fn line_of(program: &Program, step: &CodeStep) -> String {
        program.lines[step.line].trim().to_owned()
    }

    /// The tutorial's 4×4 input and 3×3 kernel: 2×2 outputs, windows at (0,0), (0,1), (1,0), (1,1).
    #[test]
    fn tutorial_steps_name_the_sum_line_and_the_window() {
        let example = example(Settings::default());
        let numpy = program(&example, Style::NumPy);
        let last = numpy.at_step(&example, 3).unwrap();
        assert_eq!(
            line_of(&numpy, &last),
            "y[f, oh, ow] = total + b[f]  # then the bias"
        );
        assert_eq!(
            last.variables,
            vec![("f", 0), ("oh", 1), ("ow", 1), ("r0", 1), ("c0", 1)]
        );
        assert_eq!(last.window.as_deref(), Some("x[:, 1:4, 1:4]"));
        let second = numpy.at_step(&example, 1).unwrap();
        assert_eq!(second.line, last.line);
        assert_eq!(second.window.as_deref(), Some("x[:, 0:3, 1:4]"));
        assert_eq!(numpy.at_step(&example, 4), None);

        let torch = program(&example, Style::PyTorch);
        let step = torch.at_step(&example, 2).unwrap();
        assert_eq!(line_of(&torch, &step), "y = F.conv2d(x, w, b)");
        assert_eq!(
            step.variables,
            vec![("f", 0), ("oh", 1), ("ow", 0), ("r0", 1), ("c0", 0)]
        );
        assert_eq!(step.window, None);
    }

    /// 7×7, kernel 3, dilation 2 (field 5), stride 2, padding top 1, left 2, bottom 0, right 1.
    /// Rows: padded 8, floor((8 - 5) / 2) + 1 = 2. Columns: padded 10, floor((10 - 5) / 2) + 1 = 3.
    /// ```text
    /// step 4 -> oh 1, ow 1 -> r0 = 2, c0 = 2: rows 2, 4, 6 and columns 2, 4, 6 of the padded input
    /// step 5 -> oh 1, ow 2 -> r0 = 2, c0 = 4: columns 4, 6, 8
    /// ```
    #[test]
    fn dilated_padded_slices_use_padded_coordinates() {
        let example = example(Settings {
            input_size: [7, 7],
            stride: [2, 2],
            dilation: [2, 2],
            padding: PaddingChoice::Custom(Sides {
                top: 1,
                left: 2,
                bottom: 0,
                right: 1,
            }),
            ..Settings::default()
        });
        let numpy = program(&example, Style::NumPy);
        let four = numpy.at_step(&example, 4).unwrap();
        assert_eq!(
            four.variables,
            vec![("f", 0), ("oh", 1), ("ow", 1), ("r0", 2), ("c0", 2)]
        );
        assert_eq!(four.window.as_deref(), Some("x[:, 2:7:2, 2:7:2]"));
        let five = numpy.at_step(&example, 5).unwrap();
        assert_eq!(five.window.as_deref(), Some("x[:, 2:7:2, 4:9:2]"));
        assert!(numpy.lines.iter().any(|line| line.trim()
            == "window = x[:, r0:r0 + 5:2, c0:c0 + 5:2]  # all channels, every 2nd row, every 2nd column"));
        assert!(numpy.lines.iter().any(|line| {
            line.trim()
                .starts_with("x = np.pad(x, ((0, 0), (1, 0), (2, 1)))")
        }));
    }

    /// The block on a 4×4 input: conv 3×3 gives 2×2 (4 steps), ReLU 4 steps, max-pool 2×2
    /// with stride 2 one step. Step 5 is ReLU's cell (0, 0, 1); step 8 the pooling window.
    #[test]
    fn block_steps_move_through_the_stages() {
        let example = example(Settings {
            operation: Operation::Block,
            ..Settings::default()
        });
        let numpy = program(&example, Style::NumPy);
        let relu = numpy.at_step(&example, 5).unwrap();
        assert_eq!(
            line_of(&numpy, &relu),
            "y[ch, row, col] = v if v > 0 else np.float32(0)"
        );
        assert_eq!(relu.variables, vec![("ch", 0), ("row", 0), ("col", 1)]);
        assert_eq!(relu.window.as_deref(), Some("x[0, 0, 1]"));
        let pool = numpy.at_step(&example, 8).unwrap();
        assert_eq!(line_of(&numpy, &pool), "y[ch, oh, ow] = np.max(window)");
        assert_eq!(pool.window.as_deref(), Some("x[0, 0:2, 0:2]"));
        assert!(pool.line > relu.line);

        let torch = program(&example, Style::PyTorch);
        let steps: Vec<String> = [0, 5, 8]
            .iter()
            .map(|&position| line_of(&torch, &torch.at_step(&example, position).unwrap()))
            .collect();
        assert_eq!(
            steps,
            [
                "y = F.conv2d(x, w, b)",
                "y = F.relu(y)",
                "y = F.max_pool2d(y, 2, stride=2)"
            ]
        );
    }

    #[test]
    fn arrays_are_written_nested_and_aligned() {
        let mut code = Code::default();
        code.array("w", "f", &[1.0, -2.5, 0.1, -0.0], &[2, 1, 2], ")");
        assert_eq!(
            code.lines,
            ["w = f([[[1, -2.5]],", "       [[0.1, -0.0]]])"]
        );
    }

    /// Max pooling 2×2, stride 2, ceil mode, on 4×4 with one padding cell at the bottom and
    /// right. PyTorch pads both sides alike, so `F.pad` pads with -inf. On the padded 5 cells
    /// PyTorch would keep a third window starting at 4 (inside its 5); ConvStep drops it, as
    /// it starts past the input (4 >= 0 + 4), so the output is cut to 2×2.
    #[test]
    fn uneven_pooling_padding_goes_through_f_pad_and_a_crop() {
        let example = example(Settings {
            operation: Operation::MaxPool,
            kernel_size: [2, 2],
            stride: [2, 2],
            ceil_mode: true,
            padding: PaddingChoice::Custom(Sides {
                top: 0,
                left: 0,
                bottom: 1,
                right: 1,
            }),
            ..Settings::default()
        });
        let torch = program(&example, Style::PyTorch);
        let body: Vec<&str> = torch.lines[torch.lines.len() - 4..]
            .iter()
            .map(|line| line.split("  #").next().unwrap_or_default())
            .collect();
        assert_eq!(
            body,
            [
                "y = F.pad(x, (0, 1, 0, 1), value=-torch.inf)",
                "y = F.max_pool2d(y, 2, stride=2, ceil_mode=True)",
                "y = y[:, :2, :2]",
                "print(y.tolist())",
            ]
        );
        let last = program(&example, Style::PyTorch)
            .at_step(&example, 3)
            .unwrap();
        assert_eq!(last.line, torch.lines.len() - 3);
        assert_eq!(
            last.variables,
            vec![("ch", 0), ("oh", 1), ("ow", 1), ("r0", 2), ("c0", 2)]
        );
    }
}
