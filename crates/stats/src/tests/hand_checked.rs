//! Hand-checked values, independent checks where the references are imprecise, and the
//! behaviours the UI relies on (refusals, monotonicity, determinism).

use super::close;
use crate::bayes::{beta_binomial_test, BetaParams};
use crate::binomial_planning::*;
use crate::distributions::{students_t_isf, students_t_sf};
use crate::means::{
    bootstrap_mean_difference, welch_t_test, welch_t_test_samples, SummaryStats, Xoshiro256,
};
use crate::proportions::{chi_square_independence, fisher_exact, two_proportion_z_test};
use crate::sequential::{
    confidence_sequence_means, confidence_sequence_proportions, MeansLook, DEFAULT_TUNING_N,
};
use crate::srm::sample_ratio_mismatch;
use crate::{Alternative, BinaryArm, StatsError};

/// P(Binomial(n, q) >= k) by direct summation of the pmf (fine for small n).
fn at_least_by_hand(k: u64, n: u64, q: f64) -> f64 {
    let mut total = 0.0;
    for j in k..=n {
        let mut c = 1.0;
        for i in 0..j {
            c = c * (n - i) as f64 / (i + 1) as f64;
        }
        total += c * q.powi(j as i32) * (1.0 - q).powi((n - j) as i32);
    }
    total
}

#[test]
fn seeding_five_posts_at_forty_percent_needs_eighteen() {
    let plan = creators_to_seed(5, 0.4, 0.9).unwrap();
    assert_eq!(plan.gifted, 18);
    close(
        plan.probability,
        at_least_by_hand(5, 18, 0.4),
        1e-13,
        0.0,
        "P(18)",
    );
    close(
        plan.probability,
        0.905_831_351_289_118_7,
        1e-12,
        0.0,
        "P(18) value",
    );
    let seventeen = binomial_at_least_posts(5, 17, 0.4).unwrap();
    close(seventeen, at_least_by_hand(5, 17, 0.4), 1e-13, 0.0, "P(17)");
    assert!(seventeen < 0.9);
    close(plan.expected_posts, 7.2, 1e-15, 0.0, "expected posts");
    // Two paid creators guarantee two posts: 3 more from gifted at 40%.
    let mixed = gifted_to_seed_with_paid(5, 2, 0.4, 0.9).unwrap();
    assert_eq!(mixed.gifted, creators_to_seed(3, 0.4, 0.9).unwrap().gifted);
    // Enough paid creators: nobody needs a gift.
    assert_eq!(gifted_to_seed_with_paid(5, 5, 0.4, 0.9).unwrap().gifted, 0);
    // Nobody ever posts: refused in plain words.
    let err = creators_to_seed(5, 0.0, 0.9).unwrap_err();
    assert!(err.to_string().contains("paid creators"), "{err}");
    // The distribution of posts sums to one and matches the poisson-binomial with equal p.
    let dist = posts_distribution(18, 0.4).unwrap();
    close(dist.iter().sum::<f64>(), 1.0, 1e-14, 0.0, "sum");
    let pb = poisson_binomial(&[0.4; 18]).unwrap();
    for (a, b) in dist.iter().zip(&pb) {
        close(*a, *b, 1e-13, 1e-300, "binomial = poisson-binomial");
    }
    // Paid creators (probability 1) shift the distribution.
    let mixed = probability_at_least(&[1.0, 1.0, 0.4, 0.4, 0.4], 3).unwrap();
    close(
        mixed,
        1.0 - 0.6f64.powi(3),
        1e-15,
        0.0,
        "two paid plus three gifted",
    );
}

#[test]
fn fisher_known_values() {
    // statrs 0.19.1 returns 0.0345 here; the truth (scipy, R) is 0.0691.
    let r = fisher_exact(
        BinaryArm::new(150, 2400),
        BinaryArm::new(120, 2400),
        Alternative::TwoSided,
    )
    .unwrap();
    close(
        r.p_value,
        0.069_1,
        0.001,
        0.0,
        "fisher 150/2400 vs 120/2400",
    );
    // Identical arms: the observed table is the most likely one, so p = 1.
    let r = fisher_exact(
        BinaryArm::new(3, 10),
        BinaryArm::new(3, 10),
        Alternative::TwoSided,
    )
    .unwrap();
    assert_eq!(r.p_value, 1.0);
    // Far tail: 0/600 vs 600/600 has p = 2 / C(1200, 600), about 1e-360, below f64: 0, never negative.
    let r = fisher_exact(
        BinaryArm::new(0, 600),
        BinaryArm::new(600, 600),
        Alternative::TwoSided,
    )
    .unwrap();
    assert!(r.p_value >= 0.0 && r.p_value < 1e-300);
    // 0/500 vs 500/500: p = 2 / C(1000, 500) = 7.4e-300, still representable.
    let r = fisher_exact(
        BinaryArm::new(0, 500),
        BinaryArm::new(500, 500),
        Alternative::TwoSided,
    )
    .unwrap();
    close(
        r.p_value,
        7.399_507_995_628_054e-300,
        1e-9,
        0.0,
        "2 / C(1000, 500)",
    );
    // Conversions above visitors stay an error, also in an arm without visitors.
    assert!(fisher_exact(
        BinaryArm::new(1, 0),
        BinaryArm::new(3, 10),
        Alternative::TwoSided
    )
    .is_err());
    assert!(fisher_exact(
        BinaryArm::new(2, 10),
        BinaryArm::new(11, 10),
        Alternative::Less
    )
    .is_err());
}

