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
//!    "Ahmed al-Sharaa" and "Bashar al-Assad"), or its given name where
//!    that is no place, is that person; so is a title with a name ("Queen
//!    Elizabeth II", "MP Tanya Davies") and a mention that ends with a
//!    full person name ("Scotland Nicola Sturgeon"). A mention that is
//!    nothing but titles ("Mayor", "US Ambassador") names no one.
//! 2. A name with a geographic word ("Strait of Hormuz", "Easter Island")
//!    is a place, and so is a person named like a county, a mall or a
//!    mountain ("Jefferson Parish", "Mount Apo") and an organization named
//!    like a county or a building ("Riverside County", "Revenue Tower");
//!    a person named like a hospital is an organization; a few
//!    organizations that news names bare ("Twitter", "Boeing") are
//!    organizations; an organization named exactly like a country is that
//!    country.
//! 3. Otherwise the mentions of one name take the kind most of them have;
//!    a tie keeps each as tagged, and so does a mention in capitals: a
//!    dateline ("NEW YORK") is a place even where the body's "New York"
//!    is the baseball team.
//!
//! No mention is added; bare titles are the only ones dropped here (see
//! also `filter`).

use super::HashMap;

use super::super::gazetteer::{name_key, strip_possessive, Gazetteer, PlaceKind};
use super::super::known_bodies::is_known_body;
use super::super::public_figures::names_only_a_public_figure;
use super::super::EntityKind;
use super::cue_words::{ends_body_names, ORGANIZATION_TAILS};
use super::geography::{feature_named, is_feature_word};
use super::known_organizations::{is_camel_case_brand, is_known_key};
use super::persons::{core_words, is_subsequence};
use super::place_context::without_compass;
use super::titles::{
    has_leading_title, is_office_of_a_body, is_only_titles, is_title, is_titled_name,
};
use super::WordList;

