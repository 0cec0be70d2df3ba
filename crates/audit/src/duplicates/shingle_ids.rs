//! Small ids for distinct shingles, in order of first appearance. Every shingle occurrence of
//! every text is looked up here (about 50,000 per creator), so this is a bare open-addressing
//! table for 64-bit keys: one multiply to find the home slot, linear probing, at most half
//! full. The general map's hashing and entry path cost about twice as much per lookup.

#[derive(Clone, Copy)]
struct Slot {
    shingle: u64,
    /// [`FREE`] while the slot is unused.
    id: u32,
}

const FREE: u32 = u32::MAX;
/// Most distinct shingles the table makes room for up front (a creator's comments hold
/// about 2,000); it grows past this when it must.
const MOST_EXPECTED: usize = 2048;

pub(super) struct ShingleIds {
    /// A power of two in length, never more than half used.
    slots: Vec<Slot>,
    len: usize,
}

impl ShingleIds {
    /// A table for texts holding `occurrences` shingles in all (an upper bound of the
    /// distinct ones).
    pub(super) fn for_occurrences(occurrences: usize) -> ShingleIds {
        let size = (2 * occurrences.min(MOST_EXPECTED))
            .next_power_of_two()
            .max(16);
        ShingleIds {
            slots: vec![EMPTY_SLOT; size],
            len: 0,
        }
    }

    /// Distinct shingles so far (the next id to hand out).
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The id of `shingle`; a shingle not seen before gets the next id, [`Self::len`].
    pub(super) fn id(&mut self, shingle: u64) -> u32 {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = home(shingle, self.slots.len());
        // The table is at most half full, so the probe meets a free slot.
        while let Some(slot) = self.slots.get_mut(at) {
            if slot.id == FREE {
                let id = u32::try_from(self.len).unwrap_or(FREE - 1);
                *slot = Slot { shingle, id };
                self.len += 1;
                return id;
            }
            if slot.shingle == shingle {
                return slot.id;
            }
            at = (at + 1) & mask;
        }
        FREE - 1
    }

    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![EMPTY_SLOT; size]);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.id != FREE) {
            let mut at = home(slot.shingle, self.slots.len());
            while self.slots.get(at).is_some_and(|s| s.id != FREE) {
                at = (at + 1) & mask;
            }
            if let Some(free) = self.slots.get_mut(at) {
                *free = slot;
            }
        }
    }
}

const EMPTY_SLOT: Slot = Slot {
    shingle: 0,
    id: FREE,
};

/// Home slot of a shingle in a table of `size` (a power of two) slots: the top bits of a
/// Fibonacci multiply, which mixes every character of the packed shingle into them.
fn home(shingle: u64, size: usize) -> usize {
    let bits = size.trailing_zeros();
    if bits == 0 {
        return 0;
    }
    (shingle.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_appearance_and_survive_growth() {
        let mut ids = ShingleIds::for_occurrences(3);
        // Enough distinct keys to grow the table several times, seen twice each.
        let keys: Vec<u64> = (1..=20_000u64)
            .map(|k| k * 0x1_0000_0001 + (k << 42))
            .collect();
        for (expected, key) in keys.iter().enumerate() {
            assert_eq!(ids.id(*key) as usize, expected);
        }
        for (expected, key) in keys.iter().enumerate() {
            assert_eq!(ids.id(*key) as usize, expected);
        }
        assert_eq!(ids.len(), keys.len());
        // Zero and the short-text marks are keys like any other.
        assert_eq!(ids.id(0), 20_000);
        assert_eq!(ids.id(1 << 63), 20_001);
        assert_eq!(ids.id(0), 20_000);
    }
}
