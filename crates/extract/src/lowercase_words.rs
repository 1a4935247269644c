//! Names with a lowercase word that a tagger splits there, joined back:
//! "Bosnia and Herzegovina", "Isle of Man", "Autonomous Region in Muslim
//! Mindanao", "Mato Grosso do Sul" (every gazetteer country or region with
//! a lowercase word in its name), "Dar es Salaam", "Newcastle upon Tyne"
//! (and the other cities of 50,000 people or more so named) and the few
//! organizations news names that way ("Islamic State of Iraq and the
//! Levant"), found by name at the text's capitalised tokens; and names
//! going on past a French "d'" ("Val d'Isère", "Palme d'Or").

use std::sync::OnceLock;

use super::first_words::NamesByFirstWord;
use super::gazetteer::{Gazetteer, PlaceKind};
use super::joins::replace_spans;
use super::labels::{LOC, ORG};
use super::tagger::Span;
use super::tokenize::Token;

/// Organizations whose names have "and" in them, or a place after "of",
/// and that a tagger splits into places ("Islamic State of Iraq" and
/// "Levant"; "Voice of | America", no United States).
const AND_ORGANIZATIONS: &[&str] = &[
    "Islamic State of Iraq and the Levant",
    "Islamic State of Iraq and Syria",
    "Islamic State of Iraq and al-Sham",
    "Organisation for Security and Co-operation in Europe",
    "Organization for Security and Co-operation in Europe",
    "Organisation for Economic Co-operation and Development",
    "Organization for Economic Co-operation and Development",
    "Bill and Melinda Gates Foundation",
    "General Agreement on Tariffs and Trade",
    "Standard and Poor's Corp",
    "Standard & Poor's Corp",
    "Voice of America",
    "Radio Free Europe",
    "Radio Free Asia",
];

/// The names with "and" in them (for places, any lowercase word: "of",
/// "in", "do", "del", "y"), by [`first_word`], each with whether it is a
/// place, places first. A place's "of the" may go without its "the"
/// ("Democratic Republic of Congo"). Places are countries, regions and the
/// cities of [`BIG_CITY`] people or more ("Dar es Salaam", which the
/// tagger cut to "Dar", a town in Cambodia). Looked up at each capitalised
/// token (see [`NamesByFirstWord`]: as an automaton over the text they cost
/// about 1.6% of `news extract`'s instructions).
fn and_names() -> &'static NamesByFirstWord<bool> {
    static NAMES: OnceLock<NamesByFirstWord<bool>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut places: Vec<String> = Gazetteer::bundled()
            .places()
            .iter()
            .filter(|p| match p.kind {
                PlaceKind::Country | PlaceKind::Region => true,
                // Not "University of Texas", "City of Westminster":
                // GeoNames' places named like bodies and districts.
                PlaceKind::City => p.population >= BIG_CITY && !p.name.contains(" of "),
                _ => false,
            })
            .map(|p| p.name.as_str())
            .filter(|n| n.split(' ').any(|w| w.starts_with(char::is_lowercase)))
            .flat_map(|n| [n.to_owned(), n.replacen(" of the ", " of ", 1)])
            .collect();
        places.sort_unstable();
        places.dedup();
        // Places first: of a place and an organization of one name and
        // length, the place is found, as the leftmost-longest automaton did.
        let organizations = AND_ORGANIZATIONS.iter().map(|n| (n.to_string(), false));
        let names = places.into_iter().map(|n| (n, true)).chain(organizations);
        NamesByFirstWord::new(names, first_word)
    })
}

/// `word` up to its first ASCII character that is no letter or digit:
/// "St" of "St. Kitts", "Côte" of "Côte d'Ivoire".
fn first_word(word: &str) -> &str {
    let end = word
        .bytes()
        .position(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        .unwrap_or(word.len());
    &word[..end]
}

/// People in a city whose name with a lowercase word the tagger is helped
/// to keep whole (see [`and_names`]): "Newcastle upon Tyne", "Kingston
/// upon Hull", "Bergen op Zoom" (at half a million, as first written, only
/// "Frankfurt am Main" and "Dar es Salaam" of the news' cities).
const BIG_CITY: u64 = 50_000;

/// Makes each name with "and" in it ([`and_names`]) that starts and ends
/// on token boundaries one span, in place of the spans it overlaps.
pub(crate) fn join_names_with_lowercase_words(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let by_first = and_names();
    let mut t = 0;
    while t < tokens.len() {
        let at = tokens[t].start;
        let word = tokens[t].text(text);
        let found = word
            .starts_with(char::is_uppercase)
            .then(|| by_first.longest_at(first_word(word), &text[at..]))
            .flatten();
        let Some((name, place)) = found else {
            t += 1;
            continue;
        };
        let end = at + name.len();
        // The next name may start only after this one, as written.
        let next = t + tokens[t..].partition_point(|x| x.start < end);
        let s = t;
        t = next;
        // Tokens are in text order: binary searches, however long the text.
        let e = tokens.partition_point(|x| x.end < end);
        if tokens.get(e).is_none_or(|x| x.end != end) {
            continue;
        }
        let e = e + 1;
        let ty = if *place { LOC } else { ORG };
        // A longer name around a place's is the tagger's to keep ("Rio de
        // Janeiro Coffee Trade Association").
        let inside = |&(_, a, b): &Span| a <= s && e <= b && (a, b) != (s, e);
        if ty == LOC && spans.iter().any(inside) {
            continue;
        }
        replace_spans(spans, ty, s, e);
    }
}

/// Carries each span over a French "d'" and a capitalised word right after
/// it ("Val d'Isère", "Palme d'Or", "Ballon d’Or"), which the tagger,
/// having seen few such names, leaves out: "Val" alone is no place, and
/// "Palme" an organization where the prize is known by its whole name.
pub(crate) fn join_elided_de(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for k in 0..spans.len() {
        let e = spans[k].2;
        let Some(next) = tokens.get(e) else {
            continue;
        };
        let word = next.text(text);
        let rest = word
            .strip_prefix("d'")
            .or_else(|| word.strip_prefix("d\u{2019}"));
        if !rest.is_some_and(|r| r.starts_with(char::is_uppercase)) {
            continue;
        }
        let one_space = next.start == tokens[e - 1].end + 1 && text[..next.start].ends_with(' ');
        // The word may be a span of its own already: then the tagger split
        // the name knowingly, or another rule joined it.
        let taken = spans.iter().any(|&(_, s, _)| s == e);
        if one_space && !taken {
            spans[k].2 = e + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_name_goes_on_past_a_french_d() {
        let x = Extractor::bundled().extract("He skied in Val d'Isère and Côte d'Ivoire.");
        assert_eq!(x.locations, ["Val d'Isère", "Ivory Coast"]);
        let x =
            Extractor::bundled().extract("Cie Generale d'Electricite said it would buy the unit.");
        assert_eq!(x.organizations, ["Cie Generale d'Electricite"]);
        // The prize whole is an award, no organization.
        let x = Extractor::bundled()
            .extract("Jafar Panahi won the Palme d'Or. Messi won the Ballon d\u{2019}Or.");
        assert!(x.organizations.is_empty(), "{:?}", x.mentions);
        // A quote or a lowercase word after it is no part of a name.
        let x = Extractor::bundled().extract("She left Paris d'accord with him.");
        assert_eq!(x.locations, ["Paris"]);
    }
}
