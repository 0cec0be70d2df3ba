//! The creator audit as the pages see it: one app-wide memo of every creator's audit that
//! reruns only when the audit's input tables or settings change, and then measures only the
//! creators whose own inputs changed (see `microplan_audit::reuse`). An edit of any other table
//! (a shortlist tick, a brief, a contract) compares a few pointers and wakes nothing here;
//! switching pages reuses the audit already computed.

use leptos::prelude::*;

use super::audit_runner::{AuditProgress, AuditRunner};
use super::state::AppState;
use super::table_memo::table_memo;
use microplan_audit::comment_import::StoredCommenterPatterns;
use microplan_audit::fingerprint::creators_fingerprint;
use microplan_audit::follower_sample::FollowerSample;
use microplan_audit::{AuditSettings, AuditTables, CreatorAudit};
use microplan_model::rows::{CommentSummary, Creator, FollowerPoint, Post};
use microplan_model::shared::Shared;
use microplan_workspace::audits::roster::{roster_rows, RosterRow};
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
    fn read(workspace: &Workspace, previous: Option<&AuditInputs>) -> Self {
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

fn inputs_changed(old: Option<&Option<AuditInputs>>, new: Option<&Option<AuditInputs>>) -> bool {
    match (old, new) {
        (Some(Some(old)), Some(Some(new))) => !old.same(new),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The audit memos every page shares, created once for the app.
#[derive(Clone, Copy)]
pub struct Audits {
    /// The open workspace's audit settings (the defaults until the user changes one).
    pub settings: Memo<AuditSettings>,
    /// Every creator's audit, best score first. While a large audit runs in the background
    /// this holds the previous one, complete, and `progress` says how far the new one is.
    pub audits: Memo<Vec<CreatorAudit>>,
    pub progress: RwSignal<Option<AuditProgress>>,
    /// The Creators table's rows: the audits with each creator's status and review.
    pub roster: Memo<Vec<RosterRow>>,
}

impl Audits {
    pub fn new(state: AppState) -> Self {
        let stored_settings = table_memo(state, |w| &w.audit_settings);
        let settings = Memo::new(move |_| {
            stored_settings.with(|stored| {
                stored
                    .as_ref()
                    .and_then(|s| (**s).clone())
                    .unwrap_or_default()
            })
        });
        let inputs = Memo::new_with_compare(
            move |previous: Option<&Option<AuditInputs>>| {
                let previous = previous.and_then(Option::as_ref);
                state
                    .workspace
                    .with(|w| w.as_ref().map(|w| AuditInputs::read(w, previous)))
            },
            inputs_changed,
        );
        let runner = AuditRunner::new(state);
        let audits = Memo::new(move |previous: Option<&Vec<CreatorAudit>>| {
            let inputs = inputs.get();
            runner.audit(inputs, settings.get(), previous)
        });
        // The rows read the audits, the creators and their reviews, and nothing else.
        let creators = table_memo(state, |w| &w.creators);
        let reviews = table_memo(state, |w| &w.creator_reviews);
        let roster = Memo::new(move |_| {
            creators.track();
            reviews.track();
            audits.with(|audits| {
                state.workspace.with_untracked(|w| {
                    w.as_ref()
                        .map(|w| roster_rows(audits, w))
                        .unwrap_or_default()
                })
            })
        });
        Audits {
            settings,
            audits,
            progress: runner.progress,
            roster,
        }
    }
}

pub fn shared_audits() -> Audits {
    expect_context::<Audits>()
}
