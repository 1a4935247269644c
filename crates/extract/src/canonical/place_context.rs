//! What the words around a name say about it being a place, where the
//! tagger took it for a person or an organization: "the island of Rapa
//! Nui", "Maidan Wardak province", "a base in Maidan Shahr", "from Jakarta
//! to Pangkal Pinang", "the mayor of Denver", and above all a place
//! followed by the region or country that contains it ("Koszalin,
//! Poland"; a town the gazetteer lacks after "in" or "from": "from
//! Marksville, Louisiana"), which names two places and nothing else; and
//! which names mean the region rather than the city of that name
//! ("Queens, New York", "the Senator from New York"). Also what names no
//! place though tagged one: an acronym the gazetteer lacks
//! in prose ("USPS": a body), a place's adjective ("Antarctic mountain
//! ranges"); `context` turns those into its cues.
//!
//! A name found to be a place here is a place in every mention of the
//! article ("a Florida highway" once "West Palm Beach, Florida" is read).
//! The cues after "in" and "to" move persons, and organizations only
//! where they cannot be teams: an organization there is as often a team
//! ("in Nice") or a party to something; but one the gazetteer knows listed
//! after a place after "in" is a place ("plants in Kenosha and
//! Milwaukee"), and so is a city by its own name outside sport after "in"
//! or another preposition of place, or before "'s mayor" and the like
//! ("met miners in Leeds", "outside Liverpool", "Liverpool's mayor"; over
//! Reuters-21578 fifteen place values, all right: "Merrill Lynch in
//! London", "based in Cleveland", "McMinnville and Cookville").

use super::super::cities_and_states::about_sport;
use super::super::gazetteer::{name_key, Gazetteer, Place, PlaceKind};
use super::super::{EntityKind, Mention};
use super::abbreviations::abbreviated_place;
use super::context::{is_initial, last_word, Article, Offsets};
use super::cue_words::{
    after_a_war_word, among_places_listed, travelled_to_or_from, AREA_NOUNS, CITY_PREPOSITIONS,
    COMPASS, FORMER_STATES, NOT_IN_TOWN_NAMES, NOT_PLACES_IN, OFFICES_OF_REGIONS, PLACE_NOUNS,
    PLACE_POSSESSIONS, TOWN_PREPOSITIONS,
};
use super::offices::{
    after_capital_of, after_office_of_a_place, after_office_of_a_region, before_state,
    lawmaker_before, office_before_a_name,
};
use super::places::{area_or_region_named, before_a_region_noun, names_an_area_with_its_noun};
use super::types::{is_geographic_word, is_shouted};
use super::{HashMap, WordList};

