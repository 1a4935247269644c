//! Places the tagger took for organizations outside sport: big cities
//! it never saw ("Missiles struck Kyiv overnight", "NATO's Mark Rutte
//! visited Kyiv", "flooding in Kolkata"), and states and countries by
//! their own name ("Colorado also has a female majority in its lower
//! house"). The tagger learnt from 1996 newswire, whose sports pages name
//! teams after cities and states ("Colorado 5 Chicago 3"), and which never
//! wrote today's spellings and names ("Kyiv", "Odesa", "Dnipro",
//! "Kolkata", "Bengaluru", "Mariupol"); outside sport such a name is the
//! place.
//!
//! A city counts only if training never showed its first word (the case
//! lexicon's count bucket is 0; "Rostov-on-Don" is no firm for its "on"
//! or "Don"): the cities the newswire did write ("Houston", "Leeds",
//! "Brent") are firms, crude oils and surnames there as often, and the
//! tagger knows them. Only cities of 100,000 people or
//! more: below that, on Reuters-21578, most were firms ("Westland",
//! "Pontiac", "Goodyear", "Hoover"). A state or country (the gazetteer's
//! first-level regions and countries) counts whether training saw it or
//! not. Never in an article about sport, where these name teams
//! ("Caloundra defeat Maroochydore").
//!
//! Over Reuters-21578 (`news extract` of the corpus with and without the
//! rule, the facets compared) the cities make 63 place values, 51 of them
//! right ("Brisbane", "Toulouse", "Karlsruhe", "Lisbon's civil court");
//! the wrong are firms named after their towns ("Hitachi", "Komatsu"), an
//! abbreviated given name ("Chas. P. Young"), "Newcastle disease" and an
//! oil blend ("Suez"). The states and countries make six, four right
//! ("British Columbia" twice, "Victoria" twice), a wheat grade
//! ("Montana 1 Dark Northern Spring Wheat") and a firm ("Nord-Est"). A
//! compass word before a state, country or continent ("Southern
//! California", "Eastern Europe", "North America") changes 16 article
//! facets there, all right; on CoNLL-2003 dev, one mention ("Northern
//! Iraq").

use xxhash_rust::xxh3::xxh3_64;

use super::canonical::{county_named, without_compass, Offsets};
use super::features::lexicon::CaseLexicon;
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::known_bodies::is_known_body;
use super::{EntityKind, Mention};

/// People a city needs before its name, unseen by the tagger, is the city.
const MIN_POPULATION: u64 = 100_000;

/// Makes places of the organization mentions that name a big city the
/// tagger never saw, a state or a country (see the module doc), outside
/// articles about sport.
pub(crate) fn place_cities_and_states(
    text: &str,
    mentions: &mut [Mention],
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    // Judged by name, so that the dateline's "KYIV" goes with "Kyiv",
    // and a name inside a longer one keeps all its mentions; but "the"
    // keeps only the mention it leads ("the Yanbu and Jubail refineries"
    // beside "from Yanbu").
    let is_body = |m: &Mention| m.kind == EntityKind::Organization;
    let mut cities: Vec<String> = mentions
        .iter()
        .filter(|m| {
            is_body(m) && (is_unseen_city(&m.text, case, gazetteer) || is_state(&m.text, gazetteer))
        })
        .map(|m| name_key(&m.text))
        .collect();
    if cities.is_empty() {
        return;
    }
    cities.sort_unstable();
    cities.dedup();
    cities.retain(|city| !in_a_longer_name(mentions, city));
    // Read the text only when there is something to move.
    if cities.is_empty() || about_sport(text) {
        return;
    }
    let offsets = Offsets::new(text);
    for m in mentions.iter_mut() {
        if is_body(m) && cities.contains(&name_key(&m.text)) && !after_the(text, &offsets, m) {
            m.kind = EntityKind::Location;
        }
    }
}

/// Whether `name` is a city of at least [`MIN_POPULATION`] people by its
/// own name, whose first word training never showed, and no body the
/// crate knows or acronym.
fn is_unseen_city(name: &str, case: &CaseLexicon, gazetteer: &Gazetteer) -> bool {
    // Most organizations are no place: the gazetteer is asked first.
    if !is_place_name(name, gazetteer) {
        return false;
    }
    let key = name_key(name);
    // The first word only: "Rostov-on-Don" is no firm for its "on" or
    // "Don".
    let first = key.split(' ').next().unwrap_or_default();
    case.bucket(xxh3_64(first.as_bytes())) == 0
        && !is_known_body(&key)
        && gazetteer.resolve(name, &[]).is_some_and(|p| {
            p.kind == PlaceKind::City
                && p.population >= MIN_POPULATION
                && gazetteer.is_own_name(name, p)
        })
}

