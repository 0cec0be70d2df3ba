//! The error of the stored-record helpers (the workspace list, the checks before a save, a
//! closed tab's edits; migrations have their own `MigrationError`), with the sentence the
//! user sees.

use std::fmt;

use super::envelope::LoadError;
use super::validate::FileError;

/// Why a stored record could not be read or a write was refused. `Display` gives a
/// plain-words sentence; `String::from` gives the same.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordError {
    /// The list of workspaces earlier versions kept is not the JSON it should be.
    IndexNotReadable { reason: String },
    /// A value breaks the rules an imported workspace file meets; the edit stays on screen.
    SaveRefused(FileError),
    /// A whole stored workspace that cannot be read.
    Unreadable(LoadError),
    /// A stored table that is not the JSON of its rows.
    DamagedTable { table: String, reason: String },
    /// A stored table this version does not know.
    UnknownTable { table: String },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::IndexNotReadable { reason } => write!(f, "{reason}"),
            RecordError::SaveRefused(error) => write!(
                f,
                "This change was not saved because {error}. Correct the value and it is saved at once."
            ),
            RecordError::Unreadable(error) => write!(f, "{error}"),
            RecordError::DamagedTable { table, reason } => {
                write!(f, "its table “{table}” is damaged: {reason}")
            }
            RecordError::UnknownTable { table } => {
                write!(f, "it holds a table “{table}” this version does not know")
            }
        }
    }
}

impl std::error::Error for RecordError {}

impl From<RecordError> for String {
    fn from(error: RecordError) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_table_and_the_reason() {
        let damaged = RecordError::DamagedTable {
            table: "posts".into(),
            reason: "EOF".into(),
        };
        assert_eq!(damaged.to_string(), "its table “posts” is damaged: EOF");
        let unknown = RecordError::UnknownTable {
            table: "bets".into(),
        };
        assert_eq!(
            unknown.to_string(),
            "it holds a table “bets” this version does not know"
        );
        assert_eq!(
            RecordError::Unreadable(LoadError::NotMicroplan).to_string(),
            "this is not a Microplan workspace file (it has no `app: microplan` envelope)"
        );
    }
}
