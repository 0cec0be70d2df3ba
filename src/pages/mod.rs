//! One module per section of the app, each a folder named after it. A page reads and edits
//! the workspace through `app` and builds on `widgets`; what two sections share lives there.

pub(crate) mod briefs;
pub(crate) mod communities;
pub(crate) mod contracts;
pub(crate) mod creators;
pub(crate) mod data;
pub(crate) mod overview;
pub(crate) mod programme;
pub(crate) mod results;
pub(crate) mod tracking;
pub(crate) mod uplift;
