//! Arm totals of uplift tests.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Bool, Count, Currency, Money, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_model::rows::TestArm;

use super::common::money;

use super::{ImportTable, TableKind};

pub struct TestArms;

impl ImportTable for TestArms {
    type Row = TestArm;
    const KIND: TableKind = TableKind::TestArms;
    const LABEL: &'static str = "Test arms";
    const FILE_STEM: &'static str = "test_arms";
    const DESCRIBE: &'static str =
        "One row per arm of an uplift test: units, conversions and revenue.";
    const STORED_TABLE: &'static str = "test_arms";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["test", "arm"];

    fn parse(r: &mut RowReader) -> Option<TestArm> {
        test_arm(r)
    }

    fn cells(row: &TestArm) -> Vec<String> {
        test_arm_cells(row)
    }

    fn key(row: &TestArm) -> Vec<String> {
        test_arm_key(row)
    }

    fn keep_stored(new: &mut TestArm, old: &TestArm, file_columns: &[&str]) {
        keep_test_arm(new, old, file_columns)
    }

    fn rows(workspace: &Workspace) -> &[TestArm] {
        &workspace.test_arms
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<TestArm> {
        &mut workspace.test_arms
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("test", "Test", Text, true, &["test name", "experiment", "study"], "Name of the uplift test."),
    column("arm", "Arm", Text, true, &["group", "variant", "arm name", "cell"], "control, treatment, region A ..."),
    column("is_control", "Control arm", Bool, false, &["control", "is control", "control group", "holdout"],
        "Whether this arm is the control; when empty, arms named control or holdout are."),
    column("units", "Units", Count, true, &["users", "people", "sessions", "regions", "sample size", "assigned", "exposed", "n"],
        "Units exposed or assigned to the arm."),
    column("conversions", "Conversions", Count, true, &["orders", "purchases", "converted", "conversion count"],
        "Units that converted."),
    column("revenue", "Revenue", Money, false, &["sales", "total sales", "net sales"], "Revenue of the arm."),
    column("revenue_currency", "Revenue currency", Currency, false, &["currency", "currency code"], "Currency of the revenue."),
];

fn test_arm(r: &mut RowReader) -> Option<TestArm> {
    let test = r.text("test");
    let arm = r.text("arm");
    let is_control = r.bool("is_control");
    let units = r.count("units");
    let conversions = r.count("conversions");
    let revenue = r.money("revenue");
    let arm = arm?;
    // Without a control column, an arm named "control" or "holdout" is the control.
    let named_control = ["control", "holdout"]
        .iter()
        .any(|word| arm.to_lowercase().contains(word));
    Some(TestArm {
        test: test?,
        is_control: is_control.unwrap_or(named_control),
        arm,
        units: units?,
        conversions: conversions?,
        revenue,
    })
}

fn test_arm_cells(row: &TestArm) -> Vec<String> {
    let [revenue, revenue_currency] = money(&row.revenue);
    vec![
        row.test.clone(),
        row.arm.clone(),
        row.is_control.to_string(),
        row.units.to_string(),
        row.conversions.to_string(),
        revenue,
        revenue_currency,
    ]
}

fn test_arm_key(row: &TestArm) -> Vec<String> {
    vec![row.test.clone(), row.arm.clone()]
}

fn keep_test_arm(new: &mut TestArm, old: &TestArm, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns; "is_control" => is_control, "revenue" => revenue);
}
