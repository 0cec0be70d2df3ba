//! What the creator detail view shows: every metric with its interval and a plain-words
//! explanation, and the points of its two charts (follower history with spikes; engagement per
//! post against the tier benchmark band).

use chrono::NaiveDate;

use super::growth::SpikeDirection;
use super::numbers::thousands;
use super::uncertainty::IntervalMethod;
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

/// Every measured metric of an audit, in reading order.
pub fn metric_lines(audit: &CreatorAudit) -> Vec<MetricLine> {
    let m = &audit.metrics;
    let e = &m.engagement;
    let mut lines = vec![
        MetricLine {
            name: "Mean engagement rate by followers",
            value: opt_pct(e.mean_rate_by_followers),
            interval: e.mean_rate_interval.map(|i| {
                let method = match i.method {
                    IntervalMethod::BootstrapOrT => "wider of bootstrap and t",
                    IntervalMethod::StudentT => "t interval",
                    IntervalMethod::Wilson => "Wilson",
                };
                format!(
                    "{}–{} ({} posts, {method})",
                    pct(i.low),
                    pct(i.high),
                    i.observations
                )
            }),
            explanation: format!(
                "(likes + comments) / followers per post, averaged over the {} most recent of {} posts. \
                 Few posts give a wide interval.",
                e.posts_used, e.posts_available
            ),
        },
        MetricLine {
            name: "Median engagement rate by followers",
            value: opt_pct(e.median_rate_by_followers),
            interval: None,
            explanation: "The middle post: one viral post cannot move it.".into(),
        },
        MetricLine {
            name: "Engagement rate by reach",
            value: opt_pct(e.mean_rate_by_reach),
            interval: None,
            explanation: format!(
                "(likes + comments) / accounts reached, mean over {} posts with reach.",
                e.posts_with_reach
            ),
        },
        MetricLine {
            name: "Engagement rate by views",
            value: opt_pct(e.mean_rate_by_views),
            interval: None,
            explanation: format!(
                "(likes + comments) / views, mean over {} posts with views.",
                e.posts_with_views
            ),
        },
        MetricLine {
            name: "Comment-to-like ratio",
            value: opt_pct(e.comment_to_like_ratio),
            interval: None,
            explanation: "All comments / all likes on the recent posts: conversation against taps.".into(),
        },
        MetricLine {
            name: "Share rate",
            value: opt_pct(e.share_rate),
            interval: None,
            explanation: "Shares / accounts reached (views where reach is missing).".into(),
        },
        MetricLine {
            name: "Save rate",
            value: opt_pct(e.save_rate),
            interval: None,
            explanation: "Saves / accounts reached: content people want to come back to.".into(),
        },
        MetricLine {
            name: "Comment-to-view ratio",
            value: opt_pct(e.comment_to_view_ratio),
            interval: None,
            explanation: "Comments / views on posts with views.".into(),
        },
        MetricLine {
            name: "Tier",
            value: format!(
                "{} ({} followers)",
                m.tier.as_str(),
                thousands(i128::from(m.followers))
            ),
            interval: None,
            explanation: "From the tier boundaries in the audit settings.".into(),
        },
    ];
    lines.push(match &m.benchmark {
        Some(b) => MetricLine {
            name: "Against the tier benchmark",
            value: format!("{} ({} the benchmark)", microplan_model::format::multiple(b.ratio), b.label.as_words()),
            interval: None,
            explanation: format!(
                "Mean rate / {} at {} followers ({} tier; interpolated on log followers between the tier figures of {}, {}). In line means 0.8–1.25×.",
                pct(b.benchmark_rate),
                thousands(i128::from(m.followers)),
                b.tier.as_str(),
                b.source,
                b.year
            ),
        },
        None => MetricLine {
            name: "Against the tier benchmark",
            value: "not enough data".into(),
            interval: None,
            explanation: "No rate, or no benchmark figure for the tier.".into(),
        },
    });
    lines.push(MetricLine {
        name: "Following / followers",
        value: m
            .following_ratio
            .map_or_else(|| "not known".to_string(), |r| format!("{r:.2}")),
        interval: None,
        explanation: "Accounts followed per follower; follow-for-follow accounts sit near or above 1 (0.75 or more with at least 1,000 followed is a warning and lowers the follower-growth score).".into(),
    });
    lines.push(match &m.fake_followers {
        Some(f) => MetricLine {
            name: "Likely fake followers",
            value: pct(f.share),
            interval: Some(format!("{}–{}", pct(f.low), pct(f.high))),
            explanation: format!(
                "{} of {} sampled follower accounts show 3 or more of: no profile picture, no posts, \
                 mass following, no bio, a generated-looking handle. Wilson 95% interval.",
                f.likely_fake, f.sampled
            ),
        },
        None => MetricLine {
            name: "Likely fake followers",
            value: "not enough data".into(),
            interval: None,
            explanation: "Import a sample of at least 20 follower accounts to estimate it.".into(),
        },
    });
    if let Some(c) = &m.comments {
        lines.push(MetricLine {
            name: "Specific comments",
            value: pct(c.specific_share),
            interval: None,
            explanation: format!(
                "{} comments on {} posts: {} generic praise, {} emoji only, {} duplicated.",
                thousands(i128::from(c.comments)),
                c.posts,
                pct(c.generic_share),
                pct(c.emoji_share),
                pct(c.duplicate_share)
            ),
        });
        lines.push(MetricLine {
            name: "Creator replies per comment",
            value: opt_pct(c.creator_reply_rate),
            interval: None,
            explanation: format!(
                "Deepest thread {} levels; {} of posts have a conversation.",
                c.max_thread_depth,
                opt_pct(c.conversation_share)
            ),
        });
    }
    if let Some(p) = &m.commenters {
        lines.push(MetricLine {
            name: "Pods and repeat advocates",
            value: format!(
                "{} pod accounts, {} advocates",
                p.pod_accounts, p.repeat_advocates
            ),
            interval: None,
            explanation: format!(
                "Pod accounts comment generically on most posts ({} of comments); advocates write \
                 specific comments on several posts ({} of {} commenters).",
                opt_pct(p.pod_comment_share),
                p.repeat_advocates,
                p.distinct_commenters
            ),
        });
    }
    let c = &m.cadence;
    lines.push(MetricLine {
        name: "Posting consistency",
        value: opt_pct(c.active_week_share),
        interval: None,
        explanation: format!(
            "Weeks with a post: {} of {}; {} posts a week.",
            c.weeks_with_posts,
            c.weeks_spanned,
            c.posts_per_week
                .map_or("?".to_string(), |r| format!("{r:.1}"))
        ),
    });
    let d = &m.disclosure;
    lines.push(MetricLine {
        name: "Disclosure on sponsored posts",
        value: opt_pct(d.disclosed_share),
        interval: None,
        explanation: format!(
            "{} sponsored posts: {} disclosed, {} not, {} unknown.",
            d.sponsored, d.disclosed, d.undisclosed, d.unknown
        ),
    });
    lines.push(MetricLine {
        name: "Category specificity",
        value: opt_pct(m.category.share),
        interval: None,
        explanation: format!(
            "{} of {} tagged recent posts are in the target categories.",
            m.category.matching_posts, m.category.posts_with_topics
        ),
    });
    let a = &m.audience;
    lines.push(MetricLine {
        name: "Audience fit",
        value: opt_pct(a.fit),
        interval: None,
        explanation: format!(
            "Mean of: audience in target countries {}, in target age bands {}, target themes covered {}.",
            opt_pct(a.country_share),
            opt_pct(a.age_share),
            opt_pct(a.theme_share)
        ),
    });
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
