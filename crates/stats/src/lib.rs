//! The statistics engine: tests, intervals, power, corrections, Bayesian and sequential
//! analysis (confidence sequences and the mSPRT), and the binomial planner for gifted
//! seeding. Pure Rust, no browser access; depends on no other Microplan crate, so any crate
//! may use it.
//!
//! Conventions: arm A is the control, arm B the treatment; differences are B - A and
//! [`Alternative::Greater`] means B > A. Every public function validates its input and
//! returns `Result<_, StatsError>`; no function panics and no `Ok` value holds NaN. Small
//! p-values come from upper-tail computations (never `1 - cdf`), so they stay right down to
//! about 1e-300. Reference implementations: scipy 1.17 and statsmodels 0.15 (see
//! `scripts/reference/stats_fixtures.py` and the fixtures in `tests/fixtures/stats/`).

pub mod bayes;
pub mod binomial_planning;
pub mod corrections;
pub mod did;
pub mod discrete;
pub mod distributions;
pub mod error;
pub mod intervals;
pub mod means;
pub mod msprt;
pub mod power;
pub mod power_calculators;
pub mod power_means;
pub mod proportions;
pub mod ridge;
pub mod sequential;
mod special;
pub mod srm;
pub mod synth;

pub use error::{StatsError, StatsResult};

use serde::{Deserialize, Serialize};

/// The alternative hypothesis of a test comparing treatment B with control A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Alternative {
    /// B differs from A in either direction.
    #[default]
    TwoSided,
    /// B is greater than A.
    Greater,
    /// B is less than A.
    Less,
}

/// Conversions out of visitors in one arm (any success count out of trials).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinaryArm {
    pub conversions: u64,
    pub visitors: u64,
}

impl BinaryArm {
    /// `conversions` out of `visitors` (validated by the functions that use it).
    pub fn new(conversions: u64, visitors: u64) -> Self {
        BinaryArm {
            conversions,
            visitors,
        }
    }

    /// Checks conversions <= visitors and visitors > 0; `name` is used in the message.
    pub fn validate(&self, name: &str) -> StatsResult<()> {
        error::conversions(self.conversions, self.visitors, name)
    }

    /// The observed rate; call after `validate`.
    pub(crate) fn rate(&self) -> f64 {
        self.conversions as f64 / self.visitors as f64
    }
}

#[cfg(test)]
mod tests;
