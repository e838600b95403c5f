//! The lesson file format: the built-in lesson in both languages, a teacher's file, and the
#![cfg(not(target_arch = "wasm32"))]
//! problems a malformed file is refused for, each on its line.

use convstep::app::lesson::{Block, LessonProblem, MAX_LESSON_BYTES, Span, parse};
use convstep::app::url::figure_problems;

const EN: &str = include_str!("../static/lessons/tutorial.en.md");

fn lines(body: &str) -> String {
    format!("---\ntitle: Strides\n---\n{body}")
}

fn problem(text: &str) -> (usize, LessonProblem) {
    let error = parse(text, figure_problems).expect_err("the file should be refused");
    (error.line, error.problem)
}

#[test]
fn the_built_in_lesson_follows_the_tutorial_in_twelve_chapters() {
    let lesson = parse(EN, figure_problems).expect("the built-in lesson reads");
    assert_eq!(lesson.chapters.len(), 12);
    assert!(
        lesson
            .chapters
            .iter()
            .all(|chapter| chapter.try_this.is_some())
    );
    // The last two chapters ask the learner to check the tutorial's own code.
    for chapter in &lesson.chapters[10..] {
        assert!(
            chapter.title.starts_with("Check yourself"),
            "{}",
            chapter.title
        );
        assert!(chapter.check.is_some());
    }
}

#[test]
fn both_languages_show_the_same_figures_and_ask_the_same_questions() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/lessons/tutorial.zh.md");
    let Ok(zh) = std::fs::read_to_string(path) else {
        panic!("the Chinese lesson is missing: {path}");
    };
    let en = parse(EN, figure_problems).expect("English reads");
    let zh = parse(&zh, figure_problems).expect("Chinese reads");
    assert_eq!(en.chapters.len(), zh.chapters.len());
    for (en, zh) in en.chapters.iter().zip(&zh.chapters) {
        assert_eq!(en.figure, zh.figure, "chapter {}", en.title);
        let shape = |c: &convstep::app::lesson::Chapter| {
            c.check
                .as_ref()
                .map(|check| (check.choices.len(), check.answer))
        };
        assert_eq!(shape(en), shape(zh), "chapter {}", en.title);
        assert_eq!(en.try_this.is_some(), zh.try_this.is_some());
    }
}

#[test]
fn a_teachers_file_reads_paragraphs_lists_marks_and_a_question() {
    let text = lines(
        "## Stride two\nfigure: ?in=5x5&k=3&s=2&step=2\n\nThe window **jumps** two cells,\nso `out` is *smaller*.\n\n\
         - one\n- two,\n  continued\n\ntry: Make it 3.\ncheck: How big is the output?\n- [ ] 3×3\n- [x] 2×2\n\
         because: ⌊(5 − 3) / 2⌋ + 1 = 2.\n\n## 第二章\nfigure: in=4\n\n卷积核在输入上\n滑动。\n",
    );
    let lesson = parse(&text, figure_problems).expect("reads");
    assert_eq!(lesson.title, "Strides");
    let [first, second] = &lesson.chapters[..] else {
        panic!("two chapters");
    };
    assert_eq!(first.figure, "in=5x5&k=3&s=2&step=2");
    assert_eq!(
        first.body[0],
        Block::Paragraph(vec![
            Span::Plain("The window ".into()),
            Span::Strong("jumps".into()),
            Span::Plain(" two cells, so ".into()),
            Span::Code("out".into()),
            Span::Plain(" is ".into()),
            Span::Emphasis("smaller".into()),
            Span::Plain(".".into()),
        ])
    );
    assert_eq!(
        first.body[1],
        Block::List(vec![
            vec![Span::Plain("one".into())],
            vec![Span::Plain("two, continued".into())]
        ])
    );
    let check = first.check.as_ref().expect("a question");
    assert_eq!(check.answer, 1);
    assert_eq!(check.choices[0], vec![Span::Plain("3×3".into())]);
    assert_eq!(
        check.because,
        Some(vec![Span::Plain("⌊(5 − 3) / 2⌋ + 1 = 2.".into())])
    );
    // Chinese lines join without a space; a lone mark stays text.
    assert_eq!(
        second.body,
        vec![Block::Paragraph(vec![Span::Plain(
            "卷积核在输入上滑动。".into()
        )])]
    );
    let lone = parse(
        &lines("## A\nfigure: in=4\n2 * 3 = 6 and a ` tick\n"),
        figure_problems,
    )
    .expect("reads");
    assert_eq!(
        lone.chapters[0].body,
        vec![Block::Paragraph(vec![Span::Plain(
            "2 * 3 = 6 and a ` tick".into()
        )])]
    );
}

#[test]
fn a_malformed_file_is_refused_on_its_line() {
    use LessonProblem::*;
    let cases: Vec<(String, usize, LessonProblem)> = vec![
        ("# Strides\n".into(), 1, NoFrontMatter),
        ("---\ntitle: A\n".into(), 1, FrontMatterUnclosed),
        (
            "---\ntitle: A\ncolour: red\n---\n".into(),
            3,
            UnknownKey("colour".into()),
        ),
        (
            "---\nlang: en\n---\n## A\nfigure: in=4\n".into(),
            1,
            NoTitle,
        ),
        (lines("Hello\n## A\nfigure: in=4\n"), 4, TextBeforeChapter),
        (lines("## A\nfigure: in=4\n### Part\n"), 6, OtherHeading),
        (lines("## A\nfigure: in=4\n## \n"), 6, EmptyHeading),
        (lines("## A\nText.\n\n## B\nfigure: in=4\n"), 4, NoFigure),
        (
            lines("## A\nfigure: in=4\nfigure: in=5\n"),
            6,
            Repeated("figure:"),
        ),
        (
            lines("## A\nfigure: in=4&k=0&stride=2\n"),
            5,
            BadFigure(vec!["k".into(), "stride".into()]),
        ),
        (
            lines("## A\nfigure: in=4&theme=projector\n"),
            5,
            BadFigure(vec!["theme".into()]),
        ),
        (
            lines("## A\nfigure: lesson=tutorial&chapter=2\n"),
            5,
            BadFigure(vec!["lesson".into(), "chapter".into()]),
        ),
        (lines("## A\nfigure: in=4\n- [x] yes\n"), 6, OutsideCheck),
        (lines("## A\nfigure: in=4\nbecause: no\n"), 6, OutsideCheck),
        (
            lines("## A\nfigure: in=4\ncheck: Q?\n- [x] only\n"),
            6,
            TooFewChoices,
        ),
        (
            lines("## A\nfigure: in=4\ncheck: Q?\n- [ ] a\n- [ ] b\n"),
            6,
            NotOneAnswer,
        ),
        (
            lines("## A\nfigure: in=4\ncheck: Q?\n- [x] a\n- [x] b\n"),
            6,
            NotOneAnswer,
        ),
        (lines("\n\n"), 1, NoChapters),
        (
            format!("---\ntitle: A\n---\n{}", "x".repeat(MAX_LESSON_BYTES)),
            1,
            TooLong,
        ),
    ];
    for (text, line, expected) in cases {
        assert_eq!(problem(&text), (line, expected.clone()), "{expected:?}");
    }
    let many: String = (0..61)
        .map(|n| format!("## C{n}\nfigure: in=4\n"))
        .collect();
    assert_eq!(problem(&lines(&many)), (4 + 60 * 2, TooManyChapters));
}
