//! Input limits that keep an import bounded: no real export has more than [`MAX_COLUMNS`]
//! columns or a line longer than [`MAX_LINE_BYTES`], and a file beyond either would freeze
//! the page (the mapping screen, header matching) long before it could be useful.

use super::decode::ReadError;
use super::read::count_line_breaks;

/// Named header columns a file may have.
pub const MAX_COLUMNS: usize = 1_000;
/// Bytes one line of the decoded text may have (1 MB).
pub const MAX_LINE_BYTES: usize = 1_000_000;

/// The first line longer than [`MAX_LINE_BYTES`], found in one pass over the bytes.
pub fn check_line_lengths(text: &str) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    for (at, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' || *byte == b'\r' {
            if at.saturating_sub(start) > MAX_LINE_BYTES {
                return Err(too_long(bytes, start, at));
            }
            start = at.saturating_add(1);
        }
    }
    if bytes.len().saturating_sub(start) > MAX_LINE_BYTES {
        return Err(too_long(bytes, start, bytes.len()));
    }
    Ok(())
}

fn too_long(bytes: &[u8], start: usize, end: usize) -> ReadError {
    let before = bytes.get(..start).unwrap_or(&[]);
    ReadError::LineTooLong {
        line: count_line_breaks(before).saturating_add(1),
        bytes: end.saturating_sub(start),
    }
}

/// Refuses a header with more than [`MAX_COLUMNS`] named columns.
pub fn check_header_width(columns: usize) -> Result<(), ReadError> {
    if columns > MAX_COLUMNS {
        Err(ReadError::TooManyColumns { columns })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_exactly_the_limit_passes_and_one_byte_more_is_refused() {
        let fits = format!("a,b\r\n{}\r\nc,d", "x".repeat(MAX_LINE_BYTES));
        assert_eq!(check_line_lengths(&fits), Ok(()));
        let long = format!("a,b\r\nc,d\r\n{}", "x".repeat(MAX_LINE_BYTES + 1));
        // CRLF counts as one line break: the long line is line 3.
        assert_eq!(
            check_line_lengths(&long),
            Err(ReadError::LineTooLong {
                line: 3,
                bytes: 1_000_001
            })
        );
        let message = check_line_lengths(&long).unwrap_err().to_string();
        assert!(
            message.starts_with(
                "Line 3 is 1,000,001 bytes long; the limit is 1 MB (1,000,000 bytes) per line"
            ),
            "{message}"
        );
    }

    #[test]
    fn a_header_of_the_limit_passes_and_one_column_more_is_refused() {
        assert_eq!(check_header_width(1_000), Ok(()));
        let error = check_header_width(1_001).unwrap_err();
        assert_eq!(error, ReadError::TooManyColumns { columns: 1_001 });
        assert!(
            error
                .to_string()
                .starts_with("The header has 1,001 columns; the limit is 1,000"),
            "{error}"
        );
    }
}