#[test]
fn tiny_p_values_come_from_the_upper_tail() {
    // z = 37.14: p = 5.77e-302 (statsmodels), not 0 and not negative.
    let a = BinaryArm::new(1_000, 100_000);
    let b = BinaryArm::new(3_450, 100_000);
    let r = two_proportion_z_test(a, b, Alternative::TwoSided).unwrap();
    close(r.z, 37.142_588_477_348_06, 1e-12, 0.0, "z");
    close(
        r.p_value,
        5.774_660_867_520_194e-302,
        1e-9,
        0.0,
        "p near 1e-300",
    );
    let r = two_proportion_z_test(a, b, Alternative::Less).unwrap();
    close(r.p_value, 1.0, 0.0, 1e-15, "the other side is ~1");
    // chi-square with df 1 equals the z-test squared
    let table = vec![vec![1_000, 99_000], vec![3_450, 96_550]];
    let c = chi_square_independence(&table, false).unwrap();
    let z = two_proportion_z_test(a, b, Alternative::TwoSided).unwrap();
    close(c.statistic, z.z * z.z, 1e-12, 0.0, "chi2 = z^2");
    close(c.p_value, z.p_value, 1e-10, 0.0, "same p-value");
    assert!(
        !chi_square_independence(&[vec![1, 2, 3], vec![4, 5, 6]], true)
            .unwrap()
            .yates_applied
    );
}

#[test]
fn welch_with_huge_df_does_not_freeze() {
    // statrs' StudentsT::inverse_cdf never returns for df >= 3e7; ours takes microseconds.
    let a = SummaryStats {
        mean: 10.0,
        sd: 30.0,
        n: 2_000_000_000,
    };
    let b = SummaryStats {
        mean: 10.002,
        sd: 31.0,
        n: 2_000_000_000,
    };
    let r = welch_t_test(a, b, 0.05, Alternative::TwoSided).unwrap();
    assert!(r.df > 3.9e9);
    let z = 1.959_963_984_540_054;
    close(
        r.upper - r.difference,
        z * r.std_error,
        1e-9,
        0.0,
        "t ~ z at huge df",
    );
    for df in [3e7, 1e9, 1e15, 1e300] {
        let t = students_t_isf(0.025, df).unwrap();
        close(
            students_t_sf(t, df).unwrap(),
            0.025,
            1e-13,
            0.0,
            "round trip",
        );
    }
}

#[test]
fn bootstrap_is_deterministic_and_sensible() {
    let mut rng = Xoshiro256::new(1);
    // log-normal-ish revenue: exp of a sum of uniforms
    let mut draw = |shift: f64| -> Vec<f64> {
        (0..400)
            .map(|_| (shift + 3.0 * (rng.next_f64() - 0.5)).exp())
            .collect()
    };
    let a = draw(1.0);
    let b = draw(1.2);
    let first = bootstrap_mean_difference(&a, &b, 0.05, 2000, 42).unwrap();
    let again = bootstrap_mean_difference(&a, &b, 0.05, 2000, 42).unwrap();
    assert_eq!(first, again);
    let other = bootstrap_mean_difference(&a, &b, 0.05, 2000, 43).unwrap();
    assert_ne!(first.lower, other.lower);
    assert!(first.lower < first.difference && first.difference < first.upper);
    // close to Welch's interval for samples of 400 (within 15% of the width)
    let w = welch_t_test_samples(&a, &b, 0.05, Alternative::TwoSided).unwrap();
    let width = w.upper - w.lower;
    close(
        first.lower,
        w.lower,
        0.0,
        0.15 * width,
        "bootstrap lower vs Welch",
    );
    close(
        first.upper,
        w.upper,
        0.0,
        0.15 * width,
        "bootstrap upper vs Welch",
    );
    // identical values: a degenerate interval, no NaN
    let flat = bootstrap_mean_difference(&[2.0; 5], &[3.0; 7], 0.05, 100, 1).unwrap();
    close(flat.lower, 1.0, 1e-15, 0.0, "flat");
    close(flat.upper, 1.0, 1e-15, 0.0, "flat");
}

