//! Scoring: mention and docset precision/recall as `score.py` computes
//! them, and the weights of a model still in training as [`Weights`].

use super::super::features::{CaseLexicon, KeyMap, WordClusters};
use super::super::labels::{Scheme, TYPES};
use super::super::tagger::{Scratch, Weights};
use super::GoldDoc;

/// Precision/recall counts for one type and metric.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Counts {
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            200.0 * p * r / (p + r)
        }
    }
}

/// Mention and docset counts per type (PER, LOC, ORG), as score.py computes them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// Exact-span counts.
    pub mention: [Counts; 3],
    /// Per-document unique lowercased strings.
    pub docset: [Counts; 3],
}

impl Scores {
    fn add(&mut self, text: &str, gold: &[(u8, usize, usize)], pred: &[(u8, usize, usize)]) {
        use std::collections::HashSet;
        let chars: Vec<char> = text.chars().collect();
        let norm = |s: usize, e: usize| {
            let t: String = chars[s..e].iter().collect();
            t.to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        for ty in 0..3u8 {
            let g: HashSet<_> = gold
                .iter()
                .filter(|m| m.0 == ty)
                .map(|m| (m.1, m.2))
                .collect();
            let p: HashSet<_> = pred
                .iter()
                .filter(|m| m.0 == ty)
                .map(|m| (m.1, m.2))
                .collect();
            let c = &mut self.mention[ty as usize];
            c.tp += g.intersection(&p).count();
            c.fp += p.difference(&g).count();
            c.fn_ += g.difference(&p).count();
            let gs: HashSet<_> = g.iter().map(|&(s, e)| norm(s, e)).collect();
            let ps: HashSet<_> = p.iter().map(|&(s, e)| norm(s, e)).collect();
            let c = &mut self.docset[ty as usize];
            c.tp += gs.intersection(&ps).count();
            c.fp += ps.difference(&gs).count();
            c.fn_ += gs.difference(&ps).count();
        }
    }

    /// One-line summary: mention and docset F1 per type.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        for (i, t) in ["PER", "LOC", "ORG"].iter().enumerate() {
            s += &format!(
                "{t} m {:.1} d {:.1}  ",
                self.mention[i].f1(),
                self.docset[i].f1()
            );
        }
        let tot = |m: &[Counts; 3]| {
            let mut c = Counts::default();
            for x in m {
                c.tp += x.tp;
                c.fp += x.fp;
                c.fn_ += x.fn_;
            }
            c.f1()
        };
        s + &format!(
            "| all m {:.2} d {:.2}",
            tot(&self.mention),
            tot(&self.docset)
        )
    }
}

/// Tags `docs` with `w` and scores against their gold mentions.
pub fn evaluate<W: Weights>(w: &W, docs: &[GoldDoc], two_pass: bool, greedy: bool) -> Scores {
    let mut scratch = Scratch::new(w.scheme());
    scratch.greedy = greedy;
    let mut scores = Scores::default();
    let mut miss = 0;
    for d in docs {
        scratch.tag(w, &d.text, two_pass);
        let toks = &scratch.tokens;
        let to_cp = |spans: &[(u8, usize, usize)]| -> Vec<(u8, usize, usize)> {
            spans
                .iter()
                .map(|&(t, s, e)| (t, toks[s].cp_start, toks[e - 1].cp_end))
                .collect()
        };
        let gold: Vec<_> = d
            .mentions
            .iter()
            .filter_map(|m| {
                let t = TYPES.iter().position(|x| *x == m.kind)?;
                Some((t as u8, m.start, m.end))
            })
            .collect();
        let pred = to_cp(&scratch.spans);
        let _ = &mut miss;
        scores.add(&d.text, &gold, &pred);
    }
    scores
}

/// Interned training weights, usable by the tagging pipeline.
pub(super) struct Interned<'a> {
    pub(super) scheme: Scheme,
    pub(super) case: &'a CaseLexicon,
    pub(super) clusters: &'a WordClusters,
    pub(super) map: &'a KeyMap<u32>,
    pub(super) n_local: usize,
    pub(super) a: &'a [f32],
    pub(super) trans_a: &'a [f32],
    pub(super) b: &'a [f32],
    pub(super) trans_b: &'a [f32],
}

impl Weights for Interned<'_> {
    fn scheme(&self) -> Scheme {
        self.scheme
    }
    fn add_local(&self, key: u64, a: &mut [f32], b: &mut [f32]) {
        let l = a.len();
        if let Some(&f) = self.map.get(&key) {
            let f = f as usize;
            if f < self.n_local {
                for (s, x) in a.iter_mut().zip(&self.a[f * l..(f + 1) * l]) {
                    *s += x;
                }
            }
            if let Some(row) = self.b.get(f * l..(f + 1) * l) {
                for (s, x) in b.iter_mut().zip(row) {
                    *s += x;
                }
            }
        }
    }
    fn add_doc(&self, key: u64, b: &mut [f32]) {
        let l = b.len();
        if let Some(&f) = self.map.get(&key) {
            if let Some(row) = self.b.get(f as usize * l..(f as usize + 1) * l) {
                for (s, x) in b.iter_mut().zip(row) {
                    *s += x;
                }
            }
        }
    }
    fn case_lexicon(&self) -> &CaseLexicon {
        self.case
    }
    fn word_clusters(&self) -> &WordClusters {
        self.clusters
    }
    fn trans(&self, pass: usize) -> &[f32] {
        if pass == 0 {
            self.trans_a
        } else {
            self.trans_b
        }
    }
}
