//! Training: averaged structured perceptron for both passes, with
//! jackknifed first-pass labels, and span-level evaluation.
//!
//! Owns reading gold JSONL documents, projecting their character-offset
//! mentions onto our tokens, interning feature keys, the perceptron updates
//! (Viterbi-decoded, Collins 2002, with the lazy averaging trick) and the
//! scores printed while training. Pass two learns from pass-one labels
//! produced by models that never saw the document (k-fold jackknife), so its
//! document features are as noisy in training as at inference. Used by the
//! `train-ner` binary; the indexer never calls it.

use std::io::BufRead;

use serde::Deserialize;

use super::decode::Decoder;
use super::features::{CaseLexicon, Featurizer, KeyMap};
use super::labels::{Scheme, TYPES};
use super::model::RawModel;
use super::tagger::{Scratch, Weights};
use super::tokenize::{tokenize, Token};

/// A gold mention as stored in the CoNLL JSONL files.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldMention {
    /// "PER", "LOC", "ORG" or "MISC".
    #[serde(rename = "type")]
    pub kind: String,
    /// Start in code points.
    pub start: usize,
    /// End in code points.
    pub end: usize,
}

/// A gold document.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// Full text.
    pub text: String,
    /// Gold mentions (none when the file has no gold).
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

/// Reads gold documents from a JSONL file.
pub fn read_docs(path: &std::path::Path) -> std::io::Result<Vec<GoldDoc>> {
    let f = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut docs = Vec::new();
    for (n, line) in f.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}:{}: {e}", path.display(), n + 1),
            )
        })?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Gold spans of `doc` over `tokens` as `(type, first, end)`; mentions whose
/// edges fall inside a token are counted in `misaligned` and dropped.
pub fn project(doc: &GoldDoc, tokens: &[Token], misaligned: &mut usize) -> Vec<(u8, usize, usize)> {
    let mut spans = Vec::new();
    for m in &doc.mentions {
        let Some(ty) = TYPES.iter().position(|t| *t == m.kind) else {
            continue;
        };
        let s = tokens.iter().position(|t| t.cp_start == m.start);
        let e = tokens.iter().position(|t| t.cp_end == m.end);
        match (s, e) {
            (Some(s), Some(e)) if e >= s => spans.push((ty as u8, s, e + 1)),
            _ => *misaligned += 1,
        }
    }
    spans.sort_by_key(|s| s.1);
    spans
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Label scheme.
    pub scheme: Scheme,
    /// Epochs of pass one.
    pub epochs_a: usize,
    /// Epochs of pass two.
    pub epochs_b: usize,
    /// Jackknife folds for pass-one labels on the training set.
    pub folds: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Rows whose largest absolute averaged weight is below this are dropped.
    pub prune: f32,
    /// Whether to train with greedy decoding instead of Viterbi.
    pub greedy: bool,
    /// Whether to add a Title Case copy of each training document (see
    /// [`title_case_copy`]).
    pub title_case: bool,
}

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
struct FeatTable {
    idx: Vec<u32>,
    off: Vec<usize>,
}

impl FeatTable {
    fn push(&mut self, feats: impl IntoIterator<Item = u32>) {
        if self.off.is_empty() {
            self.off.push(0);
        }
        self.idx.extend(feats);
        self.off.push(self.idx.len());
    }
    fn get(&self, t: usize) -> &[u32] {
        &self.idx[self.off[t]..self.off[t + 1]]
    }
}

/// A training sequence: one line of one document, as global token indices.
#[derive(Clone, Copy)]
struct Seq {
    doc: usize,
    start: usize,
    end: usize,
}

