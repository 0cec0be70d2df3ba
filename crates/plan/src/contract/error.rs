//! Why a contract draft could not be saved or moved to its next status. `Display` gives
//! the sentence the Contracts page shows.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContractError {
    /// The draft to mark as sent is gone from the list.
    DraftGone,
    /// The agreement to mark as signed is gone from the list.
    AgreementGone,
    /// The draft still has conflicts; `title` names it.
    UnresolvedConflicts { conflicts: usize, title: String },
    /// The agreement is signed already.
    AlreadySigned { title: String },
    /// The agreement is marked as signed before it was sent.
    NotSent { title: String },
    /// The version to save into is gone.
    VersionGoneNothingSaved { version: u32 },
    /// The version to save into is sent or signed; `status` is its label.
    VersionLocked { version: u32, status: &'static str },
    /// The version changed since it was opened (another tab, an undo).
    StaleDraft { version: u32 },
    /// The draft vanished while it was being saved.
    DraftNotFound,
    /// The version to copy is gone.
    VersionGone { version: u32 },
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContractError::DraftGone => write!(f, "That draft no longer exists; reload the list."),
            ContractError::AgreementGone => {
                write!(f, "That agreement no longer exists; reload the list.")
            }
            ContractError::UnresolvedConflicts { conflicts, title } => write!(
                f,
                "Fix the {conflicts} conflict(s) in {title} before marking it as sent."
            ),
            ContractError::AlreadySigned { title } => write!(f, "{title} is already signed."),
            ContractError::NotSent { title } => {
                write!(f, "Send {title} before marking it as signed.")
            }
            ContractError::VersionGoneNothingSaved { version } => write!(
                f,
                "Version {version} of this agreement no longer exists, so nothing was saved."
            ),
            ContractError::VersionLocked { version, status } => write!(
                f,
                "Version {version} is {status}: it cannot change. Use “Edit as new draft” to change a copy."
            ),
            ContractError::StaleDraft { version } => write!(
                f,
                "Draft version {version} changed since you opened it (in another tab or by an undo), so your edits were not saved into it. Reload that version, or save your edits as a new draft."
            ),
            ContractError::DraftNotFound => write!(f, "The draft could not be found."),
            ContractError::VersionGone { version } => {
                write!(f, "Version {version} of this agreement no longer exists.")
            }
        }
    }
}

impl std::error::Error for ContractError {}

impl From<ContractError> for String {
    fn from(error: ContractError) -> Self {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_version_and_the_way_out() {
        assert_eq!(
            String::from(ContractError::VersionLocked {
                version: 2,
                status: "signed"
            }),
            "Version 2 is signed: it cannot change. Use “Edit as new draft” to change a copy."
        );
        assert_eq!(
            ContractError::UnresolvedConflicts {
                conflicts: 3,
                title: "Spring v1".into()
            }
            .to_string(),
            "Fix the 3 conflict(s) in Spring v1 before marking it as sent."
        );
        assert_eq!(
            ContractError::VersionGoneNothingSaved { version: 4 }.to_string(),
            "Version 4 of this agreement no longer exists, so nothing was saved."
        );
        assert_eq!(
            ContractError::DraftGone.to_string(),
            "That draft no longer exists; reload the list."
        );
    }
}
