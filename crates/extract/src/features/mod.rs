//! Feature extraction: tokens of one document to hashed feature keys.
//!
//! Owns what the tagger looks at: per-token features (word, lowercase, shape,
//! affixes, ±2 context, sentence position, line capitalisation, lexicon
//! membership, word clusters) and document-level features computed from
//! the first pass's labels (how the same word is tagged and capitalised
//! elsewhere in the document). Features are 64-bit hashes of (template, values), so nothing is
//! interned or allocated per token; the model decides which keys carry
//! weight. It does not score, decode or train.
//!
//! Submodules: `word` (what a word says by itself), [`lexicon`] (word
//! lists and the case lexicon), `clusters` (word clusters from unlabelled
//! text), `lines` (sentences, line case, name candidates), `keys` (the
//! local feature keys), `doc` (document-level features).

mod clusters;
mod doc;
mod keys;
pub mod lexicon;
mod lines;
mod word;
mod word_infos;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::tags::{KeyWords, TokenKey};
use super::gazetteer::{Gazetteer, PlaceTag};
use super::tokenize::Token;
pub use clusters::{ClusterFileError, WordClusters, CLUSTER_SIZES};
use doc::DocStat;
pub use keys::{ContextSignature, NEIGHBOURS};
pub(crate) use lexicon::next_unique_id;
pub use lexicon::CaseLexicon;
use word_infos::WordInfos;

/// Mixes two 64-bit values into a well-distributed non-zero key.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 finaliser over a rotated combination.
    let mut z = a.rotate_left(29) ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    if z == 0 {
        1
    } else {
        z
    }
}

/// Feature templates; a key is `mix(template, value hash...)`.
mod tpl {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT: u64 = 5;
    pub const PREFIX: u64 = 6; // + n (1..4)
    pub const SUFFIX: u64 = 11; // + n (1..4)
    pub const LOWER_AT: u64 = 16; // + offset index (0..4)
    pub const SHAPE_AT: u64 = 21; // + offset index (0..4)
    pub const BIGRAM_L: u64 = 26;
    pub const BIGRAM_R: u64 = 27;
    pub const SHAPE3: u64 = 28;
    pub const POSITION: u64 = 29;
    pub const LINE: u64 = 30;
    pub const PREV_SHAPE: u64 = 31;
    pub const NEXT_SHAPE: u64 = 32;
    pub const HYPHEN_HEAD: u64 = 33;
    pub const HYPHEN_TAIL: u64 = 34;
    pub const LEXICON: u64 = 35;
    pub const LINE_WORD: u64 = 36;
    pub const PLACE: u64 = 37;
    pub const PLACE_AROUND: u64 = 38;
    pub const CASE: u64 = 39;
    pub const DICT: u64 = 40;
    pub const NAME: u64 = 41;
    pub const DOC_MAJOR: u64 = 50;
    pub const DOC_HAS: u64 = 51;
    pub const DOC_SINGLE: u64 = 52;
    pub const DOC_LOWER: u64 = 53;
    pub const DOC_CAPMID: u64 = 54;
    pub const PASS1: u64 = 55; // + offset index (0..3)
    pub const DOC_MAJOR_WORD: u64 = 60;
    pub const DOC_STRONG: u64 = 61;
    pub const DOC_MULTI: u64 = 62;
    pub const CLUSTER: u64 = 70; // + size index (0..CLUSTER_SIZES)
    pub const CLUSTER_AT: u64 = 74; // + offset index (1, 2: the words either side)
}

/// Per-token flags.
mod flag {
    pub const CAP: u16 = 1; // first letter uppercase
    pub const ALLCAPS: u16 = 2; // letters, none lowercase
    pub const LOWER: u16 = 4; // first letter lowercase
    pub const WORDY: u16 = 8; // has a word character
    pub const SENT_START: u16 = 16;
    pub const AFTER_COLON_QUOTE: u16 = 32;
    pub const LINE_ALLCAPS: u16 = 64;
    pub const LINE_TITLE: u16 = 128;
    pub const ORG_SUFFIX: u16 = 256;
    pub const TITLE: u16 = 512;
    pub const HAS_LETTER: u16 = 1024;
    pub const LOC_SUFFIX: u16 = 2048;
    pub const FUNCTION: u16 = 4096;
    pub const LINE_HEADLINE: u16 = 8192;
    pub const HAS_UPPER: u16 = 16384;
}

/// A pass-through hasher for keys that are already hashes.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Map keyed by pre-hashed values.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// What the featurizer knows about one token.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    hyphen_head: u64,
    hyphen_tail: u64,
    flags: u16,
    /// Gazetteer [`PlaceTag`](super::gazetteer::PlaceTag) bits (0 = no place).
    place: u8,
    /// The word's gazetteer key words, so place tagging need not fold it again.
    gazetteer_key: TokenKey,
    /// [`CaseLexicon`] value of the lowercased word.
    case: u8,
    /// Index of the first token of this token's line.
    line: u32,
    /// [`WordClusters`] ids of the lowercased word (0 = unknown).
    cluster: [u16; CLUSTER_SIZES],
    /// Length in characters, capped at 255.
    len: u8,
    /// `PUNCT_*` bits: what the token does to sentence positions.
    punct: u8,
    /// Index of the first token of this token's sentence (within the line).
    /// Context features stop at sentence ends: CoNLL has one sentence per
    /// line, articles have paragraphs, and the first word of a sentence
    /// must look the same in both.
    seg: u32,
}

