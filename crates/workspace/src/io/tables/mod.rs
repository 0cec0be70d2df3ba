//! Every table a workspace imports and exports, one file each, all through [`ImportTable`].
//!
//! A table file says what its columns are, how one file row becomes a domain row, the cells
//! of a row for export, the key that makes two rows the same row, which stored values a merge
//! keeps, and where its rows live in the [`Workspace`]. The registry at the bottom lists
//! every table once; [`TableKind`] and [`TypedRows`] are generated from it, and the import
//! and export machinery reaches a table only through the trait. A new table is one file here
//! and one line in the registry.

use std::ops::Range;

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnSpec;
use microplan_csv::row_reader::RowReader;

use merge::{apply_planned, apply_rows, KeepStored};
pub use merge::{match_key, ImportMode, ImportSummary, MergePlan, PlannedMerge};

/// Copies `$field` from `$old` when its column is not among `$file_columns`.
macro_rules! keep_fields {
    ($new:ident, $old:ident, $file_columns:ident; $($column:literal => $field:ident),* $(,)?) => {
        $(if !$file_columns.contains(&$column) {
            $new.$field = $old.$field.clone();
        })*
    };
}

mod common;
pub mod merge;

pub mod activation_plans;
pub mod comment_summaries;
pub mod communities;
pub mod creator_codes;
pub mod creators;
pub mod follower_history;
pub mod gifting_history;
pub mod link_clicks;
pub mod posts;
pub mod results;
pub mod shop_orders;
pub mod store_codes;
pub mod survey_answers;
pub mod test_arms;
pub mod test_days;
pub mod tracking_links;

/// What one importable table supplies. Everything else (reading, mapping, validation,
/// merging, export) is generic over it.
pub trait ImportTable {
    /// The domain row one file row becomes.
    type Row;
    const KIND: TableKind;
    const LABEL: &'static str;
    /// Used for export file names: `creators.csv`.
    const FILE_STEM: &'static str;
    /// What one row is, in one sentence for the import screen.
    const DESCRIBE: &'static str;
    /// The stored table (see `crate::tables`) that holds this table's rows.
    const STORED_TABLE: &'static str;
    const COLUMNS: &'static [ColumnSpec];
    /// The columns that identify a row; rows with equal keys are the same row.
    const KEY_COLUMNS: &'static [&'static str];

    /// One row from the reader; `None` when a required value is missing. Every field is read
    /// before any is checked, so a row reports all of its problems at once.
    fn parse(reader: &mut RowReader) -> Option<Self::Row>;
    /// One cell per column, in the order of `COLUMNS`, as the import reads them back.
    fn cells(row: &Self::Row) -> Vec<String>;
    /// Values of the key columns, as written.
    fn key(row: &Self::Row) -> Vec<String>;
    /// In a merge, copies into `new` the stored values of columns the file did not have.
    /// Tables whose every column is a key or required keep nothing.
    fn keep_stored(_new: &mut Self::Row, _old: &Self::Row, _file_columns: &[&str]) {}
    /// Sets a date that was read provisionally, once the column's day/month order is known.
    fn set_date(_row: &mut Self::Row, _key: &str, _date: NaiveDate) {}
    fn rows(workspace: &Workspace) -> &[Self::Row];
    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<Self::Row>;
}

/// The facts of one table that need no row type, for code that holds only a [`TableKind`].
#[derive(Clone, Copy)]
pub struct TableSpec {
    pub label: &'static str,
    pub file_stem: &'static str,
    pub describe: &'static str,
    pub stored_table: &'static str,
    pub columns: &'static [ColumnSpec],
    pub key_columns: &'static [&'static str],
    pub row_count: fn(&Workspace) -> usize,
    /// Display cells of a range of stored rows; the range is clamped to the table.
    pub cells: fn(&Workspace, Range<usize>) -> Vec<Vec<String>>,
    /// Match keys (see [`match_key`]) of a range of stored rows, clamped to the table.
    pub match_keys: fn(&Workspace, Range<usize>) -> Vec<String>,
}

