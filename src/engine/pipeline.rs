//! A chain of stages (convolution → activation → pooling, as in VGG16), each steppable.

use super::activation::{Activation, ActivationLayer};
use super::arrays::{FeatureMap, Weights};
use super::conv::{Conv, ConvSpec};
use super::conv_transpose::{ConvTranspose, ConvTransposeSpec};
use super::error::{EngineError, Result};
use super::geometry::WindowSpec;
use super::layer::Layer;
use super::pool::{Pool, PoolKind};
use super::stepper::{Cell, Stepper, step_of_cell};
use std::collections::BTreeSet;

/// What one stage does, before it is given its input.
#[derive(Debug, Clone, PartialEq)]
pub enum StageSpec {
    /// A convolution with these weights (OIHW), optional bias and parameters.
    Conv {
        /// Filters × channels × k_h × k_w.
        weights: Weights,
        /// One value per filter, if any.
        bias: Option<Vec<f32>>,
        /// The window (stride, dilation, padding) and whether the kernel is flipped.
        spec: ConvSpec,
    },
    /// An element-wise activation.
    Activation(Activation),
    /// Max or average pooling.
    Pool {
        /// Window geometry.
        window: WindowSpec,
        /// Max or average.
        kind: PoolKind,
    },
    /// A transposed convolution with these weights (channels × filters/groups × k_h × k_w),
    /// optional bias and parameters.
    ConvTranspose {
        /// Channels × filters/groups × k_h × k_w.
        weights: Weights,
        /// One value per filter, if any.
        bias: Option<Vec<f32>>,
        /// Stride, dilation, padding, output padding and groups.
        spec: ConvTransposeSpec,
    },
}

/// Stages chained so that each one's output is the next one's input.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    stages: Vec<Layer>,
    outputs: Vec<FeatureMap>,
}

impl Pipeline {
    /// Builds every stage in order; an error names the stage (from 1) that failed.
    pub fn new(input: FeatureMap, specs: Vec<StageSpec>) -> Result<Self> {
        let mut stages = Vec::with_capacity(specs.len());
        let mut outputs: Vec<FeatureMap> = Vec::with_capacity(specs.len());
        for (index, spec) in specs.into_iter().enumerate() {
            let stage_input = outputs.last().cloned().unwrap_or_else(|| input.clone());
            let layer = build(stage_input, spec).map_err(|error| EngineError::InStage {
                stage: index + 1,
                source: Box::new(error),
            })?;
            outputs.push(layer.forward());
            stages.push(layer);
        }
        Ok(Pipeline { stages, outputs })
    }

    /// The stages, in order.
    pub fn stages(&self) -> &[Layer] {
        &self.stages
    }

    /// How many feature maps there are: the input, then each stage's output.
    pub fn map_count(&self) -> usize {
        self.stages.len() + 1
    }

    /// Feature map `map`: 0 is the input, `k` the output of stage `k - 1`.
    pub fn map(&self, map: usize) -> Option<&FeatureMap> {
        match map {
            0 => self.stages.first().map(Layer::input),
            map => self.outputs.get(map - 1),
        }
    }

    /// Steps of all stages together.
    pub fn total_steps(&self) -> usize {
        self.stages.iter().map(Stepper::step_count).sum()
    }

    /// Splits a step number over the whole chain into `(stage, step within the stage)`.
    pub fn locate(&self, mut global: usize) -> Option<(usize, usize)> {
        for (stage, layer) in self.stages.iter().enumerate() {
            if global < layer.step_count() {
                return Some((stage, global));
            }
            global -= layer.step_count();
        }
        None
    }

    /// The step number over the whole chain of step `step` of stage `stage`.
    pub fn global_step(&self, stage: usize, step: usize) -> usize {
        self.stages[..stage.min(self.stages.len())]
            .iter()
            .map(Stepper::step_count)
            .sum::<usize>()
            + step
    }

    /// Traces output cell `cell` of stage `stage` back to the input.
    ///
    /// Returns one set per stage boundary, from the pipeline's input (index 0) up to stage
    /// `stage`'s input (index `stage`): the cells of that map the given cell depends on.
    pub fn receptive_field(&self, stage: usize, cell: Cell) -> Result<Vec<BTreeSet<Cell>>> {
        let mut fields = vec![BTreeSet::new(); stage + 1];
        let mut current = BTreeSet::from([cell]);
        for index in (0..=stage).rev() {
            let layer = self.stages.get(index).ok_or(EngineError::StepOutOfRange {
                step: index,
                steps: self.stages.len(),
            })?;
            let shape = layer.output_shape();
            let mut reads = BTreeSet::new();
            for out in &current {
                let step = layer.step(step_of_cell(*out, shape))?;
                for tap in step.taps {
                    if let Some([row, column]) = tap.source.read() {
                        reads.insert(Cell {
                            channel: tap.channel,
                            row,
                            column,
                        });
                    }
                }
            }
            fields[index] = reads.clone();
            current = reads;
        }
        Ok(fields)
    }
}

fn build(input: FeatureMap, spec: StageSpec) -> Result<Layer> {
    Ok(match spec {
        StageSpec::Conv {
            weights,
            bias,
            spec,
        } => Layer::Conv(Conv::new(input, weights, bias, spec)?),
        StageSpec::Activation(function) => {
            Layer::Activation(ActivationLayer::new(input, function)?)
        }
        StageSpec::Pool { window, kind } => Layer::Pool(Pool::new(input, window, kind)?),
        StageSpec::ConvTranspose {
            weights,
            bias,
            spec,
        } => Layer::ConvTranspose(ConvTranspose::new(input, weights, bias, spec)?),
    })
}
