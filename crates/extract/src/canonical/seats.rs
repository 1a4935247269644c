//! Seats of government an article names as locations ("outside the White
//! House", "in Whitehall") rather than as the government they stand for
//! ("the Kremlin said"): the facets file the first under places and the
//! second under organizations. Likewise buildings taken for organizations
//! ("died at Holy Cross Hospital", "held at Corcoran State Prison") or for
//! persons ("on Wellhouse Lane", "at Chamundi Temple"): the guideline
//! labels a building or street used as a location a place. A seat of
//! government, hospital or court district otherwise tagged as a place goes
//! to organizations ([`facet_kind`]).

use super::super::EntityKind;
use super::context::{last_word, Article};
use super::types::is_institution;
use super::{HashMap, HashSet, WordList};

/// Seats of government that news names for the government itself ("the
/// Kremlin said"), as name keys. CoNLL tags them as places, so mentions
/// keep that kind; a facet of places is no place for them.
static SEATS_OF_GOVERNMENT: WordList = WordList::new(&[
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
]);

/// Whether a name key is a seat of government ("white house").
pub(super) fn is_seat_of_government(key: &str) -> bool {
    SEATS_OF_GOVERNMENT.contains(key)
}

/// Whether a name key is a US federal court's district ("southern
/// district of new york"): the court or its prosecutors, which news names
/// by the district alone ("prosecutors in the Southern District of New
/// York"), not an area anyone lives in.
fn is_court_district(key: &str) -> bool {
    const SIDES: [&str; 6] = [
        "northern", "southern", "eastern", "western", "middle", "central",
    ];
    key.split_once(" district of ")
        .is_some_and(|(side, state)| SIDES.contains(&side) && !state.is_empty())
}

/// The facet a mention of `kind` whose cleaned text has the name key `key`
/// goes to: seats of government, hospitals and court districts tagged as
/// places go to organizations.
pub(super) fn facet_kind(kind: EntityKind, key: &str) -> EntityKind {
    if kind == EntityKind::Location
        && (SEATS_OF_GOVERNMENT.contains(key)
            || (key.contains(' ') && is_institution(key))
            || is_court_district(key))
    {
        EntityKind::Organization
    } else {
        kind
    }
}

/// The name keys of the seats of government that `article` names as
/// locations ("outside the White House", "the south lawn of the White
/// House", "in Whitehall") more often than as the government ("the
/// Kremlin said"): the facets keep those places (`distinct` and `keys` as
/// in `place_context::place_cues`). "The meeting, held at the Kremlin" beside "the
/// Kremlin has not signaled" leaves the Kremlin an organization.
pub(super) fn seats_named_as_places(
    article: &Article,
    distinct: &[Option<EntityKind>],
    keys: &[String],
) -> HashSet<String> {
    let is_seat =
        |u: usize| distinct[u] == Some(EntityKind::Location) && is_seat_of_government(&keys[u]);
    located_uses(article, keys, &LOCATIVES, is_seat)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Last words of buildings' names ("Holy Cross Hospital", "Grand Central
/// Terminal", "Blenheim Palace"). Not "center", "centre" or "facility"
/// alone: "researchers at the Center for Biological Diversity" work for
/// it, and "chief executive at Asbestos Claims Facility" for that (see
/// [`BUILDING_TAILS`]).
#[rustfmt::skip]
static BUILDING_WORDS: WordList = WordList::new(&[
    "hospital", "prison", "penitentiary", "jail", "terminal", "station", "palace", "theatre",
    "theater", "mall", "hotel", "tavern", "lodge", "arena", "cathedral", "temple", "tower",
    "complex", "headquarters",
]);

/// Last two words of buildings' names ("Mesquite Convention Center",
/// "Richard J. Donovan Correctional Facility").
#[rustfmt::skip]
static BUILDING_TAILS: WordList = WordList::new(&[
    "convention center", "convention centre", "exhibition center", "exhibition centre",
    "shopping center", "shopping centre", "medical center", "medical centre",
    "correctional facility", "detention facility",
]);

/// Whether a name key names a building ([`BUILDING_WORDS`],
/// [`BUILDING_TAILS`]). A space station is none: it is no Earth-bound
/// place ("docked to the International Space Station").
fn is_building_name(key: &str) -> bool {
    let mut spaces = key.rmatch_indices(' ').map(|(at, _)| at);
    let Some(last) = spaces.next() else {
        return false;
    };
    let tail = spaces.next().map_or(key, |at| &key[at + 1..]);
    (BUILDING_WORDS.contains(&key[last + 1..]) || BUILDING_TAILS.contains(tail))
        && tail != "space station"
}

/// Last words of the names of streets, squares, parks and quarters that
/// are also surnames ("Wellhouse Lane", "Pollards Hill", "Bontddu Hall"
/// beside Nathan Lane, Benny Hill, Fawn Hall): a person so named is a
/// place only where the article names it as a location.
#[rustfmt::skip]
static TOWN_PLACE_WORDS: WordList = WordList::new(&[
    "street", "road", "avenue", "lane", "square", "gardens", "park", "hill", "hall", "market",
    "bridge", "cemetery", "stadium",
]);

/// Whether a name key names a street, square, park or quarter
/// ([`TOWN_PLACE_WORDS`]).
fn is_place_in_town(key: &str) -> bool {
    key.rsplit_once(' ')
        .is_some_and(|(_, last)| TOWN_PLACE_WORDS.contains(last))
}

/// The distinct organization and location mentions (`distinct` and `keys`
/// as in [`seats_named_as_places`]; the facets file a location named like
/// an institution under organizations) whose name ends with one of the
/// [`BUILDING_WORDS`], and the persons named like a building or a place
/// in town ([`TOWN_PLACE_WORDS`]), that `article` names as locations more
/// often than not ("died at Holy Cross Hospital", "a crash on Wellhouse
/// Lane"; "Gleneagles Hospital said" stays an organization).
pub(super) fn buildings_named_as_places(
    article: &Article,
    distinct: &[Option<EntityKind>],
    keys: &[String],
) -> Vec<usize> {
    let is_building = |u: usize| match distinct[u] {
        Some(EntityKind::Organization | EntityKind::Location) => is_building_name(&keys[u]),
        Some(EntityKind::Person) => is_building_name(&keys[u]) || is_place_in_town(&keys[u]),
        _ => false,
    };
    let located = located_uses(article, keys, &BUILDING_LOCATIVES, is_building);
    (0..distinct.len())
        .filter(|&u| is_building(u) && located.contains(keys[u].as_str()))
        .collect()
}

/// The keys of the mentions `chosen` (by distinct mention) that `article`
/// names as locations, after one of `locatives`, more often than not.
fn located_uses<'k>(
    article: &Article,
    keys: &'k [String],
    locatives: &WordList,
    chosen: impl Fn(usize) -> bool,
) -> HashSet<&'k str> {
    // Key → (mentions as a location, all mentions).
    let mut uses: HashMap<&str, (u32, u32)> = HashMap::default();
    for i in 0..article.mentions.len() {
        let u = article.of[i];
        if !chosen(u) {
            continue;
        }
        let Some((before, _)) = article.around(i, 30, 0) else {
            continue;
        };
        let count = uses.entry(keys[u].as_str()).or_default();
        count.0 += u32::from(names_a_location(before, locatives));
        count.1 += 1;
    }
    uses.into_iter()
        .filter(|(_, (located, all))| located * 2 > *all)
        .map(|(key, _)| key)
        .collect()
}

