//! Property tests: no input (any f64 including NaN, infinities and negatives, any u64)
//! panics or returns NaN inside an `Ok`.

use crate::bayes::{beta_binomial_test, prob_b_greater, BetaParams};
use crate::binomial_planning::*;
use crate::corrections::{benjamini_hochberg, bonferroni, holm};
use crate::did::*;
use crate::discrete::*;
use crate::distributions::*;
use crate::intervals::*;
use crate::means::*;
use crate::msprt::*;
use crate::power::*;
use crate::power_means::*;
use crate::proportions::*;
use crate::sequential::*;
use crate::srm::sample_ratio_mismatch;
use crate::{Alternative, BinaryArm};
use proptest::prelude::*;

/// Any f64, with the awkward values over-represented.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(1.0),
        Just(f64::MIN_POSITIVE),
        Just(f64::EPSILON),
        Just(1.0 - f64::EPSILON),
        Just(1e300),
        -1e3..1e3f64,
        0.0..1.0f64,
    ]
}

/// Counts: any u64, small ones, and huge ones.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0..20u64,
        0..100_000u64,
        Just(u64::MAX),
        1_000_000_000..1_000_000_010u64
    ]
}

fn alt() -> impl Strategy<Value = Alternative> {
    prop_oneof![
        Just(Alternative::TwoSided),
        Just(Alternative::Greater),
        Just(Alternative::Less)
    ]
}

