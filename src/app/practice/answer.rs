//! Reading a typed answer: "7", "7.0" and "7,0" are all seven, "3x4" and "3×4" a size.

use super::Answer;

/// Why a typed answer could not be read; the text stays in its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    /// Nothing was typed.
    Empty,
    /// Not a number: "seven".
    NotANumber,
    /// Not rows × columns: "3 by 4".
    NotASize,
}

/// Reads a typed value: a decimal comma is a point, and a typographic minus is a minus.
pub fn number(text: &str) -> Result<Answer, AnswerError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    let normal: String = text
        .chars()
        .map(|c| match c {
            ',' | '，' => '.',
            '−' | '–' => '-',
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let plain = normal
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    match normal.parse::<f32>() {
        Ok(value) if plain && value.is_finite() => Ok(Answer::Number(value)),
        _ => Err(AnswerError::NotANumber),
    }
}

/// Reads rows × columns: `3x4`, `3×4`, `3 X 4`, `3*4`, or one number for a square.
pub fn size(text: &str) -> Result<Answer, AnswerError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    let side = |part: &str| part.trim().parse::<usize>().ok();
    let parts: Vec<&str> = text.split(['x', 'X', '×', '*', '✕']).collect();
    match parts.as_slice() {
        [square] => side(square).map(|n| [n, n]),
        [rows, columns] => side(rows).zip(side(columns)).map(|(r, c)| [r, c]),
        _ => None,
    }
    .map(Answer::Size)
    .ok_or(AnswerError::NotASize)
}
