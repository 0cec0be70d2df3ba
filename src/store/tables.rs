//! A stored workspace as one record per table, so a save writes only the tables that changed.
//!
//! The workspace record becomes a small header: the envelope (app, format version, save
//! time), the workspace's name and the list of its tables. Each table is its own record under
//! `table_key(id, table)`, written in the same transaction as the header and the meta, so the
//! three always agree. Reading joins them back into the envelope a workspace file holds and
//! decodes that, so migrations and validation run exactly as for an imported file. A record
//! from before tables were split (one envelope with the whole workspace) still opens; its
//! first save writes it split.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::envelope::{LoadError, APP_NAME, SCHEMA_VERSION};
use super::records::{meta_key, table_key, workspace_key};
pub use crate::domain::workspace_tables::{changed_tables, encode_table, TABLES};
use crate::domain::workspace::Workspace;

/// The records a save writes: the header, then each table in `tables`.
pub fn split_records(
    id: &str,
    workspace: &Workspace,
    tables: &[&str],
    saved_at: &str,
) -> Vec<(String, String)> {
    let header = serde_json::json!({
        "app": APP_NAME,
        "schema_version": SCHEMA_VERSION,
        "saved_at": saved_at,
        "name": workspace.name,
        "tables": TABLES,
    });
    let mut records = vec![(workspace_key(id), header.to_string())];
    for table in tables {
        // Plain data always serialises; a table that did not is left as stored.
        if let Some(text) = encode_table(workspace, table) {
            records.push((table_key(id, table), text));
        }
    }
    records
}

/// Every key a workspace is stored under, read together in one transaction: the header (or
/// a whole workspace record of an earlier format), the meta, and the tables.
pub fn workspace_record_keys(id: &str) -> Vec<String> {
    let mut keys = vec![workspace_key(id), meta_key(id)];
    keys.extend(TABLES.iter().map(|table| table_key(id, table)));
    keys
}

/// Every table key of a workspace, to delete with it.
pub fn table_keys(id: &str) -> Vec<String> {
    TABLES.iter().map(|table| table_key(id, table)).collect()
}

#[derive(Deserialize)]
struct HeaderIn<'a> {
    app: Option<String>,
    schema_version: Option<u32>,
    #[serde(borrow)]
    saved_at: Option<&'a RawValue>,
    #[serde(borrow)]
    name: Option<&'a RawValue>,
    tables: Option<Vec<String>>,
}

/// A workspace record as read, ready for `decode_workspace`.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    /// The envelope a workspace file holds.
    pub text: String,
    /// Stored as a header and tables; `false` for one record of an earlier format, whose
    /// next save must write every table.
    pub split: bool,
}

/// The workspace record with its tables joined back in. A record of an earlier format (no
/// table list) is returned as it is; `decode_workspace` reports whatever is wrong with it.
pub fn join_tables(record: String, tables: &BTreeMap<&str, String>) -> Result<Joined, LoadError> {
    let whole = |text: String| Ok(Joined { text, split: false });
    let Ok(header) = serde_json::from_str::<HeaderIn>(&record) else {
        return whole(record);
    };
    let Some(listed) = header.tables else {
        return whole(record);
    };
    if header.app.as_deref() != Some(APP_NAME) {
        return Err(LoadError::NotMicroplan);
    }
    let version = header.schema_version.ok_or(LoadError::NotMicroplan)?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerVersion(version));
    }
    let name = header.name.map_or("\"\"", RawValue::get);
    let saved_at = header.saved_at.map_or("null", RawValue::get);
    let mut joined = format!(
        r#"{{"app":"{APP_NAME}","schema_version":{version},"saved_at":{saved_at},"workspace":{{"name":{name}"#
    );
    for table in &listed {
        if !TABLES.contains(&table.as_str()) {
            return Err(LoadError::Damaged(format!("it lists a table “{table}” this app does not know")));
        }
        let text = tables.get(table.as_str()).ok_or_else(|| {
            LoadError::Damaged(format!("its table “{table}” is missing from storage"))
        })?;
        // A table that is not one JSON value would splice into other fields.
        if serde_json::from_str::<&RawValue>(text).is_err() {
            return Err(LoadError::Damaged(format!("its table “{table}” is not valid JSON")));
        }
        joined.push_str(&format!(r#","{table}":{text}"#));
    }
    joined.push_str("}}");
    Ok(Joined { text: joined, split: true })
}

/// Pairs table names with the values read for `workspace_record_keys` (after the header and
/// the meta).
pub fn tables_read<'a>(values: impl IntoIterator<Item = Option<String>>) -> BTreeMap<&'a str, String> {
    TABLES
        .iter()
        .zip(values)
        .filter_map(|(table, value)| value.map(|value| (*table, value)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::store::envelope::decode_workspace;

    fn stored_tables(records: &[(String, String)], id: &str) -> BTreeMap<&'static str, String> {
        TABLES
            .iter()
            .filter_map(|table| {
                let key = table_key(id, table);
                records.iter().find(|(k, _)| *k == key).map(|(_, v)| (*table, v.clone()))
            })
            .collect()
    }

    #[test]
    fn the_demo_split_into_tables_joins_back_exactly() {
        let demo = demo_workspace();
        let records = split_records("w1", &demo, TABLES, "2026-12-05T10:00:00Z");
        assert_eq!(records.len(), TABLES.len() + 1);
        let joined = join_tables(records[0].1.clone(), &stored_tables(&records, "w1")).unwrap();
        assert!(joined.split);
        assert!(decode_workspace(&joined.text) == Ok(demo));
    }

    #[test]
    fn a_missing_or_damaged_table_is_reported_by_name() {
        let demo = demo_workspace();
        let records = split_records("w1", &demo, TABLES, "2026-12-05T10:00:00Z");
        let mut tables = stored_tables(&records, "w1");
        tables.remove("posts");
        let error = join_tables(records[0].1.clone(), &tables).unwrap_err();
        assert_eq!(error, LoadError::Damaged("its table “posts” is missing from storage".into()));
        tables.insert("posts", r#"[1], "creators": []"#.into());
        let error = join_tables(records[0].1.clone(), &tables).unwrap_err();
        assert_eq!(error, LoadError::Damaged("its table “posts” is not valid JSON".into()));
    }

    #[test]
    fn a_header_from_a_newer_app_is_refused_and_an_old_whole_record_passes_through() {
        let newer = r#"{"app":"microplan","schema_version":99,"name":"X","tables":[]}"#;
        assert_eq!(join_tables(newer.into(), &BTreeMap::new()), Err(LoadError::NewerVersion(99)));
        let whole = r#"{"app":"microplan","schema_version":2,"workspace":{"name":"Old"}}"#;
        let joined = join_tables(whole.into(), &BTreeMap::new()).unwrap();
        assert_eq!((joined.text.as_str(), joined.split), (whole, false));
    }
}
