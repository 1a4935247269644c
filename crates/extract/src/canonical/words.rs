//! Small tools for the names of one article: fixed word lists looked up
//! in any case without allocating, and fast hashed maps of names.

use std::sync::OnceLock;

use foldhash::fast::{FixedState, RandomState};

/// Map of an article's names, with foldhash: several times cheaper than the
/// standard SipHash for these short strings, and still seeded per process.
pub(super) type HashMap<K, V> = std::collections::HashMap<K, V, RandomState>;
/// Set of an article's names (see [`HashMap`]).
pub(super) type HashSet<K> = std::collections::HashSet<K, RandomState>;

/// A fixed list of lowercase words, looked up in any case without
/// allocating (a hash set built on first use: the lists are looked up
/// several times per mention, and hashing beat binary search by about 3x).
pub(super) struct WordList {
    words: &'static [&'static str],
    // The lists come from this crate, not from input: a fixed seed will do.
    set: OnceLock<std::collections::HashSet<&'static [u8], FixedState>>,
}

impl WordList {
    /// The list of `words` (lowercase).
    pub(super) const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words of the list, lowercase.
    pub(super) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `word`, lowercased, is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        let set = self
            .set
            .get_or_init(|| self.words.iter().map(|w| w.as_bytes()).collect());
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            set.contains(&*lower)
        } else {
            set.contains(word.to_lowercase().as_bytes())
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
