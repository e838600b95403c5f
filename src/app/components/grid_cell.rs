//! One cell of a grid: its value, its highlights, and click-to-edit for input and kernel values.

use crate::app::example::MapCell;
use crate::app::format;
use crate::app::i18n::{CellContent, CellPart, Lang};
use crate::app::plane::{CellView, Kind, Marks};
use crate::engine::Cell;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`GridCell`]; compared cheaply so only changed cells re-render.
#[derive(Properties, PartialEq)]
pub struct GridCellProps {
    /// What to show.
    pub cell: CellView,
    /// Interface language, for the accessible description ("row 2, column 1: 7").
    pub lang: Lang,
    /// Whether clicking edits the value.
    pub editable: bool,
    /// The map the cell belongs to.
    pub map: usize,
    /// Where the cell reports edits, hovering and clicks.
    pub events: CellEvents,
}

/// Where a grid's cells report what the learner does; one value shared by every cell.
#[derive(Clone, PartialEq)]
pub struct CellEvents {
    /// Called with the cell's coordinates and the typed text.
    pub on_edit: Callback<([usize; 3], String)>,
    /// Called with the cell on pointer enter, `None` on leave.
    pub on_hover: Callback<Option<MapCell>>,
    /// Called with the cell when a cell that is not editable is clicked.
    pub on_pick: Callback<MapCell>,
}

/// A grid cell.
#[component]
pub fn GridCell(props: &GridCellProps) -> Html {
    let editing = use_state(|| false);
    let editor = use_node_ref();
    let touched = use_mut_ref(|| None::<bool>);
    {
        // Focus and select the editor as soon as it appears, so typing goes into it at once.
        let editor = editor.clone();
        use_effect_with(*editing, move |&editing| {
            if editing && let Some(input) = editor.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let cell = props.cell;
    let mut classes = classes!("cell");
    classes.push(match cell.kind {
        Kind::Value => "value",
        Kind::Padding => "padding",
        Kind::Beyond => "beyond",
        Kind::Pending => "pending",
        Kind::Inserted => "inserted",
    });
    for class in cell.marks.classes() {
        classes.push(class);
    }
    let text = cell.value.map(format::number).unwrap_or_default();
    // The window and the cell being written are drawn with colour and outline only; the label
    // says them too. Worked out here rather than in the row, so only the cells that change pay.
    let part = if cell.marks.has(Marks::CURRENT) {
        Some(CellPart::BeingWritten)
    } else if cell.marks.has(Marks::TAP) {
        Some(CellPart::InWindow)
    } else {
        None
    };
    let [channel, row, column] = cell.at;
    let label = match cell.kind {
        Kind::Value => props
            .lang
            .grid_cell_label(row, column, CellContent::Value(&text), part),
        Kind::Pending => props
            .lang
            .grid_cell_label(row, column, CellContent::NotComputedYet, part),
        // A borrowed padding cell names the input cell it repeats.
        Kind::Padding if cell.marks.has(Marks::BORROWED) => props.lang.part_of(
            props.lang.text().borrowed_cell,
            &props
                .lang
                .grid_cell_label(row, column, CellContent::Value(&text), part),
        ),
        Kind::Padding => props.lang.padding_label(part),
        Kind::Beyond => String::new(),
        Kind::Inserted => format!("{} 0", props.lang.text().inserted_zero),
    };
    let real = cell.kind == Kind::Value;
    // Output cells not written yet still have a window to show; a padding cell that repeats an
    // input cell shows that cell.
    let hoverable =
        matches!(cell.kind, Kind::Value | Kind::Pending) || cell.marks.has(Marks::BORROWED);
    let map_cell = MapCell {
        map: props.map,
        cell: Cell {
            channel,
            row,
            column,
        },
    };
    let onmouseenter = {
        let on_hover = props.events.on_hover.clone();
        Callback::from(move |_| on_hover.emit(hoverable.then_some(map_cell)))
    };
    let onmouseleave = {
        let on_hover = props.events.on_hover.clone();
        Callback::from(move |_| on_hover.emit(None))
    };
    if *editing {
        let commit = {
            let (editing, on_edit, at) = (editing.clone(), props.events.on_edit.clone(), cell.at);
            move |input: HtmlInputElement| {
                editing.set(false);
                on_edit.emit((at, input.value()));
            }
        };
        let onkeydown = {
            let (editing, commit) = (editing.clone(), commit.clone());
            Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
                "Enter" => commit(event.target_unchecked_into()),
                "Escape" => editing.set(false),
                _ => {}
            })
        };
        let onblur = Callback::from(move |event: FocusEvent| commit(event.target_unchecked_into()));
        return html! {
            <td class={classes} role="gridcell" aria-label={label.clone()}>
                <input class="cell-editor" type="text" inputmode="decimal" value={text}
                    aria-label={label} ref={editor} {onkeydown} {onblur} />
            </td>
        };
    }
    let editable = props.editable && real;
    // A finger cannot hover: the first tap on a cell does what hovering does, and a tap on the
    // cell already shown edits or traces it, as a click does.
    // Whether the cell was shown is read when the finger goes down: the tap's own compatibility
    // mouse events show it before the click arrives.
    let onpointerdown = {
        let (touched, shown) = (touched.clone(), cell.marks.has(Marks::HOVERED));
        Callback::from(move |event: PointerEvent| {
            *touched.borrow_mut() = (event.pointer_type() == "touch").then_some(shown);
        })
    };
    let onclick = {
        let (editing, on_pick) = (editing.clone(), props.events.on_pick.clone());
        let on_hover = props.events.on_hover.clone();
        Callback::from(move |_| {
            let first_tap = touched.borrow_mut().take() == Some(false);
            if first_tap && hoverable {
                on_hover.emit(Some(map_cell));
            } else if editable {
                editing.set(true);
            } else if hoverable {
                on_pick.emit(map_cell);
            }
        })
    };
    let onkeydown = {
        let editing = editing.clone();
        Callback::from(move |event: KeyboardEvent| {
            if editable && (event.key() == "Enter" || event.key() == "F2") {
                event.prevent_default();
                editing.set(true);
            }
        })
    };
    let title = cell.value.filter(|_| real).map(format::exact);
    html! {
        <td class={classes} role="gridcell" aria-label={label} {title}
            tabindex={editable.then_some("0")} {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onpointerdown}>
            { text }
        </td>
    }
}
