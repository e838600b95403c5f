//! The three ways to save: this step as a PNG (at 2×, for slides) or as an SVG, and the run as
//! an animated GIF, one frame per step at the playback speed. Each goes from the state to a file
//! the browser saves.

use super::animation::Animation;
use super::browser::{self, Canvas};
use super::palette::Palette;
use super::plan::{self, MAX_GIF_PIXELS, MAX_PNG_PIXELS, PNG_SCALE, Run};
use super::problem::SaveProblem;
use super::scene::Scene;
use super::svg::{self, Picture};
use super::theme::Theme;
use crate::app::state::State;
use crate::app::view;
use crate::engine::Step;

/// Saves this step as a PNG at twice the picture's size.
pub async fn png(state: &State, step: Option<&Step>) -> Result<(), SaveProblem> {
    let picture = svg::picture(state, step);
    let (scale, width, height) =
        plan::fit(picture.width, picture.height, PNG_SCALE, MAX_PNG_PIXELS)?;
    let canvas = Canvas::new(width, height, false)?;
    canvas
        .draw(&picture, scale, theme(state).background)
        .await?;
    let file = canvas.png().await?;
    browser::download(&file, &file_name(state, "png"))
}

/// Saves this step as an SVG.
pub fn svg(state: &State, step: Option<&Step>) -> Result<(), SaveProblem> {
    let Picture { svg, .. } = svg::picture(state, step);
    let file = browser::text_blob(&svg, "image/svg+xml")?;
    browser::download(&file, &file_name(state, "svg"))
}

/// Saves the run, from its first step, as a looping GIF; `on_frame(frame, run)` is told before
/// each frame is drawn, and the page gets to paint between frames.
pub async fn gif(state: &State, on_frame: impl Fn(usize, Run)) -> Result<(), SaveProblem> {
    let run = Run::new(state.example.steps(), state.speed);
    // Pictures grow a little with a longer calculation: the GIF is as large as the largest.
    let (mut width, mut height) = (1, 1);
    for position in 0..run.frames {
        let state = plan::at_step(state, position);
        let scene = Scene::new(&state, view::current_step(&state).as_ref());
        (width, height) = (width.max(scene.width), height.max(scene.height));
    }
    let (scale, width, height) = plan::fit(width, height, 1.0, MAX_GIF_PIXELS)?;
    let theme = theme(state);
    let canvas = Canvas::new(width, height, true)?;
    let mut animation = Animation::new(width, height, run.delay, Palette::for_theme(theme))?;
    for position in 0..run.frames {
        on_frame(position + 1, run);
        browser::next_task().await;
        let state = plan::at_step(state, position);
        let picture = svg::picture(&state, view::current_step(&state).as_ref());
        canvas.draw(&picture, scale, theme.background).await?;
        animation.add_frame(&canvas.pixels()?)?;
    }
    let file = browser::bytes_blob(&animation.finish()?, "image/gif")?;
    browser::download(&file, "convstep-run.gif")
}

fn theme(state: &State) -> &'static Theme {
    Theme::of(state.presentation.projector)
}

/// `convstep-step-5.png`: the step as the playback bar counts it.
fn file_name(state: &State, extension: &str) -> String {
    format!("convstep-step-{}.{extension}", state.position + 1)
}
