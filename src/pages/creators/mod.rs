//! Creators: the audit of every creator as a sortable, filterable table, a detail view with
//! charts, flags and the verification checklist, editable audit settings, comment import and
//! the method. The audit reruns only when its inputs or settings change (see `app::audits`).

mod comments;
mod detail;
mod followers;
mod method;
mod settings;
mod table;

use leptos::prelude::*;

use crate::app::audit_runner::AuditProgress;
use crate::app::audits::{shared_audits, Audits};
use crate::app::persistence::update_workspace;
use crate::app::sections::{Section, UrlSelection};
use crate::app::state::AppState;
use crate::widgets::table_view::TableView;
use comments::CommentImport;
use detail::CreatorDetail;
use method::MethodPage;
use microplan_audit::{AuditSettings, CreatorAudit};
use microplan_model::money::group_thousands;
use microplan_workspace::audits::roster::RosterRow;
use microplan_workspace::io::table::TableKind;
use settings::AuditSettingsCard;
use table::CreatorTable;

/// The audit and its table, shared by the parts of the page.
#[derive(Clone, Copy)]
pub struct CreatorsContext {
    pub settings: Memo<AuditSettings>,
    pub audits: Memo<Vec<CreatorAudit>>,
    pub rows: Memo<Vec<RosterRow>>,
    /// Handle of the creator whose detail is open.
    pub selected: RwSignal<Option<String>>,
}

/// Changes the workspace's audit settings (starting from the defaults) and saves.
pub fn edit_settings(state: AppState, change: impl FnOnce(&mut AuditSettings)) {
    update_workspace(state, move |w| {
        let mut settings = (*w.audit_settings).clone().unwrap_or_default();
        change(&mut settings);
        w.audit_settings = Some(settings).into();
    });
}

#[component]
pub fn CreatorsPage() -> impl IntoView {
    let Audits {
        settings,
        audits,
        roster: rows,
        progress,
    } = shared_audits();
    let context = CreatorsContext {
        settings,
        audits,
        rows,
        selected: UrlSelection::new(Section::Creators).selected,
    };
    provide_context(context);
    view! {
        <h1 id="section-heading" tabindex="-1">"Creators"</h1>
        <p class="lead">
            "A reproducible audit of every creator from your own data: engagement with its \
             uncertainty, comment quality, follower anomalies with evidence, and a ranked \
             shortlist. Every score shows its parts; every flag shows why."
        </p>
        <settings::AuditPresetNotice />
        <ScoringProgress progress=progress />
        <CreatorTable />
        {move || context.selected.get().map(|handle| view! { <CreatorDetail handle=handle /> })}
        <AuditSettingsCard />
        <CommentImport />
        <MethodPage />
        <followers::FollowerSampleImport />
        <TableView kind=TableKind::Creators />
        <TableView kind=TableKind::Posts />
        <TableView kind=TableKind::FollowerHistory />
        <TableView kind=TableKind::CommentSummaries />
    }
}

/// How far a large audit running in the background is; the table keeps the last complete
/// scores until it ends, so no ranking is shown half-updated.
#[component]
fn ScoringProgress(progress: RwSignal<Option<AuditProgress>>) -> impl IntoView {
    move || {
        progress.get().map(|AuditProgress { scored, creators }| {
            let count = |n: usize| group_thousands(u64::try_from(n).unwrap_or(u64::MAX));
            view! {
                <p class="audit-progress" role="status" data-testid="audit-progress">
                    {format!(
                        "Scoring creators… {} of {}. The table shows the last complete scores \
                         until every creator is scored.",
                        count(scored),
                        count(creators),
                    )}
                </p>
            }
        })
    }
}
