//! Component tests in headless Chromium: mount into a fresh element, act, flush, read the DOM.
#![cfg(target_arch = "wasm32")]

use convstep::app::App;
use convstep::app::components::grid::{Grid, GridProps};
use convstep::app::components::grid_cell::CellEvents;
use convstep::app::i18n::Lang;
use convstep::app::plane::{CellView, Kind, Marks, PlaneBase};
use convstep::app::shared::Shared;
use convstep::app::view::{Overlay, PlaneView};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Text of every cell of a grid, row by row, with the typographic minus made ASCII.
fn grid_text(root: &Element, name: &str) -> Vec<Vec<String>> {
    grid_cells(root, name)
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| cell.text_content().unwrap_or_default().replace('−', "-"))
                .collect()
        })
        .collect()
}

/// `[row, column]` of the cells of a grid with class `mark`.
fn marked(root: &Element, name: &str, mark: &str) -> Vec<[usize; 2]> {
    let mut found = Vec::new();
    for (r, row) in grid_cells(root, name).iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.class_list().contains(mark) {
                found.push([r, c]);
            }
        }
    }
    found
}

fn grid_cells(root: &Element, name: &str) -> Vec<Vec<Element>> {
    let rows = root
        .query_selector_all(&format!("[data-grid='{name}'] tr"))
        .unwrap();
    (0..rows.length())
        .map(|r| {
            let row: Element = rows.item(r).unwrap().dyn_into().unwrap();
            let cells = row.query_selector_all("td").unwrap();
            (0..cells.length())
                .map(|c| cells.item(c).unwrap().dyn_into().unwrap())
                .collect()
        })
        .collect()
}

#[wasm_bindgen(inline_js = "export function press_key(target, key) { \
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })); }")]
extern "C" {
    /// Sends a `keydown` of `key` to `target`, bubbling as a real key press does.
    fn press_key(target: &JsValue, key: &str);
}

/// The element `selector` finds under `root`, which must exist.
fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn click(root: &Element, selector: &str) {
    let element: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    element.click();
}

#[wasm_bindgen_test]
async fn app_renders_the_tutorial_example_and_steps() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    assert_eq!(
        grid_text(&root, "output-0"),
        vec![vec!["15", ""], vec!["", ""]]
    );
    // The first window covers the top-left 3×3 of the input.
    let window: Vec<[usize; 2]> = (0..3).flat_map(|r| (0..3).map(move |c| [r, c])).collect();
    assert_eq!(marked(&root, "input-0", "tap"), window);
    assert_eq!(marked(&root, "output-0", "current"), vec![[0, 0]]);

    click(&root, ".playback [data-action='forward']");
    yew::scheduler::flush().await;
    assert_eq!(
        grid_text(&root, "output-0"),
        vec![vec!["15", "16"], vec!["", ""]]
    );
    let window: Vec<[usize; 2]> = (0..3).flat_map(|r| (1..4).map(move |c| [r, c])).collect();
    assert_eq!(marked(&root, "input-0", "tap"), window);

    click(&root, ".playback [data-action='end']");
    yew::scheduler::flush().await;
    assert_eq!(
        grid_text(&root, "output-0"),
        vec![vec!["15", "16"], vec!["6", "15"]]
    );

    click(&root, ".playback [data-action='back']");
    yew::scheduler::flush().await;
    assert_eq!(
        grid_text(&root, "output-0"),
        vec![vec!["15", "16"], vec!["6", ""]]
    );
    let step = root
        .query_selector("[data-testid='step-value']")
        .unwrap()
        .unwrap();
    assert_eq!(step.text_content().unwrap(), "6");
}

