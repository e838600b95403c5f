//! The Simplified Chinese texts, in the terms of mainland textbooks and of the tutorial the app
//! grew from; the engine's errors are worded anew for a learner.

use super::{
    CellContent, CellPart, Concept, LearnLabels, LegendLabels, LessonLabels, PlaybackLabels,
    RefusedParameter, SaveLabels, SheetLabels, SideNames, Text, accepted_shapes, joined, position,
    shape_text,
};
use crate::app::export::problem::SaveProblem;
use crate::app::lesson::{LessonProblem, LoadProblem};
use crate::app::matrix::Unavailable;
use crate::app::tensor_text::{Expected, FitError, PasteError, TensorError};
use crate::engine::limits::MAX_ABS_VALUE;

use crate::app::format::tenths;
use crate::app::picture::PictureProblem;
use crate::app::presentation::Panel;
use crate::app::settings::{Operation, PaddingChoice, Values};
use crate::app::shortcuts::Shortcut;
use crate::engine::error::Position;
use crate::engine::{Axis, EngineError, decimal::Shortest, error::Limited, presets::KernelPreset};

/// The fixed strings.
pub(super) const TEXT: Text = Text {
    title: "ConvStep 卷积步进",
    tagline: "逐个窗口演示卷积、激活与池化",
    page_lang: "zh-CN",
    comma: "，",
    choose_picture: "选择图片…",
    max_cell: "最大",
    average_cell: "平均",
    legend_hover: "鼠标所指格的窗口",
    legend_traced: "追溯格的感受野",
    legend_copied: "复制自输入格的填充（悬停其中之一可看另一方）",
    key_diverging: "蓝色为负，白色为 0，红色为正",
    key_sequential: "由暗到亮：数值由小到大",
    key_grey: "由黑到白：数值由小到大",
    other_language: "English",
    operation: "运算",
    input: "输入",
    kernel: "卷积核",
    window: "池化窗口",
    output: "输出",
    rows: "行数",
    columns: "列数",
    sizes: "窗口参数",
    input_size: "输入",
    kernel_size: "卷积核",
    window_size: "窗口",
    stride: "步长",
    dilation: "膨胀率（空洞）",
    padding: "填充",
    running_total: "累加和",
    bias_term: "偏置",
    sides: SideNames {
        top: "上",
        left: "左",
        bottom: "下",
        right: "右",
    },
    ceil_mode: "向上取整（保留不完整的最后一个窗口）",
    count_include_pad: "平均值计入填充格",
    advanced: "高级选项",
    lock_sizes: "行列联动",
    flip_kernel: "翻转卷积核（数学意义上的卷积）",
    bias: "偏置",
    slope: "负半轴斜率 α",
    random: "随机",
    random_integers: "随机整数",
    random_normal: "随机（正态分布）",
    preset: "预设卷积核",
    playback: PlaybackLabels {
        start: "开始",
        back: "后退一步",
        play: "播放",
        pause: "暂停",
        forward: "前进一步",
        end: "结束",
        previous_stage: "上一层",
        next_stage: "下一层",
    },
    speed: "速度",
    steps_per_second: "步/秒",
    step: "步",
    output_size: "输出尺寸",
    calculation: "计算过程",
    padding_cell: "填充",
    edit_hint: "点击数值即可修改。鼠标移到输出格上显示它的窗口；移到输入格上显示它影响的输出。",
    error_heading: "按当前设置放不下一个窗口",
    showing_previous: "下面的网格仍显示上一个能计算的例子（刚打开链接时是默认例子），并非当前设置。",
    no_window_fits: "连一个窗口都放不下：",
    all_read: "每个输入格都至少被一个窗口读取。",
    controls: "控制",
    values: "数值",
    legend: LegendLabels {
        window: "当前窗口",
        padding: "填充（0）",
        never_read: "未被读取",
        being_written: "当前输出格",
    },
    block_hint: "各层按顺序计算。点击最后一张特征图中的格子，可以追溯它依赖的输入区域（感受野）。",
    block_maps: "卷积块的各层特征图：选择一层，单步演示这一层",
    settings_drawer: "设置",
    feature_maps: "特征图可视化",
    channels: "输入通道数",
    filters: "卷积核个数（输出通道数）",
    activation: "激活",
    pooling: "池化",
    pool_window: "池化窗口",
    pool_stride: "池化步长",
    apply_to: "应用于",
    all_filters: "全部卷积核",
    channel: "通道",
    filter: "卷积核",
    stop_tracing: "停止追溯",
    code_heading: "图与代码",
    tab_pytorch: "PyTorch",
    tab_numpy: "NumPy 循环",
    tab_im2col: "im2col",
    tab_toeplitz: "整体矩阵",
    tab_tensors: "张量",
    copy: "复制",
    copied: "已复制",
    at_this_step: "本步",
    im2col_note: "每一行是一个窗口：按卷积核顺序（通道、行、列）排列的输入值，填充记为 0。乘以展平的卷积核，就得到这个窗口的输出。",
    toeplitz_note: "把一个卷积核的整个卷积写成一个矩阵：第 o 行是输出 o 乘在每个输入格上的权重。矩阵乘以展平的输入，再加偏置，就一次得到全部输出。",
    flattened_kernel: "卷积核",
    flattened_input: "输入",
    paste_label: "粘贴张量：PyTorch 的 tensor(...)、NumPy 的 array(...)、嵌套列表或 JSON",
    use_as_input: "用作输入",
    use_as_kernel: "用作卷积核",
    write_out: "导出",
    picture: "图片",
    own_picture: "上传图片",
    picture_size: "大小",
    colour: "彩色（3 个通道：R、G、B）",
    stays_here: "图片只在你的浏览器里处理，不会上传。",
    projector: "投影模式",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    embed: "嵌入",
    embed_note: "把这段代码粘贴到网页中。嵌入的 iframe 会打开当前这个例子，并自动调整高度。",
    hide_panels: "隐藏",
    close: "关闭",
    shortcuts: "键盘快捷键",
    shortcuts_button: "键盘快捷键（?）",
    shortcuts_note: "在输入框中输入或修改格子时，快捷键不会生效。",
    space_bar: "空格",
    save: SaveLabels {
        save_picture: "保存图片",
        png: "把这一步保存为 PNG 图片（2 倍大小，适合放进幻灯片）",
        svg: "把这一步保存为 SVG 矢量图，放大也清晰",
        gif: "按当前播放速度把每一步保存为 GIF 动画",
        print: "打印讲义",
    },
    lesson: LessonLabels {
        open: "课程",
        next: "下一章",
        back: "上一章",
        close: "关闭课程",
        reset: "回到本章的例子",
        try_this: "动手试试",
        check: "自我检测",
        right: "正确。",
        wrong: "不对。再想一想，或者查看答案。",
        show_answer: "查看答案",
        loading: "正在加载课程……",
        chapters: "章节",
    },
    padding_fill: "填充值",
    padding_fills: ["零填充", "反射填充", "复制填充", "循环填充"],
    groups: "分组数",
    depthwise: "深度卷积",
    pointwise: "逐点卷积 1×1",
    borrowed_cell: "填充格，复制自",
    this_convolution: "本卷积",
    ordinary_convolution: "同形状的普通卷积",
    count_names: ["权重", "偏置", "乘加"],
    separable: "深度可分离卷积",
    separable_pair: "深度卷积与逐点卷积合计",
    block_start: "第一层",
    inserted_zero: "插入的零",
    output_padding: "输出填充",
    transposed_formula: "(输入 − 1)·步长 − 前填充 − 后填充 + 膨胀率·(核 − 1) + 输出填充 + 1",
    scatter_view: "按输入单元逐步（分散）",
    scatter_input: "本步分散的输入单元",
    cropped: "被裁掉",
    scatter_note: "乘积按它覆盖的窗口排列；每个乘积下方是它落在的输出单元的累计和。",
    views_agree: "两种方式最后得到的输出完全相同，逐位一致。",
    gather_note: "收集：结果等于一次普通卷积——卷积核旋转 180°，在输入的相邻单元之间插入（步长 − 1）个零、四周加上填充后滑动。",
    rotated_kernel: "旋转后的卷积核",
    overlap: "每个输出单元接收的卷积核权重个数",
    checkerboard: "步长小于卷积核时，相邻输出单元接收的权重个数不同：这种不均匀的重叠就是转置卷积棋盘格伪影的来源。",
    sheet: SheetLabels {
        worksheet: "练习单",
        print: "打印",
        back: "返回示例",
        name: "姓名",
        date: "日期",
        exercise: "练习",
        given: "已知",
        fill_in: "先算出输出尺寸，再填写输出的每一格。",
        answer_key: "答案",
    },
    learn: LearnLabels {
        open: "学习",
        heading: "反向传播与学习",
        target: "目标",
        rate: "学习率",
        run: "运行步数",
        step_once: "训练一步",
        reset: "回到起点",
        loss: "损失 = ½ Σ (输出 − 目标)²",
        loss_gradient: "∂损失/∂输出 = 输出 − 目标",
        diverges: "损失不降反升：这个学习率太大，每一步都越过了最低点，请换一个更小的学习率。",
        backward: "反向传播",
        update_rule: "新值 = 旧值 − 学习率 × 梯度",
        old: "旧值",
        change: "变化量",
        new: "新值",
        bias: "偏置",
        plot: "损失随训练步数的变化",
        no_winner: "没有一个池化窗口选中这个单元，所以没有梯度传到它。",
        typed_target: "目标特征图（输入数值即可修改）：",
    },
};

