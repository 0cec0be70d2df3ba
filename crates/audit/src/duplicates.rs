//! Duplicated and near-duplicate comments.
//!
//! Two comments are duplicates when their normalised texts are equal, and near-duplicates
//! when the Jaccard similarity of their character 3-shingles is at least the threshold
//! ([`DEFAULT_NEAR_DUPLICATE_THRESHOLD`] = 0.8: "nice pic" and "nice pics!" are 0.86,
//! "love this" and "love it" 0.33).
//!
//! The search avoids comparing every pair: identical texts are grouped first, and similar
//! distinct texts are found with the exact all-pairs similarity join PPJoin:
//! - every shingle set is rewritten as ranks in one global order, rarest shingle first, and
//!   the texts are visited from the smallest set up;
//! - prefix filter: two sets with Jaccard >= t share a shingle among the first
//!   `|x| - ceil(t|x|) + 1` of the later, larger one `x`, and among the first
//!   `|y| - ceil(2t/(1+t)|y|) + 1` of the earlier `y`; only those are probed and indexed;
//! - size filter: `|y| >= t|x|`;
//! - positional filter: probing accumulates each candidate's shared shingles, and drops it
//!   once that count + 1 + the shingles left after the matching positions cannot reach
//!   `α = ceil(t/(1+t) (|x|+|y|))`, the overlap Jaccard t needs;
//! - the survivors are verified by merging on from the last matching positions, giving up
//!   when α is out of reach, and then decided by the Jaccard value itself.
//!
//! The overlap bounds are lowered by a rounding margin, so a filter only drops a pair the
//! exact check `jaccard(a, b) >= t` rejects too: the flags equal a brute-force comparison's.

use super::fast_hash::FastMap;
use super::numbers::clamp;
use prefix_index::PrefixIndex;
use ranked::RankedSets;

mod prefix_index;
mod ranked;
mod shingle_ids;

/// Default Jaccard threshold for near-duplicates.
pub const DEFAULT_NEAR_DUPLICATE_THRESHOLD: f64 = 0.8;

/// For each normalised text, whether another text in the list is equal or a near-duplicate.
/// Empty texts are never duplicates. A threshold outside (0, 1] is clamped into [0.05, 1].
pub fn duplicate_flags<S: AsRef<str>>(normalised: &[S], threshold: f64) -> Vec<bool> {
    let threshold = if threshold.is_finite() {
        clamp(threshold, 0.05, 1.0)
    } else {
        DEFAULT_NEAR_DUPLICATE_THRESHOLD
    };
    // Group identical texts.
    let mut group_of: FastMap<&str, usize> = FastMap::default();
    let mut counts: Vec<usize> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut text_group: Vec<Option<usize>> = Vec::with_capacity(normalised.len());
    for text in normalised.iter().map(AsRef::as_ref) {
        if text.is_empty() {
            text_group.push(None);
            continue;
        }
        let next = texts.len();
        let group = *group_of.entry(text).or_insert(next);
        if group == next {
            texts.push(text);
            counts.push(0);
        }
        if let Some(count) = counts.get_mut(group) {
            *count += 1;
        }
        text_group.push(Some(group));
    }
    let mut marked: Vec<bool> = counts.iter().map(|&count| count > 1).collect();
    mark_near_duplicates(&texts, threshold, &mut marked);
    text_group
        .iter()
        .map(|group| group.and_then(|g| marked.get(g).copied()).unwrap_or(false))
        .collect()
}

/// How many of a set's rarest shingles another set must share one of, to reach Jaccard
/// `threshold`: `size - ceil(threshold * size) + 1` (0 for an empty set).
fn prefix_length(size: usize, threshold: f64) -> usize {
    if size == 0 {
        return 0;
    }
    let needed = (threshold * size as f64 - 1e-9).ceil().max(1.0) as usize;
    size.saturating_sub(needed) + 1
}

