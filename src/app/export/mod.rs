//! Pictures of the current step for slides: the grids, their highlights and the calculation as
//! SVG (built in Rust from the page's own view data, so picture and page cannot disagree), as a
//! PNG at 2×, and the whole run as an animated GIF.
//!
//! `scene` lays a step out and `svg` writes it, with `calculation`, `theme` and `measure`
//! beneath them; all of it is pure and tested natively. `plan`, `palette` and `animation` turn
//! pictures into GIF frames; `browser` and `save` are the browser's part.

pub mod animation;
pub mod browser;
pub mod calculation;
pub mod measure;
pub mod palette;
pub mod plan;
pub mod problem;
pub mod save;
pub mod scene;
pub mod svg;
pub mod theme;

pub use problem::SaveProblem;