impl TableSpec {
    fn of<T: ImportTable>() -> TableSpec {
        TableSpec {
            label: T::LABEL,
            file_stem: T::FILE_STEM,
            describe: T::DESCRIBE,
            stored_table: T::STORED_TABLE,
            columns: T::COLUMNS,
            key_columns: T::KEY_COLUMNS,
            row_count: |workspace| T::rows(workspace).len(),
            cells: |workspace, range| cells_in::<T>(T::rows(workspace), range),
            match_keys: |workspace, range| match_keys_in::<T>(T::rows(workspace), range),
        }
    }
}

/// The rows of `range`, clamped to `rows`.
fn clamped<R>(rows: &[R], range: Range<usize>) -> &[R] {
    let end = range.end.min(rows.len());
    let start = range.start.min(end);
    rows.get(start..end).unwrap_or(&[])
}

fn cells_in<T: ImportTable>(rows: &[T::Row], range: Range<usize>) -> Vec<Vec<String>> {
    clamped(rows, range).iter().map(T::cells).collect()
}

fn match_keys_in<T: ImportTable>(rows: &[T::Row], range: Range<usize>) -> Vec<String> {
    clamped(rows, range)
        .iter()
        .map(|row| match_key(&T::key(row)))
        .collect()
}

fn apply_planned_to<T: ImportTable>(
    workspace: &mut Workspace,
    rows: Vec<T::Row>,
    plan: PlannedMerge,
    file_columns: Option<&[&str]>,
) -> ImportSummary {
    let keep = file_columns.map(|columns| (T::keep_stored as KeepStored<T::Row>, columns));
    apply_planned(T::rows_mut(workspace), rows, plan, keep)
}

fn push_clean<T: ImportTable>(list: &mut Vec<T::Row>, reader: &mut RowReader) -> bool {
    match T::parse(reader) {
        Some(row) if !reader.has_problems() => {
            list.push(row);
            true
        }
        _ => false,
    }
}

fn set_date_at<T: ImportTable>(list: &mut [T::Row], index: usize, key: &str, date: NaiveDate) {
    if let Some(row) = list.get_mut(index) {
        T::set_date(row, key, date);
    }
}

fn apply_to<T: ImportTable>(
    workspace: &mut Workspace,
    rows: Vec<T::Row>,
    mode: ImportMode,
    file_columns: Option<&[&str]>,
) -> ImportSummary {
    let keep = file_columns.map(|columns| (T::keep_stored as KeepStored<T::Row>, columns));
    apply_rows(T::rows_mut(workspace), rows, mode, T::key, keep)
}

fn retain_flagged<T>(rows: &mut Vec<T>, keep: &[bool]) {
    let mut index = 0;
    rows.retain(|_| {
        let kept = keep.get(index).copied().unwrap_or(true);
        index += 1;
        kept
    });
}

