//! Feature extraction: tokens of one document to hashed feature keys.
//!
//! Owns what the tagger looks at: per-token features (word, lowercase, shape,
//! affixes, ±2 context, sentence position, line capitalisation, lexicon
//! membership) and document-level features computed from the first pass's
//! labels (how the same word is tagged and capitalised elsewhere in the
//! document). Features are 64-bit hashes of (template, values), so nothing is
//! interned or allocated per token; the model decides which keys carry
//! weight. It does not score, decode or train.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::{Gazetteer, PlaceTag};
use super::labels::{Scheme, TYPES};
use super::tokenize::{is_word_char, Token};

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
    pub const DOC_MAJOR: u64 = 50;
    pub const DOC_HAS: u64 = 51;
    pub const DOC_SINGLE: u64 = 52;
    pub const DOC_LOWER: u64 = 53;
    pub const DOC_CAPMID: u64 = 54;
    pub const PASS1: u64 = 55; // + offset index (0..3)
    pub const DOC_MAJOR_WORD: u64 = 60;
    pub const DOC_STRONG: u64 = 61;
    pub const DOC_MULTI: u64 = 62;
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
}

/// Words that end organisation names. Written by hand: they generalise to
/// names never seen in training ("Gazprom Neft Inc").
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "bank",
    "ministry",
    "party",
    "council",
    "university",
    "association",
    "agency",
    "committee",
    "commission",
    "federation",
    "union",
    "club",
    "fc",
    "company",
    "corporation",
    "institute",
    "foundation",
    "authority",
    "organisation",
    "organization",
    "department",
    "court",
    "army",
    "police",
    "airlines",
    "airways",
    "holdings",
    "industries",
    "motors",
    "times",
    "post",
    "news",
    "press",
    "assembly",
    "parliament",
    "office",
    "service",
    "society",
    "network",
    "systems",
    "technologies",
    "fund",
    "league",
    "board",
    "front",
    "movement",
    "church",
    "college",
    "school",
    "hospital",
    "exchange",
    "trust",
    "capital",
];

/// Words that precede person names (titles and roles).
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mayor",
    "general",
    "gen.",
    "colonel",
    "captain",
    "judge",
    "chairman",
    "spokesman",
    "spokeswoman",
    "secretary",
    "ambassador",
    "leader",
    "counterpart",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "director",
    "envoy",
    "rev.",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "lord",
    "lady",
    "justice",
    "officer",
];

/// Lexicon flags by lowercase-word hash, so a token costs one lookup
/// instead of a scan of both lists.
fn lexicon() -> &'static KeyMap<u16> {
    static LEXICON: OnceLock<KeyMap<u16>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut m = KeyMap::default();
        for w in ORG_SUFFIXES {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::ORG_SUFFIX;
        }
        for w in PERSON_TITLES {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::TITLE;
        }
        m
    })
}

/// How a word is usually written mid-sentence, learned from unlabeled
/// news text: the best evidence that a capitalised sentence-initial or
/// headline word ("Among", "Rescuers") is an ordinary word, not a name.
/// Keyed by the hash of the lowercased word.
#[derive(Clone, Debug, Default)]
pub struct CaseLexicon {
    buckets: KeyMap<u8>,
}

impl CaseLexicon {
    /// Occurrences (lowercase + capitalised mid-sentence) a word needs
    /// before its bucket is trusted.
    pub const MIN_COUNT: u32 = 3;

    /// Buckets words by the share of their mid-sentence occurrences that
    /// are lowercase: 1 almost always lowercase, 2 mostly, 3 mostly
    /// capitalised, 4 almost always capitalised.
    pub fn from_counts(counts: &KeyMap<(u32, u32)>) -> CaseLexicon {
        let mut buckets = KeyMap::default();
        for (&k, &(lower, cap)) in counts {
            let total = lower + cap;
            if total < Self::MIN_COUNT {
                continue;
            }
            let share = f64::from(lower) / f64::from(total);
            let b = if share >= 0.9 {
                1
            } else if share >= 0.5 {
                2
            } else if share >= 0.1 {
                3
            } else {
                4
            };
            buckets.insert(k, b);
        }
        CaseLexicon { buckets }
    }

