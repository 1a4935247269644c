//! Document-level type consistency: one name, one kind per article.
//!
//! The tagger decides each mention from its neighbourhood, so one entity
//! can come out as a person in one sentence and an organization in the
//! next ("Sharaa, who led the rebel offensive" next to "Sharaa emphasized
//! respect"). Here every mention of an article is given the kind the
//! article as a whole supports, before any name is linked:
//!
//! 1. A mention whose name is a full person name of the article, or a part
//!    of one that keeps its surname ("Sharaa", "al-Sharaa", "Assad" next to
//!    "Ahmed al-Sharaa" and "Bashar al-Assad"), is that person.
//! 2. An organization named exactly like a country is that country.
//! 3. Otherwise the mentions of one name take the kind most of them have;
//!    a tie keeps each as tagged, and so does a mention in capitals: a
//!    dateline ("NEW YORK") is a place even where the body's "New York"
//!    is the baseball team.
//!
//! Mentions are only ever moved between the three kinds; none is added or
//! dropped.

use std::collections::HashMap;

use super::super::gazetteer::{name_key, strip_possessive, Gazetteer, PlaceKind};
use super::super::EntityKind;
use super::persons::{core_words, is_subsequence};

/// The kind each mention should have, given the tagger's `kinds` and the
/// `cleaned` text of each mention (in the same order).
pub(super) fn consistent_kinds(
    kinds: &[EntityKind],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) -> Vec<EntityKind> {
    // Possessives aside: an organization keeps "al-Sharaa's" whole when
    // no bare "al-Sharaa" is around, yet it names the same person.
    let keys: Vec<String> = cleaned
        .iter()
        .map(|c| name_key(strip_possessive(c)))
        .collect();
    let cores: Vec<Vec<&str>> = keys.iter().map(|k| core_words(k)).collect();
    // Full names: persons of two or more words (particles aside).
    let mut full: Vec<&[&str]> = kinds
        .iter()
        .zip(&cores)
        .filter(|(k, c)| **k == EntityKind::Person && c.len() >= 2)
        .map(|(_, c)| c.as_slice())
        .collect();
    full.sort_unstable();
    full.dedup();
    let mut out: Vec<EntityKind> = kinds
        .iter()
        .zip(&cores)
        .map(|(&kind, core)| {
            let part_of_person = |f: &&[&str]| {
                !core.is_empty() && core.last() == f.last() && is_subsequence(core, f)
            };
            if kind != EntityKind::Person && full.iter().any(part_of_person) {
                EntityKind::Person
            } else {
                kind
            }
        })
        .collect();
    // An organization named exactly like a country is the country: CoNLL
    // labels national teams as places too, and "Philippines" tagged ORG in
    // a headline is the country. Cities and regions stay: "Chicago" and
    // "Colorado" are sports teams as often as places (on CoNLL dev, moving
    // them broke 22 mentions and fixed 2), and persons stay ("Jordan").
    for (i, kind) in out.iter_mut().enumerate() {
        if *kind == EntityKind::Organization
            && kinds[i] == EntityKind::Organization
            && !gazetteer.is_risky(&cleaned[i])
            && gazetteer
                .resolve(&cleaned[i], &[])
                .is_some_and(|p| p.kind == PlaceKind::Country)
        {
            *kind = EntityKind::Location;
        }
    }
    // Majority per name.
    let mut votes: HashMap<&str, [u32; 3]> = HashMap::new();
    for (key, kind) in keys.iter().zip(&out) {
        if !key.is_empty() {
            votes.entry(key.as_str()).or_default()[index(*kind)] += 1;
        }
    }
    for ((key, kind), c) in keys.iter().zip(out.iter_mut()).zip(cleaned) {
        let Some(v) = votes.get(key.as_str()) else {
            continue;
        };
        if is_shouted(c) {
            continue;
        }
        let best = (0..3).max_by_key(|&i| v[i]).unwrap_or(0);
        if v.iter().enumerate().all(|(i, &n)| i == best || n < v[best]) {
            *kind = KINDS[best];
        }
    }
    out
}

/// Whether a name is written in capitals (two letters or more, no
/// lowercase): headlines and datelines.
fn is_shouted(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// Seats of government that news names for the government itself ("the
/// Kremlin said"), as name keys. CoNLL tags them as places, so mentions
/// keep that kind; a facet of places is no place for them.
const SEATS_OF_GOVERNMENT: &[&str] = &[
    "kremlin",
    "white house",
    "pentagon",
    "elysee",
    "elysee palace",
    "downing street",
    "whitehall",
    "zhongnanhai",
    "blue house",
    "quai d orsay",
];

/// The facet a mention of `kind` whose cleaned text is `cleaned` goes to.
pub(super) fn facet_kind(kind: EntityKind, cleaned: &str) -> EntityKind {
    if kind == EntityKind::Location && SEATS_OF_GOVERNMENT.contains(&name_key(cleaned).as_str()) {
        EntityKind::Organization
    } else {
        kind
    }
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Location,
    EntityKind::Organization,
];

fn index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Location => 1,
        EntityKind::Organization => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn kinds_of(ms: &[(EntityKind, &str)]) -> Vec<EntityKind> {
        let kinds: Vec<EntityKind> = ms.iter().map(|m| m.0).collect();
        let cleaned: Vec<String> = ms.iter().map(|m| m.1.to_owned()).collect();
        consistent_kinds(&kinds, &cleaned, Gazetteer::bundled())
    }

    #[test]
    fn parts_of_a_full_person_name_are_that_person() {
        assert_eq!(
            kinds_of(&[
                (Person, "Ahmed al-Sharaa"),
                (Organization, "al-Sharaa"),
                (Organization, "Sharaa"),
                (Location, "Assad"),
                (Person, "Bashar al-Assad"),
                (Organization, "Bashar al-Assad"),
                (Location, "Moscow"),
                // A first name alone is not enough: "Ahmed" could be anyone.
                (Location, "Ahmed"),
            ]),
            [Person, Person, Person, Person, Person, Person, Location, Location]
        );
    }

    #[test]
    fn organizations_named_like_countries_are_countries() {
        assert_eq!(
            kinds_of(&[
                (Organization, "Philippines"),
                (Organization, "Chicago"),
                (Person, "Jordan"),
                (Organization, "Philippine National Police"),
            ]),
            [Location, Organization, Person, Organization]
        );
    }

    #[test]
    fn the_majority_kind_of_a_name_wins_and_ties_stay() {
        assert_eq!(
            kinds_of(&[
                (Organization, "Kremlin"),
                (Location, "Kremlin"),
                (Location, "Kremlin"),
                (Organization, "Tartus"),
                (Location, "Nice"),
                (Person, "Nice"),
            ]),
            [Location, Location, Location, Organization, Location, Person]
        );
    }

    #[test]
    fn seats_of_government_are_filed_as_organizations() {
        assert_eq!(facet_kind(Location, "Kremlin"), Organization);
        assert_eq!(facet_kind(Location, "White House"), Organization);
        assert_eq!(facet_kind(Person, "Kremlin"), Person);
        assert_eq!(facet_kind(Location, "Moscow"), Location);
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(kinds_of(&[]).is_empty());
        assert_eq!(
            kinds_of(&[(Person, ""), (Location, "")]),
            [Person, Location]
        );
    }
}
