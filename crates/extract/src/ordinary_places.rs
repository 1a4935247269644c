//! Words the tagger takes for places that name none. Ordinary words:
//! "Radio", "Power", "Bison", "Steal" (of "Stop the Steal"), capitalised
//! in a title, a quote or the name of something else. A place value of one
//! word that the gazetteer does not know, that is no named feature, and
//! that the dictionary writes only in lowercase (and training never in a
//! person's name) names no place: it leaves the facet and its mentions name
//! nothing, unless the text makes a name of it: "at The Oval", "the
//! Carbonate district", "Flushing, Queens" (on CoNLL-2003 dev "The Oval"
//! five times). It is judged once the article's mentions agree on their kinds,
//! so a word the rules made an organization ("Twitter") is not touched,
//! and on the value, so a wire abbreviation read as its state ("Ill." as
//! Illinois) or a bare "Gulf" read as the Persian Gulf is not either; nor
//! is a geographic word ("the Gulf" of 1987's tanker war). A
//! word the dictionary also writes capitalised ("Pacific", "Parliament",
//! "Mandarin") is left to the labellers' disagreement.
//!
//! And any other one-word place value the gazetteer does not know: persons'
//! names ("Russell", "Muhammad"), publications and firms ("Newsweek",
//! "Vox", "UOKiK"), products and peoples ("Paracetamol", "Kannadiga") name
//! no place unless the text places one of its mentions: after "in", "at",
//! "near" and the like, beside a place noun ("the village of Poolangudi",
//! "Pacific island nations"), or listed beside another place ("Mysore,
//! Mandya, Kodagu"), or before a route noun ("the Salang tunnel"). Where
//! the text does, it stays ("in Kodagu"). Named
//! features ("Kīlauea"), former states and regions the gazetteer lacks
//! ("Yugoslavia", "Midwest": [`UNLISTED_PLACES`]) and the wires' state
//! codes ("NY") stay as they are. Unknown words placed nowhere were right
//! 7 times in 32 over the Wikinews sets and 1 in 10 on the web pages.

use super::canonical::{
    beside_a_place_noun, is_compass_word, is_geographic_word, is_named_feature,
    may_abbreviate_a_place, next_lowercase_word, Canonical, Offsets,
};
use super::features::lexicon::CaseLexicon;
use super::gazetteer::{name_key, Gazetteer};
use super::{EntityKind, Mention};

/// Takes the place values that name no place (see the module doc) out of
/// the article's facets, and out of its mentions' kinds.
pub(crate) fn drop_non_places(
    c: &mut Canonical,
    text: &str,
    mentions: &[Mention],
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    let ordinary = unresolved_places(c, |name| is_ordinary_word(name, case, gazetteer));
    drop_unplaced(c, text, mentions, ordinary, Placing::Firm);
    let unknown = unresolved_places(c, |name| is_unknown_word(name, gazetteer));
    drop_unplaced(c, text, mentions, unknown, Placing::Any);
}

/// Which words around a mention place it.
#[derive(Clone, Copy, PartialEq)]
enum Placing {
    /// Only those that make a name of an ordinary word: a capitalised
    /// article after a placing word ("at The Oval"), a place noun ("the
    /// Carbonate district") or, after a comma, a place of the gazetteer it
    /// lies in ("Flushing, Queens"; not "Space, Smith and Co").
    Firm,
    /// Also a placing word ("in Kodagu") or a list of places ("Mysore,
    /// Mandya, Kodagu").
    Any,
}

/// Takes those of `names` the text places nowhere (by `placing`) out of
/// the facets.
fn drop_unplaced(
    c: &mut Canonical,
    text: &str,
    mentions: &[Mention],
    mut names: Vec<String>,
    placing: Placing,
) {
    if names.is_empty() {
        return;
    }
    // Code point offsets to bytes: built only for an article with such a value.
    let offsets = Offsets::new(text);
    let placed = |i: usize| is_placed(text, &offsets, mentions, c, i, placing);
    names.retain(|name| !(0..mentions.len()).any(|i| c.names[i] == *name && placed(i)));
    drop_places(c, &names);
}

