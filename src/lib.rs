//! Microplan: a micro-influencer programme planner that runs entirely in the browser.
//!
//! `domain` and `io` are pure Rust and tested natively; `store` keeps its pure envelope logic
//! native-testable and its browser access behind `wasm32`; `ui` exists only in the browser.

pub mod domain;
pub mod io;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
