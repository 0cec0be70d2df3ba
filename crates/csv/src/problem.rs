//! What is wrong with one cell, and how to fix it, in the user's words.

use std::fmt;

/// A cell-level problem before it knows its row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub problem: String,
    pub fix: String,
}

impl Problem {
    pub fn new(problem: impl Into<String>, fix: impl Into<String>) -> Problem {
        Problem {
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

/// One cell that could not be imported, located by data row, file line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// 1-based data row (the header is row 0).
    pub row: usize,
    /// 1-based line in the file where the record starts.
    pub line: usize,
    /// The user's header name, or our column key when the column is not mapped.
    pub column: String,
    pub value: String,
    pub problem: String,
    pub fix: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {} (line {}), column `{}`: {} Fix: {}",
            self.row,
            self.line,
            self.column,
            sentence(&self.problem),
            sentence(&self.fix)
        )
    }
}

/// Ends a message with a full stop unless it already ends with punctuation.
fn sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    match trimmed.chars().last() {
        Some('.' | '?' | '!') | None => trimmed.to_string(),
        Some(_) => format!("{trimmed}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_error_reads_as_one_sentence_with_a_fix() {
        let error = CellError {
            row: 14,
            line: 15,
            column: "likes".into(),
            value: "1.2kk".into(),
            problem: "`1.2kk` is not a number".into(),
            fix: "write a whole number such as 1200 or 1.2k".into(),
        };
        assert_eq!(
            error.to_string(),
            "row 14 (line 15), column `likes`: `1.2kk` is not a number. \
             Fix: write a whole number such as 1200 or 1.2k."
        );
    }
}
