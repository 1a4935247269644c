//! Decoding: best label sequence from emission and transition scores.
//!
//! Owns first-order Viterbi (and a greedy left-to-right decoder kept for
//! comparison) under the label scheme's legality constraints, so decoded
//! label sequences always read back as well-formed spans. It does not
//! compute scores.

use super::labels::Scheme;

/// Row width of the dense transition table: labels of any scheme fit.
const W: usize = 20;

/// Reusable decoder buffers plus the scheme's transition mask.
#[derive(Clone, Debug)]
pub struct Decoder {
    scheme: Scheme,
    labels: usize,
    /// `(L + 1) x L`: row 0 is the sequence start, row `p + 1` follows label `p`.
    allowed: Vec<bool>,
    ends: Vec<bool>,
    score: Vec<f32>,
    back: Vec<u8>,
}

impl Decoder {
    /// A decoder for `scheme`.
    pub fn new(scheme: Scheme) -> Decoder {
        let l = scheme.num_labels();
        assert!(l <= W, "{l} labels do not fit the decoder");
        let mut allowed = Vec::with_capacity((l + 1) * l);
        for prev in std::iter::once(None).chain((0..l as u8).map(Some)) {
            for next in 0..l as u8 {
                allowed.push(scheme.allowed(prev, next));
            }
        }
        let ends = (0..l as u8).map(|x| scheme.can_end(x)).collect();

        Decoder {
            scheme,
            labels: l,
            allowed,
            ends,
            score: Vec::new(),
            back: Vec::new(),
        }
    }

    /// The scheme decoded.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Viterbi over `emit` (`n x L`) and `trans` (`(L + 1) x L`), writing
    /// `n` labels into `out`.
    pub fn viterbi(&mut self, emit: &[f32], trans: &[f32], out: &mut [u8]) {
        let l = self.labels;
        let n = out.len();
        if n == 0 {
            return;
        }
        // Every cell is written below, so the buffers only need the size.
        if self.score.len() < n * l {
            self.score.resize(n * l, 0.0);
            self.back.resize(n * l, 0);
        }
        for y in 0..l {
            self.score[y] = if self.allowed[y] {
                trans[y] + emit[y]
            } else {
                f32::NEG_INFINITY
            };
        }
        // Transitions with illegal pairs at -inf, padded to fixed width:
        // the inner loop then runs over whole rows with no index lists and
        // no branches, which the compiler turns into vector code.
        let mut tm = [[f32::NEG_INFINITY; W]; W + 1];
        for (p, row) in tm.iter_mut().enumerate().take(l + 1) {
            for (y, t) in row.iter_mut().enumerate().take(l) {
                if self.allowed[p * l + y] {
                    *t = trans[p * l + y];
                }
            }
        }
        let mut prev = [f32::NEG_INFINITY; W];
        prev[..l].copy_from_slice(&self.score[..l]);
        for i in 1..n {
            let mut best = [f32::NEG_INFINITY; W];
            let mut arg = [0u32; W];
            for (p, &pp) in prev.iter().enumerate().take(l) {
                if pp == f32::NEG_INFINITY {
                    continue;
                }
                let row = &tm[p + 1];
                for y in 0..W {
                    let s = pp + row[y];
                    let better = s > best[y];
                    best[y] = if better { s } else { best[y] };
                    arg[y] = if better { p as u32 } else { arg[y] };
                }
            }
            let emit_i = &emit[i * l..(i + 1) * l];
            let cur = &mut self.score[i * l..(i + 1) * l];
            let back = &mut self.back[i * l..(i + 1) * l];
            for y in 0..l {
                cur[y] = best[y] + emit_i[y];
                back[y] = arg[y] as u8;
            }
            prev[..l].copy_from_slice(cur);
        }
        let last = &self.score[(n - 1) * l..n * l];
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0u8;
        for (y, &s) in last.iter().enumerate() {
            if self.ends[y] && s > best {
                best = s;
                arg = y as u8;
            }
        }
        out[n - 1] = arg;
        for i in (1..n).rev() {
            out[i - 1] = self.back[i * l + out[i] as usize];
        }
    }

    /// Greedy left-to-right decoding (each token's best legal label given
    /// the previous one). Kept to measure what Viterbi buys.
    pub fn greedy(&mut self, emit: &[f32], trans: &[f32], out: &mut [u8]) {
        let l = self.labels;
        let mut prev = 0usize; // row 0 = start
        for (i, o) in out.iter_mut().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0usize;
            for y in 0..l {
                let k = prev * l + y;
                if !self.allowed[k] {
                    continue;
                }
                let s = trans[k] + emit[i * l + y];
                if s > best {
                    best = s;
                    arg = y;
                }
            }
            *o = arg as u8;
            prev = arg + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respects_constraints() {
        let scheme = Scheme::Bio;
        let l = scheme.num_labels();
        let mut d = Decoder::new(scheme);
        // Emissions favour I-PER everywhere; I-PER cannot start a sequence.
        let mut emit = vec![0.0; 3 * l];
        for i in 0..3 {
            emit[i * l + 2] = 5.0;
            emit[i * l + 1] = 1.0;
        }
        let trans = vec![0.0; (l + 1) * l];
        let mut out = [0u8; 3];
        d.viterbi(&emit, &trans, &mut out);
        assert_eq!(out, [1, 2, 2]);
    }
}