    /// Builds from `(key, bucket)` pairs (as stored in the model file).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, u8)>) -> CaseLexicon {
        CaseLexicon {
            buckets: pairs.into_iter().collect(),
        }
    }

    /// `(key, bucket)` pairs, sorted by key.
    pub fn pairs(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.buckets.iter().map(|(&k, &b)| (k, b)).collect();
        v.sort_unstable();
        v
    }

    /// Number of words known.
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    /// The bucket of a lowercased-word hash (0 = unknown).
    #[inline]
    pub fn bucket(&self, lower: u64) -> u8 {
        self.buckets.get(&lower).copied().unwrap_or(0)
    }
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
    /// [`CaseLexicon`] bucket of the lowercased word.
    case: u8,
    /// Index of the first token of this token's line.
    line: u32,
    /// Index of the first token of this token's sentence (within the line).
    /// Context features stop at sentence ends: CoNLL has one sentence per
    /// line, articles have paragraphs, and the first word of a sentence
    /// must look the same in both.
    seg: u32,
}

/// Per-document counts of how a word (by lowercase hash) appears.
#[derive(Clone, Copy, Debug, Default)]
struct DocStat {
    /// Pass-one label types: PER, LOC, ORG, MISC, O.
    types: [u16; 5],
    /// Occurrences starting with a lowercase letter.
    lower: u16,
    /// Capitalised occurrences not at a sentence start nor in an all-caps line.
    capmid: u16,
    /// Occurrences inside a multi-token pass-one span, per type (PER, LOC,
    /// ORG, MISC): "Putin" after "Vladimir Putin".
    multi: [u16; 4],
}

/// Offsets of the context words and shapes, in the order of their templates.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// Distinct words whose analysis a featurizer keeps (about 7 MB).
const WORD_INFO_CAPACITY: usize = 50_000;

/// Sentinel hashes for positions outside the line.
const BOUNDARY: u64 = 0x0005_EED0_FB0B;

/// Computes feature keys for the tokens of one document. Reusable across
/// documents; one per thread.
#[derive(Default)]
pub struct Featurizer {
    info: Vec<Info>,
    /// Word-level analysis by word hash: most tokens are words seen before.
    word_info: KeyMap<Info>,
    words: Vec<&'static str>,
    place_tags: Vec<PlaceTag>,
    lower_buf: String,
    stats: KeyMap<DocStat>,
}

impl Featurizer {
    /// Analyses the tokens of `text`; must precede the feature calls.
    pub fn prepare(&mut self, text: &str, tokens: &[Token], case: &CaseLexicon) {
        self.info.clear();
        self.info.reserve(tokens.len());
        let mut line = 0u32;
        for (i, t) in tokens.iter().enumerate() {
            if t.line_start {
                line = i as u32;
            }
            let word = t.text(text);
            let h = xxh3_64(word.as_bytes());
            let mut info = match self.word_info.get(&h) {
                Some(x) => *x,
                None => {
                    if self.word_info.len() >= WORD_INFO_CAPACITY {
                        self.word_info.clear();
                    }
                    let x = self.token_info(word, h);
                    self.word_info.insert(h, x);
                    x
                }
            };
            info.line = line;
            info.seg = line;
            info.case = case.bucket(info.lower);
            self.info.push(info);
        }
        self.mark_positions(text, tokens);
        self.mark_sentences();
        self.mark_lines();
        self.mark_places(text, tokens);
    }

    /// Gazetteer matches (longest place names over whole tokens).
    fn mark_places(&mut self, text: &str, tokens: &[Token]) {
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        words.extend(tokens.iter().map(|t| t.text(text)));
        Gazetteer::bundled().tag_tokens(&words, &mut self.place_tags);
        words.clear();
        // Same allocation, no borrowed lifetime left behind.
        self.words = words.into_iter().map(|_| "").collect();
        for (x, t) in self.info.iter_mut().zip(&self.place_tags) {
            x.place = t.bits();
        }
    }

