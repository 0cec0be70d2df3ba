//! Persistence. `envelope` and `index` are pure (versioned formats and migrations);
//! `lifecycle` and `catalog` run the workspace lifecycle over the `records::RecordStore`
//! trait and are tested natively with its in-memory store; the app's `store::browser` is the
//! only code that touches browser storage.

/// Calls `$then!` with the tables that are long lists of rows: the ones a save encodes and a
/// read types a slice at a time (`prepared`, `sliced`). One list, so the two cannot disagree.
macro_rules! row_tables {
    ($then:ident) => {
        $then!(
            creators,
            posts,
            follower_history,
            comment_summaries,
            results,
            creator_reviews,
            commenter_patterns,
            test_days,
            gifting_history,
            sentiment
        )
    };
}

pub mod catalog;
pub mod choices;
pub mod derived;
pub mod envelope;
pub mod error;
pub mod index;
pub mod lifecycle;
mod migrations;
pub mod pending;
pub mod prepared;
pub mod records;
pub mod route;
pub mod sliced;
pub mod tables;
pub mod validate;

#[cfg(test)]
mod tests;

pub use envelope::{decode_workspace, encode_workspace, LoadError, SCHEMA_VERSION};
pub use error::RecordError;
pub use index::{WorkspaceIndex, WorkspaceMeta};

/// Every key and the database name start with this, so other apps on the same origin never
/// collide with ours.
pub const KEY_PREFIX: &str = "microplan";
