//! Re-auditing a workspace after an edit without measuring every creator again.
//!
//! Measuring a creator (the bootstrap interval above all) is the expensive part of the audit;
//! the score, flags and notes built from the measurements are cheap. So each creator's
//! [`CreatorMetrics`] is kept with a fingerprint of that creator's own inputs and of the
//! settings the measurements depend on, and measured again only when the fingerprint changes.
//! A weight change re-scores everyone from kept measurements; importing one creator's
//! comments measures that creator only. The result equals a full [`super::audit_workspace`].

use std::hash::Hasher;

use super::fingerprint::creator_inputs_fingerprint;
use crate::fast_hash::{FastHasher, FastMap};
use crate::interval_memo::IntervalMemo;
use crate::AuditTables;
use crate::{
    add_follower_sample, assess, handle_key, measure, rank, AuditSettings, CommenterPatterns,
    CreatorAudit, CreatorMetrics,
};
use microplan_model::rows::{CommentSummary, FollowerPoint, Post};

/// Measurements kept between audits, by handle key.
#[derive(Debug, Clone, Default)]
pub struct MeasuredCreators {
    entries: FastMap<String, (u64, CreatorMetrics)>,
    /// Bootstrap intervals by their inputs; the part worth storing (see `interval_memo`).
    intervals: IntervalMemo,
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
fn measurement_settings_key(settings: &AuditSettings) -> Option<u64> {
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
    let mut posts: FastMap<String, Vec<&Post>> = FastMap::default();
    for post in tables.posts {
        posts
            .entry(handle_key(&post.handle))
            .or_default()
            .push(post);
    }
    let mut history: FastMap<String, Vec<&FollowerPoint>> = FastMap::default();
    for point in tables.follower_history {
        history
            .entry(handle_key(&point.handle))
            .or_default()
            .push(point);
    }
    let mut summaries: FastMap<String, Vec<&CommentSummary>> = FastMap::default();
    for summary in tables.comment_summaries {
        summaries
            .entry(handle_key(&summary.handle))
            .or_default()
            .push(summary);
    }
    let commenters: FastMap<String, &CommenterPatterns> = tables
        .commenter_patterns
        .iter()
        .map(|stored| (handle_key(&stored.handle), &stored.patterns))
        .collect();
    let settings_key = measurement_settings_key(settings);
    let mut counts = ReauditCounts::default();
    let mut next = MeasuredCreators {
        entries: FastMap::default(),
        intervals: std::mem::take(&mut kept.intervals),
    };
    let mut audits: Vec<CreatorAudit> = Vec::with_capacity(tables.creators.len());
    for creator in tables.creators {
        let key = handle_key(&creator.handle);
        let posts = posts.get(&key).map_or(&[][..], Vec::as_slice);
        let history = history.get(&key).map_or(&[][..], Vec::as_slice);
        let summaries = summaries.get(&key).map_or(&[][..], Vec::as_slice);
        let commenters = commenters.get(&key).copied();
        let fingerprint = settings_key.map(|settings_key| {
            creator_inputs_fingerprint(settings_key, creator, posts, history, summaries, commenters)
        });
        let kept_metrics = kept
            .entries
            .get(&key)
            .filter(|(kept_print, _)| Some(*kept_print) == fingerprint)
            .map(|(_, metrics)| metrics.clone());
        let metrics = match kept_metrics {
            Some(metrics) => {
                counts.reused += 1;
                metrics
            }
            None => {
                counts.measured += 1;
                measure(
                    creator,
                    posts,
                    history,
                    summaries,
                    commenters,
                    settings,
                    &mut next.intervals,
                )
            }
        };
        if let Some(fingerprint) = fingerprint {
            next.entries.insert(key, (fingerprint, metrics.clone()));
        }
        audits.push(assess(creator, metrics, settings));
    }
    for sample in tables.follower_samples {
        let key = handle_key(&sample.handle);
        if let Some(audit) = audits.iter_mut().find(|a| handle_key(&a.handle) == key) {
            add_follower_sample(audit, sample);
        }
    }
    rank(&mut audits);
    // Intervals of reused creators were not looked up, so only an audit that measured
    // everyone knows which stored intervals are no longer needed.
    next.intervals.finish_audit(counts.reused == 0);
    *kept = next;
    (audits, counts)
}
