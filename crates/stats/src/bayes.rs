//! Bayesian comparison of two conversion rates (beta-binomial model): the probability that
//! B beats A ("chance to win") and the expected loss ("risk") of choosing each arm.
//!
//! With a Beta(alpha, beta) prior, the posterior of an arm with x conversions out of n is
//! Beta(alpha + x, beta + n - x). P(p_B > p_A) = integral of f_A(t) P(p_B > t) dt is
//! computed by composite 32-point Gauss-Legendre quadrature on the logit scale
//! u = ln(t / (1 - t)), over the narrower posterior (so the other factor is smooth), with
//! the posterior density in Loader's cancellation-free form and the tail from our own
//! incomplete beta. Both P(B > A) and P(A > B) are integrated directly, so a tiny one keeps
//! its digits. Checked against mpmath (exact Evan Miller sum for integer parameters, 50-digit
//! quadrature otherwise) to 1e-10 relative, and against a seeded Monte Carlo.
//! Expected loss uses E[p_A 1{p_A > p_B}] = mean_A P(A' > B), A' ~ Beta(alpha_A + 1, beta_A).

use super::error::{self, StatsError, StatsResult};
use super::special::{beta_inc, ln_dbinom_raw};
use super::BinaryArm;
use serde::{Deserialize, Serialize};

/// Parameters of a beta distribution (a prior or a posterior).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BetaParams {
    pub alpha: f64,
    pub beta: f64,
}

impl Default for BetaParams {
    /// The uniform prior Beta(1, 1).
    fn default() -> Self {
        BetaParams {
            alpha: 1.0,
            beta: 1.0,
        }
    }
}

impl BetaParams {
    fn validate(&self, what: &str) -> StatsResult<()> {
        error::positive(&format!("the alpha parameter of {what}"), self.alpha)?;
        error::positive(&format!("the beta parameter of {what}"), self.beta)?;
        if self.alpha > 1e15 || self.beta > 1e15 {
            return Err(StatsError::TooLarge {
                what: format!("{what} (parameters above 1e15)"),
            });
        }
        Ok(())
    }
    fn mean(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }
}

/// Result of the Bayesian comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BayesResult {
    /// P(p_B > p_A): the chance that B beats A.
    pub prob_b_beats_a: f64,
    /// P(p_A > p_B), computed directly (accurate even when tiny).
    pub prob_a_beats_b: f64,
    /// E[max(p_A - p_B, 0)]: conversion rate lost on average by shipping B.
    pub expected_loss_choosing_b: f64,
    /// E[max(p_B - p_A, 0)]: conversion rate lost on average by keeping A.
    pub expected_loss_choosing_a: f64,
    pub posterior_a: BetaParams,
    pub posterior_b: BetaParams,
}

/// Beta-binomial comparison of B against A with the same `prior` on both rates
/// (Beta(1, 1), the uniform prior, is the usual choice).
pub fn beta_binomial_test(
    a: BinaryArm,
    b: BinaryArm,
    prior: BetaParams,
) -> StatsResult<BayesResult> {
    a.validate("arm A")?;
    b.validate("arm B")?;
    prior.validate("the prior")?;
    if prior.alpha < 0.01 || prior.beta < 0.01 || prior.alpha > 1e9 || prior.beta > 1e9 {
        return Err(StatsError::OutOfRange {
            what: "the prior parameters".into(),
            value: prior.alpha.min(prior.beta),
            expected: "between 0.01 and 1e9 (Beta(1, 1) is the usual uniform prior)".into(),
        });
    }
    let post = |arm: BinaryArm| BetaParams {
        alpha: prior.alpha + arm.conversions as f64,
        beta: prior.beta + (arm.visitors - arm.conversions) as f64,
    };
    let (pa, pb) = (post(a), post(b));
    pa.validate("the posterior of arm A")?;
    pb.validate("the posterior of arm B")?;
    let (b_wins, a_wins) = prob_greater_pair(pa, pb)?;
    let a_up = BetaParams {
        alpha: pa.alpha + 1.0,
        ..pa
    };
    let b_up = BetaParams {
        alpha: pb.alpha + 1.0,
        ..pb
    };
    let (b_over_a_up, a_up_over_b) = prob_greater_pair(a_up, pb)?;
    let (b_up_over_a, a_over_b_up) = prob_greater_pair(pa, b_up)?;
    let loss_b = (pa.mean() * a_up_over_b - pb.mean() * a_over_b_up).max(0.0);
    let loss_a = (pb.mean() * b_up_over_a - pa.mean() * b_over_a_up).max(0.0);
    Ok(BayesResult {
        prob_b_beats_a: error::checked("the chance to win", b_wins)?,
        prob_a_beats_b: error::checked("the chance to lose", a_wins)?,
        expected_loss_choosing_b: error::checked("the expected loss", loss_b)?,
        expected_loss_choosing_a: error::checked("the expected loss", loss_a)?,
        posterior_a: pa,
        posterior_b: pb,
    })
}