/// The kind each mention should have (`None`: it names nothing), given
/// the tagger's `kinds`, how many times each was written (`counts`: the
/// mentions may come deduplicated), the `cleaned` text of each mention, the same
/// cleaned as a person name (`as_person`: titles stripped) and the
/// mentions the [`filter`](super::filter) found to name nothing (`dropped`).
/// A mention that becomes a person gets its person form in `cleaned`.
pub(super) fn consistent_kinds(
    kinds: &[EntityKind],
    counts: &[u32],
    cleaned: &mut [String],
    as_person: &dyn Fn(usize) -> String,
    dropped: &[bool],
    gazetteer: &Gazetteer,
) -> Vec<Option<EntityKind>> {
    // Kept long: the kind rules in the order they must apply; each step is commented.
    // Possessives aside: an organization keeps "al-Sharaa's" whole when
    // no bare "al-Sharaa" is around, yet it names the same person.
    let key_of = |c: &str| name_key(strip_possessive(c));
    let keys: Vec<String> = cleaned.iter().map(|c| key_of(c)).collect();
    let cores: Vec<Vec<&str>> = keys.iter().map(|k| core_words(k)).collect();
    // Full names: persons of two or more words (particles aside), but
    // not those named like places ("Hagia Sophia", "Jefferson Parish",
    // "Fath Airport"), which the rules below make places: an organization
    // "Hagia Sophia" or a location "Fath Airport" is no part of them.
    // Nor a title after a party or place ("Democratic Dean"), which
    // would name itself ("Lord King" is a peer, King later).
    let is_party_title =
        |c: &str| is_only_titles(c, gazetteer) && !c.split(' ').next().is_some_and(is_title);
    let mut full: Vec<&[&str]> = (0..kinds.len())
        .filter(|&i| {
            kinds[i] == EntityKind::Person
                && cores[i].len() >= 2
                && !dropped[i]
                && !person_named_like_a_place(&keys[i])
                && !is_geographic(&keys[i])
                && !is_office_of_a_body(&keys[i])
                && !is_party_title(&cleaned[i])
        })
        .map(|i| cores[i].as_slice())
        .collect();
    full.sort_unstable();
    full.dedup();
    let part_of_person = |core: &[&str]| {
        !core.is_empty()
            && full
                .iter()
                .any(|f| core.last() == f.last() && is_subsequence(core, f))
    };
    let mut out: Vec<Option<EntityKind>> = Vec::with_capacity(kinds.len());
    let mut person_form: Vec<Option<String>> = vec![None; kinds.len()];
    for i in 0..kinds.len() {
        let kind = kinds[i];
        if dropped[i] {
            out.push(None);
            continue;
        }
        if kind == EntityKind::Person {
            // A bare title ("Mayor", "Lord") names no one, unless it is
            // the surname of a person of the article ("King").
            let only_titles = is_only_titles(&cleaned[i], gazetteer);
            let named = !only_titles || part_of_person(&cores[i]);
            out.push((named && !is_office_of_a_body(&cleaned[i])).then_some(kind));
            continue;
        }
        // Or its given name alone, where that is no place: "Hamza" beside
        // "Hamza bin Laden" (but "Paris" beside "Paris Hilton" stays).
        let given_name = matches!(cores[i].as_slice(), [w] if full.iter().any(|f| f.first() == Some(w)))
            && !gazetteer.contains(&cleaned[i]);
        if part_of_person(&cores[i]) || given_name {
            person_form[i] = Some(as_person(i));
            out.push(Some(EntityKind::Person));
            continue;
        }
        // Titles stripped: "Ambassador Bolton", "Queen Elizabeth II". A
        // title is among the first two words, or there is none.
        let mut titled = None;
        if has_leading_title(&cleaned[i]) && !is_country_name(&keys[i], gazetteer) {
            let person = as_person(i);
            let stripped = key_of(&person);
            // A regnal name keeps its title, so nothing was stripped.
            if (stripped != keys[i] && part_of_person(&core_words(&stripped)))
                || is_titled_name(&cleaned[i], gazetteer)
            {
                titled = Some(person);
            }
        }
        if let Some(person) = titled {
            person_form[i] = Some(person);
            out.push(Some(EntityKind::Person));
            continue;
        }
        // A full name at the end, whatever leads it ("Scotland Nicola
        // Sturgeon" of "First Minister of Scotland Nicola Sturgeon").
        if let Some(tail) = full_name_suffix(&cleaned[i], &full) {
            person_form[i] = Some(tail);
            out.push(Some(EntityKind::Person));
            continue;
        }
        if is_only_titles(&cleaned[i], gazetteer) {
            out.push(None);
            continue;
        }
        out.push(Some(kind));
    }
    let mut keys = keys;
    for ((c, p), key) in cleaned.iter_mut().zip(person_form).zip(&mut keys) {
        if let Some(p) = p {
            *key = key_of(&p);
            *c = p;
        }
    }
    for (i, kind) in out.iter_mut().enumerate() {
        if *kind != Some(kinds[i]) {
            continue;
        }
        let last = keys[i].rsplit(' ').next().unwrap_or_default();
        let many_words = keys[i].contains(' ');
        let structure =
            kinds[i] == EntityKind::Organization && many_words && STRUCTURES.contains(last);
        let area = many_words
            && match kinds[i] {
                // "DR Congo", whose "DR" read as a doctor's.
                EntityKind::Person => {
                    person_named_like_a_place(&keys[i])
                        || is_country_name(&keys[i], gazetteer)
                        // "Rio Grande do Sul": no one's name has three
                        // words the gazetteer lists whole.
                        || (keys[i].matches(' ').count() >= 2 && gazetteer.contains(&cleaned[i]))
                }
                // Not "Bank of Iron County", "Circuit Court of Tuscaloosa County".
                EntityKind::Organization => {
                    last == "county"
                        && !keys[i].contains(" of ")
                        && !COUNTY_CLUBS.contains(&keys[i])
                }
                EntityKind::Location => false,
            };
        if kinds[i] != EntityKind::Location && (is_geographic(&keys[i]) || structure || area) {
            // "Strait of Hormuz", "Abaco Island", "Karl Marx Avenue": the
            // name says what it is.
            *kind = Some(EntityKind::Location);
        } else if kinds[i] == EntityKind::Person && many_words && is_institution(&keys[i]) {
            // "Walter Reed Hospital" is named after a person.
            *kind = Some(EntityKind::Organization);
        } else if kinds[i] != EntityKind::Person && names_only_a_public_figure(&keys[i]) {
            // "Trump", whom a tagger of 1996 newswire knew as a casino firm.
            *kind = Some(EntityKind::Person);
        } else if is_known_key(&keys[i])
            || (kinds[i] == EntityKind::Person && is_camel_case_brand(&cleaned[i]))
            || (kinds[i] == EntityKind::Person && many_words && led_by_a_known_body(&keys[i]))
        {
            // Platforms, agencies and companies news names bare, which a
            // tagger trained on 1996 newswire takes for persons, and their
            // units ("Google DeepMind").
            *kind = Some(EntityKind::Organization);
        } else if kinds[i] == EntityKind::Organization
            && gazetteer.contains(&cleaned[i])
            && (is_shouted(&cleaned[i]) || !gazetteer.is_risky(&cleaned[i]))
            && gazetteer.resolves_to_country(&cleaned[i])
        {
            // An organization named exactly like a country is the country:
            // CoNLL labels national teams as places too, and "Philippines"
            // or "US" tagged ORG is the country ("US" is risky only as the
            // word "us"). Cities and regions stay: "Chicago" and "Colorado"
            // are sports teams as often as places (on CoNLL dev, moving
            // them broke 22 mentions and fixed 2), and persons stay
            // ("Jordan").
            *kind = Some(EntityKind::Location);
        }
    }
    // Majority per name.
    let mut votes: HashMap<&str, [u32; 3]> = HashMap::default();
    for ((key, kind), &n) in keys.iter().zip(&out).zip(counts) {
        if let (false, Some(kind)) = (key.is_empty(), kind) {
            votes.entry(key.as_str()).or_default()[index(*kind)] += n;
        }
    }
    for ((key, kind), c) in keys.iter().zip(out.iter_mut()).zip(cleaned.iter()) {
        let (Some(v), Some(kind)) = (votes.get(key.as_str()), kind.as_mut()) else {
            continue;
        };
        if is_shouted(c) {
            continue;
        }
        let best = (0..3).max_by_key(|&i| v[i]).unwrap_or(0);
        let [person, place, body] = *v;
        if v.iter().enumerate().all(|(i, &n)| i == best || n < v[best]) {
            *kind = KINDS[best];
        } else if place == body && body > person && !reads_as_place(key, gazetteer) {
            // As often a place as a body, and not named like a place: the
            // body ("the company Cultura Colectiva", "an email to Cultura
            // Colectiva").
            *kind = EntityKind::Organization;
        }
    }
    out
}

