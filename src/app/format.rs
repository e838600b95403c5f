//! How numbers are written on screen: short enough to fit a cell, exact on hover.

use crate::engine::decimal::Shortest;

/// A value as a cell shows it: whole numbers as they are, others to 2 decimals, trailing zeros
/// dropped, with a true minus sign. Written with integer arithmetic: no float formatting code.
pub fn number(value: f32) -> String {
    if !value.is_finite() || value.abs() >= 1.0e7 {
        return exact(value);
    }
    let hundredths = (f64::from(value) * 100.0).round() as i64;
    if hundredths == 0 && value != 0.0 {
        return tiny(value);
    }
    let sign = if hundredths < 0 { "−" } else { "" };
    let (whole, fraction) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// How many characters the longest of `values` takes as a cell shows it.
pub fn widest(values: impl IntoIterator<Item = f32>) -> usize {
    values
        .into_iter()
        .map(|value| number(value).chars().count())
        .max()
        .unwrap_or(1)
}

/// A value too small for 2 decimals, as `4.9e−3`.
fn tiny(value: f32) -> String {
    let exponent = f64::from(value.abs()).log10().floor() as i32;
    let tenths = (f64::from(value) / 10f64.powi(exponent) * 10.0).round() as i64;
    let sign = if tenths < 0 { "−" } else { "" };
    format!(
        "{sign}{}.{}e−{}",
        tenths.abs() / 10,
        tenths.abs() % 10,
        -exponent
    )
}

/// The exact value, for a tooltip: the shortest text that reads back as the same `f32`.
pub fn exact(value: f32) -> String {
    Shortest(value).to_string().replace('-', "−")
}

/// Tenths, for sizes such as megabytes: `3.4`.
pub fn tenths(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A value in an arithmetic term: negative values in parentheses, as written by hand.
pub fn term(value: f32) -> String {
    let text = number(value);
    if text.starts_with('−') {
        format!("({text})")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_decimals_and_signs() {
        assert_eq!(number(7.0), "7");
        assert_eq!(number(-3.0), "−3");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-0.004), "−4.0e−3");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(-1.5), "−1.5");
        assert_eq!(number(12.0 / 9.0), "1.33");
        assert_eq!(tenths(3.44), "3.4");
        assert_eq!(number(-0.004_9), "−4.9e−3");
        assert_eq!(term(-1.5), "(−1.5)");
        assert_eq!(term(2.0), "2");
        assert_eq!(exact(0.1), "0.1");
    }
}
