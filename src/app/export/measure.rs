//! How wide a line of text will be, guessed from its characters, and where a sentence wraps: the
//! picture is laid out in Rust with no font at hand, so it errs on the wide side (the widths of
//! DejaVu Sans, the widest common system font).

/// The width in pixels of `text` at font size `size`, a little generous.
pub fn text_width(text: &str, size: u32) -> u32 {
    let hundredths: u32 = text.chars().map(em_hundredths).sum();
    (hundredths * size).div_ceil(100)
}

/// `text` in lines no wider than `width` at font size `size`: broken after spaces, and between
/// any two Chinese characters.
pub fn wrap(text: &str, size: u32, width: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, line: &mut String, lines: &mut Vec<String>| {
        if !line.is_empty() && text_width(format!("{line}{word}").trim_end(), size) > width {
            lines.push(std::mem::take(line).trim_end().to_owned());
        }
        line.push_str(word);
        word.clear();
    };
    for character in text.chars() {
        if u32::from(character) >= 0x2e80 && !word.is_empty() {
            flush(&mut word, &mut line, &mut lines);
        }
        word.push(character);
        if character == ' ' || u32::from(character) >= 0x2e80 {
            flush(&mut word, &mut line, &mut lines);
        }
    }
    flush(&mut word, &mut line, &mut lines);
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// A character's advance in hundredths of an em.
fn em_hundredths(character: char) -> u32 {
    match character {
        ' ' | '.' | ',' | ':' | ';' | '(' | ')' | '[' | ']' | '/' | '|' | '!' | '\'' | 'i'
        | 'l' | 'j' | 't' | 'f' | 'r' => 42,
        '−' | '×' | '+' | '=' | '≤' | '→' | '<' | '>' | '~' | '★' | '·' | 'm' | 'w' | 'M' | 'W' => {
            86
        }
        'A'..='Z' => 74,
        // Chinese characters and full-width punctuation are one em wide.
        c if u32::from(c) >= 0x2e80 => 100,
        _ => 66,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_narrower_than_chinese_characters() {
        assert_eq!(text_width("", 16), 0);
        assert!(text_width("12", 16) < text_width("输入", 16));
        assert_eq!(text_width("输入", 20), 40);
    }

    #[test]
    fn sentences_wrap_between_words_and_chinese_characters() {
        let lines = wrap("one two three four", 10, text_width("one two ", 10));
        assert_eq!(lines, ["one two", "three", "four"]);
        assert_eq!(wrap("输入输出", 10, 20), ["输入", "输出"]);
        assert_eq!(wrap("", 10, 100), Vec::<String>::new());
        // A word wider than the line stays whole.
        assert_eq!(wrap("convolution", 10, 5), ["convolution"]);
    }
}