/// The place values the gazetteer did not resolve for which `test` holds.
fn unresolved_places(c: &Canonical, test: impl Fn(&str) -> bool) -> Vec<String> {
    c.locations
        .iter()
        .zip(&c.location_ids)
        .filter(|(name, id)| id.is_none() && test(name))
        .map(|(name, _)| name.clone())
        .collect()
}

/// Takes `names` out of the place facets and their mentions' kinds.
fn drop_places(c: &mut Canonical, names: &[String]) {
    if names.is_empty() {
        return;
    }
    (c.locations, c.location_ids) = std::mem::take(&mut c.locations)
        .into_iter()
        .zip(std::mem::take(&mut c.location_ids))
        .filter(|(name, _)| !names.contains(name))
        .unzip();
    c.places.retain(|p| !names.contains(p));
    for (kind, name) in c.kinds.iter_mut().zip(&c.names) {
        if *kind == Some(EntityKind::Location) && names.contains(name) {
            *kind = None;
        }
    }
}

/// Whether `name` is one word the gazetteer lacks, no geographic word
/// ("Gulf"), that the dictionary writes only in lowercase and training
/// never saw in a person's name.
fn is_ordinary_word(name: &str, case: &CaseLexicon, gazetteer: &Gazetteer) -> bool {
    let lower = name.to_lowercase();
    if !name.chars().all(char::is_alphabetic)
        || gazetteer.contains(name)
        || is_geographic_word(&lower)
    {
        return false;
    }
    case.is_lowercase_only_word(&lower)
}

/// Whether `name` is one word the gazetteer lacks, and no compass or
/// geographic word ("the North"), named feature ("Kīlauea"), place of
/// [`UNLISTED_PLACES`] or wire abbreviation ("NY").
fn is_unknown_word(name: &str, gazetteer: &Gazetteer) -> bool {
    let lower = name.to_lowercase();
    name.chars().all(char::is_alphabetic)
        && !gazetteer.contains(name)
        && !is_compass_word(&lower)
        && !is_geographic_word(&lower)
        && !is_named_feature(&name_key(name))
        && !UNLISTED_PLACES.contains(&lower.as_str())
        && !may_abbreviate_a_place(&lower)
}

/// One-word places the gazetteer, built from today's populated places,
/// lacks: former states, which an archive of past news names ("Zaire",
/// "Rhodesia", older spellings such as "Kazakstan"; the Soviet Union and
/// Yugoslavia are named features, with their other names), and
/// regions wider than one country or with no borders of their own.
#[rustfmt::skip]
const UNLISTED_PLACES: &[&str] = &[
    // Former states and their spellings.
    "rhodesia", "zaire", "transvaal", "prussia",
    "ceylon", "siam", "persia", "byelorussia", "kampuchea", "dahomey", "bophuthatswana",
    "transkei", "ciskei", "kazakstan", "kirghizia", "moldavia", "tanganyika", "bechuanaland",
    // Regions.
    "pacific", "atlantic", "arctic", "antarctic", "caribbean", "mideast", "americas", "eurasia",
    "korea", "midwest", "maghreb", "levant", "indochina", "punjab", "timor", "pamir", "pamirs",
    "spitzbergen", "spitsbergen", "mesopotamia", "anatolia", "manchuria", "transylvania",
    "polynesia", "micronesia", "melanesia", "oceania",
];

/// Words before a name that place it: "in Kodagu", "near Tanin".
#[rustfmt::skip]
const PLACING_WORDS: &[&str] = &[
    "in", "at", "near", "from", "into", "across", "outside", "around", "toward", "towards",
    "throughout", "via", "inside", "within", "off",
];

