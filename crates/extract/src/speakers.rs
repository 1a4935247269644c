//! A headline's speaker: "Sumita says little room for Bank of Japan rate
//! cut", "Miyazawa sees major nations reaffirming Paris accord". The
//! wires' one-line items name the speaker by surname alone; the tagger's
//! first pass reads a person there, and its second, finding no full name
//! in the article to back the surname, drops it. A one-word person of the
//! first pass that starts the text (its headline) and is followed by one
//! of `full_names`' speaking verbs ("says", "told", "sees", "expects"...,
//! by which it keeps a lone surname training never saw) is kept. Not at
//! the start of other lines: there the second pass is right to drop
//! companies ("Quantech said it would..."). Its other drops stay too: on
//! CoNLL-2003 dev and the Wikinews articles they are mostly right ("Zebra
//! stripes", "Rudaw reports", "Yeah, ..."), and none of them is before a
//! speaking verb.

use super::full_names::SPEAKING;
use super::labels::{Scheme, PER};
use super::tagger::Span;
use super::tokenize::Token;

/// Adds back the headline speakers (see the module doc) that the second
/// pass dropped to `spans` (in text order); `scratch` is reused.
pub(crate) fn keep_headline_speakers(
    text: &str,
    tokens: &[Token],
    (pass1, scheme): (&[u8], Scheme),
    spans: &mut Vec<Span>,
    scratch: &mut Vec<Span>,
) {
    let speaks = |i: usize| {
        tokens.get(i + 1).is_some_and(|t| {
            SPEAKING
                .iter()
                .any(|w| w.eq_ignore_ascii_case(t.text(text)))
        })
    };
    if !speaks(0) || spans.first().is_some_and(|&(_, s, _)| s == 0) {
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
