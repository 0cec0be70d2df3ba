//! One table of the open workspace as its own memo: it wakes its readers only when that table
//! was written to (tables are shared pointers, compared by address), not on every edit of the
//! workspace.

use leptos::prelude::*;

use super::state::AppState;
use microplan_model::shared::{Shared, TableIdentity};
use microplan_workspace::tables::table_identity;
use microplan_workspace::Workspace;

fn table_changed<T>(old: Option<&Option<Shared<T>>>, new: Option<&Option<Shared<T>>>) -> bool {
    match (old, new) {
        (Some(Some(old)), Some(Some(new))) => !Shared::same(old, new),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The table `pick` chooses, `None` while no workspace is open.
pub fn table_memo<T: Send + Sync + 'static>(
    state: AppState,
    pick: fn(&Workspace) -> &Shared<T>,
) -> Memo<Option<Shared<T>>> {
    Memo::new_with_compare(
        move |_| {
            state
                .workspace
                .with(|w| w.as_ref().map(|w| pick(w).clone()))
        },
        table_changed::<T>,
    )
}

/// Wakes its readers only when the stored table named `table` was written to; for views
/// that read a table through the workspace (`state.workspace.with_untracked`) after
/// tracking this.
pub fn stored_table_memo(state: AppState, table: &'static str) -> Memo<Option<TableIdentity>> {
    Memo::new_with_compare(
        move |_| {
            state
                .workspace
                .with(|w| w.as_ref().and_then(|w| table_identity(w, table)))
        },
        |old: Option<&Option<TableIdentity>>, new: Option<&Option<TableIdentity>>| match (old, new)
        {
            (Some(Some(old)), Some(Some(new))) => !TableIdentity::same(old, new),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    )
}
