//! A cheap fingerprint of everything the audit reads, so a page can skip re-auditing when only
//! unrelated fields change (pipeline status, shortlist, checklist, flag notes, other tables).
//! Hashing the inputs costs a few per cent of auditing them.

use std::hash::Hasher;

use chrono::Datelike;

use super::fast_hash::FastHasher;
use crate::domain::workspace::Workspace;

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
pub fn audit_inputs_fingerprint(workspace: &Workspace) -> u64 {
    let mut h = FastHasher::default();
    h.write_u64(workspace.creators.len() as u64);
    for c in &workspace.creators {
        text(&mut h, &c.handle);
        h.write_u64(c.followers);
        optional(&mut h, c.following);
        for category in &c.categories {
            text(&mut h, category);
        }
        for share in c
            .audience
            .countries
            .iter()
            .chain(&c.audience.age_bands)
            .chain(&c.audience.genders)
        {
            text(&mut h, &share.key);
            number(&mut h, share.share);
        }
    }
    h.write_u64(workspace.posts.len() as u64);
    for p in &workspace.posts {
        text(&mut h, &p.handle);
        text(&mut h, &p.post_id);
        h.write_u64(p.date.num_days_from_ce() as u64);
        h.write_u64(p.likes);
        h.write_u64(p.comments);
        for value in [p.views, p.reach, p.impressions, p.shares, p.saves] {
            optional(&mut h, value);
        }
        h.write_u64(u64::from(p.sponsored) | (p.disclosure.map_or(2, u64::from) << 1));
        for topic in &p.topics {
            text(&mut h, topic);
        }
    }
    h.write_u64(workspace.follower_history.len() as u64);
    for point in &workspace.follower_history {
        text(&mut h, &point.handle);
        h.write_u64(point.date.num_days_from_ce() as u64);
        h.write_u64(point.followers);
    }
    h.write_u64(workspace.comment_summaries.len() as u64);
    for s in &workspace.comment_summaries {
        text(&mut h, &s.handle);
        text(&mut h, &s.post_id);
        h.write_u64(s.total);
        for share in [
            s.generic_share,
            s.emoji_share,
            s.specific_share,
            s.duplicate_share,
        ] {
            number(&mut h, share);
        }
        h.write_u64(s.distinct_commenters);
        h.write_u64(s.creator_replies);
        h.write_u64(u64::from(s.max_thread_depth));
    }
    h.write_u64(workspace.commenter_patterns.len() as u64);
    for stored in &workspace.commenter_patterns {
        text(&mut h, &stored.handle);
        let p = &stored.patterns;
        h.write_u64(p.audience_comments);
        h.write_u64(p.pod_comments);
        h.write_u64(p.pod_accounts as u64);
        h.write_u64(p.repeat_advocates as u64);
        h.write_u64(p.distinct_commenters as u64);
        h.write_u64(p.posts_analysed as u64);
    }
    h.write_u64(workspace.follower_samples.len() as u64);
    for sample in &workspace.follower_samples {
        text(&mut h, &sample.handle);
        h.write_u64(sample.sampled);
        h.write_u64(sample.likely_fake);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::domain::workspace::PipelineStatus;

    #[test]
    fn unrelated_edits_keep_the_fingerprint_and_inputs_change_it() {
        let base = demo_workspace();
        let before = audit_inputs_fingerprint(&base);
        let mut edited = base.clone();
        edited.set_status(&base.creators[0].handle, PipelineStatus::Ambassador);
        edited.set_shortlisted(&base.creators[1].handle, true);
        edited.annotate_flag("x:y", "note");
        assert_eq!(audit_inputs_fingerprint(&edited), before);
        let mut more_likes = base.clone();
        more_likes.posts[5].likes += 1;
        assert_ne!(audit_inputs_fingerprint(&more_likes), before);
        let mut fewer_followers = base.clone();
        fewer_followers.creators[3].followers -= 1;
        assert_ne!(audit_inputs_fingerprint(&fewer_followers), before);
        let mut history = base;
        history.follower_history.pop();
        assert_ne!(audit_inputs_fingerprint(&history), before);
    }
}
