//! Where a lesson comes from: the built-in lesson, or a teacher's file on the same host.

use crate::app::i18n::Lang;

/// The `lesson` link value that opens the built-in lesson.
pub const BUILT_IN: &str = "tutorial";

/// The longest path a link may name.
const MAX_PATH_CHARS: usize = 200;

/// A lesson file to load.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LessonSource {
    /// The lesson that follows the tutorial, in the learner's language.
    BuiltIn,
    /// A teacher's Markdown file, as a path on the app's own host.
    File(String),
}

impl LessonSource {
    /// Reads a `lesson` link value. A path must stay on the app's host: letters, digits and
    /// `._~/-` only (so no scheme, host, query or escape), not starting with `//`, ending in `.md`.
    pub fn from_param(text: &str) -> Option<Self> {
        if text == BUILT_IN {
            return Some(LessonSource::BuiltIn);
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || "._~/-".contains(c);
        let same_host = text.chars().count() <= MAX_PATH_CHARS
            && text.chars().all(allowed)
            && !text.starts_with("//")
            && text.ends_with(".md");
        same_host.then(|| LessonSource::File(text.to_owned()))
    }

    /// The `lesson` link value.
    pub fn param(&self) -> &str {
        match self {
            LessonSource::BuiltIn => BUILT_IN,
            LessonSource::File(path) => path,
        }
    }

    /// The file to fetch, relative to the page, for a learner reading `lang`.
    pub fn path(&self, lang: Lang) -> String {
        match self {
            LessonSource::BuiltIn => {
                let suffix = match lang {
                    Lang::En => "en",
                    Lang::Zh => "zh",
                };
                format!("lessons/{BUILT_IN}.{suffix}.md")
            }
            LessonSource::File(path) => path.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_the_same_host_are_read() {
        assert_eq!(
            LessonSource::from_param("tutorial"),
            Some(LessonSource::BuiltIn)
        );
        for path in [
            "week3.md",
            "lessons/padding-1.md",
            "/course/notes/strides.md",
            "../x.md",
        ] {
            assert_eq!(
                LessonSource::from_param(path),
                Some(LessonSource::File(path.into()))
            );
        }
        for refused in [
            "https://example.org/a.md",
            "//example.org/a.md",
            "data:text/plain,a.md",
            "javascript:alert(1)//.md",
            "a.md?x=1",
            "a%2F.md",
            "notes.txt",
            "lessons\\a.md",
            "",
        ] {
            assert_eq!(LessonSource::from_param(refused), None, "{refused}");
        }
        assert_eq!(
            LessonSource::from_param(&format!("{}.md", "a".repeat(200))),
            None
        );
    }

    #[test]
    fn the_built_in_lesson_is_read_in_the_learners_language() {
        assert_eq!(
            LessonSource::BuiltIn.path(Lang::En),
            "lessons/tutorial.en.md"
        );
        assert_eq!(
            LessonSource::BuiltIn.path(Lang::Zh),
            "lessons/tutorial.zh.md"
        );
        let file = LessonSource::File("week3.md".into());
        assert_eq!(file.path(Lang::Zh), "week3.md");
        assert_eq!(file.param(), "week3.md");
    }
}
