//! Tensors in and out as text: what a learner pastes from Python or JSON, read into a shape and
//! values; and any map or kernel written back in the same forms.
//!
//! Accepted, with the shape read from the nesting:
//!
//! ```text
//! PyTorch   tensor([[1., 2.], [3., 4.]])      also torch.tensor(...), and suffixes such as
//!                                             dtype=torch.float32, requires_grad=True
//! NumPy     array([[1., 2.], [3., 4.]], dtype=float32)     also np.array(...)
//! list      [[1, 2], [3, 4]]                  Python's trailing commas allowed
//! JSON      [[1,2],[3,4]]
//! ```
//!
//! Numbers are read as `f32` exactly as Rust and Python read them (`1.`, `-2.5`, `1e3`,
//! `-0.`), and written as the shortest text that reads back as the same `f32`, so writing then
//! reading gives back the very same tensor.
//!
//! A tensor then fits the example as its input (`H×W`, `C×H×W` or `1×C×H×W`) or its kernel
//! (`kh×kw`, `C×kh×kw` or `F×C×kh×kw`, PyTorch's OIHW), with the example's channels and
//! filters.

use super::settings::{Limit, Settings, Values};
use crate::engine::{FeatureMap, Weights, decimal::Shortest, limits::MAX_ABS_VALUE};

/// Deepest nesting read: a kernel's four axes.
pub const MAX_RANK: usize = 4;
/// Most values read from one paste: the largest input the step view shows (4 × 64 × 64).
pub const MAX_VALUES: usize = 16_384;

/// A tensor: its shape, outermost axis first, and its values in row-major order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    /// Length of each axis, outermost first.
    pub shape: Vec<usize>,
    /// The values, last axis fastest.
    pub values: Vec<f32>,
}

/// A way of writing a tensor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// PyTorch's printed form: `tensor([[1., 2.], [3., 4.]])`.
    PyTorch,
    /// NumPy's printed form: `array([[1., 2.], [3., 4.]], dtype=float32)`.
    NumPy,
    /// Nested lists: `[[1, 2], [3, 4]]`.
    List,
    /// JSON, on one line: `[[1,2],[3,4]]`.
    Json,
}

impl Form {
    /// Every form, in menu order.
    pub const ALL: [Form; 4] = [Form::PyTorch, Form::NumPy, Form::List, Form::Json];
}

/// What the parser looked for where the text went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `[`, starting the tensor (perhaps after `tensor(` or `array(`).
    List,
    /// A number or `[`.
    Value,
    /// `,` or `]`.
    CommaOrClose,
    /// Nothing more, or `)` closing `tensor(` or `array(`.
    End,
}

/// Why pasted text is not a tensor. Positions `at` are index paths into the nesting, counted
/// from 0 (`[1, 0]` is the first item of the second list); `offset` counts characters from 0.
#[derive(Debug, Clone, PartialEq)]
pub enum TensorError {
    /// Something else stands where the parser expected `expected`; `found` is `None` when the
    /// text ends there.
    Unexpected {
        /// Characters before the place.
        offset: usize,
        /// The character found, if the text goes on.
        found: Option<char>,
        /// What belongs there.
        expected: Expected,
    },
    /// The text is an abbreviated print (`...`): it does not hold every value.
    Abbreviated,
    /// An item is not a number.
    NotANumber {
        /// Where it sits.
        at: Vec<usize>,
        /// Its text.
        text: String,
    },
    /// A value is infinite or not a number (`inf`, `nan`).
    NotFinite {
        /// Where it sits.
        at: Vec<usize>,
    },
    /// A value is beyond the engine's largest magnitude, [`MAX_ABS_VALUE`].
    ValueTooLarge {
        /// Where it sits.
        at: Vec<usize>,
        /// Its text.
        text: String,
    },
    /// A list is empty (`at` is empty for the outermost list).
    EmptyList {
        /// Where it sits.
        at: Vec<usize>,
    },
    /// A list's length differs from the first list at the same depth (at `[0, 0, …]`).
    Ragged {
        /// Where the list sits.
        at: Vec<usize>,
        /// Its items.
        length: usize,
        /// The first list's items.
        expected: usize,
        /// Whether the items are numbers (rows of values) rather than lists.
        numbers: bool,
    },
    /// A number stands where the other items at its depth are lists, or a list where they are
    /// numbers.
    MixedDepth {
        /// Where it sits.
        at: Vec<usize>,
    },
    /// Lists nest deeper than `limit`.
    TooDeep {
        /// The deepest nesting read.
        limit: usize,
    },
    /// More values than `limit`.
    TooManyValues {
        /// The most values read.
        limit: usize,
    },
}

