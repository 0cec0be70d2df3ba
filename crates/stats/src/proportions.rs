//! Tests for conversion rates: two-proportion z-test, chi-square test of independence and
//! Fisher's exact test.

use super::discrete::hyper_ln_pmf_unchecked;
use super::distributions::{chi2_sf_unchecked, norm_cdf, norm_sf};
use super::error::{self, StatsError, StatsResult};
use super::special::ln_add_exp;
use super::{Alternative, BinaryArm};
use serde::{Deserialize, Serialize};

/// Result of the pooled two-proportion z-test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZTestResult {
    pub rate_a: f64,
    pub rate_b: f64,
    /// rate_b - rate_a
    pub difference: f64,
    pub z: f64,
    pub p_value: f64,
}

/// Pooled two-proportion z-test of B against A, as statsmodels
/// `proportions_ztest([conv_B, conv_A], [vis_B, vis_A], alternative=...)`:
/// z = (p_B - p_A) / sqrt(p (1 - p) (1/n_A + 1/n_B)) with the pooled rate p.
/// Refused when the pooled rate is 0 or 1 (no conversions at all, or everyone converted).
pub fn two_proportion_z_test(
    a: BinaryArm,
    b: BinaryArm,
    alternative: Alternative,
) -> StatsResult<ZTestResult> {
    a.validate("arm A")?;
    b.validate("arm B")?;
    let (na, nb) = (a.visitors as f64, b.visitors as f64);
    let (pa, pb) = (a.rate(), b.rate());
    let pooled = (a.conversions as f64 + b.conversions as f64) / (na + nb);
    if pooled <= 0.0 || pooled >= 1.0 {
        return Err(StatsError::NoVariation {
            what: "conversions in arms A and B".into(),
        });
    }
    let se = (pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb)).sqrt();
    let diff = pb - pa;
    let z = diff / se;
    let p_value = z_p_value(z, alternative);
    Ok(ZTestResult {
        rate_a: pa,
        rate_b: pb,
        difference: diff,
        z: error::checked("the z statistic", z)?,
        p_value: error::checked("the p-value", p_value)?,
    })
}

/// p-value of a standard normal statistic z, from upper tails only.
pub(crate) fn z_p_value(z: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::TwoSided => (2.0 * norm_sf(z.abs())).min(1.0),
        Alternative::Greater => norm_sf(z),
        Alternative::Less => norm_cdf(z),
    }
}

/// Result of the chi-square test of independence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChiSquareResult {
    pub statistic: f64,
    pub df: u64,
    pub p_value: f64,
    /// Expected counts under independence, same shape as the table.
    pub expected: Vec<Vec<f64>>,
    /// Whether Yates' continuity correction was applied (only ever for 2 x 2 tables).
    pub yates_applied: bool,
}

