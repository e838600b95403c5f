//! The saved picture of a step, natively: the SVG is well formed, its size is what it says, it
//! shows every value of the maps the page shows with the same highlights on exactly the same
//! cells, the calculation's result, and the language and theme of the page.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::export::svg::{self, Picture};
use convstep::app::format;
use convstep::app::i18n::Lang;
use convstep::app::plane::Kind;
use convstep::app::state::State;
use convstep::app::{url, view};
use convstep::engine::Arithmetic;

fn state(query: &str) -> State {
    State::from_link(url::read(query), Lang::En)
}

fn picture(state: &State) -> Picture {
    svg::picture(state, view::current_step(state).as_ref())
}

/// Checks that every tag is closed in order and that no `&` starts anything but an entity;
/// returns the first problem.
fn well_formed(svg: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        for (at, _) in text.match_indices('&') {
            let entity = &text[at..];
            if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e))
            {
                return Err(format!("a bare & in {text:?}"));
            }
        }
        let end = rest[start..].find('>').ok_or("a tag is not closed")? + start;
        let tag = &rest[start + 1..end];
        if tag.matches('"').count() % 2 == 1 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(opened) if opened == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &rest[end + 1..];
    }
    match open.as_slice() {
        [] => Ok(()),
        left => Err(format!("left open: {left:?}")),
    }
}

/// One cell of a grid in the picture: its classes, its fill and its text.
#[derive(Debug)]
struct DrawnCell {
    classes: Vec<String>,
    fill: String,
    text: Option<String>,
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The cells of grid `id` ("input-0", "output-0", "kernel-0", "window"), row by row.
fn cells(svg: &str, id: &str) -> Vec<DrawnCell> {
    let start = svg
        .find(&format!("data-grid=\"{id}\""))
        .unwrap_or_else(|| panic!("no grid {id}"));
    let mut rest = &svg[start + svg[start..].find('>').unwrap() + 1..];
    let mut cells = Vec::new();
    while let Some(body) = rest.strip_prefix("<g class=\"") {
        let end = body.find("</g>").unwrap();
        let cell = &body[..end];
        let classes = cell[..cell.find('"').unwrap()]
            .split(' ')
            .map(str::to_owned)
            .collect();
        let rect = &cell[cell.find("<rect").unwrap()..];
        let fill = attribute(rect, "fill").unwrap().to_owned();
        // The value is the last text of the cell (a winner also carries a star).
        let text = cell.rfind("</text>").map(|close| {
            let open = cell[..close].rfind('>').unwrap();
            cell[open + 1..close].to_owned()
        });
        cells.push(DrawnCell {
            classes,
            fill,
            text,
        });
        rest = &body[end + 4..];
    }
    cells
}

/// Row-major indices of the cells of grid `id` that have class `class`.
fn marked(svg: &str, id: &str, class: &str) -> Vec<usize> {
    cells(svg, id)
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.classes.iter().any(|c| c == class))
        .map(|(index, _)| index)
        .collect()
}

const EXAMPLES: [&str; 9] = [
    "in=4x4&step=2",
    "in=5x5&k=3&pad=1&step=7&seed=5",
    "op=max-pool&in=5x5&k=2&s=2&pad=1&step=2&seed=3",
    "op=avg-pool&in=5x5&k=3&s=2&pad=1&seed=3",
    "op=block&ch=3&f=2&in=6&seed=4&step=20",
    "op=block&in=6&seed=4&step=40",
    "in=7x7&k=3&d=2&step=3&seed=2&theme=projector&lang=zh",
    "op=leaky-relu&in=4&seed=1&step=3",
    "in=2&k=5",
];

#[test]
fn every_picture_is_well_formed_and_as_large_as_it_says() {
    for query in EXAMPLES {
        let picture = picture(&state(query));
        well_formed(&picture.svg).unwrap_or_else(|problem| panic!("{query}: {problem}"));
        let (width, height) = (picture.width, picture.height);
        assert!(
            picture.svg.starts_with(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}""#
            )),
            "{query}"
        );
        assert!(width >= 800 && height >= 300, "{query}: {width}×{height}");
        // Nothing is loaded from anywhere: no links, no images, no web fonts.
        for outside in ["href", "<image", "@font-face", "url(http"] {
            assert!(!picture.svg.contains(outside), "{query} contains {outside}");
        }
    }
}

