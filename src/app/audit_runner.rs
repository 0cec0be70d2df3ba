//! Runs the creator audit a slice at a time between frames, so scoring thousands of creators
//! (after an import, or when a large workspace opens) never freezes the page. A small audit
//! finishes inside its first slice and is returned at once, as before; a large one keeps the
//! previous results on screen with its progress until every creator is scored, so rankings
//! are never shown half-updated. A change of inputs or settings drops the audit under way
//! (keeping what it measured) and starts again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::audit_code;
use super::audit_inputs::AuditInputs;
use super::state::AppState;
use super::storage_backend::yield_to_page;
use microplan_audit::reuse::{MeasuredCreators, ReauditJob};
use microplan_audit::{AuditSettings, CreatorAudit};

/// How long the audit's first slice may run: it runs in the memo, in the same task as the
/// change that started it (an import's last merge slice, say), so it is kept short; what does
/// not fit goes on in later slices.
const FIRST_SLICE_MILLIS: f64 = 20.0;
/// Audits of more creators, most of them to be measured anew (an import of new creators),
/// cannot finish in the first slice: they skip it, leaving that task to the change itself
/// and the page's render.
const QUICK_AUDIT_CREATORS: usize = 500;
/// How long each later slice, in a task of its own, may run before the page gets a frame.
const SLICE_MILLIS: f64 = 35.0;

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
    /// Bumped when a background audit finishes or the audit's code arrives, so the memo
    /// picks the result up or starts.
    finished: RwSignal<u64>,
    /// Whether the audit's code is being fetched.
    fetching_code: StoredValue<bool>,
    pub progress: RwSignal<Option<AuditProgress>>,
}

impl AuditRunner {
    pub(super) fn new(state: AppState) -> Self {
        AuditRunner {
            state,
            run: StoredValue::new_local(None),
            runs_started: StoredValue::new(0),
            finished: RwSignal::new(0),
            fetching_code: StoredValue::new(false),
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
        let creators = inputs.tables().creators.len();
        if !audit_code::is_loaded() {
            self.fetch_code(AuditProgress {
                scored: 0,
                creators,
            });
            return previous.cloned().unwrap_or_default();
        }
        let kept = self
            .state
            .measured
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let may_be_quick = creators <= QUICK_AUDIT_CREATORS || kept.len() * 2 >= creators;
        let mut job = ReauditJob::start(&inputs.tables(), &settings, kept);
        if may_be_quick
            && audit_code::run_slice(&mut job, &inputs.tables(), &settings, FIRST_SLICE_MILLIS)
                == Some(true)
        {
            return self.finish(job, &inputs);
        }
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

    /// Fetches the audit's code, showing `progress` meanwhile, and reruns the memo once it is
    /// here. A failed fetch is said once; the next change of inputs tries again.
    fn fetch_code(self, progress: AuditProgress) {
        if self.fetching_code.get_value() {
            return;
        }
        self.fetching_code.set_value(true);
        // From a task of its own: the memo that asked must not write signals.
        spawn_local(async move {
            self.progress.set(Some(progress));
            let fetched = audit_code::load().await;
            self.fetching_code.set_value(false);
            match fetched {
                // The audit that starts now replaces the progress shown.
                Ok(()) => self.finished.update(|count| *count = count.wrapping_add(1)),
                Err(_) => {
                    self.progress.set(None);
                    self.state.notify_error(
                        "The creator audit could not be downloaded, so scores are not shown. \
                     Check the connection; it is tried again on your next change, or reload \
                     the page.",
                    );
                }
            }
        });
    }

    fn finish(self, job: ReauditJob, inputs: &AuditInputs) -> Vec<CreatorAudit> {
        // The code is here: the job was stepped by it.
        let Some((audits, _, measured)) = audit_code::finish(job, &inputs.tables()) else {
            return Vec::new();
        };
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
                let tables = run.inputs.tables();
                if audit_code::run_slice(&mut job, &tables, &run.settings, SLICE_MILLIS)
                    == Some(true)
                {
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