/// Chi-square test of independence for an r x c table of counts (rows = arms, columns =
/// outcomes), as `scipy.stats.chi2_contingency(table, correction=yates)`. Yates' continuity
/// correction (each |observed - expected| shrunk by at most 0.5) is applied only when
/// `yates` is true and the table is 2 x 2 (df = 1), as scipy does; scipy's default is on.
/// Refused when the table is smaller than 2 x 2, ragged, or has a row or column of zeros.
pub fn chi_square_independence(table: &[Vec<u64>], yates: bool) -> StatsResult<ChiSquareResult> {
    let rows = table.len();
    let cols = table.first().map_or(0, |r| r.len());
    if rows < 2 || cols < 2 {
        return Err(StatsError::TooFew {
            what: "a contingency table (rows and columns)".into(),
            needed: 2,
            got: rows.min(cols) as u64,
        });
    }
    if table.iter().any(|r| r.len() != cols) {
        return Err(StatsError::Mismatch {
            what: "every row of the table must have the same number of columns".into(),
        });
    }
    let row_sums: Vec<f64> = table
        .iter()
        .map(|r| r.iter().map(|&v| v as f64).sum())
        .collect();
    let mut col_sums = vec![0.0_f64; cols];
    for r in table {
        for (s, &v) in col_sums.iter_mut().zip(r) {
            *s += v as f64;
        }
    }
    if let Some(i) = row_sums.iter().position(|&s| s == 0.0) {
        return Err(StatsError::Empty {
            what: format!("row {} of the table", i + 1),
        });
    }
    if let Some(j) = col_sums.iter().position(|&s| s == 0.0) {
        return Err(StatsError::Empty {
            what: format!("column {} of the table", j + 1),
        });
    }
    let total: f64 = row_sums.iter().sum();
    let df = ((rows - 1) * (cols - 1)) as u64;
    let yates_applied = yates && df == 1;
    let mut statistic = 0.0;
    let mut expected = Vec::with_capacity(rows);
    for (r, rs) in table.iter().zip(&row_sums) {
        let mut erow = Vec::with_capacity(cols);
        for (&o, cs) in r.iter().zip(&col_sums) {
            let e = rs * cs / total;
            let mut diff = o as f64 - e;
            if yates_applied {
                diff = diff.signum() * (diff.abs() - diff.abs().min(0.5));
            }
            statistic += diff * diff / e;
            erow.push(e);
        }
        expected.push(erow);
    }
    let statistic = error::checked("the chi-square statistic", statistic)?;
    let p_value = error::checked("the p-value", chi2_sf_unchecked(statistic, df as f64))?;
    Ok(ChiSquareResult {
        statistic,
        df,
        p_value,
        expected,
        yates_applied,
    })
}

/// Result of Fisher's exact test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FisherResult {
    pub p_value: f64,
    /// Sample odds ratio of B versus A; `None` when a denominator cell is zero.
    pub odds_ratio: Option<f64>,
    /// Set when the table has an empty row or column: p is then 1 by construction and the
    /// test carries no information (scipy and R also return 1 there).
    pub note: Option<FisherNote>,
}

/// Why a Fisher p-value of 1 carries no information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FisherNote {
    /// An arm has no visitors (an empty row): there is nothing to compare it with.
    ArmWithoutVisitors,
    /// No visitor converted in either arm (an empty column).
    NoConversions,
    /// Every visitor converted in both arms (an empty column).
    AllConverted,
}

impl FisherNote {
    /// One plain sentence for the reader of a report.
    pub fn explanation(self) -> &'static str {
        match self {
            FisherNote::ArmWithoutVisitors => {
                "An arm has no visitors yet, so Fisher's exact test has no information: p = 1 here means nothing, not \"no effect\"."
            }
            FisherNote::NoConversions => {
                "Nobody converted in either arm, so Fisher's exact test has no information: p = 1 here means nothing, not \"no effect\"."
            }
            FisherNote::AllConverted => {
                "Everybody converted in both arms, so Fisher's exact test has no information: p = 1 here means nothing, not \"no effect\"."
            }
        }
    }
}

fn fisher_margin_note(a: BinaryArm, b: BinaryArm) -> Option<FisherNote> {
    if a.visitors == 0 || b.visitors == 0 {
        Some(FisherNote::ArmWithoutVisitors)
    } else if a.conversions == 0 && b.conversions == 0 {
        Some(FisherNote::NoConversions)
    } else if a.conversions == a.visitors && b.conversions == b.visitors {
        Some(FisherNote::AllConverted)
    } else {
        None
    }
}

/// Relative tolerance for "no more likely than the observed table" (R and the brief: 1e-7;
/// scipy 1.17 uses 1e-14, which differs only for near-ties).
const FISHER_REL_TOL: f64 = 1e-7;
/// Work limit for the tail sums (terms), well under a second in the browser.
const FISHER_MAX_TERMS: u64 = 50_000_000;
/// Largest standard deviation of the hypergeometric count we sum over (about 1e12 visitors
/// per arm at a 50% rate; at 1e9 visitors per arm it is about 1.6e4).
const FISHER_MAX_SD: f64 = 1.0e6;

