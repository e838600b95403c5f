//! Lessons: short chapters of text, each with a live figure given as a ConvStep link, read from
//! a Markdown file served beside the app (the built-in lesson is one such file).

mod parse;
mod source;

pub use parse::{FigureCheck, LessonError, LessonProblem, MAX_CHAPTERS, MAX_LESSON_BYTES, parse};
pub use source::LessonSource;

/// A lesson, as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// Its title, from the front matter.
    pub title: String,
    /// Its chapters, in order; never empty.
    pub chapters: Vec<Chapter>,
}

/// One chapter: a few sentences, the figure set up for them, and something to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// The heading.
    pub title: String,
    /// The figure: a ConvStep query string (without `?`), checked when the file is read.
    pub figure: String,
    /// The explanation, paragraph by paragraph.
    pub body: Vec<Block>,
    /// Something to try with the figure.
    pub try_this: Option<Text>,
    /// A question with choices, answered on the page.
    pub check: Option<Check>,
}

/// A "check yourself" question.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The question.
    pub question: Text,
    /// The choices, in the order written.
    pub choices: Vec<Text>,
    /// Which choice is right.
    pub answer: usize,
    /// Why, shown once the learner has chosen.
    pub because: Option<Text>,
}

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Running text.
    Paragraph(Text),
    /// A bulleted list, one text per item.
    List(Vec<Text>),
}

/// A run of text with inline marks.
pub type Text = Vec<Span>;

/// A piece of text as it is marked.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    /// Plain text.
    Plain(String),
    /// `code`, shown in a fixed-width font.
    Code(String),
    /// **strong**.
    Strong(String),
    /// *emphasis*.
    Emphasis(String),
}

/// Where a learner is in a lesson: which lesson, which chapter, and whether the chapter's
/// figure is still to be shown (a chapter's own link holds nothing of the example).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonPlace {
    /// The lesson file.
    pub source: LessonSource,
    /// The chapter, from 0.
    pub chapter: usize,
    /// Show the chapter's figure once the lesson is read.
    pub open_figure: bool,
}

/// Why a lesson could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The server answered with this status.
    Status(u16),
    /// No answer, or one that is not text.
    Unreachable,
    /// The file is not a lesson.
    File(LessonError),
}
