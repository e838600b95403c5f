//! Colours for feature maps drawn as pictures: diverging for signed values, sequential for
//! values that cannot be negative (after ReLU, sigmoid, an image).

/// How values map to colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColorScale {
    /// Blue for negative, white for 0, red for positive; symmetric around 0 up to `limit`.
    Diverging {
        /// The largest magnitude, drawn at full colour.
        limit: f32,
    },
    /// Dark to bright from `min` to `max`.
    Sequential {
        /// Drawn darkest.
        min: f32,
        /// Drawn brightest.
        max: f32,
    },
}

impl ColorScale {
    /// Diverging when any value is negative, sequential otherwise.
    pub fn for_values(values: impl IntoIterator<Item = f32>) -> Self {
        let (min, max) = values
            .into_iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        if !min.is_finite() {
            return ColorScale::Sequential { min: 0.0, max: 1.0 };
        }
        if min < 0.0 {
            ColorScale::Diverging {
                limit: min.abs().max(max.abs()),
            }
        } else {
            ColorScale::Sequential { min, max }
        }
    }

    /// The ends of the legend: `(low, high)`.
    pub fn range(self) -> (f32, f32) {
        match self {
            ColorScale::Diverging { limit } => (-limit, limit),
            ColorScale::Sequential { min, max } => (min, max),
        }
    }

    /// The colour of `value` as RGB.
    pub fn rgb(self, value: f32) -> [u8; 3] {
        match self {
            ColorScale::Diverging { limit } => {
                let t = if limit > 0.0 {
                    (value / limit).clamp(-1.0, 1.0)
                } else {
                    0.0
                };
                let (end, t) = if t < 0.0 {
                    ([33.0, 102.0, 172.0], -t)
                } else {
                    ([178.0, 24.0, 43.0], t)
                };
                blend([247.0, 247.0, 247.0], end, t)
            }
            ColorScale::Sequential { min, max } => {
                let t = if max > min {
                    ((value - min) / (max - min)).clamp(0.0, 1.0)
                } else {
                    0.5
                };
                // A viridis-like ramp: dark violet, teal, yellow.
                let stops = [
                    [68.0, 1.0, 84.0],
                    [33.0, 145.0, 140.0],
                    [253.0, 231.0, 37.0],
                ];
                if t < 0.5 {
                    blend(stops[0], stops[1], t * 2.0)
                } else {
                    blend(stops[1], stops[2], (t - 0.5) * 2.0)
                }
            }
        }
    }

    /// The colours of 256 evenly spaced values from low to high: drawing a large map looks each
    /// value up here instead of blending its colour.
    pub fn palette(self) -> Vec<[u8; 3]> {
        let (low, high) = self.range();
        (0..PALETTE)
            .map(|i| self.rgb(low + (high - low) * i as f32 / (PALETTE - 1) as f32))
            .collect()
    }

    /// The palette entry nearest to `value`.
    pub fn palette_index(self, value: f32) -> usize {
        let (low, high) = self.range();
        let position = (value - low) / (high - low) * (PALETTE - 1) as f32 + 0.5;
        // `as` saturates, and NaN (an empty range) becomes 0.
        (position as usize).min(PALETTE - 1)
    }

    /// A CSS gradient for the legend, low to high.
    pub fn css_gradient(self) -> String {
        let (low, high) = self.range();
        let stops: Vec<String> = (0..=4)
            .map(|i| {
                let [r, g, b] = self.rgb(low + (high - low) * i as f32 / 4.0);
                format!("rgb({r},{g},{b})")
            })
            .collect();
        format!("linear-gradient(to right, {})", stops.join(", "))
    }
}

/// Entries in a [`ColorScale::palette`].
const PALETTE: usize = 256;

fn blend(from: [f32; 3], to: [f32; 3], t: f32) -> [u8; 3] {
    let mix = |i: usize| (from[i] + (to[i] - from[i]) * t).round().clamp(0.0, 255.0) as u8;
    [mix(0), mix(1), mix(2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_matches_the_exact_colours_to_within_one_step() {
        for scale in [
            ColorScale::for_values([-3.0, 5.0]),
            ColorScale::for_values([0.25, 0.75]),
        ] {
            let palette = scale.palette();
            let (low, high) = scale.range();
            assert_eq!(scale.palette_index(low), 0);
            assert_eq!(scale.palette_index(high), 255);
            assert_eq!(scale.palette_index(high * 10.0), 255, "clamped above");
            assert_eq!(scale.palette_index(low - 100.0), 0, "clamped below");
            for i in 0..=100 {
                let value = low + (high - low) * i as f32 / 100.0;
                let looked_up = palette[scale.palette_index(value)];
                let exact = scale.rgb(value);
                for (a, b) in looked_up.iter().zip(exact) {
                    assert!(
                        a.abs_diff(b) <= 2,
                        "{value}: {looked_up:?} against {exact:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn signed_values_diverge_around_white() {
        let scale = ColorScale::for_values([-2.0, 1.0]);
        assert_eq!(scale, ColorScale::Diverging { limit: 2.0 });
        assert_eq!(scale.rgb(0.0), [247, 247, 247]);
        assert_eq!(scale.rgb(-2.0), [33, 102, 172]);
        assert_eq!(scale.rgb(2.0), [178, 24, 43]);
    }

    #[test]
    fn non_negative_values_are_sequential() {
        let scale = ColorScale::for_values([0.0, 3.0, 6.0]);
        assert_eq!(scale, ColorScale::Sequential { min: 0.0, max: 6.0 });
        assert_eq!(scale.rgb(0.0), [68, 1, 84]);
        assert_eq!(scale.rgb(6.0), [253, 231, 37]);
        assert_eq!(ColorScale::for_values([5.0, 5.0]).rgb(5.0), [33, 145, 140]);
    }
}