/// Structured perceptron with averaging.
struct Perceptron {
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
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
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
fn emissions(w: &[f32], l: usize, feats: &FeatTable, start: usize, end: usize, out: &mut Vec<f32>) {
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
fn train_model(
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
struct Interned<'a> {
    scheme: Scheme,
    case: &'a CaseLexicon,
    map: &'a KeyMap<u32>,
    n_local: usize,
    a: &'a [f32],
    trans_a: &'a [f32],
    b: &'a [f32],
    trans_b: &'a [f32],
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
    fn trans(&self, pass: usize) -> &[f32] {
        if pass == 0 {
            self.trans_a
        } else {
            self.trans_b
        }
    }
}

/// Short words that Title Case headlines (AP style) leave lowercase.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "in", "of", "up",
    "as", "is",
];

/// A copy of `doc` with its ALL-CAPS lines (CoNLL headlines and datelines)
/// in Title Case ("Sharaa Meets Putin in Moscow"), same offsets and labels.
/// CoNLL has almost no Title Case, so without this the tagger reads every
/// capitalised headline word as a name ("Apple Unveils New Products" as one
/// ORG). Also casing every fifth body line cost 0.4 dev F1 for no visible
/// gain on Wikinews, so only headlines are copied. Only ASCII letters change, so code
/// point offsets stay valid. In ALL-CAPS lines, short words that are not
/// common lowercase words (acronyms: "EU", "U.S.") stay in capitals.
pub fn title_case_copy(doc: &GoldDoc, case: &CaseLexicon) -> GoldDoc {
    let mut out = String::with_capacity(doc.text.len());
    let mut tokens = Vec::new();
    for (n, line) in doc.text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let letters = || line.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters().count() >= 2 && letters().all(char::is_uppercase);
        if !all_caps {
            out.push_str(line);
            continue;
        }
        tokenize(line, &mut tokens);
        let mut last = 0;
        for (k, t) in tokens.iter().enumerate() {
            out.push_str(&line[last..t.start]);
            last = t.end;
            let word = t.text(line);
            if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.push_str(word);
                continue;
            }
            let lower = word.to_ascii_lowercase();
            let bucket = case.bucket(xxhash_rust::xxh3::xxh3_64(lower.as_bytes()));
            let small = k > 0 && SMALL_WORDS.contains(&lower.as_str());
            if all_caps && !small && word.len() <= 4 && !matches!(bucket, 1 | 2) {
                out.push_str(word);
            } else if small {
                out.push_str(&lower);
            } else {
                let rest = if all_caps { &lower[1..] } else { &word[1..] };
                out.push(word.as_bytes()[0].to_ascii_uppercase() as char);
                out.push_str(rest);
            }
        }
        out.push_str(&line[last..]);
    }
    GoldDoc {
        id: format!("{}-title", doc.id),
        text: out,
        mentions: doc.mentions.clone(),
    }
}

/// Learns the word-case lexicon from texts (training and unlabeled).
pub fn case_lexicon<'a>(texts: impl Iterator<Item = &'a str>) -> CaseLexicon {
    let mut counts = KeyMap::default();
    let mut tokens = Vec::new();
    let mut fz = Featurizer::default();
    let empty = CaseLexicon::default();
    for t in texts {
        tokenize(t, &mut tokens);
        fz.prepare(t, &tokens, &empty);
        fz.case_counts(&mut counts);
    }
    CaseLexicon::from_counts(&counts)
}

/// Interns keys seen at least `min` times, numbering from `base`.
fn intern(counts: &KeyMap<u32>, min: u32, base: usize, map: &mut KeyMap<u32>) -> usize {
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|&(_, &c)| c >= min)
        .map(|(&k, _)| k)
        .collect();
    // Sorted so numbering (and hence training) does not depend on hash order.
    keys.sort_unstable();
    for (i, k) in keys.iter().enumerate() {
        map.insert(*k, (base + i) as u32);
    }
    keys.len()
}

