//! [`WordInfos`]: the featurizer's per-thread table of word analyses, by
//! word hash, looked up for every token of a text.
//!
//! A hash map would serve, but its lookups cannot be announced ahead: most
//! of a text's tokens are words seen before, each lookup of a rarer one
//! waits on memory (the table holds 50,000 words, about 10 MB), and one
//! waits after the other. Here a word's slot is a function of its hash
//! alone, so [`WordInfos::lookup_all`] asks the processor for the slots
//! of the tokens a few places ahead while it reads the current one, and the
//! waits overlap.

use super::Info;
use crate::prefetch::prefetch_lines;

/// Open addressing over a power-of-two array of slots, linear probing; an
/// analysis is stored once, in `infos`, and a slot holds its word hash and
/// index. Never shrinks; cleared whole when full (it is a cache).
#[derive(Default)]
pub(super) struct WordInfos {
    /// `(word hash, index into infos + 1)`; index 0 marks an empty slot.
    slots: Vec<(u64, u32)>,
    infos: Vec<Info>,
}

/// Distinct words kept (about 8 MB of analyses, 2 MB of slots).
const CAPACITY: usize = 50_000;

/// Slots: a power of two, at least twice [`CAPACITY`], so probes stay short.
const SLOTS: usize = 131_072;

/// How many tokens ahead a slot is fetched.
const AHEAD: usize = 8;

impl WordInfos {
    /// Forgets every word.
    pub(super) fn clear(&mut self) {
        self.slots.clear();
        self.infos.clear();
    }

    fn home(hash: u64) -> usize {
        // The top bits: the low ones also pick hash map buckets elsewhere.
        (hash >> 47) as usize & (SLOTS - 1)
    }

    /// The analysis stored for `hash`, if any.
    fn get(&self, hash: u64) -> Option<&Info> {
        let mut at = Self::home(hash);
        loop {
            let &(h, index) = self.slots.get(at)?;
            if index == 0 {
                return None;
            }
            if h == hash {
                return Some(&self.infos[index as usize - 1]);
            }
            at = (at + 1) & (SLOTS - 1);
        }
    }

    /// Stores `info` for `hash` (not yet stored), first forgetting every
    /// word if the table is full.
    fn insert(&mut self, hash: u64, info: Info) {
        if self.infos.len() >= CAPACITY {
            self.clear();
        }
        if self.slots.is_empty() {
            self.slots.resize(SLOTS, (0, 0));
            self.infos.reserve_exact(CAPACITY);
        }
        let mut at = Self::home(hash);
        while self.slots[at].1 != 0 {
            at = (at + 1) & (SLOTS - 1);
        }
        self.infos.push(info);
        self.slots[at] = (hash, self.infos.len() as u32);
    }

    /// Pushes to `out` the analysis of each of `hashes`, computing with
    /// `analyse(token index)` and storing those not stored yet.
    pub(super) fn lookup_all(
        &mut self,
        hashes: &[u64],
        out: &mut Vec<Info>,
        mut analyse: impl FnMut(usize) -> Info,
    ) {
        for (i, &hash) in hashes.iter().enumerate() {
            if let Some(&ahead) = hashes.get(i + AHEAD) {
                if let Some(slot) = self.slots.get(Self::home(ahead)) {
                    prefetch_lines(slot);
                }
            }
            // Halfway there, the slot is in cache: fetch its analysis.
            if let Some(&nearer) = hashes.get(i + AHEAD / 2) {
                if let Some(&(h, index)) = self.slots.get(Self::home(nearer)) {
                    if h == nearer && index != 0 {
                        let info = &self.infos[index as usize - 1];
                        prefetch_lines(info);
                    }
                }
            }
            let info = match self.get(hash) {
                Some(&info) => info,
                None => {
                    let info = analyse(i);
                    self.insert(hash, info);
                    info
                }
            };
            out.push(info);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(hash: u64) -> Info {
        Info {
            word: hash,
            ..Info::default()
        }
    }

    #[test]
    fn each_word_is_analysed_once_and_found_again() {
        let mut table = WordInfos::default();
        // 3, 5 and 7 share a home slot (probing on); 1 << 47 has the next.
        let hashes = [3, 1 << 47, 5, 3, 7, 1 << 47, 5];
        let mut analysed_at = Vec::new();
        let mut out = Vec::new();
        table.lookup_all(&hashes, &mut out, |i| {
            analysed_at.push(i);
            analysed(hashes[i])
        });
        assert_eq!(analysed_at, [0, 1, 2, 4]);
        let words: Vec<u64> = out.iter().map(|x| x.word).collect();
        assert_eq!(words, hashes);
    }

    #[test]
    fn a_full_table_starts_again() {
        let mut table = WordInfos::default();
        let hashes: Vec<u64> = (1..=CAPACITY as u64 + 1)
            .map(|n| crate::features::mix(n, 0))
            .collect();
        let mut out = Vec::new();
        table.lookup_all(&hashes, &mut out, |i| analysed(hashes[i]));
        assert_eq!(table.infos.len(), 1, "cleared before the last word");
        assert!(table.get(hashes[0]).is_none());
        assert_eq!(
            table.get(hashes[CAPACITY]).map(|x| x.word),
            Some(hashes[CAPACITY])
        );
        assert_eq!(out.len(), hashes.len());
    }
}
