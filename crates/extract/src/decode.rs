//! Decoding: best label sequence from emission and transition scores.
//!
//! Owns first-order Viterbi (and a greedy left-to-right decoder kept for
//! comparison) under the label scheme's legality constraints, so decoded
//! label sequences always read back as well-formed spans. It does not
//! compute scores.

use super::labels::Scheme;

/// Row width of the dense transition table: labels of any scheme fit.
const W: usize = 20;

/// Width of a transition block: the targets of one predecessor group.
const G: usize = 12;

/// Labels that share their allowed predecessors: for BILOU, O, B-* and U-*
/// follow O, L-* and U-* (a 9 x 9 block), and I-X, L-X follow B-X and I-X
/// (2 x 2 blocks). Viterbi maximises block by block instead of over all
/// L x L pairs, most of which are illegal.
#[derive(Clone, Debug)]
struct Block {
    preds: Vec<u8>,
    targets: Vec<u8>,
}

/// Reusable decoder buffers plus the scheme's transition mask.
#[derive(Clone, Debug)]
pub struct Decoder {
    scheme: Scheme,
    labels: usize,
    /// `(L + 1) x L`: row 0 is the sequence start, row `p + 1` follows label `p`.
    allowed: Vec<bool>,
    ends: Vec<bool>,
    blocks: Vec<Block>,
    back: Vec<u8>,
    /// The transitions the tables below were built from: most calls
    /// decode another line with the same ones.
    trans: Vec<f32>,
    /// Transition into O from each label.
    into_o: [f32; W],
    /// Each block's transitions, one padded row of G per predecessor.
    rows: Vec<[f32; G]>,
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
        // Group targets by their set of allowed predecessors (not the start).
        let mut blocks: Vec<Block> = Vec::new();
        for y in 0..l as u8 {
            let preds: Vec<u8> = (0..l as u8)
                .filter(|&p| scheme.allowed(Some(p), y))
                .collect();
            match blocks
                .iter_mut()
                .find(|b| b.preds == preds && b.targets.len() < G)
            {
                Some(b) => b.targets.push(y),
                None => blocks.push(Block {
                    preds,
                    targets: vec![y],
                }),
            }
        }
        Decoder {
            scheme,
            labels: l,
            allowed,
            ends,
            blocks,
            back: Vec::new(),
            trans: Vec::new(),
            into_o: [f32::NEG_INFINITY; W],
            rows: Vec::new(),
        }
    }

    /// The scheme decoded.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Builds the transition tables for `trans` (`(L + 1) x L`) that
    /// [`Decoder::viterbi_prepared`] decodes with.
    pub fn prepare(&mut self, trans: &[f32]) {
        let l = self.labels;
        self.trans.clear();
        self.trans.extend_from_slice(trans);
        self.into_o = [f32::NEG_INFINITY; W];
        for (p, t) in self.into_o.iter_mut().enumerate().take(l) {
            if self.allowed[(p + 1) * l] {
                *t = trans.get((p + 1) * l).copied().unwrap_or(f32::NEG_INFINITY);
            }
        }
        // The inner loop then runs over whole rows with no index lists
        // and no branches, which the compiler turns into vector code.
        self.rows.clear();
        for b in &self.blocks {
            for &p in &b.preds {
                let mut row = [f32::NEG_INFINITY; G];
                for (r, &y) in row.iter_mut().zip(&b.targets) {
                    let k = (p as usize + 1) * l + y as usize;
                    *r = trans.get(k).copied().unwrap_or(f32::NEG_INFINITY);
                }
                self.rows.push(row);
            }
        }
    }

    /// Viterbi over `emit` (`n x L`) and `trans` (`(L + 1) x L`), writing
    /// `n` labels into `out`.
    pub fn viterbi(&mut self, emit: &[f32], trans: &[f32], out: &mut [u8]) {
        self.viterbi_masked(emit, trans, None, out);
    }

    /// [`Decoder::viterbi`] where the tokens whose `scored` flag is false
    /// can only be O (label 0) and their emissions are not read: such a
    /// step costs L operations instead of L², and a line with no scored
    /// token none.
    pub fn viterbi_masked(
        &mut self,
        emit: &[f32],
        trans: &[f32],
        scored: Option<&[bool]>,
        out: &mut [u8],
    ) {
        // Bitwise, so that NaNs do not force a rebuild every time.
        let same = self.trans.len() == trans.len()
            && self
                .trans
                .iter()
                .zip(trans)
                .all(|(a, b)| a.to_bits() == b.to_bits());
        if !same {
            self.prepare(trans);
        }
        self.viterbi_prepared(emit, scored, out);
    }

    /// [`Decoder::viterbi_masked`] with the transitions of the last
    /// [`Decoder::prepare`]: for many lines decoded with the same ones.
    pub fn viterbi_prepared(&mut self, emit: &[f32], scored: Option<&[bool]>, out: &mut [u8]) {
        // Kept long: the Viterbi inner loop, kept in one piece so the scores stay in registers.
        let l = self.labels;
        let trans = &self.trans;
        if trans.len() < (l + 1) * l {
            out.fill(0);
            return;
        }
        let n = out.len();
        if n == 0 {
            return;
        }
        let scored_at = |i: usize| scored.is_none_or(|m| m.get(i).copied().unwrap_or(true));
        if scored.is_some() && !(0..n).any(scored_at) {
            out.fill(0);
            return;
        }
        // Every back pointer read is written below, so the buffer only
        // needs the size.
        if self.back.len() < n * l {
            self.back.resize(n * l, 0);
        }
        let first_scored = scored_at(0);
        let mut prev = [f32::NEG_INFINITY; W];
        for (y, p) in prev.iter_mut().enumerate().take(l) {
            if self.allowed[y] && (first_scored || y == 0) {
                *p = trans[y] + if first_scored { emit[y] } else { 0.0 };
            }
        }
        let into_o = self.into_o;
        // Whether only O is reachable at the previous step.
        let mut only_o = !first_scored;
        for i in 1..n {
            if !scored_at(i) {
                // Only O: the best way into it, and only its back pointer
                // is ever read. After another O-only step that is one sum.
                let (best, arg) = if only_o {
                    (prev[0] + into_o[0], 0u8)
                } else {
                    let mut best = f32::NEG_INFINITY;
                    let mut arg = 0u8;
                    for (p, &pp) in prev.iter().enumerate().take(l) {
                        let s = pp + into_o[p];
                        if s > best {
                            best = s;
                            arg = p as u8;
                        }
                    }
                    (best, arg)
                };
                self.back[i * l] = arg;
                if !only_o {
                    prev = [f32::NEG_INFINITY; W];
                    only_o = true;
                }
                prev[0] = best;
                continue;
            }
            only_o = false;
            let emit_i = &emit[i * l..(i + 1) * l];
            let back = &mut self.back[i * l..(i + 1) * l];
            let mut next = [f32::NEG_INFINITY; W];
            let mut row = 0;
            for b in &self.blocks {
                let rows = &self.rows[row..row + b.preds.len()];
                row += b.preds.len();
                if b.targets.len() <= 2 {
                    // Small blocks (I-X, L-X after B-X, I-X): scalar.
                    for (j, &y) in b.targets.iter().enumerate() {
                        let mut best = f32::NEG_INFINITY;
                        let mut arg = 0u8;
                        for (&p, r) in b.preds.iter().zip(rows) {
                            let s = prev[p as usize] + r[j];
                            if s > best {
                                best = s;
                                arg = p;
                            }
                        }
                        next[y as usize] = best + emit_i[y as usize];
                        back[y as usize] = arg;
                    }
                    continue;
                }
                let mut best = [f32::NEG_INFINITY; G];
                let mut arg = [0u32; G];
                for (&p, r) in b.preds.iter().zip(rows) {
                    let pp = prev[p as usize];
                    if pp == f32::NEG_INFINITY {
                        continue;
                    }
                    let p = u32::from(p);
                    for y in 0..G {
                        let s = pp + r[y];
                        let better = s > best[y];
                        best[y] = if better { s } else { best[y] };
                        arg[y] = if better { p } else { arg[y] };
                    }
                }
                for (j, &y) in b.targets.iter().enumerate() {
                    let y = y as usize;
                    next[y] = best[j] + emit_i[y];
                    back[y] = arg[j] as u8;
                }
            }
            prev = next;
        }
        // `prev` holds the last step's scores (O-only steps write no row).
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0u8;
        for (y, &s) in prev.iter().enumerate().take(l) {
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
        // The middle token may only be O: two one-token spans.
        d.viterbi_masked(&emit, &trans, Some(&[true, false, true]), &mut out);
        assert_eq!(out, [1, 0, 1]);
        d.viterbi_masked(&emit, &trans, Some(&[false; 3]), &mut out);
        assert_eq!(out, [0, 0, 0]);
        // A mask shorter than the line scores the rest.
        d.viterbi_masked(&emit, &trans, Some(&[false]), &mut out);
        assert_eq!(out, [0, 1, 2]);
    }
}
