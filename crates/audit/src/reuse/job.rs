//! The re-audit of [`crate::reuse`] cut into steps, so a page can measure a few hundred
//! creators per frame instead of freezing for the whole workspace. Started, stepped to the end
//! and finished, it gives exactly what one call of `audit_workspace_reusing` gives.
//!
//! The job keeps row positions, not borrows, so it can live between frames; every step must be
//! given the same tables it was started with (the caller drops the job when they change).

use super::{measurement_settings_key, MeasuredCreators, ReauditCounts};
use crate::fast_hash::FastMap;
use crate::fingerprint::creator_inputs_fingerprint;
use crate::{
    add_follower_sample, assess, handle_key, measure, rank, AuditSettings, AuditTables,
    CreatorAudit,
};

/// Rows grouped by creator per step and creator of the step's budget: grouping a row costs
/// a small fraction of measuring a creator.
const ROWS_GROUPED_PER_CREATOR: usize = 200;

/// Positions of each handle's rows, by handle key, filled a slice at a time.
#[derive(Debug, Default)]
struct Grouped {
    by_handle: FastMap<String, Vec<usize>>,
    rows_done: usize,
}

impl Grouped {
    /// Groups up to `budget` more rows; returns the budget left (0 when rows remain). A run of
    /// rows with the same handle (tables are usually stored creator by creator) is keyed and
    /// looked up once, not row by row.
    fn group<T>(&mut self, rows: &[T], handle: impl Fn(&T) -> &str, budget: usize) -> usize {
        let end = self.rows_done.saturating_add(budget).min(rows.len());
        let mut run: Option<&str> = None;
        let mut positions = Vec::new();
        for (offset, row) in rows
            .get(self.rows_done..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let row_handle = handle(row);
            if run != Some(row_handle) {
                if let Some(run) = run {
                    self.add_run(run, &mut positions);
                }
                run = Some(row_handle);
            }
            positions.push(self.rows_done.saturating_add(offset));
        }
        if let Some(run) = run {
            self.add_run(run, &mut positions);
        }
        let grouped = end.saturating_sub(self.rows_done);
        self.rows_done = end;
        if end < rows.len() {
            0
        } else {
            budget.saturating_sub(grouped)
        }
    }

    /// Moves the positions of a run of rows of `handle` to that handle's list.
    fn add_run(&mut self, handle: &str, positions: &mut Vec<usize>) {
        self.by_handle
            .entry(handle_key(handle))
            .or_default()
            .append(positions);
    }
}

/// A re-audit under way: rows are grouped by creator first, then creators before `position`
/// are audited.
#[derive(Debug)]
pub struct ReauditJob {
    posts: Grouped,
    history: Grouped,
    summaries: Grouped,
    commenters: FastMap<String, usize>,
    settings_key: Option<u64>,
    /// The measurements kept from before (their intervals moved to `next`).
    kept: MeasuredCreators,
    next: MeasuredCreators,
    audits: Vec<CreatorAudit>,
    counts: ReauditCounts,
    position: usize,
}

/// The rows at `positions` (all of them, since the tables are the ones indexed).
fn rows_at<'a, T>(rows: &'a [T], positions: Option<&Vec<usize>>) -> Vec<&'a T> {
    positions
        .map(|positions| positions.iter().filter_map(|&p| rows.get(p)).collect())
        .unwrap_or_default()
}

impl ReauditJob {
    /// Starts the audit; groups and measures nothing yet.
    pub fn start(
        tables: &AuditTables<'_>,
        settings: &AuditSettings,
        kept: MeasuredCreators,
    ) -> Self {
        let mut kept = kept;
        let commenters = tables
            .commenter_patterns
            .iter()
            .enumerate()
            .map(|(position, stored)| (handle_key(&stored.handle), position))
            .collect();
        let next = MeasuredCreators {
            entries: FastMap::default(),
            intervals: std::mem::take(&mut kept.intervals),
        };
        ReauditJob {
            posts: Grouped::default(),
            history: Grouped::default(),
            summaries: Grouped::default(),
            commenters,
            settings_key: measurement_settings_key(settings),
            kept,
            next,
            audits: Vec::with_capacity(tables.creators.len()),
            counts: ReauditCounts::default(),
            position: 0,
        }
    }

