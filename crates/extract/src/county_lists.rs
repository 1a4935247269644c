//! Counties named in a list before the plural noun: "Los Angeles and
//! Orange counties", "Androscoggin, Franklin and Oxford counties". Each
//! name is the county ("Orange County", "Oxford County"), not the city the
//! gazetteer has under the bare name (Orange, California; Oxford, England),
//! and the facets show it as the county is written alone. Not a state's
//! name ("California counties": the counties in it), nor "Counties" in a
//! name ("Minor Counties", a cricket side).

use super::calendar::is_calendar_word;
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::{EntityKind, Mention};

/// What may stand between two names of a list.
const SEPARATORS: &[&str] = &[", and ", ", or ", ", ", " and ", " or "];

/// Names a list holds at most: a longer run is no list of counties.
const MAX_NAMES: usize = 12;

/// Drops the mentions of `text` listed before "counties" and returns the
/// counties they name as place mentions whose text is the county's name
/// ("Orange County"), names the tagger missed among them included.
pub(crate) fn read_county_lists(
    text: &str,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let mut counties: Vec<Mention> = Vec::new();
    for (noun, _) in text.match_indices(" counties") {
        for (start, end) in listed_names(&text[..noun]) {
            if names_a_state(gazetteer, &text[start..end]) {
                continue;
            }
            let cp_start = text[..start].chars().count();
            let cp_end = cp_start + text[start..end].chars().count();
            mentions.retain(|m| m.end <= cp_start || m.start >= cp_end);
            counties.push(Mention {
                kind: EntityKind::Location,
                text: format!("{} County", &text[start..end]),
                start: cp_start,
                end: cp_end,
            });
        }
    }
    counties
}

/// Whether `name` is a state or country ("California counties", "U.S.
/// counties" are the counties in it).
fn names_a_state(gazetteer: &Gazetteer, name: &str) -> bool {
    gazetteer
        .resolve(&name_key(name), &[])
        .is_some_and(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Country))
}

/// The byte spans of the capitalised names `before` ends with, listed
/// with commas and "and" ("Los Angeles and Orange"), last first.
fn listed_names(before: &str) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    let mut end = before.len();
    while names.len() < MAX_NAMES {
        let start = name_start(&before[..end]);
        if start == end {
            break;
        }
        names.push((start, end));
        let Some(sep) = SEPARATORS.iter().find(|s| before[..start].ends_with(*s)) else {
            break;
        };
        end = start - sep.len();
    }
    names
}

/// Where the run of capitalised words `s` ends with begins (`s.len()` if
/// it ends with none); a weekday or month is no part of it ("on Monday
/// Fresno and Kern counties").
fn name_start(s: &str) -> usize {
    let (mut start, mut head_end) = (s.len(), s.len());
    loop {
        let head = &s[..head_end];
        let begin = head.rfind(' ').map_or(0, |i| i + 1);
        let word = &head[begin..];
        let capitalised = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            && !is_calendar_word(word);
        if !capitalised {
            return start;
        }
        start = begin;
        if begin == 0 {
            return 0;
        }
        head_end = begin - 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn names_listed_before_counties_are_counties() {
        let x = Extractor::bundled().extract(
            "Floods hit Androscoggin, Franklin, Kennebec and Oxford counties in Maine on \
             Monday. Rain fell in Los Angeles and Orange counties. Minor Counties lost. \
             Many California counties voted.",
        );
        let has = |name: &str| x.locations.iter().any(|l| l == name);
        let counties = [
            "Androscoggin County",
            "Franklin County",
            "Kennebec County",
            "Oxford County",
            "Los Angeles County",
            "Orange County",
        ];
        assert!(counties.iter().all(|c| has(c)), "{:?}", x.locations);
        let others = [
            "Oxford",
            "Orange",
            "Los Angeles",
            "Minor County",
            "California County",
        ];
        assert!(!others.iter().any(|c| has(c)), "{:?}", x.locations);
        assert!(has("Maine"), "{:?}", x.locations);
    }
}