/// Sentinel hashes for positions outside the line.
const BOUNDARY: u64 = 0x0005_EED0_FB0B;

/// Computes feature keys for the tokens of one document. Reusable across
/// documents; one per thread.
#[derive(Default)]
pub struct Featurizer {
    info: Vec<Info>,
    /// Word-level analysis by word hash: most tokens are words seen before.
    word_info: WordInfos,
    /// The word hash of each token of the text being prepared.
    word_hashes: Vec<u64>,
    /// Ids of the [`CaseLexicon`] and [`WordClusters`] whose values
    /// `word_info` holds.
    lexicon_ids: (u64, u64),
    key_words: KeyWords,
    place_tags: Vec<PlaceTag>,
    lower_buf: String,
    stats: KeyMap<DocStat>,
}

impl Featurizer {
    /// Analyses the tokens of `text`; must precede the feature calls.
    pub fn prepare(
        &mut self,
        text: &str,
        tokens: &[Token],
        case: &CaseLexicon,
        clusters: &WordClusters,
    ) {
        self.info.clear();
        self.info.reserve(tokens.len());
        if self.lexicon_ids != (case.id, clusters.id) {
            self.word_info.clear();
            self.lexicon_ids = (case.id, clusters.id);
        }
        self.word_hashes.clear();
        let words = tokens.iter().map(|t| xxh3_64(t.text(text).as_bytes()));
        self.word_hashes.extend(words);
        let mut word_info = std::mem::take(&mut self.word_info);
        let mut info = std::mem::take(&mut self.info);
        let hashes = std::mem::take(&mut self.word_hashes);
        word_info.lookup_all(&hashes, &mut info, |i| {
            let mut x = self.token_info(tokens[i].text(text), hashes[i]);
            x.case = case.get(x.lower);
            x.cluster = clusters.get(x.lower);
            x
        });
        self.word_info = word_info;
        self.info = info;
        self.word_hashes = hashes;
        let mut line = 0u32;
        for (i, (t, x)) in tokens.iter().zip(&mut self.info).enumerate() {
            if t.line_start {
                line = i as u32;
            }
            x.line = line;
            x.seg = line;
        }
        self.mark_positions(tokens);
        self.mark_sentences();
        self.mark_lines();
        self.mark_places(text, tokens);
    }

    /// Gazetteer matches (longest place names over whole tokens).
    fn mark_places(&mut self, text: &str, tokens: &[Token]) {
        self.key_words.clear();
        for (t, (token, x)) in tokens.iter().zip(&self.info).enumerate() {
            self.key_words
                .push_keyed(t as u32, token.text(text), x.gazetteer_key);
        }
        Gazetteer::bundled().tag_key_words(&self.key_words, tokens.len(), &mut self.place_tags);
        for (x, t) in self.info.iter_mut().zip(&self.place_tags) {
            x.place = t.bits();
        }
    }

    fn at(&self, i: usize, off: isize) -> Option<&Info> {
        let j = i as isize + off;
        if j < 0 {
            return None;
        }
        let x = self.info.get(j as usize)?;
        (x.seg == self.info[i].seg).then_some(x)
    }

    /// Adds each prepared word's mid-sentence case to `counts`, keyed by
    /// lowercased-word hash: (lowercase occurrences, capitalised ones).
    pub fn case_counts(&self, counts: &mut KeyMap<(u32, u32)>) {
        for x in &self.info {
            if x.flags & flag::HAS_LETTER == 0
                || x.flags & (flag::SENT_START | flag::LINE_ALLCAPS | flag::LINE_TITLE) != 0
            {
                continue;
            }
            if x.flags & flag::LOWER != 0 {
                counts.entry(x.lower).or_default().0 += 1;
            } else if x.flags & flag::CAP != 0 {
                counts.entry(x.lower).or_default().1 += 1;
            }
        }
    }

    /// Whether token `i` begins a sentence (or a line): the unit of
    /// context features and of decoding.
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.info[i].seg == i as u32
    }

    /// Whether token `i` has a word character (is not punctuation).
    pub fn is_wordy(&self, i: usize) -> bool {
        self.info[i].flags & flag::WORDY != 0
    }

    /// Number of tokens prepared.
    pub fn len(&self) -> usize {
        self.info.len()
    }

    /// Whether no tokens are prepared.
    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }

    /// Index of the first token of token `i`'s line.
    pub fn line_of(&self, i: usize) -> usize {
        self.info[i].line as usize
    }

    /// Hash of token `i`'s text: everything [`Featurizer::own`] and
    /// [`Featurizer::neighbour`] emit is a function of it, so the tagger may
    /// cache their weights per word.
    pub fn word_hash(&self, i: usize) -> u64 {
        self.info[i].word
    }

    /// Whether token `i` has a neighbour at offset `off` in its line.
    pub fn has_neighbour(&self, i: usize, off: isize) -> bool {
        self.at(i, off).is_some()
    }

    /// The gazetteer tag of token `i` (see [`PlaceTag`]).
    pub fn place(&self, i: usize) -> PlaceTag {
        PlaceTag::from_bits(self.info.get(i).map_or(0, |x| x.place))
    }

    /// Whether tokens `s..e` are exactly one gazetteer name of a place that
    /// is no common word ("New York", not "Reading").
    pub fn names_a_place(&self, s: usize, e: usize) -> bool {
        let first = self.place(s);
        first.begins()
            && !first.risky()
            && (s + 1..e).all(|i| self.place(i).continues())
            && !self.place(e).continues()
    }
}
