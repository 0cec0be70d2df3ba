//! What the creator detail view shows: every metric with its interval and a plain-words
//! explanation, and the points of its two charts (follower history with spikes; engagement per
//! post against the tier benchmark band).

use chrono::NaiveDate;

mod metric;

use super::growth::SpikeDirection;
use super::numbers::thousands;
use super::CreatorAudit;

/// Days since 1970-01-01, the x axis of date charts.
pub fn chart_day(date: NaiveDate) -> f64 {
    NaiveDate::from_ymd_opt(1970, 1, 1).map_or(0.0, |epoch| (date - epoch).num_days() as f64)
}

/// One metric line of the detail view.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricLine {
    pub name: &'static str,
    pub value: String,
    /// The 95% interval in words, when the value is estimated from a sample.
    pub interval: Option<String>,
    pub explanation: String,
}

fn pct(rate: f64) -> String {
    microplan_model::format::percent(rate)
}

fn opt_pct(rate: Option<f64>) -> String {
    rate.map_or_else(|| "not enough data".to_string(), pct)
}

/// Every measured metric of an audit, in reading order: one step per metric or group.
pub fn metric_lines(audit: &CreatorAudit) -> Vec<MetricLine> {
    let m = &audit.metrics;
    let mut lines = metric::engagement_rate_lines(&m.engagement);
    lines.extend(metric::interaction_lines(&m.engagement));
    lines.push(metric::tier_line(m));
    lines.push(metric::benchmark_line(m));
    lines.push(metric::following_line(m));
    lines.push(metric::fake_followers_line(m));
    lines.extend(metric::comment_lines(m));
    lines.extend(metric::commenter_line(m));
    lines.push(metric::cadence_line(m));
    lines.push(metric::disclosure_line(m));
    lines.push(metric::category_line(m));
    lines.push(metric::audience_line(m));
    lines
}

/// Follower count over time: `(day, followers)`.
pub fn follower_points(audit: &CreatorAudit) -> Vec<(f64, f64)> {
    let intervals = &audit.metrics.growth.intervals;
    let mut points: Vec<(f64, f64)> = intervals
        .iter()
        .map(|i| (chart_day(i.start), i.followers_before as f64))
        .collect();
    if let Some(last) = intervals.last() {
        points.push((chart_day(last.end), last.followers_after as f64));
    }
    points
}

/// Spikes as chart markers: `(day, label)` at the end of each spike interval.
pub fn spike_markers(audit: &CreatorAudit) -> Vec<(f64, String)> {
    audit
        .metrics
        .growth
        .spikes
        .iter()
        .map(|s| {
            let change = s.interval.change;
            let what = match (s.direction, s.engagement.as_ref().map(|e| e.followed)) {
                (SpikeDirection::Loss, _) => "drop",
                (SpikeDirection::Gain, Some(true)) => "jump, engagement followed",
                (SpikeDirection::Gain, Some(false)) => "jump, engagement did not follow",
                (SpikeDirection::Gain, None) => "jump",
            };
            (
                chart_day(s.interval.end),
                format!(
                    "{}{} {what}",
                    if change > 0 { "+" } else { "" },
                    thousands(i128::from(change))
                ),
            )
        })
        .collect()
}

/// Engagement rate by followers per recent post, oldest first: `(day, rate)`.
pub fn engagement_points(audit: &CreatorAudit) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = audit
        .metrics
        .engagement
        .posts
        .iter()
        .filter_map(|p| Some((chart_day(p.date), p.rate_by_followers?)))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points
}

/// The "in line with the benchmark" band (0.8-1.25 x the tier's typical rate) over the
/// span of `points`: `(day, low, high)`; empty without a benchmark.
pub fn benchmark_band(audit: &CreatorAudit, points: &[(f64, f64)]) -> Vec<(f64, f64, f64)> {
    let Some(b) = &audit.metrics.benchmark else {
        return Vec::new();
    };
    let (low, high) = (b.benchmark_rate * BAND_LOW, b.benchmark_rate * BAND_HIGH);
    match (points.first(), points.last()) {
        (Some(first), Some(last)) => vec![(first.0, low, high), (last.0, low, high)],
        _ => Vec::new(),
    }
}

/// Ends of the "in line" label of [`BenchmarkLabel`].
pub const BAND_LOW: f64 = 0.8;
pub const BAND_HIGH: f64 = 1.25;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_days_count_from_1970() {
        // 1970-01-11 is day 10; 2000-01-01 is day 10957 (30 years, 7 leap days: 30*365 + 7).
        assert_eq!(
            chart_day(NaiveDate::from_ymd_opt(1970, 1, 11).unwrap()),
            10.0
        );
        assert_eq!(
            chart_day(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()),
            10_957.0
        );
    }
}
