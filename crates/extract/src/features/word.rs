//! What a word says by itself: shape, affixes, case, lexicon flags, and
//! what it does to sentence positions. Computed once per distinct word.

use xxhash_rust::xxh3::xxh3_64;

use super::super::tokenize::is_word_char;
use super::lexicon::lexicon;
use super::{flag, Featurizer, Info, CLUSTER_SIZES};

/// [`punct_class`] bit: a quote or bracket that keeps a sentence start pending.
pub(super) const PUNCT_OPEN: u8 = 1;

/// [`punct_class`] bit: ends a sentence.
pub(super) const PUNCT_END: u8 = 2;

/// [`punct_class`] bit: the next token follows a quote, colon or dash.
pub(super) const PUNCT_AFTER: u8 = 4;

/// [`punct_class`] bit: a closing bracket; two in a row end an
/// interview's speaker label ("((Christian Keysers))  So, ..."), after
/// which a sentence starts.
pub(super) const PUNCT_CLOSE: u8 = 8;

/// What a token does to sentence positions (`PUNCT_*` bits).
fn punct_class(s: &str) -> u8 {
    let is_quote = matches!(
        s,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "``" | "''"
    );
    let is_open = is_quote || matches!(s, "(" | "[" | "-" | "--");
    let is_end = matches!(s, "." | "?" | "!" | "..." | "?!" | "!!" | "??");
    let after = is_quote || s == ":" || s == ";" || s == "--";
    (u8::from(is_open) * PUNCT_OPEN)
        | (u8::from(is_end) * PUNCT_END)
        | (u8::from(after) * PUNCT_AFTER)
        | (u8::from(s == ")") * PUNCT_CLOSE)
}

impl Featurizer {
    /// What `word` (whose hash is `word_hash`) says by itself; positions,
    /// places and case buckets are filled in by the caller.
    pub(super) fn token_info(&mut self, word: &str, word_hash: u64) -> Info {
        // Kept long: one match over token shapes, computed once per word and cached.
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
        if uppers > 0 {
            flags |= flag::HAS_UPPER;
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
            len: n_chars.min(255) as u8,
            punct: punct_class(word),
            place: 0,
            gazetteer_key: self.key_words.key_of(word),
            case: 0,
            cluster: [0; CLUSTER_SIZES],
            line: 0,
            seg: 0,
        }
    }
}
