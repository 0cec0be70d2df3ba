//! Column descriptions shared by import, export and the mapping screen.

/// How a column's cells are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKind {
    /// Free text, kept as written (trimmed).
    Text,
    /// Several values in one cell, split on `;`, `|` or `,`; exported joined with `; `.
    List,
    /// A whole, non-negative number; `1.2k` is 1200.
    Count,
    /// Any number.
    Number,
    /// A rate from 0 to 1; `5%` and `0.05` both read as 0.05.
    Fraction,
    /// An amount; its currency comes from the sibling `<key>_currency` column, a symbol in
    /// the cell (`€120`) or the default currency, in that order.
    Money,
    /// An ISO 4217 code (`EUR`) or a symbol (`€`).
    Currency,
    /// A calendar date; exported as `2026-03-01`.
    Date,
    /// Yes or no: yes/no, true/false, y/n, 1/0, x, ✓.
    Bool,
    /// A pipeline status: prospect, vetted, pilot, active, ambassador, dropped.
    Status,
}

impl ColumnKind {
    /// Text-like cells are the ones a spreadsheet could run as formulas.
    pub fn is_text(self) -> bool {
        matches!(self, ColumnKind::Text | ColumnKind::List)
    }

    /// Quantities, which tables align right so digits line up.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ColumnKind::Count | ColumnKind::Number | ColumnKind::Fraction | ColumnKind::Money
        )
    }
}

/// One column of a table as the import and export see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Stable name, used as the export header.
    pub key: &'static str,
    /// Name shown in the mapping screen.
    pub label: &'static str,
    pub kind: ColumnKind,
    /// An import without this column cannot produce rows.
    pub required: bool,
    /// Other header names that mean this column (real export names included).
    pub synonyms: &'static [&'static str],
    /// One line of help for the mapping screen.
    pub help: &'static str,
}

/// Shorthand for the column tables.
pub const fn column(
    key: &'static str,
    label: &'static str,
    kind: ColumnKind,
    required: bool,
    synonyms: &'static [&'static str],
    help: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        key,
        label,
        kind,
        required,
        synonyms,
        help,
    }
}

/// The currency column that belongs to a money column: `fee` -> `fee_currency`.
pub fn currency_column_for(columns: &[ColumnSpec], money_key: &str) -> Option<usize> {
    columns.iter().position(|column| {
        column.kind == ColumnKind::Currency
            && column
                .key
                .strip_prefix(money_key)
                .is_some_and(|rest| rest == "_currency")
    })
}