/// The operation's name in the menu.
pub(super) fn operation(operation: Operation) -> &'static str {
    match operation {
        Operation::Convolution => "卷积",
        Operation::Relu => "ReLU 激活",
        Operation::LeakyRelu => "Leaky ReLU 激活",
        Operation::Sigmoid => "Sigmoid 激活",
        Operation::Tanh => "Tanh 激活",
        Operation::MaxPool => "最大池化",
        Operation::AveragePool => "平均池化",
        Operation::Block => "卷积块：卷积 → 激活 → 池化",
        Operation::ConvTranspose => "转置卷积",
    }
}

/// A stage's short name.
pub(super) fn stage_name(operation: Operation) -> &'static str {
    match operation {
        Operation::Convolution => "卷积",
        Operation::Relu => "ReLU",
        Operation::LeakyRelu => "Leaky ReLU",
        Operation::Sigmoid => "Sigmoid",
        Operation::Tanh => "Tanh",
        Operation::MaxPool => "最大池化",
        Operation::AveragePool => "平均池化",
        Operation::Block => "卷积块",
        Operation::ConvTranspose => "转置卷积",
    }
}

/// A padding mode's name.
pub(super) fn padding_mode(mode: PaddingChoice) -> &'static str {
    match mode {
        PaddingChoice::Valid => "valid（不填充）",
        PaddingChoice::Same => "same（输出尺寸 = ⌈输入/步长⌉）",
        PaddingChoice::SameLower => "same（补不齐时多的一格补在上/左）",
        PaddingChoice::Symmetric => "symmetric（四周各补 (K−1)/2 圈，同教程代码）",
        PaddingChoice::Full => "full（四周各补 K−1 圈）",
        PaddingChoice::Custom(_) => "自定义",
    }
}

/// The output-size formula in words, or with the tutorial's letters and their key.
pub(super) fn size_formula_key(tutorial: bool, pooling: bool) -> &'static str {
    match (tutorial, pooling) {
        (true, false) => "⌊(N + 2P − K) / S⌋ + 1（N 输入尺寸，P 填充，K 卷积核尺寸，S 步长）",
        (true, true) => "⌊(N + 2P − K) / S⌋ + 1（N 输入尺寸，P 填充，K 池化窗口尺寸，S 步长）",
        (false, false) => "输出尺寸 = ⌊(输入 + 前填充 + 后填充 − 卷积核覆盖范围) ÷ 步长⌋ + 1",
        (false, true) => "输出尺寸 = ⌊(输入 + 前填充 + 后填充 − 池化窗口覆盖范围) ÷ 步长⌋ + 1",
    }
}

/// "膨胀后卷积核覆盖范围 = 2×(3−1)+1 = 5".
pub(super) fn dilated_span(pooling: bool, worked: &str) -> String {
    let window = if pooling { "池化窗口" } else { "卷积核" };
    format!("膨胀后{window}覆盖范围 = {worked}")
}

/// "行、列：".
pub(super) fn axis_prefix(axis: Option<Axis>) -> &'static str {
    match axis {
        None => "行、列：",
        Some(Axis::Rows) => "行：",
        Some(Axis::Columns) => "列：",
    }
}

/// How same padding differs from the tutorial's symmetric padding here.
pub(super) fn padding_difference(
    same: &str,
    other: &str,
    sides: &str,
    output: &str,
    lower: bool,
) -> String {
    let odd = if lower { "上/左" } else { "下/右" };
    format!(
        "换成 {other} 会填充（{sides}），输出 {output}：{same} 只补到输出为 ⌈输入 ÷ 步长⌉ 所需的格数，补不齐时多的一格补在{odd}；symmetric 则同教程代码一样，四周各补 (K−1)/2 圈。"
    )
}

