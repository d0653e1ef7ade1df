//! The front end's hash maps (names in scope, imports, string constants,
//! type and signature spellings, function literals by address): keyed by
//! what the program being compiled spells, looked up a few thousand times
//! per run. std's default hasher (SipHash, randomly keyed against chosen
//! keys flooding a server's tables) cost about a twentieth of a corpus
//! run's own work; this is the multiply-rotate hash rustc uses for its own
//! tables, about a tenth of the instructions per key. The worst a program
//! with chosen names can do is slow its own compile; nothing depends on
//! the maps' iteration order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A [`HashMap`] with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Per word of input: rotate, xor the word in, multiply by an odd
/// constant (FxHash).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut a = [0u8; 8];
            a.copy_from_slice(w);
            self.add(u64::from_le_bytes(a));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(a));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::FastMap;
    use std::rc::Rc;

    /// Keys that differ only past a word, in their length or in a last
    /// partial word stay apart.
    #[test]
    fn distinct_keys_stay_distinct() {
        let keys = [
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
            "main.f",
            "main.g",
        ];
        let mut m: FastMap<Rc<str>, usize> = FastMap::default();
        for (i, k) in keys.iter().enumerate() {
            m.insert(Rc::from(*k), i);
        }
        assert_eq!(m.len(), keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(m.get(*k), Some(&i));
        }
        let mut n: FastMap<(usize, u32), u32> = FastMap::default();
        n.insert((1, 2), 3);
        n.insert((2, 1), 4);
        assert_eq!((n[&(1, 2)], n[&(2, 1)]), (3, 4));
    }
}
