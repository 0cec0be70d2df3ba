//! Validated rows of one table, and the keys that say when two rows are the same row.

pub use super::tables::{match_key, TypedRows};
