//! The daily series of uplift tests. Every column is a key or required, so a merge has nothing to keep.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Count, Date, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_uplift::daily::TestDay;

use super::{ImportTable, TableKind};

pub struct TestDays;

impl ImportTable for TestDays {
    type Row = TestDay;
    const KIND: TableKind = TableKind::TestDays;
    const LABEL: &'static str = "Test daily series";
    const FILE_STEM: &'static str = "test_daily_series";
    const DESCRIBE: &'static str = "One row per test, arm and day: units and conversions that day. Tests without arm totals are analysed from their days.";
    const STORED_TABLE: &'static str = "test_days";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["test", "arm", "date"];

    fn parse(r: &mut RowReader) -> Option<TestDay> {
        test_day(r)
    }

    fn cells(row: &TestDay) -> Vec<String> {
        test_day_cells(row)
    }

    fn key(row: &TestDay) -> Vec<String> {
        test_day_key(row)
    }

    fn set_date(row: &mut TestDay, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = date;
        }
    }

    fn rows(workspace: &Workspace) -> &[TestDay] {
        &workspace.test_days
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<TestDay> {
        &mut workspace.test_days
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("test", "Test", Text, true, &["test name", "experiment", "study"], "Name of the uplift test, as in the test arms."),
    column("arm", "Arm", Text, true, &["group", "variant", "arm name", "cell", "region group"], "control, treatment, region A ..."),
    column("date", "Date", Date, true, &["day", "report date", "date of day"], "The day the row counts."),
    column("units", "Units", Count, true, &["users", "visitors", "sessions", "people", "exposed", "n"],
        "Units exposed that day (visitors, sessions)."),
    column("conversions", "Conversions", Count, true, &["orders", "purchases", "converted", "conversion count", "sales"],
        "Units that converted that day."),
];

fn test_day(r: &mut RowReader) -> Option<TestDay> {
    let test = r.text("test");
    let arm = r.text("arm");
    let date = r.date("date");
    let units = r.count("units");
    let conversions = r.count("conversions");
    Some(TestDay {
        test: test?,
        arm: arm?,
        date: date?,
        units: units?,
        conversions: conversions?,
    })
}

fn test_day_cells(row: &TestDay) -> Vec<String> {
    vec![
        row.test.clone(),
        row.arm.clone(),
        format_date(row.date),
        row.units.to_string(),
        row.conversions.to_string(),
    ]
}

fn test_day_key(row: &TestDay) -> Vec<String> {
    vec![row.test.clone(), row.arm.clone(), format_date(row.date)]
}