/// A preset kernel's name.
pub(super) fn preset(preset: KernelPreset) -> &'static str {
    match preset {
        KernelPreset::Identity => "恒等",
        KernelPreset::BoxBlur => "均值模糊",
        KernelPreset::GaussianBlur => "高斯模糊",
        KernelPreset::Sharpen => "锐化",
        KernelPreset::Edge => "边缘（拉普拉斯）",
        KernelPreset::SobelX => "Sobel（水平梯度）",
        KernelPreset::SobelY => "Sobel（竖直梯度）",
        KernelPreset::Emboss => "浮雕",
        KernelPreset::Outline => "轮廓",
    }
}

/// What a shortcut does.
pub(super) fn shortcut(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::PlayPause => "播放或暂停",
        Shortcut::StepForward => "前进一步",
        Shortcut::StepBack => "后退一步",
        Shortcut::FirstStep => "第一步",
        Shortcut::LastStep => "最后一步",
        Shortcut::Faster => "加快",
        Shortcut::Slower => "减慢",
        Shortcut::NextOperation => "下一个运算",
        Shortcut::PreviousOperation => "上一个运算",
        Shortcut::NextStage => "下一层",
        Shortcut::PreviousStage => "上一层",
        Shortcut::ToggleHelp => "显示或隐藏此列表",
        Shortcut::CloseHelp => "关闭此列表",
    }
}

/// A panel's name.
pub(super) fn panel_name(panel: Panel) -> &'static str {
    match panel {
        Panel::Header => "标题",
        Panel::Controls => "控制",
        Panel::Playback => "播放",
        Panel::Arithmetic => "计算过程",
        Panel::Formula => "输出尺寸公式",
        Panel::Pictures => "图片",
        Panel::Code => "代码",
        Panel::Hint => "提示",
    }
}

/// A sample picture's name.
pub(super) fn sample_name(id: &str) -> &'static str {
    match id {
        "house" => "房子",
        "digit" => "数字 7",
        _ => "形状",
    }
}

/// "ReLU 输出".
pub(super) fn stage_output(name: &str) -> String {
    format!("{name} 输出")
}

/// "第 2 层，共 3 层：ReLU", `number` counted from 1.
pub(super) fn stage_of(number: usize, stages: usize, name: &str) -> String {
    format!("第 {number} 层，共 {stages} 层：{name}")
}

/// "整张图片（224×224）".
pub(super) fn full_size(rows: usize, columns: usize) -> String {
    format!("整张图片（{rows}×{columns}）")
}

/// What the full-size maps are, and the engine's time.
pub(super) fn computed_in(milliseconds: &str) -> String {
    format!(
        "对整张图片做同样的计算，用时 {milliseconds} 毫秒。修改任一权重，所有特征图都会随之更新。"
    )
}

/// "正在生成 GIF：第 12 帧，共 40 帧".
pub(super) fn gif_frame(frame: usize, frames: usize) -> String {
    format!("正在生成 GIF：第 {frame} 帧，共 {frames} 帧")
}

/// Why the GIF holds fewer steps than the run.
pub(super) fn gif_cut_short(frames: usize, steps: usize) -> String {
    format!("GIF 只包含全部 {steps} 步中的前 {frames} 步，以便快速生成、文件也不会太大。")
}

/// Why a picture was not saved.
pub(super) fn save_problem(problem: SaveProblem) -> &'static str {
    match problem {
        SaveProblem::NoCanvas => "浏览器无法提供画布，图片没有保存。",
        SaveProblem::NotDrawn => "浏览器无法绘制这张图片，没有保存；请试试 SVG。",
        SaveProblem::TooLarge => "这个例子太大，无法保存为位图；请保存为 SVG。",
        SaveProblem::NoPng => "浏览器无法生成 PNG；请试试 SVG。",
        SaveProblem::NoGif => "无法生成 GIF；请换一个小一些的例子。",
        SaveProblem::NoDownload => "浏览器没有接受这个文件，什么也没有保存。",
    }
}

/// "第 5 步，共 9 步".
pub(super) fn step_of(step: usize, steps: usize) -> String {
    format!("第 {step} 步，共 {steps} 步")
}

/// A cell's part in the step, as a phrase after its value.
fn part_phrase(part: Option<CellPart>) -> &'static str {
    match part {
        None => "",
        Some(CellPart::InWindow) => "，在当前窗口中",
        Some(CellPart::BeingWritten) => "，当前输出格",
    }
}

/// "第 2 行，第 1 列：7，在当前窗口中", counted from 1.
pub(super) fn cell_label(
    row: usize,
    column: usize,
    content: CellContent,
    part: Option<CellPart>,
) -> String {
    let content = match content {
        CellContent::Value(value) => value,
        CellContent::NotComputedYet => "尚未计算",
    };
    format!(
        "第 {row} 行，第 {column} 列：{content}{}",
        part_phrase(part)
    )
}

/// "填充 0，在当前窗口中".
pub(super) fn padding_label(part: Option<CellPart>) -> String {
    format!("{} 0{}", TEXT.padding_cell, part_phrase(part))
}

/// Link parameters not used as given, a sentence each: "链接参数 k（卷积核尺寸）= 0 超出范围
/// 1–15，已改用默认值 3。"
pub(super) fn ignored_parameters(refused: &[RefusedParameter]) -> String {
    let mut notice = String::new();
    for parameter in refused {
        // Spaces between Latin and Chinese, but none after "）".
        let named = parameter_name(parameter.key).is_some();
        let spaced = parameter.given.is_some() || !named;
        let parts = [
            Some("链接参数 "),
            Some(parameter.key),
            parameter_name(parameter.key).map(|_| "（"),
            parameter_name(parameter.key),
            parameter_name(parameter.key).map(|_| "）"),
            parameter.given.map(|_| if named { "= " } else { " = " }),
            parameter.given,
            spaced.then_some(" "),
            Some(match parameter.accepted {
                Some(_) => "不在 ",
                None => "无法识别",
            }),
            parameter.accepted,
            parameter.accepted.map(|_| " 范围内"),
            Some("，已改用默认值"),
            parameter.used.map(|_| " "),
            parameter.used,
            Some("。"),
        ];
        notice.extend(parts.into_iter().flatten());
    }
    notice
}

