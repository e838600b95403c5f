//! Learning mode: the loss of the example's output against a target, the backward pass stepped
//! stage by stage, and gradient descent on the first stage's kernel. Pure, so it is tested
//! natively; the panel only draws it.
//!
//! The example's kernel is where training starts. Training step `t + 1` takes the kernel after
//! `t` steps down the gradient of the loss there, which the backward pass steps through.

use super::settings::{Operation, Settings};
use super::shared::Shared;
use crate::engine::backward::StageBackward;
use crate::engine::backward::{GradientStep, Loss, PipelineBackward, TrainingStep};
use crate::engine::presets::KernelPreset;
use crate::engine::{EngineError, FeatureMap, Pipeline, Stepper};

/// What the output is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetChoice {
    /// The output the same example gives with this preset as its kernel.
    Preset(KernelPreset),
    /// All zeros.
    Zeros,
}

impl TargetChoice {
    /// Every choice, in menu order: the presets, then zeros.
    pub fn all() -> impl Iterator<Item = TargetChoice> {
        KernelPreset::ALL
            .into_iter()
            .map(TargetChoice::Preset)
            .chain([TargetChoice::Zeros])
    }

    /// Its identifier in links: the preset's, or `zeros`.
    pub fn id(self) -> &'static str {
        match self {
            TargetChoice::Preset(preset) => preset.id(),
            TargetChoice::Zeros => "zeros",
        }
    }

    /// The choice with identifier `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::all().find(|choice| choice.id() == id)
    }
}

/// The largest learning rate a link or the field accepts.
pub const MAX_RATE: f32 = 100.0;
/// The most training steps a link or the field accepts.
pub const MAX_TRAINED: usize = 500;

/// Where the learner is in learning mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Learning {
    /// What the output is compared with.
    pub target: TargetChoice,
    /// Target cells the learner typed over the chosen target: index in the output (raster
    /// order over channel, row, column) and value, in index order.
    pub edits: Vec<(usize, f32)>,
    /// The learning rate.
    pub rate: f32,
    /// Training steps taken.
    pub trained: usize,
    /// How many steps Play runs to.
    pub run: usize,
    /// The backward step shown, from 0.
    pub back: usize,
    /// Whether Play is running.
    pub playing: bool,
}

impl Default for Learning {
    /// Towards the vertical-edge (Sobel x) kernel's output, at a rate that learns it on an 8×8 picture.
    fn default() -> Self {
        Learning {
            target: TargetChoice::Preset(KernelPreset::SobelX),
            edits: Vec::new(),
            rate: 0.03,
            trained: 0,
            run: 100,
            back: 0,
            playing: false,
        }
    }
}

/// The rate learning mode opens at: the default, or less where a step of it could overshoot.
///
/// For the convolution's weights and bias the loss is a quadratic whose curvature is at most
/// the trace of its windows' Gram matrix: per filter, the sum over its windows of the squared
/// inputs, plus 1 for the bias. Below 2 / curvature every step lowers the loss; 1.9 / that
/// trace stays below it. An activation or a pooling after the convolution scales each window's
/// gradient by at most 1, so the bound holds for the block too. The rate is rounded down to
/// 1, 2 or 5 times a power of ten, to read well in its field.
pub fn opening_rate(pipeline: &Pipeline) -> f32 {
    let default = Learning::default().rate;
    let Some(conv) = pipeline.stages().first() else {
        return default;
    };
    let filters = conv.output_shape()[0];
    let mut traces = vec![0.0_f64; filters];
    for step in (0..conv.step_count()).filter_map(|index| conv.step(index).ok()) {
        let squares: f64 = step
            .taps
            .iter()
            .map(|tap| f64::from(tap.value).powi(2))
            .sum();
        if let Some(trace) = traces.get_mut(step.output.channel) {
            *trace += squares + 1.0;
        }
    }
    let largest = traces.into_iter().fold(0.0, f64::max);
    let safe = 1.9 / largest;
    if f64::from(default) <= safe {
        return default;
    }
    let power = 10_f64.powi(safe.log10().floor() as i32);
    let step = [5.0, 2.0, 1.0]
        .into_iter()
        .find(|&m| m * power <= safe)
        .unwrap_or(1.0);
    (step * power) as f32
}

