//! Offices and state words around a name that say which place it is:
//! "the mayor of Denver" and "Seattle Mayor Jenny Durkan" name places,
//! "the Senator from New York", "New York Governor Andrew Cuomo" and "New
//! York State" the region rather than the city of that name, as does a
//! lawmaker's place ("Democrat Jerrold Nadler of New York"); what follows
//! "the capital of" is a place. Split from `place_context`, which reads
//! them.

use super::context::last_word;
use super::cue_words::{CAPITAL_KINDS, OFFICES_OF_PLACES, OFFICES_OF_REGIONS};
use super::WordList;

/// Whether `before` ends with "the capital of " or "<kind> capital of "
/// ("the provincial capital of "), or the same without "of" ("the state
/// capital Morelia", "the island capital Ajaccio"): what follows is a
/// place. Not a firm's capital: "pct of the capital of Himont", "the
/// issued capital of Monier Ltd", "for working capital, Evans said", whose
/// word before "capital" is no kind of seat (and a comma may end the
/// clause).
pub(super) fn after_capital_of(before: &str) -> bool {
    let Some(rest) = before
        .strip_suffix(" capital of ")
        .or_else(|| before.strip_suffix(" capital "))
    else {
        return false;
    };
    let kind = last_word(rest);
    if kind == "the" || kind == "The" {
        let rest = rest[..rest.len() - kind.len()].trim_end_matches(' ');
        return last_word(rest) != "of";
    }
    CAPITAL_KINDS.contains(kind)
}

/// Whether `before` ends with "<office> of ": "the mayor of ".
pub(super) fn after_office_of_a_place(before: &str) -> bool {
    before
        .strip_suffix(" of ")
        .is_some_and(|rest| OFFICES_OF_PLACES.contains(last_word(rest)))
}

/// Whether `before` ends with "<Office of a region> from|for|of ",
/// capitalised ("a sales representative for MarkitStar" is no office).
pub(super) fn after_office_of_a_region(before: &str) -> bool {
    [" from ", " for ", " of "].iter().any(|link| {
        before.strip_suffix(link).is_some_and(|rest| {
            let office = last_word(rest);
            office.starts_with(char::is_uppercase) && OFFICES_OF_REGIONS.contains(office)
        })
    })
}

/// The office that `after` opens with, capitalised, before a capitalised
/// word: " Mayor Jenny", " Governor Andrew" ("Seattle mayoral race" and
/// "Barcelona President" name no office of a place).
pub(super) fn office_before_a_name(after: &str) -> Option<&str> {
    let mut words = after.strip_prefix(' ')?.split(' ');
    let office = words.next()?.trim_end_matches('.');
    let name_follows = words.next()?.starts_with(char::is_uppercase);
    (office.starts_with(char::is_uppercase)
        && name_follows
        && (OFFICES_OF_PLACES.contains(office) || OFFICES_OF_REGIONS.contains(office)))
    .then_some(office)
}

/// Whether `after` opens with "State" or "state" that the tagger left
/// out of a region's name: "New York State and Quebec", "a New York
/// State law" (not "Ohio State University", a name of its own).
pub(super) fn before_state(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(" State")
        .or_else(|| after.strip_prefix(" state"))
    else {
        return false;
    };
    !rest.starts_with(char::is_alphanumeric)
        && !rest
            .strip_prefix(' ')
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Whether `before_person`, the words before a person named "of" a place,
/// call that person a lawmaker or governor, whose place is a region:
/// "Democratic committee chairman Jerrold Nadler of New York", "Sens.
/// Patrick Moynihan of New York" (the state). Not a mayor's, a city's.
pub(super) fn lawmaker_before(before_person: &str) -> bool {
    let words = before_person.split_whitespace().rev().take(3);
    let mut words = words.map(|w| w.trim_end_matches(['.', ',']));
    words.any(|w| {
        w.starts_with(char::is_uppercase)
            && (LAWMAKER_WORDS.contains(w) || OFFICES_OF_REGIONS.contains(w))
    })
}

/// Titles and parties that stand before a lawmaker's name.
static LAWMAKER_WORDS: WordList = WordList::new(&[
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "democrat",
    "democratic",
    "republican",
    "senators",
]);

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::super::*;
    use crate::Extractor;
    use EntityKind::*;

    #[test]
    fn a_lawmakers_place_is_the_state_a_mayors_the_city() {
        let x = Extractor::bundled()
            .extract("Democratic committee chairman Jerrold Nadler of New York spoke first.");
        assert_eq!(x.locations, ["New York"]);
        let x = Extractor::bundled().extract("Mayor Bill de Blasio of New York spoke first.");
        assert_eq!(x.locations, ["New York City"]);
        // A state named like a country, beside the United States.
        let x = Extractor::bundled().extract(
            "The United States House voted. Republican committee member Doug Collins of \
             Georgia disagreed, as did lawmakers from the United States Senate in the United \
             States.",
        );
        let georgia = x.locations.iter().position(|l| l == "Georgia").unwrap();
        assert_eq!(
            x.places[x.places.iter().position(|p| p == "Georgia").unwrap() + 1],
            "United States"
        );
        assert_eq!(x.geonames_ids[georgia], Some(4197000), "{x:?}");
    }

    #[test]
    fn the_capital_of_a_name_is_a_place_but_a_firms_capital_is_not() {
        let text = "The quake struck north of Tandag City, the capital of Surigao del Sur. \
                    Gillette bought 51.2 pct of the capital of Waterman Corp. Troops left \
                    the state capital Morelia. It is for working capital, Evans said.";
        let surfaces = [
            (Location, "Tandag City"),
            (Person, "Surigao del Sur"),
            (Organization, "Gillette"),
            (Organization, "Waterman Corp"),
            (Organization, "Morelia"),
            (Organization, "Evans"),
        ];
        let c = canonicalize(text, &mentions_of(text, &surfaces), Gazetteer::bundled());
        assert_eq!(c.locations, ["Tandag", "Surigao del Sur", "Morelia"]);
        assert_eq!(c.organizations, ["Gillette", "Waterman Corp", "Evans"]);
        assert!(c.persons.is_empty(), "{:?}", c.persons);
    }
}
