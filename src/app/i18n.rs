//! Every user-facing string, in English and Simplified Chinese, and the engine's errors in both.

use super::presentation::Panel;
use super::settings::{Operation, Settings};
use super::shortcuts::{SHORTCUTS, Shortcut};
use crate::engine::{
    Axis, EngineError,
    decimal::Shortest,
    error::{Limited, Part},
    presets::KernelPreset,
};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language for a BCP 47 tag such as the browser's `navigator.language`.
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The tag used in links and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The fixed strings of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// Picks the English or Chinese form.
    fn pick(self, en: String, zh: String) -> String {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The fixed strings of one language.
#[derive(Debug)]
pub struct Text {
    /// App title.
    pub title: &'static str,
    /// Subtitle under the title.
    pub tagline: &'static str,
    /// Name of the other language, on the switch.
    pub other_language: &'static str,
    /// "Operation".
    pub operation: &'static str,
    /// "Input".
    pub input: &'static str,
    /// "Kernel".
    pub kernel: &'static str,
    /// "Pooling window".
    pub window: &'static str,
    /// "Output".
    pub output: &'static str,
    /// "Rows".
    pub rows: &'static str,
    /// "Columns".
    pub columns: &'static str,
    /// "Sizes".
    pub sizes: &'static str,
    /// "Input size".
    pub input_size: &'static str,
    /// "Kernel size".
    pub kernel_size: &'static str,
    /// "Window size".
    pub window_size: &'static str,
    /// "Stride".
    pub stride: &'static str,
    /// "Dilation".
    pub dilation: &'static str,
    /// "Padding".
    pub padding: &'static str,
    /// Padding mode names: valid, same, same-lower, full, custom.
    pub padding_modes: [&'static str; 5],
    /// Side names: top, left, bottom, right.
    pub sides: [&'static str; 4],
    /// "Ceil mode".
    pub ceil_mode: &'static str,
    /// "Count padding in the average".
    pub count_include_pad: &'static str,
    /// "Flip kernel (true convolution)".
    pub flip_kernel: &'static str,
    /// "Bias".
    pub bias: &'static str,
    /// "Slope".
    pub slope: &'static str,
    /// "Random".
    pub random: &'static str,
    /// "Random integers".
    pub random_integers: &'static str,
    /// "Random normal".
    pub random_normal: &'static str,
    /// "Preset".
    pub preset: &'static str,
    /// Preset names, in [`KernelPreset::ALL`] order.
    pub presets: [&'static str; 9],
    /// Operation names, in [`Operation::ALL`] order.
    pub operations: [&'static str; 8],
    /// Short stage names, in [`Operation::ALL`] order, for captions ("ReLU output").
    pub stage_names: [&'static str; 8],
    /// Playback button labels: start, back, play, pause, forward, end.
    pub playback: [&'static str; 6],
    /// "Speed".
    pub speed: &'static str,
    /// "steps/s".
    pub steps_per_second: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Output size".
    pub output_size: &'static str,
    /// "Calculation".
    pub calculation: &'static str,
    /// "padding".
    pub padding_cell: &'static str,
    /// Hint under the grids.
    pub edit_hint: &'static str,
    /// "Not shown: the settings do not form a window".
    pub error_heading: &'static str,
    /// "Showing the last valid example".
    pub showing_previous: &'static str,
    /// "Every input cell is read."
    pub all_read: &'static str,
    /// "Controls".
    pub controls: &'static str,
    /// "Values".
    pub values: &'static str,
    /// Legend: current window, padding, never read, being written.
    pub legend: [&'static str; 4],
    /// Hint in block mode.
    pub block_hint: &'static str,
    /// "Feature maps as pictures".
    pub feature_maps: &'static str,
    /// "Channels".
    pub channels: &'static str,
    /// "Filters".
    pub filters: &'static str,
    /// "Activation".
    pub activation: &'static str,
    /// "Pooling".
    pub pooling: &'static str,
    /// "Pooling window" size row in block mode.
    pub pool_window: &'static str,
    /// "Pooling stride" row in block mode.
    pub pool_stride: &'static str,
    /// "Apply to".
    pub apply_to: &'static str,
    /// "all filters".
    pub all_filters: &'static str,
    /// "Previous stage", "Next stage".
    pub stage_buttons: [&'static str; 2],
    /// "channel".
    pub channel: &'static str,
    /// "filter".
    pub filter: &'static str,
    /// "Stop tracing".
    pub stop_tracing: &'static str,
    /// "Picture".
    pub picture: &'static str,
    /// "Your own picture".
    pub own_picture: &'static str,
    /// "Size".
    pub picture_size: &'static str,
    /// "Colour (RGB)".
    pub colour: &'static str,
    /// Privacy note.
    pub stays_here: &'static str,
    /// "Projector".
    pub projector: &'static str,
    /// "Copy link".
    pub copy_link: &'static str,
    /// "Link copied".
    pub link_copied: &'static str,
    /// "Embed".
    pub embed: &'static str,
    /// How to embed.
    pub embed_note: &'static str,
    /// "Hide".
    pub hide_panels: &'static str,
    /// "Close".
    pub close: &'static str,
    /// "Keyboard shortcuts".
    pub shortcuts: &'static str,
    /// Note under the shortcuts.
    pub shortcuts_note: &'static str,
    /// Descriptions of the shortcuts, in [`Shortcut`] order.
    pub shortcut_actions: [&'static str; 9],
    /// Panel names, in [`Panel::ALL`] order.
    pub panels: [&'static str; 7],
}

const EN: Text = Text {
    title: "ConvStep",
    tagline: "Convolution, activation and pooling — one window at a time",
    other_language: "中文",
    operation: "Operation",
    input: "Input",
    kernel: "Kernel",
    window: "Pooling window",
    output: "Output",
    rows: "rows",
    columns: "columns",
    sizes: "Sizes",
    input_size: "Input",
    kernel_size: "Kernel",
    window_size: "Window",
    stride: "Stride",
    dilation: "Dilation",
    padding: "Padding",
    padding_modes: [
        "valid (none)",
        "same",
        "same (extra at start)",
        "full",
        "custom",
    ],
    sides: ["top", "left", "bottom", "right"],
    ceil_mode: "Ceil mode (keep a partial last window)",
    count_include_pad: "Count padding cells in the average",
    flip_kernel: "Flip kernel (true convolution)",
    bias: "Bias",
    slope: "Slope",
    random: "Random",
    random_integers: "Random integers",
    random_normal: "Random normal",
    preset: "Preset kernel",
    presets: [
        "identity",
        "box blur",
        "Gaussian blur",
        "sharpen",
        "edge (Laplacian)",
        "Sobel x",
        "Sobel y",
        "emboss",
        "outline",
    ],
    operations: [
        "Convolution",
        "ReLU",
        "Leaky ReLU",
        "Sigmoid",
        "Tanh",
        "Max pooling",
        "Average pooling",
        "Block: convolution → activation → pooling",
    ],
    stage_names: [
        "Convolution",
        "ReLU",
        "Leaky ReLU",
        "Sigmoid",
        "Tanh",
        "Max pooling",
        "Average pooling",
        "Block",
    ],
    playback: ["Start", "Step back", "Play", "Pause", "Step forward", "End"],
    speed: "Speed",
    steps_per_second: "steps/s",
    step: "Step",
    output_size: "Output size",
    calculation: "Calculation",
    padding_cell: "padding",
    edit_hint: "Click a value to edit it. Hover an output cell to see its window; hover an input cell to see what it feeds.",
    error_heading: "These settings cannot form a window",
    showing_previous: "The grids show the last example that worked.",
    all_read: "Every input cell is read by at least one window.",
    controls: "Controls",
    values: "Values",
    legend: [
        "current window",
        "padding (0)",
        "never read",
        "being written",
    ],
    block_hint: "The stages run in order. Click a cell of the last map to trace the input cells it depends on.",
    feature_maps: "Feature maps as pictures",
    channels: "Channels",
    filters: "Filters",
    activation: "Activation",
    pooling: "Pooling",
    pool_window: "Pool window",
    pool_stride: "Pool stride",
    apply_to: "Apply to",
    all_filters: "all filters",
    stage_buttons: ["Previous stage", "Next stage"],
    channel: "channel",
    filter: "filter",
    stop_tracing: "Stop tracing",
    picture: "Picture",
    own_picture: "Your own picture",
    picture_size: "Size",
    colour: "Colour (3 channels: R, G, B)",
    stays_here: "Pictures are read by your browser and never leave this page.",
    projector: "Projector",
    copy_link: "Copy link",
    link_copied: "Link copied",
    embed: "Embed",
    embed_note: "Paste this into a web page. The frame opens this exact example and grows to fit.",
    hide_panels: "Hide",
    close: "Close",
    shortcuts: "Keyboard shortcuts",
    shortcuts_note: "Shortcuts never fire while you are typing in a field or editing a cell.",
    shortcut_actions: [
        "play or pause",
        "step forward",
        "step back",
        "first step",
        "last step",
        "faster or slower",
        "next or previous operation",
        "next or previous stage",
        "show or hide this list",
    ],
    panels: [
        "title",
        "controls",
        "playback",
        "calculation",
        "output-size formula",
        "pictures",
        "hint",
    ],
};

const ZH: Text = Text {
    title: "ConvStep 卷积步进",
    tagline: "卷积、激活与池化——一次一个窗口",
    other_language: "English",
    operation: "运算",
    input: "输入",
    kernel: "卷积核",
    window: "池化窗口",
    output: "输出",
    rows: "行",
    columns: "列",
    sizes: "大小",
    input_size: "输入",
    kernel_size: "卷积核",
    window_size: "窗口",
    stride: "步长",
    dilation: "膨胀（空洞）",
    padding: "填充",
    padding_modes: [
        "valid（不填充）",
        "same",
        "same（多余在前）",
        "full",
        "自定义",
    ],
    sides: ["上", "左", "下", "右"],
    ceil_mode: "向上取整（保留不完整的最后一个窗口）",
    count_include_pad: "平均值计入填充格",
    flip_kernel: "翻转卷积核（数学意义上的卷积）",
    bias: "偏置",
    slope: "斜率",
    random: "随机",
    random_integers: "随机整数",
    random_normal: "随机正态",
    preset: "预设卷积核",
    presets: [
        "恒等",
        "均值模糊",
        "高斯模糊",
        "锐化",
        "边缘（拉普拉斯）",
        "Sobel x",
        "Sobel y",
        "浮雕",
        "轮廓",
    ],
    operations: [
        "卷积",
        "ReLU 激活",
        "Leaky ReLU 激活",
        "Sigmoid 激活",
        "Tanh 激活",
        "最大池化",
        "平均池化",
        "组合：卷积 → 激活 → 池化",
    ],
    stage_names: [
        "卷积",
        "ReLU",
        "Leaky ReLU",
        "Sigmoid",
        "Tanh",
        "最大池化",
        "平均池化",
        "组合",
    ],
    playback: ["开始", "后退一步", "播放", "暂停", "前进一步", "结束"],
    speed: "速度",
    steps_per_second: "步/秒",
    step: "步",
    output_size: "输出大小",
    calculation: "计算过程",
    padding_cell: "填充",
    edit_hint: "点击数值即可修改。鼠标移到输出格上显示它的窗口；移到输入格上显示它影响的输出。",
    error_heading: "这些设置无法构成窗口",
    showing_previous: "网格显示的是上一个有效的例子。",
    all_read: "每个输入格都至少被一个窗口读取。",
    controls: "控制",
    values: "数值",
    legend: ["当前窗口", "填充（0）", "从未读取", "正在写入"],
    block_hint: "各层按顺序计算。点击最后一张特征图中的格子，可以追溯它依赖的输入区域（感受野）。",
    feature_maps: "特征图可视化",
    channels: "通道",
    filters: "卷积核个数",
    activation: "激活",
    pooling: "池化",
    pool_window: "池化窗口",
    pool_stride: "池化步长",
    apply_to: "应用于",
    all_filters: "全部卷积核",
    stage_buttons: ["上一层", "下一层"],
    channel: "通道",
    filter: "卷积核",
    stop_tracing: "停止追溯",
    picture: "图片",
    own_picture: "你自己的图片",
    picture_size: "大小",
    colour: "彩色（3 个通道：R、G、B）",
    stays_here: "图片只由你的浏览器读取，不会离开这个页面。",
    projector: "投影模式",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    embed: "嵌入",
    embed_note: "把这段代码粘贴到网页中。框架会打开这个例子，并自动调整高度。",
    hide_panels: "隐藏",
    close: "关闭",
    shortcuts: "键盘快捷键",
    shortcuts_note: "在输入框中输入或修改格子时，快捷键不会生效。",
    shortcut_actions: [
        "播放或暂停",
        "前进一步",
        "后退一步",
        "第一步",
        "最后一步",
        "加快或减慢",
        "下一个或上一个运算",
        "下一层或上一层",
        "显示或隐藏此列表",
    ],
    panels: [
        "标题",
        "控制",
        "播放",
        "计算过程",
        "输出大小公式",
        "图片",
        "提示",
    ],
};

impl Lang {
    /// The operation's name.
    pub fn operation(self, operation: Operation) -> &'static str {
        let index = Operation::ALL
            .iter()
            .position(|&op| op == operation)
            .unwrap_or(0);
        self.text().operations[index]
    }

    /// A stage's short name.
    pub fn stage_name(self, operation: Operation) -> &'static str {
        let index = Operation::ALL
            .iter()
            .position(|&op| op == operation)
            .unwrap_or(0);
        self.text().stage_names[index]
    }

    /// The operations of the stages of `settings`, in order.
    fn stage_operations(settings: &Settings) -> Vec<Operation> {
        match settings.operation {
            Operation::Block => vec![
                Operation::Convolution,
                settings.block_activation,
                settings.block_pool,
            ],
            single => vec![single],
        }
    }

    /// Caption of the output of stage `stage`: "ReLU output".
    pub fn stage_output(self, settings: &Settings, stage: usize) -> String {
        let name = Self::stage_operations(settings)
            .get(stage)
            .map_or("", |&op| self.stage_name(op));
        match self {
            Lang::En => format!("{name} output"),
            Lang::Zh => format!("{name}输出"),
        }
    }

    /// "Stage 2 of 3: ReLU".
    pub fn stage_of(self, stage: usize, stages: usize, settings: &Settings) -> String {
        let name = Self::stage_operations(settings)
            .get(stage)
            .map_or("", |&op| self.stage_name(op));
        let number = stage + 1;
        self.pick(
            format!("Stage {number} of {stages}: {name}"),
            format!("第 {number} 层，共 {stages} 层：{name}"),
        )
    }

    /// Heading of the feature maps of the whole picture: "The whole picture at 224×224".
    pub fn full_size(self, rows: usize, columns: usize) -> String {
        self.pick(
            format!("The whole picture at {rows}×{columns}"),
            format!("整张图片（{rows}×{columns}）"),
        )
    }

    /// What the full-size maps are and how long the engine took: "… computed in 2.0 ms. …".
    pub fn computed_in(self, milliseconds: f64) -> String {
        let shown = crate::app::format::tenths(milliseconds);
        self.pick(
            format!("The same layers on every pixel, computed in {shown} ms. Edit a weight to see every map change."),
            format!("同样的层作用于每个像素，用时 {shown} 毫秒。修改一个权重，所有特征图都会随之改变。"),
        )
    }

    /// A channel's name: R, G, B for a 3-channel input, else "channel 2".
    pub fn channel_name(self, map: usize, channels: usize, index: usize) -> String {
        if map == 0 && channels == 3 {
            ["R", "G", "B"][index.min(2)].to_owned()
        } else {
            format!("{} {}", self.text().channel, index + 1)
        }
    }

    /// A kernel slice's name: "filter 2 · G".
    pub fn kernel_slice_name(
        self,
        filter: usize,
        filters: usize,
        channels: usize,
        channel: usize,
    ) -> String {
        let channel = self.channel_name(0, channels, channel);
        if filters > 1 {
            format!("{} {} · {channel}", self.text().filter, filter + 1)
        } else {
            channel
        }
    }

    /// The preset's name.
    pub fn preset(self, preset: KernelPreset) -> &'static str {
        let index = KernelPreset::ALL
            .iter()
            .position(|&p| p == preset)
            .unwrap_or(0);
        self.text().presets[index]
    }

    /// "step 5 of 9".
    pub fn step_of(self, step: usize, steps: usize) -> String {
        self.pick(
            format!("Step {step} of {steps}"),
            format!("第 {step} 步，共 {steps} 步"),
        )
    }

    /// A cell's accessible label, rows and columns counted from 1: "row 2, column 1: 7".
    pub fn cell_label(self, row: usize, column: usize, value: &str) -> String {
        let (row, column) = (row + 1, column + 1);
        self.pick(
            format!("row {row}, column {column}: {value}"),
            format!("第 {row} 行，第 {column} 列：{value}"),
        )
    }

    /// Notice for link parameters that were ignored.
    pub fn ignored_parameters(self, names: &[String]) -> String {
        let list = names.join(", ");
        self.pick(
            format!("Some link parameters were not understood and use their defaults: {list}."),
            format!("链接中有些参数无法识别，已使用默认值：{list}。"),
        )
    }

    /// Notice for link parameters given more than once.
    pub fn repeated_parameters(self, names: &[String]) -> String {
        let list = names.join(", ");
        self.pick(
            format!("These link parameters appear more than once, so the first value of each is used: {list}."),
            format!("链接中这些参数出现了不止一次，每个都使用第一个值：{list}。"),
        )
    }

    /// Why max pooling's candidates leave out the window's padding cells.
    pub fn max_ignores_padding(self, padding: usize) -> String {
        self.pick(
            format!("The {padding} padding cells of this window are never candidates: max pooling only compares real input values."),
            format!("这个窗口里的 {padding} 个填充格不参与比较：最大池化只比较真实的输入值。"),
        )
    }

    /// How the average's divisor was counted, given the window's input and padding cells.
    pub fn divisor(self, inputs: usize, padding: usize, divisor: usize) -> String {
        match (self, padding, divisor > inputs) {
            (Lang::En, 0, _) => format!("Divided by {divisor}, the number of cells in the window."),
            (Lang::En, _, true) => format!(
                "Divided by {divisor} = {inputs} input cells + {padding} padding cells (padding counts)."
            ),
            (Lang::En, _, false) => format!(
                "Divided by {divisor}, the input cells only: the {padding} padding cells do not count."
            ),
            (Lang::Zh, 0, _) => format!("除以 {divisor}，即窗口中的格数。"),
            (Lang::Zh, _, true) => {
                format!("除以 {divisor} = {inputs} 个输入格 + {padding} 个填充格（计入填充）。")
            }
            (Lang::Zh, _, false) => {
                format!("除以 {divisor}，只算输入格：{padding} 个填充格不计入。")
            }
        }
    }

    /// What a shortcut does.
    pub fn shortcut(self, shortcut: Shortcut) -> &'static str {
        let index = SHORTCUTS
            .iter()
            .position(|(_, s)| *s == shortcut)
            .unwrap_or(0);
        self.text().shortcut_actions[index]
    }

    /// A panel's name.
    pub fn panel_name(self, panel: Panel) -> &'static str {
        let index = Panel::ALL.iter().position(|&p| p == panel).unwrap_or(0);
        self.text().panels[index]
    }

    /// The live-region announcement of a step: "Step 5 of 9: output row 2, column 1 = 7".
    pub fn announce(
        self,
        step: usize,
        steps: usize,
        channel: Option<usize>,
        row: usize,
        column: usize,
        value: &str,
    ) -> String {
        let (step, row, column) = (step + 1, row + 1, column + 1);
        match (self, channel) {
            (Lang::En, None) => {
                format!("Step {step} of {steps}: output row {row}, column {column} = {value}")
            }
            (Lang::En, Some(c)) => format!(
                "Step {step} of {steps}: output channel {}, row {row}, column {column} = {value}",
                c + 1
            ),
            (Lang::Zh, None) => {
                format!("第 {step} 步，共 {steps} 步：输出第 {row} 行、第 {column} 列 = {value}")
            }
            (Lang::Zh, Some(c)) => format!(
                "第 {step} 步，共 {steps} 步：输出通道 {}、第 {row} 行、第 {column} 列 = {value}",
                c + 1
            ),
        }
    }

    /// A sample picture's name.
    pub fn sample_name(self, id: &str) -> &'static str {
        match (self, id) {
            (Lang::En, "house") => "House",
            (Lang::En, "digit") => "Digit 7",
            (Lang::En, _) => "Shapes",
            (Lang::Zh, "house") => "房子",
            (Lang::Zh, "digit") => "数字 7",
            (Lang::Zh, _) => "形状",
        }
    }

    /// Why a picture could not be used.
    pub fn picture_problem(
        self,
        problem: crate::app::components::picture_source::PictureProblem,
    ) -> String {
        use crate::app::components::picture_source::PictureProblem;
        match problem {
            PictureProblem::NotAPicture => self.pick(
                "That file is not a picture this browser can read; the current example stays.".to_owned(),
                "这个文件不是浏览器能读取的图片，当前的例子保持不变。".to_owned(),
            ),
            PictureProblem::TooLarge(megabytes) => self.pick(
                format!("That file is {} MB; pictures up to 10 MB are accepted. The current example stays.", crate::app::format::tenths(megabytes)),
                format!("这个文件有 {} MB，只接受 10 MB 以内的图片。当前的例子保持不变。", crate::app::format::tenths(megabytes)),
            ),
        }
    }

    /// Refusal of a typed value that is not a number.
    pub fn not_a_number(self, text: &str) -> String {
        self.pick(
            format!("“{text}” is not a number, so the old value is kept."),
            format!("“{text}”不是数字，已保留原来的值。"),
        )
    }

    /// Refusal of a size that is not a whole number.
    pub fn not_a_whole_number(self, text: &str) -> String {
        self.pick(
            format!("“{text}” is not a whole number."),
            format!("“{text}”不是非负整数。"),
        )
    }

    /// Why some input cells are never read.
    pub fn never_read(self, axis: Axis, cells: &[usize], stride: usize, dilation: usize) -> String {
        let list = cells
            .iter()
            .map(|cell| (cell + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let (en_axis, zh_axis) = match axis {
            Axis::Rows => ("Input rows", "输入的第"),
            Axis::Columns => ("Input columns", "输入的第"),
        };
        let zh_unit = match axis {
            Axis::Rows => "行",
            Axis::Columns => "列",
        };
        let (en_why, zh_why) = if dilation > 1 {
            (
                format!(
                    "the taps are {dilation} apart and the stride of {stride} never lands on them"
                ),
                format!("取样点相隔 {dilation} 格，而步长 {stride} 从未落在它们上面"),
            )
        } else {
            (
                format!(
                    "the stride of {stride} jumps past them and no whole window fits over them"
                ),
                format!("步长 {stride} 跳过了它们，剩下的格子放不下一个完整的窗口"),
            )
        };
        self.pick(
            format!("{en_axis} {list} are never read: {en_why}."),
            format!("{zh_axis} {list} {zh_unit}从未被读取：{zh_why}。"),
        )
    }

    /// The engine's error, worded for a learner in this language.
    pub fn error(self, error: &EngineError) -> String {
        let axis = |axis: &Axis| match (self, axis) {
            (Lang::En, Axis::Rows) => "vertical",
            (Lang::En, Axis::Columns) => "horizontal",
            (Lang::Zh, Axis::Rows) => "纵向",
            (Lang::Zh, Axis::Columns) => "横向",
        };
        match error {
            EngineError::ZeroStride { axis: a } => self.pick(
                error.to_string(),
                format!("{}步长为 0：窗口每一步至少要移动 1 格。", axis(a)),
            ),
            EngineError::ZeroDilation { axis: a } => self.pick(
                error.to_string(),
                format!("{}膨胀为 0：取样点之间至少相隔 1 格（1 表示没有空洞）。", axis(a)),
            ),
            EngineError::ZeroKernel { axis: a } => self.pick(
                error.to_string(),
                format!("{}卷积核大小为 0：窗口至少要有 1 格。", axis(a)),
            ),
            EngineError::EmptyInput {
                channels,
                rows,
                columns,
            } => self.pick(
                error.to_string(),
                format!("输入是空的（{channels} 个通道，{rows}×{columns}）：没有可以滑动的地方。"),
            ),
            EngineError::KernelLargerThanInput {
                axis: a,
                field,
                padded,
                input,
                pad_begin,
                pad_end,
            } => self.pick(
                error.to_string(),
                format!(
                    "{}卷积核跨越 {field} 格，但填充后的输入只有 {padded} 格（{input} + {pad_begin} + {pad_end} 填充）：连一个窗口都放不下。请用更小的卷积核或膨胀，或者增加填充。",
                    axis(a)
                ),
            ),
            EngineError::WindowOnlyPadding { axis: a, position } => self.pick(
                error.to_string(),
                format!(
                    "{}第 {position} 个输出位置的池化窗口只覆盖了填充：请减少填充（最多为窗口的一半）或增大窗口。",
                    axis(a)
                ),
            ),
            EngineError::ChannelMismatch {
                input_channels,
                kernel_channels,
            } => self.pick(
                error.to_string(),
                format!("输入有 {input_channels} 个通道，但每个卷积核只有 {kernel_channels} 个通道：卷积核需要每个输入通道一片。"),
            ),
            EngineError::NoFilters => self.pick(
                error.to_string(),
                "没有卷积核：卷积至少需要 1 个输出通道。".to_owned(),
            ),
            EngineError::BiasMismatch { filters, biases } => self.pick(
                error.to_string(),
                format!("有 {filters} 个卷积核却有 {biases} 个偏置：每个卷积核需要一个偏置。"),
            ),
            EngineError::TooLarge { what, value, limit } => {
                let what_zh = match what {
                    Limited::InputSide => "输入边长",
                    Limited::KernelSide => "卷积核边长",
                    Limited::Channels => "通道数",
                    Limited::Stride => "步长",
                    Limited::Dilation => "膨胀",
                    Limited::Padding => "填充",
                    Limited::Outputs => "输出数量",
                };
                self.pick(
                    error.to_string(),
                    format!("{what_zh} {value} 超出了 ConvStep 的上限（{limit}）。"),
                )
            }
            EngineError::NotFinite {
                part,
                channel,
                row,
                column,
            } => self.pick(
                error.to_string(),
                format!(
                    "{}在通道 {channel}、第 {row} 行、第 {column} 列的值不是有限的数。",
                    part_zh(*part)
                ),
            ),
            EngineError::ValueTooLarge { part, value, limit, .. } => self.pick(
                error.to_string(),
                format!(
                    "{}的值 {} 太大：数值必须在 -{limit} 到 {limit} 之间。",
                    part_zh(*part),
                    Shortest(*value),
                    limit = Shortest(*limit)
                ),
            ),
            EngineError::StepOutOfRange { step, steps } => self.pick(
                error.to_string(),
                format!("第 {step} 步不存在：一共只有 {steps} 步（从 0 开始编号）。"),
            ),
            EngineError::CellOutOfRange {
                channel,
                row,
                column,
            } => self.pick(
                error.to_string(),
                format!("输入中没有通道 {channel}、第 {row} 行、第 {column} 列这个格子。"),
            ),
            EngineError::BadSlope { slope, limit } => self.pick(
                error.to_string(),
                format!(
                    "Leaky ReLU 的斜率 {} 必须是 -{limit} 到 {limit} 之间的有限数。",
                    Shortest(*slope),
                    limit = Shortest(*limit)
                ),
            ),
            EngineError::InStage { stage, source } => self.pick(
                error.to_string(),
                format!("第 {stage} 层：{}", self.error(source)),
            ),
        }
    }
}

fn part_zh(part: Part) -> &'static str {
    match part {
        Part::Input => "输入",
        Part::Kernel => "卷积核",
        Part::Bias => "偏置",
    }
}
