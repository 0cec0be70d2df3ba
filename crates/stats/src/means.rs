//! Comparing means (revenue per visitor, order value): Welch's t-test from summary
//! statistics or raw samples, and a seeded percentile bootstrap for heavy-tailed data.

use super::distributions::{t_isf_unchecked, t_sf_unchecked};
use super::error::{self, StatsError, StatsResult};
use super::Alternative;
use serde::{Deserialize, Serialize};

/// Summary of one arm: mean, sample standard deviation (divisor n - 1) and size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SummaryStats {
    pub mean: f64,
    pub sd: f64,
    pub n: u64,
}

/// Result of Welch's unequal-variance t-test of B against A.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WelchResult {
    /// mean_B - mean_A
    pub difference: f64,
    pub std_error: f64,
    pub t: f64,
    /// Welch-Satterthwaite degrees of freedom (n_A + n_B - 2 for Student's test).
    pub df: f64,
    pub p_value: f64,
    /// Two-sided (1 - alpha) interval for the difference, whatever the alternative.
    pub lower: f64,
    pub upper: f64,
}

fn check_summary(s: &SummaryStats, arm: &str) -> StatsResult<()> {
    error::finite(&format!("the mean of {arm}"), s.mean)?;
    error::non_negative(&format!("the standard deviation of {arm}"), s.sd)?;
    if s.n < 2 {
        return Err(StatsError::TooFew {
            what: arm.to_string(),
            needed: 2,
            got: s.n,
        });
    }
    Ok(())
}

/// Welch's t-test from summary statistics, as scipy
/// `ttest_ind_from_stats(mean_B, sd_B, n_B, mean_A, sd_A, n_A, equal_var=False)`:
/// t = (m_B - m_A) / se, se^2 = s_A^2/n_A + s_B^2/n_B, and the Welch-Satterthwaite
/// df = se^4 / ((s_A^2/n_A)^2/(n_A-1) + (s_B^2/n_B)^2/(n_B-1)). The interval is
/// difference +- t_{1-alpha/2, df} se. Works for any df (our own t quantile and tails).
pub fn welch_t_test(
    a: SummaryStats,
    b: SummaryStats,
    alpha: f64,
    alternative: Alternative,
) -> StatsResult<WelchResult> {
    check_summary(&a, "arm A")?;
    check_summary(&b, "arm B")?;
    let alpha = error::alpha(alpha)?;
    let (na, nb) = (a.n as f64, b.n as f64);
    let va = a.sd * a.sd / na;
    let vb = b.sd * b.sd / nb;
    let var = va + vb;
    if var <= 0.0 {
        return Err(StatsError::NoVariation {
            what: "the values in arms A and B".into(),
        });
    }
    let se = error::checked("the standard error", var.sqrt())?;
    // (va/n)^2 may underflow for tiny spreads; scale by the larger term first.
    let scale = va.max(vb);
    let (ra, rb) = (va / scale, vb / scale);
    let df = (ra + rb) * (ra + rb) / (ra * ra / (na - 1.0) + rb * rb / (nb - 1.0));
    let df = error::checked("the degrees of freedom", df)?;
    let difference = error::checked("the difference in means", b.mean - a.mean)?;
    t_test_result(difference, se, df, alpha, alternative)
}

/// The t statistic, p-value and interval of a difference with its standard error and degrees
/// of freedom: Welch's and Student's tests differ only in how they get `se` and `df`.
fn t_test_result(
    difference: f64,
    se: f64,
    df: f64,
    alpha: f64,
    alternative: Alternative,
) -> StatsResult<WelchResult> {
    let t = difference / se;
    let p_value = match alternative {
        Alternative::TwoSided => (2.0 * t_sf_unchecked(t.abs(), df)).min(1.0),
        Alternative::Greater => t_sf_unchecked(t, df),
        Alternative::Less => t_sf_unchecked(-t, df),
    };
    let crit = t_isf_unchecked(alpha / 2.0, df);
    Ok(WelchResult {
        difference,
        std_error: se,
        t: error::checked("the t statistic", t)?,
        df,
        p_value: error::checked("the p-value", p_value)?,
        lower: error::checked("the lower limit", difference - crit * se)?,
        upper: error::checked("the upper limit", difference + crit * se)?,
    })
}

