//! Binomial and hypergeometric probabilities, accurate for counts up to 1e9 and beyond.
//!
//! Densities use Loader's saddle-point form (no `ln_gamma` differences, which lose
//! `eps * ln n!` and give 1.8e-6 relative error at n = 1e9 in statrs). Binomial tails use the
//! identity P(X >= k) = I_p(k, n - k + 1) with our own incomplete beta, whose continued
//! fraction computes the smaller tail directly (so tails down to 1e-300 keep their digits).

use super::error::{self, StatsError, StatsResult};
use super::special::{beta_inc, ln_dbinom_raw};

fn check_p(p: f64) -> StatsResult<f64> {
    error::closed_unit("the probability of success", p)
}

fn check_k_n(k: u64, n: u64) -> StatsResult<()> {
    if k > n {
        return Err(StatsError::CountAboveTotal {
            count_name: "successes".into(),
            count: k,
            total_name: "trials".into(),
            total: n,
            group: "the binomial count".into(),
        });
    }
    Ok(())
}

/// ln P(X = k) for X ~ Binomial(n, p). -inf when the probability is exactly 0.
pub fn binomial_ln_pmf(k: u64, n: u64, p: f64) -> StatsResult<f64> {
    check_p(p)?;
    check_k_n(k, n)?;
    Ok(ln_dbinom_raw(k as f64, (n - k) as f64, p, 1.0 - p))
}

/// P(X = k) for X ~ Binomial(n, p).
pub fn binomial_pmf(k: u64, n: u64, p: f64) -> StatsResult<f64> {
    Ok(binomial_ln_pmf(k, n, p)?.exp())
}

/// Both tails (P(X >= k), P(X < k)) for X ~ Binomial(n, p); k may exceed n.
pub(crate) fn binomial_tails_unchecked(k: u64, n: u64, p: f64) -> Option<(f64, f64)> {
    if k == 0 {
        return Some((1.0, 0.0));
    }
    if k > n {
        return Some((0.0, 1.0));
    }
    // P(X >= k) = I_p(k, n - k + 1)
    let (at_least, below) = beta_inc(k as f64, (n - k) as f64 + 1.0, p, 1.0 - p)?;
    Some((at_least, below))
}

fn tails(k: u64, n: u64, p: f64) -> StatsResult<(f64, f64)> {
    check_p(p)?;
    binomial_tails_unchecked(k, n, p).ok_or_else(|| StatsError::TooLarge {
        what: format!("a binomial with {n} trials"),
    })
}

/// P(X >= k) for X ~ Binomial(n, p) ("at least k successes"); 0 when k > n.
pub fn binomial_at_least(k: u64, n: u64, p: f64) -> StatsResult<f64> {
    Ok(tails(k, n, p)?.0)
}

/// P(X <= k) for X ~ Binomial(n, p) ("at most k successes"); 1 when k >= n.
pub fn binomial_at_most(k: u64, n: u64, p: f64) -> StatsResult<f64> {
    if k >= n {
        check_p(p)?;
        return Ok(1.0);
    }
    Ok(tails(k + 1, n, p)?.1)
}

/// ln P(X = k) for the hypergeometric distribution: `draws` items taken without replacement
/// from a `population` holding `successes` marked items; X counts marked items drawn.
/// Uses R's decomposition dbinom(k; K, r) dbinom(n-k; N-K, r) / dbinom(n; N, r), r = n/N.
pub fn hypergeometric_ln_pmf(
    k: u64,
    population: u64,
    successes: u64,
    draws: u64,
) -> StatsResult<f64> {
    if successes > population {
        return Err(StatsError::CountAboveTotal {
            count_name: "marked items".into(),
            count: successes,
            total_name: "the population".into(),
            total: population,
            group: "the hypergeometric distribution".into(),
        });
    }
    if draws > population {
        return Err(StatsError::CountAboveTotal {
            count_name: "draws".into(),
            count: draws,
            total_name: "the population".into(),
            total: population,
            group: "the hypergeometric distribution".into(),
        });
    }
    Ok(hyper_ln_pmf_unchecked(k, population, successes, draws))
}

/// Requires successes <= population and draws <= population.
pub(crate) fn hyper_ln_pmf_unchecked(k: u64, population: u64, successes: u64, draws: u64) -> f64 {
    let failures = population - successes;
    if k > successes || k > draws || draws - k > failures {
        return f64::NEG_INFINITY;
    }
    if draws == 0 || draws == population {
        return 0.0;
    }
    let nf = population as f64;
    let r = draws as f64 / nf;
    let s = (population - draws) as f64 / nf;
    let p1 = ln_dbinom_raw(k as f64, (successes - k) as f64, r, s);
    let p2 = ln_dbinom_raw((draws - k) as f64, (failures - (draws - k)) as f64, r, s);
    let p3 = ln_dbinom_raw(draws as f64, (population - draws) as f64, r, s);
    p1 + p2 - p3
}
