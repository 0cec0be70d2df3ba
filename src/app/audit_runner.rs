//! Runs the creator audit a slice at a time between frames, so scoring thousands of creators
//! (after an import, or when a large workspace opens) never freezes the page. A small audit
//! finishes inside its first slice and is returned at once, as before; a large one keeps the
//! previous results on screen with its progress until every creator is scored, so rankings
//! are never shown half-updated. A change of inputs or settings drops the audit under way
//! (keeping what it measured) and starts again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::audit_inputs::AuditInputs;
use super::state::AppState;
use super::storage_backend::yield_to_page;
use microplan_audit::reuse::{MeasuredCreators, ReauditJob};
use microplan_audit::{AuditSettings, CreatorAudit};

/// How long one slice of the audit may run before the page gets a frame.
const SLICE_MILLIS: f64 = 35.0;
/// Creators audited between two looks at the clock.
const CREATORS_PER_LOOK: usize = 25;

/// Scored creators of all, while an audit runs in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditProgress {
    pub scored: usize,
    pub creators: usize,
}

/// An audit under way or finished, with what it was started for.
struct Run {
    /// Which audit this is, so each background loop drives only its own.
    id: u64,
    inputs: AuditInputs,
    settings: AuditSettings,
    job: Option<ReauditJob>,
    finished: Option<Vec<CreatorAudit>>,
}

impl Run {
    fn is_for(&self, inputs: &AuditInputs, settings: &AuditSettings) -> bool {
        self.inputs.same(inputs) && self.settings == *settings
    }
}

/// The background side of the audit memo.
#[derive(Clone, Copy)]
pub struct AuditRunner {
    state: AppState,
    run: StoredValue<Option<Run>, LocalStorage>,
    runs_started: StoredValue<u64>,
    /// Bumped when a background audit finishes, so the memo picks its result up.
    finished: RwSignal<u64>,
    pub progress: RwSignal<Option<AuditProgress>>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Steps `job` until the slice's time is up; true when every creator is audited.
fn run_slice(job: &mut ReauditJob, inputs: &AuditInputs, settings: &AuditSettings) -> bool {
    let tables = inputs.tables();
    let started = now();
    loop {
        if job.step(&tables, settings, CREATORS_PER_LOOK) {
            return true;
        }
        if now() - started > SLICE_MILLIS {
            return false;
        }
    }
}

impl AuditRunner {
    pub(super) fn new(state: AppState) -> Self {
        AuditRunner {
            state,
            run: StoredValue::new_local(None),
            runs_started: StoredValue::new(0),
            finished: RwSignal::new(0),
            progress: RwSignal::new(None),
        }
    }

    /// The audit of `inputs` under `settings`: at once when it fits in one slice or has just
    /// finished in the background, else `previous` while the background audit runs.
    /// Called from the memo; reads the `finished` signal so the memo reruns when one ends.
    pub(super) fn audit(
        self,
        inputs: Option<AuditInputs>,
        settings: AuditSettings,
        previous: Option<&Vec<CreatorAudit>>,
    ) -> Vec<CreatorAudit> {
        self.finished.track();
        let Some(inputs) = inputs else {
            self.drop_run();
            return Vec::new();
        };
        let same_run = self.run.with_value(|run| {
            run.as_ref()
                .is_some_and(|run| run.is_for(&inputs, &settings))
        });
        if same_run {
            let finished = self
                .run
                .try_update_value(|run| run.as_mut().and_then(|run| run.finished.take()))
                .flatten();
            if let Some(audits) = finished {
                self.run.set_value(None);
                return audits;
            }
            // Still running (the memo reran for another reason): keep what is shown.
            return previous.cloned().unwrap_or_default();
        }
        self.drop_run();
        let kept = self
            .state
            .measured
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut job = ReauditJob::start(&inputs.tables(), &settings, kept);
        if run_slice(&mut job, &inputs, &settings) {
            return self.finish(job, &inputs);
        }
        let creators = inputs.tables().creators.len();
        let scored = job.done();
        let id = self.runs_started.get_value().wrapping_add(1);
        self.runs_started.set_value(id);
        self.run.set_value(Some(Run {
            id,
            inputs,
            settings,
            job: Some(job),
            finished: None,
        }));
        self.continue_later(id, AuditProgress { scored, creators });
        previous.cloned().unwrap_or_default()
    }

    /// Gives the measurements of an unfinished audit back, so the next one reuses them.
    fn drop_run(self) {
        let dropped = self.run.try_update_value(Option::take).flatten();
        if let Some(job) = dropped.and_then(|run| run.job) {
            self.keep_measured(job.abandon());
        }
        if self.progress.get_untracked().is_some() {
            // From a task of its own, like every progress update (in order with them).
            let progress = self.progress;
            spawn_local(async move { progress.set(None) });
        }
    }

    /// Keeps `measured` for the next audit, with any intervals restored meanwhile.
    fn keep_measured(self, measured: MeasuredCreators) {
        self.state.measured.update_value(|kept| {
            let restored = std::mem::replace(kept, measured);
            kept.absorb(restored);
        });
    }

    fn finish(self, job: ReauditJob, inputs: &AuditInputs) -> Vec<CreatorAudit> {
        let (audits, _, measured) = job.finish(&inputs.tables());
        let drawn = measured.intervals_drawn_by_last_audit();
        self.keep_measured(measured);
        if drawn > 0 {
            super::audit_intervals::store_later(self.state);
        }
        audits
    }

    /// Runs the audit under way a slice per task until it ends or is replaced.
    fn continue_later(self, id: u64, progress: AuditProgress) {
        // Set from a task of its own: the memo that started the run must not write signals.
        spawn_local(async move {
            self.progress.set(Some(progress));
            loop {
                yield_to_page().await;
                let ours = self
                    .run
                    .with_value(|run| run.as_ref().is_some_and(|run| run.id == id));
                let taken = ours.then(|| self.run.try_update_value(Option::take).flatten());
                let Some(mut run) = taken.flatten() else {
                    return;
                };
                let Some(mut job) = run.job.take() else {
                    self.run.set_value(Some(run));
                    return;
                };
                if run_slice(&mut job, &run.inputs, &run.settings) {
                    run.finished = Some(self.finish(job, &run.inputs));
                    self.run.set_value(Some(run));
                    self.progress.set(None);
                    self.finished.update(|count| *count = count.wrapping_add(1));
                    return;
                }
                let progress = AuditProgress {
                    scored: job.done(),
                    creators: run.inputs.tables().creators.len(),
                };
                run.job = Some(job);
                self.run.set_value(Some(run));
                self.progress.set(Some(progress));
            }
        });
    }
}
