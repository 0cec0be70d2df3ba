//! Follower growth anomalies: spikes in the follower series and whether engagement followed.
//!
//! Method:
//! 1. Sort the creator's follower observations by date (one per date, the last row wins).
//! 2. For each interval between consecutive observations, the daily growth rate
//!    `x = (after - before) / before / days` (relative, so a creator who doubled over the year
//!    is judged on percentages, and daily or weekly series both work).
//! 3. Robust z-score of every interval: `z = (x - median(x)) / (1.4826 * MAD)`, where MAD is the
//!    median absolute deviation from the median; 1.4826 makes MAD estimate the standard
//!    deviation of normally distributed data. When MAD is 0 the mean absolute deviation times
//!    1.2533 is used instead; when both are 0 there is no spike. Needs
//!    [`MIN_INTERVALS`] intervals.
//! 4. A spike is an interval with `|z| >= threshold` (default [`DEFAULT_SPIKE_THRESHOLD`] = 5)
//!    whose change is also at least [`MIN_SPIKE_SHARE`] (1%) of the followers before it and
//!    has the sign of its score: a gain (z > 0, followers up) or a loss (z < 0, followers
//!    down). Slower growth than usual is not a loss.
//! 5. For a gain, engagement is compared around it: the median interactions (likes + comments)
//!    per post in the `window` weeks up to the interval's start versus the `window` weeks from
//!    its end (default 8; posts inside the interval are left out; at least 2 posts each side).
//!    Engagement **followed** when `engagement change >= follow share * follower change`
//!    (relative changes, default follow share 0.5): followers that arrive through a viral post
//!    engage, bought followers do not.
//! 6. Before a gain is judged, it is explained if it can be: a post dated from
//!    [`VIRAL_DAYS`] days before the interval's start to as many days after its end (follower
//!    snapshots and post dates are rarely taken at the same hour) whose interactions are
//!    an outlier for the creator (robust z of interactions per post over all their posts,
//!    median/MAD as above, at least [`VIRAL_POST_Z`], and at least [`VIRAL_MIN_MULTIPLE`] times
//!    the median) is recorded as the likely cause. A medians comparison cannot see two viral
//!    posts among twelve; the outlier test can. An explained gain is context, not a warning,
//!    and costs the growth score nothing.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::engagement::interactions;
use super::numbers::{clamp, days_between, finite, mean, median, ratio, ratio_f64};
pub use comment_shift::{comment_shift, CommentShift};
use microplan_model::rows::{FollowerPoint, Post};

mod comment_shift;

/// Scale that turns a MAD into a standard-deviation estimate for normal data.
pub const MAD_SCALE: f64 = 1.4826;
/// Scale for the mean absolute deviation fallback (sqrt(pi / 2)).
pub const MEAN_AD_SCALE: f64 = 1.253_314;
/// Default robust z-score threshold of a spike.
pub const DEFAULT_SPIKE_THRESHOLD: f64 = 5.0;
/// Intervals needed before spikes are looked for.
pub const MIN_INTERVALS: usize = 6;
/// A spike must also change followers by at least this share of the count before it.
pub const MIN_SPIKE_SHARE: f64 = 0.01;
/// Default weeks of posts compared before and after a spike.
pub const DEFAULT_WINDOW_WEEKS: u32 = 8;
/// Default share of the follower change that engagement must match to have "followed".
pub const DEFAULT_FOLLOW_SHARE: f64 = 0.5;
/// Posts needed on each side of a spike to compare engagement.
pub const MIN_POSTS_AROUND_SPIKE: usize = 2;
/// A following/followers ratio at or above this is worth a look: follow-for-follow accounts
/// follow nearly as many accounts as follow them ...
pub const FOLLOWING_RATIO_WARNING: f64 = 0.75;
/// ... when the creator follows at least this many accounts.
pub const FOLLOWING_MIN_ACCOUNTS: u64 = 1_000;

/// A post inside a gain's interval, or up to this many days either side, can explain it.
pub const VIRAL_DAYS: i64 = 3;
/// Robust z of a post's interactions that makes it an outlier (a viral post).
pub const VIRAL_POST_Z: f64 = 3.5;
/// ... and its interactions must also be at least this multiple of the creator's median.
pub const VIRAL_MIN_MULTIPLE: f64 = 2.0;

/// Settings of the spike search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpikeSettings {
    pub threshold: f64,
    pub window_weeks: u32,
    pub follow_share: f64,
}

impl Default for SpikeSettings {
    fn default() -> Self {
        SpikeSettings {
            threshold: DEFAULT_SPIKE_THRESHOLD,
            window_weeks: DEFAULT_WINDOW_WEEKS,
            follow_share: DEFAULT_FOLLOW_SHARE,
        }
    }
}

/// Change between two consecutive follower observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrowthInterval {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub followers_before: u64,
    pub followers_after: u64,
    /// `followers_after - followers_before`.
    pub change: i64,
    /// `change / followers_before / days`; `None` when there were no followers before.
    pub daily_growth: Option<f64>,
    pub robust_z: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpikeDirection {
    Gain,
    Loss,
}

