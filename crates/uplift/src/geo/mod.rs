//! Regional holdout (geo) tests: creators are activated in some regions and others are held
//! back; the effect is read with a synthetic control (Abadie, Diamond & Hainmueller 2010), a
//! weighted mix of held-back regions that tracked the treated regions before launch.
//!
//! [`panel`] lines the regional series up by date, [`analysis`] fits the weights and reads
//! the lift, [`placebo`] gives the permutation p-value and [`power`] the smallest lift a
//! test of a given length would detect.

pub mod analysis;
pub mod augmented;
pub mod candidates;
mod gap;
pub mod panel;
pub mod placebo;
pub mod power;
pub mod verdict;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use analysis::{analyse_geo_test, GeoAnalysis, GeoLift, POOR_FIT_RATIO};
pub use augmented::GeoEstimator;

/// One region's metric (orders, revenue, sign-ups) on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub region: String,
    #[serde(with = "microplan_model::iso_date")]
    pub date: NaiveDate,
    pub value: f64,
}

/// A regional test: its series, the regions that got the creators, and the launch date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct GeoTest {
    pub name: String,
    /// What the series counts, as the imported column named it ("Orders").
    #[serde(default)]
    pub metric: String,
    /// The first date of the campaign; dates before it are the pre-period.
    #[serde(default, with = "microplan_model::iso_date::optional")]
    pub launch_date: Option<NaiveDate>,
    /// Regions where the creators were active; every other region is a donor.
    #[serde(default)]
    pub treated_regions: Vec<String>,
    #[serde(default)]
    pub points: Vec<GeoPoint>,
    /// How the gap is read; tests stored before the choice existed read as the plain
    /// synthetic control.
    #[serde(default)]
    pub estimator: GeoEstimator,
    /// Ridge penalty of the augmented estimator relative to lambda_max; `None` chooses it
    /// by cross-validation.
    #[serde(default)]
    pub ridge_penalty: Option<f64>,
}

impl GeoTest {
    /// Region names in order of first appearance.
    pub fn regions(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for point in &self.points {
            if !names.contains(&point.region) {
                names.push(point.region.clone());
            }
        }
        names
    }
}

#[cfg(test)]
mod tests;
