//! The local (first-pass) feature keys of a token: its own, those its
//! neighbours give it, and those of its context.

use super::{flag, mix, tpl, Featurizer, BOUNDARY};

/// Offsets of the context words and shapes, in the order of their templates.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

impl Featurizer {
    /// Appends the local (first-pass) feature keys of token `i` to `out`:
    /// [`Featurizer::own`], the [`Featurizer::neighbour`] keys of the tokens
    /// around it (or boundary keys) and [`Featurizer::context`].
    pub fn local(&self, i: usize, out: &mut Vec<u64>) {
        self.own(i, out);
        for (k, &off) in NEIGHBOURS.iter().enumerate() {
            match self.at(i, off) {
                Some(_) => self.neighbour((i as isize + off) as usize, k, out),
                None => Self::neighbour_keys(BOUNDARY, BOUNDARY, 0, k, out),
            }
        }
        self.context(i, out);
    }

    /// Keys that depend on token `i`'s text alone (its word clusters
    /// among them).
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
        for (g, &c) in x.cluster.iter().enumerate() {
            if c != 0 {
                out.push(mix(tpl::CLUSTER + g as u64, u64::from(c)));
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
        Self::neighbour_keys(y.lower, y.short, y.cluster[1], k, out);
    }

    /// Keys of a missing neighbour at `NEIGHBOURS[k]` (outside the line).
    pub fn boundary_keys(k: usize, out: &mut Vec<u64>) {
        Self::neighbour_keys(BOUNDARY, BOUNDARY, 0, k, out);
    }

    fn neighbour_keys(lower: u64, short: u64, cluster: u16, k: usize, out: &mut Vec<u64>) {
        out.push(mix(tpl::LOWER_AT + k as u64, lower));
        out.push(mix(tpl::SHAPE_AT + k as u64, short));
        // The middle-sized cluster of the words either side: "shares of
        // X", "X said" for words training never showed there. Tried at
        // +-2 as well: no better on CoNLL-2003 dev.
        if cluster != 0 && NEIGHBOURS[k].abs() == 1 {
            out.push(mix(tpl::CLUSTER_AT + k as u64, u64::from(cluster)));
        }
    }

    /// Keys of token `i` that depend on its surroundings: word pairs, shape
    /// trigram, sentence position, line case, lexicon neighbours, and the
    /// boundary keys where a neighbour lies outside the line: its
    /// [`Featurizer::word_context`] keys and those of its
    /// [`ContextSignature`], in the order the model was trained with.
    pub fn context(&self, i: usize, out: &mut Vec<u64>) {
        let signature = self.context_signature(i);
        self.word_pairs(i, out);
        signature.position_keys(out);
        self.line_word(i, out);
        signature.other_keys(out);
    }

    /// The context keys of token `i` that name words: the word pairs and
    /// the word in a capitalised line. The rest depend on its
    /// [`Featurizer::context_signature`] alone.
    pub fn word_context(&self, i: usize, out: &mut Vec<u64>) {
        self.word_pairs(i, out);
        self.line_word(i, out);
    }

    fn word_pairs(&self, i: usize, out: &mut Vec<u64>) {
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
    }

    fn line_word(&self, i: usize, out: &mut Vec<u64>) {
        let x = &self.info[i];
        let line = u64::from(x.flags & (flag::LINE_ALLCAPS | flag::LINE_TITLE));
        if line != 0 {
            out.push(mix(mix(tpl::LINE_WORD, line), x.lower));
        }
    }

    /// What the context keys of token `i` that name no word depend on.
    pub fn context_signature(&self, i: usize) -> ContextSignature {
        let x = &self.info[i];
        let lex = |off: isize| {
            self.at(i, off).map_or(0, |y| {
                u64::from(y.flags & (flag::ORG_SUFFIX | flag::TITLE | flag::LOC_SUFFIX))
            })
        };
        let place_at = |off: isize| self.at(i, off).map_or(0, |y| u64::from(y.place));
        ContextSignature {
            short: x.short,
            position: x.flags & (flag::SENT_START | flag::AFTER_COLON_QUOTE),
            line: x.flags & (flag::LINE_ALLCAPS | flag::LINE_TITLE),
            lexicon: lex(-1) | lex(1) << 16 | lex(2) << 32,
            case: (x.flags & flag::HAS_LETTER != 0)
                .then_some((x.flags & (flag::CAP | flag::ALLCAPS), x.case)),
            place: x.place,
            around: place_at(-1) | place_at(1) << 8,
        }
    }
}

/// What a token's context keys that name no word depend on: its shape,
/// sentence position, line case, lexicon neighbours, case lexicon values
/// and gazetteer tags. Tokens share a few thousand of these, so the tagger
/// sums their weights once per signature instead of once per token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContextSignature {
    short: u64,
    position: u16,
    line: u16,
    lexicon: u64,
    /// Case flags and [`CaseLexicon`](super::CaseLexicon) value, for a
    /// token with a letter.
    case: Option<(u16, u8)>,
    place: u8,
    around: u64,
}

impl ContextSignature {
    /// Appends the signature's keys to `out`.
    pub fn keys(&self, out: &mut Vec<u64>) {
        self.position_keys(out);
        self.other_keys(out);
    }

    fn position_keys(&self, out: &mut Vec<u64>) {
        let pos = u64::from(self.position);
        out.push(mix(mix(tpl::POSITION, pos), self.short));
        let line = u64::from(self.line);
        out.push(mix(mix(tpl::LINE, line | pos), self.short));
    }

    fn other_keys(&self, out: &mut Vec<u64>) {
        let (pos, line) = (u64::from(self.position), u64::from(self.line));
        if self.lexicon != 0 {
            out.push(mix(mix(tpl::LEXICON, self.lexicon), self.short));
        }
        if let Some((cap, case)) = self.case {
            let ctx = u64::from(cap) | pos | line;
            out.push(mix(mix(tpl::CASE, u64::from(case & 7)), ctx));
            out.push(mix(mix(tpl::DICT, u64::from((case >> 3) & 3)), ctx));
            // Also tried: the neighbours' name bits (with the word's shape);
            // over three seeds that cost 0.3 ORG F1 on dev for nothing.
            out.push(mix(mix(tpl::NAME, u64::from(case >> 5)), ctx));
        }
        if self.place != 0 {
            out.push(mix(
                mix(tpl::PLACE, u64::from(self.place)),
                self.short | line,
            ));
        }
        if self.around != 0 {
            out.push(mix(
                mix(tpl::PLACE_AROUND, self.around),
                u64::from(self.place != 0),
            ));
        }
    }
}
