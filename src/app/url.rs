//! The state as a query string and back, so a link opens exactly the same view.
//!
//! Reading never fails: every parameter that is unknown, malformed or out of range falls back to
//! its default and is named in a notice. Text from the link is only ever shown as text.

use super::i18n::Lang;
use super::presentation::Presentation;
use super::settings::{
    MAX_VIEW_CHANNELS, MAX_VIEW_FILTERS, MAX_VIEW_SIDE, Operation, PaddingChoice, Settings, Values,
};
use super::state::State;
use crate::engine::{
    Sides,
    decimal::Shortest,
    fill::RandomKind,
    limits::{MAX_ABS_VALUE, MAX_DILATION, MAX_KERNEL_SIDE, MAX_STRIDE},
};
use ndarray::s;

/// Every parameter a link may carry.
pub const PARAMETERS: [&str; 25] = [
    "op", "in", "ch", "f", "k", "s", "d", "pad", "ceil", "incpad", "flip", "slope", "act", "pool",
    "pk", "ps", "x", "w", "b", "seed", "step", "lang", "theme", "embed", "hide",
];

/// What a link asked for, and which of its parameters were refused.
#[derive(Debug, Clone, PartialEq)]
pub struct FromLink {
    /// The settings, with defaults where the link was wrong or silent.
    pub settings: Settings,
    /// The step asked for, from 0.
    pub step: usize,
    /// The language asked for, if any.
    pub lang: Option<Lang>,
    /// Theme, embed mode and hidden panels.
    pub presentation: Presentation,
    /// Names of parameters that were refused (unknown, malformed or out of range).
    pub refused: Vec<String>,
}

/// Splits a query string (with or without the leading `?`) into decoded pairs.
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
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

/// `"4x5"` → `[4, 5]`, `"3"` → `[3, 3]`, each within `1..=max`.
fn parse_pair(text: &str, max: usize) -> Option<[usize; 2]> {
    let mut parts = text.split(['x', 'X', '*', '×']);
    let rows = parts.next()?.trim().parse::<usize>().ok()?;
    let columns = match parts.next() {
        Some(part) => part.trim().parse::<usize>().ok()?,
        None => rows,
    };
    let in_range = |n: usize| (1..=max).contains(&n);
    (parts.next().is_none() && in_range(rows) && in_range(columns)).then_some([rows, columns])
}

fn parse_count(text: &str, max: usize) -> Option<usize> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n))
}

fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

fn parse_values(text: &str, count: usize) -> Option<Vec<f32>> {
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

fn parse_padding(text: &str) -> Option<PaddingChoice> {
    Some(match text {
        "valid" => PaddingChoice::Valid,
        "same" => PaddingChoice::Same,
        "same-lower" => PaddingChoice::SameLower,
        "full" => PaddingChoice::Full,
        numbers => {
            let sides: Vec<usize> = numbers
                .split(',')
                .map(|n| {
                    n.trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|&n| n <= MAX_VIEW_SIDE)
                })
                .collect::<Option<_>>()?;
            match sides[..] {
                [all] => PaddingChoice::Custom(Sides::uniform(all)),
                [vertical, horizontal] => PaddingChoice::Custom(Sides {
                    top: vertical,
                    left: horizontal,
                    bottom: vertical,
                    right: horizontal,
                }),
                [top, left, bottom, right] => PaddingChoice::Custom(Sides {
                    top,
                    left,
                    bottom,
                    right,
                }),
                _ => return None,
            }
        }
    })
}