/// What a link parameter holding a number sets, for the notice about it; `None` for the others.
fn parameter_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "in" => "输入尺寸",
        "ch" => "输入通道数",
        "f" => "卷积核个数",
        "g" => "分组数",
        "k" => "卷积核尺寸",
        "s" => "步长",
        "d" => "膨胀率",
        "pad" => "填充",
        "outpad" => "输出填充",
        "slope" => "Leaky ReLU 负半轴斜率",
        "pk" => "池化窗口",
        "ps" => "池化步长",
        "b" => "偏置",
        "step" => "步",
        _ => return None,
    })
}

/// Link parameters given more than once.
pub(super) fn repeated_parameters(names: &[String]) -> String {
    let list = names.join("、");
    format!("链接参数 {list} 出现了不止一次，每个参数只采用第一个值。")
}

/// Why max pooling leaves out the window's padding cells.
pub(super) fn max_ignores_padding(padding: usize) -> String {
    format!("这个窗口里的 {padding} 个填充格不参与比较：最大池化只比较真实的输入值。")
}

/// How the average's divisor was counted.
pub(super) fn divisor(inputs: usize, padding: usize, divisor: usize) -> String {
    match (padding, divisor > inputs) {
        (0, _) => format!("除以 {divisor}，即窗口中的格数。"),
        (_, true) => {
            format!("除以 {divisor} = {inputs} 个输入格 + {padding} 个填充格（计入填充）。")
        }
        (_, false) => format!("除以 {divisor}，只算输入格：{padding} 个填充格不计入。"),
    }
}

/// "第 5 步，共 9 步：输出第 2 行、第 1 列 = 7", every number counted from 1.
pub(super) fn announce(
    step: usize,
    steps: usize,
    channel: Option<usize>,
    row: usize,
    column: usize,
    value: &str,
) -> String {
    match channel {
        None => format!("第 {step} 步，共 {steps} 步：输出第 {row} 行、第 {column} 列 = {value}"),
        Some(channel) => format!(
            "第 {step} 步，共 {steps} 步：输出通道 {channel}、第 {row} 行、第 {column} 列 = {value}"
        ),
    }
}

/// Why a picture could not be used.
pub(super) fn picture_problem(problem: PictureProblem) -> String {
    match problem {
        PictureProblem::NotAPicture => {
            "这个文件不是浏览器能读取的图片，当前的例子保持不变。".to_owned()
        }
        PictureProblem::TooLarge(megabytes) => format!(
            "这个文件有 {} MB，只接受 10 MB 以内的图片。当前的例子保持不变。",
            tenths(megabytes)
        ),
    }
}

/// A typed value that is not a number.
pub(super) fn not_a_number(text: &str) -> String {
    format!("“{text}”不是数字，已保留原来的值。")
}

/// A size that is not a whole number.
pub(super) fn not_a_whole_number(text: &str, range: &str) -> String {
    format!("“{text}”不是整数，已保留原值（范围 {range}）。")
}

/// Why input rows or columns (counted from 1) are never read.
pub(super) fn never_read(axis: Axis, cells: &[usize], stride: usize, dilation: usize) -> String {
    let list = joined(cells, "、");
    let unit = match axis {
        Axis::Rows => "行",
        Axis::Columns => "列",
    };
    let these = if cells.len() == 1 { "这一" } else { "这些" };
    let why = if dilation > 1 {
        format!(
            "膨胀率为 {dilation}，相邻取样点之间隔 {} 格；步长为 {stride}，取样点总是落在{these}{unit}之外",
            dilation - 1
        )
    } else {
        format!("步长为 {stride}，窗口跳过了{these}{unit}，剩下的格子不够放下一个完整窗口")
    };
    format!("输入的第 {list} {unit}没有被任何窗口读到：{why}。")
}

/// Which way an error's axis runs.
fn direction(axis: Axis) -> &'static str {
    match axis {
        Axis::Rows => "纵向",
        Axis::Columns => "横向",
    }
}

/// The padding sides along an axis: before and after.
fn padding_sides(axis: Axis) -> (&'static str, &'static str) {
    match axis {
        Axis::Rows => ("上填充", "下填充"),
        Axis::Columns => ("左填充", "右填充"),
    }
}

/// What a limit is about.
fn limited_name(what: Limited) -> &'static str {
    match what {
        Limited::InputSide => "输入边长",
        Limited::KernelSide => "卷积核边长",
        Limited::Channels => "通道数",
        Limited::Filters => "卷积核个数",
        Limited::Stride => "步长",
        Limited::Dilation => "膨胀率",
        Limited::Padding => "填充",
        Limited::Outputs => "输出数量",
    }
}