/// Whether `before`, the text before a name, ends with a placing word (and
/// "the"): "in Kodagu", "(at Headingley". Not "to": "returned to
/// Rhodesia", but as often "transferred to Charité" (a hospital).
fn after_placing_word(before: &str) -> bool {
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()));
    let mut last = words.next().unwrap_or_default();
    if last.eq_ignore_ascii_case("the") {
        last = words.next().unwrap_or_default();
    }
    PLACING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// Routes and structures a place names: "the Salang tunnel", "the
/// Jeeyapuram forest".
#[rustfmt::skip]
const ROUTE_NOUNS: &[&str] = &[
    "tunnel", "highway", "motorway", "expressway", "pass", "bridge", "dam", "forest",
    "reservoir", "airbase",
];

/// Whether `after`, the text after a name, begins with a route noun.
fn before_route_noun(after: &str) -> bool {
    next_lowercase_word(after).is_some_and(|w| ROUTE_NOUNS.contains(&w))
}

/// Whether mention `i` is placed by its text: after a placing word (and
/// "the"), beside a place noun, or listed beside another place (", ",
/// " and ", " or "); with [`Placing::Firm`], see there.
fn is_placed(
    text: &str,
    offsets: &Offsets,
    mentions: &[Mention],
    c: &Canonical,
    i: usize,
    placing: Placing,
) -> bool {
    let byte = |c: usize| offsets.byte(c);
    let (Some(s), Some(e)) = (byte(mentions[i].start), byte(mentions[i].end)) else {
        return false;
    };
    let (before, after) = (
        text.get(..s).unwrap_or_default(),
        text.get(e..).unwrap_or_default(),
    );
    if beside_a_place_noun(before, after) {
        return true;
    }
    let place = |j: usize| c.kinds.get(j) == Some(&Some(EntityKind::Location));
    if placing == Placing::Firm {
        let the = mentions[i].text.starts_with("The ");
        let resolved = |j: usize| {
            let value = c.locations.iter().position(|l| *l == c.names[j]);
            place(j) && value.is_some_and(|v| c.location_ids[v].is_some())
        };
        let next_in = Some(i + 1).filter(|&j| j < mentions.len() && resolved(j));
        let within = next_in.and_then(|j| text.get(e..byte(mentions[j].start)?)) == Some(", ");
        return (the && after_placing_word(before)) || within;
    }
    if after_placing_word(before) || before_route_noun(after) {
        return true;
    }
    let listed =
        |gap: Option<&str>| gap.is_some_and(|g| matches!(g, ", " | " and " | ", and " | " or "));
    let previous = i.checked_sub(1).filter(|&j| place(j)).and_then(|j| {
        let end = byte(mentions[j].end)?;
        text.get(end..s)
    });
    let next = Some(i + 1)
        .filter(|&j| j < mentions.len() && place(j))
        .and_then(|j| {
            let start = byte(mentions[j].start)?;
            text.get(e..start)
        });
    listed(previous) || listed(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::{canonicalize, tests::mentions_of};
    use crate::Extractor;
    use EntityKind::*;

    #[test]
    fn ordinary_words_leave_the_places_and_geographic_words_stay() {
        let text = "Bison roam near Moscow. Radio waves reached the Gulf and the Pacific. \
                    Twitter said so.";
        let ms = mentions_of(
            text,
            &[
                (Location, "Bison"),
                (Location, "Moscow"),
                (Location, "Radio"),
                (Location, "Gulf"),
                (Location, "Pacific"),
                (Location, "Twitter"),
            ],
        );
        let c = after_drop(text, &ms);
        assert!(
            !c.locations.iter().any(|l| l == "Bison" || l == "Radio"),
            "{:?}",
            c.locations
        );
        assert!(
            c.locations.contains(&"Moscow".to_string()),
            "{:?}",
            c.locations
        );
        assert!(
            c.locations.iter().any(|l| l.contains("Gulf")),
            "{:?}",
            c.locations
        );
        assert!(
            c.locations.contains(&"Pacific".to_string()),
            "{:?}",
            c.locations
        );
        assert_eq!(c.locations.len(), c.location_ids.len());
        assert!(!c.places.iter().any(|p| p == "Bison"), "{:?}", c.places);
        assert_eq!(c.kinds[0], None);
        assert_eq!(c.kinds[1], Some(Location));
        assert_eq!(c.organizations, ["Twitter"]);
    }

    /// The values of mentions `ms` of `text` once the non-places are dropped.
    fn after_drop(text: &str, ms: &[Mention]) -> Canonical {
        let mut c = canonicalize(text, ms, Gazetteer::bundled());
        let model = Extractor::bundled().model().expect("bundled model");
        let case = crate::tagger::Weights::case_lexicon(model);
        drop_non_places(&mut c, text, ms, case, Gazetteer::bundled());
        c
    }

    /// The place values left once `places` are read in `text`.
    fn placed_name_words(text: &str, places: &[&str]) -> Vec<String> {
        let surfaces: Vec<_> = places.iter().map(|p| (Location, *p)).collect();
        let c = after_drop(text, &mentions_of(text, &surfaces));
        assert_eq!(c.locations.len(), c.location_ids.len());
        c.locations
    }

    #[test]
    fn ordinary_words_stay_where_their_name_or_place_is_written() {
        let oval = "Pakistan batted at The Oval on Saturday.";
        assert_eq!(placed_name_words(oval, &["Pakistan", "The Oval"]).len(), 2);
        let within = "A worker repaired cables in Flushing, Queens.";
        assert_eq!(placed_name_words(within, &["Flushing", "Queens"]).len(), 2);
        // A placing word alone, or a comma before another word, is not enough.
        let plain = "It was heard in Radio waves. Staff at Space, Smith and Co left.";
        assert!(placed_name_words(plain, &["Radio", "Space", "Smith"]).is_empty());
    }

    #[test]
    fn persons_names_leave_the_places_unless_the_text_places_them() {
        let told = "That is a very old experiment by Russell. Moscow agreed.";
        assert_eq!(placed_name_words(told, &["Russell", "Moscow"]), ["Moscow"]);
        let after_in = "The old experiment was repeated in Russell last year.";
        assert_eq!(placed_name_words(after_in, &["Russell"]), ["Russell"]);
        let listed = "They work in four districts: Mysore, Mandya and Russell.";
        assert!(placed_name_words(listed, &["Mysore", "Mandya", "Russell"])
            .contains(&"Russell".to_string()));
        // Oliver North is a person; "the North" of Korea is a place.
        let compass = "Seoul would talk only if the North accepted.";
        assert_eq!(placed_name_words(compass, &["North", "Seoul"]).len(), 2);
    }

    #[test]
    fn unknown_words_leave_the_places_unless_placed_or_listed() {
        let firms = "Vox reported it first. Newsweek agreed with Moscow.";
        assert_eq!(
            placed_name_words(firms, &["Vox", "Newsweek", "Moscow"]),
            ["Moscow"]
        );
        let beside_nouns = "They came from the village of Poolangudi. Karish and \
                            Tanin fields lie off Haifa. (at Headingley, Leeds)";
        let kept = ["Poolangudi", "Karish", "Tanin", "Headingley"];
        assert_eq!(placed_name_words(beside_nouns, &kept), kept);
        let routes = "Kabul reopened the Salang tunnel.";
        assert_eq!(placed_name_words(routes, &["Kabul", "Salang"]).len(), 2);
        let unlisted = "Yugoslavia beat Kazakstan. Kīlauea erupted. The Midwest froze.";
        let kept = ["Yugoslavia", "Kazakstan", "Kīlauea", "Midwest"];
        assert_eq!(placed_name_words(unlisted, &kept), kept);
    }
}