/// Why a tensor does not fit the example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FitError {
    /// The operation has no kernel to paste into (pooling, activations).
    NoKernel,
    /// The shape is not one of the accepted shapes with the example's channels and filters.
    Shape {
        /// Input or kernel.
        target: Values,
        /// The tensor's shape.
        pasted: Vec<usize>,
        /// The example's input channels, or for a kernel its slices per filter (`channels / groups`).
        channels: usize,
        /// The example's filters.
        filters: usize,
    },
    /// Rows or columns exceed what the step view shows.
    TooLarge {
        /// Input or kernel.
        target: Values,
        /// The tensor's shape.
        pasted: Vec<usize>,
        /// The largest rows or columns.
        limit: usize,
    },
}

/// Why a paste was refused: the text, or the shape.
#[derive(Debug, Clone, PartialEq)]
pub enum PasteError {
    /// The text is not a tensor.
    Text(TensorError),
    /// The tensor does not fit.
    Fit(FitError),
}

impl From<TensorError> for PasteError {
    fn from(error: TensorError) -> Self {
        PasteError::Text(error)
    }
}

impl From<FitError> for PasteError {
    fn from(error: FitError) -> Self {
        PasteError::Fit(error)
    }
}

/// A tensor fitted to the example: what a paste changes, before anything is changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Paste {
    /// Input or kernel.
    pub target: Values,
    /// `[rows, columns]`: the new input size or kernel size.
    pub size: [usize; 2],
    /// planes × rows × columns, row-major; planes numbered as the grids number them: the
    /// input's channels, or the kernel's `filter·channels + channel`.
    pub data: Vec<f32>,
}

impl Paste {
    /// Writes the values and the size into the settings. Values outside the backing arrays are
    /// ignored, as every edit ignores them.
    pub fn apply(&self, settings: &mut Settings) {
        let [rows, columns] = self.size;
        let (plane, columns) = ((rows * columns).max(1), columns.max(1));
        for (index, &value) in self.data.iter().enumerate() {
            let at = [index / plane, index % plane / columns, index % columns];
            settings.set_value(self.target, at, value);
        }
        match self.target {
            Values::Input => settings.input_size = self.size,
            Values::Kernel => settings.kernel_size = self.size,
        }
    }
}

/// Reads `text` as a tensor and fits it to the example as `target`: what the paste box calls.
pub fn paste(text: &str, target: Values, settings: &Settings) -> Result<Paste, PasteError> {
    Ok(Tensor::parse(text)?.fit(target, settings)?)
}

impl Tensor {
    /// A feature map as a `[channels, rows, columns]` tensor.
    pub fn of_map(map: &FeatureMap) -> Tensor {
        Tensor {
            shape: map.shape().to_vec(),
            values: map.iter().copied().collect(),
        }
    }

    /// A kernel as a `[filters, channels, k_h, k_w]` tensor (OIHW, as PyTorch's `weight`).
    pub fn of_kernel(weights: &Weights) -> Tensor {
        Tensor {
            shape: weights.shape().to_vec(),
            values: weights.iter().copied().collect(),
        }
    }

    /// Reads a tensor in any accepted form.
    pub fn parse(text: &str) -> Result<Tensor, TensorError> {
        Parser::new(text).tensor()
    }

    /// Writes the tensor in `form`. Reading the text back gives exactly this tensor.
    pub fn write(&self, form: Form) -> String {
        let texts: Vec<String> = self
            .values
            .iter()
            .map(|&value| number(value, form))
            .collect();
        let (prefix, suffix) = match form {
            Form::PyTorch => ("tensor(", ")"),
            Form::NumPy => ("array(", ", dtype=float32)"),
            Form::List | Form::Json => ("", ""),
        };
        let width = match form {
            Form::Json => 0,
            _ => texts.iter().map(String::len).max().unwrap_or(0),
        };
        let mut out = String::from(prefix);
        if self.shape.is_empty() {
            out.push_str(texts.first().map_or("0", String::as_str));
        } else {
            let layout = Layout {
                width,
                compact: form == Form::Json,
            };
            layout.nest(&mut out, &self.shape, &texts, prefix.len());
        }
        out.push_str(suffix);
        out
    }

