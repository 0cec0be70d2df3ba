//! A small, fast, deterministic hasher for the audit's internal hash maps (post ids, shingles,
//! commenter keys). The standard SipHash resists hash flooding, which matters for servers, not
//! for a page analysing its own user's file, and it is several times slower on short keys.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a for byte strings, a multiply-xorshift mix for integers.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z ^ (z >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7CC1_B727_220A);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

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
}