fn ok_finite(values: &[f64]) -> bool {
    values.iter().all(|v| !v.is_nan())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn distributions_never_nan(x in wild(), y in wild(), z in wild(), k in count(), n in count(), upper in any::<bool>()) {
        for r in [normal_sf(x), normal_cdf(x), normal_quantile(x), normal_isf(x), students_t_sf(x, y), students_t_cdf(x, y),
                  students_t_isf(x, y), students_t_quantile(x, y), chi_square_sf(x, y), beta_quantile(x, y, z, upper),
                  binomial_ln_pmf(k, n, x).map(|v| if v == f64::NEG_INFINITY { 0.0 } else { v }),
                  binomial_pmf(k, n, x), binomial_at_least(k, n, x), binomial_at_most(k, n, x),
                  hypergeometric_ln_pmf(k, n, k / 2, n / 3).map(|v| if v == f64::NEG_INFINITY { 0.0 } else { v })].into_iter().flatten() {
            prop_assert!(!r.is_nan());
        }
        if let Ok((a, b)) = beta_tails(x, y, z) { prop_assert!(ok_finite(&[a, b])); }
    }

    #[test]
    fn proportion_tests_never_nan(xa in count(), na in count(), xb in count(), nb in count(), alpha in wild(), alternative in alt(), yates in any::<bool>()) {
        let (a, b) = (BinaryArm::new(xa, na), BinaryArm::new(xb, nb));
        if let Ok(r) = two_proportion_z_test(a, b, alternative) { prop_assert!(ok_finite(&[r.z, r.p_value, r.difference])); }
        if let Ok(r) = chi_square_independence(&[vec![xa, na], vec![xb, nb]], yates) { prop_assert!(ok_finite(&[r.statistic, r.p_value])); }
        if let Ok(r) = chi_square_independence(&[vec![xa % 1000, na % 1000, 3], vec![xb % 1000, nb % 1000, 1]], yates) {
            prop_assert!(ok_finite(&[r.statistic, r.p_value]));
        }
        if let Ok(r) = fisher_exact(a, b, alternative) { prop_assert!(ok_finite(&[r.p_value, r.odds_ratio.unwrap_or(0.0)])); }
        let small = (BinaryArm::new(xa % 300, na % 300), BinaryArm::new(xb % 300, nb % 300));
        if let Ok(r) = fisher_exact(small.0, small.1, alternative) { prop_assert!((0.0..=1.0).contains(&r.p_value)); }
        for m in [ProportionMethod::Wilson, ProportionMethod::AgrestiCoull, ProportionMethod::ClopperPearson, ProportionMethod::Jeffreys, ProportionMethod::Wald] {
            if let Ok(r) = proportion_interval(xa, na, alpha, m) { prop_assert!(ok_finite(&[r.lower, r.upper])); }
        }
        for m in [DifferenceMethod::Newcombe, DifferenceMethod::Wald, DifferenceMethod::AgrestiCaffo] {
            if let Ok(r) = difference_interval(a, b, alpha, m) { prop_assert!(ok_finite(&[r.lower, r.upper])); }
        }
        if let Ok(r) = relative_lift(a, b, alpha) { prop_assert!(ok_finite(&[r.lift, r.lower, r.upper, r.std_error])); }
        if let Ok(r) = sample_ratio_mismatch(&[xa, xb], &[alpha, 1.0]) { prop_assert!(ok_finite(&[r.chi_square, r.p_value])); }
    }

    #[test]
    fn means_never_nan(m1 in wild(), s1 in wild(), m2 in wild(), s2 in wild(), n1 in count(), n2 in count(), alpha in wild(), alternative in alt(),
                       raw_a in prop::collection::vec(wild(), 0..6), raw_b in prop::collection::vec(wild(), 0..6), seed in any::<u64>()) {
        let a = SummaryStats { mean: m1, sd: s1, n: n1 };
        let b = SummaryStats { mean: m2, sd: s2, n: n2 };
        if let Ok(r) = welch_t_test(a, b, alpha, alternative) { prop_assert!(ok_finite(&[r.t, r.df, r.p_value, r.lower, r.upper])); }
        if let Ok(r) = welch_t_test_samples(&raw_a, &raw_b, alpha, alternative) { prop_assert!(ok_finite(&[r.t, r.p_value, r.lower, r.upper])); }
        if let Ok(r) = bootstrap_mean_difference(&raw_a, &raw_b, alpha, 50, seed) { prop_assert!(ok_finite(&[r.lower, r.upper, r.difference])); }
    }

    #[test]
    fn power_never_nan(p1 in wild(), p2 in wild(), alpha in wild(), power in wild(), ratio in wild(), n in wild(), alternative in alt()) {
        let design = TestDesign { alpha, power, ratio, alternative };
        for m in [ProportionPowerMethod::CohensH, ProportionPowerMethod::Fleiss, ProportionPowerMethod::Unpooled] {
            if let Ok(r) = sample_size_proportions(p1, p2, &design, m) { prop_assert!(ok_finite(&[r.exact_n_a, r.achieved_power])); }
            if let Ok(r) = power_proportions(p1, p2, n, &design, m) { prop_assert!(!r.is_nan()); }
            if let Ok(r) = mde_proportions(p1, n, &design, m) { prop_assert!(ok_finite(&[r.target, r.absolute, r.relative])); }
        }
        for m in [MeansPowerMethod::Normal, MeansPowerMethod::TTest] {
            if let Ok(r) = sample_size_means(p1, p2, &design, m) { prop_assert!(ok_finite(&[r.exact_n_a, r.achieved_power])); }
            if let Ok(r) = power_means(p1, p2, n, &design, m) { prop_assert!(!r.is_nan()); }
            if let Ok(r) = mde_means(p1, p2, n, &design, m) { prop_assert!(ok_finite(&[r.target, r.absolute, r.relative])); }
        }
    }

    #[test]
    fn corrections_bayes_sequential_planning_never_nan(ps in prop::collection::vec(wild(), 0..8), alpha in wild(), x in wild(), y in wild(),
                                                       xa in count(), na in count(), xb in count(), nb in count(), k in count(), tune in wild()) {
        for r in [holm(&ps, alpha), benjamini_hochberg(&ps, alpha), bonferroni(&ps, alpha)].into_iter().flatten() {
            prop_assert!(ok_finite(&r.adjusted));
        }
        let prior = BetaParams { alpha: x, beta: y };
        let (a, b) = (BinaryArm::new(xa % 1_000_000, na % 1_000_000), BinaryArm::new(xb % 1_000_000, nb % 1_000_000));
        if let Ok(r) = beta_binomial_test(a, b, prior) {
            prop_assert!(ok_finite(&[r.prob_b_beats_a, r.prob_a_beats_b, r.expected_loss_choosing_a, r.expected_loss_choosing_b]));
        }
        if let Ok(r) = prob_b_greater(prior, BetaParams { alpha: y.abs() + 1.0, beta: 3.0 }) { prop_assert!(!r.is_nan()); }
        if let Ok(r) = sequential_half_width(x, y, alpha, tune) { prop_assert!(!r.is_nan()); }
        let look = MeansLook { n_a: na, mean_a: x, var_a: y, n_b: nb, mean_b: 0.5, var_b: 1.0 };
        if let Ok(r) = confidence_sequence_means(&[look], alpha, tune) { prop_assert!(r.iter().all(|i| ok_finite(&[i.lower, i.upper]))); }
        if let Ok(r) = msprt_means(&[look, look], alpha, tune) { prop_assert!(r.iter().all(|i| ok_finite(&[i.p_value, i.ln_likelihood_ratio, i.variance]))); }
        if let Ok(r) = msprt_ln_likelihood_ratio(x, y, tune) { prop_assert!(!r.is_nan()); }
        if let Ok(r) = confidence_sequence_proportions(&[(BinaryArm::new(xa, na), BinaryArm::new(xb, nb))], alpha, tune) {
            prop_assert!(r.iter().all(|i| ok_finite(&[i.lower, i.upper])));
        }
        if let Ok(r) = gifted_to_seed_with_paid(k, xa % 10, x, y) { prop_assert!(!r.probability.is_nan()); }
        if let Ok(r) = creators_to_seed(k % 1000, x, y) { prop_assert!(!r.probability.is_nan()); }
        if let Ok(r) = posts_distribution(k % 5000, x) { prop_assert!(ok_finite(&r)); }
        let probs: Vec<f64> = ps.iter().map(|p| p.abs().min(1.0)).collect();
        if let Ok(r) = poisson_binomial(&probs) { prop_assert!(ok_finite(&r)); }
        if let Ok(r) = probability_at_least(&ps, k % 10) { prop_assert!(!r.is_nan()); }
    }

    #[test]
    fn did_and_pre_trend_never_nan(cells in prop::collection::vec(prop::collection::vec(wild(), 0..6), 4), times in prop::collection::vec(wild(), 0..8),
                                   alpha in wild(), robust in any::<bool>()) {
        let se = if robust { DidStdError::Robust } else { DidStdError::Classic };
        let series = DidSeries { treated_pre: &cells[0], treated_post: &cells[1], control_pre: &cells[2], control_post: &cells[3] };
        if let Ok(r) = difference_in_differences(series, alpha, se) {
            let e = r.effect;
            prop_assert!(ok_finite(&[e.estimate, e.std_error, e.statistic, e.p_value, e.lower, e.upper, r.counterfactual]));
            prop_assert!(e.p_value >= 0.0 && e.p_value <= 1.0 && e.lower <= e.upper);
        }
        let points = |values: &[f64]| -> Vec<(f64, f64)> { times.iter().copied().zip(values.iter().copied()).collect() };
        if let Ok(r) = pre_trend(&points(&cells[0]), &points(&cells[2]), alpha, se) {
            let d = r.slope_difference;
            prop_assert!(ok_finite(&[d.estimate, d.std_error, d.p_value, d.lower, d.upper, r.treated_slope, r.control_slope]));
        }
    }
}
