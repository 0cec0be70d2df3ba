//! Key terms of saved contract drafts as CSV, one row per version, for a tracker
//! spreadsheet. Text cells are guarded against formula injection like every export.

use microplan_plan::contract::drafts::key_terms;
use microplan_plan::contract::ContractDraft;

use microplan_csv::csv_record::csv_record;

/// RFC 4180 CSV (UTF-8, comma, CRLF) headed by the column keys.
pub fn export_contract_terms(drafts: &[ContractDraft]) -> String {
    let (header, rows) = key_terms(drafts);
    let mut out = csv_record(&header);
    for row in rows {
        out.push_str(&csv_record(&row));
    }
    out
}
