//! One scoring step per component: each returns the score, its interval when the value is
//! estimated from a sample, and the reason in plain words, or why there is not enough data.

use super::{pct, share_interval, Scored};
use crate::error::AuditError;
use crate::growth::SpikeDirection;
use crate::numbers::{percent, thousands};
use crate::score::{self, ScoreInterval};
use crate::{AuditSettings, CreatorMetrics};

/// Mean engagement rate by followers against the tier benchmark.
pub(super) fn engagement(m: &CreatorMetrics) -> Scored {
    let e = &m.engagement;
    if e.posts_used == 0 {
        return Err(AuditError::NoPosts);
    }
    let rate = e.mean_rate_by_followers.ok_or(AuditError::ZeroFollowers)?;
    let b = m.benchmark.as_ref().ok_or(AuditError::NoBenchmark)?;
    let to_score = |r: f64| score::engagement_score(r / b.benchmark_rate);
    let (interval, sureness) = match e.mean_rate_interval {
        Some(i) => (
            ScoreInterval {
                low: to_score(i.low),
                high: to_score(i.high),
            },
            format!("95% interval {}-{}", pct(i.low), pct(i.high)),
        ),
        None => (
            ScoreInterval {
                low: 0.0,
                high: 100.0,
            },
            "one post cannot say how sure this is".to_string(),
        ),
    };
    let reason = format!(
        "Mean engagement {} (likes + comments / followers, last {} posts; {}) is {} the benchmark of {} at {} followers (interpolated between tier figures): {}.",
        pct(rate), e.posts_used, sureness, microplan_model::format::multiple(b.ratio), pct(b.benchmark_rate), thousands(i128::from(m.followers)), b.label.as_words()
    );
    Ok((score::engagement_score(b.ratio), Some(interval), reason))
}

/// Median reach per post as a share of followers.
pub(super) fn reach(m: &CreatorMetrics, settings: &AuditSettings) -> Scored {
    let e = &m.engagement;
    let rate = e.median_reach_rate.ok_or(AuditError::NoReach)?;
    let reference = settings.reference_reach_rate;
    let reason = format!(
        "Median reach per post is {} of followers ({} scores 50; the score keeps rising above it).",
        percent(rate),
        percent(if reference > 0.0 {
            reference
        } else {
            score::DEFAULT_REFERENCE_REACH_RATE
        })
    );
    Ok((score::reach_score(rate, reference), None, reason))
}

/// Share of specific comments, with its Wilson interval.
pub(super) fn comment_quality(m: &CreatorMetrics) -> Scored {
    let c = m.comments.as_ref().ok_or(AuditError::NoComments)?;
    let specific = (c.specific_share * c.comments as f64).round() as u64;
    let reason = format!(
        "{} of {} comments on {} posts are specific (questions, references to the content); {} generic praise, {} emoji only. The score is the specific share.",
        percent(c.specific_share), thousands(i128::from(c.comments)), c.posts, percent(c.generic_share), percent(c.emoji_share)
    );
    Ok((
        score::comment_quality_score(c.specific_share),
        share_interval(specific, c.comments, score::comment_quality_score),
        reason,
    ))
}

/// Repeated specific comments and comment pods.
pub(super) fn comment_originality(m: &CreatorMetrics) -> Scored {
    let c = m.comments.as_ref().ok_or(AuditError::NoComments)?;
    let pods = m.commenters.as_ref().and_then(|p| p.pod_comment_share);
    let mut reason = format!(
        "{} of comments repeat the same specific text ({} scores 0; short generic praise does not count).",
        percent(c.duplicate_share),
        percent(score::DUPLICATES_ZERO_AT)
    );
    if let (Some(share), Some(p)) = (pods, m.commenters.as_ref()) {
        reason.push_str(&format!(
            " {} pod accounts wrote {} of comments ({} scores 0).",
            p.pod_accounts,
            percent(share),
            percent(score::POD_ZERO_AT)
        ));
    }
    Ok((
        score::originality_score(c.duplicate_share, pods),
        None,
        reason,
    ))
}

/// Follower jumps that engagement did not follow, and the following ratio.
pub(super) fn growth_authenticity(m: &CreatorMetrics) -> Scored {
    let g = &m.growth;
    let ratio_words = m.following_ratio.map(|r| {
        let cost = (score::following_penalty(Some(r)) * 100.0).round();
        let effect = if cost >= 1.0 { format!("costs {cost:.0} points") } else { "no deduction".to_string() };
        format!(" Follows {r:.2} accounts per follower ({effect}; up to 0.25 costs nothing, 1 or more costs 50).")
    });
    if !g.enough_data {
        return Err(AuditError::TooFewFollowerObservations {
            observations: g.points_used,
            needed: crate::growth::MIN_INTERVALS + 1,
        });
    }
    let gains: Vec<_> = g
        .spikes
        .iter()
        .filter(|s| s.direction == SpikeDirection::Gain)
        .collect();
    let explained = gains.iter().filter(|s| s.explained_by.is_some()).count();
    let judged = || gains.iter().filter(|s| s.explained_by.is_none());
    let unfollowed = judged()
        .filter(|s| s.engagement.as_ref().is_some_and(|e| !e.followed))
        .count();
    let followed = judged()
        .filter(|s| s.engagement.as_ref().is_some_and(|e| e.followed))
        .count();
    let unclear = judged().count() - unfollowed - followed;
    let parts: Vec<String> = [
        (
            unfollowed,
            "that engagement did not follow and no viral post explains (-80 each)",
        ),
        (explained, "that a viral post may explain (no deduction)"),
        (followed, "that engagement followed (no deduction)"),
        (unclear, "without enough posts around to judge (-25 each)"),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, words)| {
        format!(
            "{count} follower jump{} {words}",
            if *count == 1 { "" } else { "s" }
        )
    })
    .collect();
    let mut reason = if parts.is_empty() {
        format!("No follower jump in {} observations.", g.points_used)
    } else {
        format!("{}.", parts.join("; "))
    };
    reason.push_str(&ratio_words.unwrap_or_default());
    Ok((
        score::growth_score(unfollowed, unclear, m.following_ratio),
        None,
        reason,
    ))
}

