//! Links: the example, the step, the language and the presentation as a query string, and back.
//!
//! Every parameter is declared once, in [`PARAMETERS`]: its key, how it is read, how it is
//! written, and the range it accepts (from [`Limit`], which the controls and the build share).
//!
//! Reading never fails: a parameter that is unknown, malformed or out of range keeps its default
//! and is named in a notice, and one given twice uses its first value and is named too. Text
//! from the link is only ever shown as text.

use super::i18n::Lang;
use super::learn::{LearnMove, Learning, MAX_RATE, MAX_TRAINED, TargetChoice};
use super::lesson::{LessonPlace, LessonSource, MAX_CHAPTERS};
use super::picture::SAMPLES;
use super::practice::{
    Kind,
    set::{COUNTS, SIDES, SetSpec},
};
use super::presentation::Presentation;
use super::settings::BlockStart;
use super::settings::{
    DEFAULT_SEED, Limit, Operation, PaddingChoice, Settings, Values, padding_mode_from_id,
    padding_mode_id,
};
use crate::engine::{
    PaddingMode, Sides,
    decimal::Shortest,
    fill::RandomKind,
    limits::{MAX_ABS_VALUE, MAX_SLOPE},
};
use ndarray::{Array3, Array4, s};
use std::rc::Rc;

/// What a link describes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The example.
    pub settings: Rc<Settings>,
    /// The step to open at, from 0.
    pub step: usize,
    /// The interface language, if the link names one.
    pub lang: Option<Lang>,
    /// Theme, embed mode and hidden panels.
    pub presentation: Presentation,
    /// The lesson open beside the figure, and its chapter.
    pub lesson: Option<LessonPlace>,
    /// The sample picture shown as the input (an identifier of [`SAMPLES`]), if any.
    pub sample: Option<&'static str>,
    /// Learning mode, if open.
    pub learn: Option<Learning>,
    /// The exercise set, in practice mode.
    pub practice: Option<SetSpec>,
}

/// A link as read: what it describes, and the parameters that could not be used as given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The link, with defaults where it was wrong or silent.
    pub link: Link,
    /// What the page says about parameters it did not use as given.
    pub notice: Notice,
}

/// Link parameters that could not be used as given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notice {
    /// Unknown, malformed or out of range: their defaults are used.
    pub refused: Vec<String>,
    /// For each refused parameter the page knows, what the link gave and what is used instead.
    pub values: Vec<RefusedValue>,
    /// Given more than once: the first value is used.
    pub repeated: Vec<String>,
}

/// A known parameter the link gave a value the page could not use.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedValue {
    /// Its key: `k`.
    pub key: &'static str,
    /// The value given, cut short: `0`.
    pub given: String,
    /// The values it takes, when they are a range: `1–15`.
    pub accepted: Option<String>,
    /// The value used instead, when a link to the view would name it: `3`, or `3×5`.
    pub used: Option<String>,
}

/// Which part of the view a parameter belongs to. The app writes each part only when it
/// changes: the example's values are the costly part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What defines the example.
    Example,
    /// The step and the language, and learning mode (written on every change, not only when
    /// the settings change).
    Place,
    /// Theme, embed mode and hidden panels.
    Presentation,
}

/// One link parameter.
pub struct Parameter {
    /// Its key in the query string.
    pub key: &'static str,
    /// The part of the view it describes.
    pub part: Part,
    /// The range each of its numbers takes, when one does.
    pub limit: Option<Limit>,
    /// Reads a value into the link; `false` refuses it.
    read: fn(&mut Link, &str) -> bool,
    /// The value to write, or `None` when the link leaves it out.
    write: fn(&Link) -> Option<String>,
}

