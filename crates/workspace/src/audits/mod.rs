//! The audit of a whole workspace: every creator audited from the workspace's tables, the
//! roster the Creators table shows, the user's reviews and statuses, and imported comment
//! digests written back. The audit itself lives in `microplan-audit`.

pub mod roster;

use microplan_audit::comment_import::AnalysedCreator;
use microplan_audit::fingerprint;
use microplan_audit::reuse::{self, MeasuredCreators, ReauditCounts};
use microplan_audit::{
    handle_key, AuditSettings, AuditTables, CreatorAudit, CreatorReview, VerificationCheck,
};
use microplan_model::rows::PipelineStatus;

use crate::Workspace;

impl Workspace {
    /// The tables the audit reads.
    pub fn audit_tables(&self) -> AuditTables<'_> {
        AuditTables {
            creators: &self.creators,
            posts: &self.posts,
            follower_history: &self.follower_history,
            comment_summaries: &self.comment_summaries,
            commenter_patterns: &self.commenter_patterns,
            follower_samples: &self.follower_samples,
        }
    }
}

/// Audits every creator of a workspace, best score first (creators without a score last,
/// ties by handle).
pub fn audit_workspace(workspace: &Workspace, settings: &AuditSettings) -> Vec<CreatorAudit> {
    microplan_audit::audit_all(&workspace.audit_tables(), settings)
}

/// [`audit_workspace`], measuring only the creators whose inputs changed since `kept`.
pub fn audit_workspace_reusing(
    workspace: &Workspace,
    settings: &AuditSettings,
    kept: &mut MeasuredCreators,
) -> (Vec<CreatorAudit>, ReauditCounts) {
    reuse::audit_workspace_reusing(&workspace.audit_tables(), settings, kept)
}

/// A hash of everything the audit reads, to skip a re-audit when nothing it reads changed.
pub fn audit_inputs_fingerprint(workspace: &Workspace) -> u64 {
    fingerprint::audit_inputs_fingerprint(&workspace.audit_tables())
}

impl Workspace {
    /// The review of a creator (an empty one when the user has not touched it).
    pub fn review(&self, handle: &str) -> Option<&CreatorReview> {
        let key = handle_key(handle);
        self.creator_reviews
            .iter()
            .find(|r| handle_key(&r.handle) == key)
    }

    /// Applies `change` to the creator's review, creating it first when needed.
    fn edit_review(&mut self, handle: &str, change: impl FnOnce(&mut CreatorReview)) {
        let key = handle_key(handle);
        if !self
            .creator_reviews
            .iter()
            .any(|r| handle_key(&r.handle) == key)
        {
            self.creator_reviews.push(CreatorReview {
                handle: handle.to_string(),
                ..Default::default()
            });
        }
        if let Some(review) = self
            .creator_reviews
            .iter_mut()
            .find(|r| handle_key(&r.handle) == key)
        {
            change(review);
        }
        self.creator_reviews
            .retain(|r| r.shortlisted || !r.checks.is_empty());
    }

    pub fn set_shortlisted(&mut self, handle: &str, shortlisted: bool) {
        self.edit_review(handle, |review| review.shortlisted = shortlisted);
    }

    pub fn set_check(&mut self, handle: &str, check: VerificationCheck, done: bool) {
        self.edit_review(handle, |review| {
            review.checks.retain(|c| *c != check);
            if done {
                review.checks.push(check);
                review
                    .checks
                    .sort_by_key(|c| VerificationCheck::ALL.iter().position(|a| a == c));
            }
        });
    }

    /// Sets the pipeline status of a creator; false when no creator has the handle.
    pub fn set_status(&mut self, handle: &str, status: PipelineStatus) -> bool {
        let key = handle_key(handle);
        match self
            .creators
            .iter_mut()
            .find(|c| handle_key(&c.handle) == key)
        {
            Some(creator) => {
                creator.status = status;
                true
            }
            None => false,
        }
    }
}

/// Replaces the comment summaries and commenter patterns of the analysed creators (other
/// creators keep theirs). Returns the number of summaries written.
pub fn apply_analysed(workspace: &mut Workspace, analysed: Vec<AnalysedCreator>) -> usize {
    let replaced: std::collections::HashSet<String> =
        analysed.iter().map(|a| handle_key(&a.handle)).collect();
    workspace
        .comment_summaries
        .retain(|s| !replaced.contains(&handle_key(&s.handle)));
    workspace
        .commenter_patterns
        .retain(|p| !replaced.contains(&handle_key(&p.handle)));
    let mut written = 0;
    for creator in analysed {
        written += creator.summaries.len();
        workspace.comment_summaries.extend(creator.summaries);
        workspace.commenter_patterns.push(creator.patterns);
    }
    written
}
