//! Small tools for the names of one article: fixed word lists looked up
//! in any case without allocating, and a cheap seeded hasher for maps of
//! names.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Hasher for the short strings of one article (names, keys): xxh3 with a
/// seed drawn once per process, several times cheaper than the standard
/// SipHash here, and still not predictable from the outside.
#[derive(Default)]
pub(super) struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        static SEED: OnceLock<u64> = OnceLock::new();
        let seed = *SEED.get_or_init(|| {
            use std::hash::BuildHasher;
            std::collections::hash_map::RandomState::new().hash_one(0x5EED_u64)
        });
        self.0 = xxh3_64_with_seed(bytes, seed ^ self.0.rotate_left(17));
    }
}

/// Map with [`NameHasher`].
pub(super) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<NameHasher>>;
/// Set with [`NameHasher`].
pub(super) type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<NameHasher>>;

/// A fixed list of lowercase words, looked up in any case without
/// allocating (binary search over the list sorted on first use).
pub(super) struct WordList {
    words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// The list of `words` (lowercase).
    pub(super) const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            sorted: OnceLock::new(),
        }
    }

    /// Whether `word`, lowercased, is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        let sorted = self.sorted.get_or_init(|| {
            let mut v = self.words.to_vec();
            v.sort_unstable();
            v
        });
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower: &[u8] = lower;
            sorted.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
        } else {
            sorted.binary_search(&word.to_lowercase().as_str()).is_ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_ignore_case() {
        static L: WordList = WordList::new(&["mr", "president", "ünïcödé"]);
        assert!(L.contains("MR") && L.contains("President") && L.contains("ÜNÏCÖDÉ"));
        assert!(!L.contains("") && !L.contains("m") && !L.contains(&"x".repeat(40)));
    }
}
