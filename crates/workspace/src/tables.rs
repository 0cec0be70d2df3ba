//! The workspace's tables by name: each is stored as its own record (see `store::tables`) and
//! checked on its own before a save (see `validate`), so an edit costs what it changed.

use crate::Workspace;
use microplan_model::shared::{Shared, TableIdentity};

/// Lists every table of the workspace once: its stored name, how it is encoded, and whether
/// it is still the very table of a stored copy.
macro_rules! workspace_tables {
    ($($table:ident),* $(,)?) => {
        /// The stored tables, in the order their records are read.
        pub const TABLES: &[&str] = &[$(stringify!($table)),*];

        pub fn encode_table(workspace: &Workspace, table: &str) -> Option<String> {
            match table {
                $(stringify!($table) => serde_json::to_string(&workspace.$table).ok(),)*
                _ => None,
            }
        }

        /// Reads one stored table into `workspace`; `None` for a name that is not a table.
        pub fn decode_table(
            workspace: &mut Workspace,
            table: &str,
            text: &str,
        ) -> Option<serde_json::Result<()>> {
            match table {
                $(stringify!($table) => {
                    Some(serde_json::from_str(text).map(|value| workspace.$table = value))
                })*
                _ => None,
            }
        }

        /// One table as the JSON text a save writes for it, or why it cannot be written;
        /// `None` for a name that is not a table. The checks in `validate` read this text
        /// rather than a tree built from the typed table, so the page carries one serializer
        /// per table type (about 24 KB gzip less wasm).
        pub fn encode_table_checked(
            workspace: &Workspace,
            table: &str,
        ) -> Option<serde_json::Result<String>> {
            match table {
                $(stringify!($table) => Some(serde_json::to_string(&workspace.$table)),)*
                _ => None,
            }
        }

        /// The identity of one table, to tell whether it was written to since.
        pub fn table_identity(workspace: &Workspace, table: &str) -> Option<TableIdentity> {
            match table {
                $(stringify!($table) => Some(workspace.$table.identity()),)*
                _ => None,
            }
        }

        /// Tables of `current` that are not the very tables of `stored` (compared by
        /// pointer: a table nobody wrote to since `stored` was cloned keeps its pointer).
        pub fn changed_tables(current: &Workspace, stored: &Workspace) -> Vec<&'static str> {
            let mut changed = Vec::new();
            $(if !Shared::same(&current.$table, &stored.$table) {
                changed.push(stringify!($table));
            })*
            changed
        }
    };
}

workspace_tables!(
    creators,
    posts,
    follower_history,
    comment_summaries,
    communities,
    results,
    test_arms,
    test_days,
    geo_tests,
    test_plans,
    activation_plans,
    gifting_history,
    flag_annotations,
    creator_reviews,
    audit_settings,
    commenter_patterns,
    follower_samples,
    programme,
    contracts,
    attribution,
    emv_settings,
    sentiment,
    results_plan,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_workspace_is_a_table_or_its_name() {
        let fields = serde_json::to_value(Workspace::default()).unwrap();
        let mut fields: Vec<&str> = fields
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort_unstable();
        let mut named: Vec<&str> = TABLES.iter().copied().chain(["name"]).collect();
        named.sort_unstable();
        assert_eq!(
            fields, named,
            "a new workspace field must be added to workspace_tables!"
        );
    }
}