/// Fisher's exact test on the 2 x 2 table [[conv_B, non_B], [conv_A, non_A]] (scipy's
/// `fisher_exact` with B in the first row). Two-sided: the sum, in log space, of the
/// probabilities of all tables with the same margins that are no more likely than the
/// observed one (relative tolerance 1e-7 as R). One-sided: P(X >= conv_B) for `Greater`,
/// P(X <= conv_B) for `Less`, X hypergeometric. Never computes `1 - cdf` for a small tail.
pub fn fisher_exact(
    a: BinaryArm,
    b: BinaryArm,
    alternative: Alternative,
) -> StatsResult<FisherResult> {
    // An arm without visitors is an empty row, not an error: p = 1 with a note.
    for (arm, name) in [(a, "arm A"), (b, "arm B")] {
        if arm.conversions > arm.visitors {
            return Err(StatsError::CountAboveTotal {
                count_name: "conversions".into(),
                count: arm.conversions,
                total_name: "visitors".into(),
                total: arm.visitors,
                group: name.into(),
            });
        }
    }
    let odds_ratio = {
        let num = b.conversions as f64 * (a.visitors - a.conversions) as f64;
        let den = (b.visitors - b.conversions) as f64 * a.conversions as f64;
        if den > 0.0 {
            Some(num / den)
        } else {
            None
        }
    };
    let population = a
        .visitors
        .checked_add(b.visitors)
        .ok_or_else(|| StatsError::TooLarge {
            what: "the number of visitors".into(),
        })?;
    let marked = b.visitors;
    let draws = a
        .conversions
        .checked_add(b.conversions)
        .ok_or_else(|| StatsError::TooLarge {
            what: "the number of conversions".into(),
        })?;
    let h = Hyper {
        population,
        marked,
        draws,
    };
    if let Some(note) = fisher_margin_note(a, b) {
        return Ok(FisherResult {
            p_value: 1.0,
            odds_ratio,
            note: Some(note),
        });
    }
    // The tails are summed term by term over ~9 standard deviations each way.
    let (nf, kf, df) = (population as f64, marked as f64, draws as f64);
    let var = df * (kf / nf) * ((nf - kf) / nf) * ((nf - df) / (nf - 1.0).max(1.0));
    if var.sqrt() > FISHER_MAX_SD {
        return Err(StatsError::TooLarge {
            what:
                "the table for Fisher's exact test (use the z-test or chi-square test at this size)"
                    .into(),
        });
    }
    let x = b.conversions;
    let p = match alternative {
        Alternative::Greater => h.upper(x)?,
        Alternative::Less => h.lower(x)?,
        Alternative::TwoSided => h.two_sided(x)?,
    };
    Ok(FisherResult {
        p_value: error::checked("the p-value", p.clamp(0.0, 1.0))?,
        odds_ratio,
        note: None,
    })
}

struct Hyper {
    population: u64,
    marked: u64,
    draws: u64,
}