/// Student's test has the same figures as Welch's; only the standard error and df differ.
pub type StudentResult = WelchResult;

/// Student's pooled-variance t-test from summary statistics, as scipy
/// `ttest_ind_from_stats(..., equal_var=True)`: s_p^2 = ((n_A-1) s_A^2 + (n_B-1) s_B^2) /
/// (n_A + n_B - 2), se = s_p sqrt(1/n_A + 1/n_B), df = n_A + n_B - 2. Offered beside Welch's,
/// which stays the default: arms rarely have equal spread and size, Student's test is then
/// wrong in either direction, and Welch's loses little when they are equal.
pub fn student_t_test(
    a: SummaryStats,
    b: SummaryStats,
    alpha: f64,
    alternative: Alternative,
) -> StatsResult<StudentResult> {
    check_summary(&a, "arm A")?;
    check_summary(&b, "arm B")?;
    let alpha = error::alpha(alpha)?;
    let (na, nb) = (a.n as f64, b.n as f64);
    let df = na + nb - 2.0;
    // Scale the spreads by the larger one so that squaring cannot overflow or underflow.
    let scale = a.sd.max(b.sd);
    if scale <= 0.0 {
        return Err(StatsError::NoVariation {
            what: "the values in arms A and B".into(),
        });
    }
    let (ra, rb) = (a.sd / scale, b.sd / scale);
    let pooled = ((na - 1.0) * ra * ra + (nb - 1.0) * rb * rb) / df;
    let se = error::checked(
        "the standard error",
        scale * (pooled * (1.0 / na + 1.0 / nb)).sqrt(),
    )?;
    let difference = error::checked("the difference in means", b.mean - a.mean)?;
    t_test_result(difference, se, df, alpha, alternative)
}

/// Mean and sample standard deviation (n - 1) of raw values; refuses NaN/inf values.
pub fn summarise(values: &[f64], arm: &str) -> StatsResult<SummaryStats> {
    if values.is_empty() {
        return Err(StatsError::Empty {
            what: arm.to_string(),
        });
    }
    for v in values {
        error::finite(&format!("a value in {arm}"), *v)?;
    }
    let n = values.len() as f64;
    // Scale first so that sums of huge values cannot overflow.
    let scale = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if scale == 0.0 {
        return Ok(SummaryStats {
            mean: 0.0,
            sd: 0.0,
            n: values.len() as u64,
        });
    }
    let mean_s = values.iter().map(|v| v / scale).sum::<f64>() / n;
    // two-pass with compensation (Chan et al.) for the variance
    let (mut ss, mut comp) = (0.0_f64, 0.0_f64);
    for v in values {
        let d = v / scale - mean_s;
        ss += d * d;
        comp += d;
    }
    let var_s = if values.len() > 1 {
        (ss - comp * comp / n).max(0.0) / (n - 1.0)
    } else {
        0.0
    };
    Ok(SummaryStats {
        mean: error::checked("the mean", mean_s * scale)?,
        sd: error::checked("the standard deviation", var_s.sqrt() * scale)?,
        n: values.len() as u64,
    })
}

/// Welch's t-test on raw values (as scipy `ttest_ind(b, a, equal_var=False)`).
pub fn welch_t_test_samples(
    a: &[f64],
    b: &[f64],
    alpha: f64,
    alternative: Alternative,
) -> StatsResult<WelchResult> {
    let sa = summarise(a, "arm A")?;
    let sb = summarise(b, "arm B")?;
    welch_t_test(sa, sb, alpha, alternative)
}

/// Student's t-test on raw values (as scipy `ttest_ind(b, a, equal_var=True)`).
pub fn student_t_test_samples(
    a: &[f64],
    b: &[f64],
    alpha: f64,
    alternative: Alternative,
) -> StatsResult<StudentResult> {
    let sa = summarise(a, "arm A")?;
    let sb = summarise(b, "arm B")?;
    student_t_test(sa, sb, alpha, alternative)
}

