//! Small numeric helpers shared by the audit metrics. None of them panics, and none returns
//! NaN: an empty input or a zero denominator gives `None`.

use chrono::NaiveDate;

/// `numerator / denominator`, or `None` when the denominator is zero.
pub fn ratio(numerator: u64, denominator: u64) -> Option<f64> {
    if denominator == 0 {
        None
    } else {
        Some(numerator as f64 / denominator as f64)
    }
}

/// `numerator / denominator` for floats; `None` unless the denominator is positive and the
/// result finite.
pub fn ratio_f64(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator.is_nan()
        || denominator <= 0.0
        || !numerator.is_finite()
        || !denominator.is_finite()
    {
        return None;
    }
    finite(numerator / denominator)
}

/// `Some(x)` when `x` is finite.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Arithmetic mean; `None` for an empty slice.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    finite(values.iter().sum::<f64>() / values.len() as f64)
}

/// Median (mean of the two middle values for an even count); `None` for an empty slice.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    let upper = sorted.get(middle).copied()?;
    if sorted.len() % 2 == 1 {
        Some(upper)
    } else {
        let lower = sorted.get(middle.checked_sub(1)?).copied()?;
        finite(lower / 2.0 + upper / 2.0)
    }
}

/// Sample standard deviation (n - 1 in the denominator); `None` below two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let centre = mean(values)?;
    let squares: f64 = values.iter().map(|v| (v - centre) * (v - centre)).sum();
    finite((squares / (values.len() - 1) as f64).sqrt())
}

/// Clamps into `[low, high]`, mapping NaN to `low`.
pub fn clamp(x: f64, low: f64, high: f64) -> f64 {
    if x.is_nan() {
        low
    } else {
        x.max(low).min(high)
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// A fraction as a percentage for evidence strings: 0.354 -> "35.4%".
pub fn percent(fraction: f64) -> String {
    microplan_model::format::percent(fraction)
}

/// A count with thousands separators for evidence strings: 18000 -> "18,000".
pub fn thousands(value: i128) -> String {
    let out = microplan_model::money::group_digits(&value.unsigned_abs().to_string());
    if value < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A salted FNV-1a 64-bit hash; used for commenter keys and for deterministic seeds.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            // A separator byte so ("ab", "c") and ("a", "bc") hash differently.
            hash ^= 0xff;
            hash = hash.wrapping_mul(PRIME);
        }
        for byte in part.iter() {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd_counts() {
        // [1, 3, 2] sorted is [1, 2, 3]: the middle value is 2.
        assert_eq!(median(&[1.0, 3.0, 2.0]), Some(2.0));
        // [4, 1, 3, 2] sorted is [1, 2, 3, 4]: (2 + 3) / 2 = 2.5.
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn sample_sd_hand_checked() {
        // mean 5; squared deviations 9 + 1 + 1 + 9 = 20; 20 / 3 = 6.667; sqrt = 2.582.
        let sd = sample_sd(&[2.0, 4.0, 6.0, 8.0]).unwrap_or(f64::NAN);
        assert!((sd - 2.581_988_897).abs() < 1e-9);
        assert_eq!(sample_sd(&[1.0]), None);
    }

    #[test]
    fn ratios_refuse_zero_denominators() {
        assert_eq!(ratio(1, 0), None);
        assert_eq!(ratio(1, 4), Some(0.25));
        assert_eq!(ratio_f64(1.0, 0.0), None);
        assert_eq!(ratio_f64(f64::NAN, 1.0), None);
    }

    #[test]
    fn formatting_helpers() {
        assert_eq!(thousands(18_000), "18,000");
        assert_eq!(thousands(-1_234_567), "-1,234,567");
        assert_eq!(thousands(999), "999");
        assert_eq!(percent(0.354), "35.4%");
    }

    #[test]
    fn fnv1a_matches_the_reference_value() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference test vector).
        assert_eq!(fnv1a(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
    }
}
