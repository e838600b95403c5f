//! Fitting a step's figures to the screen: the cell size stays readable, the figures' boxes stay
//! inside the room, and a room that holds everything gets the largest cells that fit.
#![cfg(not(target_arch = "wasm32"))]

use convstep::app::fit::{
    Arrangement, Direction, FigureShape, Fit, Role, Room, allot, cell_font, fit,
};
use proptest::prelude::*;

fn shape(role: Role, planes: usize, lanes: usize, rows: usize, columns: usize) -> FigureShape {
    FigureShape {
        role,
        planes,
        lanes,
        rows,
        columns,
        chars: 2,
        caption_width: 60.0,
        window: match role {
            Role::Read => [3, 3],
            Role::Kernel => [rows, columns],
            Role::Written => [1, 1],
        },
    }
}

/// The tutorial's 4×4 input, 3×3 kernel and 2×2 output.
fn tutorial() -> Vec<FigureShape> {
    vec![
        shape(Role::Read, 1, 1, 4, 4),
        shape(Role::Kernel, 1, 1, 3, 3),
        shape(Role::Written, 1, 1, 2, 2),
    ]
}

fn room(width: f64, height: f64) -> Room {
    Room {
        width,
        height,
        min_cell: 24.0,
        max_cell: 42.0,
        caption: 25.0,
    }
}

#[test]
fn a_small_example_on_a_big_screen_gets_the_largest_cells_in_one_row() {
    let room = room(1000.0, 600.0);
    let fitted = fit(&tutorial(), &room);
    assert_eq!(fitted.cell, 42.0);
    assert_eq!(fitted.arrangement, Arrangement::Row);
    // Each figure's box holds its cells at that size, even where its caption is wider than its
    // cells at a smaller size: the 2×2 output needs two 42 px cells.
    let rooms = allot(&tutorial(), &room, &fitted);
    assert!(rooms[2].width >= 2.0 * 42.0, "{rooms:?}");
    assert!(rooms[0].width >= 4.0 * 42.0, "{rooms:?}");
}

#[test]
fn a_narrow_tall_room_puts_the_map_being_read_above_the_others() {
    // 4 + 3 + 2 columns do not fit across 300 px at a readable size; 4 columns do.
    let fitted = fit(&tutorial(), &room(300.0, 700.0));
    assert_ne!(fitted.arrangement, Arrangement::Row);
    assert!(fitted.cell > 24.0, "{fitted:?}");
}

#[test]
fn a_large_input_keeps_the_smallest_readable_cell_and_scrolls() {
    let figures = vec![
        shape(Role::Read, 1, 1, 64, 64),
        shape(Role::Kernel, 1, 1, 3, 3),
        shape(Role::Written, 1, 1, 62, 62),
    ];
    let room = room(900.0, 500.0);
    let fitted = fit(&figures, &room);
    assert_eq!(fitted.cell, 24.0);
    let rooms = allot(&figures, &room, &fitted);
    // The kernel keeps its whole size (3 cells and frames) while the maps share the rest.
    assert!(rooms[1].width >= 3.0 * 24.0, "{rooms:?}");
    assert!(
        rooms[0].width > 100.0 && rooms[2].width > 100.0,
        "{rooms:?}"
    );
}

#[test]
fn every_channel_of_the_map_being_read_gets_a_share_of_its_box() {
    let figures = vec![
        shape(Role::Read, 3, 3, 32, 32),
        shape(Role::Kernel, 24, 3, 3, 3),
        shape(Role::Written, 8, 8, 30, 30),
    ];
    let room = room(800.0, 450.0);
    let fitted = fit(&figures, &room);
    let rooms = allot(&figures, &room, &fitted);
    let read = rooms[0];
    // Three planes and the two 12 px gaps between them fill the box along the channels' way.
    let (plane, whole) = match fitted.direction {
        Direction::Across => (read.plane_width, read.width),
        Direction::Down => (read.plane_height, read.height),
    };
    assert!(plane > 0.0, "{read:?}");
    assert!(
        (3.0 * plane + 24.0 - whole).abs() < 0.5,
        "{fitted:?} {read:?}"
    );
}

fn any_figures() -> impl Strategy<Value = Vec<FigureShape>> {
    (
        1usize..=4,
        1usize..=8,
        1usize..=64,
        1usize..=64,
        1usize..=15,
        1usize..=15,
    )
        .prop_map(|(channels, filters, rows, columns, k_rows, k_columns)| {
            let out_rows = rows.saturating_sub(k_rows) + 1;
            let out_columns = columns.saturating_sub(k_columns) + 1;
            vec![
                shape(Role::Read, channels, channels, rows, columns),
                shape(
                    Role::Kernel,
                    filters * channels,
                    channels,
                    k_rows,
                    k_columns,
                ),
                shape(Role::Written, filters, filters, out_rows, out_columns),
            ]
        })
}

