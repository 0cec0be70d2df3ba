//! Tables to text: display cells for the UI and RFC 4180 CSV for download.
//!
//! Export writes what import reads back exactly: numbers in Rust's shortest round-trip form,
//! rates as fractions, dates as `2026-03-01`, booleans as `true`/`false`, lists joined with
//! `; `, money as the amount plus its `<key>_currency` column. Text cells that a spreadsheet
//! could run as a formula get a leading `'`, which import removes again.

use std::ops::Range;

use crate::Workspace;

use super::table::TableKind;
use microplan_csv::text::guard_formula;

/// Display text of rows `rows` of a table, one cell per column; out-of-range rows are left
/// out. No formula guard: this is for showing, not for spreadsheets.
pub fn table_cells(kind: TableKind, workspace: &Workspace, rows: Range<usize>) -> Vec<Vec<String>> {
    (kind.spec().cells)(workspace, rows)
}

/// RFC 4180 quoting: quote cells holding a comma, quote, CR or LF; double inner quotes.
fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn push_record(out: &mut String, cells: impl Iterator<Item = String>) {
    let fields: Vec<String> = cells.map(|cell| csv_field(&cell)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The whole table as CSV (UTF-8, no BOM, comma, CRLF), headed by the column keys.
pub fn export_csv(kind: TableKind, workspace: &Workspace) -> String {
    let columns = kind.columns();
    let mut out = String::new();
    push_record(
        &mut out,
        columns.iter().map(|column| column.key.to_string()),
    );
    for row in table_cells(kind, workspace, 0..kind.row_count(workspace)) {
        let guarded = row.into_iter().zip(columns).map(|(cell, column)| {
            if column.kind.is_text() {
                guard_formula(&cell)
            } else {
                cell
            }
        });
        push_record(&mut out, guarded);
    }
    out
}
