//! Keyboard shortcuts: which key does what. The component that listens ignores keys typed
//! into fields, so editing a cell never steps the example.

use super::state::{Action, Change, Go, Play};

/// Every shortcut: the keys, and what they do (an index into the help text).
pub const SHORTCUTS: [(&str, Shortcut); 9] = [
    ("Space", Shortcut::PlayPause),
    ("→  l", Shortcut::Forward),
    ("←  j", Shortcut::Back),
    ("Home", Shortcut::Start),
    ("End", Shortcut::End),
    ("+  −", Shortcut::Speed),
    ("o  O", Shortcut::Operation),
    ("n  p", Shortcut::Stage),
    ("?", Shortcut::Help),
];

/// What a shortcut does, for the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Play or pause.
    PlayPause,
    /// One step forward.
    Forward,
    /// One step back.
    Back,
    /// First step.
    Start,
    /// Last step.
    End,
    /// Faster or slower.
    Speed,
    /// Next or previous operation.
    Operation,
    /// Next or previous stage.
    Stage,
    /// This overlay.
    Help,
}

/// The action for a key (`KeyboardEvent.key`), if it is a shortcut.
pub fn action_for(key: &str) -> Option<Action> {
    Some(match key {
        " " | "k" => Action::Play(Play::Toggle),
        "ArrowRight" | "l" => Action::Go(Go::Forward),
        "ArrowLeft" | "j" => Action::Go(Go::Back),
        "Home" => Action::Go(Go::Start),
        "End" => Action::Go(Go::End),
        "+" | "=" => Action::Play(Play::Faster(true)),
        "-" | "_" => Action::Play(Play::Faster(false)),
        "o" => Action::Change(Change::CycleOperation(true)),
        "O" => Action::Change(Change::CycleOperation(false)),
        "n" => Action::Go(Go::NextStage),
        "p" => Action::Go(Go::PreviousStage),
        "?" => Action::ToggleHelp,
        "Escape" => Action::CloseHelp,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(action_for(" "), Some(Action::Play(Play::Toggle)));
        assert_eq!(action_for("ArrowRight"), Some(Action::Go(Go::Forward)));
        assert_eq!(action_for("?"), Some(Action::ToggleHelp));
        assert_eq!(action_for("x"), None);
    }
}
