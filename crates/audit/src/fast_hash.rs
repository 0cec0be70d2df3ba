//! A small, fast, deterministic hasher for the audit's internal hash maps (post ids, shingles,
//! commenter keys) and in-memory fingerprints. The standard SipHash resists hash flooding,
//! which matters for servers, not for a page analysing its own user's file, and it is several
//! times slower on short keys. The only stored values are the creator fingerprints of the
//! audit's measurement cache (`measured_cache`), where a changed mix only makes every entry
//! miss once, so the mix may change freely.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Odd multiplier of FxHash (an odd factor keeps each step a bijection of the state).
const MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// Word-at-a-time rotate/xor/multiply mix (FxHash style) with a final avalanche in `finish`.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z ^ (z >> 29)
    }

    /// Eight bytes per step; the tail word carries its length in the top byte, so "ab" and
    /// "ab\0" differ.
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().unwrap_or([0; 8]);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        for (slot, byte) in word.iter_mut().zip(rest) {
            *slot = *byte;
        }
        self.mix(u64::from_le_bytes(word) | ((rest.len() as u64) << 56));
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.mix(u64::from(value));
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.mix(value);
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.mix(value as u64);
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.mix(u64::from(value));
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn hash_bytes(bytes: &[u8]) -> u64 {
        let mut h = FastHasher::default();
        h.write(bytes);
        h.finish()
    }

    #[test]
    fn maps_work_with_string_and_integer_keys() {
        let mut map: FastMap<&str, u32> = FastMap::default();
        *map.entry("nice pic").or_insert(0) += 1;
        *map.entry("nice pic").or_insert(0) += 1;
        map.insert("love it", 5);
        assert_eq!(map.get("nice pic"), Some(&2));
        let set: FastSet<u64> = (0..1_000u64).map(|i| i * 7).collect();
        assert_eq!(set.len(), 1_000);
        assert!(set.contains(&700) && !set.contains(&701));
    }

    #[test]
    fn byte_strings_of_every_tail_length_hash_apart() {
        // Prefixes of one 40-byte text (every tail length 0..7 occurs), a trailing zero byte,
        // and a one-byte change at every position: all 40 + 1 + 40 hashes distinct.
        let text = b"fan_123_45 | 123-17 | which flour is it?";
        let mut seen: FastSet<u64> = FastSet::default();
        for len in 0..text.len() {
            assert!(seen.insert(hash_bytes(&text[..len])), "prefix {len}");
        }
        let mut padded = text.to_vec();
        padded.push(0);
        assert!(seen.insert(hash_bytes(&padded)));
        for at in 0..text.len() {
            let mut changed = text.to_vec();
            changed[at] ^= 1;
            assert!(seen.insert(hash_bytes(&changed)), "change at {at}");
        }
        assert_eq!(seen.len(), 2 * text.len() + 1);
    }
}