/// Creator replies, answered posts, repeat advocates and specific comments.
pub(super) fn community(m: &CreatorMetrics) -> Scored {
    let c = m.comments.as_ref().ok_or(AuditError::NoComments)?;
    let p = m.commenters.as_ref();
    // Raw comments say where the creator answered a question; summaries alone only
    // say where a thread has two levels.
    let answered_share = match p {
        Some(p) => crate::numbers::ratio(p.answered_posts as u64, p.posts_analysed as u64),
        None => c.conversation_share,
    };
    let parts = score::CommunityParts {
        reply_rate: c.creator_reply_rate,
        answered_share,
        advocate_share: p.and_then(|p| p.advocate_share),
        specific_share: Some(c.specific_share),
    };
    let value = score::community_score(parts).ok_or(AuditError::NoReplies)?;
    let unknown = || "an unknown number of".to_string();
    let mut reason = format!(
        "The creator replies {} times per 100 comments; {} of posts have the creator {}; {} of comments are specific.",
        c.creator_reply_rate.map_or_else(unknown, |r| format!("{:.0}", r * 100.0)),
        answered_share.map_or("an unknown share".to_string(), percent),
        if p.is_some() { "answering a question" } else { "in a reply thread" },
        percent(c.specific_share)
    );
    if let Some(p) = p.filter(|p| p.advocate_share.is_some()) {
        reason.push_str(&format!(
            " {} repeat advocates ({} of {} commenters) write substantive comments on several posts.",
            p.repeat_advocates,
            p.advocate_share.map_or(String::new(), percent),
            thousands(p.distinct_commenters as i128)
        ));
    }
    Ok((value, None, reason))
}

/// Share of weeks with a post.
pub(super) fn consistency(m: &CreatorMetrics) -> Scored {
    let c = &m.cadence;
    let share = c.active_week_share.ok_or(AuditError::TooFewPosts)?;
    let reason = format!(
        "Posted in {} of {} weeks; median gap {} days, longest {} days.",
        c.weeks_with_posts,
        c.weeks_spanned,
        c.median_gap_days.map_or("?".into(), |g| format!("{g:.0}")),
        c.longest_gap_days.map_or("?".into(), |g| g.to_string())
    );
    Ok((
        score::share_score(share),
        share_interval(
            c.weeks_with_posts as u64,
            c.weeks_spanned as u64,
            score::share_score,
        ),
        reason,
    ))
}

/// Share of sponsored posts with a known status that carried a disclosure.
pub(super) fn disclosure(m: &CreatorMetrics) -> Scored {
    let d = &m.disclosure;
    let share = d.disclosed_share.ok_or(AuditError::NoKnownDisclosure)?;
    let known = (d.disclosed + d.undisclosed) as u64;
    let reason = format!(
        "{} of {} sponsored posts with a known status carried a disclosure.",
        d.disclosed, known
    );
    Ok((
        score::share_score(share),
        share_interval(d.disclosed as u64, known, score::share_score),
        reason,
    ))
}

/// Share of tagged recent posts in the target categories.
pub(super) fn category_fit(m: &CreatorMetrics, settings: &AuditSettings) -> Scored {
    if settings
        .target_categories
        .iter()
        .all(|t| t.trim().is_empty())
    {
        return Err(AuditError::SettingMissing {
            setting: "target categories",
        });
    }
    let c = &m.category;
    let share = c.share.ok_or(AuditError::NoTopicTags)?;
    let reason = format!(
        "{} of {} tagged recent posts match the target categories ({}).",
        c.matching_posts,
        c.posts_with_topics,
        settings.target_categories.join(", ")
    );
    Ok((
        score::share_score(share),
        share_interval(
            c.matching_posts as u64,
            c.posts_with_topics as u64,
            score::share_score,
        ),
        reason,
    ))
}

/// Mean fit of the audience to the target persona.
pub(super) fn audience_fit(m: &CreatorMetrics, settings: &AuditSettings) -> Scored {
    if settings.persona.is_empty() {
        return Err(AuditError::SettingMissing {
            setting: "target persona",
        });
    }
    let a = &m.audience;
    let fit = a.fit.ok_or(AuditError::NoAudienceToCompare)?;
    let part = |name: &str, share: Option<f64>| share.map(|s| format!("{} {name}", percent(s)));
    let parts: Vec<String> = [
        part("of the audience in the target countries", a.country_share),
        part("in the target age bands", a.age_share),
        part(
            "of the target themes in the creator's categories",
            a.theme_share,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok((
        score::share_score(fit),
        None,
        format!("{}; fit is their mean.", parts.join("; ")),
    ))
}
