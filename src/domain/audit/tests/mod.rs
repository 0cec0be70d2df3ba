//! Audit tests that span modules: the demo workspace, a comment fixture, whole-audit hand
//! checks and property tests.

mod comments_fixture;
mod demo_checks;
mod hand_checked;
mod properties;
mod scale;
