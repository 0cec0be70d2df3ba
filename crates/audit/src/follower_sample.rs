//! Likely fake followers, estimated from a sample of a creator's follower accounts that the
//! user exported (a follower-list tool, a scrape, a platform's own sample).
//!
//! Each sampled account is checked for five transparent signals; an account showing at least
//! [`FAKE_SIGNALS`] of them is counted as likely fake. The share comes with its Wilson 95%
//! interval, so a sample of 20 never looks as sure as one of 400. Only per-creator counts are
//! stored: the sampled accounts' handles are read to spot generated names and then dropped.

use serde::{Deserialize, Serialize};

use microplan_stats::intervals::{proportion_interval, ProportionMethod};

/// Signals an account must show to be counted as likely fake.
pub const FAKE_SIGNALS: usize = 3;
/// A sampled account follows at least this many accounts ...
pub const MASS_FOLLOWING: u64 = 1_000;
/// ... and at least this many times as many as follow it back: a follow-for-follow pattern.
pub const MASS_FOLLOWING_RATIO: u64 = 10;
/// A handle ending in this many digits or more looks generated (`anna_83920417`).
pub const GENERATED_DIGITS: usize = 4;
/// The flag is raised when the lower end of the interval reaches this share.
pub const FAKE_FLAG_SHARE: f64 = 0.15;
/// Fewer sampled accounts than this give no estimate: the interval would span most of 0-100%.
pub const MIN_SAMPLE: u64 = 20;

/// One sampled follower account as read from the file; unknown values are `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampledFollower {
    pub handle: String,
    pub followers: Option<u64>,
    pub following: Option<u64>,
    pub posts: Option<u64>,
    pub has_profile_picture: Option<bool>,
    pub has_bio: Option<bool>,
}

/// The five signals, in the order of [`FollowerSample::signal_counts`].
pub const SIGNAL_NAMES: [&str; 5] = [
    "no profile picture",
    "no posts",
    "mass following",
    "no bio",
    "generated-looking handle",
];

/// Which signals an account shows: `Some(true)` shown, `Some(false)` not shown, `None`
/// unknown (the column is missing or empty).
pub fn signals(account: &SampledFollower) -> [Option<bool>; 5] {
    let mass_following = match (account.following, account.followers) {
        (Some(following), Some(followers)) => Some(
            following >= MASS_FOLLOWING
                && following >= followers.saturating_mul(MASS_FOLLOWING_RATIO),
        ),
        _ => None,
    };
    let handle = account.handle.trim();
    let generated = (!handle.is_empty()).then(|| {
        handle
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count()
            >= GENERATED_DIGITS
    });
    [
        account.has_profile_picture.map(|has| !has),
        account.posts.map(|posts| posts == 0),
        mass_following,
        account.has_bio.map(|has| !has),
        generated,
    ]
}

/// Per-creator counts kept in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowerSample {
    pub handle: String,
    /// Accounts in the sample.
    pub sampled: u64,
    /// Accounts counted as likely fake.
    pub likely_fake: u64,
    /// How many accounts showed each signal of [`SIGNAL_NAMES`].
    pub signal_counts: [u64; 5],
}

/// Counts a creator's sampled accounts.
pub fn summarise_sample(handle: &str, accounts: &[SampledFollower]) -> FollowerSample {
    let mut summary = FollowerSample {
        handle: handle.to_string(),
        sampled: 0,
        likely_fake: 0,
        signal_counts: [0; 5],
    };
    for account in accounts {
        let shown = signals(account);
        summary.sampled += 1;
        for (count, signal) in summary.signal_counts.iter_mut().zip(shown) {
            *count += u64::from(signal == Some(true));
        }
        if shown.iter().filter(|s| **s == Some(true)).count() >= FAKE_SIGNALS {
            summary.likely_fake += 1;
        }
    }
    summary
}

/// The estimated share of likely fake followers with its Wilson 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FakeFollowerEstimate {
    pub sampled: u64,
    pub likely_fake: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

/// `None` when the sample is smaller than [`MIN_SAMPLE`].
pub fn fake_follower_estimate(sample: &FollowerSample) -> Option<FakeFollowerEstimate> {
    if sample.sampled < MIN_SAMPLE || sample.likely_fake > sample.sampled {
        return None;
    }
    let interval = proportion_interval(
        sample.likely_fake,
        sample.sampled,
        0.05,
        ProportionMethod::Wilson,
    )
    .ok()?;
    Some(FakeFollowerEstimate {
        sampled: sample.sampled,
        likely_fake: sample.likely_fake,
        share: sample.likely_fake as f64 / sample.sampled as f64,
        low: interval.lower,
        high: interval.upper,
    })
}