/// Whether `name` is a first-level region or a country by its own name,
/// or a compass word before one or a continent ("Northern California",
/// "East Texas", "Eastern Europe": CoNLL's college teams taught the
/// tagger "Southern California"), or a British county (its cricket
/// clubs: "Yorkshire", "Lancashire"), and no body the crate knows or
/// acronym.
fn is_state(name: &str, gazetteer: &Gazetteer) -> bool {
    let own_name = |name: &str, kinds: &[PlaceKind]| {
        is_place_name(name, gazetteer)
            && gazetteer
                .resolve(name, &[])
                .is_some_and(|p| kinds.contains(&p.kind) && gazetteer.is_own_name(name, p))
    };
    let states = [PlaceKind::Region, PlaceKind::Country];
    let areas = [PlaceKind::Region, PlaceKind::Country, PlaceKind::Continent];
    let key = name_key(name);
    let county = || name.chars().any(char::is_lowercase) && county_named(&key).is_some();
    !is_known_body(&key)
        && (own_name(name, &states)
            || without_compass(name).is_some_and(|n| own_name(n, &areas))
            || county())
}

/// Whether `name`, not in capitals only, is a place name of the gazetteer
/// that is no common word ("Nice").
fn is_place_name(name: &str, gazetteer: &Gazetteer) -> bool {
    name.chars().any(char::is_lowercase) && gazetteer.contains(name) && !gazetteer.is_risky(name)
}

/// Whether "the" comes right before mention `m`, or before one
/// capitalised word before it, as before no city: "the Halifax" (a
/// building society), "the Cartagena group", "the Russian Duma".
fn after_the(text: &str, offsets: &Offsets, m: &Mention) -> bool {
    let Some(start) = offsets.byte(m.start) else {
        return false;
    };
    let mut words = text[..start].split_whitespace().rev();
    let is_the = |w: Option<&str>| w.is_some_and(|w| w.eq_ignore_ascii_case("the"));
    match words.next() {
        Some(w) if w.starts_with(char::is_uppercase) && !is_the(Some(w)) => is_the(words.next()),
        w => is_the(w),
    }
}

/// Whether the name `key` is part of a longer person's or organization's
/// name of the article, whose short form it is: "Kawasaki" beside
/// "Kawasaki Heavy Industries Ltd", "Austin" beside "Austin Co", "Ziyang"
/// beside "Zhao Ziyang". A longer place ("Kyiv Oblast") is no such name.
fn in_a_longer_name(mentions: &[Mention], key: &str) -> bool {
    mentions.iter().any(|m| {
        m.kind != EntityKind::Location && {
            let other = name_key(&m.text);
            other.len() > key.len() && format!(" {other} ").contains(&format!(" {key} "))
        }
    })
}

/// Whether `text` reads as sport: a word only sport uses, or a score
/// ("2-1"); an article of results, standings or transfers, where cities
/// name their teams.
pub(crate) fn about_sport(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        is_score(w) || (w.len() >= 4 && SPORT_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
    })
}

