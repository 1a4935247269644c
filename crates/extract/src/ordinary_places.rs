//! Ordinary words the tagger takes for places: "Radio", "Power",
//! "Bison", "Steal" (of "Stop the Steal"), capitalised in a title, a quote
//! or the name of something else. A place value of one word that the
//! gazetteer does not know, that is no named feature, and that the
//! dictionary writes only in lowercase (and training never in a person's
//! name) names no place: it leaves the facet and its mentions name
//! nothing. It is judged once the article's mentions agree on their kinds,
//! so a word the rules made an organization ("Twitter") is not touched,
//! and on the value, so a wire abbreviation read as its state ("Ill." as
//! Illinois) or a bare "Gulf" read as the Persian Gulf is not either; nor
//! is a geographic word ("the Gulf" of 1987's tanker war). A
//! word the dictionary also writes capitalised ("Pacific", "Parliament",
//! "Mandarin") is left to the labellers' disagreement.

use super::canonical::{is_geographic_word, Canonical};
use super::features::lexicon::CaseLexicon;
use super::gazetteer::Gazetteer;
use super::EntityKind;

/// Takes the place values that are ordinary words (see the module doc) out
/// of the article's facets, and out of its mentions' kinds.
pub(crate) fn drop_ordinary_places(c: &mut Canonical, case: &CaseLexicon, gazetteer: &Gazetteer) {
    let ordinary: Vec<String> = c
        .locations
        .iter()
        .zip(&c.location_ids)
        .filter(|(name, id)| id.is_none() && is_ordinary_word(name, case, gazetteer))
        .map(|(name, _)| name.clone())
        .collect();
    if ordinary.is_empty() {
        return;
    }
    (c.locations, c.location_ids) = std::mem::take(&mut c.locations)
        .into_iter()
        .zip(std::mem::take(&mut c.location_ids))
        .filter(|(name, _)| !ordinary.contains(name))
        .unzip();
    c.places.retain(|p| !ordinary.contains(p));
    for (kind, name) in c.kinds.iter_mut().zip(&c.names) {
        if *kind == Some(EntityKind::Location) && ordinary.contains(name) {
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
        let mut c = canonicalize(text, &ms, Gazetteer::bundled());
        let model = Extractor::bundled().model().expect("bundled model");
        let case = crate::tagger::Weights::case_lexicon(model);
        drop_ordinary_places(&mut c, case, Gazetteer::bundled());
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
}
