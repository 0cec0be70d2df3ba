//! The synthetic control of a geo test: donor weights fitted on the pre-period outcome path,
//! the synthetic series, the gap, the lift after launch and how well the pre-period fits.
//!
//! Several treated regions are averaged into one treated series before the fit. The lift is
//! read from the gap (treated - synthetic) from the launch date on: cumulative (sum), average
//! (mean per date) and relative (cumulative gap / cumulative synthetic, which is also the
//! average gap over the average synthetic). RMSPE is the root mean squared gap of a period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::augmented::{
    augmented_weights, cross_validated_penalty, stated_penalty, GeoEstimator, RidgePenalty,
};
use super::gap::{evaluate, ratio_floor, rmspe_ratio};
use super::panel::build_panel;
use super::placebo::{placebo_inference, PlaceboInference};
use super::GeoTest;
use microplan_stats::synth::Gram;
use microplan_stats::{StatsError, StatsResult};

/// Pre-period RMSPE above this share of the treated series' mean level means the synthetic
/// control did not track the treated regions well enough to trust its gap.
pub const POOR_FIT_RATIO: f64 = 0.10;

/// The effect after launch, in the metric's units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoLift {
    /// Sum of the gap over the post-period.
    pub cumulative: f64,
    /// Mean gap per date of the post-period.
    pub average: f64,
    /// Cumulative gap over the cumulative synthetic series; `None` when that is not above zero.
    pub relative: Option<f64>,
    pub post_days: usize,
}

/// A fitted synthetic control on plain series (unit 0 treated, the rest donors).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyntheticControl {
    /// One weight per donor, summing to 1.
    pub weights: Vec<f64>,
    pub synthetic: Vec<f64>,
    /// Treated minus synthetic, every date.
    pub gap: Vec<f64>,
    pub pre_days: usize,
    pub pre_rmspe: f64,
    pub post_rmspe: f64,
    /// post RMSPE / pre RMSPE, the statistic the placebo test ranks.
    pub rmspe_ratio: f64,
    pub lift: GeoLift,
    /// pre RMSPE / mean |treated| before launch; `None` when that mean is zero.
    pub fit_ratio: Option<f64>,
    pub poor_fit: bool,
    pub iterations: usize,
}

/// The full analysis of a geo test, with region names and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoAnalysis {
    pub treated_regions: Vec<String>,
    /// Donor regions with their weights, in the order of the series.
    pub donors: Vec<(String, f64)>,
    pub dates: Vec<NaiveDate>,
    pub launch: NaiveDate,
    /// Mean of the treated regions, every date.
    pub treated: Vec<f64>,
    /// The fit of the chosen estimator.
    pub fit: SyntheticControl,
    pub estimator: GeoEstimator,
    /// Pre-period RMSPE of the plain synthetic control.
    pub synthetic_pre_rmspe: f64,
    /// Pre-period RMSPE of the augmented estimator; `None` when it could not be fitted.
    pub augmented_pre_rmspe: Option<f64>,
    /// The ridge penalty of the augmented estimator (used or not).
    pub penalty: Option<RidgePenalty>,
    /// Placebo p-value; `None` with fewer than two donors (no placebo has a pool).
    pub placebo: Option<PlaceboInference>,
    pub dropped_dates: usize,
}

/// Fits unit 0 of `series` (every series the same length) on the others over the first
/// `pre_days` dates; returns the fit and the pre-period Gram for the placebo fits.
pub fn fit_synthetic_control(
    series: &[&[f64]],
    pre_days: usize,
) -> StatsResult<(SyntheticControl, Gram)> {
    let Some((target, donors)) = series.split_first() else {
        return Err(StatsError::Empty {
            what: "the treated regions".into(),
        });
    };
    if donors.is_empty() {
        return Err(StatsError::TooFew {
            what: "the donor pool (regions held back)".into(),
            needed: 1,
            got: 0,
        });
    }
    let days = target.len();
    if series.iter().any(|s| s.len() != days) {
        return Err(StatsError::Mismatch {
            what: "every region needs a value on the same dates".into(),
        });
    }
    if pre_days < 2 {
        return Err(StatsError::TooFew {
            what: "the pre-period (dates before launch)".into(),
            needed: 2,
            got: pre_days as u64,
        });
    }
    if pre_days >= days {
        return Err(StatsError::TooFew {
            what: "the post-period (dates from launch on)".into(),
            needed: 1,
            got: 0,
        });
    }
    let pre: Vec<&[f64]> = series
        .iter()
        .map(|s| s.get(..pre_days).unwrap_or(s))
        .collect();
    let gram = Gram::new(&pre)?;
    let donor_indices: Vec<usize> = (1..series.len()).collect();
    let solved = gram.fit(0, &donor_indices)?;
    let fit = control_from_weights(series, pre_days, solved.weights, solved.iterations)?;
    Ok((fit, gram))
}