/// A concept's question and its explanation, one paragraph a line.
pub(super) fn concept(concept: Concept) -> [&'static str; 2] {
    match concept {
        Concept::Operation => [
            "什么是运算？",
            "每一步计算的内容。卷积：卷积核在输入上滑动，对应格子相乘后求和。激活函数（ReLU、Sigmoid、Tanh）逐个改变每个数值。池化：取每个窗口的最大值或平均值。卷积块：卷积 → 激活 → 池化，相当于网络中的一层。",
        ],
        Concept::InputSize => [
            "什么是输入尺寸？",
            "输入特征图的行数和列数（N）。例如 28×28 像素的图片，就是 28 行、28 列的输入。",
        ],
        Concept::Channels => [
            "什么是输入通道数？",
            "输入由几张数值网格叠在一起组成：灰度图 1 个通道，彩色图 3 个通道（R、G、B）。卷积核对每个输入通道各有一片权重，卷积把所有通道上的乘积加在一起。",
        ],
        Concept::Filters => [
            "什么是卷积核个数？",
            "卷积使用几个卷积核。每个卷积核得到一张输出特征图，所以卷积核个数就是输出通道数。",
        ],
        Concept::KernelSize => [
            "什么是卷积核尺寸？",
            "卷积核的行数和列数（K）。卷积核是在输入上滑动的一组权重。3×3 的卷积核每算一个输出值，要读取每个通道的 9 个格子。",
        ],
        Concept::PoolWindow => [
            "什么是池化窗口？",
            "池化每次读取的窗口的行数和列数（K）。常用 2×2、步长 2：每个输出概括 4 个格子，特征图的高和宽都减半。",
        ],
        Concept::Stride => [
            "什么是步长？",
            "窗口每次移动的格数（S）。步长为 2 时，窗口每次跳过一个位置，输出大约缩小一半：\n输出尺寸 = ⌊(N + 2P − K) / S⌋ + 1",
        ],
        Concept::PoolStride => [
            "什么是池化步长？",
            "池化窗口每次移动的格数。步长等于窗口尺寸时，窗口互不重叠，特征图按这个倍数缩小。",
        ],
        Concept::Dilation => [
            "什么是膨胀率？",
            "卷积核取样点之间的距离（D），也叫空洞卷积。膨胀率为 1 时读取相邻的格子；为 2 时取样点之间空一格，3 个权重覆盖 D × (K − 1) + 1 = 5 格。",
        ],
        Concept::Padding => [
            "什么是填充？",
            "在输入四周补上几圈 0（P），让窗口也能以边缘的格子为中心，输出缩小得更少。\nvalid：不填充。\nsame：补到输出尺寸 = ⌈N / S⌉；总填充为奇数时，多的一格补在下边和右边。\nsame（补不齐时多的一格补在上/左）：总数相同，多的一格补在上边和左边。\nfull：四周各补 K − 1 圈，只要窗口碰到输入就计算。\nsymmetric：四周各补 (K − 1) / 2 圈，与教程代码的做法相同；卷积核尺寸为偶数时，输出会少一行一列。\n自定义：每一边分别设定。",
        ],
        Concept::CeilMode => [
            "什么是向上取整？",
            "池化对输出尺寸如何取整。关闭（向下取整）：伸出输入边界的最后一个窗口被舍弃。打开（向上取整）：保留这个窗口，只读取实际存在的格子：\n输出尺寸 = ⌈(N + 2P − K) / S⌉ + 1",
        ],
        Concept::CountIncludePad => [
            "什么是平均值计入填充格？",
            "平均池化的除数是否包括窗口里的填充 0。打开（PyTorch 的默认做法）：除以窗口的全部格数；关闭：只除以窗口覆盖的输入格数。只有碰到填充的窗口结果才不同。",
        ],
        Concept::FlipKernel => [
            "什么是翻转卷积核？",
            "深度学习框架计算的其实是互相关：卷积核按原样放在输入上。数学上的卷积要先把卷积核旋转 180°：第 i 行变成第 K − 1 − i 行，第 j 列变成第 K − 1 − j 列。除非卷积核中心对称，两者结果不同。",
        ],
        Concept::Bias => [
            "什么是偏置？",
            "加在每个卷积核乘积之和上的一个数，每个输出值加一次：输出 = Σ 权重 × 输入 + b。它让整张输出特征图整体升高或降低。",
        ],
        Concept::Slope => [
            "什么是负半轴斜率？",
            "Leaky ReLU 保留正数，把负数乘以斜率 α（常取 0.01），而不是直接变成 0：x > 0 时 f(x) = x，否则 f(x) = αx。",
        ],
        Concept::Activation => [
            "什么是激活函数？",
            "卷积之后对每个数值分别作用的函数。没有它，多层卷积叠起来仍然只是一个线性变换。ReLU 保留正数、把负数变成 0；Sigmoid 把数值压缩到 (0, 1)，Tanh 压缩到 (−1, 1)。",
        ],
        Concept::Pooling => [
            "什么是池化？",
            "池化让特征图变小：每个窗口用一个数代替，取最大值（最大池化）或平均值（平均池化）。池化没有需要学习的权重。",
        ],
        Concept::RandomValues => [
            "随机按钮有什么用？",
            "重新填充输入或卷积核。−3 到 3 的随机整数便于手算；正态分布随机数（均值 0，标准差 1）和网络训练前初始化的权重相似。",
        ],
        Concept::Preset => [
            "什么是预设卷积核？",
            "在网络能自己学习卷积核之前，人们手工设计的卷积核：模糊把相邻格子取平均，锐化和边缘突出差异，Sobel 检测水平或竖直方向的变化。可以在图片上试一试。",
        ],
        Concept::PaddingFill => [
            "填充值从哪里来？",
            "填充圈里的数值（PyTorch 的 padding_mode）。把鼠标移到填充格上，可以看到它复制的输入格。\n零填充：填充格都是 0。\n反射填充：以边缘格为轴镜像输入，边缘格本身不重复；填充宽度必须小于输入尺寸。\n复制填充：重复边缘格。\n循环填充：从另一侧绕回来，好像输入首尾相接。\n池化总是用不参与计算的格子填充。",
        ],
        Concept::Groups => [
            "什么是分组？",
            "分组把输入通道和卷积核平均分成 G 组：每个卷积核只读取本组的输入通道，所以它有 通道数 / G 个切片。G 必须同时整除输入通道数和卷积核个数。\n深度卷积：G = 通道数，每个通道一个卷积核，只读取自己的通道。\n逐点卷积：1×1 卷积核，只在通道之间组合。\n公式下方的计数显示分组节省了多少。",
        ],
        Concept::OutputPadding => [
            "什么是输出填充？",
            "转置卷积在输出末端（每个方向）额外补上的格数。步长为 S 时，好几种输入尺寸卷积后会得到同样的输出尺寸；输出填充说明要还原成其中哪一种。它必须小于步长或膨胀率。\n输出 = (输入 − 1)·S − 前填充 − 后填充 + 膨胀率·(K − 1) + 输出填充 + 1",
        ],
    }
}