/// Gives a one-word person that is a longer organization or place of the
/// article less its kind word ("Mahan" beside "Mahan Air", "Fath" beside
/// "Fath Airport"), or an organization less its initials or a known body
/// less its first words ("Hutton" beside "E.F. Hutton", "Lilly" beside
/// "Eli Lilly"), their kind, so it folds into them as a short form; not
/// when a person's name of two words or more has the word. Run once the
/// context has given the longer names their kinds ("... Air" an airline).
pub(super) fn words_of_longer_names(keys: &[String], out: &mut [Option<EntityKind>]) {
    for i in 0..keys.len() {
        let word = keys[i].as_str();
        if out[i] != Some(EntityKind::Person) || word.is_empty() || word.contains(' ') {
            continue;
        }
        let mut kinds = keys.iter().zip(out.iter()).filter_map(|(key, kind)| {
            let has = key.contains(' ') && key.split(' ').any(|w| w == word);
            let kind_word = key
                .strip_prefix(word)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| GEOGRAPHIC.contains(rest) || ORGANIZATION_TAILS.contains(rest));
            // "Hutton" beside the firm "E.F. Hutton", "Lilly" beside the
            // known body "Eli Lilly"; not "Bank" beside "U.K. Bank".
            let lead = key
                .strip_suffix(word)
                .and_then(|rest| rest.strip_suffix(' '));
            let ends_a_firms_name = !ends_body_names(word)
                && lead.is_some_and(|lead| {
                    lead.split(' ').all(|w| w.chars().count() == 1) || is_known_key(key)
                });
            match kind {
                Some(EntityKind::Person) if has => Some(None),
                Some(k) if kind_word => Some(Some(*k)),
                Some(EntityKind::Organization) if ends_a_firms_name => {
                    Some(Some(EntityKind::Organization))
                }
                _ => None,
            }
        });
        let Some(Some(first)) = kinds.next() else {
            continue;
        };
        if kinds.all(|k| k == Some(first)) {
            out[i] = Some(first);
        }
    }
}

