//! Agreements named after where they were signed: "the Louvre accord", "the
//! Plaza agreement", "the Paris agreement", "the Oslo accords". The place or
//! building there names the agreement, not a place of the story (a
//! reporter filtering by Paris does not want every article on the climate
//! treaty), and a tagger reads "Plaza" as a company. The parties to an
//! agreement stay: a country, an acronym or a body ("the Iran agreement",
//! "the OPEC accord", "the EU pact").

use super::gazetteer::Gazetteer;
use super::joins::{one_space_apart, word_at};
use super::labels::{LOC, MISC, ORG};
use super::tagger::Span;
use super::tokenize::Token;

/// Lower-case nouns of agreements that may follow the name of where they
/// were made.
const AGREEMENT_NOUNS: &[&str] = &["accord", "accords", "agreement", "agreements", "pact"];

/// Words before a name that make it where something happens ("talks in
/// Geneva agreement ..." is a garbled line, not an agreement's name).
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "from", "to", "near", "into", "outside"];

/// Makes each place or organization span that one of [`AGREEMENT_NOUNS`]
/// follows, one space apart on a line ("the Louvre accord", "the February
/// 22 Louvre accord", "LOUVRE ACCORD" in a headline), a span of no kind,
/// unless a preposition of place comes before it or it names a party: a
/// country, an acronym of five letters at most, a name the gazetteer does
/// not know as a place and the tagger took for a body of several words,
/// or the first words of a body the article names in full.
pub(crate) fn drop_places_naming_agreements(
    text: &str,
    tokens: &[Token],
    spans: &mut [Span],
    gazetteer: &Gazetteer,
) {
    let text_of = |&(_, s, e): &Span| &text[tokens[s].start..tokens[e - 1].end];
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        if !(ty == LOC || ty == ORG) || s == 0 || e >= tokens.len() {
            continue;
        }
        // The noun after the name, as the line writes it: "accord", or
        // "ACCORD" in a headline in capitals. Told before the name is read:
        // most spans are followed by no such noun.
        let noun = word_at(text, tokens, e);
        if !AGREEMENT_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(noun)) {
            continue;
        }
        let name = text_of(&spans[i]);
        let shouted = !name.contains(char::is_lowercase);
        let framed = (shouted || !noun.contains(char::is_uppercase))
            && !PLACE_PREPOSITIONS.contains(&word_at(text, tokens, s - 1))
            && one_space_apart(tokens, e - 1, e)
            && !tokens[e].line_start;
        if !framed {
            continue;
        }
        let acronym = shouted && e - s == 1 && name.len() <= 5;
        // A body the article names in full ("Bandai Co Ltd") is a party
        // when its first words name an agreement ("the Bandai agreement").
        let named_in_full = || {
            spans.iter().any(|span| {
                span.0 == ORG
                    && text_of(span)
                        .strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with(' '))
            })
        };
        let party = acronym
            || gazetteer.resolves_to_country(name)
            || (ty == ORG && e - s > 1 && !gazetteer.contains(name))
            || (ty == ORG && named_in_full());
        if !party {
            spans[i].0 = MISC;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn places_that_name_agreements_are_no_places_of_the_story() {
        let found = Extractor::bundled().extract(
            "Ministers reaffirmed the Louvre accord and the Plaza agreement in \
             Washington; the Iran agreement and the OPEC accord held. Tonka will \
             sell Bandai Co Ltd toys; the Bandai agreement adds sales.",
        );
        assert_eq!(found.locations, ["Washington, D.C.", "Iran"]);
        assert_eq!(found.organizations, ["OPEC", "Bandai Co Ltd"]);
        // A party's first words, found as such by the tagger, stay.
        use crate::joins::tests::mended;
        use crate::labels::{LOC, MISC, ORG};
        let text = "Tonka sells Bandai Co Ltd toys; the Bandai agreement and the Louvre accord.";
        let tagged = [(ORG, "Bandai Co Ltd"), (ORG, "Bandai"), (LOC, "Louvre")];
        let kinds: Vec<u8> = mended(text, &tagged).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [ORG, ORG, MISC]);
        // Elsewhere in the story the place stays.
        let found = Extractor::bundled()
            .extract("Tourists queued at the Louvre. The Louvre accord is older.");
        assert_eq!(found.locations, ["Louvre"]);
        let found = Extractor::bundled().extract(
            "TOKYO SAYS LOUVRE ACCORD HOLDS\nThe February 22 Louvre accord held, Tokyo said.",
        );
        assert_eq!(found.locations, ["Tokyo"]);
        assert!(found.organizations.is_empty(), "{:?}", found.organizations);
    }
}
