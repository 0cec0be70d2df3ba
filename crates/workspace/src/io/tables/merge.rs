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

/// Puts rows into a table at once: [`MergePlan`] read whole, then applied.
pub(super) fn apply_rows<T>(
    table: &mut Vec<T>,
    rows: Vec<T>,
    mode: ImportMode,
    key: fn(&T) -> Vec<String>,
    keep: Option<(KeepStored<T>, &[&str])>,
) -> ImportSummary {
    let mut plan = MergePlan::new(mode);
    plan.index_stored(table.iter().map(|row| match_key(&key(row))).collect());
    plan.place_incoming(rows.iter().map(|row| match_key(&key(row))).collect());
    apply_planned(table, rows, plan.finish(), keep)
}

/// Where each imported row goes, worked out from match keys a slice at a time (stored rows
/// first, then the file's), so a large import can let the page paint between slices. It
/// holds for the stored table as it was read: a table written to meanwhile needs a new plan.
#[derive(Debug)]
pub struct MergePlan {
    mode: ImportMode,
    /// The first stored row of each key.
    positions: HashMap<String, usize>,
    stored_rows: usize,
    /// Keys of the stored rows, in order: a replace counts the ones the file lacks.
    stored_keys: Vec<String>,
    /// Keys of the file's rows: a replace removes stored rows not among them.
    incoming: HashSet<String>,
    targets: Vec<usize>,
    summary: ImportSummary,
}

/// A finished plan: for each imported row, the index it takes in the merged table (the
/// stored row it updates, or the next free place).
#[derive(Debug)]
pub struct PlannedMerge {
    mode: ImportMode,
    targets: Vec<usize>,
    pub summary: ImportSummary,
}

impl MergePlan {
    pub fn new(mode: ImportMode) -> MergePlan {
        MergePlan {
            mode,
            positions: HashMap::new(),
            stored_rows: 0,
            stored_keys: Vec::new(),
            incoming: HashSet::new(),
            targets: Vec::new(),
            summary: ImportSummary::default(),
        }
    }

    /// The match keys of the next stored rows, in table order.
    pub fn index_stored(&mut self, keys: Vec<String>) {
        for key in keys {
            if self.mode == ImportMode::Replace {
                self.stored_keys.push(key.clone());
            }
            self.positions.entry(key).or_insert(self.stored_rows);
            self.stored_rows = self.stored_rows.saturating_add(1);
        }
    }

    /// The match keys of the next rows of the file, in file order, after every stored row.
    pub fn place_incoming(&mut self, keys: Vec<String>) {
        for key in keys {
            let found = self.positions.get(&key).copied();
            match (self.mode, found) {
                (ImportMode::Merge, Some(index)) => {
                    self.targets.push(index);
                    self.summary.updated += 1;
                }
                (ImportMode::Merge, None) => {
                    let index = self.stored_rows.saturating_add(self.summary.added);
                    self.positions.insert(key, index);
                    self.targets.push(index);
                    self.summary.added += 1;
                }
                (ImportMode::Replace, found) => {
                    if found.is_some() {
                        self.summary.updated += 1;
                    } else {
                        self.summary.added += 1;
                    }
                    self.incoming.insert(key);
                }
            }
        }
    }

    /// How many stored rows the plan has read.
    pub fn stored_rows(&self) -> usize {
        self.stored_rows
    }

    pub fn finish(mut self) -> PlannedMerge {
        if self.mode == ImportMode::Replace {
            let incoming = &self.incoming;
            self.summary.removed = self
                .stored_keys
                .iter()
                .filter(|key| !incoming.contains(*key))
                .count();
        }
        PlannedMerge {
            mode: self.mode,
            targets: self.targets,
            summary: self.summary,
        }
    }
}

/// Puts `rows` into `table` where `plan` says (a replace takes them as the table).
pub(super) fn apply_planned<T>(
    table: &mut Vec<T>,
    rows: Vec<T>,
    plan: PlannedMerge,
    keep: Option<(KeepStored<T>, &[&str])>,
) -> ImportSummary {
    match plan.mode {
        ImportMode::Replace => *table = rows,
        ImportMode::Merge => {
            table.reserve(plan.summary.added);
            for (mut row, target) in rows.into_iter().zip(plan.targets) {
                match table.get_mut(target) {
                    Some(stored) => {
                        if let Some((keep_stored, file_columns)) = keep {
                            keep_stored(&mut row, stored, file_columns);
                        }
                        *stored = row;
                    }
                    None => table.push(row),
                }
            }
        }
    }
    plan.summary
}
