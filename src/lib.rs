//! Microplan: a micro-influencer programme planner that runs entirely in the browser.
//!
//! This crate is the Leptos app; everything it shows is computed by the crates under
//! `crates/` (see README.md, "Layout"), which are pure Rust and tested natively.
//!
//! - `app`: the shell: state, sections and routing, autosave and browser storage, notices.
//! - `widgets`: reusable pieces: form fields, tables, charts, the document view, the import
//!   wizard, empty states. `widgets::chart_scale` (chart ticks, ranges and layout) is plain
//!   arithmetic and also compiles natively, where its tests run.
//! - `pages`: one module per section; a page uses `app` and `widgets`, never another page.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod pages;
pub mod widgets;
