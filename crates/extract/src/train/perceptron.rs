//! The averaged structured perceptron (Collins 2002, with the lazy
//! averaging trick) over interned feature indices, Viterbi-decoded.

use super::super::decode::Decoder;
use super::Config;

/// Deterministic xorshift64* generator, so training needs no dependency and
/// reproduces bit for bit.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Feature indices of every token, flattened.
#[derive(Default)]
pub(super) struct FeatTable {
    idx: Vec<u32>,
    off: Vec<usize>,
}

impl FeatTable {
    pub(super) fn push(&mut self, feats: impl IntoIterator<Item = u32>) {
        if self.off.is_empty() {
            self.off.push(0);
        }
        self.idx.extend(feats);
        self.off.push(self.idx.len());
    }
    pub(super) fn get(&self, t: usize) -> &[u32] {
        &self.idx[self.off[t]..self.off[t + 1]]
    }
}

/// A training sequence: one line of one document, as global token indices.
#[derive(Clone, Copy)]
pub(super) struct Seq {
    pub(super) doc: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Structured perceptron with averaging.
pub(super) struct Perceptron {
    l: usize,
    w: Vec<f32>,
    acc: Vec<f32>,
    trans: Vec<f32>,
    trans_acc: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn new(features: usize, l: usize) -> Perceptron {
        Perceptron {
            l,
            w: vec![0.0; features * l],
            acc: vec![0.0; features * l],
            trans: vec![0.0; (l + 1) * l],
            trans_acc: vec![0.0; (l + 1) * l],
            step: 1.0,
        }
    }

    /// Averaged weights and transitions.
    pub(super) fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], a: &[f32]| w.iter().zip(a).map(|(w, a)| w - a / self.step).collect();
        (avg(&self.w, &self.acc), avg(&self.trans, &self.trans_acc))
    }

    fn update(&mut self, feats: &[u32], label: usize, delta: f32) {
        let c = self.step * delta;
        for &f in feats {
            let k = f as usize * self.l + label;
            self.w[k] += delta;
            self.acc[k] += c;
        }
    }

    fn update_trans(&mut self, k: usize, delta: f32) {
        self.trans[k] += delta;
        self.trans_acc[k] += self.step * delta;
    }
}

/// Emission scores of tokens `start..end` under weights `w`.
pub(super) fn emissions(
    w: &[f32],
    l: usize,
    feats: &FeatTable,
    start: usize,
    end: usize,
    out: &mut Vec<f32>,
) {
    out.clear();
    out.resize((end - start) * l, 0.0);
    for t in start..end {
        let row = &mut out[(t - start) * l..(t - start + 1) * l];
        for &f in feats.get(t) {
            let wf = &w[f as usize * l..(f as usize + 1) * l];
            for (s, x) in row.iter_mut().zip(wf) {
                *s += x;
            }
        }
    }
}

/// Runs `epochs` of perceptron training over `seqs`.
#[allow(clippy::too_many_arguments)]
pub(super) fn train_model(
    cfg: &Config,
    features: usize,
    feats: &FeatTable,
    gold: &[u8],
    seqs: &[Seq],
    epochs: usize,
    seed: u64,
    mut on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let l = cfg.scheme.num_labels();
    let mut p = Perceptron::new(features, l);
    let mut dec = Decoder::new(cfg.scheme);
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut emit = Vec::new();
    let mut pred = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = seqs[si];
            emissions(&p.w, l, feats, s.start, s.end, &mut emit);
            pred.clear();
            pred.resize(s.end - s.start, 0);
            if cfg.greedy {
                dec.greedy(&emit, &p.trans, &mut pred);
            } else {
                dec.viterbi(&emit, &p.trans, &mut pred);
            }
            let g = &gold[s.start..s.end];
            if pred != g {
                let mut prev_g = 0usize;
                let mut prev_p = 0usize;
                for (i, (&gl, &pl)) in g.iter().zip(&pred).enumerate() {
                    let (gl, pl) = (gl as usize, pl as usize);
                    if gl != pl {
                        let f = feats.get(s.start + i);
                        p.update(f, gl, 1.0);
                        p.update(f, pl, -1.0);
                    }
                    if gl != pl || prev_g != prev_p {
                        p.update_trans(prev_g * l + gl, 1.0);
                        p.update_trans(prev_p * l + pl, -1.0);
                    }
                    prev_g = gl + 1;
                    prev_p = pl + 1;
                }
            }
            p.step += 1.0;
        }
        on_epoch(epoch + 1, &p);
    }
    p
}