#[test]
fn xoshiro_matches_reference_output() {
    // xoshiro256** seeded with the SplitMix64(0) outputs (e220a839..., 6e789e6a..., ...):
    // first three outputs from an independent Python transcription of Vigna's C code.
    let mut rng = Xoshiro256::new(0);
    assert_eq!(rng.next_u64(), 0x99ec_5f36_cb75_f2b4);
    assert_eq!(rng.next_u64(), 0xbf6e_1f78_4956_452a);
    assert_eq!(rng.next_u64(), 0x1a5f_849d_4933_e6e0);
    for _ in 0..1000 {
        assert!(rng.below(7) < 7);
        assert!((0.0..1.0).contains(&rng.next_f64()));
    }
}

#[test]
fn bayes_against_monte_carlo() {
    // P(B > A) for 120/2400 vs 150/2400 with uniform priors, by 200k seeded draws from the
    // posteriors, each approximated by a normal with the posterior's mean and sd (a sanity
    // check only: tolerance 4 Monte Carlo standard errors plus 2e-3 for the approximation;
    // the 1e-10 check is against mpmath in fixtures_misc).
    let r = beta_binomial_test(
        BinaryArm::new(120, 2400),
        BinaryArm::new(150, 2400),
        BetaParams::default(),
    )
    .unwrap();
    assert!(
        r.prob_b_beats_a > 0.9 && r.prob_b_beats_a < 0.99,
        "{}",
        r.prob_b_beats_a
    );
    close(
        r.prob_b_beats_a + r.prob_a_beats_b,
        1.0,
        1e-12,
        0.0,
        "sum to one",
    );
    let mut rng = Xoshiro256::new(7);
    let mut normal = || {
        let (u1, u2) = (rng.next_f64().max(1e-300), rng.next_f64());
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    };
    let (ma, sa) = (
        121.0 / 2402.0,
        (121.0 * 2281.0 / (2402.0f64.powi(2) * 2403.0)).sqrt(),
    );
    let (mb, sb) = (
        151.0 / 2402.0,
        (151.0 * 2251.0 / (2402.0f64.powi(2) * 2403.0)).sqrt(),
    );
    let draws = 200_000;
    let wins = (0..draws)
        .filter(|_| mb + sb * normal() > ma + sa * normal())
        .count();
    let p = wins as f64 / draws as f64;
    let se = (p * (1.0 - p) / draws as f64).sqrt();
    // the normal approximation itself is off by ~1e-3 here
    close(r.prob_b_beats_a, p, 0.0, 4.0 * se + 2e-3, "Monte Carlo");
    assert!(r.expected_loss_choosing_b < r.expected_loss_choosing_a);
}

#[test]
fn sequential_intervals_shrink_and_stay_valid() {
    let looks: Vec<(BinaryArm, BinaryArm)> = (1..=10)
        .map(|d| {
            (
                BinaryArm::new(50 * d, 1000 * d),
                BinaryArm::new(60 * d, 1000 * d),
            )
        })
        .collect();
    let seq = confidence_sequence_proportions(&looks, 0.05, DEFAULT_TUNING_N).unwrap();
    assert_eq!(seq.len(), 10);
    for w in seq.windows(2) {
        assert!(w[1].half_width < w[0].half_width);
        assert!(
            w[1].running_lower >= w[0].running_lower && w[1].running_upper <= w[0].running_upper
        );
    }
    // wider than the fixed-horizon interval at the same look (the price of peeking)
    let last = seq.last().unwrap();
    let fixed = 1.959_963_984_540_054 * ((0.05 * 0.95 + 0.06 * 0.94) / 10_000.0f64).sqrt();
    assert!(last.half_width > fixed);
    let bad = [MeansLook {
        n_a: 0,
        mean_a: 0.0,
        var_a: 1.0,
        n_b: 5,
        mean_b: 0.0,
        var_b: 1.0,
    }];
    assert!(confidence_sequence_means(&bad, 0.05, 5000.0).is_err());
}

#[test]
fn refusals_are_plain_words() {
    let e = two_proportion_z_test(
        BinaryArm::new(10, 100),
        BinaryArm::new(120, 100),
        Alternative::TwoSided,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "conversions (120) cannot exceed visitors (100) in arm B"
    );
    let e = two_proportion_z_test(
        BinaryArm::new(0, 100),
        BinaryArm::new(0, 100),
        Alternative::TwoSided,
    )
    .unwrap_err();
    assert!(matches!(e, StatsError::NoVariation { .. }), "{e}");
    let e = sample_ratio_mismatch(&[100, 100], &[1.0]).unwrap_err();
    assert!(e.to_string().contains("one weight per arm"), "{e}");
    let srm = sample_ratio_mismatch(&[50_600, 49_400], &[1.0, 1.0]).unwrap();
    assert!(srm.mismatch && srm.p_value < 0.001);
    let e = welch_t_test(
        SummaryStats {
            mean: 1.0,
            sd: 0.0,
            n: 10,
        },
        SummaryStats {
            mean: 2.0,
            sd: 0.0,
            n: 10,
        },
        0.05,
        Alternative::TwoSided,
    )
    .unwrap_err();
    assert!(matches!(e, StatsError::NoVariation { .. }));
}
