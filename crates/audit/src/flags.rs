//! Flags: warnings with evidence, never silent verdicts. Each flag has an id that is stable for
//! the same data (`{handle}:{kind}[:{date}]`), so the interface can keep a user's annotation
//! ("viral reel", "giveaway", "TV appearance") next to it.
//!
//! Thresholds:
//! - follower jump: a gain spike (see `growth`). Explained first: when a post within a few days
//!   of the jump has outlying interactions for the creator, the jump is information that names
//!   the post ("may be explained by"). Otherwise a warning when engagement did not follow,
//!   information when it did (likely viral, explainable) or when there are too few posts;
//! - follower drop: a loss spike, information (often a platform purge of inactive accounts);
//! - generic comments: generic + emoji-only share >= 60% of at least 20 comments;
//! - duplicate comments: the same specific text (a sentence with content, not short praise)
//!   repeated, >= 20% of at least 20 comments;
//! - comment pod: at least 3 pod accounts writing >= 25% of comments;
//! - undisclosed sponsored posts: at least one;
//! - following ratio: following / followers >= 0.75 while following at least 1,000 accounts
//!   (follow-for-follow accounts sit near or above 1);
//! - few posts: fewer than 6 recent posts, information (the interval is wide).

use serde::{Deserialize, Serialize};

use super::growth::{
    FollowerSpike, SpikeDirection, FOLLOWING_MIN_ACCOUNTS, FOLLOWING_RATIO_WARNING,
};
use super::numbers::{percent, thousands};
use super::CreatorMetrics;
use microplan_model::format::number_text;

pub const GENERIC_FLAG_SHARE: f64 = 0.6;
pub const DUPLICATE_FLAG_SHARE: f64 = 0.2;
pub const FLAG_MIN_COMMENTS: u64 = 20;
pub const POD_FLAG_ACCOUNTS: usize = 3;
pub const POD_FLAG_SHARE: f64 = 0.25;
pub const FEW_POSTS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Follower gain that engagement did not follow.
    FollowerJumpWithoutEngagement,
    /// Follower gain that engagement followed (viral post, press ...).
    FollowerJumpWithEngagement,
    /// Follower gain with too few posts around it to judge.
    FollowerJumpUnclear,
    /// Follower gain next to a post with outlying interactions (a viral post).
    FollowerJumpExplained,
    FollowerDrop,
    GenericComments,
    DuplicateComments,
    CommentPod,
    UndisclosedSponsoredPosts,
    HighFollowingRatio,
    FewPosts,
    /// Many accounts in an imported follower sample look fake.
    FakeFollowers,
}

impl FlagKind {
    fn slug(self) -> &'static str {
        match self {
            FlagKind::FollowerJumpWithoutEngagement
            | FlagKind::FollowerJumpWithEngagement
            | FlagKind::FollowerJumpUnclear
            | FlagKind::FollowerJumpExplained => "follower-jump",
            FlagKind::FollowerDrop => "follower-drop",
            FlagKind::GenericComments => "generic-comments",
            FlagKind::DuplicateComments => "duplicate-comments",
            FlagKind::CommentPod => "comment-pod",
            FlagKind::UndisclosedSponsoredPosts => "undisclosed-sponsored",
            FlagKind::HighFollowingRatio => "following-ratio",
            FlagKind::FewPosts => "few-posts",
            FlagKind::FakeFollowers => "fake-followers",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth probing before working with the creator.
    Warning,
    /// Context; usually has an innocent explanation.
    Info,
}

/// One warning with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// Stable id for annotations: `{handle}:{kind}` or `{handle}:{kind}:{date}`.
    pub id: String,
    pub kind: FlagKind,
    pub severity: Severity,
    pub title: String,
    pub evidence: String,
    /// True when the pattern usually has an innocent explanation the user can annotate.
    pub explainable: bool,
}

fn flag(
    handle: &str,
    kind: FlagKind,
    suffix: Option<String>,
    severity: Severity,
    title: &str,
    evidence: String,
) -> Flag {
    let id = match suffix {
        Some(suffix) => format!("{handle}:{}:{suffix}", kind.slug()),
        None => format!("{handle}:{}", kind.slug()),
    };
    Flag {
        id,
        kind,
        severity,
        title: title.to_string(),
        evidence,
        explainable: severity == Severity::Info,
    }
}

