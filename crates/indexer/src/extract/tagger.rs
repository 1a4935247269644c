//! The two-pass tagging pipeline: text to typed token spans.
//!
//! Owns the order of work: tokenize, score local features for both passes
//! in one sweep (one table lookup per feature serves both), decode pass one
//! per line, add document-level features from pass one's labels, decode pass
//! two. Weights come through the [`Weights`] trait, so training evaluates
//! with exactly the inference code. It does not build mentions or
//! canonicalise names.

use super::decode::Decoder;
use super::features::{CaseLexicon, Featurizer, KeyMap, NEIGHBOURS};
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
    /// [`Weights::add_local`] for each of `keys`; implementations may batch
    /// the lookups.
    fn add_local_all(&self, keys: &[u64], a: &mut [f32], b: &mut [f32]) {
        for &k in keys {
            self.add_local(k, a, b);
        }
    }
    /// The word-case lexicon the features were trained with.
    fn case_lexicon(&self) -> &CaseLexicon;
    /// `(L + 1) x L` transition scores of pass `pass` (0 or 1).
    fn trans(&self, pass: usize) -> &[f32];
    /// Adds local feature `keys[j]` to the rows of token `owners[j]` in
    /// `emit_a` / `emit_b` (`n x L`); implementations may batch lookups.
    fn add_local_tokens(
        &self,
        keys: &[u64],
        owners: &[u32],
        emit_a: &mut [f32],
        emit_b: &mut [f32],
    ) {
        let l = self.scheme().num_labels();
        for (&k, &t) in keys.iter().zip(owners) {
            let t = t as usize;
            self.add_local(
                k,
                &mut emit_a[t * l..(t + 1) * l],
                &mut emit_b[t * l..(t + 1) * l],
            );
        }
    }
    /// Adds document feature `keys[j]` to the row of token `owners[j]` in `emit_b`.
    fn add_doc_tokens(&self, keys: &[u64], owners: &[u32], emit_b: &mut [f32]) {
        let l = self.scheme().num_labels();
        for (&k, &t) in keys.iter().zip(owners) {
            let t = t as usize;
            self.add_doc(k, &mut emit_b[t * l..(t + 1) * l]);
        }
    }
    /// An id unique to these weights for the life of the process, if they
    /// never change, so the tagger may cache per-word scores across texts.
    fn cache_id(&self) -> Option<u64> {
        None
    }
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
    owners: Vec<u32>,
    emit_a: Vec<f32>,
    emit_b: Vec<f32>,
    decoder: Decoder,
    cache: WordCache,
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
            owners: Vec::new(),
            emit_a: Vec::new(),
            emit_b: Vec::new(),
            decoder: Decoder::new(scheme),
            cache: WordCache::default(),
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
        self.featurizer
            .prepare(text, &self.tokens, w.case_lexicon());
        self.emit_a.clear();
        self.emit_a.resize(n * l, 0.0);
        self.emit_b.clear();
        self.emit_b.resize(n * l, 0.0);
        match w.cache_id() {
            Some(id) => self.local_cached(w, id, l),
            None => {
                for i in 0..n {
                    self.keys.clear();
                    self.featurizer.local(i, &mut self.keys);
                    let a = &mut self.emit_a[i * l..(i + 1) * l];
                    let b = &mut self.emit_b[i * l..(i + 1) * l];
                    w.add_local_all(&self.keys, a, b);
                }
            }
        }
        self.pass1.clear();
        self.pass1.resize(n, 0);
        self.decode_lines(w.trans(0), true);
        if two_pass {
            self.featurizer.doc_stats(scheme, &self.pass1);
            self.keys.clear();
            self.owners.clear();
            for i in 0..n {
                self.featurizer.doc(scheme, i, &self.pass1, &mut self.keys);
                self.owners.resize(self.keys.len(), i as u32);
            }
            w.add_doc_tokens(&self.keys, &self.owners, &mut self.emit_b);
            self.labels.clear();
            self.labels.resize(n, 0);
            self.decode_lines(w.trans(1), false);
        } else {
            self.labels.clone_from(&self.pass1);
        }
        scheme.decode(&self.labels, &mut self.spans);
        self.split_at_sentences();
    }

    /// Splits spans that cross a sentence start ("Payam Airport. Fath
    /// Airport"), dropping pieces left without a word character at their
    /// edges.
    fn split_at_sentences(&mut self) {
        let fz = &self.featurizer;
        if !self
            .spans
            .iter()
            .any(|&(_, s, e)| (s + 1..e).any(|k| fz.starts_sentence(k)))
        {
            return;
        }
        let mut out = Vec::with_capacity(self.spans.len() + 1);
        for &(t, s, e) in &self.spans {
            let mut start = s;
            for k in s + 1..=e {
                if k == e || fz.starts_sentence(k) {
                    let (mut a, mut b) = (start, k);
                    while a < b && !fz.is_wordy(a) {
                        a += 1;
                    }
                    while b > a && !fz.is_wordy(b - 1) {
                        b -= 1;
                    }
                    if a < b {
                        out.push((t, a, b));
                    }
                    start = k;
                }
            }
        }
        self.spans = out;
    }

    /// Local scores through the per-word cache: a token's own features and
    /// what it contributes to its ±2 neighbours depend only on its text, so
    /// they are looked up once per distinct word (per thread), and only the
    /// context features are looked up per token. Same sums as
    /// [`Featurizer::local`], in another order.
    fn local_cached<W: Weights>(&mut self, w: &W, id: u64, l: usize) {
        let n = self.tokens.len();
        let c = &mut self.cache;
        if c.id != id || c.map.len() >= WordCache::CAPACITY {
            c.clear(id);
        }
        let width = 2 * l;
        let group = GROUPS * width;
        // Boundary contributions, for neighbours outside the line.
        let mut boundary = vec![0.0f32; NEIGHBOURS.len() * width];
        for (k, slot) in boundary.chunks_mut(width).enumerate() {
            self.keys.clear();
            Featurizer::boundary_keys(k, &mut self.keys);
            let (a, b) = slot.split_at_mut(l);
            w.add_local_all(&self.keys, a, b);
        }
        let mut slots = std::mem::take(&mut c.token_slots);
        slots.clear();
        for i in 0..n {
            let h = self.featurizer.word_hash(i);
            let next = c.map.len() as u32;
            let slot = *c.map.entry(h).or_insert(next);
            if slot == next {
                c.vecs.resize(c.vecs.len() + group, 0.0);
                let v = &mut c.vecs[slot as usize * group..(slot as usize + 1) * group];
                for (g, part) in v.chunks_mut(width).enumerate() {
                    self.keys.clear();
                    if g == 0 {
                        self.featurizer.own(i, &mut self.keys);
                    } else {
                        self.featurizer.neighbour(i, g - 1, &mut self.keys);
                    }
                    let (a, b) = part.split_at_mut(l);
                    w.add_local_all(&self.keys, a, b);
                }
            }
            slots.push(slot);
        }
        self.keys.clear();
        self.owners.clear();
        for i in 0..n {
            let a = &mut self.emit_a[i * l..(i + 1) * l];
            let b = &mut self.emit_b[i * l..(i + 1) * l];
            let own = slots[i] as usize * group;
            add2(a, b, &c.vecs[own..own + width]);
            for (k, &off) in NEIGHBOURS.iter().enumerate() {
                if self.featurizer.has_neighbour(i, off) {
                    // Token j's group k + 1 is what it gives the token at j - off.
                    let j = (i as isize + off) as usize;
                    let base = slots[j] as usize * group + (k + 1) * width;
                    add2(a, b, &c.vecs[base..base + width]);
                } else {
                    add2(a, b, &boundary[k * width..(k + 1) * width]);
                }
            }
            self.featurizer.context(i, &mut self.keys);
            self.owners.resize(self.keys.len(), i as u32);
        }
        w.add_local_tokens(&self.keys, &self.owners, &mut self.emit_a, &mut self.emit_b);
        c.token_slots = slots;
    }

    /// Decodes each line separately: lines are the sequences the model was
    /// trained on (CoNLL sentences, article paragraphs). Decoding whole
    /// sentences instead measured 0.35 F1 worse on CoNLL dev (3 seeds);
    /// entities crossing a sentence end are split afterwards instead.
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

