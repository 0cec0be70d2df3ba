//! Who was gifted or paid for an activation, and whether they posted.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Bool, Date, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::problem::Problem;
use microplan_csv::row_reader::RowReader;
use microplan_plan::activation::{Arrangement, GiftingRecord};

use super::{ImportTable, TableKind};

pub struct GiftingHistory;

impl ImportTable for GiftingHistory {
    type Row = GiftingRecord;
    const KIND: TableKind = TableKind::GiftingHistory;
    const LABEL: &'static str = "Gifting history";
    const FILE_STEM: &'static str = "gifting_history";
    const DESCRIBE: &'static str = "One row per creator and activation: gifted or paid, when shipped, whether and when they posted.";
    const STORED_TABLE: &'static str = "gifting_history";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["activation", "handle"];

    fn parse(r: &mut RowReader) -> Option<GiftingRecord> {
        gifting_record(r)
    }

    fn cells(row: &GiftingRecord) -> Vec<String> {
        gifting_record_cells(row)
    }

    fn key(row: &GiftingRecord) -> Vec<String> {
        gifting_record_key(row)
    }

    fn keep_stored(new: &mut GiftingRecord, old: &GiftingRecord, file_columns: &[&str]) {
        keep_record(new, old, file_columns)
    }

    fn set_date(row: &mut GiftingRecord, key: &str, date: NaiveDate) {
        match key {
            "shipped_on" => row.shipped_on = Some(date),
            "posted_on" => row.posted_on = Some(date),
            _ => {}
        }
    }

    fn rows(workspace: &Workspace) -> &[GiftingRecord] {
        &workspace.gifting_history
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<GiftingRecord> {
        &mut workspace.gifting_history
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("activation", "Activation", Text, true, &["activation name", "plan", "campaign"], "Name of the activation."),
    column("handle", "Handle", Text, true, &["username", "@handle", "creator", "influencer", "account"],
        "The creator's handle; a leading @ is removed."),
    column("arrangement", "Gifted or paid", Text, false, &["type", "deal", "gifted or paid", "gifted/paid"],
        "gifted or paid. Empty: gifted."),
    column("shipped_on", "Shipped on", Date, false, &["shipped", "ship date", "sent on", "sent"], "When the parcel left."),
    column("posted", "Posted", Bool, false, &["did post", "posted?"], "yes or no; empty while not known."),
    column("posted_on", "Posted on", Date, false, &["post date", "date posted"], "When the creator posted."),
];

fn gifting_record(r: &mut RowReader) -> Option<GiftingRecord> {
    let activation = r.text("activation");
    let handle = r.handle("handle");
    let arrangement_text = r.text("arrangement");
    let arrangement = match arrangement_text {
        None => Arrangement::Gifted,
        Some(text) => match Arrangement::parse(&text) {
            Some(arrangement) => arrangement,
            None => {
                let index = r
                    .setup
                    .columns
                    .iter()
                    .position(|c| c.key == "arrangement")
                    .unwrap_or(0);
                r.report(
                    index,
                    &text,
                    Problem::new(
                        format!("`{text}` is not gifted or paid"),
                        "write gifted or paid",
                    ),
                );
                Arrangement::Gifted
            }
        },
    };
    let shipped_on = r.date("shipped_on");
    let posted = r.bool("posted");
    let posted_on = r.date("posted_on");
    Some(GiftingRecord {
        activation: activation?,
        handle: handle?,
        arrangement,
        shipped_on,
        posted,
        posted_on,
    })
}

fn gifting_record_cells(row: &GiftingRecord) -> Vec<String> {
    vec![
        row.activation.clone(),
        row.handle.clone(),
        row.arrangement.as_str().to_string(),
        row.shipped_on.map(format_date).unwrap_or_default(),
        row.posted.map(|p| p.to_string()).unwrap_or_default(),
        row.posted_on.map(format_date).unwrap_or_default(),
    ]
}

fn gifting_record_key(row: &GiftingRecord) -> Vec<String> {
    vec![row.activation.clone(), row.handle.clone()]
}

fn keep_record(new: &mut GiftingRecord, old: &GiftingRecord, file_columns: &[&str]) {
    let missing = |key: &str| !file_columns.contains(&key);
    if missing("arrangement") {
        new.arrangement = old.arrangement
    }
    if missing("shipped_on") {
        new.shipped_on = old.shipped_on
    }
    if missing("posted") {
        new.posted = old.posted
    }
    if missing("posted_on") {
        new.posted_on = old.posted_on
    }
}
