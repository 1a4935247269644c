//! Who speaks: the verbs after a name that make it a speaker ("Dun
//! said", "Miyazawa sees ..."), and the words written before them, by which
//! `full_names` keeps a lone surname training never saw.
//!
//! Also a headline's speaker: "Sumita says little room for Bank of Japan
//! rate cut", "Miyazawa sees major nations reaffirming Paris accord". The
//! wires' one-line items name the speaker by surname alone; the tagger's
//! first pass reads a person there, and its second, finding no full name
//! in the article to back the surname, drops it. A one-word person of the
//! first pass that starts the text (its headline) and is followed by a
//! speaking verb is kept. Not at the start of other lines: there the
//! second pass is right to drop companies ("Quantech said it would...").
//! Its other drops stay too: on CoNLL-2003 dev and the Wikinews articles
//! they are mostly right ("Zebra stripes", "Rudaw reports", "Yeah, ..."),
//! and none of them is before a speaking verb.

use super::labels::{Scheme, PER};
use super::tagger::Span;
use super::tokenize::Token;

/// Verbs after a name that make it a speaker: a person, or a company
/// the caller leaves as tagged. Besides speech, the verbs of the wires'
/// one-line items ("Miyazawa sees major nations reaffirming Paris accord").
#[rustfmt::skip]
pub(crate) const SPEAKING: &[&str] = &[
    "said", "says", "told", "expects", "sees", "welcomes", "urges", "warns",
];

/// The words written right before one of the [`SPEAKING`] verbs in `text`
/// ("Dun" of "Dun said"): one pass over the text per verb, however many
/// words are asked about.
pub(crate) fn words_before_speaking(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for verb in SPEAKING {
        for (b, _) in text.match_indices(verb) {
            let Some(before) = text[..b].strip_suffix(' ') else {
                continue;
            };
            let name_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
            out.push(before.rsplit(|c| !name_char(c)).next().unwrap_or_default());
        }
    }
    out
}

/// Adds back the headline speakers (see the module doc) that the second
/// pass dropped to `spans` (in text order); `scratch` is reused.
pub(crate) fn keep_headline_speakers(
    text: &str,
    tokens: &[Token],
    (pass1, scheme): (&[u8], Scheme),
    spans: &mut Vec<Span>,
    scratch: &mut Vec<Span>,
) {
    let speaks = tokens.get(1).is_some_and(|t| {
        SPEAKING
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t.text(text)))
    });
    if !speaks || spans.first().is_some_and(|&(_, s, _)| s == 0) {
        return;
    }
    scheme.decode(pass1, scratch);
    if scratch.first() == Some(&(PER, 0, 1)) {
        spans.insert(0, (PER, 0, 1));
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_headline_speaker_is_a_person_and_a_later_line_start_is_not() {
        let x =
            Extractor::bundled().extract("Miyazawa says current dollar/yen rate not satisfactory");
        assert_eq!(x.persons, ["Miyazawa"], "{:?}", x.mentions);
        let x = Extractor::bundled()
            .extract("Miyazawa sees major nations reaffirming Paris accord this week");
        assert_eq!(x.persons, ["Miyazawa"], "{:?}", x.mentions);
        let x = Extractor::bundled().extract("Deal done\nQuantech said it would buy the plant.");
        assert!(x.persons.is_empty(), "{:?}", x.mentions);
    }
}
