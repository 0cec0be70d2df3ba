//! Re-auditing a workspace after an edit without measuring every creator again.
//!
//! Measuring a creator (the bootstrap interval above all) is the expensive part of the audit;
//! the score, flags and notes built from the measurements are cheap. So each creator's
//! [`CreatorMetrics`] is kept with a fingerprint of that creator's own inputs and of the
//! settings the measurements depend on, and measured again only when the fingerprint changes.
//! A weight change re-scores everyone from kept measurements; importing one creator's
//! comments measures that creator only. The result equals a full [`super::audit_workspace`].
//!
//! Only the bootstrap intervals are stored beside a workspace, not the measurements: with the
//! intervals remembered, measuring is a small part of the audit, while the measurements of
//! 5,000 creators x 30 posts are 18 MB of JSON whose reading costs more than measuring again
//! (natively 164 ms to read plus 193 ms to score, against 250 ms to measure and score).

use std::hash::Hasher;

mod job;

use crate::fast_hash::{FastHasher, FastMap};
use crate::interval_memo::IntervalMemo;
use crate::AuditTables;
use crate::{AuditSettings, CreatorAudit, CreatorMetrics};
pub use job::ReauditJob;

/// Measurements kept between audits, by handle key.
#[derive(Debug, Clone, Default)]
pub struct MeasuredCreators {
    pub(crate) entries: FastMap<String, (u64, CreatorMetrics)>,
    /// Bootstrap intervals by their inputs; the part worth storing (see `interval_memo`).
    pub(crate) intervals: IntervalMemo,
}

impl MeasuredCreators {
    /// Adds intervals stored beside a workspace that is opening, so its first audit reuses
    /// them. Returns false (and changes nothing) when the text is damaged or outdated.
    pub fn remember_stored_intervals(&mut self, text: &str) -> bool {
        match IntervalMemo::decode(text) {
            Some(stored) => {
                self.intervals.absorb(stored);
                true
            }
            None => false,
        }
    }

    /// Adds what `other` knows that this does not (a measurement this holds is the newer).
    pub fn absorb(&mut self, other: MeasuredCreators) {
        for (key, entry) in other.entries {
            self.entries.entry(key).or_insert(entry);
        }
        self.intervals.absorb(other.intervals);
    }

    /// The intervals the last audit used, as text to store beside the workspace.
    pub fn stored_intervals(&self) -> Option<String> {
        self.intervals.encode()
    }

    /// Bootstrap intervals the last audit drew rather than remembered: worth storing.
    pub fn intervals_drawn_by_last_audit(&self) -> usize {
        self.intervals.drawn_by_last_audit()
    }

    pub fn intervals_are_empty(&self) -> bool {
        self.intervals.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// How much of an audit was measured afresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReauditCounts {
    pub measured: usize,
    pub reused: usize,
}

/// Fingerprint of the settings the measurements depend on: everything except the weights, the
/// objective they came from and the reach reference, which only the score uses. `None` when
/// the settings cannot be written out (nothing is reused then).
pub(crate) fn measurement_settings_key(settings: &AuditSettings) -> Option<u64> {
    let mut neutral = settings.clone();
    let defaults = AuditSettings::default();
    neutral.weights = defaults.weights;
    neutral.objective = defaults.objective;
    neutral.reference_reach_rate = defaults.reference_reach_rate;
    let text = serde_json::to_string(&neutral).ok()?;
    let mut h = FastHasher::default();
    h.write(text.as_bytes());
    Some(h.finish())
}

/// [`super::audit_workspace`], measuring only the creators whose inputs changed since the audit
/// that filled `kept`; `kept` is updated to this workspace (creators that are gone are dropped).
pub fn audit_workspace_reusing(
    tables: &AuditTables<'_>,
    settings: &AuditSettings,
    kept: &mut MeasuredCreators,
) -> (Vec<CreatorAudit>, ReauditCounts) {
    let mut job = ReauditJob::start(tables, settings, std::mem::take(kept));
    job.step(tables, settings, usize::MAX);
    let (audits, counts, measured) = job.finish(tables);
    *kept = measured;
    (audits, counts)
}
