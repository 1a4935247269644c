//! [`WordClusters`]: which words are used alike, learnt from unlabelled
//! text, so the tagger can treat a word it never saw in training like the
//! words it did see that cluster with it.

use xxhash_rust::xxh3::xxh3_64;

use super::lexicon::next_unique_id;
use super::KeyMap;

/// Number of clusterings, coarse to fine, each word has an id in.
pub const CLUSTER_SIZES: usize = 3;

/// Why a cluster file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("word clusters line {line}: {reason}")]
pub struct ClusterFileError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// Cluster ids of lowercase words at [`CLUSTER_SIZES`] granularities,
/// keyed by the hash of the lowercased word. Built from
/// `data/word-clusters.tsv.gz` (k-means clusters of the GloVe vectors; see
/// `scripts/build_word_clusters.py`) at training and stored in the model.
#[derive(Clone, Debug)]
pub struct WordClusters {
    /// Each id plus one, so 0 means "not in that clustering".
    ids: KeyMap<[u16; CLUSTER_SIZES]>,
    /// Process-unique id of this content, so a featurizer may cache what
    /// it read per word.
    pub(super) id: u64,
}

impl Default for WordClusters {
    fn default() -> WordClusters {
        WordClusters::from_pairs([])
    }
}

impl WordClusters {
    /// Reads `word <tab> id <tab> id <tab> id` lines (`#` lines are
    /// comments), as `scripts/build_word_clusters.py` writes them.
    pub fn parse(tsv: &str) -> Result<WordClusters, ClusterFileError> {
        let mut ids = KeyMap::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason| ClusterFileError {
                line: n + 1,
                reason,
            };
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default();
            let mut row = [0u16; CLUSTER_SIZES];
            for slot in &mut row {
                let id: u16 = fields
                    .next()
                    .ok_or_else(|| error("too few cluster ids"))?
                    .parse()
                    .map_err(|_| error("a cluster id is not a number below 65535"))?;
                *slot = id
                    .checked_add(1)
                    .ok_or_else(|| error("cluster id too large"))?;
            }
            ids.insert(xxh3_64(word.to_lowercase().as_bytes()), row);
        }
        Ok(WordClusters::from_pairs(ids))
    }

    /// Builds from `(key, ids + 1)` pairs (as stored in the model file).
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (u64, [u16; CLUSTER_SIZES])>,
    ) -> WordClusters {
        WordClusters {
            ids: pairs.into_iter().collect(),
            id: next_unique_id(),
        }
    }

    /// `(key, ids + 1)` pairs, sorted by key.
    pub fn pairs(&self) -> Vec<(u64, [u16; CLUSTER_SIZES])> {
        let mut v: Vec<_> = self.ids.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        v
    }

    /// Number of words known.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids (plus one; 0 = unknown) of a lowercased-word hash.
    #[inline]
    pub fn get(&self, lower: u64) -> [u16; CLUSTER_SIZES] {
        self.ids.get(&lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_by_lowercase_word_and_names_a_bad_line() {
        let c =
            WordClusters::parse("# comment\ngazprom\t8\t259\t713\nRosneft\t8\t259\t714\n").unwrap();
        assert_eq!(c.get(xxh3_64(b"gazprom")), [9, 260, 714]);
        assert_eq!(c.get(xxh3_64(b"rosneft")), [9, 260, 715]);
        assert_eq!(c.get(xxh3_64(b"github")), [0, 0, 0]);
        let e = WordClusters::parse("a\t1\t2\t3\nb\t1\tx\t3\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(WordClusters::parse("a\t1\t2\n").is_err());
    }

    #[test]
    fn pairs_round_trip() {
        let c = WordClusters::parse("b\t1\t2\t3\na\t4\t5\t6\n").unwrap();
        let back = WordClusters::from_pairs(c.pairs());
        assert_eq!(back.pairs(), c.pairs());
        assert_ne!(back.id, c.id);
    }
}
