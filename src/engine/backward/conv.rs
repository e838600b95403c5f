//! A convolution's backward pass: three gradients, each steppable one value at a time
//! (PyTorch `conv2d` autograd).
//!
//! ```text
//! d loss/d x[c, r, q]        = Σ d loss/d out[o, oh, ow] × w[o, c, kh, kw]   over every (o, window, tap) reading x[c, r, q]
//! d loss/d w[o, c, kh, kw]   = Σ d loss/d out[o, oh, ow] × x_pad[c, tap (kh, kw) of window (oh, ow)]   over every window
//! d loss/d b[o]              = Σ d loss/d out[o, oh, ow]                     over every window
//! ```
//! The first is a transposed convolution of the output gradient with the same weights
//! ([`ConvBackward::as_transposed`]); a padding cell that repeats an input cell passes its
//! gradient to that cell.

use super::step::{Factor, GradientStep, Rule, Term, Wrt};
use crate::engine::arrays::{FeatureMap, Weights, weights_shape};
use crate::engine::conv::Conv;
use crate::engine::conv_transpose::{ConvTranspose, ConvTransposeSpec};
use crate::engine::error::{Axis, EngineError, Result};
use crate::engine::geometry::{PaddingMode, TransposedPadding};
use crate::engine::stepper::{Cell, Stepper, cell_of_step};
use ndarray::s;

/// A convolution and the gradient of the loss with respect to its output.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvBackward {
    conv: Conv,
    output_gradient: FeatureMap,
}

impl ConvBackward {
    /// Fails unless the gradient has the convolution's output shape and usable values.
    pub fn new(conv: Conv, output_gradient: FeatureMap) -> Result<Self> {
        super::check_gradient(&output_gradient, conv.output_shape())?;
        Ok(ConvBackward {
            conv,
            output_gradient,
        })
    }

    /// The convolution.
    pub fn conv(&self) -> &Conv {
        &self.conv
    }

    fn gradient_at(&self, cell: Cell) -> f32 {
        self.output_gradient[[cell.channel, cell.row, cell.column]]
    }

    /// The gradient of input cell `index` (raster order): every window tap that read it, its
    /// output gradient times the weight there.
    pub fn input_step(&self, index: usize) -> Result<GradientStep> {
        let cell = cell_of_step(index, self.conv.input_shape())?;
        let mut terms = Vec::new();
        for reader in self.conv.readers_of(cell)? {
            let window = self.conv.step(reader.step)?;
            let weight = window
                .taps
                .get(reader.tap)
                .and_then(|tap| tap.weight)
                .unwrap_or(0.0);
            terms.push(Term {
                output: window.output,
                gradient: self.gradient_at(window.output),
                factor: Factor::Times(weight),
                input: None,
            });
        }
        Ok(GradientStep::new(
            index,
            Wrt::Input(cell),
            Rule::ConvInput,
            terms,
        ))
    }

    /// Number of weights, and so of weight steps.
    pub fn weight_count(&self) -> usize {
        self.conv.weights().len()
    }

    /// The gradient of weight `index` (raster order over filter, slice, kernel row, kernel
    /// column): every window of its filter, its output gradient times the value the weight met.
    pub fn weight_step(&self, index: usize) -> Result<GradientStep> {
        let [filters, slices, k_h, k_w] = weights_shape(self.conv.weights());
        let steps = self.weight_count();
        if index >= steps {
            return Err(EngineError::StepOutOfRange { step: index, steps });
        }
        let (filter, slice) = (index / (slices * k_h * k_w), index / (k_h * k_w) % slices);
        let kernel = [index / k_w % k_h, index % k_w];
        debug_assert!(filter < filters);
        let tap = if self.conv.flips_kernel() {
            [k_h - 1 - kernel[0], k_w - 1 - kernel[1]]
        } else {
            kernel
        };
        let channel = self.conv.channels_of_filter(filter).start + slice;
        let [_, out_h, out_w] = self.conv.output_shape();
        let mut terms = Vec::with_capacity(out_h * out_w);
        for row in 0..out_h {
            for column in 0..out_w {
                let output = Cell {
                    channel: filter,
                    row,
                    column,
                };
                let (_, source) = self.conv.layout().locate([row, column], tap);
                let input = source.read().map(|[row, column]| Cell {
                    channel,
                    row,
                    column,
                });
                let value = input.map_or(0.0, |cell| {
                    self.conv.input()[[cell.channel, cell.row, cell.column]]
                });
                terms.push(Term {
                    output,
                    gradient: self.gradient_at(output),
                    factor: Factor::Times(value),
                    input,
                });
            }
        }
        let wrt = Wrt::Weight {
            filter,
            slice,
            kernel,
        };
        Ok(GradientStep::new(index, wrt, Rule::ConvWeight, terms))
    }

    /// The gradient of filter `filter`'s bias: the sum of its output gradients.
    pub fn bias_step(&self, filter: usize) -> Result<GradientStep> {
        let [filters, out_h, out_w] = self.conv.output_shape();
        if filter >= filters {
            return Err(EngineError::StepOutOfRange {
                step: filter,
                steps: filters,
            });
        }
        let terms = (0..out_h * out_w)
            .map(|at| {
                let output = Cell {
                    channel: filter,
                    row: at / out_w,
                    column: at % out_w,
                };
                Term {
                    output,
                    gradient: self.gradient_at(output),
                    factor: Factor::One,
                    input: None,
                }
            })
            .collect();
        Ok(GradientStep::new(
            filter,
            Wrt::Bias { filter },
            Rule::ConvBias,
            terms,
        ))
    }

    /// Every weight's gradient, in the weights' shape.
    pub fn weight_gradient(&self) -> Result<Weights> {
        let values = (0..self.weight_count())
            .map(|index| self.weight_step(index).map(|step| step.value))
            .collect::<Result<Vec<f32>>>()?;
        Ok(Weights::from_shape_vec(self.conv.weights().raw_dim(), values).unwrap_or_default())
    }

    /// Every filter's bias gradient.
    pub fn bias_gradient(&self) -> Result<Vec<f32>> {
        (0..self.conv.output_shape()[0])
            .map(|filter| self.bias_step(filter).map(|step| step.value))
            .collect()
    }

    /// The input gradient as the transposed convolution it is: the output gradient as input,
    /// the same weights (rotated back when the convolution flips its kernel), stride, dilation,
    /// padding and groups, and output padding for the cells the last window did not reach.
    /// `None` when the padding repeats input cells, which a transposed convolution cannot do.
    pub fn as_transposed(&self) -> Option<Result<ConvTranspose>> {
        let layout = self.conv.layout();
        if layout.padding_mode() != PaddingMode::Zeros {
            return None;
        }
        let weights = if self.conv.flips_kernel() {
            self.conv
                .weights()
                .slice(s![.., .., ..;-1, ..;-1])
                .to_owned()
        } else {
            self.conv.weights().clone()
        };
        let along = |axis: Axis| {
            let axis = layout.along(axis);
            let reached = axis.span(axis.output);
            (axis.stride, axis.dilation, axis.padded() - reached)
        };
        let (rows, columns) = (along(Axis::Rows), along(Axis::Columns));
        let spec = ConvTransposeSpec {
            stride: [rows.0, columns.0],
            dilation: [rows.1, columns.1],
            output_padding: [rows.2, columns.2],
            padding: TransposedPadding::Explicit(layout.sides()),
            groups: self.conv.groups().groups,
        };
        Some(ConvTranspose::new(
            self.output_gradient.clone(),
            weights,
            None,
            spec,
        ))
    }
}
