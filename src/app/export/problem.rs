//! What can go wrong when saving a picture, named so the learner is told in their language
//! rather than the page failing silently.

/// Why a picture was not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveProblem {
    /// The browser gave no canvas to draw on.
    NoCanvas,
    /// The picture did not draw (the browser could not read the SVG as an image).
    NotDrawn,
    /// The picture is too large to draw as pixels.
    TooLarge,
    /// The browser made no PNG from the canvas.
    NoPng,
    /// The GIF could not be encoded.
    NoGif,
    /// The file could not be handed to the browser to save.
    NoDownload,
}
