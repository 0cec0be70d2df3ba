//! Uplift tests: planning them (sample size, power, duration), pre-registering them,
//! analysing them from arm totals, daily series (sequential monitoring, difference in
//! differences), per-user values and surveys, and regional holdouts by synthetic control
//! (`geo`), each ending in a plain verdict.
//!
//! Depends on `microplan-model` and `microplan-stats`; never on the workspace aggregate or
//! the UI.

pub mod arms;
pub mod comparison;
pub mod daily;
pub mod error;
pub mod geo;
pub mod msprt;
pub mod planning;
pub mod prereg;
pub mod survey;
pub mod verdict;

pub use error::{UpliftError, UpliftResult};
