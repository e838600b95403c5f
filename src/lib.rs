//! ConvStep: step through convolution, activation and pooling one window at a time.
//!
//! `engine` computes every number; `app` shows them in the browser.

pub mod app;
pub mod engine;
