//! Applying what the context says ([`super::context::cues`], and
//! [`super::place_context`]'s places) to the kind of each distinct mention,
//! and the organization words at a name's ends
//! that outweigh the tagger: "Marco Rubio of Florida" makes no
//! organization of Florida, "Thai Raksa Chart" beside "Thai Raksa Chart
//! Party" is the party.

use super::super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::super::EntityKind;
use super::context::{is_initial, Cue};
use super::cue_words::{
    is_former_state, ORGANIZATION_HEADS, ORGANIZATION_TAILS, PERSON_ONLY_TAILS,
};
use super::persons::PARTICLES;
use super::place_context::without_compass;
use super::HashSet;

/// Applies the `cues` to the `kinds` of the distinct mentions (their
/// `cleaned` text alongside), and the organization words that end a name
/// or, in languages that put the head first, start it:
/// a work or vessel names nothing; a person becomes an organization; so
/// does a place, unless the gazetteer knows it ("Marco Rubio of Florida").
pub(super) fn heed(
    kinds: &mut [Option<EntityKind>],
    cues: &[Option<Cue>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) {
    for ((kind, cue), c) in kinds.iter_mut().zip(cues).zip(cleaned) {
        let Some(k) = *kind else { continue };
        let last = c.rsplit(' ').next().unwrap_or_default();
        let first = c.split(' ').next().unwrap_or_default();
        let org_tail = c.contains(' ')
            && match k {
                EntityKind::Person => {
                    ORGANIZATION_TAILS.contains(last)
                        || PERSON_ONLY_TAILS.contains(last)
                        || ORGANIZATION_HEADS.contains(first)
                        || names_a_team(c)
                }
                EntityKind::Location => {
                    ORGANIZATION_TAILS.contains(last)
                        || (ORGANIZATION_HEADS.contains(first) && !gazetteer.contains(c))
                        || names_a_team(c)
                }
                EntityKind::Organization => false,
            };
        *kind = match cue {
            Some(Cue::Nothing) => None,
            // "Munich, West Germany, a high technology concern": the
            // description is of the name before the place.
            Some(Cue::Organization)
                if k == EntityKind::Location
                    && (gazetteer.contains(c) || is_former_state(&name_key(c))) =>
            {
                *kind
            }
            // A middle initial is a person's ("publisher Lewis D. Whitehead").
            Some(Cue::Organization) if k == EntityKind::Person && has_middle_initial(c) => *kind,
            Some(Cue::Organization) => Some(EntityKind::Organization),
            Some(Cue::Person) if is_person_shaped(c) && !gazetteer.contains(c) => {
                Some(EntityKind::Person)
            }
            Some(Cue::Head) if is_person_shaped(c) && !names_a_large_place(c, gazetteer) => {
                Some(EntityKind::Person)
            }
            Some(Cue::Person | Cue::Head) | None if org_tail => Some(EntityKind::Organization),
            Some(Cue::Person | Cue::Head) | None => *kind,
        };
    }
    short_forms_of_organizations(kinds, cleaned, gazetteer);
}

/// Whether a name of several words has "Team" among them, as cycling and
/// motor racing name their teams ("Team Visma", "UAE Team Emirates"): an
/// organization, which the tagger reads as a person or a place.
fn names_a_team(cleaned: &str) -> bool {
    cleaned.split(' ').any(|w| w == "Team")
}

/// Makes organizations of the persons and places that are an organization
/// of the article less its organization word ("Thai Raksa Chart" beside
/// "Thai Raksa Chart Party"), unless the gazetteer knows them as places
/// ("Florida" beside "Florida Highway Patrol" stays). The one-word persons
/// that begin or end such a name go with it ("Hudson" once "Dayton
/// Hudson" is the retailer of "Dayton Hudson Corp"), unless a person of
/// the article still has that word.
fn short_forms_of_organizations(
    kinds: &mut [Option<EntityKind>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) {
    // By key: the headline's "CHRYSLER" is the body's "Chrysler".
    let stems: HashSet<String> = kinds
        .iter()
        .zip(cleaned)
        .filter(|(k, _)| **k == Some(EntityKind::Organization))
        .filter_map(|(_, c)| {
            let (stem, last) = c.rsplit_once(' ')?;
            ORGANIZATION_TAILS.contains(last).then(|| name_key(stem))
        })
        .collect();
    if stems.is_empty() {
        return;
    }
    let keys: Vec<String> = cleaned.iter().map(|c| name_key(c)).collect();
    let mut ends: Vec<String> = Vec::new();
    for ((kind, c), key) in kinds.iter_mut().zip(cleaned).zip(&keys) {
        let person_or_place = matches!(kind, Some(EntityKind::Person | EntityKind::Location));
        if person_or_place && stems.contains(key) && !gazetteer.contains(c) {
            if *kind == Some(EntityKind::Person) {
                if let (Some((first, _)), Some((_, last))) =
                    (key.split_once(' '), key.rsplit_once(' '))
                {
                    ends.extend([first.to_owned(), last.to_owned()]);
                }
            }
            *kind = Some(EntityKind::Organization);
        }
    }
    if ends.is_empty() {
        return;
    }
    let of_a_person = |w: &str| {
        kinds.iter().zip(&keys).any(|(k, key)| {
            *k == Some(EntityKind::Person) && key.contains(' ') && key.split(' ').any(|x| x == w)
        })
    };
    let parts: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == Some(EntityKind::Person) && !keys[i].contains(' '))
        .filter(|&i| ends.contains(&keys[i]) && !of_a_person(&keys[i]))
        .collect();
    for i in parts {
        kinds[i] = Some(EntityKind::Organization);
    }
}

/// Whether the gazetteer knows `name` as a country, a first-level region
/// or a city of a million people or more: a title or an administration
/// before it does not outweigh that ("the Washington administration" is
/// rare beside the state). A smaller place does not stand in a
/// president's way: the town of Obama, Japan (29,000 people) in "President
/// Obama", "the Obama administration".
fn names_a_large_place(name: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer.lookup(name).iter().any(|p| {
        matches!(p.kind, PlaceKind::Country | PlaceKind::Region) || p.population >= 1_000_000
    })
}

/// Whether a name of three words or more has an initial inside ("Lewis
/// D. Whitehead").
fn has_middle_initial(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() >= 3 && words[1..words.len() - 1].iter().any(|w| is_initial(w))
}

/// Whether `name` is written like a person's name: capitalised words
/// and name particles ("Ziad al-Sharabi"), none an organization word;
/// not "Bank of England".
fn is_person_shaped(name: &str) -> bool {
    name.split(' ').all(|w| {
        let lead = w.split('-').next().unwrap_or_default();
        (w.starts_with(char::is_uppercase) || PARTICLES.contains(lead))
            && !ORGANIZATION_TAILS.contains(w)
    })
}

/// Moves the mentions the context says are places (`placed`) to places,
/// and with them every mention of the same name in the article, compass
/// word aside.
pub(super) fn heed_places(kinds: &mut [Option<EntityKind>], placed: &[bool], cleaned: &[String]) {
    // "North Poland" places "Poland" too.
    let keys: HashSet<String> = placed
        .iter()
        .zip(cleaned)
        .zip(kinds.iter())
        .filter(|((p, _), k)| **p && k.is_some())
        .flat_map(|((_, c), _)| {
            let key = name_key(c);
            let rest = without_compass(&key).map(str::to_owned);
            [Some(key), rest]
        })
        .flatten()
        .collect();
    if keys.is_empty() {
        return;
    }
    for (kind, c) in kinds.iter_mut().zip(cleaned) {
        if kind.is_some() && keys.contains(&name_key(c)) {
            *kind = Some(EntityKind::Location);
        }
    }
}
