//! Wire-copy clustering and exact de-duplication, across batches, threads and
//! incremental runs.
//!
//! Every article gets a cluster id: the id of the first article of its story
//! that the archive saw (its own id hash for a singleton). A new article joins
//! the cluster of the most similar earlier article whose estimated Jaccard
//! similarity of word 5-shingles reaches [`SIMILARITY`]; candidates come from
//! LSH band tables ([`sketch`]), so finding them costs a few hash lookups
//! whatever the archive's size. An article whose normalised title and body
//! equal an indexed one's is an exact duplicate and is not indexed again.
//!
//! The tables live in memory for the run (about 250 bytes per article) and are
//! persisted beside the manifest ([`store`]); each entry remembers the source
//! file it came from, so a changed or removed file's articles are forgotten
//! before its new contents are read. Cluster ids are never rewritten: a story
//! keeps the id it was first given.
//!
//! This module decides; it does not write to the index. [`Clusters`] is not
//! thread-safe on its own: the pipeline assigns one batch at a time, in the
//! order the batches were read, so which article is "first" is a matter of
//! input order, never of thread timing.

pub mod sketch;
pub mod store;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub use sketch::{signature, Signature, Sketch, BANDS};

/// Estimated Jaccard similarity from which two articles are the same story.
pub const SIMILARITY: f64 = 0.5;

/// Dated articles further apart than this are different stories, however
/// alike: recurring tables and templated briefs ("Fed adds reserves via
/// customer repurchases") repeat word for word on other days.
pub const MAX_DAYS_APART: i32 = 1;

/// Origin key of an entry whose article was replaced (same id, new content).
const DEAD: u32 = u32::MAX;

/// One indexed article, as clustering remembers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Hash of the stable id.
    pub id: u64,
    /// Hash of the normalised text.
    pub content: u64,
    /// Its cluster.
    pub cluster: u64,
    /// Manifest key of the source file it came from.
    pub origin: u32,
    /// Publication day, when dated.
    pub day: Option<i32>,
    /// Its sketch, when the text is long enough.
    pub sketch: Option<Sketch>,
}

/// An exact duplicate that was not indexed: if the copy that was indexed goes,
/// this one's file must be read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Hash of the normalised text.
    pub content: u64,
    /// Manifest key of the file holding the skipped copy.
    pub origin: u32,
}

/// What to do with an article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// An exact duplicate of an indexed article: do not index it.
    Duplicate {
        /// Position of the indexed copy among the remembered entries.
        of: u32,
    },
    /// Index it in `cluster`.
    Index {
        /// The cluster id to store.
        cluster: u64,
        /// The earlier article whose cluster it joined (position among the
        /// remembered entries) and their estimated similarity.
        nearest: Option<(u32, f64)>,
        /// An article with the same id is already indexed: delete it first.
        replaces: bool,
    },
}

/// Keys are hashes already; hashing them again would only cost time.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        // Spread 32-bit keys so hashbrown's top-bit tags vary too.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Table<K> = HashMap<K, u32, BuildHasherDefault<PassThrough>>;

/// The clustering state of an archive.
#[derive(Default)]
pub struct Clusters {
    slots: Vec<Slot>,
    skipped: Vec<Skipped>,
    ids: Table<u64>,
    contents: Table<u64>,
    bands: [Table<u32>; BANDS],
}

impl Clusters {
    /// An empty state, for a new archive.
    pub fn new() -> Self {
        Clusters::default()
    }

    /// Rebuilds the state from stored entries, forgetting every entry of the
    /// files in `forget` (changed or removed).
    pub fn from_entries(
        slots: Vec<Slot>,
        skipped: Vec<Skipped>,
        forget: &HashSet<u32>,
    ) -> Clusters {
        let mut clusters = Clusters {
            skipped: skipped
                .into_iter()
                .filter(|s| !forget.contains(&s.origin))
                .collect(),
            ..Clusters::default()
        };
        let live = |s: &Slot| s.origin != DEAD && !forget.contains(&s.origin);
        clusters
            .slots
            .reserve(slots.iter().filter(|s| live(s)).count());
        for slot in slots.into_iter().filter(live) {
            clusters.push(slot);
        }
        clusters
    }

