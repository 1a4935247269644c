//! The trained model: feature weights for both passes, and its file format.
//!
//! Owns the binary layout of `ner.model`, loading it into a weight table
//! (`weight_table`), and answering the tagger's weight lookups through it.
//! It does not know how features are computed or how weights were learned.
//!
//! Weights are sparse: an averaged perceptron leaves most labels of a
//! feature at zero (of the bundled model's 82,822 features, 70,528 have
//! fewer than 8 of their 34 pass/label weights set), so the file stores
//! each row as a short run of (pass, label, i16 weight) entries; in memory
//! the table is about 5 MB, mostly cache-resident, which is what tagging
//! speed depends on.
//!
//! File layout (little-endian):
//! `b"NERM"`, u32 version, u8 scheme, 3 bytes padding, f32 scale of pass
//! one, f32 scale of pass two, u32 row count, u32 entry count, then
//! `(L + 1) x L` f32 transitions of pass one and of pass two, then `rows`
//! u64 keys, then `rows` u8 entry counts, then the u32 entries in row order:
//! bits 0-7 label, bit 8 pass, bits 16-31 the i16 weight; then u32 count
//! of case-lexicon words, their u64 keys and their u8 buckets; then u32
//! count of clustered words, their u64 keys and, per word, its
//! [`CLUSTER_SIZES`] u16 cluster ids (plus one).

use super::features::{CaseLexicon, WordClusters, CLUSTER_SIZES};
use super::labels::Scheme;
use super::tagger::Weights;
use super::weight_table::WeightTable;
use super::word_cache::WordCache;

const MAGIC: &[u8; 4] = b"NERM";
const VERSION: u32 = 5;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a model of this version.
    #[error("not a tagger model (bad magic, version or scheme)")]
    Format,
    /// The file ends early.
    #[error("tagger model is truncated")]
    Truncated,
}

/// Weights ready for tagging.
#[derive(Debug)]
pub struct Model {
    scheme: Scheme,
    trans: [Vec<f32>; 2],
    /// Feature weights by key.
    table: WeightTable,
    case: CaseLexicon,
    clusters: WordClusters,
    /// The tagger's per-word score vectors for these weights, shared by all threads.
    words: WordCache,
}

/// Unquantised weights for writing a model.
#[derive(Clone, Debug)]
pub struct RawModel {
    /// Label scheme.
    pub scheme: Scheme,
    /// `(L + 1) x L` transitions per pass.
    pub trans: [Vec<f32>; 2],
    /// `(key, pass-one weights (L), pass-two weights (L))`.
    pub rows: Vec<(u64, Vec<f32>, Vec<f32>)>,
    /// Word-case lexicon used by the features.
    pub case: CaseLexicon,
    /// Word clusters used by the features.
    pub clusters: WordClusters,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

/// The little-endian u64 of an 8-byte chunk.
fn le_u64(k: &[u8]) -> u64 {
    u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]])
}

