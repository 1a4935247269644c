//! The tagger's place feature: which tokens begin or continue a gazetteer
//! place name, and what kind of place.

use xxhash_rust::xxh3::xxh3_64;

use super::keys::{combine, strip_possessive, Words, SEED};
use super::{Gazetteer, MAX_WORDS, NODE_NAME, NODE_PREFIX};

/// What the gazetteer says about one token, from [`Gazetteer::tag_tokens`].
///
/// A token is *in* a place name when it lies in the longest gazetteer name
/// starting at the first token of that name; the first token of the name
/// [`begins`](Self::begins) it, the others [`continue`](Self::continues) it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PlaceTag(u8);

impl PlaceTag {
    pub(super) const BEGIN: u8 = 1;
    pub(super) const INSIDE: u8 = 2;
    pub(super) const COUNTRY: u8 = 4;
    pub(super) const REGION: u8 = 8;
    pub(super) const CITY: u8 = 16;
    pub(super) const RISKY: u8 = 32;
    /// The kind bits: a name without one (a continent's) is no feature.
    const KINDS: u8 = Self::COUNTRY | Self::REGION | Self::CITY;

    /// No gazetteer name covers the token.
    pub fn is_none(self) -> bool {
        self.0 & (Self::BEGIN | Self::INSIDE) == 0
    }
    /// The token is the first of a place name.
    pub fn begins(self) -> bool {
        self.0 & Self::BEGIN != 0
    }
    /// The token is in a place name, not its first token.
    pub fn continues(self) -> bool {
        self.0 & Self::INSIDE != 0
    }
    /// The matched name is the name of a country.
    pub fn country(self) -> bool {
        self.0 & Self::COUNTRY != 0
    }
    /// The matched name is the name of a first-level region.
    pub fn region(self) -> bool {
        self.0 & Self::REGION != 0
    }
    /// The matched name is the name of a city, town or locality.
    pub fn city(self) -> bool {
        self.0 & Self::CITY != 0
    }
    /// The matched name is also a common lowercase English word ("Nice",
    /// "Reading", "Mobile", "Of"): weak evidence of a place by itself.
    pub fn risky(self) -> bool {
        self.0 & Self::RISKY != 0
    }
    /// The raw bits, for use as a compact feature id (0 = not a place name).
    pub fn bits(self) -> u8 {
        self.0
    }
    /// The tag with these [`bits`](Self::bits).
    pub fn from_bits(bits: u8) -> PlaceTag {
        PlaceTag(bits)
    }
}

impl Gazetteer {
    /// Tags each token with whether it begins or continues a gazetteer place
    /// name, for the tagger's features. `out` is cleared and gets one tag per
    /// token.
    ///
    /// Tokens are whatever the tagger uses; each is reduced to key words
    /// (see the module doc: case, accents and punctuation do not matter, so
    /// `["Washington", ",", "D.C."]` and `["Washington,", "D.C."]` both match
    /// "Washington, D.C."), after dropping a possessive "'s"/"’s". Names
    /// match whole tokens only: "Moscow-based" is not tagged. Matching is
    /// leftmost-longest: "New York City" is one name, not "New York" + "City".
    ///
    /// Cost: about one hash lookup per word that does not start a place name,
    /// one more per word inside one; no allocation beyond `out` and one
    /// scratch vector.
    pub fn tag_tokens<S: AsRef<str>>(&self, tokens: &[S], out: &mut Vec<PlaceTag>) {
        let mut words = KeyWords::default();
        for (t, tok) in tokens.iter().enumerate() {
            words.push_token(t as u32, tok.as_ref());
        }
        self.tag_key_words(&words, tokens.len(), out);
    }

