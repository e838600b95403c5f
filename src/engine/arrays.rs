//! The engine's two kinds of array, feature maps (CHW) and convolution weights (OIHW), and
//! their sizes as plain arrays of numbers.

/// A feature map: channels × rows × columns (CHW), as PyTorch and ONNX lay out one image.
pub type FeatureMap = ndarray::Array3<f32>;
/// Convolution weights: filters × input channels × kernel rows × kernel columns (OIHW).
pub type Weights = ndarray::Array4<f32>;

/// `[channels, rows, columns]` of a feature map.
pub fn map_shape(map: &FeatureMap) -> [usize; 3] {
    let (channels, rows, columns) = map.dim();
    [channels, rows, columns]
}

/// `[filters, channels, k_h, k_w]` of convolution weights.
pub fn weights_shape(weights: &Weights) -> [usize; 4] {
    let (filters, channels, k_h, k_w) = weights.dim();
    [filters, channels, k_h, k_w]
}
