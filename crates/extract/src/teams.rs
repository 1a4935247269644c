//! Teams named after their city and a nickname in the plural: "Kansas City
//! Chiefs", "Philadelphia Eagles", "Toronto Raptors". A tagger taught by
//! 1996 newswire, whose teams are mostly named by their city alone, tags
//! the city and leaves the nickname out, so the facets gain a place and
//! lose the team.

use super::demonyms::is_demonym;
use super::gazetteer::{name_key, Gazetteer};
use super::joins::{one_space_apart, word_at};
use super::labels::{LOC, ORG};
use super::tagger::Span;
use super::tokenize::Token;

/// Plural capitalised words after a place that name its people, its
/// politicians, its land or a law or event of it, not a team ("Texas
/// Republicans", "Canary Islands", "Geneva Conventions").
const NOT_NICKNAMES: &[&str] = &[
    "Democrats",
    "Republicans",
    "Conservatives",
    "Liberals",
    "Socialists",
    "Greens",
    "Unionists",
    "Nationalists",
    "Islands",
    "Isles",
    "Keys",
    "Heights",
    "Hills",
    "Falls",
    "Springs",
    "Lakes",
    "Highlands",
    "Lowlands",
    "Plains",
    "Mountains",
    "Olympics",
    "Games",
    "Talks",
    "Accords",
    "Sessions",
    // Laws, events and papers named after a place: "Geneva Conventions",
    // "Nuremberg Trials", "Panama Papers".
    "Conventions",
    "Agreements",
    "Protocols",
    "Treaties",
    "Trials",
    "Riots",
    "Protests",
    "Attacks",
    "Bombings",
    "Floods",
    "Fires",
    "Papers",
    "Files",
    "Leaks",
    "Championships",
    "Awards",
    "Elections",
];

/// Makes each place span followed, one space apart on its line, by a
/// capitalised plural word in no span and then a word of prose (not a
/// headline's next capital) one organization span over both, unless the
/// word names people, politicians or land ([`NOT_NICKNAMES`], demonyms),
/// the gazetteer knows the two together as a place, or the place is a
/// country ("U.S. Officials say"): teams are named after cities and
/// states.
pub(crate) fn join_team_names(
    text: &str,
    tokens: &[Token],
    spans: &mut [Span],
    gazetteer: &Gazetteer,
) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let free = spans.get(i + 1).is_none_or(|next| next.1 > e);
        if ty != LOC || !free || e >= tokens.len() || tokens[e].line_start {
            continue;
        }
        let word = word_at(text, tokens, e);
        let plural_name = word.len() >= 4
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].bytes().all(|b| b.is_ascii_lowercase())
            && word.ends_with('s')
            && !word.ends_with("ss");
        // A word of prose follows, not a headline's next capital.
        let in_prose = e + 1 < tokens.len()
            && !tokens[e + 1].line_start
            && !word_at(text, tokens, e + 1).starts_with(char::is_uppercase);
        if !plural_name || !in_prose || !one_space_apart(tokens, e - 1, e) {
            continue;
        }
        let place = &text[tokens[s].start..tokens[e - 1].end];
        let whole = &text[tokens[s].start..tokens[e].end];
        if NOT_NICKNAMES.contains(&word)
            || is_demonym(&name_key(word), gazetteer)
            || gazetteer.contains(whole)
            || gazetteer.resolves_to_country(place)
        {
            continue;
        }
        spans[i] = (ORG, s, e + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_city_and_a_plural_nickname_name_a_team() {
        let found = Extractor::bundled()
            .extract("Travis Kelce of the Kansas City Chiefs met the Philadelphia Eagles.");
        assert_eq!(
            found.organizations,
            ["Kansas City Chiefs", "Philadelphia Eagles"]
        );
        assert!(found.locations.is_empty(), "{:?}", found.locations);
        for text in [
            "Texas Republicans met in the Canary Islands.",
            "Sales of Brazil Soybeans fell.",
            "The Geneva Conventions apply to all, he said.",
            "Record Rains Hit Texas Towns Overnight",
        ] {
            let found = Extractor::bundled().extract(text);
            assert!(found.organizations.is_empty(), "{text}: {found:?}");
        }
    }
}
