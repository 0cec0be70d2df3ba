//! Opening a workspace file a user picked: its size, its encoding, its envelope and every
//! value in it are checked before anything is stored, so a file that would make a page fail
//! on every visit is refused with the reason instead.

use super::envelope::{decode_workspace, LoadError};
use crate::validate::{validate_workspace, WorkspaceProblem};
use crate::Workspace;
use microplan_model::limits::MAX_FILE_BYTES;
use microplan_model::money::group_thousands;

/// Problems shown in the message; the rest are counted.
const SHOWN_PROBLEMS: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    TooLarge { bytes: usize },
    NotUtf8 { offset: usize },
    Load(LoadError),
    OutOfRange(Vec<WorkspaceProblem>),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::TooLarge { bytes } => write!(
                f,
                "the file is {} MB, above the limit of {} MB for a workspace file",
                group_thousands(megabytes(*bytes)),
                group_thousands(megabytes(MAX_FILE_BYTES))
            ),
            FileError::NotUtf8 { offset } => write!(
                f,
                "the file is not UTF-8 text: the bytes at offset {} (counted from 0) are not valid UTF-8; \
                 it may be damaged, or saved in another encoding",
                group_thousands(*offset as u64)
            ),
            FileError::Load(error) => write!(f, "{error}"),
            FileError::OutOfRange(problems) => {
                let shown: Vec<String> = problems.iter().take(SHOWN_PROBLEMS).map(ToString::to_string).collect();
                write!(f, "some values are out of range: {}", shown.join("; "))?;
                if problems.len() > SHOWN_PROBLEMS {
                    write!(f, "; and {} more", problems.len() - SHOWN_PROBLEMS)?;
                }
                Ok(())
            }
        }
    }
}

fn megabytes(bytes: usize) -> u64 {
    (bytes as u64).div_ceil(1024 * 1024)
}

/// The workspace in a file's bytes, refused when the file is too large, not UTF-8, not a
/// Microplan workspace or holds a value out of range.
pub fn decode_workspace_file(bytes: &[u8]) -> Result<Workspace, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| FileError::NotUtf8 {
        offset: error.valid_up_to(),
    })?;
    let workspace = decode_workspace(text).map_err(FileError::Load)?;
    validate_workspace(&workspace).map_err(FileError::OutOfRange)?;
    Ok(workspace)
}
