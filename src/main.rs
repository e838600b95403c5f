//! Mounts the app.
fn main() {
    yew::Renderer::<convstep::app::App>::new().render();
}