/// Which distinct mentions the context says are places (`distinct[u]` is
/// the kind of distinct mention `u`, `cleaned[u]` its text; `of[i]` maps
/// mention `i` to it).
pub(super) fn place_cues(
    article: &Article,
    distinct: &[Option<EntityKind>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) -> PlaceCues {
    let Article {
        text, mentions, of, ..
    } = *article;
    let offsets = &article.offsets;
    let mut out = vec![false; distinct.len()];
    let mut regions = vec![false; distinct.len()];
    let surnames = surname_counts(distinct, cleaned);
    // Whether the mention before this one was in a list of places after
    // "in" ("in Saqqara and Tuna el-Gebel").
    let mut in_list = false;
    // Whether the article reads as sport, asked once a city needs it.
    let sport = std::cell::OnceCell::new();
    for (i, m) in mentions.iter().enumerate() {
        let u = of[i];
        if distinct[u].is_none() {
            in_list = false;
            continue;
        }
        let Some((before, after)) = article.around(i, 80, 16) else {
            in_list = false;
            continue;
        };
        // A person right after "in", or listed after a place that is
        // ("in Saqqara and Tuna el-Gebel"), is a place the tagger did not
        // know ("a base in Maidan Shahr"), unless the name is part of
        // another person's and no place ("its closest ally in Assad", but
        // "in Washington" beside George Washington); an organization
        // there is as often a team ("in Nice"), so only persons move.
        let name = cleaned[u].as_str();
        let known_place = || gazetteer.contains(name) && !gazetteer.is_risky(name);
        // "in Bahrain and Imad Bata of Finance and Credit Corp": a person
        // of a body is no place.
        let listed = in_list
            && article.between(i - 1, i).is_some_and(joins_a_list)
            && !after.starts_with(" of ");
        let person_in = distinct[u] == Some(EntityKind::Person)
            && (in_a_place(before) || listed)
            && !after.starts_with('\'')
            && !name.split(' ').any(is_initial)
            && (surnames.get(&last_key_word(name)) == Some(&1) || known_place());
        // "officials in Atlanta and Philadelphia": a body the gazetteer
        // knows as a place, listed after a place after "in" or another
        // preposition of place ("across Manchester and Leeds").
        let body_listed = listed && distinct[u] == Some(EntityKind::Organization) && known_place();
        // "met miners in Leeds", "a bomb outside Liverpool": a city by its
        // own name after "in" or a preposition of place is the city
        // outside sport, where it names a team ("lost in Leeds"); not an
        // acronym ("in ICO regulations") or a possessive ("properties in
        // Oldham's portfolio"). After "from" or "to" only with a word of
        // travel before ("fled to Leeds"): firms stand there as often
        // ("buy from Hitachi", "sold to Gillette"). The words of travel
        // change nothing on Reuters-21578, Wikinews or CoNLL-2003.
        let at_a_place = in_a_place(before)
            || (before.ends_with(' ') && CITY_PREPOSITIONS.contains(last_word(before)))
            || travelled_to_or_from(before)
            || after_a_war_word(before)
            || among_places_listed(before);
        // "Liverpool's mayor", "Barcelona's streets": what only a place has.
        let owns_a_place_thing = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .and_then(next_lowercase_word)
            .is_some_and(|w| PLACE_POSSESSIONS.contains(w));
        let city_not_team = distinct[u] == Some(EntityKind::Organization)
            && ((at_a_place && !after.starts_with(['\'', '’'])) || owns_a_place_thing)
            && !is_shouted(&m.text)
            && known_place()
            && names_a_city(gazetteer, name)
            && !*sport.get_or_init(|| about_sport(text));
        in_list = (distinct[u] == Some(EntityKind::Location)
            || person_in
            || body_listed
            || city_not_team)
            && (at_a_place || listed);
        // "USDA county offices": an acronym before an area noun is the
        // body that runs it.
        let area = (before_area_noun(after) || before_building_noun(after)) && !is_shouted(&m.text);
        // "from Jakarta to Pangkal Pinang": a person at the end of a
        // route is a place ("between Israel and Hizbollah" is a conflict,
        // and organizations are sent things).
        let route_end = i > 0
            && distinct[of[i - 1]] == Some(EntityKind::Location)
            && distinct[u] == Some(EntityKind::Person)
            && route_between(text, offsets, &mentions[i - 1], m);
        // "mayor of Denver": a person after the title of a place's
        // office is that place, and so is an organization the gazetteer
        // knows as a place ("archbishop of Cincinnati"; not "governor of
        // the Bank of Japan").
        let office_of = after_office_of_a_place(before)
            && (distinct[u] == Some(EntityKind::Person)
                || (distinct[u] == Some(EntityKind::Organization) && known_place()));
        // "Seattle Mayor Jenny Durkan", "New York Governor Andrew Cuomo":
        // the place whose office a name holds; a region for a region's
        // office. Only a place the gazetteer knows and no ordinary word
        // ("Acme Governor", "Bank Governor Kombo Moyana" no).
        let office = office_before_a_name(after);
        let holds_office = office.is_some() && known_place() && !is_shouted(&m.text);
        if after_place_noun(before)
            || area
            || person_in
            || body_listed
            || city_not_team
            || route_end
            || office_of
            || holds_office
            || between_a_place_and_its_country(article, i, distinct, cleaned, gazetteer)
            || names_an_area_with_its_noun(gazetteer, name)
            || (in_a_place(before) && is_english_county(name))
        {
            out[u] = true;
        }
        // "the junior Senator from New York": the state, not the city.
        let region_office = office.is_some_and(|o| OFFICES_OF_REGIONS.contains(o));
        let lawmakers_place = i > 0
            && distinct[of[i - 1]] == Some(EntityKind::Person)
            && article.between(i - 1, i) == Some(" of ")
            && article
                .around(i - 1, 40, 0)
                .is_some_and(|(b, _)| lawmaker_before(b));
        if (after_office_of_a_region(before)
            || region_office
            || lawmakers_place
            || before_state(after)
            || before_a_region_noun(after))
            && area_or_region_named(gazetteer, name).is_some()
        {
            regions[u] = true;
        }
        // "Marksville, Louisiana": the next mention, after a comma, is a
        // region or country that contains this one, a small town too
        // ("The tornado hit Mayfield, Kentucky": on Reuters-21578, 11
        // article facets, all right: "Chibougamau, Quebec" no longer the
        // city of Québec, "Crosby, Tex.", "Greenwich, Conn"). Not in a dateline
        // ("NICE, France"): a dateline is a place already, and the same
        // name in the story is often the city's team.
        let Some(next) = mentions.get(i + 1) else {
            continue;
        };
        let v = of[i + 1];
        let (Some(e), Some(nb)) = (offsets.byte(m.end), offsets.byte(next.start)) else {
            continue;
        };
        // A town the gazetteer lacks counts after a preposition of place:
        // "the children were all from Marksville, Louisiana".
        let unknown_town = || {
            !gazetteer.contains(&cleaned[u])
                && may_name_a_town(&cleaned[u])
                && TOWN_PREPOSITIONS.contains(last_word(before))
                && region_or_country(gazetteer, &cleaned[v]).is_some()
        };
        if distinct[v].is_some()
            && !is_shouted(&m.text)
            && text.get(e..nb) == Some(", ")
            && (contains(gazetteer, &cleaned[v], &cleaned[u]) || unknown_town())
        {
            out[u] = true;
            out[v] = true;
            regions[v] = true;
        }
    }
    PlaceCues {
        placed: out,
        regions,
    }
}

/// Whether mention `i` stands between a place and a region or country,
/// commas apart ("Reading, Berkshire, UK"): the county or district the
/// place lies in, which the tagger took for a team or a person. Only a
/// name the gazetteer lacks that may be a town's (no "Co" or "Bank").
fn between_a_place_and_its_country(
    article: &Article,
    i: usize,
    distinct: &[Option<EntityKind>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) -> bool {
    let Article { mentions, of, .. } = *article;
    let (u, name) = (of[i], &cleaned[of[i]]);
    i > 0
        && i + 1 < mentions.len()
        && distinct[u] != Some(EntityKind::Location)
        && distinct[of[i - 1]] == Some(EntityKind::Location)
        && distinct[of[i + 1]].is_some()
        && article.between(i - 1, i) == Some(", ")
        && article.between(i, i + 1) == Some(", ")
        && !is_shouted(&mentions[i].text)
        && !gazetteer.contains(name)
        && may_name_a_town(name)
        && region_or_country(gazetteer, &cleaned[of[i + 1]]).is_some()
}

/// What the words around the article's distinct mentions say of them, by
/// distinct mention: whether each is a place, and whether it is named as
/// the region or country containing another ("Queens, New York": the
/// state; "Seattle, Washington") or as the state of an office ("Senator
/// from New York").
pub(super) struct PlaceCues {
    pub placed: Vec<bool>,
    pub regions: Vec<bool>,
}

/// Whether a name the gazetteer lacks may be a town's: three words at most
/// and none that companies, courts and schools are named with ("Taiwan
/// Power Co, Taiwan", "Polyco of Cincinnati, Ohio", "Christchurch District
/// Court").
fn may_name_a_town(name: &str) -> bool {
    let key = name_key(name);
    key.split(' ').count() <= 3 && !key.split(' ').any(|w| NOT_IN_TOWN_NAMES.contains(w))
}

/// Whether `before` ends with "<place noun> of ": "the island of ", or
/// with a seat of government's "capital of " (`offices::after_capital_of`).
fn after_place_noun(before: &str) -> bool {
    before
        .strip_suffix(" of ")
        .is_some_and(|rest| PLACE_NOUNS.contains(last_word(rest)))
        || after_capital_of(before)
}

/// Whether `from` and `to` are the two ends of a route in `text`: "from
/// <from> to <to>".
fn route_between(text: &str, offsets: &Offsets, from: &Mention, to: &Mention) -> bool {
    let (Some(b), Some(e), Some(tb)) = (
        offsets.byte(from.start),
        offsets.byte(from.end),
        offsets.byte(to.start),
    ) else {
        return false;
    };
    text.get(e..tb) == Some(" to ") && text[..b].ends_with("from ")
}

/// Whether `before` ends with "in " after a word that puts places there,
/// not a stake, an interest or a belief ("a stake in Shearson Lehman").
fn in_a_place(before: &str) -> bool {
    before
        .strip_suffix(" in ")
        .is_some_and(|rest| !NOT_PLACES_IN.contains(last_word(rest)))
}

/// Whether `name` is the own name of the city it means.
fn names_a_city(gazetteer: &Gazetteer, name: &str) -> bool {
    gazetteer
        .resolve(name, &[])
        .is_some_and(|p| p.kind == PlaceKind::City && gazetteer.is_own_name(name, p))
}

/// Whether `name` is one word ending in "shire", as English counties are
/// named: after "in" it is the county ("living in Staffordshire"), which a
/// tagger taught by CoNLL's cricket reports takes for the county's team.
fn is_english_county(name: &str) -> bool {
    !name.contains(' ') && name.len() > 5 && name.ends_with("shire")
}

/// Whether the text between two mentions ends a list: " and ", ", and ".
/// Not ", " alone: "In Tokyo, Henry Wang said" is no list.
fn joins_a_list(between: &str) -> bool {
    matches!(between, " and " | ", and ")
}

/// The last words of the article's persons (`distinct` kinds, `cleaned`
/// names), with how many of its person names end so.
pub(super) fn surname_counts(
    distinct: &[Option<EntityKind>],
    cleaned: &[String],
) -> HashMap<String, u32> {
    let mut surnames: HashMap<String, u32> = HashMap::default();
    for (kind, c) in distinct.iter().zip(cleaned) {
        if *kind == Some(EntityKind::Person) {
            *surnames.entry(last_key_word(c)).or_default() += 1;
        }
    }
    surnames
}

/// The last word of a name's key ("assad" of "Bashar al-Assad").
pub(super) fn last_key_word(name: &str) -> String {
    let key = name_key(name);
    key.rsplit(' ').next().unwrap_or_default().to_owned()
}

/// Lower-case nouns of buildings that, after a name, say it names the
/// building ("Notre Dame cathedral", "Kansai airport"). Not "church": "the
/// Mormon church" is a body.
static BUILDING_NOUNS: WordList = WordList::new(&[
    "cathedral",
    "basilica",
    "mosque",
    "synagogue",
    "temple",
    "shrine",
    "airport",
    "stadium",
    "palace",
    "castle",
]);

/// The lower-case word `after` starts with, after one space: the noun a
/// name may go before ("Maidan Wardak province", "Notre Dame cathedral",
/// "Antarctic mountain ranges").
pub(crate) fn next_lowercase_word(after: &str) -> Option<&str> {
    let word = after
        .strip_prefix(' ')?
        .split(|c: char| !c.is_alphanumeric())
        .next()?;
    word.starts_with(char::is_lowercase).then_some(word)
}

/// Whether the words beside a name say it is a place: "the island of X",
/// "X province", "X island".
pub(crate) fn beside_a_place_noun(before: &str, after: &str) -> bool {
    after_place_noun(before)
        || next_lowercase_word(after).is_some_and(|w| {
            AREA_NOUNS.contains(w) || PLACE_NOUNS.contains(w) || is_geographic_word(w)
        })
}

/// Whether `after` starts with a lower-case building noun ([`BUILDING_NOUNS`]).
fn before_building_noun(after: &str) -> bool {
    next_lowercase_word(after).is_some_and(|w| BUILDING_NOUNS.contains(w))
}

/// Whether `after` starts with a lower-case area noun: "Maidan Wardak
/// province", "the Sulu region".
fn before_area_noun(after: &str) -> bool {
    next_lowercase_word(after).is_some_and(|w| AREA_NOUNS.contains(w))
}

/// Whether the gazetteer has a place or small town named `inner` inside
/// the region or country named `outer` (which may lead with a compass word: "North
/// Poland").
fn contains(gazetteer: &Gazetteer, outer: &str, inner: &str) -> bool {
    let Some(outer) = region_or_country(gazetteer, outer) else {
        return false;
    };
    let inside = |p: &Place| {
        p.name != outer.name
            && (p.admin1.as_deref() == Some(outer.name.as_str()) || *p.country == *outer.name)
    };
    gazetteer.lookup(inner).into_iter().any(inside)
        || gazetteer
            .town_in(inner, &[outer], true)
            .is_some_and(|t| inside(&t))
}

/// The region or country `name` means, compass word aside, or abbreviates
/// ("Calif.").
fn region_or_country<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Place> {
    let is_area = |p: &&Place| matches!(p.kind, PlaceKind::Region | PlaceKind::Country);
    if let Some(p) = abbreviated_place(gazetteer, &name_key(name)).filter(is_area) {
        return Some(p);
    }
    gazetteer
        .resolve(name, &[])
        .filter(is_area)
        .or_else(|| area_named(gazetteer, name))
        .or_else(|| {
            gazetteer
                .resolve(without_compass(name)?, &[])
                .filter(is_area)
        })
}

/// The most populous region or country whose own name is `name`, where
/// the name more often means a city ("New York", "Washington").
pub(super) fn area_named<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Place> {
    let key = name_key(name);
    gazetteer
        .lookup(name)
        .into_iter()
        .filter(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Country))
        .filter(|p| name_key(&p.name) == key)
        .max_by_key(|p| p.population)
}

/// `name` without a leading compass word ("North Poland" → "Poland"), if
/// it has one and more words follow and is no former state ("West
/// Germany").
pub(crate) fn without_compass(name: &str) -> Option<&str> {
    let (first, rest) = name.split_once(' ')?;
    (COMPASS.contains(first) && !FORMER_STATES.contains(&name_key(name))).then_some(rest)
}

/// Adjectives of places that the tagger reads as places: "Antarctic" is
/// Antarctica's, and the name of no place but "the Antarctic".
const PLACE_ADJECTIVES: &[&str] = &["Antarctic", "Atlantic", "Pacific"];

/// Which distinct location mentions are [`PLACE_ADJECTIVES`] used as
/// adjectives every time ("Antarctic mountain ranges", not "in the
/// Antarctic").
pub(super) fn place_adjectives(article: &Article, distinct: &[Option<EntityKind>]) -> Vec<bool> {
    let mut uses: Vec<(bool, bool)> = vec![(false, false); distinct.len()];
    for (i, m) in article.mentions.iter().enumerate() {
        let u = article.of[i];
        if distinct[u] != Some(EntityKind::Location) || !PLACE_ADJECTIVES.contains(&m.text.as_str())
        {
            continue;
        }
        let after = article
            .offsets
            .byte(m.end)
            .and_then(|e| article.text.get(e..(e + 40).min(article.text.len())))
            .unwrap_or_default();
        let adjective = before_a_noun(after);
        uses[u] = (uses[u].0 || adjective, uses[u].1 || !adjective);
    }
    uses.into_iter()
        .map(|(adjective, noun)| adjective && !noun)
        .collect()
}

/// Whether `after` starts with a space and a lower-case word that is no
/// function word: the noun an adjective goes with ("mountain ranges"),
/// not "and", "by" or "is" after a noun.
pub(crate) fn before_a_noun(after: &str) -> bool {
    next_lowercase_word(after).is_some_and(|w| !FUNCTION_WORDS.contains(w))
}

/// Lower-case words that follow a noun, not an adjective.
static FUNCTION_WORDS: WordList = WordList::new(&[
    "and", "or", "but", "by", "in", "on", "at", "to", "of", "for", "from", "with", "as", "is",
    "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "that", "which",
]);

#[cfg(test)]
#[path = "place_context_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "place_context_building_tests.rs"]
mod building_tests;

#[cfg(test)]
#[path = "place_context_word_tests.rs"]
mod word_tests;
