//! A parsed file's rows and headers before any column has a meaning: what `read` produces
//! and `platform_exports` repairs, in a module of its own so neither depends on the other
//! for it.

/// A parsed file before any column has a meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// Trimmed header names; a blank header is named `column 3` after its position.
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub delimiter: u8,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE" ...
    pub encoding: &'static str,
    /// Whether numbers use `,` as the decimal separator (see the module docs).
    pub decimal_comma: bool,
    /// Things repaired or decided while reading, for the import screen.
    pub notes: Vec<String>,
}

/// One data record. `cells` has at least one cell per header (short rows are padded with
/// empty cells); longer rows keep their extra non-empty cells so validation can report them.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 1-based line in the file where the record starts.
    pub line: usize,
    pub cells: Vec<String>,
}
