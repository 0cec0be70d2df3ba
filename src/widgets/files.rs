//! File transfer for the pages: the browser glue lives in `app::files`; pages reach it here.

pub(crate) use crate::app::files::{download_text, download_workspace_csv, read_file_bytes, safe_file_stem};