/// The evidence sentence shown with the estimate and its flag.
pub fn describe_estimate(estimate: &FakeFollowerEstimate, sample: &FollowerSample) -> String {
    let top = SIGNAL_NAMES
        .iter()
        .zip(sample.signal_counts)
        .filter(|(_, count)| *count > 0)
        .map(|(name, count)| format!("{name} {count}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} of {} sampled followers show {FAKE_SIGNALS} or more fake-account signals: {} (95% interval {} to {}). Signals seen: {}.",
        estimate.likely_fake,
        estimate.sampled,
        microplan_model::format::percent(estimate.share),
        microplan_model::format::percent(estimate.low),
        microplan_model::format::percent(estimate.high),
        if top.is_empty() { "none".to_string() } else { top }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(
        handle: &str,
        followers: u64,
        following: u64,
        posts: u64,
        picture: bool,
        bio: bool,
    ) -> SampledFollower {
        SampledFollower {
            handle: handle.into(),
            followers: Some(followers),
            following: Some(following),
            posts: Some(posts),
            has_profile_picture: Some(picture),
            has_bio: Some(bio),
        }
    }

    #[test]
    fn each_signal_is_read_from_its_own_column() {
        // 7,500 following >= 1,000 and >= 10 x 12 followers; 8 trailing digits.
        let bot = account("anna_83920417", 12, 7_500, 0, false, false);
        assert_eq!(signals(&bot), [Some(true); 5]);
        let person = account("ridge_runner", 640, 900, 85, true, true);
        assert_eq!(signals(&person), [Some(false); 5]);
        // 2,000 following but 300 followers: 300 x 10 = 3,000 > 2,000, so not mass following.
        assert_eq!(
            signals(&account("a", 300, 2_000, 3, true, true))[2],
            Some(false)
        );
        // 123 has only three digits.
        assert_eq!(
            signals(&account("fell123", 1, 1, 1, true, true))[4],
            Some(false)
        );
        let unknown = SampledFollower {
            handle: String::new(),
            ..SampledFollower::default()
        };
        assert_eq!(signals(&unknown), [None; 5]);
    }

    #[test]
    fn the_share_and_its_wilson_interval_are_hand_checked() {
        let mut accounts = vec![account("bot_00001", 3, 4_000, 0, false, false); 6];
        accounts.extend(vec![account("reader", 200, 300, 40, true, true); 34]);
        // Three signals but not four: no picture, no posts, no bio -> still likely fake.
        accounts.push(account("quiet", 50, 60, 0, false, false));
        // Two signals only: not counted.
        accounts.push(account("new_fan", 5, 40, 0, false, true));
        let sample = summarise_sample("lena", &accounts);
        assert_eq!((sample.sampled, sample.likely_fake), (42, 7));
        assert_eq!(sample.signal_counts, [8, 8, 6, 7, 6]);
        let estimate = fake_follower_estimate(&sample).unwrap();
        // 7 / 42 = 0.1667; Wilson 95% (statsmodels proportion_confint(7, 42, method="wilson")):
        // 0.0831591664639807 to 0.3060400274464885.
        assert!((estimate.share - 7.0 / 42.0).abs() < 1e-12);
        assert!(
            (estimate.low - 0.083_159_166_463_980_7).abs() < 1e-12,
            "{}",
            estimate.low
        );
        assert!(
            (estimate.high - 0.306_040_027_446_488_5).abs() < 1e-12,
            "{}",
            estimate.high
        );
        let text = describe_estimate(&estimate, &sample);
        assert!(
            text.starts_with("7 of 42 sampled followers show 3 or more"),
            "{text}"
        );
        assert!(
            text.contains("16.7% (95% interval 8.3% to 30.6%)"),
            "{text}"
        );
    }

    #[test]
    fn small_samples_give_no_estimate() {
        let sample = summarise_sample(
            "x",
            &vec![account("bot_12345", 0, 5_000, 0, false, false); 19],
        );
        assert_eq!(fake_follower_estimate(&sample), None);
    }
}
