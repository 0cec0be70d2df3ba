//! Committing an import. A large one works out where each row goes a slice at a time (match
//! keys of the stored rows, then of the file's), letting the page paint between slices, then
//! moves every row in at once: the workspace never holds half an import, and undo and the
//! autosave see one change.

use leptos::prelude::*;

use super::grouped;
use crate::app::open_record::open_id;
use crate::app::state::AppState;
use crate::app::storage_backend::yield_to_page;
use microplan_model::shared::TableIdentity;
use microplan_workspace::io::apply::{
    apply_preview, apply_preview_planned, ImportMode, ImportSummary, MergePlan, PlannedMerge,
};
use microplan_workspace::io::validate::ImportPreview;
use microplan_workspace::tables::table_identity;

/// Rows whose keys are worked out between two repaints.
const ROWS_PER_STEP: usize = 10_000;
/// Imports with more rows (stored and incoming) are planned a slice at a time: merging
/// 5,000 creators at once, with the first audit slice and the table's render in the same
/// task, held the page for 80-99 ms.
const PLAN_IN_SLICES_FROM: usize = 2_000;

/// Commits `preview` into the open workspace (undoably when `undo_text` is given) and tells
/// what it changed.
pub(super) async fn commit_import(
    state: AppState,
    preview: ImportPreview,
    mode: ImportMode,
    undo_text: Option<String>,
) {
    let label = preview.kind.label();
    let spec = preview.kind.spec();
    let opened = open_id();
    let stored = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| (spec.row_count)(w)))
        .unwrap_or(0);
    let planned = if stored.saturating_add(preview.valid_count()) > PLAN_IN_SLICES_FROM {
        plan_in_slices(state, &preview, mode).await
    } else {
        None
    };
    if open_id() != opened {
        state.notify_error(format!(
            "{label} were not imported: another workspace was opened meanwhile. Import the \
             file again."
        ));
        return;
    }
    let mut summary: Option<ImportSummary> = None;
    crate::app::undo::update_undoably(state, undo_text, |workspace| {
        summary = Some(match planned {
            Some(plan) => apply_preview_planned(workspace, preview, plan),
            // Small, or the table changed while the plan was made: merged at once.
            None => apply_preview(workspace, preview, mode),
        });
    });
    if let Some(summary) = summary {
        state.notify(format!(
            "Imported {label}: {} added, {} updated, {} removed.",
            grouped(summary.added),
            grouped(summary.updated),
            grouped(summary.removed)
        ));
    }
}

/// A plan of `preview` against the open workspace's table, or `None` when that table was
/// written to while it was made (the caller checks that the same workspace is still open).
async fn plan_in_slices(
    state: AppState,
    preview: &ImportPreview,
    mode: ImportMode,
) -> Option<PlannedMerge> {
    let spec = preview.kind.spec();
    // The table as it is now (cheap: tables are shared); holding it marks any write to it.
    let snapshot = state.workspace.with_untracked(Clone::clone)?;
    let identity = table_identity(&snapshot, spec.stored_table)?;
    let stored = (spec.row_count)(&snapshot);
    let incoming = preview.valid_count();
    let total = stored.saturating_add(incoming).max(1);
    let progress = format!("Importing {} rows…", grouped(incoming));
    let mut plan = MergePlan::new(mode);
    while plan.stored_rows() < stored {
        let start = plan.stored_rows();
        plan.index_stored((spec.match_keys)(
            &snapshot,
            start..start.saturating_add(ROWS_PER_STEP),
        ));
        state
            .busy
            .set(Some((progress.clone(), start as f64 / total as f64)));
        yield_to_page().await;
    }
    drop(snapshot);
    let mut placed = 0;
    while placed < incoming {
        let end = placed.saturating_add(ROWS_PER_STEP).min(incoming);
        plan.place_incoming(preview.valid.match_keys(placed..end));
        placed = end;
        state.busy.set(Some((
            progress.clone(),
            stored.saturating_add(placed) as f64 / total as f64,
        )));
        yield_to_page().await;
    }
    let planned = plan.finish();
    // The plan's key index is freed before the rows go in, in a task of its own.
    yield_to_page().await;
    state.busy.set(None);
    let unchanged = state.workspace.with_untracked(|w| {
        w.as_ref()
            .and_then(|w| table_identity(w, spec.stored_table))
            .is_some_and(|now| TableIdentity::same(&now, &identity))
    });
    // Released before the rows go in, so the table is not copied for a holder that is gone.
    drop(identity);
    unchanged.then_some(planned)
}

/// Drops `rows` a slice at a time with a pause between slices: freeing 150,000 rows of cells
/// at once holds the page for tens of milliseconds.
pub(super) async fn free_in_slices<T>(mut rows: Vec<T>) {
    while !rows.is_empty() {
        rows.truncate(rows.len().saturating_sub(ROWS_PER_STEP));
        yield_to_page().await;
    }
}