impl Hyper {
    fn lo(&self) -> u64 {
        self.draws.saturating_sub(self.population - self.marked)
    }
    fn hi(&self) -> u64 {
        self.draws.min(self.marked)
    }
    fn ln_pmf(&self, k: u64) -> f64 {
        hyper_ln_pmf_unchecked(k, self.population, self.marked, self.draws)
    }
    fn mode(&self) -> u64 {
        let (lo, hi) = (self.lo(), self.hi());
        let guess = ((self.draws as f64 + 1.0) * (self.marked as f64 + 1.0)
            / (self.population as f64 + 2.0))
            .floor();
        let mut m = (guess.max(lo as f64).min(hi as f64)) as u64;
        while m < hi && self.ln_pmf(m + 1) > self.ln_pmf(m) {
            m += 1;
        }
        while m > lo && self.ln_pmf(m - 1) > self.ln_pmf(m) {
            m -= 1;
        }
        m
    }
    /// ln of sum_{j=k, k+step, ...} pmf(j) walking away from the mode (terms decreasing).
    fn ln_tail_sum(&self, k: u64, upward: bool) -> StatsResult<f64> {
        let (lo, hi) = (self.lo(), self.hi());
        let (pop, marked, draws) = (
            self.population as f64,
            self.marked as f64,
            self.draws as f64,
        );
        let l0 = self.ln_pmf(k);
        let mut sum = 1.0_f64; // in units of exp(l0)
        let mut rel = 1.0_f64;
        let mut j = k;
        let mut count = 0u64;
        loop {
            if (upward && j >= hi) || (!upward && j <= lo) {
                break;
            }
            let jf = j as f64;
            if count % 256 == 255 {
                let next = if upward { j + 1 } else { j - 1 };
                rel = (self.ln_pmf(next) - l0).exp();
            } else if upward {
                // pmf(j+1)/pmf(j) = (K-j)(n-j) / ((j+1)(N-K-n+j+1))
                rel *=
                    (marked - jf) * (draws - jf) / ((jf + 1.0) * (pop - marked - draws + jf + 1.0));
            } else {
                rel *=
                    jf * (pop - marked - draws + jf) / ((marked - jf + 1.0) * (draws - jf + 1.0));
            }
            j = if upward { j + 1 } else { j - 1 };
            sum += rel;
            count += 1;
            if rel < 1e-17 * sum {
                break;
            }
            if count > FISHER_MAX_TERMS {
                return Err(StatsError::TooLarge {
                    what: "the table for Fisher's exact test".into(),
                });
            }
        }
        Ok(l0 + sum.ln())
    }
    /// P(X >= k)
    fn upper(&self, k: u64) -> StatsResult<f64> {
        if k <= self.lo() {
            return Ok(1.0);
        }
        if k > self.mode() {
            return Ok(self.ln_tail_sum(k, true)?.exp());
        }
        Ok(1.0 - self.ln_tail_sum(k - 1, false)?.exp())
    }
    /// P(X <= k)
    fn lower(&self, k: u64) -> StatsResult<f64> {
        if k >= self.hi() {
            return Ok(1.0);
        }
        if k < self.mode() {
            return Ok(self.ln_tail_sum(k, false)?.exp());
        }
        Ok(1.0 - self.ln_tail_sum(k + 1, true)?.exp())
    }
    fn two_sided(&self, x: u64) -> StatsResult<f64> {
        let (lo, hi, mode) = (self.lo(), self.hi(), self.mode());
        let threshold = self.ln_pmf(x) + FISHER_REL_TOL.ln_1p();
        if self.ln_pmf(mode) <= threshold {
            return Ok(1.0);
        }
        let mut ln_p = f64::NEG_INFINITY;
        // Largest i in [lo, mode) with pmf(i) <= threshold (pmf increases up to the mode).
        if self.ln_pmf(lo) <= threshold {
            let (mut a, mut b) = (lo, mode); // pmf(a) <= thr < pmf(b)
            while b - a > 1 {
                let mid = a + (b - a) / 2;
                if self.ln_pmf(mid) <= threshold {
                    a = mid
                } else {
                    b = mid
                }
            }
            ln_p = ln_add_exp(ln_p, self.ln_tail_sum(a, false)?);
        }
        // Smallest j in (mode, hi] with pmf(j) <= threshold (pmf decreases after the mode).
        if self.ln_pmf(hi) <= threshold {
            let (mut a, mut b) = (mode, hi); // pmf(a) > thr >= pmf(b)
            while b - a > 1 {
                let mid = a + (b - a) / 2;
                if self.ln_pmf(mid) <= threshold {
                    b = mid
                } else {
                    a = mid
                }
            }
            ln_p = ln_add_exp(ln_p, self.ln_tail_sum(b, true)?);
        }
        Ok(ln_p.exp().min(1.0))
    }
}
