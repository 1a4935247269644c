//! Places the tagger labelled miscellaneous: CoNLL-2003 calls "Arctic",
//! "Latin" and "Kurdish" miscellaneous (adjectives, languages,
//! peoples), and the tagger carries that over to the regions named with
//! such words ("He toured Latin America", "the offensive in the
//! Donbas", "fighting in Darfur"), which then reach no facet.
//!
//! A miscellaneous span is a place when its whole name is a named feature
//! nothing else is called (`canonical::geography`), a county of the United
//! Kingdom or Ireland ("Police in Greater Manchester"), one of [`REGIONS`],
//! or a country, first-level region or continent by its own name in the
//! gazetteer that no noun follows: "the Somali government" is Somalia's,
//! not Ethiopia's Somali Region.
//!
//! Over Reuters-21578 (`news extract` with and without the rule) this adds
//! a place to 47 article facets, 46 right ("Latin America" 31 times,
//! "Iraqi Kurdistan", "Yangtze", "New South Wales"), one a promotion
//! named "Europe on Us"; on the Wikinews articles one place ("the
//! tournament [Gibraltar]"), on the web pages "Darfur"; CoNLL-2003 dev
//! unchanged.

use super::canonical::{before_a_noun, county_named, names_only_a_feature};
use super::gazetteer::{name_key, Gazetteer, PlaceKind};

/// Regions news names that neither the gazetteer (populated places and
/// administrative areas) nor the features list holds, and that the
/// tagger reads as miscellaneous, as name keys.
const REGIONS: &[&str] = &["latin america", "darfur", "kurdistan", "iraqi kurdistan"];

/// Whether the tagger's miscellaneous span `name`, before the text
/// `after`, is a place (see the module doc).
pub(crate) fn misc_names_a_place(name: &str, after: &str, gazetteer: &Gazetteer) -> bool {
    let key = name_key(name);
    if REGIONS.contains(&key.as_str()) || names_only_a_feature(&key) || county_named(&key).is_some()
    {
        return true;
    }
    name.chars().any(char::is_lowercase)
        && !before_a_noun(after)
        && !gazetteer.is_risky(name)
        && gazetteer.resolve(name, &[]).is_some_and(|p| {
            matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
            ) && gazetteer.is_own_name(name, p)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn places(text: &str) -> Vec<String> {
        Extractor::bundled().extract(text).locations
    }

    #[test]
    fn regions_read_as_miscellaneous_are_places() {
        assert_eq!(
            places("He toured Latin America and the Caribbean."),
            ["Latin America", "Caribbean"]
        );
        assert_eq!(
            places("Russian forces pressed their offensive in the Donbas."),
            ["Donbas"]
        );
        assert_eq!(
            places("Fighting in Darfur has displaced millions."),
            ["Darfur"]
        );
        assert_eq!(
            places("Drought grips the Horn of Africa."),
            ["Horn of Africa"]
        );
        assert_eq!(
            places("Police in Greater Manchester arrested two men."),
            ["Greater Manchester"]
        );
    }

    #[test]
    fn a_state_read_as_miscellaneous_is_the_state() {
        let text = "The aircraft will be used by a 49 pct-owned commuter airline being \
                    formed for service in Ontario. Canadian International, as earlier \
                    reported, was formed from the merger.";
        assert_eq!(places(text), ["Ontario"]);
    }

    #[test]
    fn a_people_before_a_noun_is_no_place() {
        let gazetteer = Gazetteer::bundled();
        // Somali is also a region of Ethiopia.
        assert!(!misc_names_a_place("Somali", " government has", gazetteer));
        assert!(misc_names_a_place("Somali", ", the region", gazetteer));
        assert!(misc_names_a_place("Ontario", " and Quebec", gazetteer));
        assert!(!misc_names_a_place("Russian", ".", gazetteer));
    }
}
