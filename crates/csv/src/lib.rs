//! Reading and writing CSV the way users' files really are: any encoding and delimiter,
//! decimal commas, day/month dates, formula guards, and a typed error for every cell that
//! does not fit, naming its row, column and the fix.
//!
//! Knows nothing of Microplan's tables: which columns a table has and how rows become
//! records live in `microplan-workspace` (`io`). Depends only on `microplan-model`.
//! Nothing here panics on any input: the code runs in WebAssembly, where a panic kills the
//! page.

pub mod columns;
pub mod csv_record;
pub mod date;
pub mod decode;
pub mod file_names;
pub mod limits;
pub mod money;
pub mod number;
pub mod platform_exports;
pub mod problem;
pub mod raw_table;
pub mod read;
pub mod row_reader;
pub mod text;

pub use read::{read_csv, CsvChunks, RawRow, RawTable};