#[wasm_bindgen_test]
async fn grid_draws_padding_highlights_written_cells_and_labels() {
    let cell = |value: Option<f32>, kind: Kind, marks: Marks, at: [usize; 3]| CellView {
        value,
        kind,
        marks,
        at,
    };
    let base = PlaneBase {
        map: 1,
        index: 0,
        rows: 1,
        columns: 4,
        row_offset: 0,
        column_offset: 1,
        real_columns: 3,
        real_rows: 1,
        cells: vec![
            cell(Some(0.0), Kind::Padding, Marks::default(), [0, 0, 0]),
            cell(Some(-2.5), Kind::Value, Marks::default(), [0, 0, 0]),
            cell(Some(7.0), Kind::Value, Marks::NEVER_READ, [0, 0, 1]),
            cell(Some(4.0), Kind::Value, Marks::default(), [0, 0, 2]),
        ],
        gather: None,
    };
    let mut overlay = Overlay::new();
    overlay.insert(
        0,
        vec![(0, Marks::TAP), (1, Marks::TAP), (2, Marks::CURRENT)],
    );
    // Two of the three real cells are written: the third is still pending.
    let plane = PlaneView {
        base: Shared::new(base),
        overlay,
        written: 2,
        outside_group: false,
    };
    let root = fresh_root();
    let props = GridProps {
        plane,
        name: "Output".into(),
        id: "test-0".into(),
        editable: false,
        lang: Lang::En,
        events: CellEvents {
            on_edit: Callback::noop(),
            on_hover: Callback::noop(),
            on_pick: Callback::noop(),
        },
    };
    yew::Renderer::<Grid>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert_eq!(grid_text(&root, "test-0"), vec![vec!["0", "-2.5", "7", ""]]);
    let cells = &grid_cells(&root, "test-0")[0];
    assert!(cells[0].class_list().contains("padding"));
    assert!(cells[0].class_list().contains("tap"));
    assert!(cells[1].class_list().contains("tap"));
    assert!(cells[2].class_list().contains("never-read"));
    assert!(cells[2].class_list().contains("current"));
    assert!(cells[3].class_list().contains("pending"));
    assert_eq!(
        cells[1].get_attribute("aria-label").unwrap(),
        "row 1, column 1: −2.5, in the window"
    );
    let table = root
        .query_selector("[data-grid='test-0']")
        .unwrap()
        .unwrap();
    assert_eq!(table.get_attribute("role").unwrap(), "grid");
    assert_eq!(table.get_attribute("aria-label").unwrap(), "Output");
}

