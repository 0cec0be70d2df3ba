//! The error of the one-off file readers (geo series, per-user tests, follower samples,
//! comments, shop orders): what is wrong, where, and how to fix it, in plain words.

use std::fmt;

use microplan_csv::decode::ReadError;

/// Why a file could not be imported. `Display` gives the sentence shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The bytes could not be read as a table at all.
    Read(ReadError),
    /// A column the file needs is not there; the sentence names it and its usual headers.
    MissingColumn(String),
    /// A comments file lacks required columns; their labels.
    MissingCommentColumns(Vec<&'static str>),
    /// The file as a whole does not fit: too few arms, no rows, too many regions.
    File(String),
    /// One line is wrong; the message says what and how to fix it.
    Line { line: usize, message: String },
    /// One cell is wrong; the message says what and how to fix it.
    Cell {
        line: usize,
        column: String,
        message: String,
    },
}

impl ImportError {
    pub(crate) fn missing_column(sentence: impl Into<String>) -> ImportError {
        ImportError::MissingColumn(sentence.into())
    }

    pub(crate) fn file(sentence: impl Into<String>) -> ImportError {
        ImportError::File(sentence.into())
    }

    pub(crate) fn line(line: usize, message: impl Into<String>) -> ImportError {
        ImportError::Line {
            line,
            message: message.into(),
        }
    }

    pub(crate) fn cell(
        line: usize,
        column: impl Into<String>,
        message: impl Into<String>,
    ) -> ImportError {
        ImportError::Cell {
            line,
            column: column.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read(error) => write!(f, "{error}"),
            ImportError::MissingColumn(sentence) | ImportError::File(sentence) => {
                f.write_str(sentence)
            }
            ImportError::MissingCommentColumns(labels) => write!(
                f,
                "The file has no column for {}. Name the columns creator handle, post id, commenter and comment text.",
                labels.join(", ")
            ),
            ImportError::Line { line, message } => write!(f, "line {line}: {message}"),
            ImportError::Cell { line, column, message } => {
                write!(f, "line {line}, column “{column}”: {message}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

impl From<ReadError> for ImportError {
    fn from(error: ReadError) -> ImportError {
        ImportError::Read(error)
    }
}

/// UI code shows errors as text.
impl From<ImportError> for String {
    fn from(error: ImportError) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reads_as_the_sentence_shown_to_the_user() {
        assert_eq!(
            ImportError::line(3, "the arm is empty; name the arm of every user").to_string(),
            "line 3: the arm is empty; name the arm of every user"
        );
        assert_eq!(
            ImportError::cell(4, "Region", "the region is empty").to_string(),
            "line 4, column “Region”: the region is empty"
        );
        let missing = ImportError::missing_column("the file needs an arm column");
        assert_eq!(String::from(missing), "the file needs an arm column");
    }
}
