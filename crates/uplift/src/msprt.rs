//! The always-valid p-value of a daily-monitored test (normal mSPRT, see `stats::msprt`),
//! shown beside the confidence sequence of `uplift_daily`.

use chrono::NaiveDate;

use crate::daily::{cumulative_looks, TestDay};
use crate::error::{UpliftError, UpliftResult};
use microplan_stats::msprt::{default_mixing_sd, msprt_proportions, MsprtLook};

/// The mSPRT of one treatment against the control, one entry per look.
#[derive(Debug, Clone, PartialEq)]
pub struct MsprtView {
    pub dates: Vec<NaiveDate>,
    pub looks: Vec<MsprtLook>,
    /// tau, the difference in conversion rate the test is most sensitive to (tau^2 mixes).
    pub mixing_sd: f64,
    /// Where tau came from, for the explanation.
    pub mixing_source: MixingSource,
    /// First date on which the always-valid p-value fell to alpha or below.
    pub first_significant: Option<NaiveDate>,
}

/// How the mixing standard deviation tau was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixingSource {
    /// Entered by the user.
    Entered,
    /// The pre-registered smallest worthwhile lift times the control's rate so far.
    PlannedLift,
    /// A 10% lift on the control's rate so far (no pre-registered lift).
    DefaultLift,
}

/// Cumulative looks from `launch` on. `mixing_sd` is the user's tau (a difference in rate);
/// without one, tau = the planned smallest lift (10% without a plan) x the control's rate
/// at the latest look.
#[allow(clippy::too_many_arguments)]
pub fn msprt_view(
    days: &[TestDay],
    test: &str,
    control: &str,
    treatment: &str,
    launch: Option<NaiveDate>,
    min_lift: Option<f64>,
    mixing_sd: Option<f64>,
    alpha: f64,
) -> UpliftResult<MsprtView> {
    let (dates, looks) = cumulative_looks(days, test, control, treatment, launch)?;
    let (mixing_sd, mixing_source) = match mixing_sd {
        Some(tau) => (tau, MixingSource::Entered),
        None => {
            let rate = looks.last().map_or(0.0, |(a, _)| {
                a.conversions as f64 / (a.visitors.max(1)) as f64
            });
            let source = if min_lift.is_some_and(|l| l.is_finite() && l != 0.0) {
                MixingSource::PlannedLift
            } else {
                MixingSource::DefaultLift
            };
            (default_mixing_sd(min_lift, rate)?, source)
        }
    };
    if !(mixing_sd.is_finite() && mixing_sd > 0.0) {
        return Err(UpliftError::TuningNotPositive);
    }
    let results = msprt_proportions(&looks, alpha, mixing_sd * mixing_sd)?;
    let first_significant = results
        .iter()
        .zip(&dates)
        .find(|(l, _)| l.significant)
        .map(|(_, d)| *d);
    Ok(MsprtView {
        dates,
        looks: results,
        mixing_sd,
        mixing_source,
        first_significant,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daily::tests::day;

    #[test]
    fn tau_comes_from_the_plan_or_the_user_and_p_matches_the_fixture_series() {
        // Cumulative c 300/10,000, 610/20,000, 900/30,000 against b 390, 790, 1,230: the
        // fixture series with tau = 0.003 (tests/fixtures/stats/sequential.json, by hand).
        let days = [
            day("c", 1, 10_000, 300),
            day("b", 1, 10_000, 390),
            day("c", 2, 10_000, 310),
            day("b", 2, 10_000, 400),
            day("c", 3, 10_000, 290),
            day("b", 3, 10_000, 440),
        ];
        let v = msprt_view(&days, "t", "c", "b", None, None, Some(0.003), 0.05).unwrap();
        assert_eq!(v.mixing_source, MixingSource::Entered);
        let p: Vec<f64> = v.looks.iter().map(|l| l.p_value).collect();
        for (got, want) in p.iter().zip([
            0.046_474_120_940_140_99,
            0.000_310_875_087_971_07,
            1.430_520_102_759_960_3e-9,
        ]) {
            assert!((got - want).abs() <= 1e-12 * want, "{got} {want}");
        }
        assert_eq!(v.first_significant, NaiveDate::from_ymd_opt(2026, 3, 1));
        // Planned 10% lift on the control's 3% so far: tau = 0.003 again.
        let planned = msprt_view(&days, "t", "c", "b", None, Some(0.1), None, 0.05).unwrap();
        assert_eq!(planned.mixing_source, MixingSource::PlannedLift);
        assert!((planned.mixing_sd - 0.003).abs() < 1e-15);
        let fallback = msprt_view(&days, "t", "c", "b", None, None, None, 0.05).unwrap();
        assert_eq!(fallback.mixing_source, MixingSource::DefaultLift);
        assert!(msprt_view(&days, "t", "c", "b", None, None, Some(0.0), 0.05).is_err());
        assert!(msprt_view(&days, "t", "c", "missing", None, None, None, 0.05).is_err());
    }
}
