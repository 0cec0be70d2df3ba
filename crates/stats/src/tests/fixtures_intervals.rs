//! Proportion intervals (statsmodels proportion_confint / confint_proportions_2indep) and
//! the delta-method lift (formula at 50 digits in mpmath).

use super::{cases, close, int, list, num, text, REL};
use crate::intervals::*;
use crate::BinaryArm;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/intervals.json"
));

/// statsmodels forms the Wilson lower limit as center - dist, which leaves rounding of about
/// 1e-16 of the interval width where the true limit is 0; we compute it without
/// cancellation. The absolute slack is therefore 1e-15 of the width, nothing more.
fn slack(lower: f64, upper: f64) -> f64 {
    1e-15 * (upper - lower).abs()
}

#[test]
fn one_proportion_intervals() {
    let c = cases(FIXTURE);
    for case in list(&c, "one") {
        let (x, n, alpha) = (int(case, "x"), int(case, "n"), num(case, "alpha"));
        let method = match text(case, "method") {
            "wilson" => ProportionMethod::Wilson,
            "agresti_coull" => ProportionMethod::AgrestiCoull,
            "clopper_pearson" => ProportionMethod::ClopperPearson,
            "jeffreys" => ProportionMethod::Jeffreys,
            "wald" => ProportionMethod::Wald,
            other => panic!("{other}"),
        };
        let r = proportion_interval(x, n, alpha, method).unwrap();
        let ctx = format!("{method:?} {x}/{n} alpha {alpha}");
        // Jeffreys with the Brown-Cai-DasGupta boundary fix (statsmodels has none)
        let jeffreys = method == ProportionMethod::Jeffreys;
        let lower = if jeffreys && x == 0 {
            0.0
        } else {
            num(case, "lower")
        };
        let upper = if jeffreys && x == n {
            1.0
        } else {
            num(case, "upper")
        };
        // Clopper-Pearson and Jeffreys limits with min(x, n - x) <= 50 come from 40-digit
        // mpmath: scipy's beta.isf is off by 9e-9 relative at 1 of 1e9. We reach 1e-13.
        let rel = if text(case, "source") == "statsmodels" {
            REL
        } else {
            1e-12
        };
        close(r.lower, lower, rel, slack(lower, upper), &ctx);
        close(r.upper, upper, rel, slack(lower, upper), &ctx);
        assert!(r.lower <= r.estimate && r.estimate <= r.upper, "{ctx}");
    }
}

#[test]
fn difference_intervals() {
    let c = cases(FIXTURE);
    for case in list(&c, "diff") {
        let a = BinaryArm::new(int(case, "xa"), int(case, "na"));
        let b = BinaryArm::new(int(case, "xb"), int(case, "nb"));
        let alpha = num(case, "alpha");
        let method = match text(case, "method") {
            "newcombe" => DifferenceMethod::Newcombe,
            "wald" => DifferenceMethod::Wald,
            "agresti_caffo" => DifferenceMethod::AgrestiCaffo,
            other => panic!("{other}"),
        };
        let r = difference_interval(a, b, alpha, method).unwrap();
        let ctx = format!("{method:?} {case}");
        let (lo, up) = (num(case, "lower"), num(case, "upper"));
        close(r.lower, lo, REL, slack(lo, up), &ctx);
        close(r.upper, up, REL, slack(lo, up), &ctx);
    }
}

#[test]
fn relative_lift_delta_method() {
    let c = cases(FIXTURE);
    for case in list(&c, "lift") {
        let a = BinaryArm::new(int(case, "xa"), int(case, "na"));
        let b = BinaryArm::new(int(case, "xb"), int(case, "nb"));
        let r = relative_lift(a, b, num(case, "alpha")).unwrap();
        let ctx = format!("lift {case}");
        close(r.lift, num(case, "lift"), 1e-12, 1e-15, &ctx);
        close(r.std_error, num(case, "se"), 1e-12, 0.0, &ctx);
        close(r.lower, num(case, "lower"), 1e-12, 1e-15, &ctx);
        close(r.upper, num(case, "upper"), 1e-12, 1e-15, &ctx);
    }
    assert!(relative_lift(BinaryArm::new(0, 10), BinaryArm::new(1, 10), 0.05).is_err());
}
