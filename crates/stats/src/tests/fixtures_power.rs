//! Sample size, power and MDE against statsmodels. The reference sample sizes come from a
//! tight brentq (rtol 9e-16) on statsmodels' own power functions, because statsmodels'
//! `solve_power` stops at ~1e-8 relative; its answers are checked too, at 1e-6.

use super::{alternative, cases, close, int, list, num, REL};
use crate::power::*;
use crate::power_means::*;
use crate::Alternative;

fn design(alpha: f64, power: f64, ratio: f64, alternative: Alternative) -> TestDesign {
    TestDesign {
        alpha,
        power,
        ratio,
        alternative,
    }
}

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/power.json"
));

#[test]
fn proportion_sample_sizes() {
    let c = cases(FIXTURE);
    for case in list(&c, "prop_size") {
        let (pa, pb, alpha, pw, r) = (
            num(case, "baseline"),
            num(case, "target"),
            num(case, "alpha"),
            num(case, "power"),
            num(case, "ratio"),
        );
        let alt = alternative(case);
        let ctx = format!("size {case}");
        close(
            cohens_h(pa, pb).unwrap(),
            num(case, "cohens_h"),
            1e-13,
            1e-16,
            &ctx,
        );
        let ch = sample_size_proportions(
            pa,
            pb,
            &design(alpha, pw, r, alt),
            ProportionPowerMethod::CohensH,
        )
        .unwrap();
        close(ch.exact_n_a, num(case, "cohen_exact"), REL, 0.0, &ctx);
        close(
            ch.exact_n_a,
            num(case, "statsmodels_solve_power"),
            1e-6,
            0.0,
            &ctx,
        );
        assert_eq!(ch.n_a, int(case, "cohen_n_a"), "{ctx}");
        assert_eq!(ch.n_b, int(case, "cohen_n_b"), "{ctx}");
        assert!(ch.achieved_power >= pw, "{ctx}");
        let fl = sample_size_proportions(
            pa,
            pb,
            &design(alpha, pw, r, alt),
            ProportionPowerMethod::Fleiss,
        )
        .unwrap();
        close(fl.exact_n_a, num(case, "fleiss_exact"), REL, 0.0, &ctx);
        assert_eq!(fl.n_a, int(case, "fleiss_n_a"), "{ctx}");
        assert_eq!(fl.n_b, int(case, "fleiss_n_b"), "{ctx}");
        let un = sample_size_proportions(
            pa,
            pb,
            &design(alpha, pw, r, alt),
            ProportionPowerMethod::Unpooled,
        )
        .unwrap();
        close(un.exact_n_a, num(case, "unpooled_exact"), REL, 0.0, &ctx);
        assert_eq!(un.n_a, int(case, "unpooled_n_a"), "{ctx}");
    }
}

#[test]
fn proportion_power() {
    let c = cases(FIXTURE);
    for case in list(&c, "prop_power") {
        let (pa, pb, n, r, alpha) = (
            num(case, "baseline"),
            num(case, "target"),
            num(case, "n_a"),
            num(case, "ratio"),
            num(case, "alpha"),
        );
        let alt = alternative(case);
        let ctx = format!("power {case}");
        let p = power_proportions(
            pa,
            pb,
            n,
            &design(alpha, 0.5, r, alt),
            ProportionPowerMethod::CohensH,
        )
        .unwrap();
        close(p, num(case, "cohen"), REL, 1e-15, &ctx);
        let p = power_proportions(
            pa,
            pb,
            n,
            &design(alpha, 0.5, r, alt),
            ProportionPowerMethod::Fleiss,
        )
        .unwrap();
        close(p, num(case, "fleiss"), REL, 1e-15, &ctx);
    }
}

