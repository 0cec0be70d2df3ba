//! A stored workspace as one record per table, so a save writes only the tables that changed.
//!
//! The workspace record becomes a small header: the envelope (app, format version, save
//! time), the workspace's name and the list of its tables. Each table is its own record under
//! `table_key(id, table)`, written in the same transaction as the header and the meta, so the
//! three always agree. Reading types each table straight from its text; a split record of an
//! older format is joined back into the envelope a workspace file holds and goes through its
//! migrations like an imported file. A record from before tables were split (one envelope
//! with the whole workspace) still opens; its first save writes it split. A damaged or
//! missing table makes the workspace unreadable, and what is offered for download is a
//! workspace file with every table that could still be read.

use std::collections::BTreeMap;
use std::future::Future;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::envelope::{decode_workspace, LoadError, APP_NAME, SCHEMA_VERSION};
use super::prepared::{take_prepared_text, PreparedTable};
use super::records::{meta_key, table_key, workspace_key};
use super::sliced::decode_table_in_slices;
pub use crate::tables::{changed_tables, decode_table, encode_table, TABLES};
use crate::Workspace;

/// The records a save writes: the header, then each table in `tables`.
pub fn split_records(
    id: &str,
    workspace: &Workspace,
    tables: &[&str],
    saved_at: &str,
) -> Vec<(String, String)> {
    split_records_prepared(id, workspace, tables, saved_at, Vec::new())
}

/// [`split_records`], taking the text of tables encoded ahead while they still fit.
pub fn split_records_prepared(
    id: &str,
    workspace: &Workspace,
    tables: &[&str],
    saved_at: &str,
    mut prepared: Vec<PreparedTable>,
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
        if let Some(text) = take_prepared_text(&mut prepared, workspace, table) {
            records.push((table_key(id, table), text));
            continue;
        }
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

/// Why a stored workspace cannot be read, with the text to offer for download: the record
/// with its tables joined, as a workspace file would hold it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub error: LoadError,
    pub raw: String,
}

/// A workspace read from its record and tables, and whether it is stored split (`false` for
/// one record of an earlier format, whose next save must write every table).
pub fn read_stored(
    record: String,
    tables: &BTreeMap<&str, String>,
) -> Result<(Workspace, bool), Unreadable> {
    let whole = |text: String| match decode_workspace(&text) {
        Ok(workspace) => Ok((workspace, false)),
        Err(error) => Err(Unreadable { error, raw: text }),
    };
    let header = match serde_json::from_str::<HeaderIn>(&record) {
        Ok(header) if header.tables.is_some() => header,
        _ => return whole(record),
    };
    let current = header.schema_version == Some(SCHEMA_VERSION);
    if current {
        if let Some(workspace) = decode_sound(&header, tables) {
            return Ok((workspace, true));
        }
    }
    // An older format, or a problem to report: the tables joined as a workspace file.
    let (joined, lost) = join_tables(&header, tables).map_err(|error| Unreadable {
        error,
        raw: record.clone(),
    })?;
    if let Some(error) = lost {
        // The download is a workspace file with every table that is still readable.
        return Err(Unreadable { error, raw: joined });
    }
    if !current {
        // An older split format goes through its migrations like a workspace file.
        return match decode_workspace(&joined) {
            Ok(workspace) => Ok((workspace, true)),
            Err(error) => Err(Unreadable { error, raw: joined }),
        };
    }
    // The current format is typed table by table, straight from the stored text.
    let mut workspace = Workspace {
        name: header
            .name
            .and_then(|name| serde_json::from_str(name.get()).ok())
            .unwrap_or_default(),
        ..Workspace::default()
    };
    for table in header.tables.iter().flatten() {
        let text = tables.get(table.as_str()).map_or("", String::as_str);
        if let Some(Err(error)) = decode_table(&mut workspace, table, text) {
            let error = LoadError::Damaged(format!("its table “{table}” is damaged: {error}"));
            return Err(Unreadable { error, raw: joined });
        }
    }
    Ok((workspace, true))
}

