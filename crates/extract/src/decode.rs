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
    /// Each target label's block and its place in the block's targets.
    block_of: Vec<(u8, u8)>,
    /// Each block's first row in `rows`.
    block_rows: Vec<usize>,
    /// The scores of each step of the last line decoded.
    steps: Vec<[f32; W]>,
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
        let mut block_of = vec![(0u8, 0u8); l];
        let mut block_rows = Vec::with_capacity(blocks.len());
        let mut row = 0;
        for (b, block) in blocks.iter().enumerate() {
            for (j, &y) in block.targets.iter().enumerate() {
                block_of[y as usize] = (b as u8, j as u8);
            }
            block_rows.push(row);
            row += block.preds.len();
        }
        Decoder {
            scheme,
            labels: l,
            allowed,
            ends,
            blocks,
            block_of,
            block_rows,
            steps: Vec::new(),
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
    ///
    /// The forward pass keeps each step's scores and only maximises; the
    /// backtrace then finds each step's best predecessor again, for the one
    /// label on the path, by the same sums in the same order (so the same
    /// ties win). Tracking the best predecessor of every label at every step
    /// took most of the decoder's instructions.
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
        // Every step's scores are written below before they are read, so
        // the buffer only needs the size.
        if self.steps.len() < n {
            self.steps.resize(n, [f32::NEG_INFINITY; W]);
        }
        let first_scored = scored_at(0);
        let mut prev = [f32::NEG_INFINITY; W];
        for (y, p) in prev.iter_mut().enumerate().take(l) {
            if self.allowed[y] && (first_scored || y == 0) {
                *p = trans[y] + if first_scored { emit[y] } else { 0.0 };
            }
        }
        self.steps[0] = prev;
        let into_o = self.into_o;
        // Whether only O is reachable at the previous step.
        let mut only_o = !first_scored;
        for i in 1..n {
            if !scored_at(i) {
                // Only O: the best way into it. After another O-only step
                // that is one sum.
                let best = if only_o {
                    prev[0] + into_o[0]
                } else {
                    best_into(&prev[..l], &into_o[..l]).0
                };
                prev = [f32::NEG_INFINITY; W];
                prev[0] = best;
                only_o = true;
                self.steps[i] = prev;
                continue;
            }
            only_o = false;
            let emit_i = &emit[i * l..(i + 1) * l];
            let mut next = [f32::NEG_INFINITY; W];
            let mut row = 0;
            for b in &self.blocks {
                let rows = &self.rows[row..row + b.preds.len()];
                row += b.preds.len();
                if b.targets.len() <= 2 {
                    // Small blocks (I-X, L-X after B-X, I-X): scalar.
                    for (j, &y) in b.targets.iter().enumerate() {
                        let mut best = f32::NEG_INFINITY;
                        for (&p, r) in b.preds.iter().zip(rows) {
                            let s = prev[p as usize] + r[j];
                            best = if s > best { s } else { best };
                        }
                        next[y as usize] = best + emit_i[y as usize];
                    }
                    continue;
                }
                let mut best = [f32::NEG_INFINITY; G];
                for (&p, r) in b.preds.iter().zip(rows) {
                    let pp = prev[p as usize];
                    for (b, &t) in best.iter_mut().zip(r) {
                        let s = pp + t;
                        *b = if s > *b { s } else { *b };
                    }
                }
                for (j, &y) in b.targets.iter().enumerate() {
                    let y = y as usize;
                    next[y] = best[j] + emit_i[y];
                }
            }
            prev = next;
            self.steps[i] = prev;
        }
        // `prev` holds the last step's scores.
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
            let before = &self.steps[i - 1];
            out[i - 1] = if !scored_at(i) {
                // After an O-only step, O is the one way in.
                if scored_at(i - 1) {
                    best_into(&before[..l], &into_o[..l]).1
                } else {
                    0
                }
            } else {
                let (b, j) = self.block_of[out[i] as usize];
                let block = &self.blocks[b as usize];
                let rows = &self.rows[self.block_rows[b as usize]..];
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for (&p, r) in block.preds.iter().zip(rows) {
                    let s = before[p as usize] + r[j as usize];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                arg
            };
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

/// The best score into O from `scores` with transitions `into_o`, and the
/// first label reaching it (0 when none does).
#[inline]
fn best_into(scores: &[f32], into_o: &[f32]) -> (f32, u8) {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u8;
    for (p, (&pp, &t)) in scores.iter().zip(into_o).enumerate() {
        let s = pp + t;
        if s > best {
            best = s;
            arg = p as u8;
        }
    }
    (best, arg)
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

    /// The best legal sequence by trying them all (short lines only).
    fn exhaustive(scheme: Scheme, emit: &[f32], trans: &[f32], scored: &[bool]) -> Vec<u8> {
        let l = scheme.num_labels();
        let n = scored.len();
        let mut best = (f32::NEG_INFINITY, vec![0u8; n]);
        let mut seq = vec![0u8; n];
        let total = l.pow(n as u32);
        for mut code in 0..total {
            for y in seq.iter_mut() {
                *y = (code % l) as u8;
                code /= l;
            }
            let legal = (0..n).all(|i| {
                let prev = (i > 0).then(|| seq[i - 1]);
                scheme.allowed(prev, seq[i]) && (scored[i] || seq[i] == 0)
            }) && scheme.can_end(seq[n - 1]);
            if !legal {
                continue;
            }
            let mut score = 0.0;
            for i in 0..n {
                let row = if i == 0 { 0 } else { seq[i - 1] as usize + 1 };
                score += trans[row * l + seq[i] as usize];
                if scored[i] {
                    score += emit[i * l + seq[i] as usize];
                }
            }
            if score > best.0 {
                best = (score, seq.clone());
            }
        }
        best.1
    }

    #[test]
    fn finds_the_best_sequence() {
        // Random scores (a fixed LCG), lines of up to four tokens, every
        // mask: the back pointers found again in the backtrace must give
        // the sequence a search of all sequences gives.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut random = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 40) as f32 / (1u64 << 24) as f32) * 8.0 - 4.0
        };
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let l = scheme.num_labels();
            let mut d = Decoder::new(scheme);
            for n in 1..=4usize {
                for mask in 0..1u32 << n {
                    let scored: Vec<bool> = (0..n).map(|i| mask & (1 << i) != 0).collect();
                    let emit: Vec<f32> = (0..n * l).map(|_| random()).collect();
                    let trans: Vec<f32> = (0..(l + 1) * l).map(|_| random()).collect();
                    let mut out = vec![0u8; n];
                    d.viterbi_masked(&emit, &trans, Some(&scored), &mut out);
                    assert_eq!(
                        out,
                        exhaustive(scheme, &emit, &trans, &scored),
                        "{scheme:?} {scored:?}"
                    );
                }
            }
        }
    }
}