    /// Audits up to `creators` more creators, after grouping that many creators' worth of
    /// rows while rows remain; true when every creator is audited.
    pub fn step(
        &mut self,
        tables: &AuditTables<'_>,
        settings: &AuditSettings,
        creators: usize,
    ) -> bool {
        // Rows first, in slices like the creators.
        let budget = creators.saturating_mul(ROWS_GROUPED_PER_CREATOR);
        let budget = self.posts.group(tables.posts, |p| &p.handle, budget);
        let budget = self
            .history
            .group(tables.follower_history, |p| &p.handle, budget);
        self.summaries
            .group(tables.comment_summaries, |s| &s.handle, budget);
        let grouped = self.posts.rows_done >= tables.posts.len()
            && self.history.rows_done >= tables.follower_history.len()
            && self.summaries.rows_done >= tables.comment_summaries.len();
        if !grouped {
            return false;
        }
        let end = self
            .position
            .saturating_add(creators)
            .min(tables.creators.len());
        for creator in tables.creators.get(self.position..end).unwrap_or_default() {
            let key = handle_key(&creator.handle);
            let posts = rows_at(tables.posts, self.posts.by_handle.get(&key));
            let history = rows_at(tables.follower_history, self.history.by_handle.get(&key));
            let summaries = rows_at(tables.comment_summaries, self.summaries.by_handle.get(&key));
            let commenters = self
                .commenters
                .get(&key)
                .and_then(|&p| tables.commenter_patterns.get(p))
                .map(|stored| &stored.patterns);
            let fingerprint = self.settings_key.map(|settings_key| {
                creator_inputs_fingerprint(
                    settings_key,
                    creator,
                    &posts,
                    &history,
                    &summaries,
                    commenters,
                )
            });
            let kept_metrics = self
                .kept
                .entries
                .get(&key)
                .filter(|(kept_print, _)| Some(*kept_print) == fingerprint)
                .map(|(_, metrics)| metrics.clone());
            let metrics = match kept_metrics {
                Some(metrics) => {
                    self.counts.reused += 1;
                    metrics
                }
                None => {
                    self.counts.measured += 1;
                    measure(
                        creator,
                        &posts,
                        &history,
                        &summaries,
                        commenters,
                        settings,
                        &mut self.next.intervals,
                    )
                }
            };
            if let Some(fingerprint) = fingerprint {
                self.next
                    .entries
                    .insert(key, (fingerprint, metrics.clone()));
            }
            self.audits.push(assess(creator, metrics, settings));
        }
        self.position = end;
        self.position >= tables.creators.len()
    }

    /// Creators audited so far.
    pub fn done(&self) -> usize {
        self.position
    }

    /// The finished audit, best score first, its counts and the measurements to keep for the
    /// next one. Creators not yet stepped through are left out.
    pub fn finish(
        self,
        tables: &AuditTables<'_>,
    ) -> (Vec<CreatorAudit>, ReauditCounts, MeasuredCreators) {
        let ReauditJob {
            mut audits,
            counts,
            mut next,
            ..
        } = self;
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
        (audits, counts, next)
    }

    /// Gives up the audit (its tables changed) and returns every measurement known, so the
    /// next job reuses what this one measured.
    pub fn abandon(self) -> MeasuredCreators {
        let ReauditJob { kept, next, .. } = self;
        let mut entries = kept.entries;
        entries.extend(next.entries);
        MeasuredCreators {
            entries,
            intervals: next.intervals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_grouped_by_handle_key_in_row_order_across_slices() {
        let rows = ["amy", "amy", "@Amy", "bo", "amy", "bo", "bo", " BO"];
        let mut grouped = Grouped::default();
        // Slices of 3 rows cut runs of one handle in two.
        assert_eq!(grouped.group(&rows, |r| r, 3), 0);
        assert_eq!(grouped.group(&rows, |r| r, 3), 0);
        assert_eq!(grouped.group(&rows, |r| r, 3), 1);
        assert_eq!(grouped.rows_done, 8);
        assert_eq!(grouped.by_handle.len(), 2);
        assert_eq!(grouped.by_handle.get("amy"), Some(&vec![0, 1, 2, 4]));
        assert_eq!(grouped.by_handle.get("bo"), Some(&vec![3, 5, 6, 7]));
    }
}