#[wasm_bindgen_test]
async fn heatmaps_draw_every_channel_of_every_map() {
    use convstep::app::components::heatmaps::{Heatmaps, HeatmapsProps};
    use convstep::app::example::Example;
    use convstep::app::settings::{Operation, Settings};
    let settings = Settings {
        operation: Operation::Block,
        filters: 2,
        ..Settings::default()
    };
    let example = Shared::new(Example::build(&Shared::new(settings)).unwrap());
    let root = fresh_root();
    yew::Renderer::<Heatmaps>::with_root_and_props(
        root.clone(),
        HeatmapsProps {
            example,
            picture: None,
            lang: Lang::En,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let canvases = root.query_selector_all("canvas").unwrap();
    // The input (1 channel), then convolution, ReLU and pooling outputs (2 channels each).
    assert_eq!(canvases.length(), 7);
    let first: web_sys::HtmlCanvasElement = canvases.item(0).unwrap().dyn_into().unwrap();
    assert_eq!((first.width(), first.height()), (4, 4));
    // Each map has its colour key.
    let keys = root.query_selector_all(".colour-key").unwrap();
    assert_eq!(keys.length(), 4);
}

#[wasm_bindgen_test]
async fn the_whole_picture_is_drawn_at_full_size_while_it_is_the_input() {
    use convstep::app::components::heatmaps::{Heatmaps, HeatmapsProps};
    use convstep::app::example::Example;
    use convstep::app::picture::{ChosenPicture, Picture};
    use convstep::app::settings::{Operation, Settings};
    let step = Picture {
        channels: 1,
        rows: 4,
        columns: 4,
        values: (0..16).map(|v| v as f32 / 16.0).collect(),
    };
    let full = ndarray::Array3::from_shape_fn((1, 40, 40), |(_, r, c)| ((r * 40 + c) % 7) as f32);
    let picture = Shared::new(ChosenPicture {
        step: step.clone(),
        full,
    });
    let render = |input: &Picture| {
        let mut settings = Settings {
            operation: Operation::Block,
            filters: 2,
            ..Settings::default()
        };
        settings.load_picture(input);
        let root = fresh_root();
        yew::Renderer::<Heatmaps>::with_root_and_props(
            root.clone(),
            HeatmapsProps {
                example: Shared::new(Example::build(&Shared::new(settings)).unwrap()),
                picture: Some(picture.clone()),
                lang: Lang::En,
            },
        )
        .render();
        root
    };

    let root = render(&step);
    yew::scheduler::flush().await;
    let full_size = root
        .query_selector("[data-testid='full-size']")
        .unwrap()
        .expect("shown");
    let sizes: Vec<(u32, u32)> = (0..7)
        .map(|i| {
            let canvas: web_sys::HtmlCanvasElement = full_size
                .query_selector_all("canvas")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into()
                .unwrap();
            (canvas.width(), canvas.height())
        })
        .collect();
    // The 40×40 input, two 3×3 convolution maps (38×38), their ReLU, and 2×2 pooling (19×19).
    assert_eq!(
        sizes,
        [
            (40, 40),
            (38, 38),
            (38, 38),
            (38, 38),
            (38, 38),
            (19, 19),
            (19, 19)
        ]
    );
    assert!(full_size.text_content().unwrap().contains("40×40"));

    // Once the input is no longer the picture (a value edited), the full size is not shown.
    let mut edited = step.clone();
    edited.values[5] = 9.0;
    let root = render(&edited);
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("[data-testid='full-size']")
            .unwrap()
            .is_none()
    );
}

/// A one-row plane: a padding cell and an input cell under the window, a cell written now, and
/// a cell not computed yet.
fn marked_plane() -> PlaneView {
    let cell = |value: Option<f32>, kind: Kind, at: [usize; 3]| CellView {
        value,
        kind,
        marks: Marks::default(),
        at,
    };
    let base = PlaneBase {
        map: 1,
        index: 0,
        rows: 1,
        columns: 4,
        row_offset: 0,
        column_offset: 1,
        real_columns: 3,
        real_rows: 1,
        cells: vec![
            cell(Some(0.0), Kind::Padding, [0, 0, 0]),
            cell(Some(3.0), Kind::Value, [0, 0, 0]),
            cell(Some(15.0), Kind::Value, [0, 0, 1]),
            cell(Some(16.0), Kind::Value, [0, 0, 2]),
        ],
        gather: None,
    };
    let mut overlay = Overlay::new();
    overlay.insert(
        0,
        vec![(0, Marks::TAP), (1, Marks::TAP), (2, Marks::CURRENT)],
    );
    PlaneView {
        base: Shared::new(base),
        overlay,
        written: 2,
        outside_group: false,
    }
}

async fn render_grid(lang: Lang) -> Element {
    let root = fresh_root();
    let props = GridProps {
        plane: marked_plane(),
        name: "Output".into(),
        id: "marked".into(),
        editable: false,
        lang,
        events: CellEvents {
            on_edit: Callback::noop(),
            on_hover: Callback::noop(),
            on_pick: Callback::noop(),
        },
    };
    yew::Renderer::<Grid>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn labels(root: &Element) -> Vec<String> {
    grid_cells(root, "marked")[0]
        .iter()
        .map(|cell| cell.get_attribute("aria-label").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_window_the_cell_being_written_and_cells_not_computed_are_said_not_only_drawn() {
    let root = render_grid(Lang::En).await;
    assert_eq!(
        labels(&root),
        [
            "padding 0, in the window",
            "row 1, column 1: 3, in the window",
            "row 1, column 2: 15, being written",
            "row 1, column 3: not computed yet",
        ]
    );
    let root = render_grid(Lang::Zh).await;
    assert_eq!(
        labels(&root),
        [
            "填充 0，在当前窗口中",
            "第 1 行，第 1 列：3，在当前窗口中",
            "第 1 行，第 2 列：15，当前输出格",
            "第 1 行，第 3 列：尚未计算",
        ]
    );
}

#[wasm_bindgen_test]
async fn the_help_button_is_named_with_the_text_it_shows() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let button = find(&root, "#help");
    let shown = button.text_content().unwrap();
    let name = button.get_attribute("aria-label").unwrap();
    assert_eq!(shown, "?");
    assert!(name.contains(&shown), "{name:?} does not contain {shown:?}");
}

#[wasm_bindgen_test]
async fn the_shortcut_list_shows_every_key_the_page_answers_to() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    click(&root, "#help");
    yew::scheduler::flush().await;
    let rows = root.query_selector_all(".shortcuts tr").unwrap();
    let keys_of = |action: &str| -> Vec<String> {
        (0..rows.length())
            .map(|r| rows.item(r).unwrap().dyn_into::<Element>().unwrap())
            .find(|row| row.text_content().unwrap().contains(action))
            .map(|row| {
                let keys = row.query_selector_all("kbd").unwrap();
                (0..keys.length())
                    .map(|k| keys.item(k).unwrap().text_content().unwrap())
                    .collect()
            })
            .unwrap_or_default()
    };
    // The README and the key handler both give Space and k for play and pause.
    assert_eq!(keys_of("play or pause"), ["Space", "k"]);
    assert_eq!(keys_of("step forward"), ["→", "l"]);
    assert_eq!(keys_of("step back"), ["←", "j"]);
    click(&root, ".dialog button");
    yew::scheduler::flush().await;
    assert!(root.query_selector("[role='dialog']").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn escape_cancels_a_cell_edit_and_keeps_the_value() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let before = grid_text(&root, "input-0");
    let output = grid_text(&root, "output-0");
    let cell = find(&root, "[data-grid='input-0'] td[tabindex]");
    press_key(&cell, "Enter");
    yew::scheduler::flush().await;
    let editor: web_sys::HtmlInputElement = find(&root, ".cell-editor").dyn_into().unwrap();
    editor.set_value("5");
    press_key(&editor, "Escape");
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".cell-editor").unwrap().is_none(),
        "the editor is still open"
    );
    assert_eq!(grid_text(&root, "input-0"), before);
    assert_eq!(grid_text(&root, "output-0"), output);
    assert!(
        root.query_selector("[data-testid='refusal']")
            .unwrap()
            .is_none(),
        "the cancelled text was judged"
    );
}

#[wasm_bindgen(
    inline_js = "export function type_text(target, text) { target.value = text; \
    target.dispatchEvent(new InputEvent('input', { bubbles: true })); }"
)]
extern "C" {
    /// Replaces a field's text and sends the `input` event typing sends.
    fn type_text(target: &JsValue, text: &str);
}

