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
//!
//! Submodules: `data` (gold documents, the word list, the case lexicon,
//! Title Case copies), `perceptron` (the learner), `eval` (scores).

mod data;
mod eval;
mod perceptron;

use super::decode::Decoder;
use super::features::{CaseLexicon, Featurizer, KeyMap, WordClusters};
use super::labels::Scheme;
use super::model::RawModel;
use super::tokenize::tokenize;

pub use data::{
    case_lexicon, english_words, project, read_docs, title_case_copy, word_clusters, GoldDoc,
    GoldMention, ENGLISH_WORDS_GZ,
};
use eval::Interned;
pub use eval::{evaluate, Counts, Scores};
use perceptron::{emissions, train_model, FeatTable, Seq};

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
    /// Whether a training document's features see a case lexicon learned
    /// without its fold (as pass-one labels are), rather than the full one.
    pub jackknife_lexicon: bool,
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
/// `log`, and returns the model's raw weights. `words` is the English word
/// list for the case lexicon (see [`case_lexicon`]); the training texts
/// are the only other thing the model learns from (dev is only scored).
pub fn train(
    cfg: &Config,
    train: &[GoldDoc],
    dev: &[GoldDoc],
    words: &str,
    clusters: &WordClusters,
    log: &mut dyn std::io::Write,
) -> std::io::Result<RawModel> {
    // Kept long: the training schedule (folds, two passes, averaging) in the order it runs; only with the `train` feature.
    let scheme = cfg.scheme;
    let case = case_lexicon(train.iter(), words);
    writeln!(
        log,
        "case lexicon: {} words; word clusters: {} words",
        case.len(),
        clusters.len()
    )?;
    // A document and its Title Case copy share a fold, so pass one never
    // labels a copy with a model that saw the original.
    let n_orig = train.len().max(1);
    let fold_of = |doc: usize| (doc % n_orig) % cfg.folds;
    // The features of a training document see the lexicon of the other
    // folds only: learned from the document itself, the lexicon would
    // know all of its names, which at inference it cannot.
    let fold_case: Vec<CaseLexicon> = (0..cfg.folds)
        .map(|f| {
            let others = train
                .iter()
                .enumerate()
                .filter(|&(i, _)| fold_of(i) != f)
                .map(|(_, d)| d);
            if cfg.jackknife_lexicon {
                case_lexicon(others, words)
            } else {
                case.clone()
            }
        })
        .collect();
    let augmented;
    let train = if cfg.title_case {
        augmented = train
            .iter()
            .cloned()
            .chain(
                train
                    .iter()
                    .enumerate()
                    .map(|(i, d)| title_case_copy(d, &fold_case[fold_of(i)])),
            )
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
        fz.prepare(&d.text, &tokens, &fold_case[fold_of(di)], clusters);
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
                clusters,
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
        fz.prepare(&d.text, &tokens, &fold_case[fold_of(di)], clusters);
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
                clusters,
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
        clusters: clusters.clone(),
    })
}