/// P(X_B > X_A) for independent X_A ~ Beta(a), X_B ~ Beta(b).
pub fn prob_b_greater(a: BetaParams, b: BetaParams) -> StatsResult<f64> {
    a.validate("distribution A")?;
    b.validate("distribution B")?;
    if a.alpha.min(a.beta).min(b.alpha).min(b.beta) < 0.01 {
        return Err(StatsError::OutOfRange {
            what: "the beta parameters".into(),
            value: a.alpha.min(a.beta).min(b.alpha).min(b.beta),
            expected: "at least 0.01".into(),
        });
    }
    Ok(prob_greater_pair(a, b)?.0)
}

/// (P(X_B > X_A), P(X_A > X_B)); parameters validated by the caller.
fn prob_greater_pair(a: BetaParams, b: BetaParams) -> StatsResult<(f64, f64)> {
    let spread = |p: &BetaParams| (1.0 / p.alpha + 1.0 / p.beta).sqrt();
    // Integrate over the narrower density; the other enters through its (smooth) tails.
    let (outer, inner, swapped) = if spread(&a) <= spread(&b) {
        (a, b, false)
    } else {
        (b, a, true)
    };
    let (inner_above, inner_below) = integrate_tails(outer, inner)?;
    // inner_above = P(inner > outer), inner_below = P(inner < outer)
    let (b_wins, a_wins) = if swapped {
        (inner_below, inner_above)
    } else {
        (inner_above, inner_below)
    };
    let total = b_wins + a_wins;
    if !(total > 0.5 && total < 1.5) {
        return Err(StatsError::NoSolution {
            why: "the chance to win could not be computed reliably".into(),
        });
    }
    // Normalize away the (tiny) quadrature error so the two add to one.
    Ok((
        (b_wins / total).clamp(0.0, 1.0),
        (a_wins / total).clamp(0.0, 1.0),
    ))
}

/// (P(inner > outer), P(inner < outer)) by Gauss-Legendre on u = logit(t) over `outer`.
fn integrate_tails(outer: BetaParams, inner: BetaParams) -> StatsResult<(f64, f64)> {
    let (al, be) = (outer.alpha, outer.beta);
    let s = (1.0 / al + 1.0 / be).sqrt();
    let center = (al / be).ln();
    let lo = (center - (20.0 * s).max(46.0 / al)).max(-700.0);
    let hi = (center + (20.0 * s).max(46.0 / be)).min(700.0);
    let width = s / 3.0;
    let panels = ((hi - lo) / width).ceil().clamp(1.0, 20_000.0) as usize;
    let h = (hi - lo) / panels as f64;
    let ln_norm = (al * be / (al + be)).ln();
    let (nodes, weights) = gauss_legendre_32();
    let (mut above, mut below) = (0.0_f64, 0.0_f64);
    for k in 0..panels {
        let mid = lo + (k as f64 + 0.5) * h;
        for (z, w) in nodes.iter().zip(weights.iter()) {
            let u = mid + 0.5 * h * z;
            let (x, y) = (1.0 / (1.0 + (-u).exp()), 1.0 / (1.0 + u.exp()));
            if x <= 0.0 || y <= 0.0 {
                continue;
            }
            // density of u: x^a y^b / B(a, b) = dbinom_raw(a; a+b, x) a b / (a+b)
            let dens = (ln_dbinom_raw(al, be, x, y) + ln_norm).exp();
            if dens == 0.0 {
                continue;
            }
            let (cdf, sf) =
                beta_inc(inner.alpha, inner.beta, x, y).ok_or_else(|| StatsError::TooLarge {
                    what: "the posterior".into(),
                })?;
            above += w * dens * sf;
            below += w * dens * cdf;
        }
    }
    Ok((above * 0.5 * h, below * 0.5 * h))
}

/// Nodes and weights of 32-point Gauss-Legendre on [-1, 1] (Newton on P_32).
fn gauss_legendre_32() -> ([f64; 32], [f64; 32]) {
    const N: usize = 32;
    let mut nodes = [0.0; N];
    let mut weights = [0.0; N];
    for i in 0..N / 2 {
        let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (N as f64 + 0.5)).cos();
        let mut pp = 1.0;
        for _ in 0..100 {
            let (mut p1, mut p2) = (1.0_f64, 0.0_f64);
            for j in 1..=N {
                let p3 = p2;
                p2 = p1;
                let jf = j as f64;
                p1 = ((2.0 * jf - 1.0) * z * p2 - (jf - 1.0) * p3) / jf;
            }
            pp = N as f64 * (z * p1 - p2) / (z * z - 1.0);
            let z1 = z;
            z = z1 - p1 / pp;
            if (z - z1).abs() < 1e-16 {
                break;
            }
        }
        let w = 2.0 / ((1.0 - z * z) * pp * pp);
        if let (Some(n0), Some(w0)) = (nodes.get_mut(i), weights.get_mut(i)) {
            *n0 = -z;
            *w0 = w;
        }
        if let (Some(n1), Some(w1)) = (nodes.get_mut(N - 1 - i), weights.get_mut(N - 1 - i)) {
            *n1 = z;
            *w1 = w;
        }
    }
    (nodes, weights)
}