/// The prefix a set is indexed under. Every later set is at least as large, so a pair needs
/// an overlap of at least `2t/(1+t) |y|`: `|y| - ceil(2t/(1+t) |y|) + 1` shingles suffice.
fn index_prefix_length(size: usize, threshold: f64) -> usize {
    if size == 0 {
        return 0;
    }
    let needed = (2.0 * threshold / (1.0 + threshold) * size as f64 - 1e-6)
        .ceil()
        .max(1.0) as usize;
    (size.saturating_sub(needed) + 1).min(prefix_length(size, threshold))
}

/// The overlap two sets of `total` shingles together need for Jaccard >= `threshold`:
/// c / (total - c) >= t means c >= t * total / (1 + t). The margin keeps the bound at or
/// below every overlap the floating-point Jaccard check accepts.
fn required_overlap(total: usize, threshold: f64) -> usize {
    let needed = (threshold * total as f64 / (1.0 + threshold) - 1e-6).ceil();
    if needed > 0.0 {
        needed as usize
    } else {
        0
    }
}

/// Jaccard from the overlap and the two sizes' sum, computed exactly as `jaccard` does.
fn jaccard_of_overlap(common: usize, total: usize) -> f64 {
    let union = total.saturating_sub(common);
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// `common` plus the overlap of two sorted lists, or `None` as soon as the shingles left
/// cannot bring it to `needed`.
///
/// A match moves both lists on and adds one to the overlap, so it never changes what is
/// still reachable; only a shingle skipped in one list lowers it. So each list has a budget
/// of skips, `common + len - needed`, and the pair is given up when one runs out.
fn overlap_reaching<T: Ord>(a: &[T], b: &[T], common: usize, needed: usize) -> Option<usize> {
    let mut skips_a = (common + a.len()).checked_sub(needed)?;
    let mut skips_b = (common + b.len()).checked_sub(needed)?;
    let (mut i, mut j, mut common) = (0, 0, common);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                skips_a = skips_a.checked_sub(1)?;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                skips_b = skips_b.checked_sub(1)?;
                j += 1;
            }
        }
    }
    Some(common)
}

/// `jaccard(a, b) >= threshold`, giving up on a pair as soon as the shingles left cannot
/// bring it there (the verification step, checked against `jaccard` by the tests).
#[cfg(test)]
fn similar_enough(a: &[u64], b: &[u64], threshold: f64) -> bool {
    let total = a.len() + b.len();
    overlap_reaching(a, b, 0, required_overlap(total, threshold))
        .is_some_and(|common| jaccard_of_overlap(common, total) >= threshold)
}

/// An indexed prefix shingle: which set, at which position, and the set's size.
#[derive(Clone, Copy)]
struct Posting {
    text: u32,
    position: u32,
    size: u32,
}

/// What probing one set has found about one candidate.
#[derive(Clone, Copy)]
struct Tally {
    /// The set being probed when this was last reset.
    probe: usize,
    overlap: usize,
    last_x: usize,
    last_y: usize,
    pruned: bool,
}

