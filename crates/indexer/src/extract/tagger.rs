//! The two-pass tagging pipeline: text to typed token spans.
//!
//! Owns the order of work: tokenize, score local features for both passes
//! in one sweep (one table lookup per feature serves both), decode pass one
//! per line, add document-level features from pass one's labels, decode pass
//! two. Weights come through the [`Weights`] trait, so training evaluates
//! with exactly the inference code. It does not build mentions or
//! canonicalise names.

use super::decode::Decoder;
use super::features::Featurizer;
use super::labels::Scheme;
use super::tokenize::{tokenize, Token};

/// Source of feature weights.
pub trait Weights {
    /// Label scheme of the weights.
    fn scheme(&self) -> Scheme;
    /// Adds local feature `key`'s pass-one weights to `a` and pass-two weights to `b`.
    fn add_local(&self, key: u64, a: &mut [f32], b: &mut [f32]);
    /// Adds document feature `key`'s pass-two weights to `b`.
    fn add_doc(&self, key: u64, b: &mut [f32]);
    /// `(L + 1) x L` transition scores of pass `pass` (0 or 1).
    fn trans(&self, pass: usize) -> &[f32];
}

/// A typed span over tokens: `(type, first token, end token)`.
pub type Span = (u8, usize, usize);

/// Reusable buffers for tagging one document at a time.
pub struct Scratch {
    /// Tokens of the last text.
    pub tokens: Vec<Token>,
    /// Spans found in the last text.
    pub spans: Vec<Span>,
    /// Pass-one labels of the last text.
    pub pass1: Vec<u8>,
    /// Final labels of the last text.
    pub labels: Vec<u8>,
    featurizer: Featurizer,
    keys: Vec<u64>,
    emit_a: Vec<f32>,
    emit_b: Vec<f32>,
    decoder: Decoder,
    /// Use greedy decoding instead of Viterbi (for measurement only).
    pub greedy: bool,
}

impl Scratch {
    /// Buffers for a model using `scheme`.
    pub fn new(scheme: Scheme) -> Scratch {
        Scratch {
            tokens: Vec::new(),
            spans: Vec::new(),
            pass1: Vec::new(),
            labels: Vec::new(),
            featurizer: Featurizer::default(),
            keys: Vec::new(),
            emit_a: Vec::new(),
            emit_b: Vec::new(),
            decoder: Decoder::new(scheme),
            greedy: false,
        }
    }

    /// Tags `text`: afterwards `tokens`, `pass1`, `labels` and `spans` describe it.
    /// With `two_pass` false, only pass one runs (`labels` = `pass1`).
    pub fn tag<W: Weights>(&mut self, w: &W, text: &str, two_pass: bool) {
        let scheme = w.scheme();
        if self.decoder.scheme() != scheme {
            self.decoder = Decoder::new(scheme);
        }
        let l = scheme.num_labels();
        tokenize(text, &mut self.tokens);
        let n = self.tokens.len();
        self.featurizer.prepare(text, &self.tokens);
        self.emit_a.clear();
        self.emit_a.resize(n * l, 0.0);
        self.emit_b.clear();
        self.emit_b.resize(n * l, 0.0);
        for i in 0..n {
            self.keys.clear();
            self.featurizer.local(i, &mut self.keys);
            let a = &mut self.emit_a[i * l..(i + 1) * l];
            let b = &mut self.emit_b[i * l..(i + 1) * l];
            for &k in &self.keys {
                w.add_local(k, a, b);
            }
        }
        self.pass1.clear();
        self.pass1.resize(n, 0);
        self.decode_lines(w.trans(0), true);
        if two_pass {
            self.featurizer.doc_stats(scheme, &self.pass1);
            for i in 0..n {
                self.keys.clear();
                self.featurizer.doc(scheme, i, &self.pass1, &mut self.keys);
                let b = &mut self.emit_b[i * l..(i + 1) * l];
                for &k in &self.keys {
                    w.add_doc(k, b);
                }
            }
            self.labels.clear();
            self.labels.resize(n, 0);
            self.decode_lines(w.trans(1), false);
        } else {
            self.labels.clone_from(&self.pass1);
        }
        scheme.decode(&self.labels, &mut self.spans);
    }

    /// Decodes each line separately: lines are the sequences the model was
    /// trained on (CoNLL sentences, article paragraphs).
    fn decode_lines(&mut self, trans: &[f32], first: bool) {
        let n = self.tokens.len();
        let l = self.decoder_labels();
        let mut s = 0;
        while s < n {
            let mut e = s + 1;
            while e < n && !self.tokens[e].line_start {
                e += 1;
            }
            let (emit, out) = if first {
                (&self.emit_a[s * l..e * l], &mut self.pass1[s..e])
            } else {
                (&self.emit_b[s * l..e * l], &mut self.labels[s..e])
            };
            if self.greedy {
                self.decoder.greedy(emit, trans, out);
            } else {
                self.decoder.viterbi(emit, trans, out);
            }
            s = e;
        }
    }

    fn decoder_labels(&self) -> usize {
        self.decoder.scheme().num_labels()
    }

    /// The featurizer, prepared for the last text.
    pub fn featurizer(&mut self) -> &mut Featurizer {
        &mut self.featurizer
    }
}
