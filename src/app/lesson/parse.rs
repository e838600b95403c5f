//! Reads a lesson file: Markdown with a small front matter, checked line by line. A problem
//! names its line, so a teacher can find it (the format is in the README, under Lessons).

use super::{Block, Chapter, Check, Lesson, Span, Text};

/// The largest lesson file read, in bytes.
pub const MAX_LESSON_BYTES: usize = 256 * 1024;
/// The most chapters a lesson may have, and the highest `chapter` a link may name.
pub const MAX_CHAPTERS: usize = 60;

/// Why a lesson file cannot be read, and on which line (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    /// The line the problem is on.
    pub line: usize,
    /// What is wrong there.
    pub problem: LessonProblem,
}

/// What is wrong with a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonProblem {
    /// Larger than [`MAX_LESSON_BYTES`].
    TooLong,
    /// The first line is not `---`.
    NoFrontMatter,
    /// The front matter has no closing `---`.
    FrontMatterUnclosed,
    /// A front-matter line is not `key: value`, or its key is not `title`, `lang` or `author`.
    UnknownKey(String),
    /// The front matter has no `title`.
    NoTitle,
    /// Text before the first `## ` chapter heading.
    TextBeforeChapter,
    /// A heading other than `## `.
    OtherHeading,
    /// A `## ` heading with no text.
    EmptyHeading,
    /// A chapter without a `figure:` line.
    NoFigure,
    /// A second `figure:`, `try:`, `check:` or `because:` line in one chapter.
    Repeated(&'static str),
    /// A figure link with parameters ConvStep cannot use, by name.
    BadFigure(Vec<String>),
    /// A `- [ ]` or `- [x]` choice, or a `because:`, with no `check:` before it.
    OutsideCheck,
    /// A `check:` with fewer than two choices.
    TooFewChoices,
    /// A `check:` with no choice marked `[x]`, or more than one.
    NotOneAnswer,
    /// No chapters at all.
    NoChapters,
    /// More than the chapters a lesson may have.
    TooManyChapters,
}

/// What is wrong with a figure link: the names of the parameters it cannot use (none when it
/// is fine). The app passes `url::figure_problems`.
pub type FigureCheck = fn(&str) -> Vec<String>;

/// Reads a lesson file, checking each chapter's figure link with `check_figure`.
pub fn parse(text: &str, check_figure: FigureCheck) -> Result<Lesson, LessonError> {
    let fail = |line, problem| Err(LessonError { line, problem });
    if text.len() > MAX_LESSON_BYTES {
        return fail(1, LessonProblem::TooLong);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .map(str::trim_end)
        .enumerate()
        .map(|(i, l)| (i + 1, l));
    if lines.next().map(|(_, line)| line) != Some("---") {
        return fail(1, LessonProblem::NoFrontMatter);
    }
    let mut title = None;
    loop {
        let Some((number, line)) = lines.next() else {
            return fail(1, LessonProblem::FrontMatterUnclosed);
        };
        if line == "---" {
            break;
        }
        match line
            .split_once(':')
            .map(|(key, value)| (key.trim(), value.trim()))
        {
            Some(("title", value)) if !value.is_empty() => title = Some(value.to_owned()),
            Some(("lang" | "author", _)) => {}
            _ if line.trim().is_empty() => {}
            _ => {
                let key = line.split(':').next().unwrap_or_default().trim();
                return fail(
                    number,
                    LessonProblem::UnknownKey(key.chars().take(40).collect()),
                );
            }
        }
    }
    let Some(title) = title else {
        return fail(1, LessonProblem::NoTitle);
    };
    let mut reader = Reader {
        check_figure,
        chapters: Vec::new(),
        draft: None,
        run: None,
        list: Vec::new(),
    };
    for (number, line) in lines {
        reader.line(number, line)?;
    }
    let chapters = reader.finish()?;
    Ok(Lesson { title, chapters })
}

/// What a run of lines is becoming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Paragraph,
    Try,
    Question,
    Because,
}

