//! Colours for feature maps drawn as pictures: diverging for signed values, sequential for
//! values that cannot be negative (after ReLU, sigmoid), and grey for the input, as a picture
//! is seen.

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
    /// Black at `min` to white at `max`.
    Grey {
        /// Drawn black.
        min: f32,
        /// Drawn white.
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

    /// The input's scale: grey from 0 (or lower) to 1 (or higher), so a picture's values, 0 to
    /// 1, are drawn as the picture was; diverging when any value is negative.
    pub fn for_input(values: impl IntoIterator<Item = f32>) -> Self {
        match Self::for_values(values) {
            ColorScale::Sequential { min, max } | ColorScale::Grey { min, max } => {
                ColorScale::Grey {
                    min: min.min(0.0),
                    max: max.max(1.0),
                }
            }
            diverging => diverging,
        }
    }

    /// The ends of the legend: `(low, high)`.
    pub fn range(self) -> (f32, f32) {
        match self {
            ColorScale::Diverging { limit } => (-limit, limit),
            ColorScale::Sequential { min, max } | ColorScale::Grey { min, max } => (min, max),
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
            ColorScale::Grey { min, max } => {
                let t = along(value, min, max);
                blend([0.0; 3], [255.0; 3], t)
            }
            ColorScale::Sequential { min, max } => {
                let t = along(value, min, max);
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

/// How far `value` lies from `min` to `max`, 0 to 1; the middle when they are equal.
fn along(value: f32, min: f32, max: f32) -> f32 {
    if max > min {
        ((value - min) / (max - min)).clamp(0.0, 1.0)
    } else {
        0.5
    }
}

fn blend(from: [f32; 3], to: [f32; 3], t: f32) -> [u8; 3] {
    let mix = |i: usize| (from[i] + (to[i] - from[i]) * t).round().clamp(0.0, 255.0) as u8;
    [mix(0), mix(1), mix(2)]
}

// Properties of the map rather than its constants: its ends, its lightness along the way, and
// the legend drawn beside it. Native only, where proptest runs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// CIE L* (0 black to 100 white) of an sRGB colour: the lightness a reader sees.
    fn lightness([r, g, b]: [u8; 3]) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        if y > 216.0 / 24389.0 {
            116.0 * y.cbrt() - 16.0
        } else {
            y * 24389.0 / 27.0
        }
    }

    /// Rounding each channel to a whole level can darken a blend by a fraction of a unit of
    /// L*; far less than anyone can see (about 2).
    const ROUNDING: f64 = 0.5;

    /// `steps + 1` evenly spaced values from `low` to `high`.
    fn sweep(low: f32, high: f32, steps: usize) -> impl Iterator<Item = f32> {
        (0..=steps).map(move |i| low + (high - low) * i as f32 / steps as f32)
    }

    fn signed_values() -> impl Strategy<Value = Vec<f32>> {
        prop::collection::vec(-1.0e3f32..1.0e3, 1..12)
    }

    proptest! {
        #[test]
        fn the_ends_of_the_range_get_the_ends_of_the_map(values in signed_values(), beyond in 0.0f32..1.0e3) {
            let scale = ColorScale::for_values(values.iter().copied());
            let (low, high) = scale.range();
            let palette = scale.palette();
            prop_assert_eq!(palette[0], scale.rgb(low));
            prop_assert_eq!(palette[PALETTE - 1], scale.rgb(high));
            prop_assert_eq!(scale.rgb(low - beyond), scale.rgb(low), "clamped below");
            prop_assert_eq!(scale.rgb(high + beyond), scale.rgb(high), "clamped above");
            if high > low {
                prop_assert_eq!(scale.palette_index(low), 0);
                prop_assert_eq!(scale.palette_index(high), PALETTE - 1);
                prop_assert_eq!(scale.palette_index(low - beyond), 0);
                prop_assert_eq!(scale.palette_index(high + beyond), PALETTE - 1);
            }
            match scale {
                ColorScale::Diverging { .. } => {
                    // Negative is blue, positive red, zero the lightest colour of the map.
                    let [r, _, b] = scale.rgb(low);
                    prop_assert!(b > r, "the negative end is blue");
                    let [r, _, b] = scale.rgb(high);
                    prop_assert!(r > b, "the positive end is red");
                    let zero = lightness(scale.rgb(0.0));
                    prop_assert!(sweep(low, high, 64).all(|v| lightness(scale.rgb(v)) <= zero));
                }
                ColorScale::Sequential { .. } | ColorScale::Grey { .. } if high > low => {
                    prop_assert!(lightness(scale.rgb(high)) - lightness(scale.rgb(low)) > 50.0, "a ramp from dark to bright");
                }
                ColorScale::Sequential { .. } | ColorScale::Grey { .. } => {}
            }
        }

        #[test]
        fn the_input_is_grey_from_black_at_0_to_white_at_1(values in prop::collection::vec(0.0f32..1.0, 1..12)) {
            let scale = ColorScale::for_input(values.iter().copied());
            prop_assert_eq!(scale, ColorScale::Grey { min: 0.0, max: 1.0 });
            prop_assert_eq!(scale.rgb(0.0), [0, 0, 0]);
            prop_assert_eq!(scale.rgb(1.0), [255, 255, 255]);
            for value in values {
                let [r, g, b] = scale.rgb(value);
                prop_assert!(r == g && g == b, "{value} is a grey");
                // 0.5 is mid grey: the level is the value, as a picture's pixel was.
                prop_assert!((f32::from(r) - value * 255.0).abs() <= 0.5);
            }
        }

        #[test]
        fn lightness_is_monotone_along_the_map(values in signed_values()) {
            let scale = ColorScale::for_values(values.iter().copied());
            let (low, high) = scale.range();
            // Sequential: brighter towards the top. Diverging: lighter towards zero from both ends.
            let towards_light: Vec<(f32, f32)> = match scale {
                ColorScale::Sequential { .. } | ColorScale::Grey { .. } => vec![(low, high)],
                ColorScale::Diverging { .. } => vec![(low, 0.0), (high, 0.0)],
            };
            for (from, to) in towards_light {
                let lightnesses: Vec<f64> = sweep(from, to, 512).map(|v| lightness(scale.rgb(v))).collect();
                for pair in lightnesses.windows(2) {
                    prop_assert!(pair[1] >= pair[0] - ROUNDING, "{from} -> {to}: {pair:?}");
                }
            }
        }

        #[test]
        fn the_legend_matches_the_map(values in signed_values()) {
            let scale = ColorScale::for_values(values.iter().copied());
            let (low, high) = scale.range();
            // The legend's range holds every value, so none is drawn clamped.
            prop_assert!(values.iter().all(|&v| low <= v && v <= high));
            // Its gradient is the map's colours at evenly spaced values, low to high.
            let gradient = scale.css_gradient();
            let stops: Vec<[u8; 3]> = gradient
                .split("rgb(")
                .skip(1)
                .map(|stop| {
                    let numbers = stop.split(')').next().unwrap_or_default();
                    let channels: Vec<u8> = numbers.split(',').filter_map(|c| c.trim().parse().ok()).collect();
                    [channels[0], channels[1], channels[2]]
                })
                .collect();
            prop_assert!(gradient.starts_with("linear-gradient(to right, "));
            let expected: Vec<[u8; 3]> = sweep(low, high, stops.len() - 1).map(|v| scale.rgb(v)).collect();
            prop_assert!(stops.len() >= 2);
            prop_assert_eq!(stops, expected);
            // A large map's palette look-up draws each value within two levels of its exact colour.
            let palette = scale.palette();
            for value in sweep(low, high, 100) {
                let looked_up = palette[scale.palette_index(value)];
                let exact = scale.rgb(value);
                prop_assert!(looked_up.iter().zip(exact).all(|(a, b)| a.abs_diff(b) <= 2), "{value}: {looked_up:?} against {exact:?}");
            }
        }

        #[test]
        fn one_repeated_value_is_drawn_in_the_middle_of_the_ramp(value in 0.0f32..1.0e3) {
            let scale = ColorScale::for_values([value, value]);
            let unit = ColorScale::Sequential { min: 0.0, max: 1.0 };
            prop_assert_eq!(scale.rgb(value), unit.rgb(0.5));
        }
    }

    #[test]
    fn the_scale_is_diverging_exactly_when_a_value_is_negative() {
        assert_eq!(
            ColorScale::for_values([-2.0, 1.0]),
            ColorScale::Diverging { limit: 2.0 }
        );
        assert_eq!(
            ColorScale::for_values([0.0, 3.0, 6.0]),
            ColorScale::Sequential { min: 0.0, max: 6.0 }
        );
        assert_eq!(
            ColorScale::for_values(std::iter::empty()),
            ColorScale::Sequential { min: 0.0, max: 1.0 },
            "no values: an empty legend from 0 to 1"
        );
        // The input: grey from 0 whatever its values, diverging once one is negative.
        assert_eq!(
            ColorScale::for_input([2.0, 9.0]),
            ColorScale::Grey { min: 0.0, max: 9.0 }
        );
        assert_eq!(
            ColorScale::for_input([-1.0, 0.5]),
            ColorScale::Diverging { limit: 1.0 }
        );
    }
}