/// Builds [`TableKind`] and [`TypedRows`] from the list of tables, one dispatch each.
macro_rules! registry {
    ($($kind:ident => $table:ty,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum TableKind {
            $($kind,)*
        }

        const TABLE_COUNT: usize = [$(stringify!($kind),)*].len();

        impl TableKind {
            pub const ALL: [TableKind; TABLE_COUNT] = [$(TableKind::$kind,)*];

            /// Everything about this table that does not depend on its row type.
            pub fn spec(self) -> TableSpec {
                match self {
                    $(TableKind::$kind => TableSpec::of::<$table>(),)*
                }
            }
        }

        /// Rows ready to go into a workspace table.
        #[derive(Debug, Clone, PartialEq)]
        pub enum TypedRows {
            $($kind(Vec<<$table as ImportTable>::Row>),)*
        }

        impl TypedRows {
            pub fn empty(kind: TableKind) -> TypedRows {
                match kind {
                    $(TableKind::$kind => TypedRows::$kind(Vec::new()),)*
                }
            }

            pub fn kind(&self) -> TableKind {
                match self {
                    $(TypedRows::$kind(_) => TableKind::$kind,)*
                }
            }

            pub fn len(&self) -> usize {
                match self {
                    $(TypedRows::$kind(rows) => rows.len(),)*
                }
            }

            /// Key values of every row, as written (see [`TableKind::key_columns`]).
            pub fn keys(&self) -> Vec<Vec<String>> {
                match self {
                    $(TypedRows::$kind(rows) => rows.iter().map(<$table>::key).collect(),)*
                }
            }

            /// Match keys of a range of the rows, clamped to them.
            pub fn match_keys(&self, range: Range<usize>) -> Vec<String> {
                match self {
                    $(TypedRows::$kind(rows) => match_keys_in::<$table>(rows, range),)*
                }
            }

            /// Keeps the rows whose flag is `true` (rows without a flag are kept).
            pub fn retain_flagged(&mut self, keep: &[bool]) {
                match self {
                    $(TypedRows::$kind(rows) => retain_flagged(rows, keep),)*
                }
            }

            /// Reads the row into its table; `false` when it has problems or lacks a required
            /// value.
            pub fn push_row(&mut self, reader: &mut RowReader) -> bool {
                match self {
                    $(TypedRows::$kind(rows) => push_clean::<$table>(rows, reader),)*
                }
            }

            /// Sets a date that was read provisionally, once the column's day/month order is
            /// known.
            pub fn set_date(&mut self, index: usize, key: &str, date: NaiveDate) {
                match self {
                    $(TypedRows::$kind(rows) => set_date_at::<$table>(rows, index, key, date),)*
                }
            }

            /// Display cells of one row (empty when out of range).
            pub fn row_cells(&self, index: usize) -> Vec<String> {
                let range = index..index.saturating_add(1);
                let mut found = match self {
                    $(TypedRows::$kind(rows) => cells_in::<$table>(rows, range),)*
                };
                found.pop().unwrap_or_default()
            }

            /// Puts the rows into their workspace table; with `file_columns`, a merge keeps
            /// stored values of the columns the file did not have.
            pub fn apply_to(
                self,
                workspace: &mut Workspace,
                mode: ImportMode,
                file_columns: Option<&[&str]>,
            ) -> ImportSummary {
                match self {
                    $(TypedRows::$kind(rows) => apply_to::<$table>(workspace, rows, mode, file_columns),)*
                }
            }

            /// [`TypedRows::apply_to`] where a [`MergePlan`] of these rows, made against the
            /// table as the workspace holds it now, says.
            pub fn apply_planned(
                self,
                workspace: &mut Workspace,
                plan: PlannedMerge,
                file_columns: Option<&[&str]>,
            ) -> ImportSummary {
                match self {
                    $(TypedRows::$kind(rows) => apply_planned_to::<$table>(workspace, rows, plan, file_columns),)*
                }
            }
        }

        #[cfg(test)]
        mod registry_tests {
            use super::*;

            #[test]
            fn every_table_sits_under_its_own_kind() {
                $(assert_eq!(<$table as ImportTable>::KIND, TableKind::$kind);)*
            }
        }
    };
}

registry! {
    Creators => creators::Creators,
    Posts => posts::Posts,
    FollowerHistory => follower_history::FollowerHistory,
    CommentSummaries => comment_summaries::CommentSummaries,
    Communities => communities::Communities,
    Results => results::Results,
    TestArms => test_arms::TestArms,
    TestDays => test_days::TestDays,
    ActivationPlans => activation_plans::ActivationPlans,
    GiftingHistory => gifting_history::GiftingHistory,
    TrackingLinks => tracking_links::TrackingLinks,
    StoreCodes => store_codes::StoreCodes,
    ShopOrders => shop_orders::ShopOrders,
    LinkClicks => link_clicks::LinkVisits,
    SurveyAnswers => survey_answers::SurveyAnswers,
    CreatorCodes => creator_codes::CreatorCodes,
}

impl TableKind {
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// Used for export file names: `creators.csv`.
    pub fn file_stem(self) -> &'static str {
        self.spec().file_stem
    }

    /// What one row is, in one sentence for the import screen.
    pub fn describe(self) -> &'static str {
        self.spec().describe
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        self.spec().columns
    }

    /// The columns that identify a row; rows with equal keys are the same row.
    pub fn key_columns(self) -> &'static [&'static str] {
        self.spec().key_columns
    }

    /// The stored table (see `crate::tables`) that holds this table's rows.
    pub fn stored_table(self) -> &'static str {
        self.spec().stored_table
    }

    pub fn row_count(self, workspace: &Workspace) -> usize {
        (self.spec().row_count)(workspace)
    }
}

impl TypedRows {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
