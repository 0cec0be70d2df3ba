//! Microplan: a micro-influencer programme planner that runs entirely in the browser.
//!
//! `domain` and `io` are pure Rust, tested natively, and built as their own crate
//! (`microplan-core`, see core/Cargo.toml) so release builds can optimise them for speed;
//! `store` keeps its pure envelope logic native-testable and its browser access behind
//! `wasm32`; `ui` exists only in the browser.

pub use microplan_core::{domain, io};
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
