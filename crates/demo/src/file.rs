//! The demo as a workspace file: the app fetches it instead of linking the generator, so the
//! generator's code and tables stay out of the first download.

use microplan_workspace::store::encode_workspace;

use crate::demo_workspace;

/// Name of the file beside index.html, fetched relative to the page (sub-path builds too).
pub const DEMO_FILE_NAME: &str = "demo.microplan.json";
/// Where the committed copy lives in the repository (Trunk copies it into the build).
pub const DEMO_FILE_PATH: &str = "public/demo.microplan.json";
/// A fixed time, so the same generator always gives the same bytes.
const SAVED_AT: &str = "2026-11-01T00:00:00Z";

/// The demo workspace in the workspace file format the app imports.
pub fn demo_file_text() -> String {
    let mut text = encode_workspace(&demo_workspace(), SAVED_AT);
    text.push('\n');
    text
}
