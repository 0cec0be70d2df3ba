//! The app's storage glue: `browser` is the only code that touches browser storage. The
//! formats and the lifecycle it serves are pure and live in `microplan_workspace::store`.

pub mod browser;
