//! Tests of `towns`: towns the tagger took for persons or organizations,
//! through `canonicalize`.

use super::super::tests::mentions_of;
use super::super::*;
use EntityKind::*;

fn canon(text: &str, surfaces: &[(EntityKind, &str)]) -> Canonical {
    canonicalize(text, &mentions_of(text, surfaces), Gazetteer::bundled())
}

#[test]
fn towns_listed_with_places_of_a_named_country_are_places() {
    let text = "An earthquake struck the Philippines. The towns damaged were \
                Carrascal, Cantilan, Madrid, Carmen, Lanuza, and Cortes. The \
                epicenter was east of Carrascal. Governor Alexander Pimentel spoke.";
    let c = canon(
        text,
        &[
            (Location, "Philippines"),
            (Organization, "Carrascal"),
            (Location, "Cantilan"),
            (Location, "Madrid"),
            (Location, "Carmen"),
            (Person, "Lanuza"),
            (Person, "Alexander Pimentel"),
        ],
    );
    assert_eq!(c.persons, ["Alexander Pimentel"]);
    assert!(c.organizations.is_empty(), "{:?}", c.organizations);
    for town in ["Carrascal", "Lanuza", "Carmen", "Cantilan"] {
        assert!(
            c.locations.iter().any(|l| l == town),
            "{town}: {:?}",
            c.locations
        );
    }
    // Carmen is the Philippine town, not Ciudad del Carmen, Mexico.
    assert!(!c.locations.iter().any(|l| l == "Ciudad del Carmen"));
}

#[test]
fn a_town_after_nearby_or_a_compass_point_is_a_place() {
    let text = "A man died near Pretoria, South Africa. The police department \
                of nearby Cullinan said so. Protests in Hong Kong went from \
                Causeway Bay and Tin Hau to Central.";
    let c = canon(
        text,
        &[
            (Location, "Pretoria"),
            (Location, "South Africa"),
            (Person, "Cullinan"),
            (Location, "Hong Kong"),
            (Person, "Causeway Bay"),
            (Person, "Tin Hau"),
        ],
    );
    assert!(c.persons.is_empty(), "{:?}", c.persons);
    for town in ["Cullinan", "Causeway Bay", "Tin Hau"] {
        assert!(
            c.locations.iter().any(|l| l == town),
            "{town}: {:?}",
            c.locations
        );
    }
}

#[test]
fn a_town_name_without_its_country_or_a_cue_stays_a_person() {
    // No country of Lanuza named; Cullinan with no cue; a Lanuza whose
    // surname another person shares.
    let text = "Madrid, Lanuza and Rome met. Lanuza of South Africa spoke. \
                Cullinan spoke in Pretoria, South Africa. \
                Maria Cullinan, nearby Cullinan and Durban.";
    let c = canon(
        text,
        &[
            (Location, "Madrid"),
            (Person, "Lanuza"),
            (Location, "Rome"),
            (Person, "Cullinan"),
            (Location, "Pretoria"),
            (Location, "South Africa"),
            (Person, "Maria Cullinan"),
            (Location, "Durban"),
        ],
    );
    assert!(c.persons.iter().any(|p| p == "Lanuza"), "{:?}", c.persons);
    assert!(
        c.persons.iter().any(|p| p == "Maria Cullinan"),
        "{:?}",
        c.persons
    );
    assert!(
        !c.locations.iter().any(|l| l == "Cullinan"),
        "{:?}",
        c.locations
    );
}

#[test]
fn one_place_among_given_names_makes_no_towns() {
    let text = "Imus died in Texas, United States. He is survived by four \
                daughters, Nadine, Ashley, Elizabeth, and Toni.";
    let c = canon(
        text,
        &[
            (Person, "Imus"),
            (Location, "Texas"),
            (Location, "United States"),
            (Person, "Nadine"),
            (Person, "Ashley"),
            (Location, "Elizabeth"),
            (Person, "Toni"),
        ],
    );
    assert!(c.persons.iter().any(|p| p == "Ashley"), "{:?}", c.persons);
}

#[test]
fn partners_of_a_firm_are_no_towns() {
    let text = "Prices fell in the United States, said Davis Saks, with Morgan, \
                Olmstead, Kennedy and Gardner. Woodhouse, Drake and Carey said so.";
    let c = canon(
        text,
        &[
            (Location, "United States"),
            (Person, "Davis Saks"),
            (Organization, "Morgan"),
            (Location, "Olmstead"),
            (Location, "Kennedy"),
            (Location, "Gardner"),
            (Location, "Woodhouse"),
            (Location, "Drake"),
            (Organization, "Carey"),
        ],
    );
    assert!(
        !c.locations.iter().any(|l| l == "Morgan" || l == "Carey"),
        "{:?}",
        c.locations
    );
}

#[test]
fn the_town_after_a_firm_is_a_place_but_a_firm_in_a_list_is_not() {
    let text = "PAYING AGENT: Michigan National Bank, Detroit\nUnderwriters are \
                Merrill Lynch Canada Inc, Loewen, Ondaatje, McCutcheon and Co Ltd.";
    let c = canon(
        text,
        &[
            (Organization, "Michigan National Bank"),
            (Organization, "Detroit"),
            (Organization, "Merrill Lynch Canada Inc"),
            (Organization, "Loewen"),
        ],
    );
    assert_eq!(c.locations, ["Detroit"]);
    assert!(c.organizations.iter().any(|o| o == "Loewen"), "{c:?}");
}

#[test]
fn a_name_listed_after_towns_including_is_a_town() {
    let text = "Albanese announced funding for flood-hit towns in northern New South \
                Wales, including Lismore. Lenders including Barclays cut rates.";
    let c = canon(
        text,
        &[
            (Person, "Albanese"),
            (Location, "New South Wales"),
            (Organization, "Lismore"),
            (Organization, "Barclays"),
        ],
    );
    assert_eq!(c.locations, ["New South Wales", "Lismore"]);
    assert_eq!(c.organizations, ["Barclays"]);
}
