//! Placebo inference by permutation over donors (Abadie, Diamond & Hainmueller 2010): each
//! donor in turn is treated as if it had got the campaign and fitted from the other donors
//! (never from the treated regions). The p-value is the share of all units, the treated one
//! included, whose post/pre RMSPE ratio is at least the treated one's: with J donors the
//! smallest possible p-value is 1 / (J + 1). The augmented estimator is tested the same way,
//! each placebo corrected with the penalty chosen for the treated fit.

use serde::{Deserialize, Serialize};

use super::augmented::augmented_weights;
use super::gap::{evaluate, ratio_floor, rmspe_ratio};
use microplan_stats::synth::Gram;
use microplan_stats::StatsResult;

/// One placebo fit: a donor treated as if it had got the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlaceboFit {
    /// Position of the donor among the donors.
    pub donor: usize,
    pub pre_rmspe: f64,
    pub post_rmspe: f64,
    pub ratio: f64,
}

/// The permutation test of the treated ratio against the placebos.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceboInference {
    pub placebos: Vec<PlaceboFit>,
    /// Units (the treated one included) with a ratio at least the treated one's.
    pub rank: usize,
    /// Donors + 1.
    pub units: usize,
    /// rank / units.
    pub p_value: f64,
}

/// Placebo fits of every donor (`series` as in `fit_synthetic_control`, `gram` its
/// pre-period cross-products); `None` with fewer than two donors. With `ridge` (a penalty
/// in the units of `gram`) every placebo is the augmented estimator with that penalty.
pub fn placebo_inference(
    gram: &Gram,
    series: &[&[f64]],
    pre_days: usize,
    treated_ratio: f64,
    ridge: Option<f64>,
) -> StatsResult<Option<PlaceboInference>> {
    let donor_count = series.len().saturating_sub(1);
    if donor_count < 2 {
        return Ok(None);
    }
    let floor = ratio_floor(series);
    let mut placebos = Vec::with_capacity(donor_count);
    for unit in 1..series.len() {
        let pool: Vec<usize> = (1..series.len()).filter(|&u| u != unit).collect();
        let mut weights = gram.fit(unit, &pool)?.weights;
        if let Some(lambda) = ridge {
            weights = augmented_weights(gram, unit, &pool, &weights, lambda)?;
        }
        let target = series.get(unit).copied().unwrap_or(&[]);
        let pool_series: Vec<&[f64]> = pool
            .iter()
            .filter_map(|&u| series.get(u).copied())
            .collect();
        let (_, _, pre_rmspe, post_rmspe) = evaluate(target, &pool_series, &weights, pre_days);
        placebos.push(PlaceboFit {
            donor: unit - 1,
            pre_rmspe,
            post_rmspe,
            ratio: rmspe_ratio(pre_rmspe, post_rmspe, floor),
        });
    }
    let rank = 1 + placebos.iter().filter(|p| p.ratio >= treated_ratio).count();
    let units = donor_count + 1;
    Ok(Some(PlaceboInference {
        placebos,
        rank,
        units,
        p_value: rank as f64 / units as f64,
    }))
}
