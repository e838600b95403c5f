//! Learning mode's sentences with numbers, in both languages: the target's name, the rule of
//! each backward step and its formula, what a gradient is taken by, and the counts.

use super::Lang;
use crate::app::learn::TargetChoice;
use crate::engine::Activation;
use crate::engine::backward::{Rule, Wrt};

impl Lang {
    /// A target's name in the menu: "Output of Sobel x", "All zeros".
    pub fn target_name(self, choice: TargetChoice) -> String {
        match (choice, self) {
            (TargetChoice::Preset(preset), Lang::En) => {
                format!("Output of {}", self.preset(preset))
            }
            (TargetChoice::Preset(preset), Lang::Zh) => {
                format!("“{}”卷积核的输出", self.preset(preset))
            }
            (TargetChoice::Zeros, Lang::En) => "All zeros".to_owned(),
            (TargetChoice::Zeros, Lang::Zh) => "全零".to_owned(),
        }
    }

    /// How many training steps have been taken.
    pub fn trained(self, steps: usize) -> String {
        match self {
            Lang::En => format!("After {steps} training steps"),
            Lang::Zh => format!("已训练 {steps} 步"),
        }
    }

    /// Heading of the training step shown.
    pub fn training_step(self, step: usize) -> String {
        match self {
            Lang::En => format!("Training step {step}"),
            Lang::Zh => format!("第 {step} 步训练"),
        }
    }

    /// The rule a backward step uses, and its formula: what the formula panel names.
    pub fn rule(self, rule: Rule) -> (&'static str, &'static str) {
        match (rule, self) {
            (Rule::MaxRoute, Lang::En) => (
                "Max pooling: each window's gradient goes to its winner alone (the first of equal maxima).",
                "∂L/∂x = Σ ∂L/∂y over the windows x won",
            ),
            (Rule::MaxRoute, Lang::Zh) => (
                "最大池化：每个窗口的梯度只传给它的最大值（相等时取第一个）。",
                "∂L/∂x = Σ ∂L/∂y（对 x 取得最大值的窗口求和）",
            ),
            (Rule::AverageSpread, Lang::En) => (
                "Average pooling: each window's gradient is shared out, divided by the count the forward pass used.",
                "∂L/∂x = Σ ∂L/∂y ÷ count over the windows that read x",
            ),
            (Rule::AverageSpread, Lang::Zh) => (
                "平均池化：每个窗口的梯度平均分给窗口内各单元，除以前向传播所用的个数。",
                "∂L/∂x = Σ ∂L/∂y ÷ 个数（对读取 x 的窗口求和）",
            ),
            (Rule::Derivative { function, .. }, lang) => (
                match lang {
                    Lang::En => "Activation: the gradient times the derivative at the cell.",
                    Lang::Zh => "激活函数：梯度乘以该单元处的导数。",
                },
                match (function, lang) {
                    (Activation::Relu, Lang::En) => "∂L/∂x = ∂L/∂y × (1 if x > 0, else 0)",
                    (Activation::Relu, Lang::Zh) => "∂L/∂x = ∂L/∂y × (x > 0 时为 1，否则为 0)",
                    (Activation::LeakyRelu { .. }, Lang::En) => {
                        "∂L/∂x = ∂L/∂y × (1 if x > 0, else the slope)"
                    }
                    (Activation::LeakyRelu { .. }, Lang::Zh) => {
                        "∂L/∂x = ∂L/∂y × (x > 0 时为 1，否则为斜率)"
                    }
                    (Activation::Sigmoid, _) => "∂L/∂x = ∂L/∂y × σ(1 − σ)",
                    (Activation::Tanh, _) => "∂L/∂x = ∂L/∂y × (1 − tanh²)",
                },
            ),
            (Rule::ConvInput, Lang::En) => (
                "Convolution, by its input: the output gradient times the weights that met the cell — a transposed convolution.",
                "∂L/∂x = Σ ∂L/∂y × w over every window tap that read x",
            ),
            (Rule::ConvInput, Lang::Zh) => (
                "卷积对输入求梯度：输出梯度乘以与该单元相遇的权重——这就是一次转置卷积。",
                "∂L/∂x = Σ ∂L/∂y × w（对读取 x 的每个窗口位置求和）",
            ),
            (Rule::ConvWeight, Lang::En) => (
                "Convolution, by a weight: the output gradient times the input value the weight met, over every window.",
                "∂L/∂w = Σ ∂L/∂y × x over every window",
            ),
            (Rule::ConvWeight, Lang::Zh) => (
                "卷积对权重求梯度：输出梯度乘以该权重在每个窗口中遇到的输入值，再求和。",
                "∂L/∂w = Σ ∂L/∂y × x（对每个窗口求和）",
            ),
            (Rule::ConvBias, Lang::En) => (
                "Convolution, by its bias: the sum of the filter's output gradient.",
                "∂L/∂b = Σ ∂L/∂y",
            ),
            (Rule::ConvBias, Lang::Zh) => (
                "卷积对偏置求梯度：该卷积核输出梯度之和。",
                "∂L/∂b = Σ ∂L/∂y",
            ),
        }
    }

    /// What a backward step differentiates the loss by, counted from 1.
    pub fn gradient_of(self, wrt: Wrt) -> String {
        match (wrt, self) {
            (Wrt::Input(cell), Lang::En) => format!(
                "∂L/∂x at channel {}, row {}, column {}",
                cell.channel + 1,
                cell.row + 1,
                cell.column + 1
            ),
            (Wrt::Input(cell), Lang::Zh) => format!(
                "∂L/∂x：通道 {}，第 {} 行第 {} 列",
                cell.channel + 1,
                cell.row + 1,
                cell.column + 1
            ),
            (
                Wrt::Weight {
                    filter,
                    slice,
                    kernel: [row, column],
                },
                Lang::En,
            ) => format!(
                "∂L/∂w at row {}, column {} of filter {}, channel {}",
                row + 1,
                column + 1,
                filter + 1,
                slice + 1
            ),
            (
                Wrt::Weight {
                    filter,
                    slice,
                    kernel: [row, column],
                },
                Lang::Zh,
            ) => format!(
                "∂L/∂w：第 {} 个卷积核、通道 {} 的第 {} 行第 {} 列",
                filter + 1,
                slice + 1,
                row + 1,
                column + 1
            ),
            (Wrt::Bias { filter }, Lang::En) => format!("∂L/∂b of filter {}", filter + 1),
            (Wrt::Bias { filter }, Lang::Zh) => format!("∂L/∂b：第 {} 个卷积核的偏置", filter + 1),
        }
    }

    /// After the terms written out: how many more there are.
    pub fn more_terms(self, more: usize) -> String {
        match self {
            Lang::En => format!(" + … ({more} more terms)"),
            Lang::Zh => format!(" + …（还有 {more} 项）"),
        }
    }

    /// Under the loss plot: its scale.
    pub fn plot_caption(self, highest: String, steps: usize) -> String {
        match self {
            Lang::En => format!("Loss (0 to {highest}) against training steps (0 to {steps})"),
            Lang::Zh => format!("损失（0 至 {highest}）随训练步数（0 至 {steps}）的变化"),
        }
    }
}