/// The engine's error, worded for a learner.
pub(super) fn error(error: &EngineError) -> String {
    match error {
        EngineError::ZeroStride { axis } => {
            format!("{}步长为 0：窗口每一步至少要移动 1 格。", direction(*axis))
        }
        EngineError::ZeroDilation { axis } => format!(
            "{}膨胀率为 0：膨胀率至少为 1（1 表示取样点紧挨着，即普通卷积）。",
            direction(*axis)
        ),
        EngineError::ZeroKernel { axis } => {
            format!("{}窗口尺寸为 0：窗口至少要有 1 格。", direction(*axis))
        }
        EngineError::EmptyInput {
            channels,
            rows,
            columns,
        } => format!("输入是空的（{channels} 个通道，{rows}×{columns}）：没有可以滑动的地方。"),
        EngineError::KernelLargerThanInput {
            axis,
            field,
            padded,
            input,
            pad_begin,
            pad_end,
        } => {
            let (before, after) = padding_sides(*axis);
            format!(
                "{}：窗口覆盖 {field} 格，但加上填充后输入只有 {padded} 格（输入 {input} + {before} {pad_begin} + {after} {pad_end}），一个窗口都放不下。请缩小窗口、减小膨胀率，或者增加填充。",
                direction(*axis)
            )
        }
        EngineError::WindowOnlyPadding { axis, position } => format!(
            "{}第 {} 个输出位置的池化窗口只覆盖了填充：请减少填充（最多为窗口的一半）或增大窗口。",
            direction(*axis),
            position + 1
        ),
        EngineError::ChannelMismatch {
            input_channels,
            kernel_channels,
        } => format!(
            "输入有 {input_channels} 个通道，但每个卷积核只有 {kernel_channels} 个通道：每个卷积核的通道数必须等于输入通道数。"
        ),
        EngineError::GroupsDoNotDivide {
            groups,
            channels,
            filters,
        } => format!(
            "分组数 {groups} 无法把 {channels} 个输入通道和 {filters} 个卷积核平均分组：分组卷积的分组数至少为 1，并且必须同时整除输入通道数和卷积核个数。"
        ),
        EngineError::GroupChannelMismatch {
            groups,
            input_channels,
            kernel_channels,
        } => format!(
            "分为 {groups} 组时，每个卷积核只读取 {input_channels} 个输入通道中的 {} 个，但卷积核每个有 {kernel_channels} 个通道。",
            input_channels / groups
        ),
        EngineError::ReflectPaddingTooWide { axis, pad, input } => format!(
            "{}反射填充 {pad} 格需要输入多于 {pad} 格，但输入只有 {input} 格：反射填充不重复边缘那一格，所以填充必须小于输入大小。",
            direction(*axis)
        ),
        EngineError::CircularPaddingTooWide { axis, pad, input } => format!(
            "{}循环填充 {pad} 格会绕过 {input} 格的输入不止一圈：循环填充最多等于输入大小。",
            direction(*axis)
        ),
        EngineError::OutputPaddingTooLarge {
            axis,
            output_padding,
            stride,
            dilation,
        } => format!(
            "{}输出填充 {output_padding} 必须小于步长（{stride}）或膨胀率（{dilation}）。",
            direction(*axis)
        ),
        EngineError::TransposedOutputEmpty { axis, output } => format!(
            "转置卷积的{}输出大小算出来是 {output}：填充把输出全部裁掉了。请减少填充，或者增大输入、步长或卷积核。",
            direction(*axis)
        ),
        EngineError::OutputShapeTooLarge {
            axis,
            asked,
            largest,
        } => format!(
            "{}输出 {asked} 格超过了这个转置卷积不加填充时的输出（{largest} 格）：转置卷积的填充只会裁掉输出。",
            direction(*axis)
        ),
        EngineError::TransposedChannelMismatch {
            input_channels,
            kernel_channels,
        } => format!(
            "输入有 {input_channels} 个通道，但转置卷积的卷积核第一维是 {kernel_channels}：它必须等于输入通道数。"
        ),
        EngineError::NoFilters => "没有卷积核：卷积至少需要 1 个输出通道。".to_owned(),
        EngineError::BiasMismatch { filters, biases } => {
            format!("有 {filters} 个卷积核却有 {biases} 个偏置：每个卷积核需要一个偏置。")
        }
        EngineError::TooLarge { what, value, limit } => format!(
            "{} {value} 超出了 ConvStep 的上限（{limit}）。",
            limited_name(*what)
        ),
        EngineError::NotFinite { at } => format!("{}不是有限的数。", value_at(*at)),
        EngineError::ValueTooLarge { at, value, limit } => format!(
            "{} {} 太大：数值必须在 -{limit} 到 {limit} 之间。",
            value_at(*at),
            Shortest(*value),
            limit = Shortest(*limit)
        ),
        EngineError::StepOutOfRange { step, steps } => {
            format!("第 {step} 步不存在：一共只有 {steps} 步（从 0 开始编号）。")
        }
        EngineError::CellOutOfRange {
            channel,
            row,
            column,
        } => format!("输入中没有通道 {channel}、第 {row} 行、第 {column} 列这个格子。"),
        EngineError::BadSlope { slope, limit } => format!(
            "Leaky ReLU 的斜率 {} 必须是 -{limit} 到 {limit} 之间的有限数。",
            Shortest(*slope),
            limit = Shortest(*limit)
        ),
        EngineError::TargetShape { output, target } => format!(
            "目标是 {}，输出却是 {}：目标必须与输出形状相同。",
            shape_text(target),
            shape_text(output)
        ),
        EngineError::GradientShape { expected, found } => format!(
            "梯度是 {}，它所属的值却是 {}：二者形状必须相同。",
            shape_text(found),
            shape_text(expected)
        ),
        EngineError::NoBackward { stage } => {
            format!(
                "第 {stage} 层在 ConvStep 中没有反向传播：只有卷积、激活和池化层有，且只有卷积核能学习。"
            )
        }
        EngineError::InStage { stage, source } => format!("第 {stage} 层：{}", self::error(source)),
    }
}

/// A value's place, counted from 1 as the grids label it: "输入在通道 1、第 2 行、第 3 列的值".
fn value_at(at: Position) -> String {
    match at {
        Position::Map {
            channel,
            row,
            column,
        } => format!(
            "输入在通道 {}、第 {} 行、第 {} 列的值",
            channel + 1,
            row + 1,
            column + 1
        ),
        Position::Weight {
            filter,
            channel,
            row,
            column,
        } => format!(
            "第 {} 个卷积核在通道 {}、第 {} 行、第 {} 列的权重",
            filter + 1,
            channel + 1,
            row + 1,
            column + 1
        ),
        Position::Bias { filter } => format!("第 {} 个卷积核的偏置", filter + 1),
    }
}

/// Why a matrix view is not shown.
pub(super) fn matrix_unavailable(reason: Unavailable) -> String {
    match reason {
        Unavailable::NotConvolution => {
            "这一阶段不是卷积：只有卷积才与权重相乘，所以只有卷积能写成矩阵乘法。".to_owned()
        }
        Unavailable::TooLarge {
            rows,
            columns,
            limit: [max_rows, max_columns],
        } => format!(
            "这个矩阵有 {rows}×{columns}，屏幕上最多只能显示 {max_rows}×{max_columns}。请减小输入或卷积核后再查看。"
        ),
    }
}

/// What belongs where the text went wrong.
fn expected(expected: Expected) -> &'static str {
    match expected {
        Expected::List => "开始张量的“[”",
        Expected::Value => "数字或“[”",
        Expected::CommaOrClose => "“,”或“]”",
        Expected::End => "张量的结尾",
    }
}

/// Why a pasted tensor was refused.
pub(super) fn paste_error(error: &PasteError) -> String {
    match error {
        PasteError::Text(error) => tensor_error(error),
        PasteError::Fit(error) => fit_error(error),
    }
}