/// Every parameter, in the order they are read and written, over the fresh example of the
/// link's operation ([`Settings::fresh`]). `seed` comes first, so that values given explicitly
/// override seeded ones, and the values come after every size they depend on.
pub const PARAMETERS: &[Parameter] = &[
    Parameter {
        key: "seed",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            text.parse::<u64>()
                .map(|seed| {
                    let settings = settings(link);
                    let kind = RandomKind::SmallIntegers { range: 3 };
                    settings.randomize(Values::Input, kind, seed, None);
                    settings.randomize(Values::Kernel, kind, seed, None);
                })
                .is_ok()
        },
        write: |link| (link.settings.seed != DEFAULT_SEED).then(|| link.settings.seed.to_string()),
    },
    Parameter {
        key: "op",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            Operation::from_id(text)
                .map(|op| settings(link).operation = op)
                .is_some()
        },
        write: |link| {
            let operation = link.settings.operation;
            (operation != Operation::Convolution).then(|| operation.id().to_owned())
        },
    },
    Parameter {
        key: "first",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            BlockStart::from_id(text)
                .map(|start| settings(link).block_start = start)
                .is_some()
        },
        write: |link| {
            let start = link.settings.block_start;
            (block(link) && start != BlockStart::Conv).then(|| start.id().to_owned())
        },
    },
    Parameter {
        key: "in",
        part: Part::Example,
        limit: Some(Limit::InputSide),
        read: |link, text| {
            pair(text, Limit::InputSide)
                .map(|p| settings(link).input_size = p)
                .is_some()
        },
        write: |link| {
            let [rows, columns] = link.settings.input_size;
            Some(format!("{rows}x{columns}"))
        },
    },
    Parameter {
        key: "ch",
        part: Part::Example,
        limit: Some(Limit::Channels),
        read: |link, text| {
            count(text, Limit::Channels)
                .map(|n| settings(link).channels = n)
                .is_some()
        },
        write: |link| (link.settings.channels != 1).then(|| link.settings.channels.to_string()),
    },
    Parameter {
        key: "f",
        part: Part::Example,
        limit: Some(Limit::Filters),
        read: |link, text| {
            count(text, Limit::Filters)
                .map(|n| settings(link).filters = n)
                .is_some()
        },
        write: |link| {
            let settings = &link.settings;
            (settings.operation.has_weights() && settings.filters != 1)
                .then(|| settings.filters.to_string())
        },
    },
    Parameter {
        key: "g",
        part: Part::Example,
        limit: Some(Limit::Groups),
        read: |link, text| {
            count(text, Limit::Groups)
                .map(|n| settings(link).groups = n)
                .is_some()
        },
        write: |link| {
            let settings = &link.settings;
            (settings.operation.has_weights() && settings.groups != 1)
                .then(|| settings.groups.to_string())
        },
    },
    Parameter {
        key: "k",
        part: Part::Example,
        limit: Some(Limit::KernelSide),
        read: |link, text| {
            pair(text, Limit::KernelSide)
                .map(|p| settings(link).kernel_size = p)
                .is_some()
        },
        write: |link| windowed(link).then(|| pair_text(link.settings.kernel_size)),
    },
    Parameter {
        key: "s",
        part: Part::Example,
        limit: Some(Limit::Stride),
        read: |link, text| {
            pair(text, Limit::Stride)
                .map(|p| settings(link).stride = p)
                .is_some()
        },
        write: |link| {
            let (_, fresh) = link.settings.operation.fresh_window();
            (windowed(link) && link.settings.stride != fresh)
                .then(|| pair_text(link.settings.stride))
        },
    },
    Parameter {
        key: "d",
        part: Part::Example,
        limit: Some(Limit::Dilation),
        read: |link, text| {
            pair(text, Limit::Dilation)
                .map(|p| settings(link).dilation = p)
                .is_some()
        },
        write: |link| {
            (windowed(link) && link.settings.dilation != [1, 1])
                .then(|| pair_text(link.settings.dilation))
        },
    },
    Parameter {
        key: "outpad",
        part: Part::Example,
        limit: Some(Limit::Padding),
        read: |link, text| {
            pair(text, Limit::Padding)
                .map(|p| settings(link).output_padding = p)
                .is_some()
        },
        write: |link| {
            let settings = &link.settings;
            (settings.operation == Operation::ConvTranspose && settings.output_padding != [0, 0])
                .then(|| pair_text(settings.output_padding))
        },
    },
    Parameter {
        key: "view",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let scatter = match text {
                "scatter" => Some(true),
                "gather" => Some(false),
                _ => None,
            };
            scatter.map(|on| settings(link).scatter = on).is_some()
        },
        write: |link| {
            let settings = &link.settings;
            (settings.operation == Operation::ConvTranspose && settings.scatter)
                .then(|| "scatter".to_owned())
        },
    },
    Parameter {
        key: "pad",
        part: Part::Example,
        limit: Some(Limit::Padding),
        read: |link, text| padding(text).map(|p| settings(link).padding = p).is_some(),
        write: |link| {
            let text = match link.settings.padding {
                PaddingChoice::Custom(Sides {
                    top,
                    left,
                    bottom,
                    right,
                }) => format!("{top},{left},{bottom},{right}"),
                named => named.id().to_owned(),
            };
            (windowed(link) && text != "valid").then_some(text)
        },
    },
    Parameter {
        key: "padmode",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            padding_mode_from_id(text)
                .map(|mode| settings(link).padding_mode = mode)
                .is_some()
        },
        write: |link| {
            let mode = link.settings.padding_mode;
            (link.settings.operation.has_weights() && mode != PaddingMode::Zeros)
                .then(|| padding_mode_id(mode).to_owned())
        },
    },
    Parameter {
        key: "ceil",
        part: Part::Example,
        limit: None,
        read: |link, text| flag(text).map(|on| settings(link).ceil_mode = on).is_some(),
        write: |link| (pools(link) && link.settings.ceil_mode).then(|| "1".to_owned()),
    },
    Parameter {
        key: "incpad",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            flag(text)
                .map(|on| settings(link).count_include_pad = on)
                .is_some()
        },
        write: |link| {
            let settings = &link.settings;
            let average = settings.operation == Operation::AveragePool
                || (settings.operation == Operation::Block
                    && settings.block_pool == Operation::AveragePool);
            (average && !settings.count_include_pad).then(|| "0".to_owned())
        },
    },
    Parameter {
        key: "flip",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            flag(text)
                .map(|on| settings(link).flip_kernel = on)
                .is_some()
        },
        write: |link| {
            let settings = &link.settings;
            (settings.operation.has_weights() && settings.flip_kernel).then(|| "1".to_owned())
        },
    },
    Parameter {
        key: "slope",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let slope = text
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= MAX_SLOPE);
            slope.map(|v| settings(link).slope = v).is_some()
        },
        write: |link| {
            let settings = &link.settings;
            let leaky = settings.operation == Operation::LeakyRelu
                || (settings.operation == Operation::Block
                    && settings.block_activation == Operation::LeakyRelu);
            leaky.then(|| Shortest(settings.slope).to_string())
        },
    },
    Parameter {
        key: "act",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let activation = Operation::from_id(text).filter(|op| op.is_activation());
            activation
                .map(|op| settings(link).block_activation = op)
                .is_some()
        },
        write: |link| block(link).then(|| link.settings.block_activation.id().to_owned()),
    },
    Parameter {
        key: "pool",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let pool = match text {
                "max" => Some(Operation::MaxPool),
                "avg" => Some(Operation::AveragePool),
                _ => None,
            };
            pool.map(|op| settings(link).block_pool = op).is_some()
        },
        write: |link| {
            let average = link.settings.block_pool == Operation::AveragePool;
            block(link).then(|| if average { "avg" } else { "max" }.to_owned())
        },
    },
    Parameter {
        key: "pk",
        part: Part::Example,
        limit: Some(Limit::KernelSide),
        read: |link, text| {
            pair(text, Limit::KernelSide)
                .map(|p| settings(link).pool_size = p)
                .is_some()
        },
        write: |link| block(link).then(|| pair_text(link.settings.pool_size)),
    },
    Parameter {
        key: "ps",
        part: Part::Example,
        limit: Some(Limit::Stride),
        read: |link, text| {
            pair(text, Limit::Stride)
                .map(|p| settings(link).pool_stride = p)
                .is_some()
        },
        write: |link| block(link).then(|| pair_text(link.settings.pool_stride)),
    },
    Parameter {
        key: "x",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let settings = settings(link);
            let [rows, columns] = settings.input_size;
            let shape = (settings.channels, rows, columns);
            let Some(values) = numbers(text, shape.0 * rows * columns) else {
                return false;
            };
            let Ok(block) = Array3::from_shape_vec(shape, values) else {
                return false;
            };
            settings
                .input
                .slice_mut(s![..shape.0, ..rows, ..columns])
                .assign(&block);
            true
        },
        write: |link| {
            let settings = &link.settings;
            let in_range = settings
                .input_size
                .iter()
                .all(|side| Limit::InputSide.range().contains(side))
                && Limit::Channels.range().contains(&settings.channels);
            in_range.then(|| numbers_text(settings.input_view().into_iter()))
        },
    },
    Parameter {
        key: "w",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let settings = settings(link);
            let [k_h, k_w] = settings.kernel_size;
            let shape = (
                settings.kernel_filters(),
                settings.kernel_channels(),
                k_h,
                k_w,
            );
            read_weights(&mut settings.kernel, shape, text)
        },
        write: |link| {
            let settings = &link.settings;
            let in_range = settings
                .kernel_size
                .iter()
                .all(|side| Limit::KernelSide.range().contains(side))
                && Limit::Channels.range().contains(&settings.channels)
                && Limit::Filters.range().contains(&settings.filters);
            (settings.operation.has_weights() && in_range)
                .then(|| numbers_text(settings.kernel_view().into_iter()))
        },
    },
    Parameter {
        key: "pw",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let settings = settings(link);
            let shape = (settings.filters, settings.channels, 1, 1);
            read_weights(&mut settings.pointwise, shape, text)
        },
        write: |link| {
            let settings = &link.settings;
            let in_range = Limit::Channels.range().contains(&settings.channels)
                && Limit::Filters.range().contains(&settings.filters);
            (settings.separable() && in_range)
                .then(|| numbers_text(settings.pointwise_view().into_iter()))
        },
    },
    Parameter {
        key: "b",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let settings = settings(link);
            let filters = settings.filters;
            let Some(values) = numbers(text, filters) else {
                return false;
            };
            match settings.bias.get_mut(..filters) {
                Some(bias) => {
                    bias.copy_from_slice(&values);
                    true
                }
                None => false,
            }
        },
        write: |link| {
            let bias = link.settings.bias_view();
            (link.settings.operation.has_weights() && bias.iter().any(|&b| b != 0.0))
                .then(|| numbers_text(bias.iter().copied()))
        },
    },
    Parameter {
        key: "pic",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let sample = SAMPLES.iter().find(|(id, _)| *id == text);
            sample.map(|&(id, _)| link.sample = Some(id)).is_some()
        },
        write: |link| link.sample.map(str::to_owned),
    },
    Parameter {
        key: "learn",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            TargetChoice::from_id(text)
                .map(|target| link.learn.get_or_insert_default().target = target)
                .is_some()
        },
        write: |link| Some(link.learn.as_ref()?.target.id().to_owned()),
    },
    Parameter {
        key: "te",
        part: Part::Place,
        limit: None,
        // Target cells typed over the chosen target: `index:value` pairs, comma-separated.
        read: |link, text| {
            let edits: Option<Vec<(usize, f32)>> = (text.split(','))
                .map(|pair| {
                    let (index, value) = pair.split_once(':')?;
                    let value = value.parse::<f32>().ok().filter(|v| v.is_finite())?;
                    Some((index.parse().ok()?, value))
                })
                .collect();
            let Some(edits) = edits else {
                return false;
            };
            let learning = link.learn.get_or_insert_default();
            for (index, value) in edits {
                *learning = LearnMove::Edit(index, value)
                    .apply(Some(learning))
                    .unwrap_or_default();
            }
            true
        },
        write: |link| {
            let edits = &link.learn.as_ref()?.edits;
            let pairs: Vec<String> = (edits.iter())
                .map(|&(index, value)| format!("{index}:{}", Shortest(value)))
                .collect();
            (!pairs.is_empty()).then(|| pairs.join(","))
        },
    },
    Parameter {
        key: "lr",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            let rate = text.parse::<f32>().ok();
            let rate = rate.filter(|&rate| rate > 0.0 && rate <= MAX_RATE);
            rate.map(|rate| link.learn.get_or_insert_default().rate = rate)
                .is_some()
        },
        write: |link| {
            let rate = link.learn.as_ref()?.rate;
            (rate != Learning::default().rate).then(|| Shortest(rate).to_string())
        },
    },
    Parameter {
        key: "trained",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            let trained = text.parse::<usize>().ok().filter(|&n| n <= MAX_TRAINED);
            trained
                .map(|n| link.learn.get_or_insert_default().trained = n)
                .is_some()
        },
        write: |link| {
            let trained = link.learn.as_ref()?.trained;
            (trained > 0).then(|| trained.to_string())
        },
    },
    Parameter {
        key: "step",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            let step = text.parse::<usize>().ok().filter(|&n| n >= 1);
            step.map(|n| link.step = n - 1).is_some()
        },
        write: |link| (link.step > 0).then(|| (link.step + 1).to_string()),
    },
    Parameter {
        key: "lang",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            let lang = match text {
                "en" => Some(Lang::En),
                "zh" => Some(Lang::Zh),
                _ => None,
            };
            lang.map(|lang| link.lang = Some(lang)).is_some()
        },
        write: |link| link.lang.map(|lang| lang.tag().to_owned()),
    },
    Parameter {
        key: "lesson",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            LessonSource::from_param(text)
                .map(|source| {
                    link.lesson = Some(LessonPlace {
                        source,
                        chapter: 0,
                        open_figure: false,
                    })
                })
                .is_some()
        },
        write: |link| Some(link.lesson.as_ref()?.source.param().to_owned()),
    },
    Parameter {
        key: "chapter",
        part: Part::Place,
        limit: None,
        read: |link, text| {
            let chapter = text
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_CHAPTERS).contains(n));
            match (chapter, link.lesson.as_mut()) {
                (Some(n), Some(place)) => place.chapter = n - 1,
                _ => return false,
            }
            true
        },
        write: |link| Some((link.lesson.as_ref()?.chapter + 1).to_string()),
    },
    // --- practice mode: an exercise set (its operation and seed are `op` and `seed`) ---
    Parameter {
        key: "practice",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let kinds: Option<Vec<Kind>> = match text {
                "all" | "1" => Some(Kind::ALL.to_vec()),
                _ => text.split(',').map(Kind::from_id).collect(),
            };
            let kinds = kinds.filter(|kinds| !kinds.is_empty());
            kinds.map(|kinds| practice(link).kinds = kinds).is_some()
        },
        write: |link| {
            let kinds = &link.practice.as_ref()?.kinds;
            Some(
                kinds
                    .iter()
                    .map(|kind| kind.id())
                    .collect::<Vec<_>>()
                    .join(","),
            )
        },
    },
    Parameter {
        key: "count",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let count = text.parse::<usize>().ok().filter(|n| COUNTS.contains(n));
            count.map(|n| practice(link).count = n).is_some()
        },
        write: |link| Some(link.practice.as_ref()?.count.to_string()),
    },
    Parameter {
        key: "sizes",
        part: Part::Example,
        limit: None,
        read: |link, text| {
            let side = |text: &str| text.parse::<usize>().ok().filter(|n| SIDES.contains(n));
            let sides = match text.split_once('-') {
                Some((low, high)) => side(low).zip(side(high)).filter(|(l, h)| l <= h),
                None => side(text).map(|n| (n, n)),
            };
            sides.map(|(l, h)| practice(link).sides = [l, h]).is_some()
        },
        write: |link| {
            let [low, high] = link.practice.as_ref()?.sides;
            Some(format!("{low}-{high}"))
        },
    },
    Parameter {
        key: "theme",
        part: Part::Presentation,
        limit: None,
        read: |link, text| {
            let projector = match text {
                "projector" => Some(true),
                "light" => Some(false),
                _ => None,
            };
            projector
                .map(|on| link.presentation.projector = on)
                .is_some()
        },
        write: |link| link.presentation.projector.then(|| "projector".to_owned()),
    },
    Parameter {
        key: "embed",
        part: Part::Presentation,
        limit: None,
        read: |link, text| flag(text).map(|on| link.presentation.embed = on).is_some(),
        write: |link| link.presentation.embed.then(|| "1".to_owned()),
    },
    Parameter {
        key: "sheet",
        part: Part::Presentation,
        limit: None,
        read: |link, text| flag(text).map(|on| link.presentation.sheet = on).is_some(),
        write: |link| link.presentation.sheet.then(|| "1".to_owned()),
    },
    Parameter {
        key: "hide",
        part: Part::Presentation,
        limit: None,
        read: |link, text| {
            Presentation::parse_panels(text)
                .map(|hidden| link.presentation.hidden = hidden)
                .is_some()
        },
        write: |link| {
            let hidden = &link.presentation.hidden;
            (!hidden.is_empty()).then(|| link.presentation.hidden_text())
        },
    },
    Parameter {
        key: "show",
        part: Part::Presentation,
        limit: None,
        read: |link, text| {
            Presentation::parse_panels(text)
                .map(|asked| link.presentation.asked = asked)
                .is_some()
        },
        write: |link| {
            let asked = &link.presentation.asked;
            (!asked.is_empty()).then(|| Presentation::names(asked))
        },
    },
];