    /// [`Gazetteer::tag_tokens`] over tokens already reduced to key words
    /// (`n` tokens): callers that meet the same token texts again and again
    /// (the tagger) keep each text's [`TokenKey`] instead of folding it anew.
    pub fn tag_key_words(&self, words: &KeyWords, n: usize, out: &mut Vec<PlaceTag>) {
        out.clear();
        out.resize(n, PlaceTag::default());
        let seq = &words.seq;
        let mut i = 0;
        while i < seq.len() {
            let (_, tok, _) = seq[i];
            // Only words that begin a token may begin a name.
            if i > 0 && seq[i - 1].1 == tok {
                i += 1;
                continue;
            }
            let mut h = SEED;
            let mut found: Option<(usize, u8)> = None;
            for (j, &(w, _, last)) in seq.iter().enumerate().skip(i).take(MAX_WORDS) {
                h = combine(h, w);
                if !self.node_bits.may_contain(h) {
                    break;
                }
                let Some(node) = self.nodes.get(&h) else {
                    break;
                };
                if node.flags & NODE_NAME != 0 && node.tag & PlaceTag::KINDS != 0 && last {
                    found = Some((j, node.tag));
                }
                if node.flags & NODE_PREFIX == 0 {
                    break;
                }
            }
            match found {
                Some((j, tag)) => {
                    let (first, end) = (seq[i].1 as usize, seq[j].1 as usize);
                    for (k, slot) in out.iter_mut().enumerate().take(end + 1).skip(first) {
                        let pos = if k == first {
                            PlaceTag::BEGIN
                        } else {
                            PlaceTag::INSIDE
                        };
                        *slot = PlaceTag(pos | tag);
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
}

/// The key words of one token (see [`KeyWords::key_of`]): what
/// [`Gazetteer::tag_key_words`] needs of a token, a function of its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TokenKey {
    /// No letter or digit: no key word ("," or "-").
    #[default]
    Empty,
    /// One key word, with this hash (most tokens).
    One(u64),
    /// Several key words ("D.C.", "al-Assad"): fold the text again.
    Several,
}

/// Tokens as the sequence of their key-word hashes, the input of
/// [`Gazetteer::tag_key_words`]. Reusable from text to text.
#[derive(Default)]
pub struct KeyWords {
    /// (word hash, token index, is the last word of its token)
    seq: Vec<(u64, u32, bool)>,
    words: Words,
}

impl KeyWords {
    /// Forgets the tokens pushed so far.
    pub fn clear(&mut self) {
        self.seq.clear();
    }

    /// Appends the key words of token number `t`, whose text is `tok`
    /// (after dropping a possessive "'s").
    pub fn push_token(&mut self, t: u32, tok: &str) {
        let tok = strip_possessive(tok);
        let start = self.seq.len();
        let seq = &mut self.seq;
        self.words
            .each(tok, |w| seq.push((xxh3_64(w.as_bytes()), t, false)));
        if let Some(last) = self.seq.get_mut(start..).and_then(|s| s.last_mut()) {
            last.2 = true;
        }
    }

    /// Appends token number `t` with text `tok` and key `key` (from
    /// [`KeyWords::key_of`] on the same text): no folding unless it has
    /// several words.
    pub fn push_keyed(&mut self, t: u32, tok: &str, key: TokenKey) {
        match key {
            TokenKey::Empty => {}
            TokenKey::One(hash) => self.seq.push((hash, t, true)),
            TokenKey::Several => self.push_token(t, tok),
        }
    }

    /// What token text `tok` reduces to.
    pub fn key_of(&mut self, tok: &str) -> TokenKey {
        let mut key = TokenKey::Empty;
        self.words.each(strip_possessive(tok), |w| {
            key = match key {
                TokenKey::Empty => TokenKey::One(xxh3_64(w.as_bytes())),
                _ => TokenKey::Several,
            }
        });
        key
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    #[test]
    fn common_words_are_risky() {
        for w in ["Nice", "Reading", "Mobile", "Bath", "March", "Of"] {
            assert!(g().is_risky(w), "{w}");
        }
        for w in ["Moscow", "Damascus", "Syria"] {
            assert!(!g().is_risky(w), "{w}");
        }
    }

    #[test]
    fn tags_longest_matches_on_token_boundaries() {
        let toks = [
            "He",
            "flew",
            "from",
            "New",
            "York",
            "City",
            "to",
            "Washington",
            ",",
            "D.C.",
            "and",
            "Moscow's",
            "Moscow-based",
            "Nice",
        ];
        let mut out = Vec::new();
        g().tag_tokens(&toks, &mut out);
        assert_eq!(out.len(), toks.len());
        let b: Vec<char> = out
            .iter()
            .map(|t| match (t.begins(), t.continues()) {
                (true, _) => 'B',
                (_, true) => 'I',
                _ => 'O',
            })
            .collect();
        // "to" is Tô, Burkina Faso: tagged, but risky, like "Nice".
        assert_eq!(b.iter().collect::<String>(), "OOOBIIBBIIOBOB");
        assert!(out[3].city());
        assert!(out[6].risky() && out[13].risky());
        assert!(!out[3].risky());
        assert!(!out[11].risky());
        g().tag_tokens::<&str>(&[], &mut out);
        assert!(out.is_empty());
    }
}
