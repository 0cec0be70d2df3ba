//! Discount codes that already exist in the shop, so new codes never repeat one.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::Text;
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_plan::tracking::StoreCode;

use super::{ImportTable, TableKind};

pub struct StoreCodes;

impl ImportTable for StoreCodes {
    type Row = StoreCode;
    const KIND: TableKind = TableKind::StoreCodes;
    const LABEL: &'static str = "Shop discount codes";
    const FILE_STEM: &'static str = "store_codes";
    const DESCRIBE: &'static str =
        "One row per discount code that already exists in the shop; new codes never repeat one.";
    const STORED_TABLE: &'static str = "programme";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["code"];

    fn parse(r: &mut RowReader) -> Option<StoreCode> {
        store_code(r)
    }

    fn cells(row: &StoreCode) -> Vec<String> {
        store_code_cells(row)
    }

    fn key(row: &StoreCode) -> Vec<String> {
        store_code_key(row)
    }

    fn keep_stored(new: &mut StoreCode, old: &StoreCode, file_columns: &[&str]) {
        keep_store_code(new, old, file_columns)
    }

    fn rows(workspace: &Workspace) -> &[StoreCode] {
        &workspace.programme.tracking.store_codes
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<StoreCode> {
        &mut workspace.programme.tracking.store_codes
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("code", "Code", Text, true,
        &["name", "discount code", "coupon", "coupon code", "voucher", "discount name", "title"],
        "A discount code that already exists in the shop (Shopify calls the column Name or Title)."),
    column("note", "Note", Text, false, &["notes", "status", "description", "type"], "Anything worth remembering."),
];

fn store_code(r: &mut RowReader) -> Option<StoreCode> {
    let code = r.text("code");
    let note = r.text("note");
    Some(StoreCode { code: code?, note })
}

fn store_code_cells(row: &StoreCode) -> Vec<String> {
    vec![row.code.clone(), row.note.clone().unwrap_or_default()]
}

fn store_code_key(row: &StoreCode) -> Vec<String> {
    vec![row.code.clone()]
}

fn keep_store_code(new: &mut StoreCode, old: &StoreCode, file_columns: &[&str]) {
    if !file_columns.contains(&"note") {
        new.note = old.note.clone();
    }
}
