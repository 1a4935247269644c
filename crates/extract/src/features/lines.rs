//! Positions: sentence starts, sentence segments, line case (all-caps
//! and Title Case lines, headlines), and which tokens may lie in a name at
//! all (the tagger scores only those).

use super::super::tokenize::Token;
use super::lexicon::CaseLexicon;
use super::word::{PUNCT_AFTER, PUNCT_CLOSE, PUNCT_END, PUNCT_OPEN};
use super::{flag, Featurizer};

impl Featurizer {
    /// Sentence starts and tokens after a colon or quote.
    pub(super) fn mark_positions(&mut self, tokens: &[Token]) {
        let mut sent_start = true;
        let mut after = false;
        let mut closed = false;
        for (i, t) in tokens.iter().enumerate() {
            if t.line_start {
                sent_start = true;
                after = false;
                closed = false;
            }
            let info = &mut self.info[i];
            if sent_start {
                info.flags |= flag::SENT_START;
            }
            if after {
                info.flags |= flag::AFTER_COLON_QUOTE;
            }
            let p = info.punct;
            after = p & PUNCT_AFTER != 0;
            // Opening punctuation keeps a sentence start pending; "))"
            // ends a speaker label.
            let label_end = closed && p & PUNCT_CLOSE != 0;
            closed = p & PUNCT_CLOSE != 0;
            sent_start = p & PUNCT_END != 0 || label_end || (sent_start && p & PUNCT_OPEN != 0);
        }
    }

    /// Sentence segments: a new one at each line start and where a pending
    /// sentence start begins (the opening quote, if any, before the word).
    pub(super) fn mark_sentences(&mut self) {
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
    pub(super) fn mark_lines(&mut self) {
        let n = self.info.len();
        let mut i = 0;
        while i < n {
            let line = self.info[i].line;
            let mut j = i;
            let (mut lettered, mut caps, mut allcaps, mut long_caps) = (0, 0, 0, 0);
            let mut cap_functions = 0;
            while j < n && self.info[j].line == line {
                let f = self.info[j].flags;
                if j > i && f & (flag::FUNCTION | flag::CAP) == flag::FUNCTION | flag::CAP {
                    cap_functions += 1;
                }
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
                // Two capitalised function words: a headline, not a
                // results table ("at The Oval").
                if cap_functions >= 2 {
                    mark |= flag::LINE_HEADLINE;
                }
            }
            for info in &mut self.info[i..j] {
                info.flags |= mark;
            }
            i = j;
        }
    }

    /// Whether token `i`, a capitalised ordinary word ("Rescuers",
    /// "Officially", "Sources") at a sentence start, after a colon or quote,
    /// or in a headline, is capitalised only for where it stands: nowhere
    /// in the document is it capitalised mid-sentence. Needs
    /// [`Featurizer::doc_stats`] of this document.
    pub fn is_positional_common_word(&self, i: usize) -> bool {
        let Some(x) = self.info.get(i) else {
            return false;
        };
        let pos =
            flag::SENT_START | flag::AFTER_COLON_QUOTE | flag::LINE_TITLE | flag::LINE_ALLCAPS;
        // A number next is a results table ("Harlequins 75 Gloucester
        // 19"), a place name may well be one ("Reading").
        let number_next = self
            .at(i, 1)
            .is_some_and(|y| y.flags & flag::HAS_LETTER == 0 && y.flags & flag::WORDY != 0);
        x.flags & flag::CAP != 0
            && x.flags & pos != 0
            && x.place == 0
            && !number_next
            && CaseLexicon::is_common_value(x.case)
            && self.stats.get(&x.lower).is_none_or(|s| s.capmid == 0)
    }

    /// Marks in `out` (one per token) the tokens that may lie in a name:
    /// those with a capital letter, and runs of one or two short tokens
    /// between two such in one sentence ("Bank of England", "University
    /// of the South Pacific", "Ludwig van Beethoven"). Of the entity tokens
    /// of CoNLL train and dev, 1.3% have no capital, nearly all of them
    /// such joiners; the tagger labels the other tokens O without scoring
    /// them.
    pub fn name_candidates(&self, out: &mut Vec<bool>) {
        out.clear();
        out.extend(self.info.iter().map(|x| x.flags & flag::HAS_UPPER != 0));
        let n = self.info.len();
        let mut last_upper: Option<usize> = None;
        for i in 0..n {
            if self.info[i].flags & flag::HAS_UPPER == 0 {
                continue;
            }
            if let Some(p) = last_upper {
                let gap = i - p - 1;
                let joinable = (1..=2).contains(&gap)
                    && self.info[p].seg == self.info[i].seg
                    && (p + 1..i).all(|k| self.info[k].len <= 5);
                if joinable {
                    out[p + 1..i].fill(true);
                }
            }
            // Around a capitalised word: numbers and punctuation ("Schalke
            // 04", "Mladost (BJ)", "Lord's") and a particle before it ("de
            // Silva").
            if i > 0 && self.is_name_edge(i - 1, true) {
                out[i - 1] = true;
            }
            if i + 1 < n && self.is_name_edge(i + 1, false) {
                out[i + 1] = true;
            }
            last_upper = Some(i);
        }
    }

    /// Whether token `k`, next to a capitalised word, may end or start
    /// its name: no letters (digits, brackets, dots), a clitic ("'s"), or
    /// before it a short lowercase particle ("de", "van", "al").
    fn is_name_edge(&self, k: usize, before: bool) -> bool {
        let x = &self.info[k];
        x.flags & flag::HAS_LETTER == 0
            || x.len <= 2
            || (before && x.len <= 3 && x.flags & flag::LOWER != 0)
    }

    /// Whether token `i` lies in a Title Case headline: a line where all
    /// words are capitalised, two function words or more too ("As",
    /// "About").
    pub fn in_headline(&self, i: usize) -> bool {
        self.info
            .get(i)
            .is_some_and(|x| x.flags & flag::LINE_HEADLINE != 0)
    }

    /// Whether token `i` is a plain English word: in the dictionary in
    /// lowercase only ("unveils", "new"), no training name, and no word
    /// that ends names ("bank", "island").
    pub fn is_plain_word(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| {
            let dict = x.case & (CaseLexicon::DICT_LOWER | CaseLexicon::DICT_CAP);
            dict == CaseLexicon::DICT_LOWER
                && x.case & (CaseLexicon::FIRST_NAME | CaseLexicon::LAST_NAME) == 0
                && x.flags & (flag::ORG_SUFFIX | flag::LOC_SUFFIX | flag::TITLE) == 0
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_sentence_starts_after_an_interview_speaker_label() {
        let text = "((WN))  Tell us about the study.\n\n((Christian Keysers))  Um, \
                    hmm. So, Julen Hernandez-Lallement ran it.\n\n((WN))  As you said, \
                    it is new.";
        let x = Extractor::bundled().extract(text);
        let names: Vec<&str> = x.mentions.iter().map(|m| m.text.as_str()).collect();
        for word in ["Tell", "Um", "As"] {
            assert!(!names.contains(&word), "{word}: {:?}", x.mentions);
        }
        assert!(x.persons.iter().any(|p| p == "Julen Hernandez-Lallement"));
    }
}
