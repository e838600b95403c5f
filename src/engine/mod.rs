//! The engine: exact convolution, activation and pooling on CHW feature maps, steppable one
//! window at a time. Pure Rust and ndarray; nothing here knows about the browser.

pub mod activation;
pub mod conv;
pub mod decimal;
pub mod error;
pub mod fill;
pub mod geometry;
pub mod layer;
pub mod limits;
pub mod pipeline;
pub mod pool;
pub mod presets;
pub mod reference;
pub mod trace;

/// A feature map: channels × rows × columns (CHW), as PyTorch and ONNX lay out one image.
pub type FeatureMap = ndarray::Array3<f32>;
/// Convolution weights: filters × input channels × kernel rows × kernel columns (OIHW).
pub type Weights = ndarray::Array4<f32>;

pub use activation::{Activation, ActivationLayer};
pub use conv::{Conv, ConvSpec};
pub use error::{Axis, EngineError, Result};
pub use geometry::{OutputSizeFormula, Padding, Rounding, Sides, WindowLayout, WindowSpec};
pub use layer::Layer;
pub use pipeline::{Pipeline, StageSpec};
pub use pool::{Pool, PoolKind};
pub use trace::{Arithmetic, Cell, Reader, Source, Step, Stepper, Tap};
