//! Puts validated rows into a workspace table, replacing it or merging by row key.

use crate::Workspace;

use super::typed_rows::TypedRows;
use super::validate::ImportPreview;

pub use super::tables::{ImportMode, ImportSummary, MergePlan, PlannedMerge};

/// Imports rows. In a merge, a matching row is replaced whole; see
/// [`apply_preview`] to keep stored values of columns the file did not have.
pub fn apply_import(workspace: &mut Workspace, rows: TypedRows, mode: ImportMode) -> ImportSummary {
    rows.apply_to(workspace, mode, None)
}

/// Imports a preview's valid rows. In a merge, columns the file did not provide keep their
/// stored values (a follower update does not wipe fees or pipeline status).
pub fn apply_preview(
    workspace: &mut Workspace,
    preview: ImportPreview,
    mode: ImportMode,
) -> ImportSummary {
    let columns = preview.mapped_columns;
    preview.valid.apply_to(workspace, mode, Some(&columns))
}

/// [`apply_preview`] where `plan` says: a plan of the preview's valid rows, made against the
/// table as `workspace` holds it now.
pub fn apply_preview_planned(
    workspace: &mut Workspace,
    preview: ImportPreview,
    plan: PlannedMerge,
) -> ImportSummary {
    let columns = preview.mapped_columns;
    preview.valid.apply_planned(workspace, plan, Some(&columns))
}
