//! Corrections (statsmodels multipletests), SRM (scipy chisquare), Bayes (mpmath),
//! sequential half-widths (the paper's formula at 50 digits) and the seeding planner.

use super::{cases, close, int, list, num, REL};
use crate::bayes::{beta_binomial_test, BetaParams};
use crate::binomial_planning::*;
use crate::corrections::{benjamini_hochberg, bonferroni, holm};
use crate::sequential::{sequential_half_width, sequential_rho};
use crate::srm::sample_ratio_mismatch;
use crate::BinaryArm;
use serde_json::Value;

const CORRECTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/corrections.json"
));
const SRM: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/srm.json"
));
const BAYES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/bayes.json"
));
const SEQUENTIAL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/sequential.json"
));
const PLANNING: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/binomial_planning.json"
));

fn floats(v: &Value, key: &str) -> Vec<f64> {
    serde_json::from_value(v.get(key).cloned().unwrap()).unwrap()
}

#[test]
fn corrections_match_statsmodels() {
    let c = cases(CORRECTIONS);
    for case in list(&c, "corrections") {
        let p = floats(case, "p");
        let alpha = num(case, "alpha");
        for (name, got) in [
            ("holm", holm(&p, alpha)),
            ("fdr_bh", benjamini_hochberg(&p, alpha)),
            ("bonferroni", bonferroni(&p, alpha)),
        ] {
            let got = got.unwrap();
            let want = case.get(name).unwrap();
            let adj = floats(want, "adjusted");
            let rej: Vec<bool> =
                serde_json::from_value(want.get("reject").cloned().unwrap()).unwrap();
            for (g, w) in got.adjusted.iter().zip(&adj) {
                close(*g, *w, 1e-15, 0.0, &format!("{name} {p:?}"));
            }
            assert_eq!(got.reject, rej, "{name} {p:?} alpha {alpha}");
        }
    }
}

#[test]
fn srm_matches_scipy_chisquare() {
    let c = cases(SRM);
    for case in list(&c, "srm") {
        let obs: Vec<u64> = serde_json::from_value(case.get("observed").cloned().unwrap()).unwrap();
        let w = floats(case, "weights");
        let r = sample_ratio_mismatch(&obs, &w).unwrap();
        let ctx = format!("srm {obs:?}");
        close(r.chi_square, num(case, "chi2"), 1e-12, 1e-15, &ctx);
        close(r.p_value, num(case, "p"), 1e-12, 0.0, &ctx);
        assert_eq!(
            r.mismatch,
            case.get("mismatch").and_then(Value::as_bool).unwrap(),
            "{ctx}"
        );
    }
}

#[test]
fn bayes_matches_mpmath() {
    let c = cases(BAYES);
    for case in list(&c, "bayes") {
        let a = BinaryArm::new(int(case, "xa"), int(case, "na"));
        let b = BinaryArm::new(int(case, "xb"), int(case, "nb"));
        let prior = floats(case, "prior");
        let r = beta_binomial_test(
            a,
            b,
            BetaParams {
                alpha: prior[0],
                beta: prior[1],
            },
        )
        .unwrap();
        let ctx = format!("bayes {case}");
        // Gauss-Legendre on the logit scale reaches ~1e-13; tolerance stated as 1e-10.
        close(
            r.prob_b_beats_a,
            num(case, "prob_b_beats_a"),
            1e-10,
            1e-16,
            &ctx,
        );
        close(
            r.prob_a_beats_b,
            num(case, "prob_a_beats_b"),
            1e-10,
            1e-16,
            &ctx,
        );
        // losses are differences of two such terms: 1e-10 of the larger term
        close(
            r.expected_loss_choosing_b,
            num(case, "loss_choosing_b"),
            1e-9,
            1e-14,
            &ctx,
        );
        close(
            r.expected_loss_choosing_a,
            num(case, "loss_choosing_a"),
            1e-9,
            1e-14,
            &ctx,
        );
    }
}

#[test]
fn sequential_half_width_formula() {
    let c = cases(SEQUENTIAL);
    for case in list(&c, "halfwidth") {
        let (s2, n, alpha, tune) = (
            num(case, "s2"),
            num(case, "n"),
            num(case, "alpha"),
            num(case, "tuning"),
        );
        close(
            sequential_rho(alpha, tune).unwrap(),
            num(case, "rho"),
            1e-13,
            0.0,
            "rho",
        );
        close(
            sequential_half_width(s2, n, alpha, tune).unwrap(),
            num(case, "halfwidth"),
            1e-13,
            0.0,
            &format!("{case}"),
        );
    }
}

#[test]
fn seeding_planner_matches_scipy() {
    let c = cases(PLANNING);
    for case in list(&c, "seed") {
        let (k, q, target, paid) = (
            int(case, "k"),
            num(case, "q"),
            num(case, "target"),
            int(case, "paid"),
        );
        let plan = gifted_to_seed_with_paid(k, paid, q, target).unwrap();
        let ctx = format!("seed {case}");
        assert_eq!(plan.gifted, int(case, "gifted"), "{ctx}");
        close(plan.probability, num(case, "probability"), REL, 0.0, &ctx);
        if let Some(prev) = case.get("probability_one_fewer").and_then(Value::as_f64) {
            let below = binomial_at_least_posts(k - paid, plan.gifted - 1, q).unwrap();
            close(below, prev, REL, 0.0, &ctx);
            assert!(below < target, "{ctx}");
        }
    }
    for case in list(&c, "poisson_binomial") {
        let p = floats(case, "p");
        let dist = poisson_binomial(&p).unwrap();
        for (g, w) in dist.iter().zip(floats(case, "dist")) {
            close(*g, w, 1e-13, 1e-300, &format!("poisson-binomial {p:?}"));
        }
        close(
            probability_at_least(&p, int(case, "k")).unwrap(),
            num(case, "at_least"),
            1e-13,
            0.0,
            "at least k",
        );
    }
}
