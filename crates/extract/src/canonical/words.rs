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
/// Most lookups miss, so the lengths and first letters of the list's words
/// are checked before hashing.
pub(super) struct WordList {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// What a [`WordList`] looks words up in.
struct Index {
    // The lists come from this crate, not from input: a fixed seed will do.
    set: std::collections::HashSet<&'static [u8], FixedState>,
    /// Bit `n` for a word of `n` bytes (63: 63 or more).
    lengths: u64,
    /// Bit `b` for a word whose first byte is `b` (127: not ASCII).
    firsts: u128,
}

impl Index {
    fn new(words: &'static [&'static str]) -> Index {
        let mut index = Index {
            set: words.iter().map(|w| w.as_bytes()).collect(),
            lengths: 0,
            firsts: 0,
        };
        for w in words {
            index.lengths |= length_bit(w.as_bytes());
            index.firsts |= first_bit(w.as_bytes());
        }
        index
    }

    /// Whether `lower`, a lowercase word, is in the list.
    fn contains(&self, lower: &[u8]) -> bool {
        self.lengths & length_bit(lower) != 0
            && self.firsts & first_bit(lower) != 0
            && self.set.contains(lower)
    }
}

fn length_bit(word: &[u8]) -> u64 {
    1 << word.len().min(63)
}

fn first_bit(word: &[u8]) -> u128 {
    // An empty word shares bit 0 with the (control) byte 0: no list has either.
    1 << word.first().map_or(0, |&b| b.min(127))
}

impl WordList {
    /// The list of `words` (lowercase).
    pub(super) const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            index: OnceLock::new(),
        }
    }

    /// The words of the list, lowercase.
    pub(super) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `word`, lowercased, is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| Index::new(self.words));
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            // Most lookups miss on the length or the first letter: tell
            // before copying the word to lowercase it.
            let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
            if index.lengths & (1 << word.len().min(63)) == 0
                || index.firsts & first_bit(first.as_slice()) == 0
            {
                return false;
            }
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            index.set.contains(&*lower)
        } else {
            index.contains(word.to_lowercase().as_bytes())
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
        static LONG: WordList = WordList::new(&[
            "",
            "a",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm",
        ]);
        assert!(LONG.contains("") && LONG.contains("A"));
        let upper = format!("{}ABCDEFGHIJKLM", "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(2));
        assert!(LONG.contains(&upper));
        assert!(!LONG.contains(&"a".repeat(65)) && !LONG.contains("b"));
    }
}
