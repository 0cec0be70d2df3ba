//! The tables a workspace imports and exports; each is a file in `tables/`.

pub use super::tables::{ImportTable, TableKind, TableSpec};
