//! Difference in differences and the pre-trend check against statsmodels OLS (nonrobust and
//! HC1), with the 50-digit closed form where statsmodels' pseudo-inverse loses digits (the
//! fixture notes say where: values near 1e9 and a minimal design).

use super::{cases, close, list, num, REL};
use crate::did::{difference_in_differences, pre_trend, Coefficient, DidSeries, DidStdError};
use serde_json::Value;

const DID: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/did.json"
));

fn floats(v: &Value) -> Vec<f64> {
    serde_json::from_value(v.clone()).unwrap()
}

fn std_error(case: &Value) -> DidStdError {
    if case.get("robust").and_then(Value::as_bool).unwrap() {
        DidStdError::Robust
    } else {
        DidStdError::Classic
    }
}

/// Compares every field; an estimate that is zero in truth is compared absolutely against
/// the scale of the interval.
fn check(got: &Coefficient, want: &Value, ctx: &str) {
    let scale = (num(want, "upper") - num(want, "lower")).abs();
    close(
        got.estimate,
        num(want, "estimate"),
        REL,
        1e-13 * scale,
        &format!("{ctx} estimate"),
    );
    close(
        got.std_error,
        num(want, "se"),
        REL,
        0.0,
        &format!("{ctx} se"),
    );
    close(
        got.statistic,
        num(want, "statistic"),
        REL,
        1e-13,
        &format!("{ctx} statistic"),
    );
    close(got.p_value, num(want, "p"), REL, 0.0, &format!("{ctx} p"));
    close(
        got.lower,
        num(want, "lower"),
        REL,
        0.0,
        &format!("{ctx} lower"),
    );
    close(
        got.upper,
        num(want, "upper"),
        REL,
        0.0,
        &format!("{ctx} upper"),
    );
    assert_eq!(got.df, want.get("df").and_then(Value::as_f64), "{ctx} df");
}

#[test]
fn did_matches_statsmodels_ols() {
    let c = cases(DID);
    let all = list(&c, "did");
    assert!(all.len() >= 30);
    for case in all {
        let cells: Vec<Vec<f64>> = case
            .get("cells")
            .and_then(Value::as_array)
            .unwrap()
            .iter()
            .map(floats)
            .collect();
        let series = DidSeries {
            treated_pre: &cells[0],
            treated_post: &cells[1],
            control_pre: &cells[2],
            control_post: &cells[3],
        };
        let ctx = format!(
            "did {} {:?} alpha {}",
            case["label"],
            std_error(case),
            num(case, "alpha")
        );
        let got = difference_in_differences(series, num(case, "alpha"), std_error(case)).unwrap();
        check(&got.effect, &case["expected"], &ctx);
    }
}

#[test]
fn pre_trend_matches_statsmodels_ols() {
    let c = cases(DID);
    for case in list(&c, "pre_trend") {
        let points = |key: &str| -> Vec<(f64, f64)> {
            case[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                .collect()
        };
        let ctx = format!("pre-trend {} {:?}", case["label"], std_error(case));
        let got = pre_trend(
            &points("treated"),
            &points("control"),
            num(case, "alpha"),
            std_error(case),
        )
        .unwrap();
        check(&got.slope_difference, &case["expected"], &ctx);
        close(
            got.treated_slope,
            num(&case["expected"], "treated_slope"),
            REL,
            0.0,
            &ctx,
        );
        close(
            got.control_slope,
            num(&case["expected"], "control_slope"),
            REL,
            1e-15,
            &ctx,
        );
    }
}