/// A chapter being read.
#[derive(Debug)]
struct Draft {
    line: usize,
    title: String,
    figure: Option<String>,
    body: Vec<Block>,
    try_this: Option<Text>,
    check: Option<DraftCheck>,
}

/// A question being read: its line, the question, each choice with whether it is right, and why.
#[derive(Debug)]
struct DraftCheck {
    line: usize,
    question: Text,
    choices: Vec<(Text, bool)>,
    because: Option<Text>,
}

/// The reader's place: finished chapters, the chapter being read, and the open run of lines.
struct Reader {
    check_figure: FigureCheck,
    chapters: Vec<Chapter>,
    draft: Option<Draft>,
    run: Option<(Run, String)>,
    list: Vec<String>,
}

impl Reader {
    fn line(&mut self, number: usize, line: &str) -> Result<(), LessonError> {
        let fail = |problem| {
            Err(LessonError {
                line: number,
                problem,
            })
        };
        if line.trim().is_empty() {
            self.flush();
            return Ok(());
        }
        let chapter_heading = line.strip_prefix("##");
        if let Some(heading) =
            chapter_heading.filter(|rest| rest.is_empty() || rest.starts_with(' '))
        {
            self.finish_chapter()?;
            if self.chapters.len() == MAX_CHAPTERS {
                return fail(LessonProblem::TooManyChapters);
            }
            if heading.trim().is_empty() {
                return fail(LessonProblem::EmptyHeading);
            }
            self.draft = Some(Draft {
                line: number,
                title: heading.trim().to_owned(),
                figure: None,
                body: Vec::new(),
                try_this: None,
                check: None,
            });
            return Ok(());
        }
        if line.starts_with('#') {
            return fail(LessonProblem::OtherHeading);
        }
        let Some(draft) = self.draft.as_mut() else {
            return fail(LessonProblem::TextBeforeChapter);
        };
        let choice = (line.strip_prefix("- [ ] ").map(|rest| (rest, false)))
            .or_else(|| line.strip_prefix("- [x] ").map(|rest| (rest, true)))
            .or_else(|| line.strip_prefix("- [X] ").map(|rest| (rest, true)));
        if let Some(figure) = keyed(line, "figure:") {
            if draft.figure.is_some() {
                return fail(LessonProblem::Repeated("figure:"));
            }
            let figure = figure.trim_start_matches('?');
            let bad = (self.check_figure)(figure);
            if !bad.is_empty() {
                return fail(LessonProblem::BadFigure(bad));
            }
            draft.figure = Some(figure.to_owned());
            self.flush();
        } else if let Some(rest) = keyed(line, "try:") {
            if draft.try_this.is_some() {
                return fail(LessonProblem::Repeated("try:"));
            }
            self.flush();
            self.run = Some((Run::Try, rest.to_owned()));
        } else if let Some(rest) = keyed(line, "check:") {
            if draft.check.is_some() {
                return fail(LessonProblem::Repeated("check:"));
            }
            draft.check = Some(DraftCheck {
                line: number,
                question: Vec::new(),
                choices: Vec::new(),
                because: None,
            });
            self.flush();
            self.run = Some((Run::Question, rest.to_owned()));
        } else if let Some(rest) = keyed(line, "because:") {
            match &draft.check {
                None => return fail(LessonProblem::OutsideCheck),
                Some(check) if check.because.is_some() => {
                    return fail(LessonProblem::Repeated("because:"));
                }
                Some(_) => {}
            }
            self.flush();
            self.run = Some((Run::Because, rest.to_owned()));
        } else if let Some((rest, right)) = choice {
            self.flush();
            let check = self.draft.as_mut().and_then(|draft| draft.check.as_mut());
            let Some(check) = check else {
                return fail(LessonProblem::OutsideCheck);
            };
            check.choices.push((spans(rest.trim()), right));
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if self.run.is_some() {
                self.flush();
            }
            self.list.push(item.trim().to_owned());
        } else if let (Some(item), true) = (self.list.last_mut(), line.starts_with(' ')) {
            join_line(item, line.trim());
        } else if let Some((_, run)) = self.run.as_mut() {
            join_line(run, line.trim());
        } else {
            self.flush();
            self.run = Some((Run::Paragraph, line.trim().to_owned()));
        }
        Ok(())
    }