/// A change to learning mode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LearnMove {
    /// Open learning mode, or close it.
    Open(bool),
    /// Choose the target, dropping the cells typed over the last one.
    Target(TargetChoice),
    /// Type a target cell: its index in the output and its value.
    Edit(usize, f32),
    /// Set the learning rate (refused unless positive, finite and at most [`MAX_RATE`]).
    Rate(f32),
    /// Go to this many training steps (at most [`MAX_TRAINED`]).
    Trained(usize),
    /// Set how many steps Play runs to.
    Run(usize),
    /// Show this backward step.
    Back(usize),
    /// Start or stop Play.
    Play(bool),
    /// One tick of Play: one more training step, stopping at the run's end.
    Tick,
}

impl LearnMove {
    /// Applies the move to learning mode (`None`: closed).
    pub fn apply(self, learning: Option<&Learning>) -> Option<Learning> {
        if let LearnMove::Open(open) = self {
            return open.then(|| learning.cloned().unwrap_or_default());
        }
        let mut next = learning?.clone();
        match self {
            LearnMove::Open(_) => {}
            LearnMove::Target(target) => {
                next.target = target;
                next.edits.clear();
            }
            LearnMove::Edit(index, value) => {
                let at = next.edits.partition_point(|&(i, _)| i < index);
                match next.edits.get_mut(at) {
                    Some(edit) if edit.0 == index => edit.1 = value,
                    _ => next.edits.insert(at, (index, value)),
                }
            }
            LearnMove::Rate(rate) if rate > 0.0 && rate <= MAX_RATE => next.rate = rate,
            LearnMove::Rate(_) => {}
            LearnMove::Trained(trained) => next.trained = trained.min(MAX_TRAINED),
            LearnMove::Run(run) => next.run = run.clamp(1, MAX_TRAINED),
            LearnMove::Back(back) => next.back = back,
            LearnMove::Play(playing) => {
                if playing && next.trained >= next.run {
                    next.trained = 0;
                }
                next.playing = playing;
            }
            LearnMove::Tick => {
                next.trained = (next.trained + 1).min(next.run.max(next.trained));
                next.playing &= next.trained < next.run;
            }
        }
        Some(next)
    }
}

/// Whether learning mode can train this example: a convolution, or a block, whose first stage
/// is the convolution that learns.
pub fn trains(settings: &Settings) -> bool {
    matches!(
        settings.operation,
        Operation::Convolution | Operation::Block
    )
}

/// The target map for `settings`' output: the chosen one with the typed cells over it (cells
/// beyond the output, typed for a larger example, are left out).
pub fn target(
    settings: &Settings,
    choice: TargetChoice,
    edits: &[(usize, f32)],
) -> Result<FeatureMap, EngineError> {
    let mut map = chosen_target(settings, choice)?;
    if let Some(cells) = map.as_slice_mut() {
        for &(index, value) in edits {
            if let Some(cell) = cells.get_mut(index) {
                *cell = value;
            }
        }
    }
    Ok(map)
}

fn chosen_target(settings: &Settings, choice: TargetChoice) -> Result<FeatureMap, EngineError> {
    let output_of = |settings: &Settings| -> Result<FeatureMap, EngineError> {
        Ok(output(&settings.build()?)?.clone())
    };
    match choice {
        TargetChoice::Preset(preset) => {
            let mut with_preset = settings.clone();
            with_preset.apply_preset(preset, None);
            output_of(&with_preset)
        }
        TargetChoice::Zeros => Ok(output_of(settings)?.mapv(|_| 0.0)),
    }
}

/// The chain's output: its last map. A chain of no stages has none, as the engine says.
fn output(pipeline: &Pipeline) -> Result<&FeatureMap, EngineError> {
    pipeline
        .map(pipeline.map_count() - 1)
        .ok_or(EngineError::StepOutOfRange { step: 0, steps: 0 })
}

/// Training from the example's kernel: each step taken, and where it stopped.
#[derive(Debug, Clone)]
pub struct Trajectory {
    /// The settings after each number of steps, from 0 (the example's own).
    pub settings: Vec<Shared<Settings>>,
    /// Training step `t + 1`, taken from `settings[t]`.
    pub steps: Vec<TrainingStep>,
    /// Why training stopped early: the kernel grew beyond what the engine accepts.
    pub stopped: Option<EngineError>,
}

