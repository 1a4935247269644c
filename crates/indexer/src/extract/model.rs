//! The trained model: feature weights for both passes, and its file format.
//!
//! Owns the binary layout of `ner.model`, loading it into an open-addressing
//! table keyed by feature hash, and looking weights up during tagging. It
//! does not know how features are computed or how weights were learned.
//!
//! File layout (little-endian):
//! `b"NERM"`, u32 version, u8 scheme, 3 bytes padding, f32 scale of pass
//! one, f32 scale of pass two, u32 row count, then `(L + 1) x L` f32
//! transitions of pass one and of pass two, then `rows` u64 keys, then
//! `rows x 2L` i16 weights (pass one's L, then pass two's L).

use super::labels::Scheme;
use super::tagger::Weights;

const MAGIC: &[u8; 4] = b"NERM";
const VERSION: u32 = 1;

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
    labels: usize,
    scale: [f32; 2],
    trans: [Vec<f32>; 2],
    /// Open-addressing slots: high 32 bits of the key, low 32 bits row + 1
    /// (0 = empty). The slot index comes from the key's low bits, so the
    /// fingerprint plus the index identify a key to ~2^-50.
    slots: Vec<u64>,
    mask: usize,
    /// `rows x 2L` quantised weights.
    weights: Vec<i16>,
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

impl RawModel {
    /// Quantises to i16 (one scale per pass), drops rows that quantise to
    /// zero, and serialises.
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.scheme.num_labels();
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
        let mut weights: Vec<i16> = Vec::new();
        for (key, a, b) in &self.rows {
            let q: Vec<i16> = a
                .iter()
                .map(|w| (w / scale[0]).round() as i16)
                .chain(b.iter().map(|w| (w / scale[1]).round() as i16))
                .collect();
            if q.iter().all(|&x| x == 0) {
                continue;
            }
            keys.push(*key);
            weights.extend_from_slice(&q);
        }
        let mut out = Vec::with_capacity(24 + keys.len() * (8 + 4 * l));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&[self.scheme.code(), 0, 0, 0]);
        out.extend_from_slice(&scale[0].to_le_bytes());
        out.extend_from_slice(&scale[1].to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for t in &self.trans {
            for &x in t {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for k in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in &weights {
            out.extend_from_slice(&w.to_le_bytes());
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
        let mut trans = [Vec::new(), Vec::new()];
        for t in &mut trans {
            *t = (0..(l + 1) * l)
                .map(|_| r.f32())
                .collect::<Result<_, _>>()?;
        }
        let keys = r.take(rows.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let wbytes = r.take(rows.checked_mul(4 * l).ok_or(ModelError::Truncated)?)?;
        let weights = wbytes
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let cap = (rows * 4 / 3 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        for (row, k) in keys.chunks_exact(8).enumerate() {
            let key = u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]]);
            let mut i = key as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (key & 0xFFFF_FFFF_0000_0000) | (row as u64 + 1);
        }
        Ok(Model {
            scheme,
            labels: l,
            scale,
            trans,
            slots,
            mask,
            weights,
        })
    }

    /// Number of weighted features.
    pub fn rows(&self) -> usize {
        self.weights.len() / (2 * self.labels)
    }

    #[inline]
    fn row(&self, key: u64) -> Option<&[i16]> {
        let fp = key & 0xFFFF_FFFF_0000_0000;
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s & 0xFFFF_FFFF_0000_0000 == fp {
                let row = (s & 0xFFFF_FFFF) as usize - 1;
                let w = 2 * self.labels;
                return self.weights.get(row * w..(row + 1) * w);
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Weights for Model {
    fn scheme(&self) -> Scheme {
        self.scheme
    }

    #[inline]
    fn add_local(&self, key: u64, a: &mut [f32], b: &mut [f32]) {
        if let Some(row) = self.row(key) {
            let (ra, rb) = row.split_at(self.labels);
            for (s, &w) in a.iter_mut().zip(ra) {
                *s += f32::from(w) * self.scale[0];
            }
            for (s, &w) in b.iter_mut().zip(rb) {
                *s += f32::from(w) * self.scale[1];
            }
        }
    }

    #[inline]
    fn add_doc(&self, key: u64, b: &mut [f32]) {
        if let Some(row) = self.row(key) {
            for (s, &w) in b.iter_mut().zip(&row[self.labels..]) {
                *s += f32::from(w) * self.scale[1];
            }
        }
    }

    fn trans(&self, pass: usize) -> &[f32] {
        &self.trans[pass.min(1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lookup() {
        let scheme = Scheme::Bio;
        let l = scheme.num_labels();
        let rows = (1..200u64)
            .map(|k| {
                let key = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
                (key, vec![k as f32; l], vec![-(k as f32); l])
            })
            .collect();
        let raw = RawModel {
            scheme,
            trans: [vec![0.5; (l + 1) * l], vec![0.25; (l + 1) * l]],
            rows,
        };
        let m = Model::from_bytes(&raw.to_bytes()).unwrap();
        assert_eq!(m.rows(), 199);
        let mut a = vec![0.0; l];
        let mut b = vec![0.0; l];
        m.add_local(7u64.wrapping_mul(0x9E37_79B9_7F4A_7C15), &mut a, &mut b);
        assert!((a[0] - 7.0).abs() < 0.01 && (b[0] + 7.0).abs() < 0.01);
        m.add_local(12345, &mut a, &mut b);
        assert!((a[0] - 7.0).abs() < 0.01);
        assert!(Model::from_bytes(b"NERM").is_err());
        assert!(Model::from_bytes(&raw.to_bytes()[..100]).is_err());
    }
}