/// Most parameters a notice names, and the longest name it shows: a hostile link stays short.
const MAX_NAMED: usize = 20;
const MAX_NAME_CHARS: usize = 24;

/// Reads a query string, with or without the leading `?`. Never fails: see [`Reading`].
pub fn read(query: &str) -> Reading {
    let pairs = pairs(query);
    let mut reading = Reading::default();
    // The link changes the fresh example of its operation.
    let operation = pairs.iter().find(|(key, _)| key == "op");
    if let Some(operation) = operation.and_then(|(_, id)| Operation::from_id(id)) {
        reading.link.settings = Rc::new(Settings::fresh(operation));
    }
    for parameter in PARAMETERS {
        let mut values = pairs.iter().filter(|(key, _)| key == parameter.key);
        let Some((_, first)) = values.next() else {
            continue;
        };
        if values.next().is_some() {
            reading.notice.repeated.push(parameter.key.to_owned());
        }
        if !(parameter.read)(&mut reading.link, first) {
            reading.notice.refused.push(parameter.key.to_owned());
            reading.notice.values.push(RefusedValue {
                key: parameter.key,
                given: first.chars().take(MAX_NAME_CHARS).collect(),
                accepted: parameter.limit.map(|limit| {
                    let range = limit.range();
                    format!("{}–{}", range.start(), range.end())
                }),
                // Sizes as the page writes them: 3×3, not the link's 3x3.
                used: (parameter.write)(&reading.link).map(|text| match parameter.limit {
                    Some(_) => text.replace('x', "×"),
                    None => text,
                }),
            });
        }
    }
    // A set's operation and seed are the link's `op` and `seed`.
    let settings = &reading.link.settings;
    let (operation, seed) = (settings.operation, settings.seed);
    if let Some(set) = reading.link.practice.as_mut() {
        (set.operation, set.seed) = (operation, seed);
    }
    // A chapter's link with nothing of the example opens at the chapter's own figure.
    if let Some(place) = reading.link.lesson.as_mut() {
        place.open_figure = !pairs.iter().any(|(key, _)| of_the_figure(key));
    }
    for (key, _) in &pairs {
        let known = PARAMETERS.iter().any(|parameter| parameter.key == key);
        let name: String = key.chars().take(MAX_NAME_CHARS).collect();
        let refused = &mut reading.notice.refused;
        if !known && !refused.contains(&name) && refused.len() < MAX_NAMED {
            refused.push(name);
        }
    }
    reading
}