/// Engagement per post before and after a follower gain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngagementAroundSpike {
    pub posts_before: usize,
    pub posts_after: usize,
    /// Median likes + comments per post.
    pub median_before: f64,
    pub median_after: f64,
    /// `median_after / median_before - 1`.
    pub engagement_change: f64,
    /// `followers_after / followers_before - 1`.
    pub follower_change: f64,
    /// `(1 + engagement_change) / (1 + follower_change) - 1`: change of interactions per follower.
    pub per_follower_change: f64,
    pub followed: bool,
}

/// One detected spike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowerSpike {
    pub interval: GrowthInterval,
    pub direction: SpikeDirection,
    pub robust_z: f64,
    /// `None` for losses, or when there are too few posts around the spike to tell.
    pub engagement: Option<EngagementAroundSpike>,
    /// How the comments changed around a gain, when comment summaries are known.
    pub comments: Option<CommentShift>,
    /// An outlier post that may explain a gain (module docs, step 6).
    #[serde(default)]
    pub explained_by: Option<OutlierPost>,
}

/// A post whose interactions are an outlier for its creator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlierPost {
    pub post_id: String,
    pub date: NaiveDate,
    pub interactions: u64,
    /// Median interactions per post of the creator.
    pub median_interactions: f64,
    pub robust_z: f64,
}

/// The growth check of one creator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GrowthReport {
    pub points_used: usize,
    /// False when there are fewer than [`MIN_INTERVALS`] intervals: "not enough data".
    pub enough_data: bool,
    pub median_daily_growth: Option<f64>,
    pub intervals: Vec<GrowthInterval>,
    pub spikes: Vec<FollowerSpike>,
}

/// Intervals between consecutive observations, sorted by date (the last row of a date wins).
pub fn follower_changes(history: &[&FollowerPoint]) -> Vec<GrowthInterval> {
    let mut points: Vec<(NaiveDate, u64)> = Vec::with_capacity(history.len());
    let mut sorted: Vec<(usize, &FollowerPoint)> = history.iter().copied().enumerate().collect();
    sorted.sort_by(|a, b| a.1.date.cmp(&b.1.date).then(a.0.cmp(&b.0)));
    for (_, point) in sorted {
        match points.last_mut() {
            Some(last) if last.0 == point.date => last.1 = point.followers,
            _ => points.push((point.date, point.followers)),
        }
    }
    points
        .windows(2)
        .filter_map(|pair| {
            let (&(start, before), &(end, after)) = (pair.first()?, pair.get(1)?);
            let change = i64::try_from(i128::from(after) - i128::from(before))
                .unwrap_or(if after > before { i64::MAX } else { i64::MIN });
            let days = days_between(start, end).max(1) as f64;
            let daily_growth =
                ratio_f64(change as f64, before as f64).and_then(|g| finite(g / days));
            Some(GrowthInterval {
                start,
                end,
                followers_before: before,
                followers_after: after,
                change,
                daily_growth,
                robust_z: None,
            })
        })
        .collect()
}

/// Robust z-scores `(x - median) / (1.4826 * MAD)` (mean absolute deviation * 1.2533 when the
/// MAD is 0). `None` when every value is the same or the list is empty. Clamped to +/-1e9.
pub fn robust_z_scores(values: &[f64]) -> Option<Vec<f64>> {
    let centre = median(values)?;
    let deviations: Vec<f64> = values.iter().map(|v| (v - centre).abs()).collect();
    let mad = median(&deviations)?;
    let scale = if mad > 0.0 {
        MAD_SCALE * mad
    } else {
        MEAN_AD_SCALE * mean(&deviations)?
    };
    if scale.is_nan() || scale <= 0.0 {
        return None;
    }
    Some(
        values
            .iter()
            .map(|v| clamp((v - centre) / scale, -1e9, 1e9))
            .collect(),
    )
}

