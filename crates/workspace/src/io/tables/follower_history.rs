//! Follower counts of creators over time. Every column is a key or required, so a merge has nothing to keep.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Count, Date, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_model::rows::FollowerPoint;

use super::common::{HANDLE_HELP, HANDLE_NAMES};

use super::{ImportTable, TableKind};

pub struct FollowerHistory;

impl ImportTable for FollowerHistory {
    type Row = FollowerPoint;
    const KIND: TableKind = TableKind::FollowerHistory;
    const LABEL: &'static str = "Follower history";
    const FILE_STEM: &'static str = "follower_history";
    const DESCRIBE: &'static str = "One row per creator and date: the follower count on that day.";
    const STORED_TABLE: &'static str = "follower_history";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["handle", "date"];

    fn parse(r: &mut RowReader) -> Option<FollowerPoint> {
        follower_point(r)
    }

    fn cells(row: &FollowerPoint) -> Vec<String> {
        follower_point_cells(row)
    }

    fn key(row: &FollowerPoint) -> Vec<String> {
        follower_point_key(row)
    }

    fn set_date(row: &mut FollowerPoint, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = date;
        }
    }

    fn rows(workspace: &Workspace) -> &[FollowerPoint] {
        &workspace.follower_history
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<FollowerPoint> {
        &mut workspace.follower_history
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("date", "Date", Date, true, &["day", "week", "as of", "snapshot date", "recorded on", "date recorded"],
        "When the follower count was recorded."),
    column("followers", "Followers", Count, true,
        &["follower count", "followers count", "total followers", "lifetime followers", "subscribers",
          "followers on date", "follower total"],
        "Follower count on that date."),
];

fn follower_point(r: &mut RowReader) -> Option<FollowerPoint> {
    let handle = r.handle("handle");
    let date = r.date("date");
    let followers = r.count("followers");
    Some(FollowerPoint {
        handle: handle?,
        date: date?,
        followers: followers?,
    })
}

fn follower_point_cells(row: &FollowerPoint) -> Vec<String> {
    vec![
        row.handle.clone(),
        format_date(row.date),
        row.followers.to_string(),
    ]
}

fn follower_point_key(row: &FollowerPoint) -> Vec<String> {
    vec![row.handle.clone(), format_date(row.date)]
}
