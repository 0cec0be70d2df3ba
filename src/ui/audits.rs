//! The creator audit as the pages see it: settings and audits as memos that rerun only when
//! the audit's inputs or settings change, and then measure only the creators whose own inputs
//! changed (the measurements are kept in [`AppState`] across pages).

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::audit::fingerprint::audit_inputs_fingerprint;
use crate::domain::audit::reuse::audit_workspace_reusing;
use crate::domain::audit::{AuditSettings, CreatorAudit};

/// The open workspace's audit settings (the defaults until the user changes one).
pub fn audit_settings(state: AppState) -> Memo<AuditSettings> {
    Memo::new(move |_| state.workspace.with(|w| w.as_ref().and_then(|w| (*w.audit_settings).clone()).unwrap_or_default()))
}

/// Every creator's audit, best score first. Status, shortlist, checklist and notes do not
/// change the audit, so editing them does not rerun it.
pub fn workspace_audits(state: AppState, settings: Memo<AuditSettings>) -> Memo<Vec<CreatorAudit>> {
    let inputs = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(audit_inputs_fingerprint)));
    Memo::new(move |_| {
        inputs.track();
        let settings = settings.get();
        state.workspace.with_untracked(|w| {
            let Some(workspace) = w.as_ref() else { return Vec::new() };
            state
                .measured
                .try_update_value(|kept| audit_workspace_reusing(workspace, &settings, kept).0)
                .unwrap_or_default()
        })
    })
}
