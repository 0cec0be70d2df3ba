//! Distributions against mpmath (50 digits) and scipy: 1e-9 relative or better.

use super::{cases, close, int, list, num, REL};
use crate::discrete::{
    binomial_at_least, binomial_at_most, binomial_ln_pmf, hypergeometric_ln_pmf,
};
use crate::distributions::*;
use serde_json::Value;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/distributions.json"
));

#[test]
fn normal_tails_and_quantiles() {
    let c = cases(FIXTURE);
    for case in list(&c, "normal_sf") {
        let z = num(case, "z");
        // our erfc is accurate to ~3e-15 relative over the whole range
        close(
            normal_sf(z).unwrap(),
            num(case, "sf"),
            1e-13,
            0.0,
            &format!("normal_sf({z})"),
        );
        close(
            normal_cdf(-z).unwrap(),
            num(case, "sf"),
            1e-13,
            0.0,
            &format!("normal_cdf({})", -z),
        );
    }
    for case in list(&c, "normal_isf") {
        let p = num(case, "p");
        close(
            normal_isf(p).unwrap(),
            num(case, "isf"),
            1e-13,
            1e-15,
            &format!("normal_isf({p})"),
        );
        close(
            normal_quantile(p).unwrap(),
            -num(case, "isf"),
            1e-13,
            1e-15,
            &format!("normal_quantile({p})"),
        );
    }
}

#[test]
fn students_t_tails_for_any_df() {
    let c = cases(FIXTURE);
    for case in list(&c, "t_sf") {
        let (t, df) = (num(case, "t"), num(case, "df"));
        let expected = num(case, "sf");
        // Reference is mpmath's 50-digit incomplete beta; we reach ~1e-13 everywhere.
        close(
            students_t_sf(t, df).unwrap(),
            expected,
            1e-12,
            0.0,
            &format!("t_sf({t}, {df})"),
        );
        close(
            students_t_cdf(-t, df).unwrap(),
            expected,
            1e-12,
            0.0,
            &format!("t_cdf({}, {df})", -t),
        );
    }
}

#[test]
fn students_t_quantiles_for_any_df() {
    let c = cases(FIXTURE);
    for case in list(&c, "t_isf") {
        let (p, df) = (num(case, "p"), num(case, "df"));
        let got = students_t_isf(p, df).unwrap();
        close(
            got,
            num(case, "isf"),
            1e-12,
            1e-15,
            &format!("t_isf({p}, {df})"),
        );
        close(
            students_t_quantile(p, df).unwrap(),
            -num(case, "isf"),
            1e-12,
            1e-15,
            &format!("t_quantile({p}, {df})"),
        );
    }
}

#[test]
fn chi_square_upper_tail() {
    let c = cases(FIXTURE);
    for case in list(&c, "chi2_sf") {
        let (x, df) = (num(case, "x"), num(case, "df"));
        close(
            chi_square_sf(x, df).unwrap(),
            num(case, "sf"),
            1e-12,
            0.0,
            &format!("chi2_sf({x}, {df})"),
        );
    }
}

#[test]
fn beta_quantiles() {
    let c = cases(FIXTURE);
    for case in list(&c, "beta_quantile") {
        let (p, a, b) = (num(case, "p"), num(case, "a"), num(case, "b"));
        let upper = case.get("upper").and_then(Value::as_bool).unwrap();
        let got = beta_quantile(p, a, b, upper).unwrap();
        close(
            got,
            num(case, "x"),
            REL,
            0.0,
            &format!("beta_quantile({p}, {a}, {b}, {upper})"),
        );
        // and the tail at the answer gives p back
        let (lo, up) = beta_tails(got, a, b).unwrap();
        close(
            if upper { up } else { lo },
            p,
            1e-9,
            0.0,
            "beta tail at the quantile",
        );
    }
}

#[test]
fn binomial_tails_and_pmf() {
    let c = cases(FIXTURE);
    for case in list(&c, "binom_tails") {
        let (k, n, p) = (int(case, "k"), int(case, "n"), num(case, "p"));
        let ctx = format!("binomial k={k} n={n} p={p}");
        // reference: 40-digit mpmath sums (scipy is off by up to 3.4e-12 at n = 1e9)
        close(
            binomial_at_least(k, n, p).unwrap(),
            num(case, "at_least"),
            1e-12,
            1e-300,
            &ctx,
        );
        close(
            binomial_at_most(k, n, p).unwrap(),
            num(case, "at_most"),
            1e-12,
            1e-300,
            &ctx,
        );
        close(
            binomial_at_least(k, n, p).unwrap(),
            num(case, "scipy_at_least"),
            REL,
            1e-300,
            &ctx,
        );
    }
    for case in list(&c, "binom_logpmf") {
        let (k, n, p) = (int(case, "k"), int(case, "n"), num(case, "p"));
        let got = binomial_ln_pmf(k, n, p).unwrap();
        match case.get("logpmf").and_then(Value::as_f64) {
            Some(expected) => close(
                got,
                expected,
                1e-12,
                1e-13,
                &format!("binomial_ln_pmf {k} {n} {p}"),
            ),
            None => assert_eq!(got, f64::NEG_INFINITY),
        }
    }
}

#[test]
fn hypergeometric_log_pmf() {
    // scipy's logpmf is off by up to 4e-9 absolute at N = 2e6; we match mpmath to 1e-12.
    let c = cases(FIXTURE);
    for case in list(&c, "hyper_logpmf") {
        let got = hypergeometric_ln_pmf(
            int(case, "k"),
            int(case, "population"),
            int(case, "successes"),
            int(case, "draws"),
        )
        .unwrap();
        close(
            got,
            num(case, "logpmf"),
            1e-12,
            1e-12,
            &format!("hypergeometric {case}"),
        );
    }
}
