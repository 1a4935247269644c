//! The order of hits as one integer pair per article, the cursor that marks a
//! place in that order, and the top-k window kept while collecting.
//!
//! Every sort maps to a [`SortKey`] `(primary, tie)` where a larger primary
//! comes first and `tie` is the article's `id_key`, smaller first. The pair
//! does not depend on segments or document numbers, so "everything after this
//! key" (a cursor) means the same thing however the index is split or merged.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::DocAddress;

use crate::error::{Error, Result};
use crate::request::Sort;

/// Position of an article in the order of a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SortKey {
    /// Larger first: ordered score bits, or the date (newest) or its complement (oldest).
    pub primary: u64,
    /// Smaller first: the article's `id_key`.
    pub tie: u64,
}

impl Ord for SortKey {
    /// `Greater` means "comes first".
    fn cmp(&self, other: &Self) -> Ordering {
        self.primary
            .cmp(&other.primary)
            .then(other.tie.cmp(&self.tie))
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The primary key of a relevance score: IEEE bits reordered so integers
/// compare as the floats do.
pub(crate) fn score_key(score: f32) -> u64 {
    let bits = score.to_bits();
    u64::from(if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    })
}

/// The primary key of a publication date; undated articles come last either way.
pub(crate) fn date_key(sort: Sort, secs: Option<i64>) -> u64 {
    let Some(secs) = secs else { return 0 };
    let ordered = (secs as u64) ^ (1 << 63);
    match sort {
        Sort::Oldest => (!ordered).max(1),
        _ => ordered.max(1),
    }
}

/// One collected article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ranked {
    pub key: SortKey,
    pub address: DocAddress,
    pub score: f32,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .cmp(&other.key)
            .then(other.address.cmp(&self.address))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The best `capacity` entries seen.
#[derive(Debug)]
pub(crate) struct TopK {
    capacity: usize,
    heap: BinaryHeap<Reverse<Ranked>>,
}

impl TopK {
    pub(crate) fn new(capacity: usize) -> Self {
        TopK {
            capacity,
            heap: BinaryHeap::with_capacity(capacity.min(4096) + 1),
        }
    }

    /// Whether an entry with `key` could still enter the window; lets callers
    /// skip work for entries that cannot.
    pub(crate) fn admits(&self, key: SortKey) -> bool {
        self.heap.len() < self.capacity || self.heap.peek().is_some_and(|worst| key > worst.0.key)
    }

    /// Whether an entry whose primary key is `primary` could enter the window
    /// with some tie-break.
    pub(crate) fn may_admit(&self, primary: u64) -> bool {
        self.heap.len() < self.capacity
            || self
                .heap
                .peek()
                .is_some_and(|worst| primary >= worst.0.key.primary)
    }

    pub(crate) fn push(&mut self, entry: Ranked) {
        if self.heap.len() < self.capacity {
            self.heap.push(Reverse(entry));
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if entry > worst.0 {
                worst.0 = entry;
            }
        }
    }

    /// Entries best first.
    pub(crate) fn into_sorted(self) -> Vec<Ranked> {
        let mut entries: Vec<Ranked> = self.heap.into_iter().map(|r| r.0).collect();
        entries.sort_unstable_by(|a, b| b.cmp(a));
        entries
    }
}

/// Opaque cursor text: version, sort, the last key shown, and a fingerprint of
/// the search it belongs to, in hex.
pub(crate) fn encode_cursor(sort: Sort, key: SortKey, fingerprint: u32) -> String {
    let sort = match sort {
        Sort::Relevance => 0u8,
        Sort::Newest => 1,
        Sort::Oldest => 2,
    };
    format!(
        "1{sort:01x}{:016x}{:016x}{fingerprint:08x}",
        key.primary, key.tie
    )
}

/// Reads a cursor, checking it belongs to this sort and search.
pub(crate) fn decode_cursor(text: &str, sort: Sort, fingerprint: u32) -> Result<SortKey> {
    let invalid = |why: &str| Error::Cursor(format!("{why}; pass `next_cursor` back unchanged"));
    if text.len() != 42 || !text.is_ascii() || !text.starts_with('1') {
        return Err(invalid("not a cursor of this archive"));
    }
    let hex = |range: std::ops::Range<usize>| {
        u64::from_str_radix(&text[range], 16).map_err(|_| invalid("not a cursor of this archive"))
    };
    let expected_sort = match sort {
        Sort::Relevance => 0,
        Sort::Newest => 1,
        Sort::Oldest => 2,
    };
    if hex(1..2)? != expected_sort {
        return Err(invalid("the cursor belongs to another sort order"));
    }
    if hex(34..42)? != u64::from(fingerprint) {
        return Err(invalid("the cursor belongs to another query or filters"));
    }
    Ok(SortKey {
        primary: hex(2..18)?,
        tie: hex(18..34)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_keys_order_like_scores() {
        let scores = [-1.5f32, 0.0, 0.25, 1.0, 7.5, 100.0];
        for pair in scores.windows(2) {
            assert!(score_key(pair[0]) < score_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn date_keys_put_undated_last() {
        let (early, late) = (Some(-86_400), Some(1_700_000_000));
        assert!(date_key(Sort::Newest, late) > date_key(Sort::Newest, early));
        assert!(date_key(Sort::Oldest, early) > date_key(Sort::Oldest, late));
        for sort in [Sort::Newest, Sort::Oldest] {
            assert!(date_key(sort, None) < date_key(sort, early));
            assert!(date_key(sort, None) < date_key(sort, late));
        }
    }

    #[test]
    fn ties_break_on_the_smaller_id_key() {
        let a = SortKey { primary: 5, tie: 1 };
        let b = SortKey { primary: 5, tie: 2 };
        assert!(a > b);
    }

    #[test]
    fn top_k_keeps_the_best() {
        let mut top = TopK::new(2);
        for (i, primary) in [3u64, 9, 1, 7].into_iter().enumerate() {
            top.push(Ranked {
                key: SortKey { primary, tie: 0 },
                address: DocAddress::new(0, i as u32),
                score: 0.0,
            });
        }
        let kept: Vec<u64> = top.into_sorted().iter().map(|r| r.key.primary).collect();
        assert_eq!(kept, [9, 7]);
    }

    #[test]
    fn cursors_round_trip_and_refuse_other_searches() {
        let key = SortKey {
            primary: u64::MAX - 3,
            tie: 42,
        };
        let text = encode_cursor(Sort::Newest, key, 0xdead_beef);
        assert_eq!(
            decode_cursor(&text, Sort::Newest, 0xdead_beef).unwrap(),
            key
        );
        assert!(decode_cursor(&text, Sort::Oldest, 0xdead_beef).is_err());
        assert!(decode_cursor(&text, Sort::Newest, 1).is_err());
        assert!(decode_cursor("garbage", Sort::Newest, 0xdead_beef).is_err());
        assert!(decode_cursor(&"é".repeat(21), Sort::Newest, 0).is_err());
    }
}