/// Whether `before` ends with a word that puts a building somewhere:
/// one of `locatives` ("outside (the) ", "in ", "at the ") or "the lawn of
/// the ".
fn names_a_location(before: &str, locatives: &WordList) -> bool {
    let rest = before.trim_end_matches(' ');
    // A country's short name between says nothing ("outside US White House").
    let rest = ["US", "U.S.", "UK", "U.K."]
        .iter()
        .find_map(|c| rest.strip_suffix(c)?.strip_suffix(' '))
        .unwrap_or(rest);
    let rest = rest
        .strip_suffix(" the")
        .or_else(|| rest.strip_suffix(" The"))
        .unwrap_or(rest);
    match rest.strip_suffix(" of") {
        Some(part) => BUILDING_PARTS.contains(last_word(part)),
        None => locatives.contains(last_word(rest)),
    }
}

/// Prepositions that put a building somewhere ("outside the White House").
static LOCATIVES: WordList = WordList::new(&[
    "outside", "inside", "near", "at", "in", "on", "into", "opposite",
]);

/// Prepositions that put a building somewhere or move to or from it
/// ("stolen from Blenheim Palace", "moved to the Hong Kong Police
/// Headquarters"); not for seats of government, since "a statement from
/// the White House" and "wrote to the Kremlin" address the government.
static BUILDING_LOCATIVES: WordList = WordList::new(&[
    "outside", "inside", "near", "at", "in", "on", "into", "opposite", "from", "to",
]);

/// Parts of a building or its grounds, before "of the" ("the south lawn
/// of the White House").
static BUILDING_PARTS: WordList = WordList::new(&[
    "lawn", "front", "gates", "gate", "steps", "grounds", "roof", "outside",
]);

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn seats_of_government_are_filed_as_organizations() {
        assert_eq!(facet_kind(Location, "kremlin"), Organization);
        assert_eq!(facet_kind(Location, "white house"), Organization);
        assert_eq!(facet_kind(Person, "kremlin"), Person);
        assert_eq!(facet_kind(Location, "moscow"), Location);
    }

    #[test]
    fn court_districts_are_filed_as_organizations() {
        let court = "southern district of new york";
        assert_eq!(facet_kind(Location, court), Organization);
        assert_eq!(
            facet_kind(Location, "middle district of louisiana"),
            Organization
        );
        assert_eq!(facet_kind(Location, "district of columbia"), Location);
        assert_eq!(facet_kind(Location, "southern district"), Location);
    }
}