/// The synthetic series, gap, RMSPEs and lift of unit 0 of `series` reproduced from the
/// other units with `weights` (checked: `series` has a target and at least one donor).
pub(crate) fn control_from_weights(
    series: &[&[f64]],
    pre_days: usize,
    weights: Vec<f64>,
    iterations: usize,
) -> StatsResult<SyntheticControl> {
    let Some((target, donors)) = series.split_first() else {
        return Err(StatsError::Empty {
            what: "the treated regions".into(),
        });
    };
    let (synthetic, gap, pre_rmspe, post_rmspe) = evaluate(target, donors, &weights, pre_days);
    let post_gap = gap.get(pre_days..).unwrap_or(&[]);
    let cumulative: f64 = post_gap.iter().sum();
    let post_days = post_gap.len();
    let synthetic_total: f64 = synthetic.get(pre_days..).unwrap_or(&[]).iter().sum();
    let level = target
        .get(..pre_days)
        .unwrap_or(&[])
        .iter()
        .map(|v| v.abs())
        .sum::<f64>()
        / pre_days.max(1) as f64;
    let fit_ratio = (level > 0.0).then(|| pre_rmspe / level);
    let fit = SyntheticControl {
        weights,
        pre_days,
        pre_rmspe,
        post_rmspe,
        rmspe_ratio: rmspe_ratio(pre_rmspe, post_rmspe, ratio_floor(series)),
        lift: GeoLift {
            cumulative,
            average: cumulative / post_days.max(1) as f64,
            relative: (synthetic_total > 0.0)
                .then(|| cumulative / synthetic_total)
                .filter(|r| r.is_finite()),
            post_days,
        },
        poor_fit: fit_ratio.is_none_or(|r| r > POOR_FIT_RATIO),
        fit_ratio,
        iterations,
        synthetic,
        gap,
    };
    let lift_values = [
        fit.lift.cumulative,
        fit.lift.average,
        fit.pre_rmspe,
        fit.post_rmspe,
    ];
    if fit
        .gap
        .iter()
        .chain(&fit.synthetic)
        .chain(&lift_values)
        .chain(&fit.weights)
        .any(|v| !v.is_finite())
    {
        return Err(StatsError::NoSolution {
            why: "the synthetic series could not be computed reliably".into(),
        });
    }
    Ok(fit)
}

/// The treated mean and donor series of `test` lined up by date (treated first), with the
/// donors' names, the dates and how many dates fall before launch.
pub struct GeoSeries {
    pub donors: Vec<String>,
    pub dates: Vec<NaiveDate>,
    pub series: Vec<Vec<f64>>,
    pub pre_days: usize,
    pub dropped_dates: usize,
}

