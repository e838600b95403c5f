//! How the page is presented, apart from the example: projector theme, embed mode and the
//! panels an author or teacher chose to hide. All of it travels in the link.

/// A part of the screen that can be hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Panel {
    /// The title bar.
    Header,
    /// The whole controls column.
    Controls,
    /// Playback buttons and the scrub slider.
    Playback,
    /// The calculation.
    Arithmetic,
    /// The output-size formula.
    Formula,
    /// The feature maps as pictures.
    Pictures,
    /// The hint line under the grids.
    Hint,
    /// The code that reproduces the example, the matrix views and tensors in and out. Hidden in
    /// embed mode unless the link asks for it (`show=code`).
    Code,
}

impl Panel {
    /// Every panel, in screen order.
    pub const ALL: [Panel; 8] = [
        Panel::Header,
        Panel::Controls,
        Panel::Playback,
        Panel::Arithmetic,
        Panel::Formula,
        Panel::Pictures,
        Panel::Hint,
        Panel::Code,
    ];

    /// The name used in links (`hide=controls,formula`).
    pub fn id(self) -> &'static str {
        match self {
            Panel::Header => "header",
            Panel::Controls => "controls",
            Panel::Playback => "playback",
            Panel::Arithmetic => "arithmetic",
            Panel::Formula => "formula",
            Panel::Pictures => "pictures",
            Panel::Hint => "hint",
            Panel::Code => "code",
        }
    }

    /// Each panel of `panels` once, in screen order.
    pub fn in_screen_order(panels: &[Panel]) -> Vec<Panel> {
        Panel::ALL
            .into_iter()
            .filter(|panel| panels.contains(panel))
            .collect()
    }

    /// The panel named `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|panel| panel.id() == id)
    }
}

/// Theme, embedding and hidden panels.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presentation {
    /// Large type, thick outlines, high contrast on a light background.
    pub projector: bool,
    /// Shown inside another page: no title bar, reports its height to the host.
    pub embed: bool,
    /// Panels not shown, in [`Panel::ALL`] order.
    pub hidden: Vec<Panel>,
    /// Panels embed mode hides unless asked for, asked for, in [`Panel::ALL`] order.
    pub asked: Vec<Panel>,
    /// Shown as a worksheet to print instead of the step view (`sheet=1`).
    pub sheet: bool,
}

impl Presentation {
    /// Whether `panel` is shown.
    pub fn shows(&self, panel: Panel) -> bool {
        let off_when_embedded = match panel {
            Panel::Header => true,
            Panel::Code => !self.asked.contains(&panel),
            _ => false,
        };
        !(self.hidden.contains(&panel) || (self.embed && off_when_embedded))
    }

    /// Parses `hide=a,b,c` or `show=a,b`; `None` if any name is unknown.
    pub fn parse_panels(text: &str) -> Option<Vec<Panel>> {
        let panels: Vec<Panel> = text
            .split(',')
            .filter(|name| !name.is_empty())
            .map(Panel::from_id)
            .collect::<Option<_>>()?;
        Some(Panel::in_screen_order(&panels))
    }

    /// Panel names joined by commas, as `hide` and `show` write them.
    pub fn names(panels: &[Panel]) -> String {
        panels
            .iter()
            .map(|panel| panel.id())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The `hide` value: panel names joined by commas.
    pub fn hidden_text(&self) -> String {
        Self::names(&self.hidden)
    }

    /// Shows or hides one panel.
    pub fn set_hidden(&mut self, panel: Panel, hidden: bool) {
        self.hidden.retain(|&p| p != panel);
        if hidden {
            self.hidden.push(panel);
            self.hidden = Panel::in_screen_order(&self.hidden);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_panels_round_trip_and_unknown_names_are_refused() {
        let hidden = Presentation::parse_panels("formula,controls,formula").unwrap();
        assert_eq!(hidden, vec![Panel::Controls, Panel::Formula]);
        let presentation = Presentation {
            hidden,
            ..Presentation::default()
        };
        assert_eq!(presentation.hidden_text(), "controls,formula");
        assert!(!presentation.shows(Panel::Controls));
        assert!(presentation.shows(Panel::Header));
        assert_eq!(Presentation::parse_panels("controls,<b>"), None);
        let embedded = Presentation {
            embed: true,
            ..Presentation::default()
        };
        assert!(!embedded.shows(Panel::Header));
    }
}
