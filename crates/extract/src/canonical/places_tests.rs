//! Tests of `places`: locations resolved, named and folded, through
//! `canonicalize`.

use super::super::tests::m;
use super::super::*;

#[test]
fn locations_resolve_and_carry_their_countries() {
    use EntityKind::*;
    let ms = [
        m(Location, "Moskva"),
        m(Location, "the United States"),
        m(Location, "Paris"),
        m(Location, "Texas"),
        m(Location, "Middle East"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.locations,
        ["Moscow", "United States", "Paris", "Texas", "Middle East"]
    );
    assert_eq!(
        c.places,
        [
            "Moscow",
            "Russia",
            "United States",
            "Paris",
            "Texas",
            "Middle East"
        ]
    );
}

#[test]
fn places_of_adds_containers() {
    let g = Gazetteer::bundled();
    let given = ["Tartus", "Qamishli", "Nowhere Land", "Moskva"].map(String::from);
    let expected = [
        "Tartus",
        "Tartus Governorate",
        "Syria",
        "Qamishli",
        "Al-Hasakah Governorate",
        "Nowhere Land",
        "Moskva",
        "Moscow",
        "Russia",
    ];
    assert_eq!(places_of(&given, g), expected);
}

#[test]
fn named_features_beat_towns_of_their_name() {
    use EntityKind::*;
    let ms = [
        m(Location, "Rio Grande"),
        m(Location, "Bali"),
        // The tagger's organization: the feature all the same.
        m(Organization, "Azores"),
        m(Location, "Hawaii"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Rio Grande", "Bali", "Azores", "Hawaii"]);
    assert_eq!(
        c.places,
        [
            "Rio Grande",
            "Bali",
            "Indonesia",
            "Azores",
            "Portugal",
            "Hawaii",
            "United States"
        ]
    );
    // The Azores are also a region of Portugal in GeoNames, with its id.
    assert_eq!(c.location_ids, [None, None, Some(3411865), Some(5855797)]);
}

#[test]
fn official_names_of_countries_are_the_countries() {
    use EntityKind::*;
    let ms = [
        m(Location, "Republic of Ireland"),
        m(Location, "Kingdom of Saudi Arabia"),
        m(Location, "Federal Republic of Germany"),
        m(Location, "Republic of China"),
        m(Location, "Republic of Texas"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.locations,
        [
            "Ireland",
            "Saudi Arabia",
            "Germany",
            "Republic of China",
            "Republic of Texas"
        ]
    );
}

#[test]
fn short_forms_of_airports_and_roads_fold_into_them() {
    use EntityKind::*;
    let ms = [
        m(Location, "Fath Airport"),
        m(Location, "Payam International Airport"),
        m(Location, "Fath"),
        m(Location, "Payam"),
        m(Location, "Route 2"),
        m(Location, "U.S. Route 2"),
        m(Location, "Toronto"),
        m(Location, "Toronto Pearson Airport"),
        m(Location, "Orange County"),
        m(Location, "Orange County Airport"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.locations,
        [
            "Fath Airport",
            "Payam International Airport",
            "U.S. Route 2",
            "Toronto",
            "Toronto Pearson Airport",
            "Orange County",
            "Orange County Airport"
        ]
    );
}

#[test]
fn a_feature_word_alone_is_the_one_feature_so_named() {
    use EntityKind::*;
    let ms = [
        m(Location, "Gulf"),
        m(Location, "Persian Gulf"),
        m(Location, "Channel"),
        m(Location, "English Channel"),
        m(Location, "Bristol Channel"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.locations,
        [
            "Persian Gulf",
            "Channel",
            "English Channel",
            "Bristol Channel"
        ]
    );
}

#[test]
fn a_bare_gulf_is_the_gulf_of_the_articles_other_places() {
    use EntityKind::*;
    let locations = |names: &[&str]| {
        let ms: Vec<Mention> = names.iter().map(|n| m(Location, n)).collect();
        canonicalize("", &ms, Gazetteer::bundled()).locations
    };
    assert_eq!(locations(&["Gulf", "Syria", "Damascus"])[0], "Persian Gulf");
    assert_eq!(locations(&["Gulf", "Louisiana"])[0], "Gulf of Mexico");
    // A city of the coast counts by its state; the United States alone not.
    assert_eq!(
        locations(&["Gulf", "Houston", "Japan"])[0],
        "Gulf of Mexico"
    );
    assert_eq!(locations(&["Gulf", "United States", "Japan"])[0], "Gulf");
    assert_eq!(locations(&["Gulf", "Iran", "Texas"])[0], "Gulf");
    assert_eq!(
        locations(&["Mideast Gulf", "U.S. Gulf"]),
        ["Persian Gulf", "Gulf of Mexico"]
    );
    // The gulf the article names wins.
    let named = locations(&["Gulf", "Persian Gulf", "Louisiana"]);
    assert_eq!(named, ["Persian Gulf", "Louisiana"]);
}

#[test]
fn a_misspelt_place_is_the_place_it_misses_by_a_letter() {
    use EntityKind::*;
    let ms = [
        m(Location, "Louisiana"),
        m(Location, "Lousiana"),
        m(Location, "Austria"),
        m(Location, "Australia"),
        m(Location, "Gambia"),
        m(Location, "Zambia"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.locations,
        ["Louisiana", "Austria", "Australia", "Gambia", "Zambia"]
    );
}

#[test]
fn a_city_among_regions_is_the_region() {
    use EntityKind::*;
    let states = [
        m(Location, "Maine"),
        m(Location, "New York"),
        m(Location, "New Jersey"),
        m(Location, "Connecticut"),
    ];
    let c = canonicalize("", &states, Gazetteer::bundled());
    assert_eq!(c.locations[1], "New York");
    let city = [m(Location, "New York"), m(Location, "Argentina")];
    let c = canonicalize("", &city, Gazetteer::bundled());
    assert_eq!(c.locations[0], "New York City");
    // The capital's news name stays the capital among states; the region
    // of that name still contains it.
    let dc = [
        m(Location, "South Carolina"),
        m(Location, "New Mexico"),
        m(Location, "Rhode Island"),
        m(Location, "District of Columbia"),
    ];
    let c = canonicalize("", &dc, Gazetteer::bundled());
    assert_eq!(c.locations[3], "Washington, D.C.");
    assert!(c
        .places
        .ends_with(&["Washington, D.C.", "District of Columbia"].map(String::from)));
}

#[test]
fn a_philippine_city_written_with_city_is_the_city() {
    use EntityKind::*;
    let ms = [m(Location, "Kidapawan City"), m(Location, "Evans City")];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Kidapawan", "Evans City"]);
}

#[test]
fn a_town_is_read_in_the_region_an_ambiguous_name_means() {
    let x = crate::Extractor::bundled().extract(
        "Canamax Resources Inc will buy the Krezmar gold property, near Wawa, \
         Ontario, from Algoma Steel Corp Ltd and grant Algoma a royalty.",
    );
    assert_eq!(x.locations[..2], ["Wawa", "Ontario"]);
    assert!(!x.places.iter().any(|p| p == "Poland"), "{:?}", x.places);
}

#[test]
fn a_region_named_with_its_noun_is_the_region() {
    let x = crate::Extractor::bundled();
    // Japan's prefectures, most named as their capitals, and Russia's
    // federal subjects, named as newsrooms write them.
    let found = x.extract("Floods hit Aichi and Iwate Prefecture; Aomori Prefecture too.");
    assert_eq!(found.locations, ["Aichi", "Iwate", "Aomori Prefecture"]);
    assert_eq!(
        found.places,
        ["Aichi", "Japan", "Iwate", "Aomori Prefecture"]
    );
    let found = x.extract("Drones hit the Kursk region and Krasnodar Krai overnight.");
    assert_eq!(found.locations, ["Kursk Oblast", "Krasnodar Krai"]);
    // The city where no region's noun follows, the oblast where one does.
    let found = x.extract("Shelling hit Kharkiv overnight.");
    assert_eq!(found.locations, ["Kharkiv"]);
    let found = x.extract("Shelling hit the Kharkiv region overnight.");
    assert_eq!(found.locations, ["Kharkiv Oblast"]);
    // A body named with the noun is no place.
    let found = x.extract("The Paris Police Prefecture said so.");
    assert!(found.locations.is_empty(), "{:?}", found.mentions);
}
