//! Which segments tantivy merges while indexing: its log merge policy, with
//! no merge reading more than [`MAX_MERGE_BYTES`] of segments.
//!
//! tantivy reads the segments it merges through memory maps, and every page
//! it touches counts in the process's resident memory until the old segments
//! are deleted: an unbounded merge of a whole archive at the end of a run put
//! about 1 GB of file pages (1,000,000 articles) on top of the indexing
//! memory. Bounding each merge (and merging on one thread) bounds that, however
//! large the archive: segments grow to about [`MAX_MERGE_BYTES`] and stay.
//!
//! Once a run has read all its input ([`MergeGate`]), no merge starts unless
//! more than [`UNMERGED_AT_END`] small segments are waiting: the run ends by
//! waiting for the merges in flight, so a merge begun while the last batches
//! are parsed holds the end back on one thread while every other core idles.
//! On 16 cores, Reuters-21578 ten times with `--threads 16` took 7.1 s, 3 s of
//! them on one core merging the twelve segments its second commit left (at
//! 200,000 of 212,510 articles). The segments left are merged by a later run.
//! The bound matters to archives that grow by small runs (a day's news at a
//! time): such a run has read its input before its first commit, and without
//! it no run would ever merge.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most bytes of segments one merge reads.
pub const MAX_MERGE_BYTES: u64 = 256 << 20;

/// Small segments (under half of [`MAX_MERGE_BYTES`]) an archive may be left
/// with unmerged at the end of a run; about what tantivy's log merge policy
/// keeps of its own (up to seven a level, a few levels).
pub const UNMERGED_AT_END: usize = 32;

/// Extensions of a segment's files (deletes aside: they are small).
const SEGMENT_FILES: [&str; 6] = [".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm"];

/// Whether merges may start; shared by a run and its merge policy. Open
/// until [`MergeGate::close`].
#[derive(Clone, Debug, Default)]
pub struct MergeGate(Arc<AtomicBool>);

impl MergeGate {
    /// From now on no merge starts (merges in flight go on).
    pub fn close(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    fn is_closed(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// tantivy's log merge policy, its merges cut to at most `max_bytes` each,
/// none started once `gate` is closed.
#[derive(Debug)]
pub struct BoundedMerges {
    dir: PathBuf,
    max_bytes: u64,
    gate: MergeGate,
    inner: LogMergePolicy,
}

impl BoundedMerges {
    /// The policy for the index in `dir`.
    pub fn new(dir: PathBuf, max_bytes: u64, gate: MergeGate) -> Self {
        BoundedMerges {
            dir,
            max_bytes,
            gate,
            inner: LogMergePolicy::default(),
        }
    }

    fn bytes(&self, segment: &SegmentMeta) -> u64 {
        let id = segment.id().uuid_string();
        SEGMENT_FILES
            .iter()
            .filter_map(|ext| std::fs::metadata(self.dir.join(format!("{id}{ext}"))).ok())
            .map(|m| m.len())
            .sum()
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sizes: HashMap<SegmentId, u64> =
            segments.iter().map(|s| (s.id(), self.bytes(s))).collect();
        // A segment of half the bound or more has nothing to merge with.
        let small: Vec<SegmentMeta> = segments
            .iter()
            .filter(|s| sizes[&s.id()] < self.max_bytes / 2)
            .cloned()
            .collect();
        if self.gate.is_closed() && small.len() <= UNMERGED_AT_END {
            return Vec::new();
        }
        let candidates = self.inner.compute_merge_candidates(&small);
        candidates
            .into_iter()
            .flat_map(|MergeCandidate(ids)| {
                let sized: Vec<(SegmentId, u64)> =
                    ids.into_iter().map(|id| (id, sizes[&id])).collect();
                cut(sized, self.max_bytes)
            })
            .map(MergeCandidate)
            .collect()
    }
}

/// Cuts a merge into consecutive merges of at most `max_bytes` each, leaving
/// out the ones of a single segment.
fn cut<T>(segments: Vec<(T, u64)>, max_bytes: u64) -> Vec<Vec<T>> {
    let mut merges = Vec::new();
    let (mut group, mut bytes) = (Vec::new(), 0u64);
    for (segment, size) in segments {
        if !group.is_empty() && bytes + size > max_bytes {
            merges.push(std::mem::take(&mut group));
            bytes = 0;
        }
        group.push(segment);
        bytes += size;
    }
    merges.push(group);
    merges.retain(|m| m.len() > 1);
    merges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_are_cut_to_the_bound_and_single_segments_left_alone() {
        let sized = |sizes: &[u64]| sizes.iter().copied().enumerate().collect::<Vec<_>>();
        assert_eq!(cut(sized(&[40, 40, 40, 40]), 100), [vec![0, 1], vec![2, 3]]);
        assert_eq!(cut(sized(&[60, 30, 30, 90]), 100), [vec![0, 1]]);
        assert_eq!(cut(sized(&[10, 20, 30]), 100), [vec![0, 1, 2]]);
        assert!(cut(sized(&[]), 100).is_empty());
    }

    #[test]
    fn once_the_gate_is_closed_only_too_many_segments_start_a_merge() {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        // Small segments of a size: the log policy merges eight or more.
        let segments = |count: usize| -> Vec<SegmentMeta> {
            (0..count)
                .map(|_| index.new_segment_meta(SegmentId::generate_random(), 1_000))
                .collect()
        };
        let (some, too_many) = (segments(10), segments(UNMERGED_AT_END + 1));
        let gate = MergeGate::default();
        let policy =
            BoundedMerges::new(PathBuf::from("/nonexistent"), MAX_MERGE_BYTES, gate.clone());
        assert_eq!(policy.compute_merge_candidates(&some).len(), 1);
        gate.close();
        assert!(policy.compute_merge_candidates(&some).is_empty());
        assert_eq!(policy.compute_merge_candidates(&too_many).len(), 1);
    }
}