    /// Ends the open paragraph or list, putting it where it belongs in the chapter.
    fn flush(&mut self) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        if !self.list.is_empty() {
            let items = self.list.drain(..).map(|item| spans(&item)).collect();
            draft.body.push(Block::List(items));
        }
        let Some((run, text)) = self.run.take() else {
            return;
        };
        let text = spans(text.trim());
        match (run, draft.check.as_mut()) {
            (Run::Paragraph, _) => draft.body.push(Block::Paragraph(text)),
            (Run::Try, _) => draft.try_this = Some(text),
            (Run::Question, Some(check)) => check.question = text,
            (Run::Because, Some(check)) => check.because = Some(text),
            // A question or reason is only ever opened inside a check.
            (Run::Question | Run::Because, None) => {}
        }
    }

    /// Ends the chapter being read, checking that it is whole.
    fn finish_chapter(&mut self) -> Result<(), LessonError> {
        self.flush();
        let Some(draft) = self.draft.take() else {
            return Ok(());
        };
        let Some(figure) = draft.figure else {
            return Err(LessonError {
                line: draft.line,
                problem: LessonProblem::NoFigure,
            });
        };
        let check = match draft.check {
            None => None,
            Some(check) => {
                let fail = |problem| {
                    Err(LessonError {
                        line: check.line,
                        problem,
                    })
                };
                if check.choices.len() < 2 {
                    return fail(LessonProblem::TooFewChoices);
                }
                let mut right = (0..check.choices.len()).filter(|&i| check.choices[i].1);
                let (Some(answer), None) = (right.next(), right.next()) else {
                    return fail(LessonProblem::NotOneAnswer);
                };
                Some(Check {
                    question: check.question,
                    choices: check.choices.into_iter().map(|(text, _)| text).collect(),
                    answer,
                    because: check.because,
                })
            }
        };
        self.chapters.push(Chapter {
            title: draft.title,
            figure,
            body: draft.body,
            try_this: draft.try_this,
            check,
        });
        Ok(())
    }

    /// The chapters, once every line is read.
    fn finish(mut self) -> Result<Vec<Chapter>, LessonError> {
        self.finish_chapter()?;
        if self.chapters.is_empty() {
            return Err(LessonError {
                line: 1,
                problem: LessonProblem::NoChapters,
            });
        }
        Ok(self.chapters)
    }
}

/// The rest of `line` after `key` (a lower-case word and a colon), trimmed.
fn keyed<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix(key).map(str::trim)
}

/// Joins a wrapped line onto the text before it: with a space, except between Chinese
/// characters, which are written without one.
fn join_line(text: &mut String, line: &str) {
    let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2e80);
    if !(wide(text.chars().last()) || wide(line.chars().next())) {
        text.push(' ');
    }
    text.push_str(line);
}

/// Splits text into its marked spans: `code`, **strong** and *emphasis*. A mark that is not
/// closed is plain text.
fn spans(text: &str) -> Text {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(['`', '*']) {
        let (before, marked) = rest.split_at(start);
        plain.push_str(before);
        let mark = if marked.starts_with("**") {
            "**"
        } else {
            &marked[..1]
        };
        let inner = &marked[mark.len()..];
        let close = inner
            .find(mark)
            .filter(|&end| end > 0 && !inner.starts_with(' '));
        let Some(end) = close else {
            plain.push_str(mark);
            rest = inner;
            continue;
        };
        if !plain.is_empty() {
            spans.push(Span::Plain(std::mem::take(&mut plain)));
        }
        let content = inner[..end].to_owned();
        spans.push(match mark {
            "`" => Span::Code(content),
            "**" => Span::Strong(content),
            _ => Span::Emphasis(content),
        });
        rest = &inner[end + mark.len()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        spans.push(Span::Plain(plain));
    }
    spans
}