    /// Forgets every entry of the files in `origins`, which are about to be
    /// read again. Their entries stay in place, dead, until the state is stored.
    pub fn forget(&mut self, origins: &HashSet<u32>) {
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if !origins.contains(&slot.origin) {
                continue;
            }
            let index = index as u32;
            if self.ids.get(&slot.id) == Some(&index) {
                self.ids.remove(&slot.id);
            }
            if self.contents.get(&slot.content) == Some(&index) {
                self.contents.remove(&slot.content);
            }
            slot.origin = DEAD;
        }
        self.skipped.retain(|s| !origins.contains(&s.origin));
    }

    /// Articles remembered.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The remembered entries, for storing (dead ones are dropped on loading).
    pub fn entries(&self) -> (&[Slot], &[Skipped]) {
        (&self.slots, &self.skipped)
    }

    /// Files holding skipped duplicates whose indexed copy is gone (it was
    /// replaced by id in this run): they must be read again next time.
    pub fn orphaned_origins(&self) -> HashSet<u32> {
        self.skipped
            .iter()
            .filter(|s| !self.contents.contains_key(&s.content))
            .map(|s| s.origin)
            .collect()
    }

    /// Decides about one article read from the file with manifest key `origin`,
    /// and remembers it.
    pub fn assign(&mut self, signature: &Signature, origin: u32) -> Verdict {
        if let Some(&of) = self.contents.get(&signature.content) {
            self.skipped.push(Skipped {
                content: signature.content,
                origin,
            });
            return Verdict::Duplicate { of };
        }
        let replaces = match self.ids.get(&signature.id) {
            Some(&old) => {
                let old = &mut self.slots[old as usize];
                if self.contents.get(&old.content) == self.ids.get(&signature.id) {
                    self.contents.remove(&old.content);
                }
                old.origin = DEAD;
                true
            }
            None => false,
        };
        let nearest = signature
            .sketch
            .as_ref()
            .and_then(|s| self.nearest(s, signature.day));
        let cluster = nearest.map_or(signature.id, |(slot, _)| self.slots[slot as usize].cluster);
        self.push(Slot {
            id: signature.id,
            content: signature.content,
            cluster,
            origin,
            day: signature.day,
            sketch: signature.sketch,
        });
        Verdict::Index {
            cluster,
            nearest,
            replaces,
        }
    }

    /// The remembered entry at `position` (as a [`Verdict`] names it).
    pub fn slot(&self, position: u32) -> Option<&Slot> {
        self.slots.get(position as usize)
    }

    /// The most similar remembered article at or above [`SIMILARITY`].
    fn nearest(&self, sketch: &Sketch, day: Option<i32>) -> Option<(u32, f64)> {
        let mut best: Option<(f64, u32)> = None;
        let mut seen = [u32::MAX; BANDS];
        for (band, (table, key)) in self.bands.iter().zip(&sketch.bands).enumerate() {
            let Some(&slot) = table.get(key) else {
                continue;
            };
            if seen[..band].contains(&slot) {
                continue;
            }
            seen[band] = slot;
            let candidate = &self.slots[slot as usize];
            let Some(other) = candidate
                .sketch
                .as_ref()
                .filter(|_| candidate.origin != DEAD)
            else {
                continue;
            };
            if let (Some(a), Some(b)) = (day, candidate.day) {
                if (a - b).abs() > MAX_DAYS_APART {
                    continue;
                }
            }
            let similarity = sketch.similarity(other);
            if similarity >= SIMILARITY && best.is_none_or(|(b, _)| similarity > b) {
                best = Some((similarity, slot));
            }
        }
        best.map(|(similarity, slot)| (slot, similarity))
    }

    fn push(&mut self, slot: Slot) {
        let index = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
        self.ids.insert(slot.id, index);
        self.contents.entry(slot.content).or_insert(index);
        if let Some(sketch) = &slot.sketch {
            // First wins: a band key keeps pointing at the earliest article,
            // usually the cluster's first, which later copies should find.
            for (table, key) in self.bands.iter_mut().zip(&sketch.bands) {
                let first = table.entry(*key).or_insert(index);
                if *first != index && self.slots[*first as usize].origin == DEAD {
                    *first = index;
                }
            }
        }
        self.slots.push(slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The undated signature, which is all these tests need.
    fn signature(id: &str, title: &str, body: &str) -> Signature {
        crate::cluster::sketch::signature(id, title, body, None)
    }

    const STORY: &str = "The Bank of Japan left interest rates unchanged on Tuesday and said \
        the economy was recovering moderately, while warning that weak exports to China and \
        a strong yen could weigh on growth in the coming months, according to a statement \
        released after its two-day policy meeting in Tokyo.";

    fn index(verdict: Verdict) -> (u64, bool, bool) {
        match verdict {
            Verdict::Index {
                cluster,
                nearest,
                replaces,
            } => (cluster, nearest.is_some(), replaces),
            Verdict::Duplicate { .. } => panic!("not expected to be a duplicate"),
        }
    }

    #[test]
    fn near_copies_share_a_cluster_and_other_stories_do_not() {
        let mut clusters = Clusters::new();
        let first = signature("a", "BOJ holds rates", STORY);
        let (a, joined, _) = index(clusters.assign(&first, 1));
        assert_eq!((a, joined), (first.id, false));
        let copy = signature(
            "b",
            "Bank of Japan holds rates steady",
            &STORY.replace("Tuesday", "Tuesday morning"),
        );
        let (b, joined, _) = index(clusters.assign(&copy, 2));
        assert_eq!((b, joined), (a, true));
        let other = signature(
            "c",
            "Wheat harvest",
            "Farmers in Kansas began harvesting winter wheat a week early after a dry, hot \
             May, and analysts said yields would be lower than last year's record crop.",
        );
        let (c, joined, _) = index(clusters.assign(&other, 2));
        assert_eq!((c, joined), (other.id, false));
    }

    #[test]
    fn exact_duplicates_are_skipped_whatever_their_id() {
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        let again = signature("z", "t", &STORY.to_uppercase());
        assert_eq!(clusters.assign(&again, 2), Verdict::Duplicate { of: 0 });
        assert_eq!(clusters.len(), 1);
    }

    #[test]
    fn the_same_id_with_new_text_replaces() {
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        let (_, _, replaces) = index(clusters.assign(&signature("a", "T2", "Other text."), 1));
        assert!(replaces);
    }

    #[test]
    fn forgetting_a_file_drops_its_entries_and_orphans_copies_skipped_for_them() {
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        assert_eq!(
            clusters.assign(&signature("b", "T", STORY), 2),
            Verdict::Duplicate { of: 0 }
        );
        index(clusters.assign(&signature("c", "U", "Something else entirely."), 3));
        assert!(clusters.orphaned_origins().is_empty());
        let (slots, skipped) = clusters.entries();
        let rebuilt = Clusters::from_entries(slots.to_vec(), skipped.to_vec(), &HashSet::from([1]));
        assert_eq!(rebuilt.len(), 1);
        assert_eq!(rebuilt.orphaned_origins(), HashSet::from([2]));
        let kept = Clusters::from_entries(slots.to_vec(), skipped.to_vec(), &HashSet::from([3]));
        assert!(kept.orphaned_origins().is_empty());

        // In a run: forget file 2, read it again, and its copy is indexed now.
        clusters.forget(&HashSet::from([1]));
        assert_eq!(clusters.orphaned_origins(), HashSet::from([2]));
        clusters.forget(&HashSet::from([2]));
        let (cluster, joined, replaces) = index(clusters.assign(&signature("b", "T", STORY), 2));
        assert_eq!(
            (cluster, joined, replaces),
            (signature("b", "", "").id, false, false)
        );
        assert!(clusters.orphaned_origins().is_empty());
    }
}
