//! Facet values: counting column ordinals per segment, and turning the
//! counts of all segments into the top values by name through the
//! [`Vocabulary`].

use tantivy::SegmentOrdinal;

use crate::response::FacetCount;
use crate::search::vocabulary::Vocabulary;

/// Counts per column ordinal of one segment: a list of ordinals seen while
/// few, a dense array once many (allocating the array for every facet of
/// every segment would cost more than small queries take in all).
#[derive(Debug, Default)]
pub(crate) struct Counter {
    num_terms: usize,
    seen: Vec<u32>,
    dense: Vec<u32>,
}

impl Counter {
    pub(crate) fn new(num_terms: usize) -> Self {
        Counter {
            num_terms,
            seen: Vec::new(),
            dense: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, ord: u32) {
        if !self.dense.is_empty() {
            self.dense[ord as usize] += 1;
            return;
        }
        self.seen.push(ord);
        if self.seen.len() > self.num_terms.max(64) {
            self.dense = vec![0; self.num_terms];
            for &seen in &self.seen {
                self.dense[seen as usize] += 1;
            }
            self.seen = Vec::new();
        }
    }

    /// `(ordinal, count)` for every ordinal counted.
    fn counts(mut self) -> Vec<(u32, u32)> {
        if !self.dense.is_empty() {
            return self
                .dense
                .iter()
                .enumerate()
                .filter(|(_, &count)| count > 0)
                .map(|(ord, &count)| (ord as u32, count))
                .collect();
        }
        self.seen.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for ord in self.seen {
            match counts.last_mut() {
                Some((last, count)) if *last == ord => *count += 1,
                _ => counts.push((ord, 1)),
            }
        }
        counts
    }
}

/// The `limit` most frequent values over all segments: most articles first,
/// then by name.
pub(crate) fn top_values(
    vocabulary: &Vocabulary,
    counters: Vec<(SegmentOrdinal, Counter)>,
    limit: usize,
) -> Vec<FacetCount> {
    let mut pairs: Vec<(u32, u64)> = Vec::new();
    for (segment, counter) in counters {
        let ids = vocabulary.segment_ords(segment as usize);
        for (ord, count) in counter.counts() {
            if let Some(&id) = ids.get(ord as usize) {
                pairs.push((id, u64::from(count)));
            }
        }
    }
    // Summing by name: sort the pairs when few, add into an array over the
    // whole vocabulary when many (sorting them would cost more).
    let mut by_name: Vec<(u32, u64)> = if pairs.len() * 8 > vocabulary.len() {
        let mut sums = vec![0u64; vocabulary.len()];
        for (id, count) in pairs {
            sums[id as usize] += count;
        }
        sums.iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(id, &count)| (id as u32, count))
            .collect()
    } else {
        pairs.sort_unstable_by_key(|&(id, _)| id);
        pairs.dedup_by(|later, earlier| {
            if later.0 == earlier.0 {
                earlier.1 += later.1;
                true
            } else {
                false
            }
        });
        pairs
    };
    let order = |a: &(u32, u64), b: &(u32, u64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if by_name.len() > limit && limit > 0 {
        by_name.select_nth_unstable_by(limit - 1, order);
        by_name.truncate(limit);
    }
    by_name.sort_unstable_by(order);
    by_name.truncate(limit);
    by_name
        .into_iter()
        .map(|(id, count)| FacetCount {
            value: vocabulary.name(id).to_owned(),
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_counts_the_same_sparse_or_dense() {
        let ords: Vec<u32> = (0..500).map(|i| (i * 7) % 70).collect();
        let mut sparse = Counter::new(10_000);
        let mut dense = Counter::new(70);
        for &ord in &ords {
            sparse.add(ord);
            dense.add(ord);
        }
        assert!(sparse.dense.is_empty() && !dense.dense.is_empty());
        assert_eq!(sparse.counts(), dense.counts());
    }
}