/// The last words of `cleaned` that are, particles aside, exactly one of
/// the `full` person names, when words precede them.
fn full_name_suffix(cleaned: &str, full: &[&[&str]]) -> Option<String> {
    if full.is_empty() || cleaned.matches(' ').count() < 2 {
        return None;
    }
    let words: Vec<&str> = cleaned.split(' ').collect();
    (1..words.len()).find_map(|j| {
        let tail = words[j..].join(" ");
        let key = name_key(&tail);
        let core = core_words(&key);
        (core.len() >= 2 && full.contains(&core.as_slice())).then_some(tail)
    })
}

/// Words that make a name a place when they end it ("Easter Island",
/// "Karl Marx Avenue", "Payam International Airport", "Al Noor Mosque")
/// or begin it before "of" ("Strait of Hormuz", "Gulf of Oman"). "Bay"
/// and "River" are left out: "Green Bay" and "River Plate" are sports
/// teams; so are "Church" ("Catholic Church" is a body) and "Palace"
/// ("Crystal Palace").
static GEOGRAPHIC: WordList = WordList::new(&[
    "island",
    "islands",
    "isle",
    "avenue",
    "street",
    "boulevard",
    "square",
    "strait",
    "straits",
    "sea",
    "ocean",
    "gulf",
    "peninsula",
    "desert",
    "canal",
    "valley",
    "mountains",
    "archipelago",
    "airport",
    "mosque",
    "cathedral",
    "stadium",
]);

/// Whether the first word of a name key is a body whose name means
/// nothing else ("google deepmind", "microsoft research"): a unit of it,
/// no person.
fn led_by_a_known_body(key: &str) -> bool {
    key.split_once(' ')
        .is_some_and(|(first, _)| is_known_body(first))
}

/// Words that end the names of buildings and structures and also of
/// people ("John Tower", "Shirley Temple"): they make organizations
/// places, never persons ("Revenue Tower", "George Washington Bridge",
/// "Legislative Council Complex", "Cielo Vista Mall"). Not "building":
/// "U.K. Building" is the building societies, "Bank Building" a company.
static STRUCTURES: WordList = WordList::new(&["tower", "temple", "bridge", "complex", "mall"]);

/// Words that end the names of counties, districts, harbours, places in
/// a town and features ("Jefferson Parish", "Riverside County", "Gaisano
/// Mall", "Victoria Market", "Whangārei Harbour", "Thwaites Glacier") and
/// no person's name (not "moor": "Alexander Moor"). They make persons places; of
/// organizations only counties (see [`COUNTY_CLUBS`]), since "Common
/// Market" and "Fox Parish Council" are bodies.
#[rustfmt::skip]
static AREAS: WordList = WordList::new(&[
    "parish", "county", "township", "mall", "market", "road", "oriental", "occidental",
    "harbour", "harbor", "glacier", "canyon", "reef",
]);

