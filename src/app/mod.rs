//! App-wide state and browser glue: the open workspace's signals, sections and routing,
//! autosave and storage, files to and from the user's disk, notices, undo and crash
//! recovery. Nothing here imports a widget or a page; components live in `widgets` and in
//! the shell. `browser` is the only code that touches browser storage; the formats and the
//! lifecycle it serves are pure and live in `microplan_workspace::store`.

pub(crate) mod audit_code;
pub(crate) mod audit_inputs;
pub(crate) mod audit_intervals;
pub(crate) mod audit_runner;
pub(crate) mod audits;
pub(crate) mod browser;
pub(crate) mod clock;
pub(crate) mod crash;
pub(crate) mod files;
pub(crate) mod open_record;
pub(crate) mod opening;
pub(crate) mod page_events;
pub(crate) mod page_leave;
pub(crate) mod persistence;
pub(crate) mod ready_texts;
pub(crate) mod sections;
pub(crate) mod split_code;
pub(crate) mod startup;
pub(crate) mod state;
pub(crate) mod static_files;
pub(crate) mod storage_backend;
pub(crate) mod tab_sync;
pub(crate) mod table_memo;
pub(crate) mod undo;
pub(crate) mod worker_pool;
pub(crate) mod workspace_ops;
pub(crate) mod workspaces;