/// PPJoin self-join over distinct texts' shingle sets; marks both members of every pair with
/// Jaccard >= threshold. Only the flags are needed, not the pairs, so a pair whose members
/// are both marked already is not checked (it could not change a flag).
fn mark_near_duplicates(texts: &[&str], threshold: f64, marked: &mut [bool]) {
    let sets = RankedSets::new(texts);
    let mut order: Vec<usize> = (0..sets.len()).filter(|&i| sets.size(i) > 0).collect();
    order.sort_by_key(|&i| sets.size(i));
    // The overlap each pair size needs, computed once per sum of sizes.
    let largest = order.last().map_or(0, |&i| sets.size(i));
    let needed_for: Vec<usize> = (0..=largest.saturating_mul(2))
        .map(|total| required_overlap(total, threshold))
        .collect();
    let needed = |total: usize| {
        needed_for
            .get(total)
            .copied()
            .unwrap_or_else(|| required_overlap(total, threshold))
    };
    let mut index = PrefixIndex::new(&sets, &order, threshold);
    let fresh = Tally {
        probe: usize::MAX,
        overlap: 0,
        last_x: 0,
        last_y: 0,
        pruned: false,
    };
    let mut tally: Vec<Tally> = vec![fresh; sets.len()];
    let mut candidates: Vec<usize> = Vec::new();
    for &x in &order {
        let xs = sets.ranks(x);
        let size = xs.len();
        let x_marked = marked.get(x).copied().unwrap_or(false);
        let min_size = threshold * size as f64 - 1e-9;
        candidates.clear();
        for (i, &shingle) in xs.iter().take(prefix_length(size, threshold)).enumerate() {
            for posting in index.postings(shingle, min_size) {
                let (y, y_size) = (posting.text as usize, posting.size as usize);
                let Some(entry) = tally.get_mut(y) else {
                    continue;
                };
                if entry.probe != x {
                    *entry = Tally { probe: x, ..fresh };
                    entry.pruned = x_marked && marked.get(y).copied().unwrap_or(false);
                    candidates.push(y);
                }
                if entry.pruned {
                    continue;
                }
                let x_left = size.saturating_sub(i + 1);
                let y_left = y_size.saturating_sub(posting.position as usize + 1);
                if entry.overlap + 1 + x_left.min(y_left) < needed(size + y_size) {
                    entry.pruned = true;
                } else {
                    entry.overlap += 1;
                    entry.last_x = i;
                    entry.last_y = posting.position as usize;
                }
            }
        }
        let mut x_now = x_marked;
        for &y in &candidates {
            let Some(entry) = tally.get(y) else {
                continue;
            };
            let ys = sets.ranks(y);
            let y_marked = marked.get(y).copied().unwrap_or(false);
            if entry.pruned || entry.overlap == 0 || (x_now && y_marked) {
                continue;
            }
            // Every shared shingle up to the last matching positions has been counted.
            let total = size + ys.len();
            let rest_x = xs.get(entry.last_x + 1..).unwrap_or(&[]);
            let rest_y = ys.get(entry.last_y + 1..).unwrap_or(&[]);
            if overlap_reaching(rest_x, rest_y, entry.overlap, needed(total))
                .is_some_and(|common| jaccard_of_overlap(common, total) >= threshold)
            {
                x_now = true;
                if let Some(flag) = marked.get_mut(y) {
                    *flag = true;
                }
            }
        }
        if let Some(flag) = marked.get_mut(x) {
            *flag = x_now;
        }
        let (text, size) = (to_u32(x), to_u32(size));
        for (&shingle, position) in xs
            .iter()
            .take(index_prefix_length(xs.len(), threshold))
            .zip(0u32..)
        {
            index.add(
                shingle,
                Posting {
                    text,
                    position,
                    size,
                },
            );
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comment_text::{jaccard, shingles};

    fn flags(texts: &[&str]) -> Vec<bool> {
        let owned: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        duplicate_flags(&owned, DEFAULT_NEAR_DUPLICATE_THRESHOLD)
    }

    #[test]
    fn exact_and_near_duplicates_are_found() {
        let got = flags(&[
            "nice pic",
            "great race report from the fells",
            "nice pics",
            "love it",
            "nice pic",
            "",
        ]);
        assert_eq!(got, vec![true, false, true, false, true, false]);
    }

    #[test]
    fn distinct_comments_are_not_duplicates() {
        let got = flags(&[
            "love this",
            "love it",
            "what flour is that",
            "stunning crumb",
        ]);
        assert_eq!(got, vec![false; 4]);
    }

    /// The prefix filter finds exactly the pairs a brute-force comparison finds.
    #[test]
    fn prefix_filter_agrees_with_brute_force() {
        let texts = [
            "nice pic",
            "nice pics",
            "nice pic!!",
            "so nice pic",
            "great shot",
            "great shots",
            "great shot man",
            "what hydration was this",
            "what hydration is this",
            "love it",
            "love this",
            "amazing",
            "amazing!",
            "amazin",
            "the climb looked brutal",
            "the climb looked so brutal",
            "ok",
            "ok!",
            "o",
        ];
        let owned: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        for threshold in [0.5, 0.7, 0.8, 0.9, 1.0] {
            let fast = duplicate_flags(&owned, threshold);
            let sets: Vec<Vec<u64>> = owned.iter().map(|t| shingles(t)).collect();
            let brute: Vec<bool> = (0..sets.len())
                .map(|i| {
                    (0..sets.len()).any(|j| j != i && jaccard(&sets[i], &sets[j]) >= threshold)
                })
                .collect();
            assert_eq!(fast, brute, "threshold {threshold}");
        }
    }

    fn brute_force_flags(texts: &[String], threshold: f64) -> Vec<bool> {
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        (0..sets.len())
            .map(|i| (0..sets.len()).any(|j| j != i && jaccard(&sets[i], &sets[j]) >= threshold))
            .collect()
    }

    proptest::proptest! {
        /// Short texts over a four-letter alphabet collide and nearly collide often, which
        /// exercises the exact groups, the prefix filter and the skipped checks together.
        #[test]
        fn flags_agree_with_brute_force_on_random_lists(
            texts in proptest::collection::vec("[ab c]{0,9}", 0..16),
        ) {
            for threshold in [0.3, 0.5, 0.6, 0.75, 0.8, 0.9, 1.0] {
                proptest::prop_assert_eq!(
                    duplicate_flags(&texts, threshold),
                    brute_force_flags(&texts, threshold),
                    "threshold {}", threshold
                );
            }
        }

        /// Sentences of 3-8 words from a 12-word list share most of their shingles, so the
        /// positional filter and the verification do the deciding, at many thresholds.
        #[test]
        fn flags_agree_with_brute_force_on_shared_vocabulary(
            sentences in proptest::collection::vec(
                proptest::collection::vec(0usize..12, 3..9), 0..24),
        ) {
            const WORDS: [&str; 12] = [
                "love", "this", "great", "shot", "so", "nice", "the", "view", "amazing",
                "climb", "what", "pace",
            ];
            let texts: Vec<String> = sentences
                .iter()
                .map(|words| {
                    let words: Vec<&str> =
                        words.iter().filter_map(|&w| WORDS.get(w).copied()).collect();
                    words.join(" ")
                })
                .collect();
            for threshold in [0.3, 0.5, 0.6, 2.0 / 3.0, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0] {
                proptest::prop_assert_eq!(
                    duplicate_flags(&texts, threshold),
                    brute_force_flags(&texts, threshold),
                    "threshold {}", threshold
                );
            }
        }

        /// Giving up early never changes the answer of the exact Jaccard check.
        #[test]
        fn early_exit_agrees_with_jaccard(
            a in proptest::collection::btree_set(0u64..40, 0..30),
            b in proptest::collection::btree_set(0u64..40, 0..30),
        ) {
            let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
            for threshold in [0.05, 0.3, 0.5, 0.6, 2.0 / 3.0, 0.75, 0.8, 0.9, 1.0] {
                proptest::prop_assert_eq!(
                    similar_enough(&a, &b, threshold),
                    jaccard(&a, &b) >= threshold,
                    "threshold {}", threshold
                );
            }
        }
    }

    #[test]
    fn early_exit_settles_dissimilar_pairs_and_keeps_borderline_ones() {
        // 8 shared of 10 + 10 shingles: Jaccard 8 / 12 = 0.667.
        let a: Vec<u64> = (0..10).collect();
        let b: Vec<u64> = (2..12).collect();
        assert!(similar_enough(&a, &b, 2.0 / 3.0));
        assert!(!similar_enough(&a, &b, 0.7));
        // Nothing shared.
        let c: Vec<u64> = (100..110).collect();
        assert!(!similar_enough(&a, &c, 0.05));
        assert!(!similar_enough(&[], &[], 0.05));
    }
}
