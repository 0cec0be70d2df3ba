//! The bootstrap intervals of the audit, remembered by their inputs and kept in storage
//! beside the workspace, so opening a workspace does not draw every creator's bootstrap
//! again (two thirds of measuring 5,000 creators).
//!
//! An interval is a pure function of the per-post rates, the number of resamples and the
//! seed, so each is looked up by a hash of exactly those: a stale or foreign entry can only
//! miss, never be shown. What the key cannot see is a change of the interval code itself;
//! `INTERVAL_REVISION` covers that, and a test (`tests/interval_memo.rs`) pins the demo's
//! intervals so a change that forgets to raise it fails.

use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use super::fast_hash::{FastHasher, FastMap};
use super::uncertainty::{mean_rate_interval, RateInterval};

/// Raise whenever `mean_rate_interval` can return something else for the same inputs.
pub const INTERVAL_REVISION: u32 = 1;

/// Intervals by input key: those known from before, and those this audit used (the next
/// audit's known ones, so entries of removed creators or old posts fall away).
#[derive(Debug, Clone, Default)]
pub struct IntervalMemo {
    known: FastMap<u64, Option<RateInterval>>,
    used: FastMap<u64, Option<RateInterval>>,
    /// Intervals computed (not remembered) since the last audit ended, and by that audit.
    drawing: usize,
    drawn: usize,
}

fn input_key(values: &[f64], resamples: usize, seed: u64) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write_u64(seed);
    hasher.write_usize(resamples);
    hasher.write_usize(values.len());
    for value in values {
        hasher.write_u64(value.to_bits());
    }
    hasher.finish()
}

/// A 64-bit digest of stored intervals (the text of [`IntervalMemo::encode`]), to tell whether
/// the stored intervals changed: equal texts give equal digests. Not a cryptographic hash.
pub fn stored_intervals_digest(text: &str) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

impl IntervalMemo {
    /// [`mean_rate_interval`], computed only for inputs not seen before.
    pub fn mean_rate_interval(
        &mut self,
        values: &[f64],
        resamples: usize,
        seed: u64,
    ) -> Option<RateInterval> {
        let key = input_key(values, resamples, seed);
        let interval = match self.known.get(&key).or_else(|| self.used.get(&key)) {
            Some(known) => *known,
            None => {
                self.drawing += 1;
                mean_rate_interval(values, resamples, seed)
            }
        };
        self.used.insert(key, interval);
        interval
    }

    /// Ends an audit. With `prune` (the audit looked up every creator's interval) what it
    /// used becomes all that is known; otherwise what it used is added to what is known.
    pub fn finish_audit(&mut self, prune: bool) {
        self.drawn = std::mem::take(&mut self.drawing);
        let used = std::mem::take(&mut self.used);
        if prune {
            self.known = used;
        } else {
            self.known.extend(used);
        }
    }

    /// Adds what `other` knows to what this memo knows.
    pub fn absorb(&mut self, other: IntervalMemo) {
        self.known.extend(other.known);
    }

    /// How many intervals the last audit computed rather than remembered.
    pub fn drawn_by_last_audit(&self) -> usize {
        self.drawn
    }

    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The known intervals as stored text; `None` when there are none.
    pub fn encode(&self) -> Option<String> {
        if self.known.is_empty() {
            return None;
        }
        let mut entries: Vec<(u64, Option<RateInterval>)> = self
            .known
            .iter()
            .map(|(key, interval)| (*key, *interval))
            .collect();
        // Sorted, so the same intervals always store the same text.
        entries.sort_unstable_by_key(|(key, _)| *key);
        serde_json::to_string(&StoredIntervals {
            revision: INTERVAL_REVISION,
            entries,
        })
        .ok()
    }

    /// Stored intervals, or `None` when the text is damaged or from another revision of the
    /// interval code (the audit then draws every bootstrap, as on a first open).
    pub fn decode(text: &str) -> Option<IntervalMemo> {
        let stored: StoredIntervals = serde_json::from_str(text).ok()?;
        (stored.revision == INTERVAL_REVISION).then(|| IntervalMemo {
            known: stored.entries.into_iter().collect(),
            ..IntervalMemo::default()
        })
    }
}

#[derive(Serialize, Deserialize)]
struct StoredIntervals {
    revision: u32,
    entries: Vec<(u64, Option<RateInterval>)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_intervals_equal_computed_ones_and_follow_their_inputs() {
        let mut memo = IntervalMemo::default();
        let rates = [0.02, 0.05, 0.03, 0.08];
        let first = memo.mean_rate_interval(&rates, 500, 7);
        assert_eq!(first, mean_rate_interval(&rates, 500, 7));
        assert!(first.is_some());
        memo.finish_audit(true);
        assert_eq!((memo.len(), memo.drawn_by_last_audit()), (1, 1));
        assert_eq!(memo.mean_rate_interval(&rates, 500, 7), first);
        // Another seed, resample count or rate is another input.
        assert_eq!(
            memo.mean_rate_interval(&rates, 500, 8),
            mean_rate_interval(&rates, 500, 8)
        );
        assert_eq!(
            memo.mean_rate_interval(&rates, 400, 7),
            mean_rate_interval(&rates, 400, 7)
        );
        let other = [0.02, 0.05, 0.03, 0.09];
        assert_eq!(
            memo.mean_rate_interval(&other, 500, 7),
            mean_rate_interval(&other, 500, 7)
        );
        assert_ne!(memo.mean_rate_interval(&other, 500, 7), first);
        memo.finish_audit(true);
        assert_eq!((memo.len(), memo.drawn_by_last_audit()), (4, 3));
        // An audit that did not look up everything keeps what it did not use.
        let _ = memo.mean_rate_interval(&[0.1, 0.2], 500, 7);
        memo.finish_audit(false);
        assert_eq!(memo.len(), 5);
        // One that looked up everything keeps only what it used.
        let _ = memo.mean_rate_interval(&rates, 500, 7);
        memo.finish_audit(true);
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn damaged_or_other_revision_stores_are_ignored() {
        assert!(IntervalMemo::decode("").is_none());
        assert!(IntervalMemo::decode("{\"revision\":1,\"entries\":[[1]]}").is_none());
        let other = format!("{{\"revision\":{},\"entries\":[]}}", INTERVAL_REVISION + 1);
        assert!(IntervalMemo::decode(&other).is_none());
        let empty = format!("{{\"revision\":{INTERVAL_REVISION},\"entries\":[]}}");
        assert!(IntervalMemo::decode(&empty).is_some_and(|memo| memo.is_empty()));
        assert!(IntervalMemo::default().encode().is_none());
    }
}
