//! One CSV record for the exports built from mixed text and numbers (score export, contract
//! key terms, test results, activation timelines): RFC 4180 quoting, CRLF, and the formula
//! guard on text. A cell that reads as a plain number is data, not a formula, so a negative
//! lift stays `-0.05` instead of turning into text.

use super::text::guard_formula;

/// A cell as written: guarded unless it is a number, quoted when it holds `,` `"` CR or LF.
pub fn csv_field(cell: &str) -> String {
    let is_number = cell.trim() == cell && cell.parse::<f64>().is_ok_and(f64::is_finite);
    let cell = if is_number {
        cell.to_string()
    } else {
        guard_formula(cell)
    };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// The cells as one CRLF-terminated record.
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|cell| csv_field(cell.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use crate::csv_record::*;

    #[test]
    fn text_is_guarded_and_quoted_numbers_are_left_alone() {
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("-0.0012"), "-0.0012");
        assert_eq!(csv_field("+5"), "+5");
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_record(&["a", "", "-1.5", "x,y"]), "a,,-1.5,\"x,y\"\r\n");
    }
}
