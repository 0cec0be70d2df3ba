//! Input limits that keep an import bounded: no real export has more than [`MAX_COLUMNS`]
//! columns or a line longer than [`MAX_LINE_BYTES`], and a file beyond either would freeze
//! the page (the mapping screen, header matching) long before it could be useful.

/// Named header columns a file may have.
pub const MAX_COLUMNS: usize = 1_000;
/// Bytes one line of the decoded text may have (1 MB).
pub const MAX_LINE_BYTES: usize = 1_000_000;
