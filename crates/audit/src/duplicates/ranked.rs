//! The shingle sets of the near-duplicate search, rewritten as ranks in one global order,
//! rarest shingle first, each set sorted ascending: the rarest shingles of every set come
//! first, which is what the prefix filter probes.
//!
//! Every distinct shingle gets a small id the first time it is seen, so each occurrence
//! costs one hash lookup, and a set's repeats are dropped by remembering which set counted an
//! id last (no sorting of 64-bit shingles). Ties in rarity are broken by first appearance:
//! the join is exact under any fixed global order, so the order only changes which pairs
//! the filters drop early, never a flag. All sets live in one list (no allocation per set).

use crate::comment_text::for_each_shingle;
use crate::fast_hash::FastMap;

pub(super) struct RankedSets {
    /// Every set's ranks, one set after another.
    ranks: Vec<u32>,
    /// Set `i` is `ranks[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
    /// Distinct shingles over all sets (ranks run from 0 to this).
    pub(super) shingle_count: usize,
}

impl RankedSets {
    pub(super) fn new(texts: &[&str]) -> RankedSets {
        let mut id_of: FastMap<u64, u32> = FastMap::default();
        // By id: how many sets hold the shingle, and the last set that counted it.
        let mut frequency: Vec<u32> = Vec::new();
        let mut counted_by: Vec<usize> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut bounds: Vec<usize> = Vec::with_capacity(texts.len() + 1);
        bounds.push(0);
        for (set, text) in texts.iter().enumerate() {
            for_each_shingle(text, |shingle| {
                let next = u32::try_from(frequency.len()).unwrap_or(u32::MAX);
                let id = *id_of.entry(shingle).or_insert(next);
                if id == next {
                    frequency.push(0);
                    counted_by.push(usize::MAX);
                }
                let slot = id as usize;
                if let (Some(last), Some(count)) =
                    (counted_by.get_mut(slot), frequency.get_mut(slot))
                {
                    if *last != set {
                        *last = set;
                        *count = count.saturating_add(1);
                        ids.push(id);
                    }
                }
            });
            bounds.push(ids.len());
        }
        // Rarest first, ties by id: frequency and id packed into one sortable number.
        let mut by_rarity: Vec<u64> = frequency
            .iter()
            .zip(0u32..)
            .map(|(count, id)| (u64::from(*count) << 32) | u64::from(id))
            .collect();
        by_rarity.sort_unstable();
        let mut rank_of: Vec<u32> = vec![0; frequency.len()];
        for (key, rank) in by_rarity.iter().zip(0u32..) {
            if let Some(slot) = rank_of.get_mut((key & u64::from(u32::MAX)) as usize) {
                *slot = rank;
            }
        }
        for id in &mut ids {
            *id = rank_of.get(*id as usize).copied().unwrap_or(u32::MAX);
        }
        let mut sets = RankedSets {
            ranks: ids,
            bounds,
            shingle_count: frequency.len(),
        };
        for set in 0..sets.len() {
            if let Some(ranks) = sets.range(set).and_then(|r| sets.ranks.get_mut(r)) {
                ranks.sort_unstable();
            }
        }
        sets
    }

    pub(super) fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    fn range(&self, set: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.bounds.get(set)?;
        let end = *self.bounds.get(set.checked_add(1)?)?;
        Some(start..end)
    }

    /// Set `set`'s ranks, ascending (empty for a set that does not exist).
    pub(super) fn ranks(&self, set: usize) -> &[u32] {
        self.range(set)
            .and_then(|range| self.ranks.get(range))
            .unwrap_or(&[])
    }

    pub(super) fn size(&self, set: usize) -> usize {
        self.range(set).map_or(0, |range| range.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comment_text::shingles;

    #[test]
    fn sets_keep_their_size_and_share_ranks_where_they_share_shingles() {
        // "nice pic" 6 shingles, "nice pics" 7 (6 shared), "ok" 1, "" none.
        let texts = ["nice pic", "nice pics", "ok", ""];
        let sets = RankedSets::new(&texts);
        assert_eq!(sets.len(), 4);
        let sizes: Vec<usize> = (0..4).map(|i| sets.size(i)).collect();
        assert_eq!(sizes, vec![6, 7, 1, 0]);
        assert_eq!(sets.shingle_count, 8);
        // Rarest first: "ics" and "ok" are in one set each, the six shared in two.
        let shared: Vec<u32> = sets.ranks(0).to_vec();
        assert_eq!(shared, vec![2, 3, 4, 5, 6, 7]);
        assert_eq!(sets.ranks(1), &[0, 2, 3, 4, 5, 6, 7]);
        assert_eq!(sets.ranks(2), &[1]);
        assert!(sets.ranks(3).is_empty() && sets.ranks(9).is_empty());
        // Repeated shingles count once, as in `shingles`.
        let repeated = RankedSets::new(&["aaaa aaaa"]);
        assert_eq!(repeated.size(0), shingles("aaaa aaaa").len());
    }
}
