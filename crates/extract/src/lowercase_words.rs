//! Names with a lowercase word that a tagger splits there, joined back:
//! "Bosnia and Herzegovina", "Isle of Man", "Autonomous Region in Muslim
//! Mindanao", "Mato Grosso do Sul" (every gazetteer country or region with
//! a lowercase word in its name), "Dar es Salaam" (and the other cities of
//! half a million people or more so named) and the few organizations news
//! names that way ("Islamic State of Iraq and the Levant"), found by name
//! in one pass over the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

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
/// "in", "do", "del", "y"), places first, and how many are places. A
/// place's "of the" may go without its "the" ("Democratic Republic of
/// Congo"). Places are countries, regions and the cities of half a
/// million people or more ("Dar es Salaam", which the tagger cut to "Dar",
/// a town in Cambodia).
fn and_names() -> &'static (AhoCorasick, usize) {
    static NAMES: OnceLock<(AhoCorasick, usize)> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<String> = Gazetteer::bundled()
            .places()
            .iter()
            .filter(|p| match p.kind {
                PlaceKind::Country | PlaceKind::Region => true,
                PlaceKind::City => p.population >= BIG_CITY,
                _ => false,
            })
            .map(|p| p.name.as_str())
            .filter(|n| n.split(' ').any(|w| w.starts_with(char::is_lowercase)))
            .flat_map(|n| [n.to_owned(), n.replacen(" of the ", " of ", 1)])
            .collect();
        names.sort_unstable();
        names.dedup();
        let places = names.len();
        names.extend(AND_ORGANIZATIONS.iter().map(|n| n.to_string()));
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("fixed names build");
        (searcher, places)
    })
}

/// People in a city whose name with a lowercase word the tagger is helped
/// to keep whole (see [`and_names`]).
const BIG_CITY: u64 = 500_000;

/// Makes each name with "and" in it ([`and_names`]) that starts and ends
/// on token boundaries one span, in place of the spans it overlaps.
pub(crate) fn join_names_with_lowercase_words(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let (searcher, places) = and_names();
    for found in searcher.find_iter(text) {
        // Tokens are in text order: binary searches, however long the text.
        let s = tokens.partition_point(|t| t.start < found.start());
        let e = tokens.partition_point(|t| t.end < found.end());
        if tokens.get(s).is_none_or(|t| t.start != found.start())
            || tokens.get(e).is_none_or(|t| t.end != found.end())
        {
            continue;
        }
        let e = e + 1;
        let ty = if found.pattern().as_usize() < *places {
            LOC
        } else {
            ORG
        };
        // A longer name around a place's is the tagger's to keep ("Rio de
        // Janeiro Coffee Trade Association").
        let inside = |&(_, a, b): &Span| a <= s && e <= b && (a, b) != (s, e);
        if ty == LOC && spans.iter().any(inside) {
            continue;
        }
        replace_spans(spans, ty, s, e);
    }
}
