//! How numbers are written on screen: short enough to fit a cell, exact on hover.

/// A value as a cell shows it: whole numbers as they are, others to 2 decimals, trailing zeros
/// dropped, with a true minus sign.
pub fn number(value: f32) -> String {
    let text = if value == value.trunc() && value.abs() < 1.0e7 {
        format!("{}", value as i64)
    } else if value.abs() >= 0.005 || value == 0.0 {
        let fixed = format!("{value:.2}");
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        format!("{value:.1e}")
    };
    let text = if text == "-0" { "0".to_owned() } else { text };
    text.replace('-', "−")
}

/// The exact value, for a tooltip: the shortest text that reads back as the same `f32`.
pub fn exact(value: f32) -> String {
    format!("{value}").replace('-', "−")
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
        assert_eq!(number(-0.004_9), "−4.9e−3");
        assert_eq!(term(-1.5), "(−1.5)");
        assert_eq!(term(2.0), "2");
        assert_eq!(exact(0.1), "0.1");
    }
}
