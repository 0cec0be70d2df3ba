//! CSV import and export: bytes in, typed rows and row-level errors out.
//!
//! The import runs in steps the UI can show: [`read_csv`] decodes and parses a file into a
//! [`RawTable`]; [`propose_mapping`] matches its headers to a table's columns by name
//! ([`propose_mapping_for_table`] also checks the first cells fit the column's type); a
//! [`Validation`] (or [`validate`]) turns rows into domain rows and cell errors; and
//! [`apply_import`] (or [`apply_preview`]) writes them into the workspace. [`export_csv`]
//! writes a table back in a form the import reads exactly.
//!
//! Decisions a user may ask about are documented where they are made: the decimal comma in
//! `read.rs`, day/month order of dates in `validate.rs`, the formula guard in `export.rs`.
//!
//! Nothing here panics on any input: the code runs in WebAssembly, where a panic kills the
//! page. Property tests feed it random bytes to hold that line.

pub mod activation_export;
pub mod apply;
pub mod attribution_export;
pub mod columns_geo;
pub mod columns_uplift;
pub mod contract_export;
pub mod error;
pub mod export;
pub mod follower_sample;
mod headers;
pub mod mapping;
pub mod platforms;
pub mod raw_comments;
pub mod score_export;
pub mod shop_orders;
pub mod table;
pub mod tables;
pub mod typed_rows;
pub mod uplift_export;
pub mod validate;

#[cfg(test)]
mod tests;

pub use activation_export::timeline_csv;
pub use apply::{apply_import, apply_preview, ImportMode, ImportSummary};
pub use attribution_export::reconciliation_csv;
pub use columns_geo::{read_geo_series, GeoLayout, GeoSeriesImport};
pub use columns_uplift::{per_user_conversions, per_user_values, PerUserValues};
pub use contract_export::export_contract_terms;
pub use error::ImportError;
pub use export::{export_csv, table_cells};
pub use follower_sample::read_follower_sample;
pub use mapping::{
    is_raw_comments_file, normalise_header, propose_mapping, propose_mapping_for_table,
    unmapped_headers, ColumnMapping,
};
pub use microplan_csv::columns::{ColumnKind, ColumnSpec};
pub use microplan_csv::csv_record::{csv_field, csv_record};
pub use microplan_csv::decode::ReadError;
pub use microplan_csv::limits::{MAX_COLUMNS, MAX_LINE_BYTES};
pub use microplan_csv::platform_exports::{fill_column, filled_header};
pub use microplan_csv::problem::CellError;
pub use microplan_csv::read::{read_csv, CsvChunks, RawRow, RawTable};
pub use platforms::{platform_of_link, propose_platform, KnownPlatform, KNOWN_PLATFORMS};
pub use raw_comments::{
    map_comment_headers, missing_comment_columns, read_comment_rows, CommentFile,
};
pub use score_export::{export_scores, score_export_header};
pub use shop_orders::{read_shop_orders, shop_orders_from_table, ShopOrdersImport};
pub use table::{ImportTable, TableKind};
pub use typed_rows::TypedRows;
pub use uplift_export::results_csv;
pub use validate::{validate, ImportOptions, ImportPreview, Validation, MAX_STORED_ERRORS};
