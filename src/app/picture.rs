//! Turning a decoded picture into input values: greyscale or RGB, scaled to 0–1 as
//! `torchvision.transforms.ToTensor` does, rounded to 2 decimals so every cell stays readable.

use ndarray::Array3;

/// The built-in sample pictures: identifier and file under `samples/`.
pub const SAMPLES: [(&str, &str); 3] = [
    ("house", "samples/house.png"),
    ("digit", "samples/digit.png"),
    ("shapes", "samples/shapes.png"),
];

/// Largest picture file accepted, in bytes.
pub const MAX_FILE_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// Why a picture could not be used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PictureProblem {
    /// The file is not a picture the browser can decode.
    NotAPicture,
    /// The file is larger than [`MAX_FILE_BYTES`]; the size in MB.
    TooLarge(f64),
}

/// Sizes a picture can be scaled to for the step view (square).
pub const SIZES: [usize; 5] = [8, 16, 24, 32, 64];

/// The side of a picture at full size, where its feature maps are computed in one go: the size
/// VGG16 and most ImageNet networks see. Smaller pictures keep their own size.
pub const FULL_SIDE: usize = 224;

/// A picture the learner chose: at the size the step view shows, and at full size.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenPicture {
    /// Scaled to the step view's size: the input of the grids.
    pub step: Picture,
    /// At full size, as a feature map: the input of the whole picture's feature maps.
    pub full: Array3<f32>,
}

impl ChosenPicture {
    /// Whether `input` still holds exactly this picture's step-size values, so its full size
    /// stands for the example shown: not once the learner edits a value or loads other values.
    pub fn is_input(&self, input: &Array3<f32>) -> bool {
        input.dim() == (self.step.channels, self.step.rows, self.step.columns)
            && input.iter().eq(self.step.values.iter())
    }
}

/// A picture as input values.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// 1 (grey) or 3 (RGB).
    pub channels: usize,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub columns: usize,
    /// Channel-major, then row-major values in 0–1.
    pub values: Vec<f32>,
}

impl Picture {
    /// The values as a feature map: channels × rows × columns.
    pub fn to_map(&self) -> Option<Array3<f32>> {
        Array3::from_shape_vec(
            (self.channels, self.rows, self.columns),
            self.values.clone(),
        )
        .ok()
    }

    /// Converts RGBA bytes (row-major, 4 per pixel) into 1 or 3 channels of values in 0–1.
    ///
    /// Grey uses the ITU-R BT.601 luma weights, as PIL's `convert("L")` does.
    /// Returns `None` if the bytes do not hold `rows × columns` pixels.
    pub fn from_rgba(rgba: &[u8], rows: usize, columns: usize, colour: bool) -> Option<Self> {
        let pixels = rows.checked_mul(columns)?;
        if rgba.len() != pixels.checked_mul(4)? || pixels == 0 {
            return None;
        }
        let round = |value: f32| (value / 255.0 * 100.0).round() / 100.0;
        let channels = if colour { 3 } else { 1 };
        let mut values = Vec::with_capacity(channels * pixels);
        if colour {
            for channel in 0..3 {
                values.extend(rgba.chunks_exact(4).map(|px| round(px[channel] as f32)));
            }
        } else {
            values.extend(rgba.chunks_exact(4).map(|px| {
                round(0.299 * px[0] as f32 + 0.587 * px[1] as f32 + 0.114 * px[2] as f32)
            }));
        }
        Some(Picture {
            channels,
            rows,
            columns,
            values,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grey_and_colour_channels() {
        // Two pixels: pure red, then white.
        let rgba = [255, 0, 0, 255, 255, 255, 255, 255];
        let grey = Picture::from_rgba(&rgba, 1, 2, false).unwrap();
        assert_eq!(grey.values, vec![0.3, 1.0]);
        let colour = Picture::from_rgba(&rgba, 1, 2, true).unwrap();
        assert_eq!(colour.channels, 3);
        assert_eq!(colour.values, vec![1.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
        assert_eq!(Picture::from_rgba(&rgba, 2, 2, true), None);
    }
}
