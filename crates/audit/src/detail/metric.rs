//! One step per metric or metric group of the detail view, in reading order.

use super::{opt_pct, pct, MetricLine};
use crate::engagement::EngagementSummary;
use crate::numbers::thousands;
use crate::uncertainty::IntervalMethod;
use crate::CreatorMetrics;

/// Engagement per post against followers, reach and views.
pub(super) fn engagement_rate_lines(e: &EngagementSummary) -> Vec<MetricLine> {
    vec![
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
    ]
}

/// Comments, shares and saves against likes, reach and views.
pub(super) fn interaction_lines(e: &EngagementSummary) -> Vec<MetricLine> {
    vec![
        MetricLine {
            name: "Comment-to-like ratio",
            value: opt_pct(e.comment_to_like_ratio),
            interval: None,
            explanation: "All comments / all likes on the recent posts: conversation against taps."
                .into(),
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
    ]
}

/// The follower tier.
pub(super) fn tier_line(m: &CreatorMetrics) -> MetricLine {
    MetricLine {
        name: "Tier",
        value: format!(
            "{} ({} followers)",
            m.tier.as_str(),
            thousands(i128::from(m.followers))
        ),
        interval: None,
        explanation: "From the tier boundaries in the audit settings.".into(),
    }
}

/// The mean rate against the tier benchmark.
pub(super) fn benchmark_line(m: &CreatorMetrics) -> MetricLine {
    match &m.benchmark {
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
    }
}

/// Accounts followed per follower.
pub(super) fn following_line(m: &CreatorMetrics) -> MetricLine {
    MetricLine {
        name: "Following / followers",
        value: m
            .following_ratio
            .map_or_else(|| "not known".to_string(), |r| format!("{r:.2}")),
        interval: None,
        explanation: "Accounts followed per follower; follow-for-follow accounts sit near or above 1 (0.75 or more with at least 1,000 followed is a warning and lowers the follower-growth score).".into(),
    }
}

/// Likely fake followers from the follower sample.
pub(super) fn fake_followers_line(m: &CreatorMetrics) -> MetricLine {
    match &m.fake_followers {
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
    }
}

/// Comment quality and creator replies; none without analysed comments.
pub(super) fn comment_lines(m: &CreatorMetrics) -> Vec<MetricLine> {
    let Some(c) = &m.comments else {
        return Vec::new();
    };
    vec![
        MetricLine {
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
        },
        MetricLine {
            name: "Creator replies per comment",
            value: opt_pct(c.creator_reply_rate),
            interval: None,
            explanation: format!(
                "Deepest thread {} levels; {} of posts have a conversation.",
                c.max_thread_depth,
                opt_pct(c.conversation_share)
            ),
        },
    ]
}

/// Comment pods and repeat advocates; none without commenter patterns.
pub(super) fn commenter_line(m: &CreatorMetrics) -> Option<MetricLine> {
    m.commenters.as_ref().map(|p| MetricLine {
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
    })
}

/// Share of weeks with a post.
pub(super) fn cadence_line(m: &CreatorMetrics) -> MetricLine {
    let c = &m.cadence;
    MetricLine {
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
    }
}

/// Disclosure on sponsored posts.
pub(super) fn disclosure_line(m: &CreatorMetrics) -> MetricLine {
    let d = &m.disclosure;
    MetricLine {
        name: "Disclosure on sponsored posts",
        value: opt_pct(d.disclosed_share),
        interval: None,
        explanation: format!(
            "{} sponsored posts: {} disclosed, {} not, {} unknown.",
            d.sponsored, d.disclosed, d.undisclosed, d.unknown
        ),
    }
}

/// Share of tagged recent posts in the target categories.
pub(super) fn category_line(m: &CreatorMetrics) -> MetricLine {
    MetricLine {
        name: "Category specificity",
        value: opt_pct(m.category.share),
        interval: None,
        explanation: format!(
            "{} of {} tagged recent posts are in the target categories.",
            m.category.matching_posts, m.category.posts_with_topics
        ),
    }
}

/// Fit of the audience to the target persona.
pub(super) fn audience_line(m: &CreatorMetrics) -> MetricLine {
    let a = &m.audience;
    MetricLine {
        name: "Audience fit",
        value: opt_pct(a.fit),
        interval: None,
        explanation: format!(
            "Mean of: audience in target countries {}, in target age bands {}, target themes covered {}.",
            opt_pct(a.country_share),
            opt_pct(a.age_share),
            opt_pct(a.theme_share)
        ),
    }
}