    /// Fits the tensor to the example as its input or its kernel, without changing anything.
    pub fn fit(&self, target: Values, settings: &Settings) -> Result<Paste, FitError> {
        // A grouped kernel has one slice per channel of a filter's group; the depthwise-separable
        // block's depthwise kernel one filter per channel.
        let channels = match target {
            Values::Input => settings.channels,
            Values::Kernel => settings.kernel_channels(),
        };
        let filters = settings.kernel_filters();
        let shape_error = || FitError::Shape {
            target,
            pasted: self.shape.clone(),
            channels,
            filters,
        };
        let (leading, size, limit) = match (target, self.shape.as_slice()) {
            (Values::Kernel, _) if !settings.operation.has_weights() => {
                return Err(FitError::NoKernel);
            }
            (Values::Input, &[rows, columns]) => ([1, 1], [rows, columns], Limit::InputSide),
            (Values::Input, &[c, rows, columns]) => ([1, c], [rows, columns], Limit::InputSide),
            (Values::Input, &[n, c, rows, columns]) => ([n, c], [rows, columns], Limit::InputSide),
            (Values::Kernel, &[k_h, k_w]) => ([1, 1], [k_h, k_w], Limit::KernelSide),
            (Values::Kernel, &[c, k_h, k_w]) => ([1, c], [k_h, k_w], Limit::KernelSide),
            (Values::Kernel, &[f, c, k_h, k_w]) => ([f, c], [k_h, k_w], Limit::KernelSide),
            _ => return Err(shape_error()),
        };
        // The input's leading axis is the batch: one image.
        let outer = match target {
            Values::Input => 1,
            Values::Kernel => filters,
        };
        if leading != [outer, channels] {
            return Err(shape_error());
        }
        let largest = *limit.range().end();
        if size.iter().any(|&side| side > largest) {
            return Err(FitError::TooLarge {
                target,
                pasted: self.shape.clone(),
                limit: largest,
            });
        }
        Ok(Paste {
            target,
            size,
            data: self.values.clone(),
        })
    }
}

/// A value as text in `form`: the shortest exact decimal; in PyTorch and NumPy forms a whole
/// number keeps a `.` (`2.`), so Python reads a float tensor, as the frameworks print it.
fn number(value: f32, form: Form) -> String {
    let mut text = Shortest(value).to_string();
    if matches!(form, Form::PyTorch | Form::NumPy) && !text.contains(['.', 'e']) {
        text.push('.');
    }
    text
}

/// How nested lists are laid out: numbers right-aligned to `width`, or all on one line.
struct Layout {
    width: usize,
    compact: bool,
}

impl Layout {
    /// Writes a list of `shape` whose first bracket is at column `indent`. As PyTorch and NumPy
    /// print: a row's numbers on one line, rows on lines of their own, and a blank line more
    /// between blocks of each further axis.
    fn nest(&self, out: &mut String, shape: &[usize], texts: &[String], indent: usize) {
        let Some((&length, inner)) = shape.split_first() else {
            return;
        };
        let chunk = inner.iter().product::<usize>();
        out.push('[');
        for index in 0..length {
            if index > 0 {
                out.push(',');
                if self.compact {
                    // JSON on one line: nothing between items.
                } else if inner.is_empty() {
                    out.push(' ');
                } else {
                    out.extend(std::iter::repeat_n('\n', inner.len()));
                    out.extend(std::iter::repeat_n(' ', indent + 1));
                }
            }
            if inner.is_empty() {
                let text = texts.get(index).map_or("", String::as_str);
                out.extend(std::iter::repeat_n(
                    ' ',
                    self.width.saturating_sub(text.len()),
                ));
                out.push_str(text);
            } else {
                let items = texts.get(index * chunk..(index + 1) * chunk).unwrap_or(&[]);
                self.nest(out, inner, items, indent + 1);
            }
        }
        out.push(']');
    }
}

