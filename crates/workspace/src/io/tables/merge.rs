//! Putting rows into a stored table: replacing it, or merging by row key.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// The table becomes the imported rows.
    Replace,
    /// Rows whose key matches are updated, new ones appended, others kept.
    Merge,
}

/// What an import changed, counted by row key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

/// Keys compare without case: handles and names are case-insensitive on every platform.
pub fn match_key(parts: &[String]) -> String {
    parts
        .iter()
        .map(|part| part.to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1F}")
}

/// Copies into the new row the stored values of columns the file did not have.
pub(super) type KeepStored<T> = fn(&mut T, &T, &[&str]);

pub(super) fn apply_rows<T>(
    table: &mut Vec<T>,
    rows: Vec<T>,
    mode: ImportMode,
    key: fn(&T) -> Vec<String>,
    keep: Option<(KeepStored<T>, &[&str])>,
) -> ImportSummary {
    let mut positions: HashMap<String, usize> = HashMap::new();
    for (index, row) in table.iter().enumerate() {
        positions.entry(match_key(&key(row))).or_insert(index);
    }
    let mut summary = ImportSummary::default();
    match mode {
        ImportMode::Replace => {
            let mut incoming: HashSet<String> = HashSet::new();
            for row in &rows {
                let row_key = match_key(&key(row));
                if positions.contains_key(&row_key) {
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                incoming.insert(row_key);
            }
            summary.removed = table
                .iter()
                .filter(|row| !incoming.contains(&match_key(&key(row))))
                .count();
            *table = rows;
        }
        ImportMode::Merge => {
            for mut row in rows {
                let row_key = match_key(&key(&row));
                match positions
                    .get(&row_key)
                    .and_then(|index| table.get_mut(*index))
                {
                    Some(stored) => {
                        if let Some((keep_stored, file_columns)) = keep {
                            keep_stored(&mut row, stored, file_columns);
                        }
                        *stored = row;
                        summary.updated += 1;
                    }
                    None => {
                        positions.insert(row_key, table.len());
                        table.push(row);
                        summary.added += 1;
                    }
                }
            }
        }
    }
    summary
}