/// Whether `w` is a score: one or two digits, a hyphen, one or two digits,
/// the winner's first ("2-1", "1-1"); a range goes up ("30-35 pct").
fn is_score(w: &str) -> bool {
    let short_number = |n: &str| {
        ((1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
            .then(|| n.parse::<u8>().ok())
            .flatten()
    };
    w.split_once('-')
        .and_then(|(a, b)| short_number(a).zip(short_number(b)))
        .is_some_and(|(a, b)| a >= b)
}

/// Words of the sports pages that other news rarely uses ("match",
/// "season", "team", "cup" and "goal" are left out: "a match for", "the
/// holiday season", "a rescue team").
const SPORT_WORDS: &[&str] = &[
    "soccer",
    "football",
    "baseball",
    "basketball",
    "hockey",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "league",
    "leagues",
    "standings",
    "innings",
    "inning",
    "playoff",
    "playoffs",
    "striker",
    "midfielder",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "tournament",
    "championship",
    "coach",
    "olympic",
    "olympics",
    "wicket",
    "wickets",
    "batsman",
    "batsmen",
    "bowler",
    "bowlers",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extraction, Extractor};

    fn extract(text: &str) -> Extraction {
        Extractor::bundled().extract(text)
    }

    #[test]
    fn a_big_city_the_tagger_never_saw_is_the_city() {
        let found =
            extract("Missiles struck Kyiv overnight. NATO's Mark Rutte later visited Kyiv.");
        assert_eq!(found.locations, ["Kyiv"]);
        assert_eq!(found.organizations, ["NATO"]);
        let found = extract("Drones hit Dnipro and Odesa on Tuesday.");
        assert_eq!(found.locations, ["Dnipro", "Odesa"]);
        // Judged by the first word: the name's "on" and "Don" are known.
        let found = extract("Yevgeny Prigozhin's men marched on Rostov-on-Don.");
        assert_eq!(found.locations, ["Rostov-on-Don"]);
        // The wire services' spelling, which the gazetteer names it by.
        let found = extract("Strikes hit Zaporizhzhia and Kherson.");
        assert_eq!(found.locations, ["Zaporizhzhia", "Kherson"]);
    }

    #[test]
    fn a_state_by_its_own_name_is_the_state() {
        let found = extract("Colorado also has a female majority in its lower house.");
        assert_eq!(found.locations, ["Colorado"]);
        assert!(found.organizations.is_empty());
        let sport = "Colorado won the baseball game 5-3.";
        assert_eq!(
            kinds_after(sport, &["Colorado"]),
            [EntityKind::Organization]
        );
        let politics = "Colorado sued the administration.";
        assert_eq!(kinds_after(politics, &["Colorado"]), [EntityKind::Location]);
    }

    #[test]
    fn a_compass_word_before_a_state_or_continent_is_the_place() {
        let found = extract("The utility cut power to customers across Northern California.");
        assert_eq!(found.locations, ["California"]);
        assert!(found.organizations.is_empty());
        let found = extract("Floods hit East Texas and South Florida.");
        assert_eq!(found.locations, ["Texas", "Florida"]);
        let text = "Exports to Eastern Europe fell.";
        assert_eq!(
            kinds_after(text, &["Eastern Europe"]),
            [EntityKind::Location]
        );
        // College teams keep their names on the sports pages.
        let sport = "Southern California beat Stanford 24-17.";
        assert_eq!(
            kinds_after(sport, &["Southern California"]),
            [EntityKind::Organization]
        );
    }

    #[test]
    fn a_british_county_is_the_county_outside_cricket() {
        let found = extract("Flooding hit Yorkshire and Lancashire.");
        assert_eq!(found.locations, ["Yorkshire", "Lancashire"]);
        let sport = "Yorkshire beat Lancashire by six wickets at Headingley.";
        assert_eq!(extract(sport).organizations, ["Yorkshire", "Lancashire"]);
    }

    /// The kinds `place_cities_and_states` leaves on organization mentions
    /// of `names` in `text`.
    fn kinds_after(text: &str, names: &[&str]) -> Vec<EntityKind> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .map(|n| {
                let start = text[..text.find(n).unwrap()].chars().count();
                Mention {
                    kind: EntityKind::Organization,
                    text: n.to_string(),
                    start,
                    end: start + n.chars().count(),
                }
            })
            .collect();
        let model = Extractor::bundled().model.as_ref().unwrap();
        let case = crate::tagger::Weights::case_lexicon(model);
        place_cities_and_states(text, &mut mentions, case, Gazetteer::bundled());
        mentions.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn a_name_in_capitals_goes_with_its_name() {
        let text = "KYIV 2026-01-28\nMissiles struck Kyiv overnight.";
        assert_eq!(
            kinds_after(text, &["KYIV", "Kyiv"]),
            [EntityKind::Location, EntityKind::Location]
        );
        // An acronym alone is no city.
        assert_eq!(kinds_after(text, &["KYIV"]), [EntityKind::Organization]);
    }

    #[test]
    fn sport_keeps_the_teams() {
        let found = extract("Dnipro beat Kolkata 2-1 on Sunday.");
        assert_eq!(found.organizations, ["Dnipro", "Kolkata"]);
        assert!(about_sport("They drew in the league."));
        assert!(!about_sport(
            "A 10-year plan for 2025-2026 was golfing news."
        ));
        assert!(about_sport("They lost 3-1."));
        assert!(!about_sport("Yields rose 30-35 pct."));
    }

    #[test]
    fn a_short_form_or_a_name_after_the_stays() {
        let text =
            "Kawasaki Heavy Industries Ltd won the order. Kawasaki said it would build the cars.";
        assert_eq!(
            extract(text).organizations,
            ["Kawasaki Heavy Industries Ltd"]
        );
        let text = "Kawasaki Heavy Industries Ltd won. Kawasaki said it would build cars.";
        assert_eq!(
            kinds_after(text, &["Kawasaki Heavy Industries Ltd", "Kawasaki"]),
            [EntityKind::Organization, EntityKind::Organization]
        );
        // Duma, a city in Syria.
        let found = extract("The Russian Duma voted on Tuesday.");
        assert_eq!(found.organizations, ["Russian Duma"]);
        assert!(found.locations.is_empty());
    }
}
