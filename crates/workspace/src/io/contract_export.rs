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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_csv_row_per_version_with_quoting_and_guard() {
        let mut drafts = microplan_demo::contract::contracts();
        drafts[0].choices.campaign = "=HYPERLINK(\"x\"), now".into();
        let csv = export_contract_terms(&drafts);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "header, one row, trailing empty: {csv}");
        assert!(lines[0].starts_with("campaign,handle,platform,version,status"));
        assert!(lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\"), now\",levain_lotte,instagram,1,draft,2026-11-01,uk,flat_fee,GBP,250,"), "{}", lines[1]);
        assert_eq!(lines[2], "");
    }
}
