//! The creator audit's measuring and ranking are a download of their own, split off like each
//! section's code (`shell/section_code.rs`): a first visit with nothing stored never fetches
//! them, and opening a stored workspace fetches them while its records are read. The service
//! worker stores them at install, so the audit runs offline after one visit.

use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::split_code::{loaded_now, ready_now};
use microplan_audit::reuse::{MeasuredCreators, ReauditCounts, ReauditJob};
use microplan_audit::{AuditSettings, AuditTables, CreatorAudit};

/// Creators audited between two looks at the clock.
const CREATORS_PER_LOOK: usize = 25;

/// The audit's code could not be fetched (offline on a first visit, a dropped connection).
#[derive(Debug, Clone, Copy)]
pub struct AuditCodeMissing;

impl From<SplitLoaderError> for AuditCodeMissing {
    fn from(_: SplitLoaderError) -> Self {
        AuditCodeMissing
    }
}

/// A finished audit: best score first, its counts and the measurements to keep.
pub type FinishedAudit = (Vec<CreatorAudit>, ReauditCounts, MeasuredCreators);

// `fallible`: a failed fetch is an `Err`, never a panic (a panic ends the page).
#[wasm_split(audit_engine, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_audit_engine))]
fn step_for_a_slice(
    job: &mut ReauditJob,
    tables: &AuditTables<'_>,
    settings: &AuditSettings,
    millis: f64,
) -> Result<bool, AuditCodeMissing> {
    let started = js_sys::Date::now();
    loop {
        if job.step(tables, settings, CREATORS_PER_LOOK) {
            return Ok(true);
        }
        if js_sys::Date::now() - started > millis {
            return Ok(false);
        }
    }
}

#[wasm_split(audit_engine, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_audit_finish))]
fn finish_job(
    job: ReauditJob,
    tables: &AuditTables<'_>,
) -> Result<FinishedAudit, AuditCodeMissing> {
    Ok(job.finish(tables))
}

/// Fetches the audit's code (at once when it is already here). Each split function keeps
/// its own note of whether its module has arrived, so both are asked; the second answer comes
/// from the loader's cache.
pub async fn load() -> Result<(), AuditCodeMissing> {
    preload_audit_engine().await?;
    preload_audit_finish().await?;
    Ok(())
}

/// Whether the audit's code is here.
pub fn is_loaded() -> bool {
    loaded_now(load())
}

/// Steps `job` for about `millis`: `Some(true)` when every creator is audited, `None` when
/// the audit's code is not here (check [`is_loaded`] first).
pub fn run_slice(
    job: &mut ReauditJob,
    tables: &AuditTables<'_>,
    settings: &AuditSettings,
    millis: f64,
) -> Option<bool> {
    ready_now(std::pin::pin!(step_for_a_slice(
        job, tables, settings, millis
    )))
    .and_then(Result::ok)
}

/// The finished audit of `job`; `None` when the audit's code is not here.
pub fn finish(job: ReauditJob, tables: &AuditTables<'_>) -> Option<FinishedAudit> {
    ready_now(std::pin::pin!(finish_job(job, tables))).and_then(Result::ok)
}
