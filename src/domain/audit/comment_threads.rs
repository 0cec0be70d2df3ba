//! Thread depth of imported comments: how far each reply sits below its top-level comment.

use super::comments::RawComment;
use super::fast_hash::FastMap;

/// Thread depth of every row (1 for top-level), following `parent` ids within the same post.
/// Memoised, so a long chain costs linear time; a cycle is cut where it closes.
pub(super) fn thread_depths(rows: &[RawComment]) -> Vec<u32> {
    let mut by_id: FastMap<(&str, &str), usize> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    for (index, row) in rows.iter().enumerate() {
        if let Some(id) = row.comment_id.as_deref().filter(|id| !id.is_empty()) {
            by_id.entry((row.post_id.as_str(), id)).or_insert(index);
        }
    }
    let mut depth: Vec<u32> = vec![0; rows.len()];
    let mut on_path: Vec<bool> = vec![false; rows.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..rows.len() {
        path.clear();
        let mut base = 0u32;
        let mut current = Some(start);
        while let Some(i) = current {
            let known = depth.get(i).copied().unwrap_or(0);
            if known > 0 || on_path.get(i).copied().unwrap_or(true) {
                base = known;
                break;
            }
            if let Some(flag) = on_path.get_mut(i) {
                *flag = true;
            }
            path.push(i);
            current = match rows.get(i).and_then(|r| r.parent.as_deref()).filter(|p| !p.is_empty())
            {
                None => None,
                Some(parent) => {
                    let post = rows.get(i).map_or("", |r| r.post_id.as_str());
                    let found = by_id.get(&(post, parent)).copied();
                    if found.is_none() {
                        base = 1; // the parent is not in the export
                    }
                    found
                }
            };
        }
        let mut level = base;
        for &i in path.iter().rev() {
            level = level.saturating_add(1);
            if let Some(slot) = depth.get_mut(i) {
                *slot = level;
            }
            if let Some(flag) = on_path.get_mut(i) {
                *flag = false;
            }
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, parent: Option<&str>) -> RawComment {
        RawComment {
            post_id: "p".into(),
            comment_id: Some(id.into()),
            commenter: "x".into(),
            text: "hi".into(),
            is_creator_reply: false,
            parent: parent.map(str::to_string),
        }
    }

    #[test]
    fn thread_depth_follows_parents_and_survives_cycles() {
        // a (top) <- b <- c; d answers a comment missing from the export; e and f form a cycle.
        let rows = [
            row("c", Some("b")),
            row("a", None),
            row("b", Some("a")),
            row("d", Some("gone")),
            row("e", Some("f")),
            row("f", Some("e")),
            row("g", Some("g")),
        ];
        let depths = thread_depths(&rows);
        assert_eq!(depths[..4], [3, 1, 2, 2]);
        assert!(depths[4..].iter().all(|d| (1..=2).contains(d)));
    }
}
