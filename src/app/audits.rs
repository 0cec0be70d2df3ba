//! The creator audit as the pages see it: one app-wide memo of every creator's audit that
//! reruns only when the audit's input tables or settings change, and then measures only the
//! creators whose own inputs changed (see `microplan_audit::reuse`). An edit of any other table
//! (a shortlist tick, a brief, a contract) compares a few pointers and wakes nothing here;
//! switching pages reuses the audit already computed.

use leptos::prelude::*;

use super::audit_inputs::{inputs_changed, AuditInputs};
use super::audit_runner::{AuditProgress, AuditRunner};
use super::state::AppState;
use super::table_memo::table_memo;
use microplan_audit::{AuditSettings, CreatorAudit};
use microplan_workspace::audits::roster::{roster_rows, RosterRow};

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
