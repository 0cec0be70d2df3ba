//! Microplan: a micro-influencer programme planner that runs entirely in the browser.
//!
//! This crate is the Leptos app; everything it shows is computed by the crates under
//! `crates/` (see README.md, "Layout"), which are pure Rust and tested natively.

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