/// Words that begin the names of places and no person's ("County Cork",
/// "Mount Apo", "Fort Lee", "Port Moresby", "Masjid Al-Aqsa", "Hagia
/// Sophia"), Arabic and Hebrew ones among them: a mound, a cape, a valley,
/// a mountain, a monastery, a village, a house ("Tell Tamer", "Ras
/// al-Ain", "Wadi Rum", "Jebel Ali", "Deir ez-Zor", "Kafr Nabl", "Beit
/// Hanoun"). They make persons places; organizations keep their kind
/// ("Cape Cobras" is a team).
#[rustfmt::skip]
static PLACE_LEADS: WordList = WordList::new(&[
    "county", "mount", "mt", "lake", "cape", "fort", "port", "masjid", "hagia", "haghia",
    "tell", "tel", "ras", "wadi", "jebel", "jabal", "deir", "kafr", "beit",
]);

/// Whether a person's name key of two words or more is named like an area
/// or a place ("Jefferson Parish", "Mount Apo", "Hagia Sophia").
pub(crate) fn person_named_like_a_place(key: &str) -> bool {
    let (Some((first, _)), Some((_, last))) = (key.split_once(' '), key.rsplit_once(' ')) else {
        return false;
    };
    AREAS.contains(last) || PLACE_LEADS.contains(first)
}

/// Sports clubs named like a county, as name keys: CoNLL and British
/// sports pages name them often; every other organization called "X
/// County" is the county ("San Diego County", "Westchester County").
static COUNTY_CLUBS: WordList = WordList::new(&[
    "notts county",
    "derby county",
    "stockport county",
    "newport county",
    "ross county",
    "stirling county",
]);

/// Words that end the names of hospitals and clinics ("Walter Reed
/// Hospital", "Mayo Clinic"): organizations by the labelling guideline,
/// though CoNLL tags them as places as often as not.
static INSTITUTIONS: WordList = WordList::new(&["hospital", "clinic", "hospice", "infirmary"]);

/// Whether a name key names a hospital or clinic.
pub(super) fn is_institution(key: &str) -> bool {
    INSTITUTIONS.contains(key.rsplit(' ').next().unwrap_or_default())
}

/// Whether a name key reads as a place whatever the tagger says: the
/// gazetteer knows it, with or without a compass word ("West Texas"), so
/// does the list of named features ("Madeira"), or a word says what place
/// or feature it is ("Prudhoe Bay", "Lincoln County").
fn reads_as_place(key: &str, gazetteer: &Gazetteer) -> bool {
    let known = |name: &str| gazetteer.resolve(name, &[]).is_some();
    known(key)
        || without_compass(key).is_some_and(known)
        || feature_named(key).is_some()
        || is_geographic(key)
        || key.rsplit(' ').next().is_some_and(is_feature_word)
}

/// Whether a name key of two words or more ends with a geographic word
/// ("payam international airport", "easter island").
pub(super) fn ends_with_geographic_word(key: &str) -> bool {
    key.contains(' ') && GEOGRAPHIC.contains(key.rsplit(' ').next().unwrap_or_default())
}

/// Whether a one-word name key is a geographic word ("gulf", "bay",
/// "peninsula"): what "the Gulf" names is a place.
pub(crate) fn is_geographic_word(key: &str) -> bool {
    GEOGRAPHIC.contains(key) || is_feature_word(key)
}

/// Whether a name key reads as a place by its geographic word.
fn is_geographic(key: &str) -> bool {
    let mut words = key.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let last = key.rsplit(' ').next().unwrap_or_default();
    GEOGRAPHIC.contains(last) || (GEOGRAPHIC.contains(first) && second == "of")
}

/// Whether a name is written in capitals (two letters or more, no
/// lowercase): headlines and datelines.
pub(super) fn is_shouted(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
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
#[path = "types_tests.rs"]
mod tests;

/// Whether a name key is a country's name or alias in the gazetteer.
pub(super) fn is_country_name(key: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer
        .resolve(key, &[])
        .is_some_and(|p| p.kind == PlaceKind::Country)
}