/// Finds spikes in a creator's follower history and checks engagement around each gain.
pub fn follower_spikes(
    history: &[&FollowerPoint],
    posts: &[&Post],
    settings: &SpikeSettings,
) -> GrowthReport {
    let mut intervals = follower_changes(history);
    let rates: Vec<f64> = intervals.iter().filter_map(|i| i.daily_growth).collect();
    let mut report = GrowthReport {
        points_used: if intervals.is_empty() {
            history.len().min(1)
        } else {
            intervals.len() + 1
        },
        enough_data: rates.len() >= MIN_INTERVALS,
        median_daily_growth: median(&rates),
        ..GrowthReport::default()
    };
    if report.enough_data {
        if let Some(scores) = robust_z_scores(&rates) {
            let mut scores = scores.into_iter();
            for interval in intervals.iter_mut().filter(|i| i.daily_growth.is_some()) {
                interval.robust_z = scores.next();
            }
        }
    }
    let threshold = if settings.threshold.is_finite() && settings.threshold > 0.0 {
        settings.threshold
    } else {
        DEFAULT_SPIKE_THRESHOLD
    };
    for interval in &intervals {
        let Some(z) = interval.robust_z else { continue };
        let big_enough = interval.change.unsigned_abs() as f64
            >= MIN_SPIKE_SHARE * interval.followers_before as f64;
        if z.abs() < threshold || !big_enough {
            continue;
        }
        // Slower growth than usual is not a loss: the change must have the sign of the score.
        let direction = match (z > 0.0, interval.change) {
            (true, change) if change > 0 => SpikeDirection::Gain,
            (false, change) if change < 0 => SpikeDirection::Loss,
            _ => continue,
        };
        let gain = direction == SpikeDirection::Gain;
        let engagement = gain
            .then(|| engagement_around(posts, interval, settings))
            .flatten();
        let explained_by = gain.then(|| outlier_post_near(posts, interval)).flatten();
        report.spikes.push(FollowerSpike {
            interval: interval.clone(),
            direction,
            robust_z: z,
            engagement,
            comments: None,
            explained_by,
        });
    }
    report.intervals = intervals;
    report
}

/// The post with the highest outlying interactions dated within [`VIRAL_DAYS`] days of the
/// interval (module docs, step 6); `None` when no post qualifies.
pub fn outlier_post_near(posts: &[&Post], interval: &GrowthInterval) -> Option<OutlierPost> {
    let counts: Vec<f64> = posts.iter().map(|p| interactions(p) as f64).collect();
    let scores = robust_z_scores(&counts)?;
    let centre = median(&counts)?;
    let from = interval
        .start
        .checked_sub_signed(Duration::days(VIRAL_DAYS))?;
    let to = interval
        .end
        .checked_add_signed(Duration::days(VIRAL_DAYS))?;
    posts
        .iter()
        .zip(&scores)
        .filter(|(p, z)| {
            p.date >= from
                && p.date <= to
                && **z >= VIRAL_POST_Z
                && interactions(p) as f64 >= VIRAL_MIN_MULTIPLE * centre
        })
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(p, z)| OutlierPost {
            post_id: p.post_id.clone(),
            date: p.date,
            interactions: interactions(p),
            median_interactions: centre,
            robust_z: *z,
        })
}

/// The date ranges compared around a follower change (both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpikeWindows {
    /// `[start - window, start]`
    pub before: (NaiveDate, NaiveDate),
    /// `[end, end + window]`
    pub after: (NaiveDate, NaiveDate),
}

/// Windows of `window_weeks` (1 to 520) before the start and after the end of an interval.
pub fn spike_windows(interval: &GrowthInterval, settings: &SpikeSettings) -> Option<SpikeWindows> {
    let window = Duration::weeks(i64::from(settings.window_weeks.clamp(1, 520)));
    Some(SpikeWindows {
        before: (interval.start.checked_sub_signed(window)?, interval.start),
        after: (interval.end, interval.end.checked_add_signed(window)?),
    })
}

/// Median interactions per post before `[start - window, start]` and after
/// `[end, end + window]` a follower change, and whether engagement followed (module docs).
pub fn engagement_around(
    posts: &[&Post],
    interval: &GrowthInterval,
    settings: &SpikeSettings,
) -> Option<EngagementAroundSpike> {
    let follow_share = if settings.follow_share.is_finite() {
        clamp(settings.follow_share, 0.0, 10.0)
    } else {
        DEFAULT_FOLLOW_SHARE
    };
    let windows = spike_windows(interval, settings)?;
    let collect = |(from, to): (NaiveDate, NaiveDate)| -> Vec<f64> {
        posts
            .iter()
            .filter(|p| p.date >= from && p.date <= to)
            .map(|p| interactions(p) as f64)
            .collect()
    };
    let before = collect(windows.before);
    let after = collect(windows.after);
    if before.len() < MIN_POSTS_AROUND_SPIKE || after.len() < MIN_POSTS_AROUND_SPIKE {
        return None;
    }
    let median_before = median(&before)?;
    let median_after = median(&after)?;
    let engagement_change = ratio_f64(median_after, median_before)? - 1.0;
    let follower_change = ratio(interval.followers_after, interval.followers_before)? - 1.0;
    let per_follower_change =
        finite((1.0 + engagement_change) / (1.0 + follower_change).max(1e-12) - 1.0)?;
    Some(EngagementAroundSpike {
        posts_before: before.len(),
        posts_after: after.len(),
        median_before,
        median_after,
        engagement_change,
        follower_change,
        per_follower_change,
        followed: engagement_change >= follow_share * follower_change,
    })
}

/// Following/followers ratio: `following / followers`; `None` when either is missing or zero
/// followers.
pub fn following_to_followers_ratio(following: Option<u64>, followers: u64) -> Option<f64> {
    ratio(following?, followers)
}

#[cfg(test)]
mod tests;
