//! Duplicated and near-duplicate comments.
//!
//! Two comments are duplicates when their normalised texts are equal, and near-duplicates
//! when the Jaccard similarity of their character 3-shingles is at least the threshold
//! ([`DEFAULT_NEAR_DUPLICATE_THRESHOLD`] = 0.8: "nice pic" and "nice pics!" are 0.86,
//! "love this" and "love it" 0.33).
//!
//! The search avoids comparing every pair: identical texts are grouped first, and similar
//! distinct texts are found with prefix filtering (shingles ordered rarest first; two sets
//! with Jaccard >= t must share a shingle among the first `|x| - ceil(t|x|) + 1` of each),
//! the exact method of all-pairs similarity joins. Every candidate is then checked exactly.

use super::comment_text::{jaccard, shingles};
use super::fast_hash::FastMap;
use super::numbers::clamp;

/// Default Jaccard threshold for near-duplicates.
pub const DEFAULT_NEAR_DUPLICATE_THRESHOLD: f64 = 0.8;

struct Distinct {
    /// Shingles sorted by value (for the exact Jaccard check).
    by_hash: Vec<u64>,
    /// The rarest shingles, rarest first: the prefix the filter probes and indexes.
    by_rarity: Vec<u64>,
    duplicate: bool,
}

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
    let mut distinct: Vec<Distinct> = texts
        .iter()
        .zip(&counts)
        .map(|(text, count)| Distinct {
            by_rarity: Vec::new(),
            by_hash: shingles(text),
            duplicate: *count > 1,
        })
        .collect();
    mark_near_duplicates(&mut distinct, threshold);
    text_group
        .iter()
        .map(|group| {
            group
                .and_then(|g| distinct.get(g))
                .is_some_and(|d| d.duplicate)
        })
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

/// Prefix-filtered similarity self-join over distinct texts; marks both members of every pair
/// with Jaccard >= threshold. Only the flags are needed, not the pairs, so a candidate pair
/// whose members are both marked already is not checked (it could not change a flag).
fn mark_near_duplicates(distinct: &mut [Distinct], threshold: f64) {
    let mut frequency: FastMap<u64, u32> = FastMap::default();
    for item in distinct.iter() {
        for shingle in &item.by_hash {
            *frequency.entry(*shingle).or_insert(0) += 1;
        }
    }
    for item in distinct.iter_mut() {
        let mut keyed: Vec<(u32, u64)> = item
            .by_hash
            .iter()
            .map(|s| (frequency.get(s).copied().unwrap_or(0), *s))
            .collect();
        // Only the prefix is ever probed or indexed: find it, then order just that.
        let prefix = prefix_length(keyed.len(), threshold);
        if prefix > 0 && prefix < keyed.len() {
            keyed.select_nth_unstable(prefix - 1);
        }
        keyed.truncate(prefix);
        keyed.sort_unstable();
        item.by_rarity = keyed.into_iter().map(|(_, shingle)| shingle).collect();
    }
    let mut order: Vec<usize> = (0..distinct.len()).collect();
    order.sort_by_key(|&index| distinct.get(index).map_or(0, |d| d.by_hash.len()));
    let mut marked: Vec<bool> = distinct.iter().map(|d| d.duplicate).collect();
    let mut index: FastMap<u64, Vec<usize>> = FastMap::default();
    let mut last_seen: Vec<usize> = vec![usize::MAX; distinct.len()];
    for &x in &order {
        let Some(item) = distinct.get(x) else {
            continue;
        };
        let size = item.by_hash.len();
        if size == 0 {
            continue;
        }
        let prefix = item.by_rarity.len();
        let mut x_marked = marked.get(x).copied().unwrap_or(false);
        for shingle in item.by_rarity.iter().take(prefix) {
            for &y in index.get(shingle).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(seen) = last_seen.get_mut(y) else {
                    continue;
                };
                if *seen == x {
                    continue;
                }
                *seen = x;
                let Some(y_marked) = marked.get_mut(y) else {
                    continue;
                };
                if x_marked && *y_marked {
                    continue;
                }
                let Some(other) = distinct.get(y) else {
                    continue;
                };
                if (other.by_hash.len() as f64) < threshold * size as f64 - 1e-9 {
                    continue;
                }
                if similar_enough(&item.by_hash, &other.by_hash, threshold) {
                    *y_marked = true;
                    x_marked = true;
                }
            }
        }
        if let Some(flag) = marked.get_mut(x) {
            *flag = x_marked;
        }
        for shingle in item.by_rarity.iter().take(prefix) {
            index.entry(*shingle).or_default().push(x);
        }
    }
    for (item, flag) in distinct.iter_mut().zip(marked) {
        item.duplicate = flag;
    }
}

/// `jaccard(a, b) >= threshold`, giving up on a pair as soon as the shingles left cannot
/// bring it there. Comments written from a shared vocabulary share many frequent shingles, so
/// most candidate pairs are dissimilar and are settled after a few steps of the merge.
fn similar_enough(a: &[u64], b: &[u64], threshold: f64) -> bool {
    let total = a.len() + b.len();
    // Jaccard c / (total - c) >= t needs c >= t * total / (1 + t). The bound is lowered by
    // one and by a rounding margin, so a pair is only dropped early when even the most
    // favourable rest of the merge falls short: the answer equals the exact check's.
    let needed = (threshold * total as f64 / (1.0 + threshold) - 1e-6).floor() - 1.0;
    let needed = if needed > 0.0 { needed as usize } else { 0 };
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
                continue;
            }
        }
        let left = a.len().saturating_sub(i).min(b.len().saturating_sub(j));
        if common + left < needed {
            return false;
        }
    }
    jaccard(a, b) >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

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