/// [`read_stored`], typing large tables a slice at a time with `pause` awaited between slices
/// (see `sliced`); the result is the same.
pub async fn read_stored_in_slices<P, F>(
    record: String,
    tables: &BTreeMap<&str, String>,
    pause: P,
) -> Result<(Workspace, bool), Unreadable>
where
    P: Fn() -> F,
    F: Future<Output = ()>,
{
    if let Ok(header) = serde_json::from_str::<HeaderIn>(&record) {
        let current = header.tables.is_some() && header.schema_version == Some(SCHEMA_VERSION);
        if current {
            if let Some(workspace) = decode_sound_in_slices(&header, tables, &pause).await {
                return Ok((workspace, true));
            }
        }
    }
    // Older formats and damaged tables take the path that says what is wrong.
    read_stored(record, tables)
}

/// [`decode_sound`] a slice at a time.
async fn decode_sound_in_slices<P, F>(
    header: &HeaderIn<'_>,
    tables: &BTreeMap<&str, String>,
    pause: &P,
) -> Option<Workspace>
where
    P: Fn() -> F,
    F: Future<Output = ()>,
{
    let mut workspace = empty_named(header)?;
    for table in header.tables.iter().flatten() {
        let text = tables.get(table.as_str())?;
        decode_table_in_slices(&mut workspace, table, text, pause)
            .await?
            .ok()?;
    }
    Some(workspace)
}

/// The empty workspace a sound header of the current format names; `None` for another app's
/// header or a name that is not text.
fn empty_named(header: &HeaderIn) -> Option<Workspace> {
    if header.app.as_deref() != Some(APP_NAME) {
        return None;
    }
    Some(Workspace {
        name: match header.name {
            Some(name) => serde_json::from_str(name.get()).ok()?,
            None => String::new(),
        },
        ..Workspace::default()
    })
}

/// A workspace of the current format typed straight from its tables, when every table is
/// known, present and sound; `None` sends it through the checks that say what is wrong.
/// Reading a large workspace this way skips a copy and a scan of every table's text.
fn decode_sound(header: &HeaderIn, tables: &BTreeMap<&str, String>) -> Option<Workspace> {
    let mut workspace = empty_named(header)?;
    for table in header.tables.iter().flatten() {
        let text = tables.get(table.as_str())?;
        decode_table(&mut workspace, table, text)?.ok()?;
    }
    Some(workspace)
}

/// The header with its tables joined back in: the envelope a workspace file holds. A table
/// that is missing or not JSON is left out of it and reported as the second value.
fn join_tables(
    header: &HeaderIn,
    tables: &BTreeMap<&str, String>,
) -> Result<(String, Option<LoadError>), LoadError> {
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
    let mut lost = None;
    for table in header.tables.iter().flatten() {
        let damaged = |why: &str| Some(LoadError::Damaged(format!("its table “{table}” {why}")));
        match tables.get(table.as_str()) {
            _ if !TABLES.contains(&table.as_str()) => {
                lost = lost.or(damaged("is not one this version of Microplan knows"));
            }
            None => lost = lost.or(damaged("is missing from storage")),
            // A table that is not one JSON value would splice into other fields.
            Some(text) if serde_json::from_str::<&RawValue>(text).is_err() => {
                lost = lost.or(damaged("is not valid JSON"));
            }
            Some(text) => joined.push_str(&format!(r#","{table}":{text}"#)),
        }
    }
    joined.push_str("}}");
    Ok((joined, lost))
}

/// Pairs table names with the values read for `workspace_record_keys` (after the header and
/// the meta).
pub fn tables_read<'a>(
    values: impl IntoIterator<Item = Option<String>>,
) -> BTreeMap<&'a str, String> {
    TABLES
        .iter()
        .zip(values)
        .filter_map(|(table, value)| value.map(|value| (*table, value)))
        .collect()
}
