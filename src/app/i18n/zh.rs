//! The Simplified Chinese texts, in the terms of mainland textbooks and of the tutorial the app
//! grew from; the engine's errors are worded anew for a learner.

use super::{
    CellContent, CellPart, LegendLabels, LessonLabels, PlaybackLabels, SaveLabels, SideNames, Text,
    accepted_shapes, joined, position, shape_text,
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
    dilation: "膨胀率（空洞）",
    padding: "填充",
    sides: SideNames {
        top: "上",
        left: "左",
        bottom: "下",
        right: "右",
    },
    ceil_mode: "向上取整（保留不完整的最后一个窗口）",
    count_include_pad: "平均值计入填充格",
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
    showing_previous: "网格显示的是上一个有效的例子。",
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
    }
}

/// A padding mode's name.
pub(super) fn padding_mode(mode: PaddingChoice) -> &'static str {
    match mode {
        PaddingChoice::Valid => "valid（不填充）",
        PaddingChoice::Same => "same（输出尺寸 = ⌈输入/步长⌉）",
        PaddingChoice::SameLower => "same（补不齐时多的一格补在上/左）",
        PaddingChoice::Full => "full（四周各补 K−1 圈）",
        PaddingChoice::Custom(_) => "自定义",
    }
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

/// Link parameters that were ignored.
pub(super) fn ignored_parameters(names: &[String]) -> String {
    let list = names.join(", ");
    format!("链接中有些参数无法识别，已使用默认值：{list}。")
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
pub(super) fn not_a_whole_number(text: &str) -> String {
    format!("“{text}”不是非负整数。")
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
            "膨胀率为 {dilation}，取样点之间有空隙，而步长 {stride} 从未让取样点落在{these}{unit}上"
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
            format!("{}卷积核大小为 0：窗口至少要有 1 格。", direction(*axis))
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
                "{}卷积核跨越 {field} 格，但填充后的输入只有 {padded} 格（输入 {input} + {before} {pad_begin} + {after} {pad_end}）：连一个窗口都放不下。请减小卷积核或膨胀率，或者增加填充。",
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
