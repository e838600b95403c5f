//! Keyboard shortcuts: the one table of which keys do what. The page's key handler and the `?`
//! list are both made from it, so a key cannot work without being listed, or be listed without
//! working. What each shortcut does to the state is the keyboard hook's business.

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Play or pause.
    PlayPause,
    /// One step forward.
    StepForward,
    /// One step back.
    StepBack,
    /// The first step.
    FirstStep,
    /// The last step.
    LastStep,
    /// Play faster.
    Faster,
    /// Play slower.
    Slower,
    /// The next operation in the menu.
    NextOperation,
    /// The previous operation in the menu.
    PreviousOperation,
    /// The block's next stage.
    NextStage,
    /// The block's previous stage.
    PreviousStage,
    /// Show or hide the list of shortcuts.
    ToggleHelp,
    /// Close the list of shortcuts.
    CloseHelp,
}

/// One line of the table: a shortcut and the keys that trigger it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// What the keys do.
    pub shortcut: Shortcut,
    /// The keys, as `KeyboardEvent.key` values, in the order the `?` list shows them.
    pub keys: &'static [&'static str],
    /// The same keys typed with or without Shift on a US layout (`=` for `+`, `_` for `-`):
    /// accepted, but not listed, as they are not what the keycap shows.
    pub also: &'static [&'static str],
}

/// Every shortcut, in the order the `?` list shows them.
pub const SHORTCUTS: &[Binding] = &[
    bind(Shortcut::PlayPause, &[" ", "k"]),
    bind(Shortcut::StepForward, &["ArrowRight", "l"]),
    bind(Shortcut::StepBack, &["ArrowLeft", "j"]),
    bind(Shortcut::FirstStep, &["Home"]),
    bind(Shortcut::LastStep, &["End"]),
    Binding {
        also: &["="],
        ..bind(Shortcut::Faster, &["+"])
    },
    Binding {
        also: &["_"],
        ..bind(Shortcut::Slower, &["-"])
    },
    bind(Shortcut::NextOperation, &["o"]),
    bind(Shortcut::PreviousOperation, &["O"]),
    bind(Shortcut::NextStage, &["n"]),
    bind(Shortcut::PreviousStage, &["p"]),
    bind(Shortcut::ToggleHelp, &["?"]),
    bind(Shortcut::CloseHelp, &["Escape"]),
];

/// A line of the table with no unlisted keys.
const fn bind(shortcut: Shortcut, keys: &'static [&'static str]) -> Binding {
    Binding {
        shortcut,
        keys,
        also: &[],
    }
}

/// The shortcut for a key (`KeyboardEvent.key`), if it is one.
pub fn shortcut_for(key: &str) -> Option<Shortcut> {
    SHORTCUTS
        .iter()
        .find(|binding| binding.keys.contains(&key) || binding.also.contains(&key))
        .map(|binding| binding.shortcut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut_for(" "), Some(Shortcut::PlayPause));
        assert_eq!(shortcut_for("k"), Some(Shortcut::PlayPause));
        assert_eq!(shortcut_for("ArrowRight"), Some(Shortcut::StepForward));
        assert_eq!(shortcut_for("="), Some(Shortcut::Faster));
        assert_eq!(shortcut_for("_"), Some(Shortcut::Slower));
        assert_eq!(shortcut_for("O"), Some(Shortcut::PreviousOperation));
        assert_eq!(shortcut_for("?"), Some(Shortcut::ToggleHelp));
        assert_eq!(shortcut_for("Escape"), Some(Shortcut::CloseHelp));
        assert_eq!(shortcut_for("x"), None);
    }

    #[test]
    fn every_key_belongs_to_one_shortcut_only() {
        let keys: Vec<&str> = SHORTCUTS
            .iter()
            .flat_map(|binding| binding.keys.iter().chain(binding.also))
            .copied()
            .collect();
        for key in &keys {
            assert_eq!(keys.iter().filter(|k| *k == key).count(), 1, "{key:?}");
        }
    }
}