fn signed_percent(change: f64) -> String {
    let text = percent(change);
    if change >= 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

fn spike_flag(handle: &str, spike: &FollowerSpike) -> Flag {
    let i = &spike.interval;
    let relative = super::numbers::ratio(i.followers_after, i.followers_before).map(|r| r - 1.0);
    let size = format!(
        "{} by {}{} between {} and {} (robust z {})",
        if spike.direction == SpikeDirection::Gain {
            "Followers jumped"
        } else {
            "Followers dropped"
        },
        thousands(i128::from(i.change).abs()),
        relative.map_or(String::new(), |r| format!(" ({})", signed_percent(r))),
        microplan_model::format::date(i.start),
        microplan_model::format::date(i.end),
        number_text(spike.robust_z, 1)
    );
    let date = Some(i.start.to_string());
    if spike.direction == SpikeDirection::Loss {
        let evidence = format!(
            "{size}. Sudden drops often follow a platform purge of inactive or fake accounts."
        );
        return flag(
            handle,
            FlagKind::FollowerDrop,
            date,
            Severity::Info,
            "Sudden follower drop",
            evidence,
        );
    }
    let comments = spike.comments.as_ref().map_or(String::new(), |c| {
        format!(
            " Comments after the jump: {} generic or emoji only (before {}), {} duplicates (before {}).",
            percent(c.low_effort_after), percent(c.low_effort_before), percent(c.duplicates_after), percent(c.duplicates_before)
        )
    });
    if let Some(post) = &spike.explained_by {
        let around = spike.engagement.as_ref().map_or(String::new(), |e| {
            format!(
                " Interactions per post changed {} around the jump{}.",
                signed_percent(e.engagement_change),
                if e.followed {
                    "; engagement followed the jump"
                } else {
                    ""
                }
            )
        });
        let multiple = super::numbers::ratio_f64(
            post.interactions as f64,
            post.median_interactions,
        )
        .map_or(String::new(), |m| {
            format!(
                ", {}× their median of {}",
                number_text(m, 1),
                microplan_model::format::count_text(post.median_interactions)
            )
        });
        let evidence = format!(
            "{size}; may be explained by post {} on {} with {} interactions (robust z {}{multiple}), as a viral post brings followers.{around} Annotate the reason if you know it.{comments}",
            post.post_id, microplan_model::format::date(post.date), thousands(i128::from(post.interactions)), number_text(post.robust_z, 1)
        );
        return flag(
            handle,
            FlagKind::FollowerJumpExplained,
            date,
            Severity::Info,
            "Follower jump a viral post may explain",
            evidence,
        );
    }
    match &spike.engagement {
        Some(e) => {
            let around = format!(
                "interactions per post changed {} (median {} over {} posts after vs {} over {} before), so interactions per follower changed {}",
                signed_percent(e.engagement_change), microplan_model::format::count_text(e.median_after), e.posts_after, microplan_model::format::count_text(e.median_before), e.posts_before, signed_percent(e.per_follower_change)
            );
            if e.followed {
                let evidence = format!("{size}; {around}. Engagement followed the jump, as it does after a viral post or press: annotate the reason if you know it.{comments}");
                flag(
                    handle,
                    FlagKind::FollowerJumpWithEngagement,
                    date,
                    Severity::Info,
                    "Follower jump that engagement followed",
                    evidence,
                )
            } else {
                let evidence = format!("{size}; {around}. Engagement did not follow the new followers, a common sign of bought followers.{comments}");
                flag(
                    handle,
                    FlagKind::FollowerJumpWithoutEngagement,
                    date,
                    Severity::Warning,
                    "Follower jump that engagement did not follow",
                    evidence,
                )
            }
        }
        None => {
            let evidence = format!(
                "{size}; too few posts around the jump to tell whether engagement followed."
            );
            flag(
                handle,
                FlagKind::FollowerJumpUnclear,
                date,
                Severity::Info,
                "Follower jump (engagement unknown)",
                evidence,
            )
        }
    }
}

/// All flags of one creator, warnings first.
/// Raised from an imported follower sample (see `follower_sample`).
pub fn fake_follower_flag(handle: &str, evidence: String) -> Flag {
    flag(
        handle,
        FlagKind::FakeFollowers,
        None,
        Severity::Warning,
        "Many followers look fake",
        evidence,
    )
}

pub fn build_flags(handle: &str, m: &CreatorMetrics) -> Vec<Flag> {
    let mut flags: Vec<Flag> = m
        .growth
        .spikes
        .iter()
        .map(|s| spike_flag(handle, s))
        .collect();
    if let Some(c) = m
        .comments
        .as_ref()
        .filter(|c| c.comments >= FLAG_MIN_COMMENTS)
    {
        let low_effort = c.generic_share + c.emoji_share;
        if low_effort >= GENERIC_FLAG_SHARE {
            let evidence = format!(
                "{} of {} comments on the last {} posts are generic praise ({}) or emoji only ({}).",
                percent(low_effort), thousands(i128::from(c.comments)), c.posts, percent(c.generic_share), percent(c.emoji_share)
            );
            flags.push(flag(
                handle,
                FlagKind::GenericComments,
                None,
                Severity::Warning,
                "Mostly generic comments",
                evidence,
            ));
        }
        if c.duplicate_share >= DUPLICATE_FLAG_SHARE {
            let evidence = format!(
                "{} of {} comments on the last {} posts repeat the same specific text (word for word or nearly), by the same or different accounts: copied or scripted comments. Short generic praise is not counted here.",
                percent(c.duplicate_share), thousands(i128::from(c.comments)), c.posts
            );
            flags.push(flag(
                handle,
                FlagKind::DuplicateComments,
                None,
                Severity::Warning,
                "Duplicated comments",
                evidence,
            ));
        }
    }
    if let Some(p) = m.commenters.as_ref() {
        if p.pod_accounts >= POD_FLAG_ACCOUNTS
            && p.pod_comment_share.is_some_and(|s| s >= POD_FLAG_SHARE)
        {
            let typical = p
                .pod_typical_text
                .as_ref()
                .map_or(String::new(), |t| format!(", typically \"{t}\""));
            let evidence = format!(
                "{} of {} comments on {} posts came from the same {} accounts, which comment on most posts with generic text{}.",
                thousands(i128::from(p.pod_comments)), thousands(i128::from(p.audience_comments)), p.posts_analysed, p.pod_accounts, typical
            );
            flags.push(flag(
                handle,
                FlagKind::CommentPod,
                None,
                Severity::Warning,
                "Possible engagement pod",
                evidence,
            ));
        }
    }
    let d = &m.disclosure;
    if d.undisclosed > 0 {
        let evidence = format!(
            "{} of {} sponsored posts with a known status carried no disclosure ({}).",
            d.undisclosed,
            d.disclosed + d.undisclosed,
            d.undisclosed_post_ids.join(", ")
        );
        flags.push(flag(
            handle,
            FlagKind::UndisclosedSponsoredPosts,
            None,
            Severity::Warning,
            "Sponsored posts without disclosure",
            evidence,
        ));
    }
    if let (Some(r), Some(following)) = (m.following_ratio, m.following) {
        if r >= FOLLOWING_RATIO_WARNING && following >= FOLLOWING_MIN_ACCOUNTS {
            let evidence = format!(
                "Follows {} accounts with {} followers (ratio {r:.2}, at or above {FOLLOWING_RATIO_WARNING}): follow-for-follow accounts sit near or above 1.",
                thousands(i128::from(following)), thousands(i128::from(m.followers))
            );
            flags.push(flag(
                handle,
                FlagKind::HighFollowingRatio,
                None,
                Severity::Warning,
                "Follows nearly as many accounts as follow them",
                evidence,
            ));
        }
    }
    let used = m.engagement.posts_used;
    if used < FEW_POSTS {
        let evidence =
            format!("Only {used} recent posts: rates and the score carry a wide interval.");
        flags.push(flag(
            handle,
            FlagKind::FewPosts,
            None,
            Severity::Info,
            "Few posts",
            evidence,
        ));
    }
    flags.sort_by_key(|f| f.severity != Severity::Warning);
    flags
}