/// Why pasted text is not a tensor.
fn tensor_error(error: &TensorError) -> String {
    match error {
        TensorError::Unexpected {
            offset: 0,
            found: None,
            ..
        } => "没有可读取的内容：请粘贴一个张量，例如 [[1, 2], [3, 4]]。".to_owned(),
        TensorError::Unexpected {
            offset,
            found: Some(found),
            expected: what,
        } => format!(
            "第 {} 个字符是“{found}”，这里应当是{}。",
            offset + 1,
            expected(*what)
        ),
        TensorError::Unexpected {
            found: None,
            expected: what,
            ..
        } => format!("文本在这里就结束了，还缺少{}。", expected(*what)),
        TensorError::Abbreviated => "这个张量是省略打印的（含“...”），缺少部分数值。请先完整打印：torch.set_printoptions(profile=\"full\") 或 numpy.set_printoptions(threshold=sys.maxsize)。".to_owned(),
        TensorError::NotANumber { at, text } => {
            format!("位置 {} 的“{text}”不是数字。", position(at))
        }
        TensorError::NotFinite { at } => format!(
            "位置 {} 的值是无穷大或 NaN：只能使用有限的数值。",
            position(at)
        ),
        TensorError::ValueTooLarge { at, text } => format!(
            "位置 {} 的值 {text} 超出了 ±{}，这是 ConvStep 接受的最大数值。",
            position(at),
            Shortest(MAX_ABS_VALUE)
        ),
        TensorError::EmptyList { at } if at.is_empty() => "张量是空的。".to_owned(),
        TensorError::EmptyList { at } => format!("位置 {} 的列表是空的。", position(at)),
        TensorError::Ragged {
            at,
            length,
            expected,
            numbers: true,
        } if at.len() == 1 => format!(
            "第 {} 行有 {length} 个数，但第 1 行有 {expected} 个：每一行的数值个数必须相同。",
            at[0] + 1
        ),
        TensorError::Ragged {
            at,
            length,
            expected,
            numbers,
        } => format!(
            "位置 {} 的列表有 {length} 个{}，但位置 {} 的列表有 {expected} 个：同一层的列表长度必须相同。",
            position(at),
            if *numbers { "数" } else { "列表" },
            position(&vec![0; at.len()])
        ),
        TensorError::MixedDepth { at } => format!(
            "位置 {} 处数字和列表混在同一层：所有数值必须嵌套得一样深。",
            position(at)
        ),
        TensorError::TooDeep { limit } => format!(
            "列表嵌套超过了 {limit} 层；卷积核最多有 4 个维度（卷积核个数、通道、行、列）。"
        ),
        TensorError::TooManyValues { limit } => {
            format!("张量的数值超过 {limit} 个，超出了逐步演示能显示的范围。")
        }
    }
}

/// Why a tensor does not fit the example.
fn fit_error(error: &FitError) -> String {
    match error {
        FitError::NoKernel => "当前运算没有卷积核：池化和激活函数没有可以粘贴的权重。".to_owned(),
        FitError::Shape {
            target,
            pasted,
            channels,
            filters,
        } => {
            let shapes = accepted_shapes(*target, *channels, *filters);
            let expected = match shapes.split_last() {
                Some((last, first)) if !first.is_empty() => {
                    format!("{} 或 {last}", first.join("、"))
                }
                _ => shapes.join(""),
            };
            let has = match target {
                Values::Input => format!("输入有 {channels} 个通道"),
                Values::Kernel => format!("有 {filters} 个卷积核，每个卷积核 {channels} 个通道"),
            };
            format!(
                "粘贴的张量形状是 {}，但{has}：形状应为 {expected}。",
                shape_text(pasted)
            )
        }
        FitError::TooLarge {
            target,
            pasted,
            limit,
        } => format!(
            "粘贴的张量形状是 {}，但{}的行数和列数最多为 {limit}。",
            shape_text(pasted),
            match target {
                Values::Input => "输入",
                Values::Kernel => "卷积核",
            }
        ),
    }
}

pub(super) fn lesson_problem(path: &str, problem: &LoadProblem) -> String {
    let problem = match problem {
        LoadProblem::Status(404) => return format!("找不到课程文件 {path}。"),
        LoadProblem::Status(status) => {
            return format!("无法加载课程文件 {path}：服务器返回了 {status}。");
        }
        LoadProblem::Unreachable => return format!("无法加载课程文件 {path}：服务器没有响应。"),
        LoadProblem::File(error) => (error.line, &error.problem),
    };
    let (line, problem) = problem;
    let why = match problem {
        LessonProblem::TooLong => "文件超过了 256 KB。".to_owned(),
        LessonProblem::NoFrontMatter => {
            "课程文件要以文件头开始：一行 ---，一行 title: 加标题，再一行 ---。".to_owned()
        }
        LessonProblem::FrontMatterUnclosed => "文件头缺少结尾的 --- 行。".to_owned(),
        LessonProblem::UnknownKey(key) => {
            format!("文件头只能写 title、lang 和 author，不能写“{key}”。")
        }
        LessonProblem::NoTitle => "文件头需要一行 title:。".to_owned(),
        LessonProblem::TextBeforeChapter => {
            "第一章之前有文字；每一章都要以一行 ## 加标题开始。".to_owned()
        }
        LessonProblem::OtherHeading => "只能使用 ## 标题，每个 ## 标题开始新的一章。".to_owned(),
        LessonProblem::EmptyHeading => "这一章的标题是空的。".to_owned(),
        LessonProblem::NoFigure => "这一章缺少写有 ConvStep 链接的 figure: 行。".to_owned(),
        LessonProblem::Repeated(key) => format!("每一章只能有一行 {key}。"),
        LessonProblem::BadFigure(names) => format!(
            "例子链接中的参数 {} 无法使用：例子链接只能设置例子本身和步数，参数见链接参数表。",
            joined(names, "、")
        ),
        LessonProblem::OutsideCheck => "选项和 because: 要写在 check: 行之后。".to_owned(),
        LessonProblem::TooFewChoices => "问题至少需要两个选项：- [ ] 和 - [x]。".to_owned(),
        LessonProblem::NotOneAnswer => "要用 - [x] 标出唯一的正确选项。".to_owned(),
        LessonProblem::NoChapters => {
            "文件中没有任何一章；每一章都要以一行 ## 加标题开始。".to_owned()
        }
        LessonProblem::TooManyChapters => "超过了 60 章。".to_owned(),
    };
    format!("无法读取课程文件 {path}。第 {line} 行：{why}")
}

// --- practice mode ---

use super::PracticeText;
use crate::app::practice::answer::AnswerError;
use crate::app::practice::mistakes::Mistake;
use crate::app::practice::{Kind, Question};
use crate::engine::Cell;

