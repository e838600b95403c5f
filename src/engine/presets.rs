//! Named 3×3 kernels from image processing, to show what a convolution can detect.

use ndarray::{Array2, arr2};

/// A classic 3×3 kernel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KernelPreset {
    /// Copies the centre cell: the output equals the input.
    Identity,
    /// The mean of the 3×3 neighbourhood.
    BoxBlur,
    /// A weighted mean, heavier at the centre: `[1 2 1; 2 4 2; 1 2 1] / 16`.
    GaussianBlur,
    /// Boosts the centre against its neighbours.
    Sharpen,
    /// The Laplacian: responds where brightness changes in any direction.
    Edge,
    /// Responds to left–right changes (vertical edges).
    SobelX,
    /// Responds to top–bottom changes (horizontal edges).
    SobelY,
    /// A diagonal relief effect.
    Emboss,
    /// Responds to any outline, including diagonals.
    Outline,
}

impl KernelPreset {
    /// Every preset, in menu order.
    pub const ALL: [KernelPreset; 9] = [
        KernelPreset::Identity,
        KernelPreset::BoxBlur,
        KernelPreset::GaussianBlur,
        KernelPreset::Sharpen,
        KernelPreset::Edge,
        KernelPreset::SobelX,
        KernelPreset::SobelY,
        KernelPreset::Emboss,
        KernelPreset::Outline,
    ];

    /// A stable identifier, used in links.
    pub fn id(self) -> &'static str {
        match self {
            KernelPreset::Identity => "identity",
            KernelPreset::BoxBlur => "box-blur",
            KernelPreset::GaussianBlur => "gaussian-blur",
            KernelPreset::Sharpen => "sharpen",
            KernelPreset::Edge => "edge",
            KernelPreset::SobelX => "sobel-x",
            KernelPreset::SobelY => "sobel-y",
            KernelPreset::Emboss => "emboss",
            KernelPreset::Outline => "outline",
        }
    }

    /// The preset with identifier `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|preset| preset.id() == id)
    }

    /// The 3×3 weights.
    pub fn weights(self) -> Array2<f32> {
        match self {
            KernelPreset::Identity => arr2(&[[0., 0., 0.], [0., 1., 0.], [0., 0., 0.]]),
            KernelPreset::BoxBlur => Array2::from_elem((3, 3), 1.0 / 9.0),
            KernelPreset::GaussianBlur => {
                arr2(&[[1., 2., 1.], [2., 4., 2.], [1., 2., 1.]]).mapv(|w| w / 16.0)
            }
            KernelPreset::Sharpen => arr2(&[[0., -1., 0.], [-1., 5., -1.], [0., -1., 0.]]),
            KernelPreset::Edge => arr2(&[[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]]),
            KernelPreset::SobelX => arr2(&[[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]),
            KernelPreset::SobelY => arr2(&[[-1., -2., -1.], [0., 0., 0.], [1., 2., 1.]]),
            KernelPreset::Emboss => arr2(&[[-2., -1., 0.], [-1., 1., 1.], [0., 1., 2.]]),
            KernelPreset::Outline => arr2(&[[-1., -1., -1.], [-1., 8., -1.], [-1., -1., -1.]]),
        }
    }
}
