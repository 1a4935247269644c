//! Which segments tantivy merges while indexing: its log merge policy, with
//! no merge reading more than [`MAX_MERGE_BYTES`] of segments.
//!
//! tantivy reads the segments it merges through memory maps, and every page
//! it touches counts in the process's resident memory until the old segments
//! are deleted: an unbounded merge of a whole archive at the end of a run put
//! about 1 GB of file pages (1,000,000 articles) on top of the indexing
//! memory. Bounding each merge (and merging on one thread) bounds that, however
//! large the archive: segments grow to about [`MAX_MERGE_BYTES`] and stay.

use std::collections::HashMap;
use std::path::PathBuf;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most bytes of segments one merge reads.
pub const MAX_MERGE_BYTES: u64 = 256 << 20;

/// Extensions of a segment's files (deletes aside: they are small).
const SEGMENT_FILES: [&str; 6] = [".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm"];

/// tantivy's log merge policy, its merges cut to at most `max_bytes` each.
#[derive(Debug)]
pub struct BoundedMerges {
    dir: PathBuf,
    max_bytes: u64,
    inner: LogMergePolicy,
}

impl BoundedMerges {
    /// The policy for the index in `dir`.
    pub fn new(dir: PathBuf, max_bytes: u64) -> Self {
        BoundedMerges {
            dir,
            max_bytes,
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
}