/// Practice mode's labels.
pub(super) const PRACTICE: PracticeText = PracticeText {
    heading: "练习",
    answer_label: "你的答案",
    size_placeholder: "行×列，如 3x4",
    check: "检查",
    hint: "提示",
    try_again: "再试一次",
    reveal: "显示答案",
    next: "下一题",
    to_summary: "查看总结",
    restart: "重新开始本组练习",
    right: "正确！",
    wrong: "不太对。",
    your_answer: "你的答案",
    right_answer: "正确答案",
    revealed_note: "答案如下，这一步已显示。",
    summary: "本组练习完成",
    first_time: "一次答对",
    later_try: "再试后答对",
    after_hint: "看提示后答对",
    revealed: "显示了答案",
    common_mistakes: "最常见的错误",
    no_mistakes: "没有出现常见错误。",
    grid_label: "点击组成答案的格子",
    working: "这一步的计算过程",
    leave: "退出练习",
};

pub(super) fn practice_progress(question: usize, count: usize, score: usize) -> String {
    format!(
        "第 {} 题，共 {count} 题 · 得分 {score}",
        question.min(count)
    )
}

pub(super) fn practice_question(question: &Question, cell: Option<Cell>) -> String {
    let settings = &question.settings;
    let place = cell.map_or(String::new(), |cell| {
        format!("第 {} 行第 {} 列", cell.row + 1, cell.column + 1)
    });
    match question.kind {
        Kind::Value if settings.operation == crate::app::settings::Operation::Block => {
            format!("输出单元格（{place}）经过卷积、加偏置和激活之后是多少？")
        }
        Kind::Value => format!(
            "{}：下一个输出单元格（{place}）的值是多少？",
            operation(settings.operation)
        ),
        Kind::Size => format!(
            "{}：输出尺寸是多少？请按“行×列”输入。",
            operation(settings.operation)
        ),
        Kind::Window => {
            format!("输出单元格（{place}）的窗口读取哪些输入格？请在每个通道中点出它们。")
        }
        Kind::Winner => {
            format!("输出单元格（{place}）的最大池化窗口中，哪个输入格的值最大？请点出它。")
        }
        Kind::Feeds => format!(
            "输入格（第 {} 行第 {} 列）会影响哪些输出单元格？请点出它们（若没有窗口读取它，则不选）。",
            question.cell.row + 1,
            question.cell.column + 1
        ),
        Kind::Same => {
            let [input, _] = settings.input_size;
            let [kernel, _] = settings.kernel_size;
            let [stride, _] = settings.stride;
            let [dilation, _] = settings.dilation;
            format!(
                "输入 {input}×{input}，卷积核 {kernel}×{kernel}，步长 {stride}，膨胀 {dilation}：same 填充在行方向（上下合计）要补多少格？"
            )
        }
    }
}

pub(super) fn practice_mistake(mistake: Mistake) -> &'static str {
    match mistake {
        Mistake::FlippedKernel => {
            "你把卷积核翻转了：那是数学上的卷积，而卷积层直接使用原卷积核（互相关）。"
        }
        Mistake::NoBias => "你漏掉了偏置：乘积求和之后还要加上该卷积核的偏置。",
        Mistake::LeftOutTerm => "你漏加了一项：窗口里还有一项没有加上。",
        Mistake::LeftOutChannel => "你漏掉了一个通道：窗口读取每个输入通道，各通道的和要加在一起。",
        Mistake::NoPadding => "你忘了填充：窗口滑动之前，输入四周先补上填充。",
        Mistake::PaddingCounted => "你把填充格也计入了个数，但这个平均只除以真实格的个数。",
        Mistake::PaddingNotCounted => "你没有把填充格计入个数，但这个平均要计入它们。",
        Mistake::CeilForFloor => "你向上取整了，但这里的尺寸公式向下取整。",
        Mistake::FloorForCeil => "你向下取整了，但这里的输出尺寸向上取整。",
        Mistake::OffByOne => "差了 1：检查公式中的 + 1。",
        Mistake::StrideAsWidth => "你按窗口宽度移动了窗口，但窗口每次移动的是步长。",
        Mistake::ReluBeforeBias => "你在加偏置之前就用了 ReLU：应先加偏置，再用 ReLU。",
    }
}

pub(super) fn practice_mistake_name(mistake: Mistake) -> &'static str {
    match mistake {
        Mistake::FlippedKernel => "翻转卷积核",
        Mistake::NoBias => "漏掉偏置",
        Mistake::LeftOutTerm => "漏加一项",
        Mistake::LeftOutChannel => "漏掉一个通道",
        Mistake::NoPadding => "忘记填充",
        Mistake::PaddingCounted => "平均时计入了填充",
        Mistake::PaddingNotCounted => "平均时未计入填充",
        Mistake::CeilForFloor => "该向下取整却向上取整",
        Mistake::FloorForCeil => "该向上取整却向下取整",
        Mistake::OffByOne => "差 1",
        Mistake::StrideAsWidth => "按窗口宽度而非步长移动",
        Mistake::ReluBeforeBias => "先 ReLU 后加偏置",
    }
}

pub(super) fn practice_answer_error(error: AnswerError, text: &str) -> String {
    match error {
        AnswerError::Empty => "请先输入答案。".to_owned(),
        AnswerError::NotANumber => {
            format!("“{text}”不是数字：请输入数字，如 7、−2 或 2.5（也可写 2,5）。")
        }
        AnswerError::NotASize => format!("“{text}”不是尺寸：请按“行×列”输入，如 3x4。"),
    }
}

pub(super) fn practice_window(rows: [usize; 2], columns: [usize; 2], channels: usize) -> String {
    let every = if channels > 1 {
        "，每个通道都读取"
    } else {
        ""
    };
    format!(
        "窗口读取输入的第 {} 到 {} 行、第 {} 到 {} 列{every}。",
        rows[0], rows[1], columns[0], columns[1]
    )
}

pub(super) fn practice_feeds_hint(level: u8, count: usize, lines: &[usize]) -> String {
    let lines = joined(lines, "、");
    match level {
        1 => format!("它影响 {count} 个输出单元格。"),
        2 => format!("它们在输出的第 {lines} 行。"),
        _ => format!("它们在输出的第 {lines} 列。"),
    }
}

pub(super) fn practice_same_hint(level: u8, numbers: [usize; 6]) -> String {
    let [input, kernel, stride, dilation, outputs, total] = numbers;
    match level {
        1 => "same 的输出个数为 ⌈输入 ÷ 步长⌉；填充 = (输出个数 − 1)·步长 + 膨胀·(卷积核 − 1) + 1 − 输入，若为负则为 0。".to_owned(),
        2 => format!("⌈{input} ÷ {stride}⌉ = {outputs} 个输出。"),
        _ => format!("({outputs} − 1)·{stride} + {dilation}·({kernel} − 1) + 1 − {input} = {total}。"),
    }
}