/// Reads a query string. Never fails; see [`FromLink::refused`].
pub fn read(query: &str) -> FromLink {
    let mut settings = Settings::default();
    let mut step = 0;
    let mut lang = None;
    let mut presentation = Presentation::default();
    let mut refused = Vec::new();
    let mut values: Vec<(String, String)> = Vec::new();
    let pairs = pairs(query);
    // Seed first, so values given explicitly override the seeded ones.
    if let Some((_, seed)) = pairs.iter().find(|(key, _)| key == "seed") {
        match seed.parse::<u64>() {
            Ok(seed) => {
                let kind = RandomKind::SmallIntegers { range: 3 };
                settings.randomize(Values::Input, kind, seed, None);
                settings.randomize(Values::Kernel, kind, seed, None);
            }
            Err(_) => refused.push("seed".to_owned()),
        }
    }
    for (key, value) in pairs {
        let ok = match key.as_str() {
            "op" => Operation::from_id(&value)
                .map(|op| settings.operation = op)
                .is_some(),
            "in" => parse_pair(&value, MAX_VIEW_SIDE)
                .map(|p| settings.input_size = p)
                .is_some(),
            "ch" => parse_count(&value, MAX_VIEW_CHANNELS)
                .map(|n| settings.channels = n)
                .is_some(),
            "f" => parse_count(&value, MAX_VIEW_FILTERS)
                .map(|n| settings.filters = n)
                .is_some(),
            "k" => parse_pair(&value, MAX_KERNEL_SIDE)
                .map(|p| settings.kernel_size = p)
                .is_some(),
            "s" => parse_pair(&value, MAX_STRIDE)
                .map(|p| settings.stride = p)
                .is_some(),
            "d" => parse_pair(&value, MAX_DILATION)
                .map(|p| settings.dilation = p)
                .is_some(),
            "act" => Operation::from_id(&value)
                .filter(|op| op.is_activation())
                .map(|op| settings.block_activation = op)
                .is_some(),
            "pool" => match value.as_str() {
                "max" => {
                    settings.block_pool = Operation::MaxPool;
                    true
                }
                "avg" => {
                    settings.block_pool = Operation::AveragePool;
                    true
                }
                _ => false,
            },
            "pk" => parse_pair(&value, MAX_KERNEL_SIDE)
                .map(|p| settings.pool_size = p)
                .is_some(),
            "ps" => parse_pair(&value, MAX_STRIDE)
                .map(|p| settings.pool_stride = p)
                .is_some(),
            "pad" => parse_padding(&value)
                .map(|p| settings.padding = p)
                .is_some(),
            "ceil" => parse_flag(&value).map(|b| settings.ceil_mode = b).is_some(),
            "incpad" => parse_flag(&value)
                .map(|b| settings.count_include_pad = b)
                .is_some(),
            "flip" => parse_flag(&value)
                .map(|b| settings.flip_kernel = b)
                .is_some(),
            "slope" => value
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= 1.0e3)
                .map(|v| settings.slope = v)
                .is_some(),
            "step" => value
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .map(|n| step = n - 1)
                .is_some(),
            "lang" => match value.as_str() {
                "en" => {
                    lang = Some(Lang::En);
                    true
                }
                "zh" => {
                    lang = Some(Lang::Zh);
                    true
                }
                _ => false,
            },
            "theme" => match value.as_str() {
                "projector" => {
                    presentation.projector = true;
                    true
                }
                "light" => true,
                _ => false,
            },
            "embed" => parse_flag(&value)
                .map(|on| presentation.embed = on)
                .is_some(),
            "hide" => Presentation::parse_hidden(&value)
                .map(|hidden| presentation.hidden = hidden)
                .is_some(),
            "seed" => true,
            "x" | "w" | "b" => {
                // Values need the final sizes: read them after every size.
                values.push((key.clone(), value));
                true
            }
            _ => false,
        };
        // Named in a notice: keep hostile keys short. Yew shows them as text only.
        let key: String = key.chars().take(24).collect();
        if !ok && !refused.contains(&key) && refused.len() < 20 {
            refused.push(key);
        }
    }
    for (key, value) in values {
        let ok = match key.as_str() {
            "x" => {
                let [rows, columns] = settings.input_size;
                let shape = (settings.channels, rows, columns);
                parse_values(&value, settings.channels * rows * columns).is_some_and(|v| {
                    let block = ndarray::Array3::from_shape_vec(shape, v);
                    block
                        .map(|block| {
                            settings
                                .input
                                .slice_mut(s![..shape.0, ..rows, ..columns])
                                .assign(&block)
                        })
                        .is_ok()
                })
            }
            "w" => {
                let [k_h, k_w] = settings.kernel_size;
                let shape = (settings.filters, settings.channels, k_h, k_w);
                parse_values(&value, shape.0 * shape.1 * k_h * k_w).is_some_and(|v| {
                    let block = ndarray::Array4::from_shape_vec(shape, v);
                    block
                        .map(|block| {
                            settings
                                .kernel
                                .slice_mut(s![..shape.0, ..shape.1, ..k_h, ..k_w])
                                .assign(&block)
                        })
                        .is_ok()
                })
            }
            _ => parse_values(&value, settings.filters)
                .map(|v| settings.bias[..v.len()].copy_from_slice(&v))
                .is_some(),
        };
        if !ok {
            refused.push(key);
        }
    }
    FromLink {
        settings,
        step,
        lang,
        presentation,
        refused,
    }
}