    /// What `word` (whose hash is `word_hash`) says by itself; positions,
    /// places and case buckets are filled in by the caller.
    fn token_info(&mut self, word: &str, word_hash: u64) -> Info {
        let mut flags = 0u16;
        let mut letters = 0usize;
        let mut uppers = 0usize;
        let mut first_letter_seen = false;
        let mut shape = [0u8; 16];
        let mut shape_len = 0usize;
        let mut short = [0u8; 8];
        let mut short_len = 0usize;
        let mut run = 0usize;
        let mut last = 0u8;
        self.lower_buf.clear();
        for c in word.chars() {
            let class = if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_numeric() {
                b'd'
            } else if c.is_alphabetic() {
                // Scripts without case.
                b'a'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'*'
            };
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                }
                if !first_letter_seen {
                    first_letter_seen = true;
                    if c.is_uppercase() {
                        flags |= flag::CAP;
                    } else if c.is_lowercase() {
                        flags |= flag::LOWER;
                    }
                }
            }
            if is_word_char(c) {
                flags |= flag::WORDY;
            }
            if class == last {
                run += 1;
            } else {
                run = 1;
                if short_len < short.len() {
                    short[short_len] = class;
                    short_len += 1;
                }
            }
            // Long shape: runs capped at 4, so length matters only for short words.
            if run <= 4 && shape_len < shape.len() {
                shape[shape_len] = class;
                shape_len += 1;
            }
            last = class;
            if c.is_ascii() {
                self.lower_buf.push(c.to_ascii_lowercase());
            } else {
                self.lower_buf.extend(c.to_lowercase());
            }
        }
        if letters > 0 {
            flags |= flag::HAS_LETTER;
            if uppers == letters && word.chars().any(char::is_uppercase) {
                flags |= flag::ALLCAPS;
            }
        }
        let lower = self.lower_buf.as_str();
        let lower_hash = xxh3_64(lower.as_bytes());
        flags |= lexicon().get(&lower_hash).copied().unwrap_or(0);
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let n_chars = lower.chars().count();
        let mut ends = lower
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([lower.len()]);
        for (n, p) in prefix.iter_mut().enumerate() {
            if n < n_chars {
                let e = ends.next().unwrap_or(lower.len());
                *p = xxh3_64(&lower.as_bytes()[..e]);
            }
        }
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for (n, s) in suffix.iter_mut().enumerate() {
            if n < n_chars {
                let b = starts.next().unwrap_or(0);
                *s = xxh3_64(&lower.as_bytes()[b..]);
            }
        }
        let (hyphen_head, hyphen_tail) = match (lower.find('-'), lower.rfind('-')) {
            (Some(h), Some(t)) if h > 0 && t + 1 < lower.len() => (
                xxh3_64(&lower.as_bytes()[..h]),
                xxh3_64(&lower.as_bytes()[t + 1..]),
            ),
            _ => (0, 0),
        };
        Info {
            word: word_hash,
            lower: lower_hash,
            shape: xxh3_64(&shape[..shape_len]),
            short: xxh3_64(&short[..short_len]),
            prefix,
            suffix,
            hyphen_head,
            hyphen_tail,
            flags,
            place: 0,
            case: 0,
            line: 0,
            seg: 0,
        }
    }

    /// Sentence starts and tokens after a colon or quote.
    fn mark_positions(&mut self, text: &str, tokens: &[Token]) {
        let mut sent_start = true;
        let mut after = false;
        for (i, t) in tokens.iter().enumerate() {
            if t.line_start {
                sent_start = true;
                after = false;
            }
            let s = t.text(text);
            let info = &mut self.info[i];
            if sent_start {
                info.flags |= flag::SENT_START;
            }
            if after {
                info.flags |= flag::AFTER_COLON_QUOTE;
            }
            let is_quote = matches!(
                s,
                "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "``" | "''"
            );
            let is_open = is_quote || matches!(s, "(" | "[" | "-" | "--");
            let is_end = matches!(s, "." | "?" | "!" | "..." | "?!" | "!!" | "??");
            after = is_quote || s == ":" || s == ";" || s == "--";
            // Opening punctuation keeps a sentence start pending.
            sent_start = is_end || (sent_start && is_open);
        }
    }

    /// Sentence segments: a new one at each line start and where a pending
    /// sentence start begins (the opening quote, if any, before the word).
    fn mark_sentences(&mut self) {
        let mut seg = 0u32;
        let mut prev_start = false;
        for i in 0..self.info.len() {
            let x = &mut self.info[i];
            let start = x.flags & flag::SENT_START != 0;
            if x.line == i as u32 || (start && !prev_start) {
                seg = i as u32;
            }
            x.seg = seg;
            prev_start = start;
        }
    }

    /// Line capitalisation: all-caps lines (CoNLL and wire headlines) and
    /// Title Case lines, where initial capitals say little about names.
    fn mark_lines(&mut self) {
        let n = self.info.len();
        let mut i = 0;
        while i < n {
            let line = self.info[i].line;
            let mut j = i;
            let (mut lettered, mut caps, mut allcaps, mut long_caps) = (0, 0, 0, 0);
            while j < n && self.info[j].line == line {
                let f = self.info[j].flags;
                if f & flag::HAS_LETTER != 0 {
                    lettered += 1;
                    if f & flag::CAP != 0 {
                        caps += 1;
                    }
                    if f & flag::ALLCAPS != 0 {
                        allcaps += 1;
                        if self.info[j].shape != self.info[j].short {
                            long_caps += 1;
                        }
                    }
                }
                j += 1;
            }
            let mut mark = 0;
            if lettered > 0 && allcaps == lettered && long_caps > 0 {
                mark = flag::LINE_ALLCAPS;
            } else if lettered >= 3 && caps * 5 >= lettered * 4 {
                mark = flag::LINE_TITLE;
            }
            for info in &mut self.info[i..j] {
                info.flags |= mark;
            }
            i = j;
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

    /// Appends the local (first-pass) feature keys of token `i` to `out`:
    /// [`Featurizer::own`], the [`Featurizer::neighbour`] keys of the tokens
    /// around it (or boundary keys) and [`Featurizer::context`].
    pub fn local(&self, i: usize, out: &mut Vec<u64>) {
        self.own(i, out);
        for (k, &off) in NEIGHBOURS.iter().enumerate() {
            match self.at(i, off) {
                Some(_) => self.neighbour((i as isize + off) as usize, k, out),
                None => Self::neighbour_keys(BOUNDARY, BOUNDARY, k, out),
            }
        }
        self.context(i, out);
    }

    /// Hash of token `i`'s text: everything [`Featurizer::own`] and
    /// [`Featurizer::neighbour`] emit is a function of it, so the tagger may
    /// cache their weights per word.
    pub fn word_hash(&self, i: usize) -> u64 {
        self.info[i].word
    }

    /// Keys that depend on token `i`'s text alone.
    pub fn own(&self, i: usize, out: &mut Vec<u64>) {
        let x = &self.info[i];
        out.push(mix(tpl::BIAS, 0));
        out.push(mix(tpl::WORD, x.word));
        out.push(mix(tpl::LOWER, x.lower));
        out.push(mix(tpl::SHAPE, x.shape));
        out.push(mix(tpl::SHORT, x.short));
        for n in 0..4 {
            if x.prefix[n] != 0 {
                out.push(mix(tpl::PREFIX + n as u64, x.prefix[n]));
            }
            if x.suffix[n] != 0 {
                out.push(mix(tpl::SUFFIX + n as u64, x.suffix[n]));
            }
        }
        if x.hyphen_head != 0 {
            out.push(mix(tpl::HYPHEN_HEAD, x.hyphen_head));
            out.push(mix(tpl::HYPHEN_TAIL, x.hyphen_tail));
        }
    }

    /// Keys that token `j` gives the token at `j - NEIGHBOURS[k]`, for
    /// which it is the neighbour at offset `NEIGHBOURS[k]`; they too depend
    /// on token `j`'s text alone.
    pub fn neighbour(&self, j: usize, k: usize, out: &mut Vec<u64>) {
        let y = &self.info[j];
        Self::neighbour_keys(y.lower, y.short, k, out);
    }

    /// Keys of a missing neighbour at `NEIGHBOURS[k]` (outside the line).
    pub fn boundary_keys(k: usize, out: &mut Vec<u64>) {
        Self::neighbour_keys(BOUNDARY, BOUNDARY, k, out);
    }

    fn neighbour_keys(lower: u64, short: u64, k: usize, out: &mut Vec<u64>) {
        out.push(mix(tpl::LOWER_AT + k as u64, lower));
        out.push(mix(tpl::SHAPE_AT + k as u64, short));
    }

    /// Keys of token `i` that depend on its surroundings: word pairs, shape
    /// trigram, sentence position, line case, lexicon neighbours, and the
    /// boundary keys where a neighbour lies outside the line.
    pub fn context(&self, i: usize, out: &mut Vec<u64>) {
        let x = &self.info[i];
        let lower_at = |off: isize| self.at(i, off).map_or(BOUNDARY, |y| y.lower);
        let short_at = |off: isize| self.at(i, off).map_or(BOUNDARY, |y| y.short);
        out.push(mix(mix(tpl::BIGRAM_L, lower_at(-1)), x.lower));
        out.push(mix(mix(tpl::BIGRAM_R, x.lower), lower_at(1)));
        out.push(mix(
            mix(mix(tpl::SHAPE3, short_at(-1)), x.short),
            short_at(1),
        ));
        out.push(mix(mix(tpl::PREV_SHAPE, lower_at(-1)), x.short));
        out.push(mix(mix(tpl::NEXT_SHAPE, x.short), lower_at(1)));
        let pos = u64::from(x.flags & (flag::SENT_START | flag::AFTER_COLON_QUOTE));
        out.push(mix(mix(tpl::POSITION, pos), x.short));
        let line = u64::from(x.flags & (flag::LINE_ALLCAPS | flag::LINE_TITLE));
        out.push(mix(mix(tpl::LINE, line | pos), x.short));
        if line != 0 {
            out.push(mix(mix(tpl::LINE_WORD, line), x.lower));
        }
        let lex = |off: isize| {
            self.at(i, off)
                .map_or(0, |y| u64::from(y.flags & (flag::ORG_SUFFIX | flag::TITLE)))
        };
        let lex_key = lex(-1) | lex(1) << 16 | lex(2) << 32;
        if lex_key != 0 {
            out.push(mix(mix(tpl::LEXICON, lex_key), x.short));
        }
        if x.flags & flag::HAS_LETTER != 0 {
            let cap = u64::from(x.flags & (flag::CAP | flag::ALLCAPS));
            out.push(mix(mix(tpl::CASE, u64::from(x.case)), cap | pos | line));
        }
        if x.place != 0 {
            out.push(mix(mix(tpl::PLACE, u64::from(x.place)), x.short | line));
        }
        let place_at = |off: isize| self.at(i, off).map_or(0, |y| u64::from(y.place));
        let around = place_at(-1) | place_at(1) << 8;
        if around != 0 {
            out.push(mix(mix(tpl::PLACE_AROUND, around), u64::from(x.place != 0)));
        }
    }

    /// Whether token `i` has a neighbour at offset `off` in its line.
    pub fn has_neighbour(&self, i: usize, off: isize) -> bool {
        self.at(i, off).is_some()
    }

    /// Collects document statistics from the first pass's labels.
    pub fn doc_stats(&mut self, scheme: Scheme, pass1: &[u8]) {
        self.stats.clear();
        for (i, x) in self.info.iter().enumerate() {
            if x.flags & flag::HAS_LETTER == 0 {
                continue;
            }
            let s = self.stats.entry(x.lower).or_default();
            let ty = scheme.type_of(pass1[i]).map_or(4, usize::from);
            s.types[ty] = s.types[ty].saturating_add(1);
            if ty < 4 && in_multi(scheme, pass1, i) {
                s.multi[ty] = s.multi[ty].saturating_add(1);
            }
            if x.flags & flag::LOWER != 0 {
                s.lower = s.lower.saturating_add(1);
            }
            if Self::is_capmid(x) {
                s.capmid = s.capmid.saturating_add(1);
            }
            // "al-Sharaa" tagged PER also speaks for a bare "Sharaa".
            if x.hyphen_tail != 0 && ty < 4 {
                let t = self.stats.entry(x.hyphen_tail).or_default();
                t.types[ty] = t.types[ty].saturating_add(1);
            }
        }
    }

    fn is_capmid(x: &Info) -> bool {
        x.flags & flag::CAP != 0
            && x.flags & (flag::SENT_START | flag::LINE_ALLCAPS | flag::LINE_TITLE) == 0
    }

    /// Appends the document-level (second-pass) feature keys of token `i`;
    /// [`Featurizer::doc_stats`] must have seen the same `pass1`.
    pub fn doc(&self, scheme: Scheme, i: usize, pass1: &[u8], out: &mut Vec<u64>) {
        let x = &self.info[i];
        let label_at = |off: isize| {
            self.at(i, off)
                .map_or(255u64, |_| u64::from(pass1[(i as isize + off) as usize]))
        };
        for (k, off) in [-1isize, 0, 1].into_iter().enumerate() {
            out.push(mix(tpl::PASS1 + k as u64, label_at(off)));
        }
        if x.flags & flag::HAS_LETTER == 0 {
            return;
        }
        let Some(s) = self.stats.get(&x.lower) else {
            return;
        };
        // Counts over the other occurrences only.
        let mut types = s.types;
        let own = scheme.type_of(pass1[i]).map_or(4, usize::from);
        types[own] -= 1;
        let others: u32 = types.iter().map(|&c| u32::from(c)).sum();
        let cap = u64::from(x.flags & (flag::CAP | flag::LOWER | flag::ALLCAPS));
        if others == 0 {
            out.push(mix(mix(tpl::DOC_SINGLE, cap), 0));
        } else {
            let (maj, _) = types
                .iter()
                .enumerate()
                .max_by_key(|&(t, &c)| (c, std::cmp::Reverse(t)))
                .unwrap_or((4, &0));
            out.push(mix(mix(tpl::DOC_MAJOR, maj as u64), cap));
            out.push(mix(mix(tpl::DOC_MAJOR_WORD, maj as u64), x.short));
            let count = u64::from(types[maj].min(3));
            let unanimous = u64::from(u32::from(types[maj]) == others);
            out.push(mix(
                mix(tpl::DOC_STRONG, maj as u64),
                count << 1 | unanimous,
            ));
            // A minority type elsewhere, conjoined with the majority: "also
            // tagged ORG once" means little when PER wins elsewhere.
            for (t, &c) in types.iter().enumerate().take(TYPES.len()) {
                if c > 0 && t != maj {
                    out.push(mix(mix(tpl::DOC_HAS, t as u64), maj as u64));
                }
            }
        }
        let mut multi = s.multi;
        if own < 4 && in_multi(scheme, pass1, i) {
            multi[own] -= 1;
        }
        for (t, &c) in multi.iter().enumerate() {
            if c > 0 {
                out.push(mix(mix(tpl::DOC_MULTI, t as u64), cap));
            }
        }
        let own_lower = u16::from(x.flags & flag::LOWER != 0);
        if s.lower > own_lower {
            out.push(mix(mix(tpl::DOC_LOWER, cap), 1));
        }
        let own_capmid = u16::from(Self::is_capmid(x));
        if s.capmid > own_capmid {
            let pos =
                u64::from(x.flags & (flag::SENT_START | flag::LINE_ALLCAPS | flag::LINE_TITLE));
            out.push(mix(mix(tpl::DOC_CAPMID, pos), cap));
        }
    }
}

/// Whether token `i` lies in a pass-one span of more than one token.
fn in_multi(scheme: Scheme, labels: &[u8], i: usize) -> bool {
    use super::labels::Part;
    let Some((ty, part)) = scheme.split(labels[i]) else {
        return false;
    };
    match part {
        Part::U => false,
        Part::I | Part::L => true,
        // BIO: a B is multi-token when an I of its type follows.
        Part::B => labels
            .get(i + 1)
            .and_then(|&l| scheme.split(l))
            .is_some_and(|(t, p)| t == ty && p != Part::B && p != Part::U),
        Part::O => false,
    }
}