/// Whether a link parameter describes the figure: the example, or the step it opens at.
fn of_the_figure(key: &str) -> bool {
    key == "step"
        || PARAMETERS
            .iter()
            .any(|parameter| parameter.key == key && parameter.part == Part::Example)
}

/// The parameters a lesson's figure link cannot use as given: unknown, malformed, repeated,
/// or not about the figure (a figure cannot change the language, the theme or the lesson).
pub fn figure_problems(query: &str) -> Vec<String> {
    let Reading { notice, .. } = read(query);
    let mut names = notice.refused;
    names.extend(notice.repeated);
    for (key, _) in pairs(query) {
        if !of_the_figure(&key) && !names.contains(&key) {
            names.push(key.chars().take(MAX_NAME_CHARS).collect());
        }
    }
    names
}

/// Writes the parameters of `parts` that differ from a fresh start, as a query string
/// without the `?`. The example's values are always written, so the link is exact.
pub fn write(link: &Link, parts: &[Part]) -> String {
    PARAMETERS
        .iter()
        .filter(|parameter| parts.contains(&parameter.part))
        // In practice mode the example is the set's: only the set's parameters describe it.
        .filter(|parameter| {
            link.practice.is_none()
                || parameter.part != Part::Example
                || SET_KEYS.contains(&parameter.key)
        })
        .filter_map(|parameter| {
            (parameter.write)(link).map(|value| format!("{}={}", parameter.key, encode(&value)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Joins query strings, skipping empty ones.
pub fn join(queries: &[&str]) -> String {
    queries
        .iter()
        .filter(|query| !query.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("&")
}

/// The parameters that define an exercise set.
const SET_KEYS: [&str; 5] = ["seed", "op", "practice", "count", "sizes"];

/// The link's exercise set, started with the defaults when the link names none yet.
fn practice(link: &mut Link) -> &mut SetSpec {
    link.practice.get_or_insert_with(SetSpec::default)
}

/// Splits a query string into decoded pairs; a pair without a key means nothing and is dropped.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, value)| (decode(key), decode(value)))
        .collect()
}

/// The link's settings, to change. One function for every reader, so the build carries one
/// copy of the copy-on-write.
#[inline(never)]
fn settings(link: &mut Link) -> &mut Settings {
    Rc::make_mut(&mut link.settings)
}

/// Whether the link's operation slides a window.
fn windowed(link: &Link) -> bool {
    link.settings.operation.has_window()
}

/// Whether the link's example has a pooling stage.
fn pools(link: &Link) -> bool {
    link.settings.operation.is_pool() || block(link)
}

/// Whether the link's example is the block.
fn block(link: &Link) -> bool {
    link.settings.operation == Operation::Block
}

/// Percent-decoding (and `+` as space); bad escapes are kept as typed.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(index + 1..index + 3)
                    .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        index += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but unreserved characters and the few separators links use.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,x".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `"4x5"` → `[4, 5]`, `"3"` → `[3, 3]`, each within the limit's range.
fn pair(text: &str, limit: Limit) -> Option<[usize; 2]> {
    let mut parts = text.split(['x', 'X', '*', '×']);
    let rows = count(parts.next()?, limit)?;
    let columns = match parts.next() {
        Some(part) => count(part, limit)?,
        None => rows,
    };
    parts.next().is_none().then_some([rows, columns])
}

/// A whole number within the limit's range.
fn count(text: &str, limit: Limit) -> Option<usize> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| limit.range().contains(n))
}

fn flag(text: &str) -> Option<bool> {
    match text {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// Exactly `count` comma-separated finite numbers, each within the value limit.
/// Reads weights of `shape` (filters × channels × rows × columns) into the first corner of
/// their backing values; `false` when the text is not that many numbers.
fn read_weights(
    backing: &mut Array4<f32>,
    shape: (usize, usize, usize, usize),
    text: &str,
) -> bool {
    let Some(values) = numbers(text, shape.0 * shape.1 * shape.2 * shape.3) else {
        return false;
    };
    let Ok(block) = Array4::from_shape_vec(shape, values) else {
        return false;
    };
    backing
        .slice_mut(s![..shape.0, ..shape.1, ..shape.2, ..shape.3])
        .assign(&block);
    true
}

fn numbers(text: &str, count: usize) -> Option<Vec<f32>> {
    let values: Vec<f32> = text
        .split(',')
        .map(|part| {
            part.trim()
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= MAX_ABS_VALUE)
        })
        .collect::<Option<_>>()?;
    (values.len() == count).then_some(values)
}

/// A named padding mode, or one, two (vertical, horizontal) or four (top, left, bottom,
/// right) numbers.
fn padding(text: &str) -> Option<PaddingChoice> {
    if let Some(named) = PaddingChoice::from_id(text) {
        return Some(named);
    }
    let sides: Vec<usize> = text
        .split(',')
        .map(|n| count(n, Limit::Padding))
        .collect::<Option<_>>()?;
    let [top, left, bottom, right] = match sides[..] {
        [all] => [all; 4],
        [vertical, horizontal] => [vertical, horizontal, vertical, horizontal],
        [top, left, bottom, right] => [top, left, bottom, right],
        _ => return None,
    };
    Some(PaddingChoice::Custom(Sides {
        top,
        left,
        bottom,
        right,
    }))
}

fn pair_text([rows, columns]: [usize; 2]) -> String {
    if rows == columns {
        rows.to_string()
    } else {
        format!("{rows}x{columns}")
    }
}

fn numbers_text(values: impl Iterator<Item = f32>) -> String {
    values
        .map(|v| Shortest(v).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_handles_escapes_and_bad_escapes() {
        assert_eq!(decode("a%2Cb+c"), "a,b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E4%B8%AD"), "中");
    }

    #[test]
    fn every_key_is_declared_once() {
        for (index, parameter) in PARAMETERS.iter().enumerate() {
            assert!(
                PARAMETERS[index + 1..]
                    .iter()
                    .all(|other| other.key != parameter.key),
                "{} is declared twice",
                parameter.key
            );
        }
    }
}