proptest! {
    #[test]
    fn the_cell_stays_readable_and_the_boxes_stay_inside_the_room(
        figures in any_figures(),
        width in 200.0f64..2000.0,
        height in 150.0f64..1200.0,
    ) {
        let room = room(width, height);
        let fitted: Fit = fit(&figures, &room);
        prop_assert!((room.min_cell..=room.max_cell).contains(&fitted.cell));
        for allotment in allot(&figures, &room, &fitted) {
            prop_assert!(allotment.width >= 0.0 && allotment.width <= width);
            prop_assert!(allotment.height >= 0.0 && allotment.height <= height);
            prop_assert!(allotment.plane_width <= allotment.width + 0.001);
            prop_assert!(allotment.plane_height <= allotment.height + 0.001);
        }
    }

    #[test]
    fn a_bigger_room_never_gets_smaller_cells(
        figures in any_figures(),
        width in 200.0f64..1500.0,
        height in 150.0f64..900.0,
        grow in 0.0f64..500.0,
    ) {
        let small = fit(&figures, &room(width, height));
        let big = fit(&figures, &room(width + grow, height + grow));
        prop_assert!(big.cell >= small.cell, "{small:?} then {big:?}");
    }
}

#[test]
fn a_long_caption_is_cut_short_before_the_kernel_loses_a_column() {
    // The block on a phone with a lesson above it: "Convolution output" is wider than its 4×4
    // grid, and the room is too small for every figure whole.
    let mut figures = vec![
        shape(Role::Read, 1, 1, 6, 6),
        shape(Role::Kernel, 1, 1, 3, 3),
        shape(Role::Written, 1, 1, 4, 4),
    ];
    figures[2].caption_width = 190.0;
    let room = room(362.0, 194.0);
    let fitted = fit(&figures, &room);
    let rooms = allot(&figures, &room, &fitted);
    let kernel_width = 3.0 * (fitted.cell + 7.2) + 8.0;
    assert!(rooms[1].plane_width >= kernel_width, "{fitted:?} {rooms:?}");
    assert!(
        rooms.iter().map(|r| r.width).sum::<f64>() <= 362.0,
        "{rooms:?}"
    );
}

/// One column's width on the page (`static/style.css`): a cell's `--cell-width`,
/// `max(--cell + 0.2rem + 2px, chars × 0.7em + 0.45rem)` at the whole-pixel cell and type size
/// the figures set, and the 2 px border spacing beside it.
fn page_column(cell: f64, chars: usize) -> f64 {
    let font = cell_font(cell) as f64;
    (cell.floor() + 5.2).max(chars as f64 * 0.7 * font + 7.2) + 2.0
}

/// The digit picture in an 8×8 input with padding: values such as 0.41 (4 characters) on the
/// map being read and the map being written, kernel values such as −2.
fn decimal_picture() -> Vec<FigureShape> {
    let mut figures = vec![
        shape(Role::Read, 1, 1, 8, 8),
        shape(Role::Kernel, 1, 1, 3, 3),
        shape(Role::Written, 1, 1, 6, 6),
    ];
    figures[0].chars = 4;
    figures[2].chars = 4;
    figures
}

#[test]
fn decimal_values_narrow_the_cells_so_every_column_stays_in_view() {
    // A projector's figures box at 1280×720, a phone's at 375×740 (neither holds every row at
    // the smallest readable cell), and a narrow tall one that holds the whole
    // figures.
    let projector = |height| Room {
        width: 900.0,
        height,
        min_cell: 30.0,
        max_cell: 76.0,
        caption: 31.0,
    };
    let tall = Room {
        width: 600.0,
        ..projector(1200.0)
    };
    for room in [projector(576.0), room(351.0, 490.0), tall] {
        let figures = decimal_picture();
        let fitted = fit(&figures, &room);
        let boxes = allot(&figures, &room, &fitted);
        for (figure, allotted) in figures.iter().zip(&boxes) {
            let columns = figure.columns as f64 * page_column(fitted.cell, figure.chars);
            assert!(
                allotted.plane_width >= columns,
                "{} columns of {} characters need {columns} px, {fitted:?} gives {allotted:?}",
                figure.columns,
                figure.chars
            );
        }
    }
    // Where the whole figures fit, wide values cost cell size, and only then.
    let decimals = fit(&decimal_picture(), &tall);
    let integers = fit(&tutorial_like(&decimal_picture()), &tall);
    assert!(decimals.cell > tall.min_cell, "{decimals:?}");
    assert!(integers.cell > decimals.cell, "{integers:?} {decimals:?}");
}

/// The same figures with one-digit values.
fn tutorial_like(figures: &[FigureShape]) -> Vec<FigureShape> {
    figures
        .iter()
        .map(|figure| FigureShape {
            chars: 1,
            ..*figure
        })
        .collect()
}
