//! [`WeightTable`]: the tagger model's feature weights in memory, looked up
//! by feature key.
//!
//! Owns the lookup structure built from a model file's rows: open-addressing
//! slots keyed by feature hash, a Bloom filter in front of them, and two
//! row stores. Features with few set weights keep them as sparse entries
//! (label, pass, i16 weight); features with many keep a dense row of both
//! passes' weights, already scaled. The features looked up most (the bias,
//! sentence position, case, the first pass's labels) have most of their 34
//! weights set, and adding such a row as two vectors takes several times
//! fewer instructions than adding it entry by entry. The sums are the same
//! to the bit: a dense row holds each weight times its pass's scale, as the
//! sparse loop computes it, and zero elsewhere, which leaves a sum as it is.
//! It does not read files or know what the features mean.

use super::hash_bits::HashBits;
use super::model::ModelError;

/// Bits in the filter: 256 KB, which stays in L2.
const FILTER_BITS: usize = 1 << 21;

/// Rows with at least this many entries are stored dense.
const DENSE_FROM: usize = 8;

/// Entry count of a slot whose row is dense; its first-entry field is then
/// the dense row's index.
const DENSE: u32 = 0xFF;

/// One feature's weights.
pub(crate) enum Row<'a> {
    /// Entries: bits 0-7 label, bit 8 pass, bits 16-31 the i16 weight.
    Sparse(&'a [u32]),
    /// Pass one's `L` scaled weights, then pass two's.
    Dense(&'a [f32]),
}

/// Feature weights by key.
#[derive(Debug)]
pub(crate) struct WeightTable {
    labels: usize,
    scale: [f32; 2],
    /// Open-addressing slots: high 32 bits of the key, then the row's entry
    /// count (8 bits; [`DENSE`] for a dense row) and first entry or dense
    /// row index (24 bits); 0 = empty. The slot index comes from the key's
    /// low bits, so fingerprint plus index identify a key to ~2^-50.
    slots: Vec<u64>,
    mask: usize,
    /// The known keys. Most looked-up keys are unknown to the model; this
    /// filter turns ~95% of those into no access to the slot table.
    filter: HashBits,
    entries: Vec<u32>,
    dense: Vec<f32>,
    rows: usize,
}

impl WeightTable {
    /// The table of `keys[r]`'s row of `counts[r]` entries, the rows lying
    /// one after another in `entries` (little-endian u32s, read here so
    /// that the file's entries are never held twice), for `labels` labels
    /// with the passes' `scale`s. An entry naming a label from `labels` on
    /// or a pass other than 0 or 1 is a format error.
    pub(crate) fn new(
        labels: usize,
        scale: [f32; 2],
        keys: impl ExactSizeIterator<Item = u64>,
        counts: &[u8],
        entries: &[u8],
    ) -> Result<WeightTable, ModelError> {
        let rows = keys.len();
        // Load factor at most 1/2: most lookups are of keys the model does
        // not know, and at 1/2 an unsuccessful probe visits ~2.5 slots
        // instead of ~8 at 3/4.
        let cap = (rows * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut table = WeightTable {
            labels,
            scale,
            slots: vec![0u64; cap],
            mask,
            filter: HashBits::with_bits(FILTER_BITS),
            entries: Vec::new(),
            dense: Vec::new(),
            rows,
        };
        let dense_rows = counts
            .iter()
            .filter(|&&c| usize::from(c) >= DENSE_FROM)
            .count();
        table.dense.reserve_exact(dense_rows * 2 * labels);
        let sparse = counts
            .iter()
            .map(|&c| usize::from(c))
            .filter(|&c| c < DENSE_FROM);
        table.entries.reserve_exact(sparse.sum());
        let mut first = 0usize;
        for (key, &count) in keys.zip(counts) {
            let count = usize::from(count);
            let bytes = entries
                .get(first * 4..(first + count) * 4)
                .filter(|r| !r.is_empty())
                .ok_or(ModelError::Format)?;
            first += count;
            let row = bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
            if row
                .clone()
                .any(|e| (e & 0xFF) as usize >= labels || (e >> 8) & 0xFF > 1)
            {
                return Err(ModelError::Format);
            }
            let (count, at) = if count >= DENSE_FROM {
                let at = table.dense.len() / (2 * labels);
                table.dense.resize(table.dense.len() + 2 * labels, 0.0);
                let dense = &mut table.dense[at * 2 * labels..];
                for e in row {
                    let pass = ((e >> 8) & 1) as usize;
                    dense[pass * labels + (e & 0xFF) as usize] = weight(e, scale);
                }
                (DENSE, at)
            } else {
                let at = table.entries.len();
                table.entries.extend(row);
                (count as u32, at)
            };
            if at >= 1 << 24 {
                return Err(ModelError::Format);
            }
            table.filter.insert(key);
            let mut i = key as usize & mask;
            while table.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            table.slots[i] = (key & 0xFFFF_FFFF_0000_0000) | u64::from(count) << 24 | at as u64;
        }
        Ok(table)
    }

    /// Number of weighted features.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// The weights of `key` as `(pass, label, weight)`, for inspection.
    pub(crate) fn weights_of(&self, key: u64) -> Vec<(u8, u8, f32)> {
        match self.row(key) {
            Row::Sparse(entries) => entries
                .iter()
                .map(|&e| {
                    (
                        ((e >> 8) & 1) as u8,
                        (e & 0xFF) as u8,
                        weight(e, self.scale),
                    )
                })
                .collect(),
            Row::Dense(weights) => weights
                .iter()
                .enumerate()
                .filter(|&(_, &w)| w != 0.0)
                .map(|(i, &w)| ((i / self.labels) as u8, (i % self.labels) as u8, w))
                .collect(),
        }
    }

    /// Adds `key`'s pass-one weights to `a` and pass-two weights to `b`
    /// (the pass-one weights not at all when `a` is None).
    #[inline]
    pub(crate) fn add(&self, key: u64, a: Option<&mut [f32]>, b: &mut [f32]) {
        self.add_row(self.row(key), a, b);
    }

    #[inline]
    fn add_row(&self, row: Row<'_>, mut a: Option<&mut [f32]>, b: &mut [f32]) {
        match row {
            Row::Sparse(entries) => {
                for &e in entries {
                    let label = (e & 0xFF) as usize;
                    // Labels were checked against L at load; `get_mut`
                    // keeps a corrupted table from panicking all the same.
                    let target = if e & 0x100 == 0 {
                        a.as_deref_mut().and_then(|a| a.get_mut(label))
                    } else {
                        b.get_mut(label)
                    };
                    if let Some(s) = target {
                        *s += weight(e, self.scale);
                    }
                }
            }
            Row::Dense(weights) => {
                let (wa, wb) = weights.split_at(self.labels);
                if let Some(a) = a {
                    add_to(a, wa);
                }
                add_to(b, wb);
            }
        }
    }

    /// `key`'s row (an empty sparse one when the model does not know it).
    #[inline]
    fn row(&self, key: u64) -> Row<'_> {
        if !self.filter.may_contain(key) {
            return Row::Sparse(&[]);
        }
        let (at, count) = self.locate(key, key as usize & self.mask);
        self.row_at(at, count)
    }

    fn row_at(&self, at: u32, count: u32) -> Row<'_> {
        let at = at as usize;
        if count == DENSE {
            let width = 2 * self.labels;
            Row::Dense(self.dense.get(at * width..(at + 1) * width).unwrap_or(&[]))
        } else {
            Row::Sparse(self.entries.get(at..at + count as usize).unwrap_or(&[]))
        }
    }

    /// Slot fields (first entry or dense index, count) of `key`, probing
    /// from slot `i`; count 0 when the model does not know it.
    #[inline]
    fn locate(&self, key: u64, mut i: usize) -> (u32, u32) {
        let fp = key & 0xFFFF_FFFF_0000_0000;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return (0, 0);
            }
            if s & 0xFFFF_FFFF_0000_0000 == fp {
                return slot_fields(s);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the rows of `keys[j]` to the rows of token `owner(j)` of
    /// `emit_a` (pass one) and `emit_b` (pass two), both `n x L`; with
    /// `emit_b` None, only pass-two weights, into `emit_a`.
    ///
    /// Looks keys up in phases over a large batch (filter bits, then first
    /// slots, then rows, then the additions) so the cache misses of
    /// different keys overlap instead of queueing behind each other's
    /// branches: tagging speed is bound by memory latency, not arithmetic.
    /// `BATCH` keys go through at a time; their buffers are zeroed on every
    /// call, so short key lists take a small batch.
    pub(crate) fn add_batch<const BATCH: usize>(
        &self,
        keys: &[u64],
        owner: impl Fn(usize) -> u32,
        emit_a: &mut [f32],
        mut emit_b: Option<&mut [f32]>,
    ) {
        let l = self.labels;
        for (c, chunk) in keys.chunks(BATCH).enumerate() {
            let mut cand = [0u16; BATCH];
            let mut n = 0;
            for (j, &k) in chunk.iter().enumerate() {
                cand[n] = j as u16;
                n += usize::from(self.filter.may_contain(k));
            }
            let mut slot = [0u64; BATCH];
            for (s, &j) in slot.iter_mut().zip(&cand[..n]) {
                *s = self.slots[chunk[j as usize] as usize & self.mask];
            }
            let mut rows = [(0u32, 0u32, 0u32); BATCH];
            let mut m = 0;
            let mut touch = 0u32;
            for (&s, &j) in slot.iter().zip(&cand[..n]) {
                if s == 0 {
                    continue;
                }
                let k = chunk[j as usize];
                let (at, count) = if s & 0xFFFF_FFFF_0000_0000 == k & 0xFFFF_FFFF_0000_0000 {
                    slot_fields(s)
                } else {
                    // Another key in the first slot: probe on.
                    self.locate(k, (k as usize + 1) & self.mask)
                };
                if count == 0 {
                    continue;
                }
                rows[m] = (at, count, owner(c * BATCH + j as usize));
                // Load each row's start now, while other loads are in
                // flight, so the additions below find it in cache.
                touch ^= match self.row_at(at, count) {
                    Row::Sparse(entries) => entries.first().copied().unwrap_or(0),
                    Row::Dense(weights) => weights.first().map_or(0, |w| w.to_bits()),
                };
                m += 1;
            }
            std::hint::black_box(touch);
            for &(at, count, tok) in &rows[..m] {
                let t = tok as usize * l..(tok as usize + 1) * l;
                let row = self.row_at(at, count);
                match emit_b.as_deref_mut() {
                    Some(emit_b) => {
                        if let (Some(a), Some(b)) = (emit_a.get_mut(t.clone()), emit_b.get_mut(t)) {
                            self.add_row(row, Some(a), b);
                        }
                    }
                    None => {
                        if let Some(b) = emit_a.get_mut(t) {
                            self.add_row(row, None, b);
                        }
                    }
                }
            }
        }
    }
}

/// A filled slot's first entry or dense row index, and its entry count.
#[inline]
fn slot_fields(slot: u64) -> (u32, u32) {
    ((slot & 0xFF_FFFF) as u32, ((slot >> 24) & 0xFF) as u32)
}

/// Entry `e`'s weight, times its pass's scale.
#[inline]
fn weight(e: u32, scale: [f32; 2]) -> f32 {
    f32::from((e >> 16) as u16 as i16) * scale[((e >> 8) & 1) as usize]
}

/// Adds `w` to `sums`, element by element.
#[inline]
fn add_to(sums: &mut [f32], w: &[f32]) {
    for (s, w) in sums.iter_mut().zip(w) {
        *s += w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entry of `weight` (before scaling) for `label` of `pass`.
    fn entry(pass: u32, label: u32, weight: i16) -> u32 {
        u32::from(weight as u16) << 16 | pass << 8 | label
    }

    fn bytes(entries: &[u32]) -> Vec<u8> {
        entries.iter().flat_map(|e| e.to_le_bytes()).collect()
    }

    #[test]
    fn dense_and_sparse_rows_add_the_same_sums_as_entry_by_entry() {
        let l = 17;
        let scale = [0.013, 0.029];
        // Key 1: a sparse row; key 2: a dense one, both passes.
        let sparse = vec![entry(0, 3, 7), entry(1, 3, -2), entry(1, 16, 300)];
        let dense: Vec<u32> = (0..l as u32)
            .map(|label| entry(label % 2, label, label as i16 * 11 - 90))
            .collect();
        assert!(sparse.len() < DENSE_FROM && dense.len() >= DENSE_FROM);
        let entries = bytes(&[sparse.clone(), dense.clone()].concat());
        let counts = [sparse.len() as u8, dense.len() as u8];
        let table = WeightTable::new(
            l,
            scale,
            [1u64 << 40, 2u64 << 40].into_iter(),
            &counts,
            &entries,
        )
        .unwrap();
        assert_eq!(table.dense.len(), 2 * l, "one dense row");
        let expected = |rows: &[&[u32]], passes: &[u32]| {
            let mut sums = vec![vec![0.0f32; l]; 2];
            for row in rows {
                for &e in *row {
                    let pass = (e >> 8) & 1;
                    if passes.contains(&pass) {
                        sums[pass as usize][(e & 0xFF) as usize] += weight(e, scale);
                    }
                }
            }
            sums
        };
        // Token 1 of two gets both rows and an unknown key.
        let keys = [1u64 << 40, 3u64 << 40, 2u64 << 40];
        let (mut a, mut b) = (vec![0.0f32; 2 * l], vec![0.0f32; 2 * l]);
        table.add_batch::<4>(&keys, |_| 1, &mut a, Some(&mut b));
        let want = expected(&[&sparse, &dense], &[0, 1]);
        assert_eq!((&a[l..], &b[l..]), (&want[0][..], &want[1][..]));
        assert!(a[..l].iter().chain(&b[..l]).all(|&x| x == 0.0));
        // Pass two only, into the one array given.
        let mut b = vec![0.0f32; 2 * l];
        table.add_batch::<4>(&keys, |_| 0, &mut b, None);
        assert_eq!(&b[..l], &expected(&[&sparse, &dense], &[1])[1][..]);
        assert_eq!(table.weights_of(2u64 << 40).len(), dense.len());
        assert_eq!(table.weights_of(1u64 << 40)[2], (1, 16, 300.0 * scale[1]));
    }

    #[test]
    fn a_row_past_the_entries_or_a_bad_entry_is_a_format_error() {
        let entries = bytes(&[entry(0, 1, 5)]);
        let table = WeightTable::new(17, [1.0; 2], [7u64].into_iter(), &[2], &entries);
        assert!(matches!(table, Err(ModelError::Format)));
        // A label past the scheme's, a pass past the second.
        for e in [entry(0, 17, 5), entry(2, 1, 5)] {
            let table = WeightTable::new(17, [1.0; 2], [7u64].into_iter(), &[1], &bytes(&[e]));
            assert!(matches!(table, Err(ModelError::Format)));
        }
    }
}
