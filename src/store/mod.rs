//! Persistence. `envelope` and `index` are pure (versioned formats and migrations, tested
//! natively); `browser` is the only code that touches browser storage.

pub mod envelope;
pub mod index;
mod migrations;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub use envelope::{decode_workspace, encode_workspace, LoadError, SCHEMA_VERSION};
pub use index::{WorkspaceIndex, WorkspaceMeta};

/// Every key and the database name start with this, so other apps on the same origin never
/// collide with ours.
pub const KEY_PREFIX: &str = "microplan";