#[wasm_bindgen_test]
async fn a_concept_tip_is_the_description_of_its_button_and_opens_until_escape() {
    use convstep::app::components::concept_tip::{ConceptTip, ConceptTipProps};
    use convstep::app::i18n::Concept;
    let root = fresh_root();
    let props = ConceptTipProps {
        concept: Concept::Stride,
        lang: Lang::Zh,
    };
    yew::Renderer::<ConceptTip>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let button = find(&root, "button");
    assert_eq!(button.get_attribute("aria-label").unwrap(), "什么是步长？");
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    let tip = find(&root, "[role='tooltip']");
    assert_eq!(
        button.get_attribute("aria-describedby"),
        tip.get_attribute("id")
    );
    assert!(
        tip.text_content()
            .unwrap()
            .contains("⌊(N + 2P − K) / S⌋ + 1")
    );
    // Its figure: two positions of a 3-cell window, 2 cells apart.
    let windows: Vec<Vec<bool>> = (0..2)
        .map(|row| {
            (0..7)
                .map(|cell| {
                    find(
                        &tip,
                        &format!(".tip-figure i:nth-child({})", row * 7 + cell + 1),
                    )
                    .get_attribute("data-cell")
                    .as_deref()
                        == Some("w")
                })
                .collect()
        })
        .collect();
    let first: Vec<usize> = (0..7).filter(|&cell| windows[0][cell]).collect();
    let second: Vec<usize> = (0..7).filter(|&cell| windows[1][cell]).collect();
    assert_eq!((first, second), (vec![0, 1, 2], vec![2, 3, 4]));

    click(&root, "button");
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "true");
    assert!(find(&root, ".concept").class_list().contains("open"));
    press_key(&button, "Escape");
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    assert!(!find(&root, ".concept").class_list().contains("open"));
}

