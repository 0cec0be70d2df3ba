//! What the audit reads from the open workspace, held so a change of it can be told cheaply.

use microplan_audit::comment_import::StoredCommenterPatterns;
use microplan_audit::fingerprint::creators_fingerprint;
use microplan_audit::follower_sample::FollowerSample;
use microplan_audit::AuditTables;
use microplan_model::rows::{CommentSummary, Creator, FollowerPoint, Post};
use microplan_model::shared::Shared;
use microplan_workspace::Workspace;

/// The tables the audit reads. The creators table also holds status and notes, which the
/// audit ignores, so it counts as changed only when its fingerprint does.
#[derive(Clone)]
pub(super) struct AuditInputs {
    creators: Shared<Vec<Creator>>,
    creators_key: u64,
    posts: Shared<Vec<Post>>,
    follower_history: Shared<Vec<FollowerPoint>>,
    comment_summaries: Shared<Vec<CommentSummary>>,
    commenter_patterns: Shared<Vec<StoredCommenterPatterns>>,
    follower_samples: Shared<Vec<FollowerSample>>,
}

impl AuditInputs {
    pub(super) fn read(workspace: &Workspace, previous: Option<&AuditInputs>) -> Self {
        let creators_key = match previous {
            Some(previous) if Shared::same(&previous.creators, &workspace.creators) => {
                previous.creators_key
            }
            _ => creators_fingerprint(&workspace.creators),
        };
        AuditInputs {
            creators: workspace.creators.clone(),
            creators_key,
            posts: workspace.posts.clone(),
            follower_history: workspace.follower_history.clone(),
            comment_summaries: workspace.comment_summaries.clone(),
            commenter_patterns: workspace.commenter_patterns.clone(),
            follower_samples: workspace.follower_samples.clone(),
        }
    }

    /// The tables as the audit reads them.
    pub(super) fn tables(&self) -> AuditTables<'_> {
        AuditTables {
            creators: &self.creators,
            posts: &self.posts,
            follower_history: &self.follower_history,
            comment_summaries: &self.comment_summaries,
            commenter_patterns: &self.commenter_patterns,
            follower_samples: &self.follower_samples,
        }
    }

    pub(super) fn same(&self, other: &AuditInputs) -> bool {
        self.creators_key == other.creators_key
            && Shared::same(&self.posts, &other.posts)
            && Shared::same(&self.follower_history, &other.follower_history)
            && Shared::same(&self.comment_summaries, &other.comment_summaries)
            && Shared::same(&self.commenter_patterns, &other.commenter_patterns)
            && Shared::same(&self.follower_samples, &other.follower_samples)
    }
}

pub(super) fn inputs_changed(
    old: Option<&Option<AuditInputs>>,
    new: Option<&Option<AuditInputs>>,
) -> bool {
    match (old, new) {
        (Some(Some(old)), Some(Some(new))) => !old.same(new),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}
