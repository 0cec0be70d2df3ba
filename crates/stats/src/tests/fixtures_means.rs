//! Welch's and Student's t-tests against scipy (ttest_ind_from_stats, ttest_ind with
//! confidence_interval; equal_var False and True).

use super::{alternative, cases, close, list, num, REL};
use crate::means::{
    student_t_test, student_t_test_samples, welch_t_test, welch_t_test_samples, StudentResult,
    SummaryStats,
};
use crate::{Alternative, StatsResult};
use serde_json::Value;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/means.json"
));

fn summary(case: &Value, key: &str) -> SummaryStats {
    let v = case.get(key).and_then(Value::as_array).unwrap();
    let g = |i: usize| v.get(i).and_then(Value::as_f64).unwrap();
    SummaryStats {
        mean: g(0),
        sd: g(1),
        n: v.get(2).and_then(Value::as_u64).unwrap(),
    }
}

type FromSummaries = fn(SummaryStats, SummaryStats, f64, Alternative) -> StatsResult<StudentResult>;
type FromSamples = fn(&[f64], &[f64], f64, Alternative) -> StatsResult<StudentResult>;

#[test]
fn welch_from_summaries() {
    check_summaries("summary", welch_t_test);
}

#[test]
fn student_from_summaries() {
    check_summaries("student_summary", student_t_test);
}

fn check_summaries(key: &str, test: FromSummaries) {
    let c = cases(FIXTURE);
    let all = list(&c, key);
    assert_eq!(all.len(), 24, "{key}");
    for case in all {
        let (a, b) = (summary(case, "a"), summary(case, "b"));
        let ctx = format!("{key} {case}");
        for (alpha, key) in [(0.05, "ci_0.05"), (0.01, "ci_0.01")] {
            let r = test(a, b, alpha, alternative(case)).unwrap();
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
    check_samples("samples", welch_t_test_samples);
}

#[test]
fn student_from_samples() {
    check_samples("student_samples", student_t_test_samples);
}

fn check_samples(key: &str, test: FromSamples) {
    let c = cases(FIXTURE);
    let all = list(&c, key);
    assert_eq!(all.len(), 4, "{key}");
    for case in all {
        let get = |k: &str| -> Vec<f64> {
            serde_json::from_value(case.get(k).cloned().unwrap()).unwrap()
        };
        let (a, b) = (get("a"), get("b"));
        let r = test(&a, &b, 0.05, Alternative::TwoSided).unwrap();
        let ctx = format!("{key} n={} {}", a.len(), b.len());
        close(r.t, num(case, "t"), REL, 0.0, &ctx);
        close(r.p_value, num(case, "p"), REL, 0.0, &ctx);
        close(r.df, num(case, "df"), REL, 0.0, &ctx);
        let ci = case.get("ci").and_then(Value::as_array).unwrap();
        close(r.lower, ci[0].as_f64().unwrap(), REL, 0.0, &ctx);
        close(r.upper, ci[1].as_f64().unwrap(), REL, 0.0, &ctx);
    }
}

#[test]
fn student_equals_welch_for_equal_sizes_and_spreads_and_differs_otherwise() {
    // Equal n and sd: the same se, df 2n - 2 for both (hand-checked: se = sqrt(2 * 4 / 50)).
    let a = SummaryStats {
        mean: 10.0,
        sd: 2.0,
        n: 50,
    };
    let b = SummaryStats {
        mean: 11.0,
        sd: 2.0,
        n: 50,
    };
    let s = student_t_test(a, b, 0.05, Alternative::TwoSided).unwrap();
    let w = welch_t_test(a, b, 0.05, Alternative::TwoSided).unwrap();
    close(s.std_error, 0.16_f64.sqrt(), 1e-15, 0.0, "pooled se");
    close(w.std_error, s.std_error, 1e-15, 0.0, "same se");
    assert_eq!(s.df, 98.0);
    close(w.df, 98.0, 1e-12, 0.0, "Welch df at equal spread");
    // Small noisy arm with the large spread: pooling understates its noise.
    let small = SummaryStats {
        mean: 12.0,
        sd: 8.0,
        n: 10,
    };
    let big = SummaryStats {
        mean: 10.0,
        sd: 1.0,
        n: 200,
    };
    let s = student_t_test(big, small, 0.05, Alternative::TwoSided).unwrap();
    let w = welch_t_test(big, small, 0.05, Alternative::TwoSided).unwrap();
    assert!(s.p_value < w.p_value, "{} {}", s.p_value, w.p_value);
    let flat = SummaryStats {
        mean: 1.0,
        sd: 0.0,
        n: 5,
    };
    assert!(student_t_test(flat, flat, 0.05, Alternative::TwoSided).is_err());
    assert!(student_t_test(SummaryStats { n: 1, ..flat }, a, 0.05, Alternative::Less).is_err());
}