/// Trains both passes on `train`, printing dev scores per epoch to
/// `log`, and returns the model's raw weights.
pub fn train(
    cfg: &Config,
    train: &[GoldDoc],
    dev: &[GoldDoc],
    unlabeled: &[String],
    log: &mut dyn std::io::Write,
) -> std::io::Result<RawModel> {
    let scheme = cfg.scheme;
    let case = case_lexicon(
        train
            .iter()
            .map(|d| d.text.as_str())
            .chain(unlabeled.iter().map(String::as_str)),
    );
    writeln!(log, "case lexicon: {} words", case.len())?;
    // A document and its Title Case copy share a fold, so pass one never
    // labels a copy with a model that saw the original.
    let n_orig = train.len().max(1);
    let fold_of = |doc: usize| (doc % n_orig) % cfg.folds;
    let augmented;
    let train = if cfg.title_case {
        augmented = train
            .iter()
            .cloned()
            .chain(train.iter().map(|d| title_case_copy(d, &case)))
            .collect::<Vec<_>>();
        &augmented[..]
    } else {
        train
    };
    let l = scheme.num_labels();
    let mut tokens = Vec::new();
    let mut fz = Featurizer::default();
    let mut keys = Vec::new();
    let mut misaligned = 0;
    let mut gold = Vec::new();
    let mut doc_tokens = Vec::new(); // (first global token, count)
    let mut seqs = Vec::new();
    let mut local_keys: Vec<Vec<u64>> = Vec::new();
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut labels = Vec::new();
    for (di, d) in train.iter().enumerate() {
        tokenize(&d.text, &mut tokens);
        let spans = project(d, &tokens, &mut misaligned);
        scheme.encode(tokens.len(), &spans, &mut labels);
        let base = gold.len();
        gold.extend_from_slice(&labels);
        doc_tokens.push((base, tokens.len()));
        fz.prepare(&d.text, &tokens, &case);
        let mut s = 0;
        while s < tokens.len() {
            let mut e = s + 1;
            while e < tokens.len() && !tokens[e].line_start {
                e += 1;
            }
            seqs.push(Seq {
                doc: di,
                start: base + s,
                end: base + e,
            });
            s = e;
        }
        for i in 0..tokens.len() {
            keys.clear();
            fz.local(i, &mut keys);
            for &k in &keys {
                *counts.entry(k).or_default() += 1;
            }
            local_keys.push(keys.clone());
        }
    }
    writeln!(
        log,
        "train: {} docs, {} tokens, {} sequences, {} mentions misaligned with tokens, {} distinct local features",
        train.len(),
        gold.len(),
        seqs.len(),
        misaligned,
        counts.len()
    )?;
    let mut map: KeyMap<u32> = KeyMap::default();
    let n_local = intern(&counts, cfg.min_count, 0, &mut map);
    let mut local = FeatTable::default();
    for ks in &local_keys {
        local.push(ks.iter().filter_map(|k| map.get(k).copied()));
    }
    drop(local_keys);
    writeln!(
        log,
        "pass one: {n_local} features kept (min count {})",
        cfg.min_count
    )?;

    // Jackknifed pass-one labels for the training documents.
    let mut pass1 = vec![0u8; gold.len()];
    let mut dec = Decoder::new(scheme);
    let mut emit = Vec::new();
    for fold in 0..cfg.folds {
        let tr: Vec<Seq> = seqs
            .iter()
            .copied()
            .filter(|s| fold_of(s.doc) != fold)
            .collect();
        let p = train_model(
            cfg,
            n_local,
            &local,
            &gold,
            &tr,
            cfg.epochs_a,
            cfg.seed + fold as u64,
            |_, _| {},
        );
        let (w, t) = p.averaged();
        for s in seqs.iter().filter(|s| fold_of(s.doc) == fold) {
            emissions(&w, l, &local, s.start, s.end, &mut emit);
            dec.viterbi(&emit, &t, &mut pass1[s.start..s.end]);
        }
        writeln!(log, "jackknife fold {} done", fold + 1)?;
    }
    let mut last_a = (Vec::new(), Vec::new());
    let empty: Vec<f32> = Vec::new();
    let pa = train_model(
        cfg,
        n_local,
        &local,
        &gold,
        &seqs,
        cfg.epochs_a,
        cfg.seed,
        |e, p| {
            let (w, t) = p.averaged();
            let iw = Interned {
                scheme,
                case: &case,
                map: &map,
                n_local,
                a: &w,
                trans_a: &t,
                b: &empty,
                trans_b: &t,
            };
            let s = evaluate(&iw, dev, false, cfg.greedy);
            let _ = writeln!(log, "pass one epoch {e:2}: dev {}", s.summary());
            let _ = log.flush();
        },
    );
    let (wa, ta) = pa.averaged();
    last_a.0 = wa;
    last_a.1 = ta;

    // Pass two: local features plus document features from jackknifed labels.
    let mut doc_keys: Vec<Vec<u64>> = Vec::with_capacity(gold.len());
    let mut dcounts: KeyMap<u32> = KeyMap::default();
    for (di, d) in train.iter().enumerate() {
        tokenize(&d.text, &mut tokens);
        fz.prepare(&d.text, &tokens, &case);
        let (base, n) = doc_tokens[di];
        let p1 = &pass1[base..base + n];
        fz.doc_stats(scheme, p1);
        for i in 0..n {
            keys.clear();
            fz.doc(scheme, i, p1, &mut keys);
            for &k in &keys {
                *dcounts.entry(k).or_default() += 1;
            }
            doc_keys.push(keys.clone());
        }
    }
    let n_doc = intern(&dcounts, cfg.min_count, n_local, &mut map);
    writeln!(log, "pass two: {n_doc} document features")?;
    let mut both = FeatTable::default();
    for (t, ks) in doc_keys.iter().enumerate() {
        let extra: Vec<u32> = ks.iter().filter_map(|k| map.get(k).copied()).collect();
        both.push(local.get(t).iter().copied().chain(extra));
    }
    drop(doc_keys);
    let pb = train_model(
        cfg,
        n_local + n_doc,
        &both,
        &gold,
        &seqs,
        cfg.epochs_b,
        cfg.seed ^ 0xB,
        |e, p| {
            let (w, t) = p.averaged();
            let iw = Interned {
                scheme,
                case: &case,
                map: &map,
                n_local,
                a: &last_a.0,
                trans_a: &last_a.1,
                b: &w,
                trans_b: &t,
            };
            let s = evaluate(&iw, dev, true, cfg.greedy);
            let _ = writeln!(log, "pass two epoch {e:2}: dev {}", s.summary());
            let _ = log.flush();
        },
    );
    let (wb, tb) = pb.averaged();

    let mut entries: Vec<(u64, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    entries.sort_unstable();
    let mut rows = Vec::new();
    for (key, f) in entries {
        let f = f as usize;
        let a = if f < n_local {
            last_a.0[f * l..(f + 1) * l].to_vec()
        } else {
            vec![0.0; l]
        };
        let b = wb[f * l..(f + 1) * l].to_vec();
        let max = a.iter().chain(&b).fold(0f32, |m, &x| m.max(x.abs()));
        if max >= cfg.prune && max > 0.0 {
            rows.push((key, a, b));
        }
    }
    writeln!(
        log,
        "model: {} rows after pruning below {}",
        rows.len(),
        cfg.prune
    )?;
    Ok(RawModel {
        scheme,
        trans: [last_a.1, tb],
        rows,
        case,
    })
}
