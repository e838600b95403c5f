//! The GIF's colours: one fixed palette made from the theme's colours and the blends that
//! antialiased text and outlines draw between them. Every frame maps into the same palette, so
//! no colour flickers from frame to frame, and no quantiser is needed.

use super::theme::{Rgb, Theme};

/// The palette index left free for "unchanged since the last frame".
pub const TRANSPARENT: u8 = 255;

/// Eighths of the way from an ink to a fill that antialiasing draws.
const BLENDS: [u16; 3] = [2, 4, 6];

/// Slots of the cache of nearest colours: a frame has a few thousand distinct colours at most.
const CACHE_SLOTS: usize = 4096;

/// A palette of at most 255 colours, with the colours seen lately mapped to their nearest.
#[derive(Debug, Clone)]
pub struct Palette {
    colours: Vec<Rgb>,
    /// `(rgb + 1, index)` by a hash of the colour; 0 is an empty slot.
    nearest: Vec<(u32, u8)>,
}

impl Palette {
    /// The colours a picture in `theme` draws: every ink and fill, the never-read stripes over
    /// each fill, and each ink blended into each fill.
    pub fn for_theme(theme: &Theme) -> Palette {
        let inks = [
            theme.ink,
            theme.muted,
            theme.window_ink,
            theme.current,
            theme.tap_outline,
            theme.line,
            theme.trace,
            theme.error_ink,
        ];
        let fills = [
            theme.background,
            theme.window,
            theme.current_fill,
            theme.padding_fill,
            theme.padding_tap_fill,
            theme.field_fill,
            theme.pending_fill,
            theme.trace_fill,
        ];
        let mut colours: Vec<Rgb> = fills.iter().chain(&inks).copied().collect();
        colours.push(theme.pending_line);
        colours.extend(fills.iter().map(|fill| fill.towards(theme.never_read, 1)));
        for fill in fills {
            for ink in inks {
                colours.extend(BLENDS.iter().map(|&eighths| fill.towards(ink, eighths)));
            }
        }
        let mut unique = Vec::with_capacity(colours.len());
        for colour in colours {
            if !unique.contains(&colour) {
                unique.push(colour);
            }
        }
        unique.truncate(usize::from(TRANSPARENT));
        Palette {
            colours: unique,
            nearest: vec![(0, 0); CACHE_SLOTS],
        }
    }

    /// The colour table, `[r, g, b, …]`, 256 entries with the transparent one last.
    pub fn table(&self) -> Vec<u8> {
        let mut table: Vec<u8> = self.colours.iter().flat_map(|colour| colour.0).collect();
        table.resize(256 * 3, 0);
        table
    }

    /// The index of the palette colour nearest to `rgb`.
    pub fn index(&mut self, rgb: [u8; 3]) -> u8 {
        let [r, g, b] = rgb.map(u32::from);
        let key = (r << 16 | g << 8 | b) + 1;
        let slot = (key.wrapping_mul(0x9e37_79b9) >> 20) as usize % CACHE_SLOTS;
        let (cached, index) = self.nearest[slot];
        if cached == key {
            return index;
        }
        let distance = |colour: &Rgb| {
            let [r, g, b] = colour.0.map(i32::from);
            let [r2, g2, b2] = rgb.map(i32::from);
            // Green counts most, blue least, as the eye sees differences.
            3 * (r - r2).pow(2) + 4 * (g - g2).pow(2) + 2 * (b - b2).pow(2)
        };
        let index = (0..self.colours.len())
            .min_by_key(|&index| distance(&self.colours[index]))
            .map_or(0, |index| index as u8);
        self.nearest[slot] = (key, index);
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::export::theme::{LIGHT, PROJECTOR};

    #[test]
    fn both_themes_fit_in_one_table_with_room_for_transparency() {
        for theme in [&LIGHT, &PROJECTOR] {
            let mut palette = Palette::for_theme(theme);
            assert!(palette.colours.len() < usize::from(TRANSPARENT));
            assert_eq!(palette.table().len(), 768);
            // Every theme colour maps to itself.
            let table = palette.table();
            for colour in [theme.ink, theme.window, theme.current, theme.padding_fill] {
                let at = usize::from(palette.index(colour.0)) * 3;
                assert_eq!(table[at..at + 3], colour.0);
            }
        }
    }
}
