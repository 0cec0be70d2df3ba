//! The shingle sets of the near-duplicate search, rewritten as ranks in one global order,
//! rarest shingle first, each set sorted ascending: the rarest shingles of every set come
//! first, which is what the prefix filter probes.
//!
//! Every distinct shingle gets a small id the first time it is seen, so each occurrence
//! costs one hash lookup, and a set's repeats are dropped by remembering which set counted an
//! id last (no sorting of 64-bit shingles). Ties in rarity are broken by first appearance:
//! the join is exact under any fixed global order, so the order only changes which pairs
//! the filters drop early, never a flag. All sets live in one list (no allocation per set).

use super::shingle_ids::ShingleIds;
use super::to_u32;
use crate::comment_text::for_each_shingle;

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
        // A text of n bytes has at most n shingles: room for all of them.
        let most = texts.iter().map(|text| text.len()).sum::<usize>();
        let mut id_of = ShingleIds::for_occurrences(most);
        // By id: how many sets hold the shingle, and the last set that counted it.
        let mut frequency: Vec<u32> = Vec::new();
        let mut counted_by: Vec<usize> = Vec::new();
        let mut ids: Vec<u32> = Vec::with_capacity(most);
        let mut bounds: Vec<usize> = Vec::with_capacity(texts.len() + 1);
        bounds.push(0);
        for (set, text) in texts.iter().enumerate() {
            for_each_shingle(text, |shingle| {
                let id = id_of.id(shingle);
                if id_of.len() > frequency.len() {
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
        let rank_of = ranks_by_rarity(&frequency);
        let ranks = sorted_sets(&ids, &bounds, &rank_of, &frequency);
        RankedSets {
            ranks,
            bounds,
            shingle_count: frequency.len(),
        }
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

/// Each id's rank: rarest first, ties by id. A counting sort by frequency, which keeps ids
/// of equal frequency in id order.
fn ranks_by_rarity(frequency: &[u32]) -> Vec<u32> {
    let most = frequency.iter().copied().max().unwrap_or(0) as usize;
    // next[f]: the next free rank for an id of frequency f.
    let mut next: Vec<u32> = vec![0; most.saturating_add(1)];
    for count in frequency {
        if let Some(slot) = next.get_mut(*count as usize) {
            *slot = slot.saturating_add(1);
        }
    }
    let mut start = 0u32;
    for slot in &mut next {
        let size = *slot;
        *slot = start;
        start = start.saturating_add(size);
    }
    frequency
        .iter()
        .map(|count| {
            let slot = next.get_mut(*count as usize);
            slot.map_or(u32::MAX, |rank| {
                let mine = *rank;
                *rank = rank.saturating_add(1);
                mine
            })
        })
        .collect()
}

/// Every set's ids as ranks, each set ascending, in two linear passes instead of a sort per
/// set: the sets are listed under each rank (the rank's entries fill `frequency` slots), then
/// the ranks are walked in order and handed back to their sets.
fn sorted_sets(ids: &[u32], bounds: &[usize], rank_of: &[u32], frequency: &[u32]) -> Vec<u32> {
    let mut entries_of_rank: Vec<usize> = vec![0; rank_of.len()];
    for (id, rank) in rank_of.iter().enumerate() {
        if let (Some(slot), Some(count)) =
            (entries_of_rank.get_mut(*rank as usize), frequency.get(id))
        {
            *slot = *count as usize;
        }
    }
    // rank_start[r]: where rank r's list of sets begins.
    let mut rank_start: Vec<usize> = Vec::with_capacity(rank_of.len() + 1);
    let mut total = 0usize;
    for entries in &entries_of_rank {
        rank_start.push(total);
        total = total.saturating_add(*entries);
    }
    rank_start.push(total);
    let mut owner: Vec<u32> = vec![0; ids.len()];
    let mut cursor = rank_start.clone();
    for (set, window) in bounds.windows(2).enumerate() {
        let [from, to] = window else { continue };
        for id in ids.get(*from..*to).unwrap_or(&[]) {
            let rank = rank_of.get(*id as usize).copied().unwrap_or(0) as usize;
            if let Some(at) = cursor.get_mut(rank) {
                if let Some(slot) = owner.get_mut(*at) {
                    *slot = to_u32(set);
                }
                *at = at.saturating_add(1);
            }
        }
    }
    let mut ranks: Vec<u32> = vec![0; ids.len()];
    let mut set_cursor: Vec<usize> = bounds.to_vec();
    for (rank, window) in (0u32..).zip(rank_start.windows(2)) {
        let [from, to] = window else { continue };
        for set in owner.get(*from..*to).unwrap_or(&[]) {
            if let Some(at) = set_cursor.get_mut(*set as usize) {
                if let Some(slot) = ranks.get_mut(*at) {
                    *slot = rank;
                }
                *at = at.saturating_add(1);
            }
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comment_text::shingles;

    #[test]
    fn ranks_follow_frequency_then_id() {
        // Frequencies by id: 3, 1, 2, 1 -> ids 1 and 3 first (id order), then 2, then 0.
        assert_eq!(ranks_by_rarity(&[3, 1, 2, 1]), vec![3, 0, 2, 1]);
        assert!(ranks_by_rarity(&[]).is_empty());
    }

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
