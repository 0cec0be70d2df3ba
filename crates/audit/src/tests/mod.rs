//! Audit tests that span modules: a comment fixture, whole-audit hand checks, continuity and
//! property tests of the inputs. Tests on the demo workspace or a `Workspace` are in the
//! crate's `tests/` folder; throughput lives in `tests/bench/audit_throughput.rs`.

mod comments_fixture;
mod continuity;
mod hand_checked;
mod input_properties;
