//! Migrations of stored workspaces, applied in order on the JSON tree before it is typed.

use std::fmt;

use serde_json::Value;

/// Why a stored workspace cannot be brought up to the current format.
#[derive(Debug, Clone, PartialEq)]
pub enum MigrationError {
    /// A format version no Microplan ever wrote.
    NoSuchVersion { version: u32 },
    /// The stored workspace is JSON but not an object.
    NotAnObject,
}

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrationError::NoSuchVersion { version } => {
                write!(f, "format version {version} does not exist")
            }
            MigrationError::NotAnObject => write!(f, "the workspace is not an object"),
        }
    }
}

impl From<MigrationError> for String {
    fn from(error: MigrationError) -> String {
        error.to_string()
    }
}

/// Brings a workspace stored in `version` up to the current format.
pub(super) fn migrate(mut workspace: Value, version: u32) -> Result<Value, MigrationError> {
    if version == 0 {
        return Err(MigrationError::NoSuchVersion { version });
    }
    if version < 2 {
        workspace = split_list_fields(workspace)?;
    }
    // Format 3 only added tables and settings, which default to empty: format 2 reads as is.
    // Format 4 changed only how the browser stores a workspace, not the workspace itself.
    Ok(workspace)
}

/// Format 1 kept tag-like fields as one comma-separated string; format 2 keeps lists, so
/// tags containing commas survive and CSV export can choose its own separator.
fn split_list_fields(mut workspace: Value) -> Result<Value, MigrationError> {
    const LIST_FIELDS: [(&str, &str); 4] = [
        ("creators", "categories"),
        ("creators", "communities"),
        ("posts", "topics"),
        ("communities", "hashtags"),
    ];
    let object = workspace
        .as_object_mut()
        .ok_or(MigrationError::NotAnObject)?;
    for (table, field) in LIST_FIELDS {
        let Some(rows) = object.get_mut(table).and_then(Value::as_array_mut) else {
            continue;
        };
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(Value::String(joined)) = row.get(field) {
                let items: Vec<Value> = joined
                    .split(',')
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(|item| Value::String(item.to_string()))
                    .collect();
                row.insert(field.to_string(), Value::Array(items));
            }
        }
    }
    Ok(workspace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_one_lists_become_arrays_and_empty_items_drop() {
        let old = json!({"creators": [{"categories": "a, b,,c", "communities": ""}]});
        let new = migrate(old, 1).expect("migrates");
        assert_eq!(new["creators"][0]["categories"], json!(["a", "b", "c"]));
        assert_eq!(new["creators"][0]["communities"], json!([]));
    }

    #[test]
    fn current_version_is_left_alone_and_unknown_versions_refused() {
        let current = json!({"creators": [{"categories": ["a, b"]}]});
        assert_eq!(migrate(current.clone(), 2), Ok(current.clone()));
        assert_eq!(migrate(current.clone(), 3), Ok(current.clone()));
        assert_eq!(migrate(current.clone(), 4), Ok(current));
        assert_eq!(
            migrate(json!({}), 0),
            Err(MigrationError::NoSuchVersion { version: 0 })
        );
        assert_eq!(migrate(json!([1]), 1), Err(MigrationError::NotAnObject));
        assert_eq!(
            String::from(MigrationError::NoSuchVersion { version: 0 }),
            "format version 0 does not exist"
        );
        assert_eq!(
            MigrationError::NotAnObject.to_string(),
            "the workspace is not an object"
        );
    }
}
