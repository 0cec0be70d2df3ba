//! The choices the app makes about whole workspaces from what one tab knows: which one to
//! show after listing, what a delete or a save expects, new names, how long autosave waits,
//! and what another tab's write means here. Pure, so they are tested natively; the app
//! only gathers the inputs and acts on the answer.

use super::index::{WorkspaceIndex, WorkspaceMeta};
use super::lifecycle::SeenMeta;
use super::records::StoredRevision;
use crate::tables::{changed_tables, TABLES};
use crate::Workspace;

/// The workspace to show once the list is read again: the open one while it is still
/// listed, else the one last opened (in any tab), else the oldest.
pub fn active_after_listing(
    listed: &[WorkspaceMeta],
    open_id: Option<String>,
    last_active: Option<String>,
) -> Option<String> {
    open_id
        .filter(|id| listed.iter().any(|meta| meta.id == *id))
        .or(last_active)
        .or_else(|| listed.first().map(|meta| meta.id.clone()))
}

/// The revision a delete of `id` must find: for the open workspace, the one this tab last
/// read or wrote; for another, the one the list shows. Unknown counts as absent.
pub fn revision_to_delete(
    index: &WorkspaceIndex,
    id: &str,
    open: Option<(&str, StoredRevision)>,
) -> StoredRevision {
    match open {
        Some((open_id, revision)) if open_id == id => revision,
        _ => index.find(id).map_or(StoredRevision::Absent, |meta| {
            StoredRevision::At(meta.revision)
        }),
    }
}

/// A name the user typed, trimmed; `None` when nothing is left.
pub fn typed_name(input: &str) -> Option<String> {
    let name = input.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The name of a copy of `source_id`: "<name> (copy)", numbered when that is taken.
pub fn copy_name(index: &WorkspaceIndex, source_id: &str) -> String {
    let source = index.find(source_id).map_or("", |meta| meta.name.as_str());
    index.unique_name(&format!("{source} (copy)"))
}

/// The tables a save of `workspace` writes, given what storage holds (all when unknown).
pub fn tables_to_write(workspace: &Workspace, stored: Option<&Workspace>) -> Vec<&'static str> {
    stored.map_or_else(
        || TABLES.to_vec(),
        |stored| changed_tables(workspace, stored),
    )
}

/// Whether autosave takes the long pause: the last write was slow to prepare (`costly`
/// names its tables) and this one touches one of them, or what it touches is unknown.
pub fn autosave_waits_long(costly: &[&str], touched: Option<&[&str]>) -> bool {
    if costly.is_empty() {
        return false;
    }
    match touched {
        Some(touched) => touched.iter().any(|table| costly.contains(table)),
        None => true,
    }
}

/// What another tab's write of the open workspace means for this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherTabWrite {
    /// Storage holds what this tab last saw, or the user is already choosing.
    NothingNew,
    /// This tab has edits of its own: the user chooses which version to keep.
    Conflict { deleted: bool },
    /// Deleted there, nothing to lose here: close it and open the next one.
    Deleted,
    /// Saved there, nothing to lose here: show the stored version.
    Changed,
}

/// Judges the meta storage holds (`stored`) against the one this tab last saw (`ours`),
/// once no write of this tab is under way.
pub fn judge_other_tab_write(
    stored: &SeenMeta,
    ours: &SeenMeta,
    choosing_already: bool,
    unsaved_edits: bool,
) -> OtherTabWrite {
    if stored == ours || choosing_already {
        return OtherTabWrite::NothingNew;
    }
    let deleted = stored.0.is_none();
    match (unsaved_edits, deleted) {
        (true, _) => OtherTabWrite::Conflict { deleted },
        (false, true) => OtherTabWrite::Deleted,
        (false, false) => OtherTabWrite::Changed,
    }
}

#[cfg(test)]
mod tests;
