//! Places that the tagger's document features pulled into an organization
//! whose name they begin: in an article that cites "The New York Times",
//! "Jerrold Nadler of New York" came out an organization (and then folded
//! into the newspaper), because pass two learns from pass one that "New"
//! and "York" are organization words here. Pass one, which has no such
//! features, read the place; its reading is kept where the longer name
//! explains the change.
//!
//! Owns only that repair of the tagger's spans; the gazetteer's reading
//! of the tokens comes from the caller.

use super::labels::{Scheme, LOC, ORG};
use super::tagger::Span;
use super::tokenize::Token;

/// Makes each organization span of `spans` a place where pass one
/// (`pass1` labels) read exactly those tokens as a place and the longer
/// organization spans of the article that start with the same words,
/// after a leading "The", are newspapers' or public bodies' ("New York"
/// before "The New York Times", "Florida" before "Florida Museum of
/// Natural History").
/// Only tokens that `names_a_place` (the gazetteer's whole name of a
/// place): "Scripps" before "Scripps Institution of Oceanography" is the
/// institution. `scratch` is a buffer for pass one's spans.
pub(crate) fn keep_places_before_org_names(
    text: &str,
    tokens: &[Token],
    (pass1, scheme): (&[u8], Scheme),
    names_a_place: impl Fn(usize, usize) -> bool,
    spans: &mut [Span],
    scratch: &mut Vec<Span>,
) {
    if !spans.iter().any(|&(t, _, _)| t == ORG) {
        return;
    }
    scheme.decode(pass1, scratch);
    let words = |s: usize, e: usize| tokens[s..e].iter().map(|t| t.text(text));
    // A newspaper or a public body is not called by its place's name
    // alone; a company ("Vulcan said") or a school ("an Ithaca undergrad")
    // is. So every longer organization the place begins must be one.
    let begins_papers_only = |s: usize, e: usize, spans: &[Span]| {
        let mut next_words = spans
            .iter()
            .filter_map(|&(t, s2, e2)| {
                // "The New York Times": the article is no part of the match.
                let s2 = s2 + usize::from(tokens[s2].text(text).eq_ignore_ascii_case("the"));
                let next = s2 + e - s;
                (t == ORG && e2 > next && words(s2, next).eq(words(s, e)))
                    .then(|| tokens[next].text(text))
            })
            .peekable();
        let of_a_paper = |w: &str| PAPERS_AND_BODIES.iter().any(|p| p.eq_ignore_ascii_case(w));
        next_words.peek().is_some() && next_words.all(of_a_paper)
    };
    for i in 0..spans.len() {
        let (t, s, e) = spans[i];
        if t == ORG
            && scratch.contains(&(LOC, s, e))
            && names_a_place(s, e)
            && begins_papers_only(s, e, spans)
        {
            spans[i].0 = LOC;
        }
    }
}

/// Words after a place's name that make the name a newspaper's or a
/// public body's, which the place's name alone does not stand for.
#[rustfmt::skip]
const PAPERS_AND_BODIES: &[&str] = &[
    "times", "post", "tribune", "globe", "journal", "herald", "gazette", "chronicle",
    "daily", "examiner", "inquirer", "observer", "courier", "dispatch", "telegraph",
    "police", "sheriff", "sheriff's", "fire", "museum", "zoo", "airport", "port",
];

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_place_stays_a_place_beside_a_newspaper_named_after_it() {
        let x = Extractor::bundled().extract(
            "Democratic committee chairman Jerrold Nadler of New York has repeatedly \
             maintained an impeachment inquiry.\n\nThe New York Times reported that, in a \
             phone call in late July, Trump asked for help.",
        );
        assert_eq!(x.locations.len(), 1, "{:?}", x.locations);
        assert!(x.locations[0].starts_with("New York"), "{:?}", x.locations);
        assert_eq!(x.organizations, ["New York Times"]);
        // A school goes by the name alone.
        let x = Extractor::bundled().extract(
            "Rebecca Falconer, an Ithaca College undergraduate, led the work. Christopher \
             Gallego-Lazo, also an Ithaca undergrad, tested the glue.",
        );
        assert!(x.locations.is_empty(), "{:?}", x.locations);
        // So does a company.
        let x = Extractor::bundled().extract(
            "Jones and Vining Inc said Vulcan Corp, one of its main competitors, made a bid. \
             Jones and Vining said a deal with Vulcan would be difficult to complete.",
        );
        assert!(x.locations.is_empty(), "{:?}", x.locations);
    }
}
