//! Moving through the steps, by hand or by playback.

use super::State;

/// Playback speeds in steps per second.
pub const SPEEDS: [u32; 5] = [1, 2, 4, 8, 16];

/// A move to another step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Go {
    /// One step forward.
    Forward,
    /// One step back.
    Back,
    /// The first step.
    Start,
    /// The last step.
    End,
    /// A step by number, from 0 (clamped to the last).
    To(usize),
    /// The first step of the next stage.
    NextStage,
    /// The first step of this stage, or of the previous one if already there.
    PreviousStage,
}

/// A playback control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Play {
    /// Start or stop.
    Toggle,
    /// The timer's tick: one step forward while playing, nothing otherwise.
    Tick,
    /// Steps per second.
    Speed(u32),
    /// The next faster (`true`) or slower speed.
    Faster(bool),
}

impl State {
    /// Moves to another step.
    pub(super) fn go(&mut self, go: Go) {
        let pipeline = &self.example.pipeline;
        let step = match go {
            Go::Forward => self.position.saturating_add(1),
            Go::Back => self.position.saturating_sub(1),
            Go::Start => 0,
            Go::End => self.last_step(),
            Go::To(step) => step,
            Go::NextStage => pipeline.global_step(self.focus().0 + 1, 0),
            Go::PreviousStage => {
                let (stage, step) = self.focus();
                let stage = if step == 0 {
                    stage.saturating_sub(1)
                } else {
                    stage
                };
                pipeline.global_step(stage, 0)
            }
        };
        self.position = step.min(self.last_step());
    }

    /// Applies a playback control.
    pub(super) fn play(&mut self, play: Play) {
        match play {
            Play::Toggle => {
                self.playing = !self.playing;
                if self.playing && self.position >= self.last_step() {
                    self.position = 0;
                }
            }
            // A tick that arrives after a pause is late: it must not move the view.
            Play::Tick if self.playing => {
                self.go(Go::Forward);
                self.playing = self.position < self.last_step();
            }
            Play::Tick => {}
            Play::Speed(speed) => self.speed = speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1]),
            Play::Faster(faster) => {
                let index = SPEEDS.iter().position(|&s| s == self.speed).unwrap_or(1);
                let index = if faster {
                    (index + 1).min(SPEEDS.len() - 1)
                } else {
                    index.saturating_sub(1)
                };
                self.speed = SPEEDS[index];
            }
        }
    }
}