fn pair_text([rows, columns]: [usize; 2]) -> String {
    if rows == columns {
        rows.to_string()
    } else {
        format!("{rows}x{columns}")
    }
}

fn values_text(values: impl Iterator<Item = f32>) -> String {
    values
        .map(|v| Shortest(v).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes the state as a query string (without the `?`): the example and its presentation.
pub fn write(state: &State) -> String {
    with_presentation(write_example(state), state)
}

/// Appends theme, embed and hidden panels to an example's query.
pub fn with_presentation(mut query: String, state: &State) -> String {
    let presentation = &state.presentation;
    if presentation.projector {
        query.push_str("&theme=projector");
    }
    if presentation.embed {
        query.push_str("&embed=1");
    }
    if !presentation.hidden.is_empty() {
        query.push_str(&format!("&hide={}", encode(&presentation.hidden_text())));
    }
    query
}

/// Writes the example alone (without theme, embed or hidden panels). Only what differs from a
/// fresh start is written, except the values, which are always written so the link is exact.
pub fn write_example(state: &State) -> String {
    write_with(&write_settings(&state.settings), state)
}

/// The example's query given its settings part (see [`write_settings`]): adds step and language.
pub fn write_with(settings_part: &str, state: &State) -> String {
    let mut query = settings_part.to_owned();
    if state.position > 0 {
        query.push_str(&format!("&step={}", state.position + 1));
    }
    query.push_str(&format!("&lang={}", state.lang.tag()));
    query
}

/// The settings as query parameters: the costly part of a link (every value is written), so
/// the app computes it once per change of settings rather than once per step.
pub fn write_settings(settings: &Settings) -> String {
    let defaults = Settings::default();
    let mut parts: Vec<(&str, String)> = Vec::new();
    if settings.operation != defaults.operation {
        parts.push(("op", settings.operation.id().to_owned()));
    }
    parts.push((
        "in",
        format!("{}x{}", settings.input_size[0], settings.input_size[1]),
    ));
    if settings.channels != 1 {
        parts.push(("ch", settings.channels.to_string()));
    }
    if settings.filters != 1 {
        parts.push(("f", settings.filters.to_string()));
    }
    if settings.operation.has_window() {
        parts.push(("k", pair_text(settings.kernel_size)));
        if settings.stride != [1, 1] {
            parts.push(("s", pair_text(settings.stride)));
        }
        if settings.dilation != [1, 1] {
            parts.push(("d", pair_text(settings.dilation)));
        }
        let pad = match settings.padding {
            PaddingChoice::Custom(Sides {
                top,
                left,
                bottom,
                right,
            }) => format!("{top},{left},{bottom},{right}"),
            named => named.id().to_owned(),
        };
        if pad != "valid" {
            parts.push(("pad", pad));
        }
    }
    if settings.operation.is_pool() && settings.ceil_mode {
        parts.push(("ceil", "1".to_owned()));
    }
    if settings.operation == Operation::AveragePool && !settings.count_include_pad {
        parts.push(("incpad", "0".to_owned()));
    }
    if settings.operation == Operation::Block {
        parts.push(("act", settings.block_activation.id().to_owned()));
        let pool = if settings.block_pool == Operation::AveragePool {
            "avg"
        } else {
            "max"
        };
        parts.push(("pool", pool.to_owned()));
        parts.push(("pk", pair_text(settings.pool_size)));
        parts.push(("ps", pair_text(settings.pool_stride)));
    }
    if settings.operation.has_weights() && settings.flip_kernel {
        parts.push(("flip", "1".to_owned()));
    }
    if settings.operation == Operation::LeakyRelu
        || (settings.operation == Operation::Block
            && settings.block_activation == Operation::LeakyRelu)
    {
        parts.push(("slope", Shortest(settings.slope).to_string()));
    }
    parts.push(("x", values_text(settings.input_view().into_iter())));
    if settings.operation.has_weights() {
        parts.push(("w", values_text(settings.kernel_view().into_iter())));
        if settings.bias[..settings.filters].iter().any(|&b| b != 0.0) {
            parts.push((
                "b",
                values_text(settings.bias[..settings.filters].iter().copied()),
            ));
        }
    }
    if settings.seed != defaults.seed {
        parts.push(("seed", settings.seed.to_string()));
    }
    parts
        .into_iter()
        .map(|(key, value)| format!("{key}={}", encode(&value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use crate::engine::Axis;

    #[test]
    fn decode_handles_escapes_and_bad_escapes() {
        assert_eq!(decode("a%2Cb+c"), "a,b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E4%B8%AD"), "中");
    }

    #[test]
    fn a_written_link_reads_back_to_the_same_view() {
        let state = State::default()
            .apply(Action::SetSize(
                crate::app::state::SizeField::Input,
                Axis::Columns,
                6,
            ))
            .apply(Action::SetSize(
                crate::app::state::SizeField::Stride,
                Axis::Rows,
                2,
            ))
            .apply(Action::SetPadding(PaddingChoice::Same))
            .apply(Action::Edit(Values::Input, [0, 1, 5], "-2.5".into()))
            .apply(Action::SetBias(0, "1.5".into()))
            .apply(Action::Seek(3))
            .apply(Action::SetLang(Lang::Zh));
        let link = read(&write(&state));
        assert!(link.refused.is_empty(), "{:?}", link.refused);
        assert_eq!(link.settings.input_view(), state.settings.input_view());
        assert_eq!(link.settings.kernel_view(), state.settings.kernel_view());
        assert_eq!(link.settings.window(), state.settings.window());
        assert_eq!(link.settings.bias[0], 1.5);
        assert_eq!(link.step, 3);
        assert_eq!(link.lang, Some(Lang::Zh));
    }

    #[test]
    fn bad_parameters_fall_back_and_are_named() {
        let link = read(
            "?op=<script>&in=99999x2&k=abc&s=0&pad=1,2,3&x=1,NaN&step=-1&evil=1&lang=fr&seed=x",
        );
        let defaults = Settings::default();
        assert_eq!(link.settings.operation, defaults.operation);
        assert_eq!(link.settings.input_size, defaults.input_size);
        assert_eq!(link.settings.stride, defaults.stride);
        for key in [
            "op", "in", "k", "s", "pad", "x", "step", "evil", "lang", "seed",
        ] {
            assert!(
                link.refused.iter().any(|r| r == key),
                "{key} should be refused: {:?}",
                link.refused
            );
        }
    }

    #[test]
    fn values_must_match_the_sizes() {
        let link = read("in=2x2&x=1,2,3");
        assert_eq!(link.refused, vec!["x".to_owned()]);
        let link = read("in=2x2&x=1,2,3,4");
        assert!(link.refused.is_empty());
        assert_eq!(
            link.settings.input_view().into_raw_vec_and_offset().0,
            vec![1., 2., 3., 4.]
        );
    }
}
