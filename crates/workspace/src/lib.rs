//! The workspace: the aggregate of every table one brand or programme owns, at the top of
//! the crate graph. It owns the tables by name, CSV import and export of each table, the
//! check of a whole workspace before a save, the persistence formats and the lifecycle as
//! pure functions, and the questions that read several tables at once (the creator roster,
//! attribution, the results decisions, contract drafts per campaign, community edits).
//!
//! Depends on every domain crate (`microplan-model`, `-stats`, `-csv`, `-audit`, `-uplift`,
//! `-plan`); nothing here touches the browser, and nothing below depends on this crate.

pub mod activation_edits;
pub mod aggregate;
pub mod attribution;
pub mod audits;
pub mod contract_drafts;
pub mod decisions;
pub mod io;
pub mod results;
pub mod store;
pub mod tables;
pub mod validate;

pub use aggregate::Workspace;
