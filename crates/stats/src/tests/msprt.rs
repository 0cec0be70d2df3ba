//! The normal mSPRT: always-valid p-values against the formula computed by hand at 50 digits
//! (scripts/reference/stats_fixtures.py, `sequential`), and the properties that make them
//! always valid.

use super::{cases, close, int, list, num};
use crate::msprt::*;
use crate::BinaryArm;
use proptest::prelude::*;

const SEQUENTIAL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/stats/sequential.json"
));

#[test]
fn msprt_matches_the_formula_by_hand() {
    let c = cases(SEQUENTIAL);
    let series = list(&c, "msprt");
    assert_eq!(series.len(), 5);
    for s in series {
        let tau = num(s, "tau");
        let looks_json = s.get("looks").and_then(|v| v.as_array()).unwrap();
        let looks: Vec<(BinaryArm, BinaryArm)> = looks_json
            .iter()
            .map(|l| {
                (
                    BinaryArm::new(int(l, "xa"), int(l, "na")),
                    BinaryArm::new(int(l, "xb"), int(l, "nb")),
                )
            })
            .collect();
        let got = msprt_proportions(&looks, 0.05, tau * tau).unwrap();
        for (g, want) in got.iter().zip(looks_json) {
            let ctx = format!("tau {tau} look {want}");
            close(g.variance, num(want, "variance"), 1e-14, 0.0, &ctx);
            close(
                g.ln_likelihood_ratio,
                num(want, "ln_lr"),
                1e-12,
                1e-14,
                &ctx,
            );
            close(g.p_value, num(want, "p"), 1e-12, 0.0, &ctx);
        }
    }
}

#[test]
fn msprt_hand_checked_single_look() {
    // d = 0.02, V = 0.0001, tau^2 = 0.0004: ln Lambda = 0.5 ln(1/5) + 0.0004 * 0.0004 /
    // (2 * 0.0001 * 0.0005) = -0.804719 + 1.6 = 0.795281; p = exp(-0.795281) = 0.451465.
    let l = msprt_ln_likelihood_ratio(0.02, 0.0001, 0.0004).unwrap();
    close(l, 1.6 - 0.5 * 5.0_f64.ln(), 1e-14, 0.0, "ln Lambda");
    // 20% lift on a 5% control rate: tau = 0.01.
    close(
        default_mixing_sd(Some(0.2), 0.05).unwrap(),
        0.01,
        1e-15,
        0.0,
        "tau from the MDE",
    );
    close(
        default_mixing_sd(None, 0.05).unwrap(),
        0.005,
        1e-15,
        0.0,
        "tau without a plan",
    );
    assert!(default_mixing_sd(Some(0.2), 0.0).is_err());
    assert!(msprt_ln_likelihood_ratio(0.02, 0.0, 0.0004).is_err());
    assert!(msprt_proportions(&[], 0.05, 1e-4).is_err());
    assert!(
        msprt_proportions(&[(BinaryArm::new(1, 10), BinaryArm::new(1, 10))], 0.05, 0.0).is_err()
    );
    // No spread yet (nobody converted): no evidence, p stays 1.
    let flat = msprt_proportions(
        &[(BinaryArm::new(0, 10), BinaryArm::new(0, 10))],
        0.05,
        1e-4,
    );
    assert_eq!(flat.unwrap()[0].p_value, 1.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn always_valid_p_never_rises_and_stays_in_0_1(
        days in prop::collection::vec((0u64..5_000, 0u64..500, 0u64..5_000, 0u64..500), 1..30),
        tau in 1e-6..1.0f64,
        alpha in 0.001..0.5f64,
    ) {
        let (mut a, mut b) = (BinaryArm::new(0, 0), BinaryArm::new(0, 0));
        let mut looks = Vec::new();
        for (ua, ca, ub, cb) in days {
            a = BinaryArm::new(a.conversions + ca.min(ua), a.visitors + ua);
            b = BinaryArm::new(b.conversions + cb.min(ub), b.visitors + ub);
            if a.visitors > 0 && b.visitors > 0 {
                looks.push((a, b));
            }
        }
        prop_assume!(!looks.is_empty());
        let out = msprt_proportions(&looks, alpha, tau * tau).unwrap();
        let mut previous = 1.0;
        for look in &out {
            prop_assert!((0.0..=1.0).contains(&look.p_value));
            prop_assert!(look.p_value <= previous);
            prop_assert!(look.ln_likelihood_ratio.is_finite());
            prop_assert_eq!(look.significant, look.p_value <= alpha);
            previous = look.p_value;
        }
    }
}
