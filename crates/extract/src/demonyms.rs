//! Demonyms the tagger takes for persons or places: "Kuwaiti",
//! "Londoners", "Hong Konger", "Omani". CoNLL labels them MISC and the
//! labelling guideline leaves them out of every facet, so their person and
//! place mentions are dropped before canonicalisation. A word the training
//! data knows as part of a person's name stays ("R. Irani", the cricketer);
//! organization mentions are left alone ("New Yorker", the magazine),
//! but for a people in the plural outside sport, where it names no team
//! ("Texans went to the polls", "Many Hongkongers fear the law").

use foldhash::HashSet;
use xxhash_rust::xxh3::xxh3_64;

use super::cities_and_states::about_sport;
use super::features::lexicon::CaseLexicon;
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::{EntityKind, Mention};

/// Endings that make a demonym of a place name ("Kuwaiti", "Kenyan",
/// "Londoners", "Samoans", "Hong Konger"), longest first.
const DEMONYM_ENDINGS: &[&str] = &[
    "ians", "iens", "ites", "ers", "ans", "ese", "ian", "ien", "ite", "er", "an", "ns", "is", "i",
    "n",
];

/// Drops the person and place mentions that are demonyms (see the module
/// doc).
pub(crate) fn drop_demonyms(
    text: &str,
    mentions: &mut Vec<Mention>,
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    let names = CaseLexicon::FIRST_NAME | CaseLexicon::LAST_NAME;
    // An article names its people and places many times: each text is
    // judged once for each of person or place, and body.
    let mut judged: HashSet<(&str, bool)> = HashSet::default();
    let mut demonyms: HashSet<String> = HashSet::default();
    // Whether the text reads as sport, asked once a people needs it.
    let sport = std::cell::OnceCell::new();
    for m in mentions.iter() {
        // A body only in the plural ("Texans"), and outside sport.
        let body = m.kind == EntityKind::Organization;
        if (body && !m.text.ends_with(['s', 'S'])) || !judged.insert((&m.text, body)) {
            continue;
        }
        let key = name_key(&m.text);
        let last = key.rsplit(' ').next().unwrap_or_default();
        let a_name = case.get(xxh3_64(last.as_bytes())) & names != 0;
        if !a_name
            && is_demonym(&key, gazetteer)
            && !(body && *sport.get_or_init(|| about_sport(text)))
        {
            demonyms.insert(m.text.clone());
        }
    }
    if !demonyms.is_empty() {
        mentions.retain(|m| !demonyms.contains(&m.text));
    }
}

/// Whether a name key is a demonym of a country, a region or a city of a
/// million people or more ("-i" only of countries and regions: "Mirati"
/// is a village, not a people of Meerut), and no place itself ("Oman",
/// "Jordan").
pub(crate) fn is_demonym(key: &str, gazetteer: &Gazetteer) -> bool {
    if key.len() < 4 || gazetteer.contains(key) {
        return false;
    }
    let place = |stem: &str, end: &str| {
        gazetteer.resolve(stem, &[]).is_some_and(|p| match p.kind {
            PlaceKind::City => end != "i" && p.population >= 1_000_000,
            _ => true,
        })
    };
    DEMONYM_ENDINGS.iter().any(|end| {
        key.strip_suffix(end).is_some_and(|stem| {
            // "Texan" and "Kansans" drop the place's "as".
            let as_dropped = || matches!(*end, "an" | "ans") && place(&format!("{stem}as"), end);
            stem.len() >= 3 && (place(stem, end) || as_dropped())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_demonym;
    use crate::gazetteer::Gazetteer;
    use crate::Extractor;

    #[test]
    fn demonyms_of_countries_regions_and_big_cities() {
        let g = Gazetteer::bundled();
        for d in [
            "kuwaiti",
            "kenyan",
            "londoners",
            "samoans",
            "hong konger",
            "alaskan",
        ] {
            assert!(is_demonym(d, g), "{d}");
        }
        for d in [
            "oman",
            "jordan",
            "adrian",
            "mirati",
            "christian",
            "julian",
            "alan",
        ] {
            assert!(!is_demonym(d, g), "{d}");
        }
    }

    #[test]
    fn demonyms_are_no_persons_or_places() {
        let text = "Kuwaiti oil output rose, a Kuwaiti official said. Londoners \
                    queued in London.";
        let x = Extractor::bundled().extract(text);
        assert!(x.persons.is_empty(), "{:?}", x.mentions);
        assert_eq!(x.locations, ["London"], "{:?}", x.mentions);
    }

    #[test]
    fn a_people_in_the_plural_is_no_organization_outside_sport() {
        let x = Extractor::bundled().extract("Many Hongkongers fear the law.");
        assert!(x.organizations.is_empty(), "{:?}", x.mentions);
        let x = Extractor::bundled().extract("Texans went to the polls.");
        assert!(x.organizations.is_empty(), "{:?}", x.mentions);
        let text = "Ontario and Alberta talked. Albertans and British Columbians voted.";
        let x = Extractor::bundled().extract(text);
        assert!(x.organizations.is_empty(), "{:?}", x.mentions);
    }
}
