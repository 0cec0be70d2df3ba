//! Quirks of platform exports, repaired on read, and the wizard's "same value for every
//! row" column for exports that lack a column the table needs (a campaign, a handle).

use super::raw_table::{RawRow, RawTable};

/// YouTube Studio's "Table data.csv" starts with a `Total` row that sums the videos. The
/// first data row is dropped (with a note) when its first cell is `Total` and its second is
/// empty: it is not a deliverable, and importing it would count every video twice.
pub(crate) fn skip_total_row(headers: &[String], rows: &mut Vec<RawRow>, notes: &mut Vec<String>) {
    let Some(first) = rows.first() else { return };
    let is_total = headers.len() >= 2
        && first
            .cells
            .first()
            .is_some_and(|c| c.trim().eq_ignore_ascii_case("total"))
        && first.cells.get(1).is_none_or(|c| c.trim().is_empty());
    if is_total {
        let line = first.line;
        rows.remove(0);
        notes.push(format!(
            "Line {line} is the export's Total row (the sum of the rows below it); it was skipped so nothing is counted twice."
        ));
    }
}

/// Sets one value for every row under `header`, adding the column when the file has none
/// by that name; returns the column's index for the mapping. Cells beyond the old header
/// (stray extra cells) stay after the new column, so they are still reported.
pub fn fill_column(table: &mut RawTable, header: &str, value: &str) -> usize {
    let value = value.trim().to_string();
    if let Some(index) = table.headers.iter().position(|h| h == header) {
        for row in &mut table.rows {
            if let Some(cell) = row.cells.get_mut(index) {
                *cell = value.clone();
            }
        }
        return index;
    }
    let index = table.headers.len();
    table.headers.push(header.to_string());
    for row in &mut table.rows {
        let at = index.min(row.cells.len());
        row.cells.insert(at, value.clone());
    }
    index
}

/// The header the wizard uses for a column filled with one value: `campaign (same for every row)`.
pub fn filled_header(column_label: &str) -> String {
    format!("{column_label} (same for every row)")
}

/// GA4 (and other analytics) CSV exports open with `# ----` comment lines naming the report
/// and its dates, then a blank line, before the header. Returns the bytes and lines of that
/// preamble; (0, 0) when the text does not start with one. A header such as `#,handle` (a
/// row-number column) is not a comment.
pub(crate) fn comment_preamble(text: &str) -> (usize, usize) {
    let is_comment = |line: &str| {
        let line = line.trim_start();
        line.starts_with('#')
            && !line
                .get(1..)
                .is_some_and(|rest| rest.starts_with([',', ';', '\t', '|']))
    };
    let mut bytes = 0;
    let mut lines = 0;
    let mut comments = 0;
    for line in text.split_inclusive('\n') {
        if is_comment(line) {
            comments += 1;
        } else if !line.trim().is_empty() {
            break;
        }
        bytes += line.len();
        lines += 1;
    }
    if comments == 0 {
        (0, 0)
    } else {
        (bytes, lines)
    }
}