/// Checks the setup of `test` and lines its series up (see [`GeoSeries`]).
pub fn geo_series(test: &GeoTest) -> StatsResult<(GeoSeries, NaiveDate)> {
    let Some(launch) = test.launch_date else {
        return Err(StatsError::Empty {
            what: "the launch date".into(),
        });
    };
    let regions = test.regions();
    if test.treated_regions.is_empty() {
        return Err(StatsError::Empty {
            what: "the treated regions (pick where the creators ran)".into(),
        });
    }
    if let Some(unknown) = test.treated_regions.iter().find(|r| !regions.contains(r)) {
        return Err(StatsError::Mismatch {
            what: format!(
                "“{unknown}” is not a region of the series; pick the treated regions again"
            ),
        });
    }
    let donors: Vec<String> = regions
        .iter()
        .filter(|r| !test.treated_regions.contains(r))
        .cloned()
        .collect();
    let ordered: Vec<String> = test
        .treated_regions
        .iter()
        .chain(&donors)
        .cloned()
        .collect();
    let panel = build_panel(&test.points, &ordered)?;
    let treated_count = test.treated_regions.len();
    let treated: Vec<f64> = (0..panel.dates.len())
        .map(|t| {
            panel
                .values
                .iter()
                .take(treated_count)
                .map(|s| s.get(t).copied().unwrap_or(0.0))
                .sum::<f64>()
                / treated_count as f64
        })
        .collect();
    let mut series = vec![treated];
    series.extend(panel.values.into_iter().skip(treated_count));
    let pre_days = panel.dates.iter().take_while(|d| **d < launch).count();
    Ok((
        GeoSeries {
            donors,
            dates: panel.dates,
            series,
            pre_days,
            dropped_dates: panel.dropped_dates,
        },
        launch,
    ))
}

/// The synthetic control of `test`: its treated regions against every other region, read
/// with the test's estimator. The augmented fit is computed either way so the result can
/// show both pre-period fits; a failure of the unused one is not an error.
pub fn analyse_geo_test(test: &GeoTest) -> StatsResult<GeoAnalysis> {
    let (lined_up, launch) = geo_series(test)?;
    let series: Vec<&[f64]> = lined_up.series.iter().map(Vec::as_slice).collect();
    let (plain, gram) = fit_synthetic_control(&series, lined_up.pre_days)?;
    let augmented = fit_augmented(
        &series,
        lined_up.pre_days,
        &gram,
        &plain,
        test.ridge_penalty,
    );
    let synthetic_pre_rmspe = plain.pre_rmspe;
    let augmented_pre_rmspe = augmented.as_ref().ok().map(|(f, _)| f.pre_rmspe);
    let (fit, penalty, ridge) = match (test.estimator, augmented) {
        (GeoEstimator::SyntheticControl, a) => (plain, a.ok().map(|(_, p)| p), None),
        (GeoEstimator::AugmentedRidge, Ok((f, p))) => (f, Some(p), Some(p.lambda)),
        (GeoEstimator::AugmentedRidge, Err(e)) => return Err(e),
    };
    let placebo = placebo_inference(&gram, &series, lined_up.pre_days, fit.rmspe_ratio, ridge)?;
    Ok(GeoAnalysis {
        treated_regions: test.treated_regions.clone(),
        donors: lined_up
            .donors
            .into_iter()
            .zip(fit.weights.iter().copied())
            .collect(),
        dates: lined_up.dates,
        launch,
        treated: lined_up.series.into_iter().next().unwrap_or_default(),
        fit,
        estimator: test.estimator,
        synthetic_pre_rmspe,
        augmented_pre_rmspe,
        penalty,
        placebo,
        dropped_dates: lined_up.dropped_dates,
    })
}

/// The augmented fit of unit 0 from the plain one, with the stated relative penalty or one
/// chosen by cross-validation.
pub fn fit_augmented(
    series: &[&[f64]],
    pre_days: usize,
    gram: &Gram,
    plain: &SyntheticControl,
    relative_penalty: Option<f64>,
) -> StatsResult<(SyntheticControl, RidgePenalty)> {
    let donors: Vec<usize> = (1..series.len()).collect();
    let penalty = match relative_penalty {
        Some(relative) => stated_penalty(gram, &donors, relative)?,
        None => {
            let pre: Vec<&[f64]> = series
                .iter()
                .map(|s| s.get(..pre_days).unwrap_or(s))
                .collect();
            cross_validated_penalty(&pre, gram)?
        }
    };
    let weights = augmented_weights(gram, 0, &donors, &plain.weights, penalty.lambda)?;
    let fit = control_from_weights(series, pre_days, weights, plain.iterations)?;
    Ok((fit, penalty))
}
