//! A cheap fingerprint of everything the audit reads, so a page can skip re-auditing when only
//! unrelated fields change (pipeline status, shortlist, checklist, flag notes, other tables).
//! Hashing the inputs costs a few per cent of auditing them.

use std::hash::Hasher;

use chrono::Datelike;

use crate::fast_hash::FastHasher;
use crate::AuditTables;
use crate::CommenterPatterns;
use microplan_model::rows::{CommentSummary, Creator, FollowerPoint, Post};

fn text(h: &mut FastHasher, value: &str) {
    h.write(value.as_bytes());
    h.write_u64(value.len() as u64);
}

fn number(h: &mut FastHasher, value: f64) {
    h.write_u64(value.to_bits());
}

fn optional(h: &mut FastHasher, value: Option<u64>) {
    h.write_u64(value.map_or(u64::MAX, |v| v.wrapping_add(1)));
}

/// Hash of the audit's inputs: creators (handle, followers, following, categories, audience),
/// posts, follower history, comment summaries and stored commenter patterns. Equal inputs
/// give equal fingerprints; a changed input almost surely changes it.
pub fn audit_inputs_fingerprint(tables: &AuditTables<'_>) -> u64 {
    let mut h = FastHasher::default();
    h.write_u64(tables.creators.len() as u64);
    tables.creators.iter().for_each(|c| hash_creator(&mut h, c));
    h.write_u64(tables.posts.len() as u64);
    tables.posts.iter().for_each(|p| hash_post(&mut h, p));
    h.write_u64(tables.follower_history.len() as u64);
    tables
        .follower_history
        .iter()
        .for_each(|p| hash_follower_point(&mut h, p));
    h.write_u64(tables.comment_summaries.len() as u64);
    tables
        .comment_summaries
        .iter()
        .for_each(|s| hash_comment_summary(&mut h, s));
    h.write_u64(tables.commenter_patterns.len() as u64);
    for stored in tables.commenter_patterns {
        text(&mut h, &stored.handle);
        hash_commenter_patterns(&mut h, &stored.patterns);
    }
    h.write_u64(tables.follower_samples.len() as u64);
    for sample in tables.follower_samples {
        text(&mut h, &sample.handle);
        h.write_u64(sample.sampled);
        h.write_u64(sample.likely_fake);
    }
    h.finish()
}

/// Hash of what the audit reads from the creators table alone, so an edit of a creator's
/// status or notes (which the audit does not read) can be told apart from one it must see.
pub fn creators_fingerprint(creators: &[Creator]) -> u64 {
    let mut h = FastHasher::default();
    h.write_u64(creators.len() as u64);
    creators.iter().for_each(|c| hash_creator(&mut h, c));
    h.finish()
}

/// Hash of one creator's own inputs (their row and their posts, follower history, comment
/// summaries and commenter patterns) together with `settings_key`, the fingerprint of the
/// settings the metrics depend on.
pub fn creator_inputs_fingerprint(
    settings_key: u64,
    creator: &Creator,
    posts: &[&Post],
    history: &[&FollowerPoint],
    summaries: &[&CommentSummary],
    commenters: Option<&CommenterPatterns>,
) -> u64 {
    let mut h = FastHasher::default();
    h.write_u64(settings_key);
    hash_creator(&mut h, creator);
    h.write_u64(posts.len() as u64);
    posts.iter().for_each(|p| hash_post(&mut h, p));
    h.write_u64(history.len() as u64);
    history.iter().for_each(|p| hash_follower_point(&mut h, p));
    h.write_u64(summaries.len() as u64);
    summaries
        .iter()
        .for_each(|s| hash_comment_summary(&mut h, s));
    match commenters {
        Some(patterns) => hash_commenter_patterns(&mut h, patterns),
        None => h.write_u64(u64::MAX),
    }
    h.finish()
}

fn hash_creator(h: &mut FastHasher, c: &Creator) {
    text(h, &c.handle);
    h.write_u64(c.followers);
    optional(h, c.following);
    h.write_u64(c.categories.len() as u64);
    for category in &c.categories {
        text(h, category);
    }
    let audience = &c.audience;
    for shares in [&audience.countries, &audience.age_bands, &audience.genders] {
        h.write_u64(shares.len() as u64);
        for share in shares {
            text(h, &share.key);
            number(h, share.share);
        }
    }
}

fn hash_post(h: &mut FastHasher, p: &Post) {
    text(h, &p.handle);
    text(h, &p.post_id);
    h.write_u64(p.date.num_days_from_ce() as u64);
    h.write_u64(p.likes);
    h.write_u64(p.comments);
    for value in [p.views, p.reach, p.impressions, p.shares, p.saves] {
        optional(h, value);
    }
    h.write_u64(u64::from(p.sponsored) | (p.disclosure.map_or(2, u64::from) << 1));
    text(h, &p.format);
    h.write_u64(p.topics.len() as u64);
    for topic in &p.topics {
        text(h, topic);
    }
}

fn hash_follower_point(h: &mut FastHasher, point: &FollowerPoint) {
    text(h, &point.handle);
    h.write_u64(point.date.num_days_from_ce() as u64);
    h.write_u64(point.followers);
}

fn hash_comment_summary(h: &mut FastHasher, s: &CommentSummary) {
    text(h, &s.handle);
    text(h, &s.post_id);
    h.write_u64(s.total);
    for share in [
        s.generic_share,
        s.emoji_share,
        s.specific_share,
        s.duplicate_share,
    ] {
        number(h, share);
    }
    h.write_u64(s.distinct_commenters);
    h.write_u64(s.creator_replies);
    h.write_u64(u64::from(s.max_thread_depth));
}

fn hash_commenter_patterns(h: &mut FastHasher, p: &CommenterPatterns) {
    for count in [p.posts_analysed, p.distinct_commenters, p.repeat_commenters] {
        h.write_u64(count as u64);
    }
    for count in [
        p.pod_accounts,
        p.repeat_advocates,
        p.answered_posts,
        usize::from(p.threaded),
    ] {
        h.write_u64(count as u64);
    }
    h.write_u64(p.audience_comments);
    h.write_u64(p.pod_comments);
    h.write_u64(p.creator_comments);
    h.write_u64(u64::from(p.method));
    for share in [p.pod_comment_share, p.advocate_share] {
        number(h, share.unwrap_or(f64::NAN));
    }
    text(h, p.pod_typical_text.as_deref().unwrap_or("\u{0}"));
}
