//! Name keys: a name lowercased, accents dropped, a few letters spelled
//! out and split into words at every character that is not a letter or
//! digit; kept as 64-bit hashes of their word sequence.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use xxhash_rust::xxh3::xxh3_64;

/// The hash of a name's key, as the index holds it.
pub(super) fn key_hash(name: &str, words: &mut Words) -> u64 {
    let mut h = SEED;
    words.each(name, |w| h = combine(h, xxh3_64(w.as_bytes())));
    h
}

/// The key of `name`: its words, folded, joined by single spaces ("Ţarţūs"
/// → "tartus", "Washington, D.C." → "washington d c"). Two names are the
/// same to the gazetteer when their keys are equal.
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_name_key(name);
    }
    let mut out = String::with_capacity(name.len());
    Words::default().each(name, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// [`name_key`] of an ASCII name, in one pass with no second buffer: the
/// canonicaliser builds keys for every mention several times over.
fn ascii_name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Drops a trailing possessive: "Russia's" → "Russia", "Wales'" → "Wales".
pub(crate) fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

pub(super) const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hash of a word sequence extended by one word. Order matters.
pub(super) fn combine(h: u64, word: u64) -> u64 {
    // splitmix64's finaliser over the rotated state and the new word.
    let mut z = h.rotate_left(23) ^ word;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Splits text into folded key words, reusing one buffer.
#[derive(Default)]
pub(super) struct Words {
    buf: String,
}

impl Words {
    /// Calls `f` with each folded word of `s`.
    pub(super) fn each(&mut self, s: &str, mut f: impl FnMut(&str)) {
        if s.is_ascii() {
            // The common case, run for every token and name: words are
            // the runs of letters and digits, copied only to lowercase them.
            let bytes = s.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let start = i;
                let mut upper = false;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    upper |= bytes[i].is_ascii_uppercase();
                    i += 1;
                }
                let word = &s[start..i];
                if upper {
                    self.buf.clear();
                    self.buf.push_str(word);
                    self.buf.make_ascii_lowercase();
                    f(&self.buf);
                } else if !word.is_empty() {
                    f(word);
                }
            }
            return;
        }
        self.buf.clear();
        for c in s.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    self.buf.push(c.to_ascii_lowercase());
                } else {
                    self.flush(&mut f);
                }
                continue;
            }
            let mut parts = ['\0'; 8];
            let mut n = 0;
            decompose_canonical(c, |d| {
                if n < parts.len() {
                    parts[n] = d;
                    n += 1;
                }
            });
            for &d in &parts[..n] {
                // Combining marks, and the okina, ayin and hamza letters
                // inside a word ("Nukuʻalofa", "Hawaiʻi"): the
                // gazetteer's names go without them.
                if is_combining_mark(d) || matches!(d, 'ʻ' | 'ʼ' | 'ʽ' | 'ʾ' | 'ʿ') {
                    continue;
                }
                let spelled = match d {
                    'ß' => "ss",
                    'æ' | 'Æ' => "ae",
                    'œ' | 'Œ' => "oe",
                    'ø' | 'Ø' => "o",
                    'ł' | 'Ł' => "l",
                    'đ' | 'Đ' | 'ð' | 'Ð' => "d",
                    'þ' | 'Þ' => "th",
                    'ı' => "i",
                    'ħ' | 'Ħ' => "h",
                    _ => "",
                };
                if !spelled.is_empty() {
                    self.buf.push_str(spelled);
                    continue;
                }
                for l in d.to_lowercase() {
                    if l.is_alphanumeric() {
                        self.buf.push(l);
                    } else {
                        self.flush(&mut f);
                    }
                }
            }
        }
        self.flush(&mut f);
    }

    fn flush(&mut self, f: &mut impl FnMut(&str)) {
        if !self.buf.is_empty() {
            f(&self.buf);
            self.buf.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(name_key("Zürich"), "zurich");
        assert_eq!(name_key("Ţarţūs"), "tartus");
        assert_eq!(name_key("Washington, D.C."), "washington d c");
        assert_eq!(name_key("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(name_key("Łódź"), "lodz");
        assert_eq!(name_key("Nukuʻalofa"), "nukualofa");
        assert_eq!(name_key("  "), "");
    }

    #[test]
    fn ascii_keys_are_the_words_keys() {
        let by_words = |name: &str| {
            let mut words = Vec::new();
            Words::default().each(name, |w| words.push(w.to_owned()));
            words.join(" ")
        };
        for name in [
            "",
            " ",
            "--",
            "U.S.",
            " New  York, N.Y. ",
            "AL-SHARAA's",
            "Interstate 75",
            "3M",
            "x",
            ".a.b.",
            "O'Neill",
            "Rock-and-Roll Hall",
        ] {
            assert_eq!(name_key(name), by_words(name), "{name:?}");
        }
    }
}