/// A one-pass reader of nested lists, which records the shape as it goes.
struct Parser<'a> {
    text: &'a str,
    /// Byte position.
    at: usize,
    /// Length of each depth's lists, from the first list closed at that depth (0 until then).
    shape: Vec<usize>,
    /// The depth whose lists hold numbers, once a number is met.
    leaf_depth: Option<usize>,
    /// Index path of the item being read.
    path: Vec<usize>,
    values: Vec<f32>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            at: 0,
            shape: Vec::new(),
            leaf_depth: None,
            path: Vec::new(),
            values: Vec::new(),
        }
    }

    /// The whole text: an optional `name(`, the lists, an optional `, keywords…)`.
    fn tensor(mut self) -> Result<Tensor, TensorError> {
        self.skip_space();
        let called = self.peek().is_some_and(char::is_alphabetic);
        if called {
            let start = self.at;
            self.take_while(|c| c.is_alphanumeric() || c == '_' || c == '.');
            self.skip_space();
            if self.peek() != Some('(') {
                self.at = start;
                return Err(self.unexpected(Expected::List));
            }
            self.at += 1;
            self.skip_space();
        }
        if self.peek() != Some('[') {
            return Err(self.unexpected(Expected::List));
        }
        self.list(0)?;
        self.skip_space();
        if called {
            // Keyword arguments (dtype=…, requires_grad=…) are skipped up to the last `)`.
            let rest = &self.text[self.at..];
            match (rest.starts_with(','), rest.rfind(')')) {
                (_, Some(0)) => self.at += 1,
                (true, Some(close)) => self.at += close + 1,
                (true, None) => {
                    self.at = self.text.len();
                    return Err(self.unexpected(Expected::End));
                }
                _ => return Err(self.unexpected(Expected::End)),
            }
            self.skip_space();
        }
        if self.at < self.text.len() {
            return Err(self.unexpected(Expected::End));
        }
        Ok(Tensor {
            shape: self.shape,
            values: self.values,
        })
    }

    /// One list at `depth`, from its `[` to its `]`.
    fn list(&mut self, depth: usize) -> Result<(), TensorError> {
        if depth >= MAX_RANK {
            return Err(TensorError::TooDeep { limit: MAX_RANK });
        }
        self.at += 1;
        let mut length = 0;
        loop {
            self.skip_space();
            if self.peek() == Some(']') {
                break;
            }
            if length > 0 {
                if self.peek() != Some(',') {
                    return Err(self.unexpected(Expected::CommaOrClose));
                }
                self.at += 1;
                self.skip_space();
                // Python allows a comma before the closing bracket.
                if self.peek() == Some(']') {
                    break;
                }
            }
            self.path.push(length);
            self.item(depth)?;
            self.path.pop();
            length += 1;
        }
        self.at += 1;
        if length == 0 {
            return Err(TensorError::EmptyList {
                at: self.path.clone(),
            });
        }
        // Inner lists close first: the shape fills in from the innermost axis.
        if self.shape.len() <= depth {
            self.shape.resize(depth + 1, 0);
        }
        match self.shape[depth] {
            0 => {
                self.shape[depth] = length;
                Ok(())
            }
            expected if expected != length => Err(TensorError::Ragged {
                at: self.path.clone(),
                length,
                expected,
                numbers: self.leaf_depth == Some(depth),
            }),
            _ => Ok(()),
        }
    }

    /// One item of a list at `depth`: a list or a number.
    fn item(&mut self, depth: usize) -> Result<(), TensorError> {
        let is_list = self.peek() == Some('[');
        let leaf = self
            .leaf_depth
            .unwrap_or(if is_list { usize::MAX } else { depth });
        // A list goes one deeper than numbers may; a number must sit where numbers sit.
        if (is_list && leaf <= depth) || (!is_list && leaf != depth) {
            return Err(TensorError::MixedDepth {
                at: self.path.clone(),
            });
        }
        if is_list {
            return self.list(depth + 1);
        }
        self.leaf_depth = Some(depth);
        let start = self.at;
        let text = self.take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '+' | '-' | '_'));
        if text.is_empty() {
            self.at = start;
            return Err(self.unexpected(Expected::Value));
        }
        if text.starts_with("..") {
            return Err(TensorError::Abbreviated);
        }
        let at = || self.path.clone();
        let value: f32 = text.parse().map_err(|_| TensorError::NotANumber {
            at: at(),
            text: text.to_owned(),
        })?;
        let named = text.to_ascii_lowercase();
        if value.is_nan() || (value.is_infinite() && named.contains("inf")) {
            return Err(TensorError::NotFinite { at: at() });
        }
        if value.abs() > MAX_ABS_VALUE {
            return Err(TensorError::ValueTooLarge {
                at: at(),
                text: text.to_owned(),
            });
        }
        if self.values.len() == MAX_VALUES {
            return Err(TensorError::TooManyValues { limit: MAX_VALUES });
        }
        self.values.push(value);
        Ok(())
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn skip_space(&mut self) {
        self.take_while(char::is_whitespace);
    }

    /// Moves past the characters that satisfy `keep`, and returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let rest = &self.text[self.at..];
        let length = rest.find(|c| !keep(c)).unwrap_or(rest.len());
        self.at += length;
        &rest[..length]
    }

    /// The error for the character here, which is not `expected`.
    fn unexpected(&self, expected: Expected) -> TensorError {
        TensorError::Unexpected {
            offset: self.text[..self.at].chars().count(),
            found: self.peek(),
            expected,
        }
    }
}
