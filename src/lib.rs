//! ConvStep: step through convolution, activation and pooling one window at a time.
//!
//! `engine` computes every number; `app` shows them in the browser.

#![warn(missing_docs)]

pub mod app;
pub mod engine;
