//! The two-pass tagging pipeline: text to typed token spans.
//!
//! Owns the order of work: tokenize, score local features for both passes
//! in one sweep (one table lookup per feature serves both), decode pass one
//! per line, add document-level features from pass one's labels, decode pass
//! two. Weights come through the [`Weights`] trait, so training evaluates
//! with exactly the inference code. It does not build mentions or
//! canonicalise names.

use super::context_sums::SignatureSums;
use super::decode::Decoder;
use super::features::{CaseLexicon, Featurizer, WordClusters, NEIGHBOURS};
use super::labels::Scheme;
use super::org_prefixes::keep_places_before_org_names;
use super::speakers::keep_headline_speakers;
use super::tokenize::{tokenize, Token};
use super::word_cache::WordCache;

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
    /// The word clusters the features were trained with.
    fn word_clusters(&self) -> &WordClusters;
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
    /// A cache of per-word scores for these weights, if they never change,
    /// so the tagger may reuse them across texts and threads.
    fn word_cache(&self) -> Option<&WordCache> {
        None
    }
}

/// Index of a type name in [`TYPES`](super::labels::TYPES).
fn type_index(name: &str) -> Option<u8> {
    super::labels::TYPES
        .iter()
        .position(|t| *t == name)
        .map(|i| i as u8)
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
    /// Pass one's spans, where a repair needs them.
    pass1_spans: Vec<Span>,
    featurizer: Featurizer,
    /// Tokens that may lie in a name (see [`Featurizer::name_candidates`]);
    /// the others are labelled O unscored.
    scored: Vec<bool>,
    keys: Vec<u64>,
    owners: Vec<u32>,
    emit_a: Vec<f32>,
    emit_b: Vec<f32>,
    decoder: Decoder,
    /// Summed weights of each context signature seen (see
    /// [`Scratch::local_cached`]).
    signatures: SignatureSums,
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
            pass1_spans: Vec::new(),
            featurizer: Featurizer::default(),
            scored: Vec::new(),
            keys: Vec::new(),
            owners: Vec::new(),
            emit_a: Vec::new(),
            emit_b: Vec::new(),
            decoder: Decoder::new(scheme),
            signatures: SignatureSums::default(),
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
            .prepare(text, &self.tokens, w.case_lexicon(), w.word_clusters());
        self.featurizer.name_candidates(&mut self.scored);
        self.emit_a.clear();
        self.emit_a.resize(n * l, 0.0);
        self.emit_b.clear();
        self.emit_b.resize(n * l, 0.0);
        match w.word_cache() {
            Some(cache) => self.local_cached(w, cache, l),
            None => {
                for i in (0..n).filter(|&i| self.scored[i]) {
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
            for i in (0..n).filter(|&i| self.scored[i]) {
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
        if two_pass {
            let fz = &self.featurizer;
            keep_places_before_org_names(
                text,
                &self.tokens,
                (&self.pass1, scheme),
                |s, e| fz.names_a_place(s, e),
                &mut self.spans,
                &mut self.pass1_spans,
            );
            keep_headline_speakers(
                text,
                &self.tokens,
                (&self.pass1, scheme),
                &mut self.spans,
                &mut self.pass1_spans,
            );
        }
        self.split_at_sentences();
        self.drop_unlikely(text, two_pass);
        self.facility_places(text);
        self.trim_headline_spans();
    }

    /// Drops one-token spans that are no names: ordinary words capitalised
    /// for their position (see [`Featurizer::is_positional_common_word`];
    /// on CoNLL dev this removed 2 wrong mentions and no right one, on
    /// Wikinews "Additionally", "Authorities", "Born"...), and tokens with
    /// fewer than two letters or digits ("S" of a split "U.S").
    fn drop_unlikely(&mut self, text: &str, two_pass: bool) {
        let fz = &self.featurizer;
        let toks = &self.tokens;
        self.spans.retain(|&(_, s, e)| {
            if e - s > 1 {
                return true;
            }
            let word = toks[s].text(text);
            let alnum = word.chars().filter(|c| c.is_alphanumeric()).take(2).count();
            alnum >= 2 && !(two_pass && fz.is_positional_common_word(s))
        });
    }

    /// In a Title Case headline, ends a span before its last words while
    /// they are plain English words ("Apple Unveils New" → "Apple"): there
    /// capitals say nothing, and CoNLL has few such lines to learn from
    /// (its headlines are in capitals; its Title Case lines are results
    /// tables, which capitalise no function words and are left alone).
    fn trim_headline_spans(&mut self) {
        let fz = &self.featurizer;
        for span in &mut self.spans {
            let (_, s, mut e) = *span;
            if !fz.in_headline(s) {
                continue;
            }
            while e > s + 1 && fz.is_plain_word(e - 1) {
                e -= 1;
            }
            span.2 = e;
        }
    }

    /// Makes a one-token organization that is a city or region of the
    /// gazetteer, after "the" and before a facility word ("the Tartus naval
    /// base"), a place: the tagger reads "the X base" as an organization,
    /// CoNLL's sports teams named after cities having taught it that
    /// gazetteer cities are often organizations. No effect on CoNLL dev nor
    /// on the 295 Wikinews articles; it fixes the seed article's Tartus.
    fn facility_places(&mut self, text: &str) {
        let (Some(org), Some(loc)) = (type_index("ORG"), type_index("LOC")) else {
            return;
        };
        let fz = &self.featurizer;
        let toks = &self.tokens;
        for span in &mut self.spans {
            let (t, s, e) = *span;
            if t != org || e != s + 1 || s == 0 || e >= toks.len() {
                continue;
            }
            let place = fz.place(s);
            let the = toks[s - 1].text(text).eq_ignore_ascii_case("the");
            let next = toks[e].text(text);
            let facility = FACILITIES.iter().any(|f| f.eq_ignore_ascii_case(next));
            if the
                && facility
                && place.begins()
                && !place.risky()
                && (place.city() || place.region())
            {
                span.0 = loc;
            }
        }
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

    /// Local scores through the shared per-word cache: a token's own
    /// features and what it contributes to its ±2 neighbours depend only on
    /// its text, so they are looked up once per distinct word (for every
    /// thread); the context features that name no word depend only on the
    /// token's [`ContextSignature`](super::features::ContextSignature), so
    /// they are summed once per signature
    /// (per thread); only the word pairs are looked up per token. Same sums
    /// as [`Featurizer::local`], in another order.
    fn local_cached<W: Weights>(&mut self, w: &W, cache: &WordCache, l: usize) {
        // Kept long: the tagger's hot path; split, it measured slower.
        let n = self.tokens.len();
        let width = 2 * l;
        let group = GROUPS * width;
        // Boundary contributions, for neighbours outside the line.
        let boundary = cache.boundary(|| {
            let mut boundary = vec![0.0f32; NEIGHBOURS.len() * width];
            let mut keys = Vec::new();
            for (k, slot) in boundary.chunks_mut(width).enumerate() {
                keys.clear();
                Featurizer::boundary_keys(k, &mut keys);
                let (a, b) = slot.split_at_mut(l);
                w.add_local_all(&keys, a, b);
            }
            boundary.into_boxed_slice()
        });
        self.signatures.use_weights(cache.id());
        let guard = cache.guard();
        // Each token's vector: the cache's, or for a word the full cache
        // would not take, an offset into `uncached`.
        let mut vectors: Vec<WordVector<'_>> = Vec::with_capacity(n);
        let mut uncached: Vec<f32> = Vec::new();
        // Only scored tokens and their neighbours need word vectors.
        let scored = &self.scored;
        let near_scored = |i: usize| (i.saturating_sub(2)..(i + 3).min(n)).any(|j| scored[j]);
        for i in 0..n {
            if !near_scored(i) {
                vectors.push(WordVector::Unused);
                continue;
            }
            let h = self.featurizer.word_hash(i);
            if let Some(cached) = cache.get(h, &guard) {
                vectors.push(WordVector::Cached(cached));
                continue;
            }
            let mut v = vec![0.0f32; group];
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
            vectors.push(match cache.insert(h, v.into_boxed_slice(), &guard) {
                Ok(cached) => WordVector::Cached(cached),
                Err(v) => {
                    uncached.extend_from_slice(&v);
                    WordVector::Uncached(uncached.len() - group)
                }
            });
        }
        let vector = |j: usize| -> &[f32] {
            match vectors[j] {
                WordVector::Cached(v) => v,
                WordVector::Uncached(at) => &uncached[at..at + group],
                WordVector::Unused => unreachable!("token {j} is not next to a scored token"),
            }
        };
        self.keys.clear();
        self.owners.clear();
        for i in (0..n).filter(|&i| scored[i]) {
            let a = &mut self.emit_a[i * l..(i + 1) * l];
            let b = &mut self.emit_b[i * l..(i + 1) * l];
            add2(a, b, &vector(i)[..width]);
            for (k, &off) in NEIGHBOURS.iter().enumerate() {
                if self.featurizer.has_neighbour(i, off) {
                    // Token j's group k + 1 is what it gives the token at j - off.
                    let j = (i as isize + off) as usize;
                    let base = (k + 1) * width;
                    add2(a, b, &vector(j)[base..base + width]);
                } else {
                    add2(a, b, &boundary[k * width..(k + 1) * width]);
                }
            }
            let signature = self.featurizer.context_signature(i);
            add2(a, b, self.signatures.sums(w, signature, l));
            self.featurizer.word_context(i, &mut self.keys);
            self.owners.resize(self.keys.len(), i as u32);
        }
        w.add_local_tokens(&self.keys, &self.owners, &mut self.emit_a, &mut self.emit_b);
    }

    /// Decodes each line separately: lines are the sequences the model was
    /// trained on (CoNLL sentences, article paragraphs). Decoding whole
    /// sentences instead measured 0.35 F1 worse on CoNLL dev (3 seeds);
    /// entities crossing a sentence end are split afterwards instead.
    fn decode_lines(&mut self, trans: &[f32], first: bool) {
        let n = self.tokens.len();
        let l = self.decoder_labels();
        self.decoder.prepare(trans);
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
            let scored = &self.scored[s..e];
            if self.greedy {
                self.decoder.greedy(emit, trans, out);
                for (o, &keep) in out.iter_mut().zip(scored) {
                    if !keep {
                        *o = 0;
                    }
                }
            } else {
                self.decoder.viterbi_prepared(emit, Some(scored), out);
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

/// Words of facilities that a place name may modify: "the Tartus naval
/// base", "the Hmeimim airbase", "the Abqaiq oil plant".
#[rustfmt::skip]
const FACILITIES: &[&str] = &[
    "naval", "air", "airbase", "airport", "port", "harbour", "harbor", "base", "military",
    "refinery", "plant", "prison", "camp", "dam", "station", "oil", "gas", "nuclear",
];

/// Score vectors per word: its own features, then what it gives each of
/// its four neighbours.
const GROUPS: usize = 1 + NEIGHBOURS.len();

/// Where a token's word vector is (see [`Scratch::local_cached`]).
#[derive(Clone, Copy)]
enum WordVector<'g> {
    /// Not needed: the token is not next to a scored one.
    Unused,
    /// In the shared cache.
    Cached(&'g [f32]),
    /// At this offset of the text's own vectors.
    Uncached(usize),
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

#[cfg(test)]
#[path = "tagger_tests.rs"]
mod tests;
