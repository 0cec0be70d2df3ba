//! Creator discount codes made outside the tracking table.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::Text;
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_plan::attribution::CreatorCode;

use super::{ImportTable, TableKind};

pub struct CreatorCodes;

impl ImportTable for CreatorCodes {
    type Row = CreatorCode;
    const KIND: TableKind = TableKind::CreatorCodes;
    const LABEL: &'static str = "Creator codes made elsewhere";
    const FILE_STEM: &'static str = "creator_codes";
    const DESCRIBE: &'static str = "One row per creator discount code made outside the tracking table, such as codes created by hand in the shop.";
    const STORED_TABLE: &'static str = "attribution";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["code"];

    fn parse(r: &mut RowReader) -> Option<CreatorCode> {
        creator_code(r)
    }

    fn cells(row: &CreatorCode) -> Vec<String> {
        creator_code_cells(row)
    }

    fn key(row: &CreatorCode) -> Vec<String> {
        creator_code_key(row)
    }

    fn keep_stored(new: &mut CreatorCode, old: &CreatorCode, file_columns: &[&str]) {
        keep_creator_code(new, old, file_columns)
    }

    fn rows(workspace: &Workspace) -> &[CreatorCode] {
        &workspace.attribution.creator_codes
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<CreatorCode> {
        &mut workspace.attribution.creator_codes
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("code", "Code", Text, true, &["discount code", "promo code", "coupon", "coupon code"], "A creator's code made outside the tracking table."),
    column("handle", "Handle", Text, true, &["creator", "username", "@handle", "influencer"], "The creator it belongs to."),
    column("campaign", "Campaign", Text, false, &["campaign name"], "Optional: the campaign it was made for (its posting window)."),
];

fn creator_code(r: &mut RowReader) -> Option<CreatorCode> {
    let code = r.text("code").map(|c| c.to_uppercase());
    let handle = r.handle("handle");
    let campaign = r.text("campaign");
    Some(CreatorCode {
        code: code?,
        handle: handle?,
        campaign,
    })
}

fn creator_code_cells(row: &CreatorCode) -> Vec<String> {
    vec![
        row.code.clone(),
        row.handle.clone(),
        row.campaign.clone().unwrap_or_default(),
    ]
}

fn creator_code_key(row: &CreatorCode) -> Vec<String> {
    vec![row.code.clone()]
}

fn keep_creator_code(new: &mut CreatorCode, old: &CreatorCode, file_columns: &[&str]) {
    if !file_columns.contains(&"campaign") {
        new.campaign = old.campaign.clone();
    }
}