/// Score vectors per word: its own features, then what it gives each of
/// its four neighbours.
const GROUPS: usize = 1 + NEIGHBOURS.len();

/// Per-thread cache of per-word score vectors (see [`Scratch::tag`]).
#[derive(Default)]
struct WordCache {
    /// [`Weights::cache_id`] of the weights the vectors came from.
    id: u64,
    /// Word hash to slot.
    map: KeyMap<u32>,
    /// `GROUPS x 2L` floats per slot: pass one's L, then pass two's L.
    vecs: Vec<f32>,
    /// Slot of each token of the current text.
    token_slots: Vec<u32>,
}

impl WordCache {
    /// Distinct words kept before the cache starts over (about 22 MB of
    /// vectors with 17 labels): frequent words return at once.
    const CAPACITY: usize = 32_768;

    fn clear(&mut self, id: u64) {
        self.id = id;
        self.map.clear();
        self.vecs.clear();
    }
}

/// Adds `v` (pass one's L, then pass two's L) to `a` and `b`.
#[inline]
fn add2(a: &mut [f32], b: &mut [f32], v: &[f32]) {
    let (va, vb) = v.split_at(a.len());
    for (x, y) in a.iter_mut().zip(va) {
        *x += y;
    }
    for (x, y) in b.iter_mut().zip(vb) {
        *x += y;
    }
}
