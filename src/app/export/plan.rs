//! How a picture becomes pixels: the scale it is drawn at (2× for a PNG, 1× for a GIF, smaller
//! when the canvas could not hold it), and which steps a GIF shows, each for how long.

use super::problem::SaveProblem;
use crate::app::state::State;

/// A PNG is drawn at twice the picture's size, sharp on a slide.
pub const PNG_SCALE: f64 = 2.0;
/// The most frames a GIF holds. A 64×64 input has 3,844 steps: drawing them all would take
/// minutes and make a file of tens of megabytes, so a longer run is cut short, and the learner
/// is told.
pub const MAX_FRAMES: usize = 300;
/// The longest side of a canvas that current browsers draw.
const MAX_SIDE: f64 = 16_384.0;
/// The most pixels a PNG's canvas gets: 128 MB of colour.
pub const MAX_PNG_PIXELS: f64 = 32.0e6;
/// The most pixels a GIF frame gets, so that encoding hundreds of frames stays quick.
pub const MAX_GIF_PIXELS: f64 = 4.0e6;
/// Below this scale a picture is too small to read: it is refused rather than shrunk.
const MIN_SCALE: f64 = 0.25;

/// The scale a `width`×`height` picture is drawn at: `wanted`, or less so that no side passes
/// what a canvas can hold and the pixels stay within `max_pixels`; with the drawn size.
pub fn fit(
    width: u32,
    height: u32,
    wanted: f64,
    max_pixels: f64,
) -> Result<(f64, u32, u32), SaveProblem> {
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let scale = wanted
        .min(MAX_SIDE / w)
        .min(MAX_SIDE / h)
        .min((max_pixels / (w * h)).sqrt());
    if scale < MIN_SCALE {
        return Err(SaveProblem::TooLarge);
    }
    Ok((scale, (w * scale) as u32, (h * scale) as u32))
}

/// A GIF of the run: how many frames, of how many steps, each shown for `delay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Frames in the GIF: one per step, from the first, up to [`MAX_FRAMES`].
    pub frames: usize,
    /// Steps in the run.
    pub steps: usize,
    /// How long each frame shows, in hundredths of a second: the playback speed's.
    pub delay: u16,
}

impl Run {
    /// The GIF of a run of `steps` steps played at `speed` steps a second.
    pub fn new(steps: usize, speed: u32) -> Run {
        let speed = speed.max(1);
        Run {
            frames: steps.min(MAX_FRAMES),
            steps,
            delay: u16::try_from((100 + speed / 2) / speed).unwrap_or(u16::MAX),
        }
    }

    /// Whether the GIF holds fewer steps than the run.
    pub fn is_cut_short(&self) -> bool {
        self.frames < self.steps
    }
}

/// `state` moved to step `position`, for drawing one frame.
pub fn at_step(state: &State, position: usize) -> State {
    State {
        position,
        playing: false,
        hover: None,
        ..state.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_twice_the_size_unless_the_canvas_cannot_hold_it() {
        assert_eq!(
            fit(600, 400, PNG_SCALE, MAX_PNG_PIXELS),
            Ok((2.0, 1200, 800))
        );
        let (scale, width, height) = fit(10_000, 500, PNG_SCALE, MAX_PNG_PIXELS).unwrap();
        assert!(scale < 2.0 && width <= 16_384 && height <= 1000);
        assert_eq!(
            fit(200_000, 500, 1.0, MAX_GIF_PIXELS),
            Err(SaveProblem::TooLarge)
        );
    }

    #[test]
    fn frames_follow_the_playback_speed_and_stop_at_the_cap() {
        assert_eq!(
            Run::new(4, 2),
            Run {
                frames: 4,
                steps: 4,
                delay: 50
            }
        );
        assert_eq!(Run::new(4, 8).delay, 13);
        assert_eq!(Run::new(4, 16).delay, 6);
        let long = Run::new(3_844, 1);
        assert_eq!((long.frames, long.delay), (MAX_FRAMES, 100));
        assert!(long.is_cut_short() && !Run::new(300, 1).is_cut_short());
    }
}