/// A seeded percentile-bootstrap interval for mean_B - mean_A.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapInterval {
    pub difference: f64,
    pub lower: f64,
    pub upper: f64,
    pub resamples: u32,
    pub seed: u64,
}

/// Upper bound on resampled values (resamples x observations): about a second of work.
const BOOTSTRAP_MAX_WORK: u64 = 200_000_000;

/// Percentile bootstrap interval for the difference in means: each of `resamples` rounds
/// draws n_A values from A and n_B from B with replacement, and the interval is the
/// alpha/2 and 1 - alpha/2 quantiles (linear interpolation, numpy's default) of the
/// resampled differences. Deterministic: the same seed gives the same interval on every
/// platform (xoshiro256** seeded through SplitMix64). Suited to heavy-tailed revenue.
pub fn bootstrap_mean_difference(
    a: &[f64],
    b: &[f64],
    alpha: f64,
    resamples: u32,
    seed: u64,
) -> StatsResult<BootstrapInterval> {
    let sa = summarise(a, "arm A")?;
    let sb = summarise(b, "arm B")?;
    let alpha = error::alpha(alpha)?;
    if resamples < 10 {
        return Err(StatsError::TooFew {
            what: "the bootstrap (resamples)".into(),
            needed: 10,
            got: u64::from(resamples),
        });
    }
    let work = u64::from(resamples).saturating_mul((a.len() + b.len()) as u64);
    if work > BOOTSTRAP_MAX_WORK {
        return Err(StatsError::TooLarge {
            what: "the bootstrap (resamples times observations)".into(),
        });
    }
    let mut rng = Xoshiro256::new(seed);
    let mut diffs = Vec::with_capacity(resamples as usize);
    for _ in 0..resamples {
        let ma = resample_mean(a, &mut rng);
        let mb = resample_mean(b, &mut rng);
        diffs.push(mb - ma);
    }
    diffs.sort_by(f64::total_cmp);
    let lower = percentile(&diffs, alpha / 2.0);
    let upper = percentile(&diffs, 1.0 - alpha / 2.0);
    Ok(BootstrapInterval {
        difference: error::checked("the difference in means", sb.mean - sa.mean)?,
        lower: error::checked("the lower limit", lower)?,
        upper: error::checked("the upper limit", upper)?,
        resamples,
        seed,
    })
}

fn resample_mean(values: &[f64], rng: &mut Xoshiro256) -> f64 {
    let n = values.len();
    let scale = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if n == 0 || scale == 0.0 {
        return 0.0;
    }
    let mut sum = 0.0;
    for _ in 0..n {
        let i = rng.below(n as u64) as usize;
        sum += values.get(i).copied().unwrap_or(0.0) / scale;
    }
    sum / n as f64 * scale
}

/// Quantile q of sorted values with linear interpolation between order statistics.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let pos = q * (n - 1) as f64;
    let i = pos.floor() as usize;
    let frac = pos - i as f64;
    let lo = sorted.get(i).copied().unwrap_or(f64::NAN);
    match sorted.get(i + 1) {
        Some(hi) if frac > 0.0 => lo + (hi - lo) * frac,
        _ => lo,
    }
}

/// xoshiro256** (Blackman and Vigna), seeded from one u64 through SplitMix64.
#[derive(Debug, Clone)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// A generator whose whole state derives from `seed`.
    pub fn new(seed: u64) -> Self {
        let mut sm = seed;
        let mut next = || {
            sm = sm.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = sm;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Xoshiro256 {
            s: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let (mut n0, mut n1, mut n2, mut n3) = (s0, s1, s2, s3);
        n2 ^= n0;
        n3 ^= n1;
        n1 ^= n2;
        n0 ^= n3;
        n2 ^= t;
        n3 = n3.rotate_left(45);
        self.s = [n0, n1, n2, n3];
        result
    }

    /// Uniform integer in [0, n) by Lemire's multiply-shift with rejection (unbiased).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}