#[test]
fn the_well_formedness_check_finds_broken_markup() {
    assert!(well_formed("<svg><g><rect/></g></svg>").is_ok());
    assert!(well_formed("<svg><g></svg>").is_err());
    assert!(well_formed("<svg><text>a & b</text></svg>").is_err());
    assert!(well_formed(r#"<svg a="1></svg>"#).is_err());
    assert_eq!(svg::escape(r#"<x & "y">"#), "&lt;x &amp; &quot;y&quot;&gt;");
}

#[test]
fn every_map_is_drawn_cell_for_cell_as_the_page_draws_it() {
    for query in EXAMPLES {
        let state = state(query);
        let picture = picture(&state);
        let step = view::current_step(&state);
        let single = state.example.map_count() == 2;
        for (map, planes) in view::maps(&state, step.as_ref()).iter().enumerate() {
            for (index, plane) in planes.iter().enumerate() {
                let id = match map {
                    0 => format!("input-{index}"),
                    _ if single => format!("output-{index}"),
                    map => format!("map-{map}-{index}"),
                };
                let drawn = cells(&picture.svg, &id);
                let expected = plane.cells();
                assert_eq!(drawn.len(), expected.len(), "{query}: {id}");
                for (drawn, cell) in drawn.iter().zip(&expected) {
                    let value = cell.value.map(format::number);
                    assert_eq!(drawn.text, value, "{query}: {id}: {cell:?}");
                    let classes: Vec<&str> = cell.marks.classes().collect();
                    assert_eq!(&drawn.classes[2..], classes, "{query}: {id}: {cell:?}");
                    let kind = match cell.kind {
                        Kind::Value => "value",
                        Kind::Padding => "padding",
                        Kind::Beyond => "beyond",
                        Kind::Inserted => "inserted",
                        Kind::Pending => "pending",
                    };
                    assert_eq!(drawn.classes[..2], ["cell", kind]);
                }
            }
        }
    }
}

#[test]
fn the_window_is_highlighted_on_exactly_its_cells() {
    // 5×5 with padding 1: step 7 (from 1) is output row 1, column 1; its window covers padded
    // rows 1–3 and columns 1–3, all real cells.
    let state = state("in=5x5&k=3&pad=1&step=7&seed=5");
    let picture = picture(&state);
    let columns = 7;
    let window: Vec<usize> = (1..4)
        .flat_map(|r| (1..4).map(move |c| r * columns + c))
        .collect();
    assert_eq!(marked(&picture.svg, "input-0", "tap"), window);
    let drawn = cells(&picture.svg, "input-0");
    for (index, cell) in drawn.iter().enumerate() {
        let window_fill = cell.fill == "#ffd166";
        assert_eq!(
            window_fill,
            window.contains(&index),
            "cell {index}: {cell:?}"
        );
    }
    // Padding cells are drawn as padding, with a 0.
    assert!(drawn[0].classes.contains(&"padding".to_owned()) && drawn[0].fill == "#eceef2");
    assert_eq!(drawn[0].text.as_deref(), Some("0"));
    // The cell being written, 6 written before it and 18 still to come.
    let output = cells(&picture.svg, "output-0");
    assert_eq!(marked(&picture.svg, "output-0", "current"), [6]);
    assert_eq!(output[6].fill, "#e4eefb");
    assert_eq!(
        marked(&picture.svg, "output-0", "pending"),
        (7..25).collect::<Vec<_>>()
    );
    assert!(output[7..].iter().all(|cell| cell.text.is_none()));
    // The whole kernel is in use.
    assert_eq!(
        marked(&picture.svg, "kernel-0", "tap"),
        (0..9).collect::<Vec<_>>()
    );
}

#[test]
fn a_window_over_padding_and_the_max_pooling_winner_are_marked() {
    // Max pooling 2×2, stride 2, padding 1: step 2 reads padded rows 0–1, columns 2–3.
    let state = state("op=max-pool&in=5x5&k=2&s=2&pad=1&step=2&seed=3");
    let step = view::current_step(&state).unwrap();
    let picture = picture(&state);
    let columns = 7;
    assert_eq!(marked(&picture.svg, "input-0", "tap"), [2, 3, 9, 10]);
    let drawn = cells(&picture.svg, "input-0");
    // Padding cells in the window have their own fill.
    assert_eq!(
        (drawn[2].fill.as_str(), drawn[9].fill.as_str()),
        ("#f3e0a6", "#ffd166")
    );
    let Arithmetic::Max { winner } = step.arithmetic else {
        panic!("max pooling")
    };
    let [row, column] = step.taps[winner].padded;
    assert_eq!(
        marked(&picture.svg, "input-0", "winner"),
        [row * columns + column]
    );
    assert!(picture.svg.contains("★"));
    // The pooling window marks the same winner.
    let [k_row, k_column] = step.taps[winner].kernel;
    assert_eq!(
        marked(&picture.svg, "window", "winner"),
        [k_row * 2 + k_column]
    );
    assert_eq!(marked(&picture.svg, "window", "tap"), [0, 1, 2, 3]);
}

#[test]
fn the_calculation_ends_in_the_steps_result() {
    for query in EXAMPLES {
        let state = state(query);
        let step = view::current_step(&state).unwrap();
        let picture = picture(&state);
        let at = picture
            .svg
            .find(r#"class="result" "#)
            .unwrap_or_else(|| panic!("{query}: no result"));
        let text = &picture.svg[at..];
        let value = &text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()];
        assert_eq!(value, format::number(step.value), "{query}");
    }
    // Every product of a convolution is written out, in the engine's order.
    let state = state("in=4x4&step=2");
    let picture = picture(&state);
    for tap in view::current_step(&state).unwrap().taps {
        let product = format!(
            ">{}×{}<",
            format::term(tap.value),
            format::term(tap.weight.unwrap())
        );
        assert!(picture.svg.contains(&product), "{product}");
    }
}

#[test]
fn the_picture_speaks_the_pages_language_and_wears_its_theme() {
    let english = picture(&state("in=5x5&step=5"));
    let chinese = picture(&state("in=5x5&step=5&lang=zh"));
    for text in ["Input", "Kernel", "Output", "CALCULATION", "Step 5 of 9"] {
        assert!(english.svg.contains(text), "{text}");
    }
    for text in ["输入", "卷积核", "输出", "计算过程", "第 5 步，共 9 步"] {
        assert!(chinese.svg.contains(text), "{text}");
        assert!(!english.svg.contains(text), "{text}");
    }
    let projector = picture(&state("in=5x5&step=5&theme=projector"));
    // Projector cells are larger, their text bigger, outlines thicker and the ink black.
    assert!(projector.width > english.width && projector.height > english.height);
    let taps = |svg: &str| {
        let at = svg.find(r#"<g class="cell value tap">"#).unwrap();
        svg[at..at + svg[at..].find("</g>").unwrap()].to_owned()
    };
    assert!(taps(&english.svg).contains(r#"stroke-width="2""#));
    assert!(taps(&projector.svg).contains(r#"stroke-width="4""#));
    assert!(taps(&projector.svg).contains(r#"font-size="22""#));
    assert!(taps(&english.svg).contains(r#"font-size="16""#));
    assert!(projector.svg.contains(r##"fill="#000000""##));
    assert!(projector.svg.contains(r##"fill="#ffc53d""##));
}

#[test]
fn settings_that_form_no_window_are_named_and_the_older_grids_drawn_faint() {
    let picture = picture(&state("in=2&k=5"));
    assert!(picture.svg.contains("These settings cannot form a window"));
    let grid = &picture.svg[picture.svg.find(r#"data-grid="input-0""#).unwrap()..];
    assert!(grid[..grid.find('>').unwrap()].ends_with(r#" opacity="0.35""#));
    assert!(
        picture
            .svg
            .contains(r#"<g class="calculation" data-testid="calculation" opacity="0.35""#)
    );
    let fine = self::picture(&state("in=4"));
    assert!(!fine.svg.contains(r#" opacity="0.35""#));
}

#[test]
fn a_run_keeps_its_width_from_step_to_step() {
    let widths: Vec<u32> = (1..=4)
        .map(|step| picture(&state(&format!("in=4x4&step={step}&seed=9"))).width)
        .collect();
    assert!(
        widths.windows(2).all(|pair| pair[0] == pair[1]),
        "{widths:?}"
    );
}

#[test]
fn input_channels_outside_the_stepped_filters_group_are_drawn_faint() {
    // Depthwise on two channels: filter 1 reads channel 1 only; at step 10 (of 9 per filter)
    // filter 2 reads channel 2 only.
    let opening = |svg: &str, id: &str| {
        let grid = &svg[svg.find(&format!(r#"data-grid="{id}""#)).unwrap()..];
        grid[..grid.find('>').unwrap()].to_owned()
    };
    for (query, faint) in [
        ("?in=5&ch=2&f=2&g=2", "input-1"),
        ("?in=5&ch=2&f=2&g=2&step=10", "input-0"),
    ] {
        let svg = picture(&state(query)).svg;
        for id in ["input-0", "input-1"] {
            assert_eq!(
                opening(&svg, id).ends_with(r#" opacity="0.35""#),
                id == faint,
                "{query}: {id}"
            );
        }
    }
}

#[test]
fn the_scatter_views_picture_shows_the_input_cells_products_landing() {
    // Input cell (0, 0) holds 1: it scales the 3×3 kernel 1…9, and each product lands on an
    // output cell that holds it alone so far.
    let query = "?op=conv-transpose&in=2x2&k=3&s=2&x=1,-2,3,4&w=1,2,3,4,5,6,7,8,9&view=scatter";
    let svg = picture(&state(query)).svg;
    assert!(svg.contains(r#"data-testid="calculation""#), "{svg}");
    for weight in 1..=9 {
        assert!(
            svg.contains(&format!("1×{weight}")),
            "the product with weight {weight}"
        );
    }
    // The second input cell, −2, lands on column 2 over the first one's 3: 3 + (−2)·1 = 1.
    let second = picture(&state(&format!("{query}&step=2"))).svg;
    assert!(second.contains("(−2)×1"), "{second}");
}
