//! The crate root of `microplan-core`: the domain and io layers, pure Rust with no browser
//! code. The app re-exports both, so `microplan::domain` and `crate::domain` keep working.

pub mod domain;
pub mod io;
