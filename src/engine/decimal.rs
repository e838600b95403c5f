//! Writing an `f32` as the shortest decimal that reads back as the same value (`0.1`, `-2.5`,
//! `1e30`). Uses `ryu`, which is far smaller than core's float formatting in WebAssembly.

use std::fmt;

/// Displays an `f32` as its shortest round-trip decimal; whole numbers without `.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortest(pub f32);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() {
            return f.write_str(if value.is_nan() {
                "NaN"
            } else if value > 0.0 {
                "inf"
            } else {
                "-inf"
            });
        }
        let mut buffer = ryu::Buffer::new();
        let text = buffer.format_finite(value);
        f.write_str(text.strip_suffix(".0").unwrap_or(text))
    }
}

#[cfg(test)]
mod tests {
    use super::Shortest;

    #[test]
    fn shortest_round_trip_text() {
        for (value, text) in [
            (0.1f32, "0.1"),
            (-2.5, "-2.5"),
            (7.0, "7"),
            (0.0, "0"),
            (1.0e30, "1e30"),
            (1.0e6, "1000000"),
        ] {
            assert_eq!(Shortest(value).to_string(), text);
            if value.abs() < 1.0e7 {
                assert_eq!(text.parse::<f32>().unwrap(), value);
            }
        }
    }
}