#[wasm_bindgen_test]
async fn a_locked_size_sets_rows_and_columns_together_and_an_unlocked_one_sets_one() {
    use convstep::app::components::size_row::{SizeRow, SizeRowProps};
    use convstep::app::i18n::Concept;
    use convstep::app::settings::SizeField;
    use convstep::app::state::Change;
    use convstep::engine::Axis;
    use std::cell::RefCell;
    use std::rc::Rc;

    async fn row(values: [usize; 2]) -> (Element, Rc<RefCell<Vec<Change>>>) {
        let root = fresh_root();
        let changes = Rc::new(RefCell::new(Vec::new()));
        let sink = changes.clone();
        let props = SizeRowProps {
            label: "Kernel",
            id: "kernel",
            field: SizeField::Kernel,
            values,
            concept: Concept::KernelSize,
            lang: Lang::En,
            on_change: Callback::from(move |change| sink.borrow_mut().push(change)),
        };
        yew::Renderer::<SizeRow>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        (root, changes)
    }
    let size = |axis, value| Change::Size(SizeField::Kernel, axis, value);

    // Square: locked, so either field sets both.
    let (root, changes) = row([3, 3]).await;
    assert_eq!(
        find(&root, "#kernel-lock")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );
    type_text(&find(&root, "#kernel-w"), "5");
    yew::scheduler::flush().await;
    assert_eq!(
        changes.take(),
        [size(Axis::Rows, 5), size(Axis::Columns, 5)]
    );
    // Unlocked by the learner: one field, one axis.
    click(&root, "#kernel-lock");
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "#kernel-lock")
            .get_attribute("aria-pressed")
            .unwrap(),
        "false"
    );
    type_text(&find(&root, "#kernel-h"), "2");
    yew::scheduler::flush().await;
    assert_eq!(changes.take(), [size(Axis::Rows, 2)]);

    // Not square: unlocked from the start.
    let (root, changes) = row([3, 1]).await;
    type_text(&find(&root, "#kernel-w"), "4");
    yew::scheduler::flush().await;
    assert_eq!(changes.take(), [size(Axis::Columns, 4)]);
    // The fields are named for a screen reader with their axis.
    assert_eq!(
        find(&root, "label[for='kernel-h']").text_content().unwrap(),
        "Kernel: rows"
    );
}

#[wasm_bindgen_test]
async fn the_advanced_fold_is_closed_at_the_defaults_and_open_when_one_of_its_options_is_not() {
    use convstep::app::components::option_controls::{OptionControls, OptionControlsProps};
    use convstep::app::settings::{Operation, Settings};
    use convstep::app::shared::Shared;

    async fn fold(settings: Settings) -> Element {
        let root = fresh_root();
        let props = OptionControlsProps {
            settings: Shared::new(settings),
            lang: Lang::En,
            on_change: Callback::noop(),
        };
        yew::Renderer::<OptionControls>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        find(&root, "details#advanced")
    }
    let defaults = fold(Settings::default()).await;
    assert!(!defaults.has_attribute("open"));
    // It holds the advanced options, and the beginner's are outside it.
    assert!(defaults.query_selector("#dilation-h").unwrap().is_some());
    assert!(defaults.query_selector("#flip-kernel").unwrap().is_some());
    assert!(defaults.query_selector("#bias-0").unwrap().is_none());

    let dilated = Settings {
        dilation: [1, 2],
        ..Settings::default()
    };
    assert!(fold(dilated).await.has_attribute("open"));
    let averaging = Settings {
        operation: Operation::AveragePool,
        count_include_pad: false,
        ..Settings::default()
    };
    let opened = fold(averaging).await;
    assert!(opened.has_attribute("open"));
    assert!(opened.query_selector("#ceil-mode").unwrap().is_some());
    // Ceil mode belongs to pooling: a convolution's ceil mode from a link does not open the fold.
    let convolution = Settings {
        ceil_mode: true,
        ..Settings::default()
    };
    assert!(!fold(convolution).await.has_attribute("open"));
}
