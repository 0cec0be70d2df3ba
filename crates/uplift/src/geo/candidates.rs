//! Planning aids: which single regions the other regions reproduce best before launch (good
//! candidates to treat), and the spend an effect the size of the minimum detectable lift
//! implies at the programme's cost per incremental outcome.

use serde::{Deserialize, Serialize};

use super::gap::{evaluate, rmspe};
use super::panel::build_panel;
use super::GeoTest;
use microplan_stats::synth::Gram;
use microplan_stats::{error, StatsError, StatsResult};

/// At most this many regions (the first in the series) are evaluated as candidates, so the
/// work stays bounded: one simplex fit per candidate on one shared set of cross-products.
pub const MAX_CANDIDATES: usize = 60;

/// A region fitted from all the others over the fit period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub region: String,
    pub pre_rmspe: f64,
    /// pre RMSPE / mean |value| of the region over the fit period.
    pub fit_ratio: f64,
}

/// The candidates ranked and how many regions were evaluated out of how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateRanking {
    pub best: Vec<Candidate>,
    pub evaluated: usize,
    pub regions: usize,
    pub fit_dates: usize,
}

/// The `k` regions whose synthetic control from every other region fits best over the
/// dates before launch (every date when no launch is set), ranked by RMSPE relative to the
/// region's own level (so large regions are not penalised for their size); ties by name.
pub fn rank_candidates(test: &GeoTest, k: usize) -> StatsResult<CandidateRanking> {
    let regions = test.regions();
    if regions.len() < 3 {
        return Err(StatsError::TooFew {
            what: "the regions (a candidate needs at least two others to compare with)".into(),
            needed: 3,
            got: regions.len() as u64,
        });
    }
    let panel = build_panel(&test.points, &regions)?;
    let fit_dates = match test.launch_date {
        Some(launch) => panel.dates.iter().take_while(|d| **d < launch).count(),
        None => panel.dates.len(),
    };
    if fit_dates < 2 {
        return Err(StatsError::TooFew {
            what: "the dates before launch".into(),
            needed: 2,
            got: fit_dates as u64,
        });
    }
    let pre: Vec<&[f64]> = panel
        .values
        .iter()
        .map(|s| s.get(..fit_dates).unwrap_or(s))
        .collect();
    let gram = Gram::new(&pre)?;
    let evaluated = regions.len().min(MAX_CANDIDATES);
    let mut ranked = Vec::with_capacity(evaluated);
    for target in 0..evaluated {
        let donors: Vec<usize> = (0..regions.len()).filter(|&u| u != target).collect();
        let weights = gram.fit(target, &donors)?.weights;
        let donor_series: Vec<&[f64]> =
            donors.iter().filter_map(|&u| pre.get(u).copied()).collect();
        let series = pre.get(target).copied().unwrap_or(&[]);
        let (_, gap, _, _) = evaluate(series, &donor_series, &weights, fit_dates);
        let pre_rmspe = rmspe(&gap);
        let level = series.iter().map(|v| v.abs()).sum::<f64>() / fit_dates as f64;
        let fit_ratio = if level > 0.0 {
            pre_rmspe / level
        } else {
            f64::MAX
        };
        ranked.push(Candidate {
            region: regions.get(target).cloned().unwrap_or_default(),
            pre_rmspe,
            fit_ratio,
        });
    }
    ranked.sort_by(|a, b| {
        a.fit_ratio
            .total_cmp(&b.fit_ratio)
            .then_with(|| a.region.cmp(&b.region))
    });
    ranked.truncate(k);
    Ok(CandidateRanking {
        best: ranked,
        evaluated,
        regions: regions.len(),
        fit_dates,
    })
}

/// What an effect the size of the minimum detectable lift means in outcomes and spend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImpliedBudget {
    /// Outcomes the treated regions would produce over the test without the campaign.
    pub baseline: f64,
    /// The minimum detectable lift times that baseline.
    pub incremental: f64,
    /// `incremental` x cost per incremental outcome.
    pub spend: f64,
}

/// The spend an effect of `lift` (a fraction of the baseline) needs over `test_days` dates
/// when the treated regions together produce `baseline_per_date` outcomes a date and one
/// incremental outcome costs `cost_per_outcome`.
pub fn implied_budget(
    baseline_per_date: f64,
    test_days: usize,
    lift: f64,
    cost_per_outcome: f64,
) -> StatsResult<ImpliedBudget> {
    error::finite("the baseline per date", baseline_per_date)?;
    error::finite("the minimum detectable lift", lift)?;
    error::finite("the cost per incremental outcome", cost_per_outcome)?;
    if cost_per_outcome.is_nan() || cost_per_outcome <= 0.0 {
        return Err(StatsError::OutOfRange {
            what: "the cost per incremental outcome".into(),
            value: cost_per_outcome,
            expected: "above 0".into(),
        });
    }
    let baseline = baseline_per_date.max(0.0) * test_days as f64;
    let incremental = lift * baseline;
    let spend = incremental * cost_per_outcome;
    if !spend.is_finite() {
        return Err(StatsError::TooLarge {
            what: "the implied spend".into(),
        });
    }
    Ok(ImpliedBudget {
        baseline,
        incremental,
        spend,
    })
}

/// Mean outcomes a date of the treated regions together over the dates before launch.
pub fn treated_baseline_per_date(test: &GeoTest) -> StatsResult<f64> {
    let (lined_up, _) = super::analysis::geo_series(test)?;
    let treated = lined_up.series.first().map(Vec::as_slice).unwrap_or(&[]);
    let pre = treated.get(..lined_up.pre_days).unwrap_or(treated);
    if pre.is_empty() {
        return Err(StatsError::Empty {
            what: "the dates before launch".into(),
        });
    }
    // The treated series is their mean; the baseline is their sum.
    Ok(pre.iter().sum::<f64>() / pre.len() as f64 * test.treated_regions.len() as f64)
}
