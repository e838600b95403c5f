//! The engine: exact convolution (ordinary, grouped and transposed), activation and pooling on CHW feature maps, and their
//! backward pass, steppable one window at a time. Pure Rust and ndarray; nothing here knows about the browser.

pub mod activation;
pub mod arrays;
pub mod backward;
pub mod conv;
pub mod conv_transpose;
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
pub mod stepper;

pub use activation::{Activation, ActivationLayer};
pub use arrays::{FeatureMap, Weights};
pub use conv::{Conv, ConvSpec};
pub use conv_transpose::{ConvTranspose, ConvTransposeSpec, Landing, ScatterStep, ScatterWriter};
pub use error::{Axis, EngineError, Result};
pub use geometry::{
    AxisCell, ConvCounts, GatherAxis, GroupLayout, OutputSizeFormula, Padding, PaddingMode,
    Rounding, Sides, Source, TransposedAxis, TransposedAxisSpec, TransposedLayout,
    TransposedPadding, TransposedSizeFormula, WindowLayout, WindowSpec,
};
pub use layer::Layer;
pub use pipeline::{Pipeline, StageSpec};
pub use pool::{Pool, PoolKind};
pub use stepper::{Arithmetic, Cell, Reader, Step, Stepper, Tap};
