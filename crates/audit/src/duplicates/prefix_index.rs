//! The prefix index of the near-duplicate join in one flat list instead of a list per
//! shingle: thousands of small growing lists cost an allocation and several copies each, per
//! creator. The sets are indexed in a fixed order (the visiting order), so how many postings
//! each shingle will get is known up front: each shingle owns a fixed slice of the list,
//! filled front to back as sets are indexed. A probe sees only what has been filled, which is
//! exactly what the per-shingle lists held at that moment.

use super::{index_prefix_length, Posting};
use crate::duplicates::ranked::RankedSets;

pub(super) struct PrefixIndex {
    postings: Vec<Posting>,
    /// Shingle `s` owns `postings[start[s]..start[s + 1]]`.
    start: Vec<usize>,
    /// Postings of shingle `s` written so far.
    filled: Vec<usize>,
    /// Postings of shingle `s` before this offset belong to sets too small for every later
    /// probe (probes come in order of size).
    too_small: Vec<usize>,
}

impl PrefixIndex {
    /// Room for the index prefixes of the sets in `order`, the order they will be added in.
    pub(super) fn new(sets: &RankedSets, order: &[usize], threshold: f64) -> PrefixIndex {
        let shingles = sets.shingle_count;
        let mut start: Vec<usize> = vec![0; shingles + 1];
        for &set in order {
            let ranks = sets.ranks(set);
            for &shingle in ranks
                .iter()
                .take(index_prefix_length(ranks.len(), threshold))
            {
                if let Some(count) = start.get_mut(shingle as usize + 1) {
                    *count += 1;
                }
            }
        }
        let mut total = 0;
        for slot in &mut start {
            total += *slot;
            *slot = total;
        }
        let empty = Posting {
            text: 0,
            position: 0,
            size: 0,
        };
        PrefixIndex {
            postings: vec![empty; total],
            start,
            filled: vec![0; shingles],
            too_small: vec![0; shingles],
        }
    }

    /// The postings of `shingle` written so far whose set has at least `min_size` shingles.
    pub(super) fn postings(&mut self, shingle: u32, min_size: f64) -> &[Posting] {
        let slot = shingle as usize;
        let (Some(&from), Some(&filled), Some(skip)) = (
            self.start.get(slot),
            self.filled.get(slot),
            self.too_small.get_mut(slot),
        ) else {
            return &[];
        };
        let written = self.postings.get(from..from + filled).unwrap_or(&[]);
        while written
            .get(*skip)
            .is_some_and(|p| (p.size as f64) < min_size)
        {
            *skip += 1;
        }
        written.get(*skip..).unwrap_or(&[])
    }

    /// Adds a posting under `shingle` (at most as many as `new` made room for).
    pub(super) fn add(&mut self, shingle: u32, posting: Posting) {
        let slot = shingle as usize;
        let (Some(&from), Some(&end), Some(filled)) = (
            self.start.get(slot),
            self.start.get(slot + 1),
            self.filled.get_mut(slot),
        ) else {
            return;
        };
        if from + *filled < end {
            if let Some(place) = self.postings.get_mut(from + *filled) {
                *place = posting;
            }
            *filled += 1;
        }
    }
}
