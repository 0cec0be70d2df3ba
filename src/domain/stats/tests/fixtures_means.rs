//! Welch's t-test against scipy (ttest_ind_from_stats, ttest_ind with confidence_interval).

use super::{alternative, cases, close, list, num, REL};
use crate::domain::stats::means::{welch_t_test, welch_t_test_samples, SummaryStats};
use crate::domain::stats::Alternative;
use serde_json::Value;

const FIXTURE: &str = include_str!("../../../../tests/fixtures/stats/means.json");

fn summary(case: &Value, key: &str) -> SummaryStats {
    let v = case.get(key).and_then(Value::as_array).unwrap();
    let g = |i: usize| v.get(i).and_then(Value::as_f64).unwrap();
    SummaryStats { mean: g(0), sd: g(1), n: v.get(2).and_then(Value::as_u64).unwrap() }
}

#[test]
fn welch_from_summaries() {
    let c = cases(FIXTURE);
    for case in list(&c, "summary") {
        let (a, b) = (summary(case, "a"), summary(case, "b"));
        let ctx = format!("welch {case}");
        for (alpha, key) in [(0.05, "ci_0.05"), (0.01, "ci_0.01")] {
            let r = welch_t_test(a, b, alpha, alternative(case)).unwrap();
            close(r.t, num(case, "t"), REL, 1e-15, &ctx);
            close(r.p_value, num(case, "p"), REL, 0.0, &ctx);
            close(r.df, num(case, "df"), 1e-12, 0.0, &ctx);
            close(r.std_error, num(case, "se"), 1e-13, 0.0, &ctx);
            let ci = case.get(key).and_then(Value::as_array).unwrap();
            let (lo, hi) = (ci[0].as_f64().unwrap(), ci[1].as_f64().unwrap());
            // the limits are differences of nearby numbers: compare relative to the width
            let width = (hi - lo).abs();
            close(r.lower, lo, 0.0, REL * width + 1e-15 * lo.abs(), &ctx);
            close(r.upper, hi, 0.0, REL * width + 1e-15 * hi.abs(), &ctx);
        }
    }
}

#[test]
fn welch_from_samples() {
    let c = cases(FIXTURE);
    for case in list(&c, "samples") {
        let get = |k: &str| -> Vec<f64> {
            serde_json::from_value(case.get(k).cloned().unwrap()).unwrap()
        };
        let (a, b) = (get("a"), get("b"));
        let r = welch_t_test_samples(&a, &b, 0.05, Alternative::TwoSided).unwrap();
        let ctx = format!("welch samples n={} {}", a.len(), b.len());
        close(r.t, num(case, "t"), REL, 0.0, &ctx);
        close(r.p_value, num(case, "p"), REL, 0.0, &ctx);
        close(r.df, num(case, "df"), REL, 0.0, &ctx);
        let ci = case.get("ci").and_then(Value::as_array).unwrap();
        close(r.lower, ci[0].as_f64().unwrap(), REL, 0.0, &ctx);
        close(r.upper, ci[1].as_f64().unwrap(), REL, 0.0, &ctx);
    }
}
