//! z-test, chi-square and Fisher against scipy/statsmodels.

use super::{alternative, cases, close, int, list, num, REL};
use crate::proportions::{
    chi_square_independence, fisher_exact, two_proportion_z_test, FisherNote,
};
use crate::{Alternative, BinaryArm};
use serde_json::Value;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/proportions.json"
));

fn arms(case: &Value) -> (BinaryArm, BinaryArm) {
    (
        BinaryArm::new(int(case, "xa"), int(case, "na")),
        BinaryArm::new(int(case, "xb"), int(case, "nb")),
    )
}

#[test]
fn z_test_matches_statsmodels() {
    let c = cases(FIXTURE);
    for case in list(&c, "ztest") {
        let (a, b) = arms(case);
        let ctx = format!("ztest {case}");
        match case.get("z").and_then(Value::as_f64) {
            Some(z) => {
                let r = two_proportion_z_test(a, b, alternative(case)).unwrap();
                close(r.z, z, REL, 1e-15, &ctx);
                close(r.p_value, num(case, "p"), REL, 0.0, &ctx);
            }
            // statsmodels returns NaN when nobody (or everybody) converted: we refuse
            None => assert!(
                two_proportion_z_test(a, b, alternative(case)).is_err(),
                "{ctx}"
            ),
        }
    }
}

#[test]
fn chi_square_matches_scipy() {
    let c = cases(FIXTURE);
    for case in list(&c, "chi2") {
        let table: Vec<Vec<u64>> =
            serde_json::from_value(case.get("table").cloned().unwrap()).unwrap();
        let yates = case.get("yates").and_then(Value::as_bool).unwrap();
        let r = chi_square_independence(&table, yates).unwrap();
        let ctx = format!("chi2 {case}");
        close(r.statistic, num(case, "statistic"), REL, 1e-12, &ctx);
        close(r.p_value, num(case, "p"), REL, 0.0, &ctx);
        assert_eq!(r.df, int(case, "df"), "{ctx}");
        let expected: Vec<Vec<f64>> =
            serde_json::from_value(case.get("expected").cloned().unwrap()).unwrap();
        for (row, erow) in r.expected.iter().zip(&expected) {
            for (v, e) in row.iter().zip(erow) {
                close(*v, *e, 1e-12, 0.0, &ctx);
            }
        }
    }
}

#[test]
fn fisher_matches_mpmath_and_scipy() {
    let c = cases(FIXTURE);
    for case in list(&c, "fisher") {
        let (a, b) = arms(case);
        let r = fisher_exact(a, b, alternative(case)).unwrap();
        // The reference is a 40-digit mpmath sum (R's 1e-7 rule); scipy 1.17 agrees to 1e-13
        // except for large tables (3e-11 at 2 x 100,000 visitors), where it is the one off.
        let ctx = format!("fisher {case}");
        close(r.p_value, num(case, "p"), 1e-12, 0.0, &ctx);
        close(r.p_value, num(case, "scipy"), REL, 0.0, &ctx);
    }
}

#[test]
fn fisher_on_an_empty_row_or_column_is_one_with_a_note_as_scipy() {
    let c = cases(FIXTURE);
    let empty = list(&c, "fisher_empty");
    assert_eq!(empty.len(), 18);
    for case in empty {
        let (a, b) = arms(case);
        let ctx = format!("fisher_empty {case}");
        let r = fisher_exact(a, b, alternative(case)).unwrap();
        assert_eq!(r.p_value, num(case, "p"), "{ctx}");
        let note: FisherNote = serde_json::from_value(case.get("note").cloned().unwrap()).unwrap();
        assert_eq!(r.note, Some(note), "{ctx}");
    }
    // A table with information carries no note.
    let r = fisher_exact(
        BinaryArm::new(0, 40),
        BinaryArm::new(3, 40),
        Alternative::TwoSided,
    );
    assert_eq!(r.unwrap().note, None);
}
