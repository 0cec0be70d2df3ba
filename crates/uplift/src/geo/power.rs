//! Power of a geo test by simulation on the pre-period: the campaign is pretended to start
//! at earlier dates (placebo windows that end before the real launch), a relative lift is
//! injected into the treated series for `test_days` dates, and the placebo test is run on
//! that window. Power at a lift is the share of windows where p <= alpha; the minimum
//! detectable lift is the smallest lift of the grid reaching `TARGET_POWER`.
//!
//! The injected lift does not change the weights (they are fitted before the window), so
//! each window needs one treated fit and one placebo fit per donor, whatever the lifts.

use serde::{Deserialize, Serialize};

use super::analysis::{fit_synthetic_control, geo_series};
use super::gap::{evaluate, ratio_floor, rmspe, rmspe_ratio};
use super::placebo::placebo_inference;
use super::GeoTest;
use microplan_stats::{error, StatsError, StatsResult};

/// The power a lift must reach to count as detectable.
pub const TARGET_POWER: f64 = 0.8;
/// At most this many placebo windows, spread evenly over the pre-period.
pub const MAX_WINDOWS: usize = 12;

/// Power at each lift of the grid, and the smallest lift reaching `TARGET_POWER`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoPower {
    pub test_days: usize,
    pub windows: usize,
    pub alpha: f64,
    /// (relative lift, share of windows detecting it).
    pub curve: Vec<(f64, f64)>,
    pub minimum_detectable_lift: Option<f64>,
}

/// Power of a test lasting `test_days` dates, from the first `pre_days` dates of `series`
/// (unit 0 treated, the rest donors), at each relative lift in `lifts` (0.05 = +5%).
pub fn geo_power(
    series: &[&[f64]],
    pre_days: usize,
    test_days: usize,
    alpha: f64,
    lifts: &[f64],
) -> StatsResult<GeoPower> {
    error::alpha(alpha)?;
    for lift in lifts {
        error::finite("a lift of the power grid", *lift)?;
    }
    if test_days == 0 {
        return Err(StatsError::TooFew {
            what: "the test length in dates".into(),
            needed: 1,
            got: 0,
        });
    }
    // A window needs at least as many fit dates as test dates, and at least four.
    let min_fit = test_days.max(4);
    let needed = min_fit.saturating_add(test_days);
    if pre_days < needed {
        return Err(StatsError::TooFew {
            what: "the pre-period for a power simulation".into(),
            needed: needed as u64,
            got: pre_days as u64,
        });
    }
    let starts = window_starts(min_fit, pre_days - test_days);
    let mut detected = vec![0usize; lifts.len()];
    for &start in &starts {
        let window: Vec<&[f64]> = series
            .iter()
            .map(|s| s.get(..start + test_days).unwrap_or(s))
            .collect();
        let (fit, gram) = fit_synthetic_control(&window, start)?;
        let Some(placebo) = placebo_inference(&gram, &window, start, f64::INFINITY, None)? else {
            return Err(StatsError::TooFew {
                what: "the donor pool for a placebo test".into(),
                needed: 2,
                got: (series.len().saturating_sub(1)) as u64,
            });
        };
        let target = window.first().copied().unwrap_or(&[]);
        let donors = window.get(1..).unwrap_or(&[]);
        let floor = ratio_floor(&window);
        for (lift, hits) in lifts.iter().zip(detected.iter_mut()) {
            let lifted: Vec<f64> = target
                .iter()
                .enumerate()
                .map(|(t, v)| if t >= start { v * (1.0 + lift) } else { *v })
                .collect();
            let (_, gap, pre, _) = evaluate(&lifted, donors, &fit.weights, start);
            let post = rmspe(gap.get(start..).unwrap_or(&[]));
            let ratio = rmspe_ratio(pre, post, floor);
            let rank = 1 + placebo.placebos.iter().filter(|p| p.ratio >= ratio).count();
            if rank as f64 / placebo.units as f64 <= alpha {
                *hits += 1;
            }
        }
    }
    let windows = starts.len();
    let curve: Vec<(f64, f64)> = lifts
        .iter()
        .zip(&detected)
        .map(|(l, h)| (*l, *h as f64 / windows.max(1) as f64))
        .collect();
    let minimum_detectable_lift = curve
        .iter()
        .filter(|(l, p)| *l > 0.0 && *p >= TARGET_POWER)
        .map(|(l, _)| *l)
        .fold(None, |best: Option<f64>, l| {
            Some(best.map_or(l, |b| b.min(l)))
        });
    Ok(GeoPower {
        test_days,
        windows,
        alpha,
        curve,
        minimum_detectable_lift,
    })
}

/// Relative lifts the power of a geo test is simulated at (1% to 50%).
pub const LIFT_GRID: [f64; 10] = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5];

/// Power of `test` (its treated and donor regions, its pre-period) for a test lasting
/// `test_days` dates, over `LIFT_GRID`.
pub fn power_of_geo_test(test: &GeoTest, test_days: usize, alpha: f64) -> StatsResult<GeoPower> {
    let (lined_up, _) = geo_series(test)?;
    let series: Vec<&[f64]> = lined_up.series.iter().map(Vec::as_slice).collect();
    geo_power(&series, lined_up.pre_days, test_days, alpha, &LIFT_GRID)
}

/// Up to `MAX_WINDOWS` pseudo-launch dates from `first` to `last`, evenly spread, ascending.
fn window_starts(first: usize, last: usize) -> Vec<usize> {
    let span = last.saturating_sub(first);
    let count = (span + 1).min(MAX_WINDOWS);
    let mut starts: Vec<usize> = (0..count)
        .map(|k| {
            if count > 1 {
                first + (span * k) / (count - 1)
            } else {
                last
            }
        })
        .collect();
    starts.dedup();
    starts
}