impl Trajectory {
    /// Takes `length` training steps of the first stage's kernel at `rate` towards `target`.
    pub fn new(settings: &Shared<Settings>, target: &FeatureMap, rate: f32, length: usize) -> Self {
        let mut trajectory = Trajectory {
            settings: vec![settings.clone()],
            steps: Vec::with_capacity(length),
            stopped: None,
        };
        for _ in 0..length {
            let mut next = trajectory
                .settings
                .last()
                .cloned()
                .unwrap_or_else(|| settings.clone());
            let step = next
                .build()
                .and_then(|pipeline| TrainingStep::new(&pipeline, 0, target, rate));
            let step = match step {
                Ok(step) => step,
                Err(error) => {
                    trajectory.stopped = Some(error);
                    break;
                }
            };
            let settings = next.make_mut();
            for ((filter, slice, row, column), update) in step.weights.indexed_iter() {
                settings.kernel[[filter, slice, row, column]] = update.new;
            }
            for (bias, update) in settings.bias.iter_mut().zip(step.bias.iter().flatten()) {
                *bias = update.new;
            }
            trajectory.steps.push(step);
            trajectory.settings.push(next);
        }
        trajectory
    }

    /// The number of steps taken, at most `trained`, and the settings after them.
    pub fn at(&self, trained: usize) -> (usize, &Shared<Settings>) {
        let trained = trained.min(self.settings.len().saturating_sub(1));
        (trained, &self.settings[trained])
    }

    /// The loss after each number of steps, as far as it can be worked out.
    pub fn losses(&self, target: &FeatureMap) -> Vec<f32> {
        let mut losses: Vec<f32> = self.steps.iter().map(|step| step.loss).collect();
        if let Some(last) = self.settings.last()
            && let Ok(pipeline) = last.build()
            && let Ok(output) = output(&pipeline)
            && let Ok(loss) = Loss::new(output, target)
        {
            losses.push(loss.value);
        }
        losses
    }
}

/// Whether the loss has grown, or become too large to compute, since training began.
pub fn diverges(losses: &[f32], trained: usize) -> bool {
    let (Some(first), now) = (losses.first(), losses.get(trained)) else {
        return false;
    };
    now.is_none_or(|now| !now.is_finite() || now > first)
}

/// The backward pass at these settings: the stages' gradients, from the loss back.
pub fn backward(settings: &Settings, target: &FeatureMap) -> Result<PipelineBackward, EngineError> {
    PipelineBackward::new(&settings.build()?, target)
}

/// One step of the backward pass as the learner steps it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackStep {
    /// The stage, from 0.
    pub stage: usize,
    /// The gradient computed.
    pub step: GradientStep,
}

/// The stages' backward steps, last stage first; a convolution's weights, then its biases,
/// then its input.
fn stage_counts(backward: &PipelineBackward, stages: usize) -> Vec<(usize, [usize; 3])> {
    (0..stages)
        .rev()
        .filter_map(|stage| {
            let part = backward.stage(stage)?;
            let inputs = part.input_shape().iter().product();
            Some(match part {
                StageBackward::Conv(conv) => (
                    stage,
                    [conv.weight_count(), conv.conv().output_shape()[0], inputs],
                ),
                _ => (stage, [0, 0, inputs]),
            })
        })
        .collect()
}

/// How many backward steps there are.
pub fn back_steps(backward: &PipelineBackward, stages: usize) -> usize {
    stage_counts(backward, stages)
        .iter()
        .map(|(_, counts)| counts.iter().sum::<usize>())
        .sum()
}

/// The backward step shown: how many steps there are, and step `back` (the last when `back`
/// is beyond it) with its index.
pub fn shown_back(
    backward: &PipelineBackward,
    stages: usize,
    back: usize,
) -> (usize, Option<(usize, BackStep)>) {
    let count = back_steps(backward, stages);
    let index = back.min(count.saturating_sub(1));
    let step = back_step(backward, stages, index).map(|step| (index, step));
    (count, step)
}

/// The global position of stage `stage`'s last forward step: there its output is complete, as
/// the backward pass needs it.
pub fn stage_end(pipeline: &Pipeline, stage: usize) -> usize {
    let stages = pipeline.stages().iter().take(stage + 1);
    stages
        .map(|layer| layer.step_count())
        .sum::<usize>()
        .saturating_sub(1)
}

/// Backward step `index`, counted over every stage, last stage first.
pub fn back_step(backward: &PipelineBackward, stages: usize, mut index: usize) -> Option<BackStep> {
    for (stage, [weights, biases, inputs]) in stage_counts(backward, stages) {
        let part = backward.stage(stage)?;
        let step = if index < weights + biases {
            let StageBackward::Conv(conv) = part else {
                return None;
            };
            if index < weights {
                conv.weight_step(index)
            } else {
                conv.bias_step(index - weights)
            }
        } else if index < weights + biases + inputs {
            part.input_step(index - weights - biases)
        } else {
            index -= weights + biases + inputs;
            continue;
        };
        return step.ok().map(|step| BackStep { stage, step });
    }
    None
}
