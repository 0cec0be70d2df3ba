//! Attribution questions about a whole workspace: orders, clicks and survey answers
//! reconciled per creator ([`reconcile`]) and codes whose use does not look like the
//! creator's audience ([`leaks`]). The rows and settings they read live in
//! `microplan_plan::attribution`.

pub mod leaks;
pub mod reconcile;

#[cfg(test)]
mod tests;

pub use leaks::{detect_leaks, LeakFlag, LeakKind};
pub use reconcile::{in_currency, reconcile, CreatorAttribution, Reconciliation, DEDUP_RULES};
