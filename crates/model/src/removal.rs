//! Taking items out of a list so that they can be put back where they were: the data side
//! of undoing a delete.

/// Removes the items `pick` selects and returns them with their positions, first first.
pub fn take_where<T>(list: &mut Vec<T>, pick: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut kept = Vec::with_capacity(list.len());
    let mut taken = Vec::new();
    for (position, item) in std::mem::take(list).into_iter().enumerate() {
        if pick(&item) {
            taken.push((position, item));
        } else {
            kept.push(item);
        }
    }
    *list = kept;
    taken
}

/// Puts items taken by `take_where` back at their positions (or at the end of a list that
/// has shrunk since).
pub fn put_back<T>(list: &mut Vec<T>, taken: Vec<(usize, T)>) {
    for (position, item) in taken {
        let at = position.min(list.len());
        list.insert(at, item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_items_go_back_to_their_places() {
        let mut list = vec!["a", "b1", "c", "b2", "d"];
        let taken = take_where(&mut list, |x| x.starts_with('b'));
        assert_eq!(list, vec!["a", "c", "d"]);
        assert_eq!(taken, vec![(1, "b1"), (3, "b2")]);
        put_back(&mut list, taken);
        assert_eq!(list, vec!["a", "b1", "c", "b2", "d"]);
    }

    #[test]
    fn a_list_that_shrank_gets_them_at_its_end() {
        let mut list = vec![1, 2, 3, 4];
        let taken = take_where(&mut list, |x| *x >= 3);
        list.clear();
        put_back(&mut list, taken);
        assert_eq!(list, vec![3, 4]);
    }
}
