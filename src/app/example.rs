//! The example being shown: the engine's pipeline built from the settings, with the unchanging
//! grids of every map and kernel, built once so that a step only adds a few marks.

use super::plane::{PlaneBase, kernel_bases, layout, map_bases};
use super::settings::Settings;
use super::shared::Shared;
use crate::engine::{Cell, ConvTranspose, EngineError, FeatureMap, Layer, Pipeline, Sides};

/// An example that formed a valid pipeline: what the grids show.
#[derive(Debug, Clone)]
pub struct Example {
    /// The settings it was built from.
    pub settings: Shared<Settings>,
    /// The engine's stages, each with its full output.
    pub pipeline: Pipeline,
    /// The unchanging part of every map's grids, built once.
    pub bases: Vec<Vec<Shared<PlaneBase>>>,
    /// The unchanging part of every convolution stage's kernel grids, built once.
    pub kernels: Vec<Vec<Shared<PlaneBase>>>,
}

impl Example {
    /// Builds the example, or the engine's reason why it cannot be built.
    pub fn build(settings: &Shared<Settings>) -> Result<Self, EngineError> {
        let pipeline = settings.build()?;
        Ok(Example {
            settings: settings.clone(),
            bases: map_bases(&pipeline, !settings.scatters()),
            kernels: kernel_bases(&pipeline, !settings.scatters()),
            pipeline,
        })
    }

    /// Number of steps over every stage: in the scatter view, one per input cell.
    pub fn steps(&self) -> usize {
        match self.scattered() {
            Some(transposed) => transposed.scatter_step_count(),
            None => self.pipeline.total_steps(),
        }
    }

    /// The transposed convolution, when the learner steps it by input cell (its scatter view).
    pub fn scattered(&self) -> Option<&ConvTranspose> {
        match self.stage(0) {
            Some(Layer::ConvTranspose(transposed)) if self.settings.scatters() => Some(transposed),
            _ => None,
        }
    }

    /// The stage at index `stage`.
    pub fn stage(&self, stage: usize) -> Option<&Layer> {
        self.pipeline.stages().get(stage)
    }

    /// The feature maps in order: the input, then each stage's output.
    pub fn map_count(&self) -> usize {
        self.pipeline.map_count()
    }

    /// The short id that names map `map`'s grids and figure: "input", "output" for a single
    /// stage, or "map-k" in the block.
    pub fn map_id(&self, map: usize) -> String {
        match map {
            0 => "input".to_owned(),
            _ if self.map_count() == 2 => "output".to_owned(),
            map => format!("map-{map}"),
        }
    }

    /// Feature map `map`: 0 is the input, `k` the output of stage `k - 1`.
    pub fn map(&self, map: usize) -> Option<&FeatureMap> {
        self.pipeline.map(map)
    }

    /// The resolved padding of the first stage, if it slides a window.
    pub fn first_sides(&self) -> Option<Sides> {
        self.stage(0).and_then(layout).map(|layout| layout.sides())
    }
}

/// A cell of one of the feature maps (0 is the input, `k` the output of stage `k - 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MapCell {
    /// Which map.
    pub map: usize,
    /// The cell in it.
    pub cell: Cell,
}
