//! The app's components, one per file, named after it.

pub mod app;
pub mod arithmetic;
pub mod embed_dialog;
pub mod feature_map;
pub mod follow;
pub mod formula;
pub mod full_size_maps;
pub mod grid;
pub mod grid_cell;
pub mod grid_row;
pub mod heatmap_canvas;
pub mod heatmaps;
pub mod help_overlay;
pub mod keyboard;
pub mod legend;
pub mod map_pictures;
pub mod number_field;
pub mod operation_picker;
pub mod option_controls;
pub mod picture_source;
pub mod playback;
pub mod toolbar;
pub mod values_controls;
pub mod window_controls;
pub mod window_outline;
