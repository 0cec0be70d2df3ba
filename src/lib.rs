//! Microplan: a micro-influencer programme planner that runs entirely in the browser.
//!
//! This crate is the Leptos app; everything it shows is computed by the crates under
//! `crates/` (see README.md, "Layout"), which are pure Rust and tested natively.
//!
//! Layers, each using only those before it:
//! - `app`: state and browser glue: sections and routing, autosave and browser storage,
//!   files to and from disk, notices, undo, crash recovery. No components of pages or widgets.
//! - `widgets`: reusable pieces: form fields, tables, charts, the document view, the import
//!   wizard, the workspace list, empty states. `widgets::chart_scale` (chart ticks, ranges
//!   and layout) is plain arithmetic and also compiles natively, where its tests run.
//! - `pages`: one module per section; a page uses `app` and `widgets`, never another page.
//! - `shell`: mounting, the header and layout, the routes to the pages, the banners.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod shell;
pub mod widgets;
