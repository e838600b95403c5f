//! An animated GIF of the run, built one frame at a time: every frame in one fixed palette and,
//! after the first, only the rectangle that changed, with its unchanged pixels transparent, so
//! a frame that moves the window by one cell costs little to encode and to store.

use super::palette::{Palette, TRANSPARENT};
use super::problem::SaveProblem;
use gif::{DisposalMethod, Encoder, Frame, Repeat};
use std::borrow::Cow;

/// A GIF being written.
pub struct Animation {
    encoder: Encoder<Vec<u8>>,
    palette: Palette,
    /// The last frame, as palette indices.
    previous: Vec<u8>,
    width: u16,
    height: u16,
    delay: u16,
}

impl Animation {
    /// A looping GIF of `width`×`height` whose frames each show for `delay` hundredths of a
    /// second.
    pub fn new(width: u32, height: u32, delay: u16, palette: Palette) -> Result<Self, SaveProblem> {
        let (Ok(width), Ok(height)) = (u16::try_from(width), u16::try_from(height)) else {
            return Err(SaveProblem::TooLarge);
        };
        let mut encoder = Encoder::new(Vec::new(), width, height, &palette.table())
            .map_err(|_| SaveProblem::NoGif)?;
        encoder
            .set_repeat(Repeat::Infinite)
            .map_err(|_| SaveProblem::NoGif)?;
        Ok(Animation {
            encoder,
            palette,
            previous: Vec::new(),
            width,
            height,
            delay,
        })
    }

    /// Adds a frame from RGBA pixels, row by row, of the GIF's size.
    pub fn add_frame(&mut self, rgba: &[u8]) -> Result<(), SaveProblem> {
        let (width, height) = (usize::from(self.width), usize::from(self.height));
        if rgba.len() != width * height * 4 {
            return Err(SaveProblem::NoGif);
        }
        let mut indices = Vec::with_capacity(width * height);
        let mut last: Option<([u8; 3], u8)> = None;
        for pixel in rgba.chunks_exact(4) {
            let rgb = [pixel[0], pixel[1], pixel[2]];
            // Neighbouring pixels are mostly the same colour: look each run up once.
            let index = match last {
                Some((colour, index)) if colour == rgb => index,
                _ => self.palette.index(rgb),
            };
            last = Some((rgb, index));
            indices.push(index);
        }
        let frame = if self.previous.is_empty() {
            Frame {
                width: self.width,
                height: self.height,
                buffer: Cow::Borrowed(&indices),
                ..Frame::default()
            }
        } else {
            self.changes(&indices)
        };
        let frame = Frame {
            delay: self.delay,
            dispose: DisposalMethod::Keep,
            ..frame
        };
        self.encoder
            .write_frame(&frame)
            .map_err(|_| SaveProblem::NoGif)?;
        self.previous = indices;
        Ok(())
    }

    /// The rectangle of `indices` that differs from the last frame, unchanged pixels
    /// transparent; one transparent pixel when nothing changed.
    fn changes(&self, indices: &[u8]) -> Frame<'static> {
        let width = usize::from(self.width);
        let (mut top, mut bottom, mut left, mut right) = (usize::MAX, 0, usize::MAX, 0);
        for (row, (now, before)) in indices
            .chunks_exact(width)
            .zip(self.previous.chunks_exact(width))
            .enumerate()
        {
            let first = now.iter().zip(before).position(|(a, b)| a != b);
            let last = now.iter().zip(before).rposition(|(a, b)| a != b);
            if let (Some(first), Some(last)) = (first, last) {
                (top, bottom) = (top.min(row), row);
                (left, right) = (left.min(first), right.max(last));
            }
        }
        if top == usize::MAX {
            return Frame {
                width: 1,
                height: 1,
                buffer: Cow::Owned(vec![TRANSPARENT]),
                transparent: Some(TRANSPARENT),
                ..Frame::default()
            };
        }
        let mut buffer = Vec::with_capacity((bottom - top + 1) * (right - left + 1));
        for row in top..=bottom {
            let span = row * width + left..=row * width + right;
            buffer.extend(
                indices[span.clone()]
                    .iter()
                    .zip(&self.previous[span])
                    .map(|(&now, &before)| if now == before { TRANSPARENT } else { now }),
            );
        }
        // The rectangle lies inside the frame, whose sides fit in u16.
        let side = |value: usize| u16::try_from(value).unwrap_or(u16::MAX);
        Frame {
            left: side(left),
            top: side(top),
            width: side(right - left + 1),
            height: side(bottom - top + 1),
            buffer: Cow::Owned(buffer),
            transparent: Some(TRANSPARENT),
            ..Frame::default()
        }
    }

    /// The finished GIF file.
    pub fn finish(self) -> Result<Vec<u8>, SaveProblem> {
        self.encoder.into_inner().map_err(|_| SaveProblem::NoGif)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::export::theme::LIGHT;

    fn frame(width: usize, height: usize, painted: &[(usize, [u8; 3])]) -> Vec<u8> {
        let mut rgba = [255u8, 255, 255, 255].repeat(width * height);
        for &(at, [r, g, b]) in painted {
            rgba[at * 4..at * 4 + 3].copy_from_slice(&[r, g, b]);
        }
        rgba
    }

    #[test]
    fn later_frames_hold_only_what_changed() {
        let mut animation = Animation::new(4, 3, 50, Palette::for_theme(&LIGHT)).unwrap();
        animation.add_frame(&frame(4, 3, &[])).unwrap();
        animation
            .add_frame(&frame(4, 3, &[(5, LIGHT.window.0), (6, LIGHT.window.0)]))
            .unwrap();
        animation
            .add_frame(&frame(4, 3, &[(5, LIGHT.window.0), (6, LIGHT.window.0)]))
            .unwrap();
        assert_eq!(animation.add_frame(&[0; 7]), Err(SaveProblem::NoGif));
        let bytes = animation.finish().unwrap();

        let mut decoder = gif::DecodeOptions::new()
            .read_info(bytes.as_slice())
            .unwrap();
        assert_eq!((decoder.width(), decoder.height()), (4, 3));
        let mut frames = Vec::new();
        while let Some(frame) = decoder.read_next_frame().unwrap() {
            frames.push((
                frame.left,
                frame.top,
                frame.width,
                frame.height,
                frame.delay,
            ));
        }
        assert_eq!(
            frames,
            [(0, 0, 4, 3, 50), (1, 1, 2, 1, 50), (0, 0, 1, 1, 50)]
        );
    }

    #[test]
    fn a_frame_larger_than_a_gif_can_hold_is_refused() {
        let palette = Palette::for_theme(&LIGHT);
        assert!(matches!(
            Animation::new(70_000, 10, 10, palette),
            Err(SaveProblem::TooLarge)
        ));
    }
}
