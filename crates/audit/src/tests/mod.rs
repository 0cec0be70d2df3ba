//! Audit tests that span modules: the demo workspace, a comment fixture, whole-audit hand
//! checks and property tests. Throughput lives in `tests/bench/audit_throughput.rs`.

mod comments_fixture;
mod demo_checks;
mod hand_checked;
mod properties;
mod properties_new;
mod validation;
mod continuity;