#[test]
fn proportion_mde() {
    let c = cases(FIXTURE);
    for case in list(&c, "prop_mde") {
        let (pa, n, r, alpha, pw) = (
            num(case, "baseline"),
            num(case, "n_a"),
            num(case, "ratio"),
            num(case, "alpha"),
            num(case, "power"),
        );
        let alt = alternative(case);
        let ctx = format!("mde {case}");
        let m = mde_proportions(
            pa,
            n,
            &design(alpha, pw, r, alt),
            ProportionPowerMethod::CohensH,
        )
        .unwrap();
        close(m.effect_size, num(case, "cohen_h"), 1e-9, 0.0, &ctx);
        // statsmodels' solve_power for the effect size stops early (6e-5 relative here)
        close(
            m.effect_size,
            num(case, "statsmodels_solve_power"),
            1e-4,
            0.0,
            &ctx,
        );
        close(m.target, num(case, "cohen_target"), REL, 0.0, &ctx);
        let m = mde_proportions(
            pa,
            n,
            &design(alpha, pw, r, alt),
            ProportionPowerMethod::Fleiss,
        )
        .unwrap();
        close(m.target, num(case, "fleiss_target"), REL, 0.0, &ctx);
    }
}

#[test]
fn means_sample_size_power_and_mde() {
    let c = cases(FIXTURE);
    for case in list(&c, "mean_size") {
        let (d, sd, alpha, pw, r) = (
            num(case, "delta"),
            num(case, "sd"),
            num(case, "alpha"),
            num(case, "power"),
            num(case, "ratio"),
        );
        let alt = alternative(case);
        let ctx = format!("mean size {case}");
        let z =
            sample_size_means(d, sd, &design(alpha, pw, r, alt), MeansPowerMethod::Normal).unwrap();
        close(z.exact_n_a, num(case, "normal_exact"), REL, 0.0, &ctx);
        assert_eq!(z.n_a, int(case, "normal_n_a"), "{ctx}");
        let t =
            sample_size_means(d, sd, &design(alpha, pw, r, alt), MeansPowerMethod::TTest).unwrap();
        close(t.exact_n_a, num(case, "ttest_exact"), REL, 0.0, &ctx);
        assert_eq!(t.n_a, int(case, "ttest_n_a"), "{ctx}");
        assert_eq!(t.n_b, int(case, "ttest_n_b"), "{ctx}");
    }
    for case in list(&c, "mean_power") {
        let (d, sd, n, r, alpha) = (
            num(case, "delta"),
            num(case, "sd"),
            num(case, "n_a"),
            num(case, "ratio"),
            num(case, "alpha"),
        );
        let alt = alternative(case);
        let ctx = format!("mean power {case}");
        close(
            power_means(
                d,
                sd,
                n,
                &design(alpha, 0.5, r, alt),
                MeansPowerMethod::Normal,
            )
            .unwrap(),
            num(case, "normal"),
            REL,
            1e-15,
            &ctx,
        );
        close(
            power_means(
                d,
                sd,
                n,
                &design(alpha, 0.5, r, alt),
                MeansPowerMethod::TTest,
            )
            .unwrap(),
            num(case, "ttest"),
            REL,
            1e-14,
            &ctx,
        );
    }
    for case in list(&c, "mean_mde") {
        let (sd, n, r, alpha, pw) = (
            num(case, "sd"),
            num(case, "n_a"),
            num(case, "ratio"),
            num(case, "alpha"),
            num(case, "power"),
        );
        let alt = alternative(case);
        let ctx = format!("mean mde {case}");
        let z = mde_means(
            100.0,
            sd,
            n,
            &design(alpha, pw, r, alt),
            MeansPowerMethod::Normal,
        )
        .unwrap();
        close(z.effect_size, num(case, "normal_d"), REL, 0.0, &ctx);
        close(z.absolute, num(case, "normal_d") * sd, REL, 0.0, &ctx);
        let t = mde_means(
            100.0,
            sd,
            n,
            &design(alpha, pw, r, alt),
            MeansPowerMethod::TTest,
        )
        .unwrap();
        close(t.effect_size, num(case, "ttest_d"), REL, 0.0, &ctx);
    }
}
