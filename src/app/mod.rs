//! The Yew front end: state, text, view models and components. Everything it shows comes
//! from the engine.

pub mod clipboard;
pub mod code;
pub mod colormap;
pub mod components;
pub mod example;
pub mod export;
pub mod fit;
pub mod format;
pub mod i18n;
pub mod learn;
pub mod lesson;
pub mod matrix;
pub mod page_address;
pub mod picture;
pub mod plane;
pub mod practice;
pub mod presentation;
pub mod scatter;
pub mod separable;
pub mod settings;
pub mod shared;
pub mod shortcuts;
pub mod state;
pub mod tensor_text;
pub mod url;
pub mod view;
pub mod worksheet;

pub use components::app::App;