impl RawModel {
    /// Quantises to i16 (one scale per pass), drops rows that quantise to
    /// zero, and serialises.
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale_of = |pass: usize| {
            let max = self
                .rows
                .iter()
                .flat_map(|r| if pass == 0 { &r.1 } else { &r.2 })
                .fold(0f32, |m, &w| m.max(w.abs()));
            if max > 0.0 {
                max / f32::from(i16::MAX)
            } else {
                1.0
            }
        };
        let scale = [scale_of(0), scale_of(1)];
        let mut keys = Vec::new();
        let mut counts: Vec<u8> = Vec::new();
        let mut entries: Vec<u32> = Vec::new();
        for (key, a, b) in &self.rows {
            let before = entries.len();
            for (pass, ws) in [a, b].into_iter().enumerate() {
                for (label, w) in ws.iter().enumerate() {
                    let q = (w / scale[pass]).round() as i16;
                    if q != 0 {
                        entries.push(u32::from(q as u16) << 16 | (pass as u32) << 8 | label as u32);
                    }
                }
            }
            if entries.len() > before {
                keys.push(*key);
                counts.push((entries.len() - before) as u8);
            }
        }
        let mut out = Vec::with_capacity(32 + keys.len() * 9 + entries.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&[self.scheme.code(), 0, 0, 0]);
        out.extend_from_slice(&scale[0].to_le_bytes());
        out.extend_from_slice(&scale[1].to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for t in &self.trans {
            for &x in t {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for k in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend_from_slice(&counts);
        for e in &entries {
            out.extend_from_slice(&e.to_le_bytes());
        }
        let case = self.case.pairs();
        out.extend_from_slice(&(case.len() as u32).to_le_bytes());
        for (k, _) in &case {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(case.iter().map(|&(_, b)| b));
        let clusters = self.clusters.pairs();
        out.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
        for (k, _) in &clusters {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, ids) in &clusters {
            for id in ids {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
        out
    }
}

impl Model {
    /// Reads a model written by [`RawModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return Err(ModelError::Format);
        }
        let scheme = Scheme::from_code(r.take(4)?[0]).ok_or(ModelError::Format)?;
        let l = scheme.num_labels();
        let scale = [r.f32()?, r.f32()?];
        let rows = r.u32()? as usize;
        let n_entries = r.u32()? as usize;
        if n_entries >= 1 << 24 {
            return Err(ModelError::Format);
        }
        let mut trans = [Vec::new(), Vec::new()];
        for t in &mut trans {
            *t = (0..(l + 1) * l)
                .map(|_| r.f32())
                .collect::<Result<_, _>>()?;
        }
        let keys = r.take(rows.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let counts = r.take(rows)?;
        let ebytes = r.take(n_entries.checked_mul(4).ok_or(ModelError::Truncated)?)?;
        let n_case = r.u32()? as usize;
        let case_keys = r.take(n_case.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let case_buckets = r.take(n_case)?;
        let case = CaseLexicon::from_pairs(
            case_keys
                .chunks_exact(8)
                .zip(case_buckets)
                .map(|(k, &b)| (le_u64(k), b)),
        );
        let n_clustered = r.u32()? as usize;
        let cluster_keys = r.take(n_clustered.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let cluster_ids = r.take(
            n_clustered
                .checked_mul(2 * CLUSTER_SIZES)
                .ok_or(ModelError::Truncated)?,
        )?;
        let clusters = WordClusters::from_pairs(
            cluster_keys
                .chunks_exact(8)
                .zip(cluster_ids.chunks_exact(2 * CLUSTER_SIZES))
                .map(|(k, c)| {
                    let mut ids = [0u16; CLUSTER_SIZES];
                    for (id, b) in ids.iter_mut().zip(c.chunks_exact(2)) {
                        *id = u16::from_le_bytes([b[0], b[1]]);
                    }
                    (le_u64(k), ids)
                }),
        );
        let table = WeightTable::new(l, scale, keys.chunks_exact(8).map(le_u64), counts, ebytes)?;
        Ok(Model {
            scheme,
            trans,
            table,
            case,
            clusters,
            words: WordCache::default(),
        })
    }

    /// The weights of `key` as `(pass, label, weight)`, for inspection.
    pub fn weights_of(&self, key: u64) -> Vec<(u8, u8, f32)> {
        self.table.weights_of(key)
    }

    /// Number of weighted features.
    pub fn rows(&self) -> usize {
        self.table.rows()
    }
}

impl Weights for Model {
    fn scheme(&self) -> Scheme {
        self.scheme
    }

    #[inline]
    fn add_local(&self, key: u64, a: &mut [f32], b: &mut [f32]) {
        self.table.add(key, Some(a), b);
    }

    fn add_local_all(&self, keys: &[u64], a: &mut [f32], b: &mut [f32]) {
        self.table.add_batch::<32>(keys, |_| 0, a, Some(b));
    }

    fn add_local_tokens(
        &self,
        keys: &[u64],
        owners: &[u32],
        emit_a: &mut [f32],
        emit_b: &mut [f32],
    ) {
        self.table
            .add_batch::<256>(keys, |j| owners[j], emit_a, Some(emit_b));
    }

    fn add_doc_tokens(&self, keys: &[u64], owners: &[u32], emit_b: &mut [f32]) {
        self.table
            .add_batch::<256>(keys, |j| owners[j], emit_b, None);
    }

    #[inline]
    fn add_doc(&self, key: u64, b: &mut [f32]) {
        self.table.add(key, None, b);
    }

    fn trans(&self, pass: usize) -> &[f32] {
        &self.trans[pass.min(1)]
    }

    fn word_cache(&self) -> Option<&WordCache> {
        Some(&self.words)
    }

    fn case_lexicon(&self) -> &CaseLexicon {
        &self.case
    }

    fn word_clusters(&self) -> &WordClusters {
        &self.clusters
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
