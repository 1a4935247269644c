//! Tests of `resolve`: which place a name means, in and out of context.

use super::super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::bundled()
}

#[test]
fn moskva_and_moscow_are_one_place() {
    let a = g().resolve("Moskva", &[]).unwrap();
    let b = g().resolve("Moscow", &[]).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.name, "Moscow");
    assert_eq!(&*a.country, "Russia");
    assert_eq!(g().resolve("MOSCOW", &[]), Some(a));
}

#[test]
fn continents_are_no_towns_nor_countries_and_tag_nothing() {
    // "Asia" was a town of the Philippines, "Europe" had no id.
    let asia = g().resolve("Asia", &[]).unwrap();
    assert_eq!(asia.kind, PlaceKind::Continent);
    assert_eq!(asia.geonames_id, Some(6_255_147));
    let manila = g().resolve("Manila", &[]).unwrap();
    assert_eq!(g().resolve("Asia", &[manila]), Some(asia));
    let europe = g().resolve("Europe", &[]).unwrap();
    assert_eq!(europe.geonames_id, Some(6_255_148));
    assert!(g().containing(europe).is_empty());
    let places = ["Europe".to_string(), "France".to_string()];
    assert_eq!(g().countries_among(&places), ["France"]);
    // The tagger was trained without them: its place feature is unchanged.
    let mut tags = Vec::new();
    g().tag_tokens(&["in", "Europe", "and", "Asia"], &mut tags);
    assert!(tags[1].is_none());
    assert!(tags[3].city());
}

#[test]
fn zurich_with_or_without_umlaut() {
    let a = g().resolve("Zurich", &[]).unwrap();
    assert_eq!(Some(a), g().resolve("Zürich", &[]));
    assert_eq!(Some(a), g().resolve("ZÜRICH", &[]));
    assert_eq!(&*a.country, "Switzerland");
}

#[test]
fn countries_use_newsroom_names_and_aliases() {
    let syria = g().resolve("Syria", &[]).unwrap();
    assert_eq!(syria.kind, PlaceKind::Country);
    assert_eq!(g().resolve("Syrian Arab Republic", &[]), Some(syria));
    for (alias, name) in [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Holland", "Netherlands"),
        ("Russian Federation", "Russia"),
        ("Czechia", "Czech Republic"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Palestinian Territory", "Palestine"),
    ] {
        let p = g().resolve(alias, &[]).unwrap();
        assert_eq!(
            (alias, p.name.as_str(), p.kind),
            (alias, name, PlaceKind::Country)
        );
    }
}

#[test]
fn tartus_is_a_syrian_city_in_its_governorate() {
    let t = g().resolve("Tartus", &[]).unwrap();
    assert_eq!(t.kind, PlaceKind::City);
    assert_eq!(g().containing(t), ["Tartus Governorate", "Syria"]);
    let syria = g().resolve("Syria", &[]).unwrap();
    assert!(g().containing(syria).is_empty());
}

#[test]
fn cities_are_named_as_the_wire_services_write_them() {
    for (geonames, news) in [
        ("Zaporizhzhya", "Zaporizhzhia"),
        ("Kryvyy Rih", "Kryvyi Rih"),
        // Ethiopia's, whose GeoNames names mark ejectives.
        ("Mek'ele", "Mekelle"),
        ("Nazret", "Adama"),
    ] {
        assert_eq!(g().resolve(geonames, &[]).unwrap().name, news);
        assert_eq!(g().resolve(news, &[]).unwrap().name, news);
    }
}

#[test]
fn a_region_spelt_as_its_city_is_not_listed_again() {
    let tbilisi = g().resolve("Tbilisi", &[]).unwrap();
    assert_eq!(g().containing(tbilisi), ["Georgia"]);
    let kutaisi = g().resolve("Kutaisi", &[]).unwrap();
    assert_eq!(g().containing(kutaisi), ["Imereti", "Georgia"]);
    let quebec_city = g().resolve("Québec", &[]).unwrap();
    assert_eq!(g().containing(quebec_city), ["Quebec", "Canada"]);
}

#[test]
fn syrian_places_of_the_seed_article() {
    for (name, canonical) in [
        ("Damascus", "Damascus"),
        ("Qamishli", "Qamishli"),
        ("Hmeimim", "Hmeimim"),
        ("Latakia", "Latakia"),
        ("Raqqa", "Raqqa"),
    ] {
        let p = g().resolve(name, &[]).unwrap();
        assert_eq!(
            (p.name.as_str(), &*p.country),
            (canonical, "Syria"),
            "{name}"
        );
    }
    let h = g().resolve("Hmeimim", &[]).unwrap();
    assert_eq!(h.kind, PlaceKind::Locality);
    assert_eq!(g().containing(h), ["Latakia Governorate", "Syria"]);
}

#[test]
fn paris_is_french_unless_texas_is_in_context() {
    let paris = g().resolve("Paris", &[]).unwrap();
    assert_eq!(&*paris.country, "France");
    let texas = g().resolve("Texas", &[]).unwrap();
    assert_eq!(texas.kind, PlaceKind::Region);
    let tx = g().resolve("Paris", &[texas]).unwrap();
    assert_eq!(
        (&*tx.country, tx.admin1.as_deref()),
        ("United States", Some("Texas"))
    );
    // A country in context is weaker evidence than a city's size.
    let us = g().resolve("United States", &[]).unwrap();
    assert_eq!(&*g().resolve("Paris", &[us]).unwrap().country, "France");
    assert_eq!(&*g().resolve("Moscow", &[us]).unwrap().country, "Russia");
}

#[test]
fn own_names_beat_alternate_names() {
    let nd = g().resolve("New Delhi", &[]).unwrap();
    assert_eq!(nd.name, "New Delhi");
    let ok = g().resolve("Oklahoma", &[]).unwrap();
    assert_eq!(ok.kind, PlaceKind::Region);
}

#[test]
fn own_names_and_aliases_are_told_from_alternates() {
    let dc = g().resolve("Washington", &[]).unwrap();
    assert!(g().is_own_name("Washington", dc));
    let carmen = g().resolve("Ciudad del Carmen", &[]).unwrap();
    assert!(g().is_own_name("ciudad del carmen", carmen));
    assert!(!g().is_own_name("Carmen", carmen));
}

#[test]
fn ambiguous_names_take_the_news_sense() {
    let w = g().resolve("Washington", &[]).unwrap();
    assert_eq!(
        (w.kind, w.admin1.as_deref()),
        (PlaceKind::City, Some("District of Columbia"))
    );
    // The city is named so that the facet tells it from the state.
    assert_eq!(w.name, "Washington, D.C.");
    let ny = g().resolve("New York", &[]).unwrap();
    assert_eq!(ny.kind, PlaceKind::City);
    assert_eq!(ny.name, "New York City");
    assert_eq!(
        g().resolve("Georgia", &[]).unwrap().kind,
        PlaceKind::Country
    );
    assert_eq!(g().resolve("Texas", &[]).unwrap().kind, PlaceKind::Region);
}

#[test]
fn georgia_beside_states_or_atlanta_is_the_state() {
    let georgia = |context: &[&Place]| {
        let p = g().resolve("Georgia", context).unwrap();
        (p.kind, p.country.to_string())
    };
    let state = (PlaceKind::Region, "United States".to_owned());
    let country = (PlaceKind::Country, "Georgia".to_owned());
    let us = g().resolve("United States", &[]).unwrap();
    let texas = g().resolve("Texas", &[]).unwrap();
    let michigan = g().resolve("Michigan", &[]).unwrap();
    let atlanta = g().resolve("Atlanta", &[]).unwrap();
    // Taken for the country first, it vouches for nothing.
    let itself = g().resolve("Georgia", &[]).unwrap();
    assert_eq!(georgia(&[us, texas, michigan, itself]), state);
    assert_eq!(georgia(&[atlanta, itself]), state);
    assert_eq!(georgia(&[itself]), country);
    let russia = g().resolve("Russia", &[]).unwrap();
    let tbilisi = g().resolve("Tbilisi", &[]).unwrap();
    assert_eq!(georgia(&[us, russia, tbilisi]), country);
}

#[test]
fn a_city_written_about_worldwide_beats_a_namesake_in_a_country_of_the_context() {
    let us = g().resolve("United States", &[]).unwrap();
    for (city, country) in [
        ("Geneva", "Switzerland"),
        ("Venice", "Italy"),
        ("Dublin", "Ireland"),
    ] {
        assert_eq!(
            &*g().resolve(city, &[us]).unwrap().country,
            country,
            "{city}"
        );
    }
    // A region of the context still wins; so does a region's own name.
    let illinois = g().resolve("Illinois", &[]).unwrap();
    let geneva = g().resolve("Geneva", &[us, illinois]).unwrap();
    assert_eq!(geneva.admin1.as_deref(), Some("Illinois"));
    assert_eq!(
        g().resolve("Montana", &[us]).unwrap().kind,
        PlaceKind::Region
    );
    assert_eq!(g().resolve("Montana", &[]).unwrap().kind, PlaceKind::Region);
    // Only by its own name: "Salem" is no Jerusalem.
    assert_ne!(g().resolve("Salem", &[]).unwrap().name, "Jerusalem");
}

#[test]
fn regions_of_the_curated_table_keep_their_geonames_ids() {
    let id = |name: &str| g().resolve(name, &[]).and_then(|p| p.geonames_id);
    assert_eq!(id("England"), Some(6269131));
    assert_eq!(id("New South Wales"), Some(2155400));
    assert_eq!(id("Guangdong"), Some(1809935));
    assert_eq!(id("Gujarat"), Some(1270770));
}

#[test]
fn the_district_of_columbia_is_washington() {
    let dc = g().resolve("District of Columbia", &[]).unwrap();
    assert_eq!(dc.name, "Washington, D.C.");
    assert!(g().is_news_name("District of Columbia", dc));
    assert!(!g().is_news_name("Columbia", dc));
}

#[test]
fn old_names_of_small_cities_are_not_resolved() {
    // A small city's old name "Africa" is no name of it: the continent.
    assert_eq!(
        g().resolve("Africa", &[]).unwrap().kind,
        PlaceKind::Continent
    );
    assert_eq!(g().resolve("Khmeimim", &[]).unwrap().name, "Hmeimim");
    assert_eq!(g().resolve("Kiev", &[]).unwrap().name, "Kyiv");
    assert_eq!(g().resolve("Tartous", &[]).unwrap().name, "Tartus");
}

#[test]
fn a_small_city_is_found_by_its_name_and_city() {
    let tandag = g().resolve("Tandag City", &[]).unwrap();
    assert_eq!(tandag.name, "Tandag");
    assert_eq!(g().resolve("Quezon City", &[]).unwrap().name, "Quezon City");
    assert_eq!(
        super::super::resolve::city_stem("Tandag CITY"),
        Some("Tandag")
    );
    // Five bytes from the end of "Zürich" is inside "ü".
    assert_eq!(super::super::resolve::city_stem("Zürich"), None);
}

#[test]
fn a_region_beside_another_is_no_city_and_saint_is_st() {
    let quebec = g().resolve("Quebec", &[]).unwrap();
    assert_eq!(
        (quebec.name.as_str(), quebec.kind),
        ("Québec", PlaceKind::City)
    );
    let bc = g().resolve("British Columbia", &[]).unwrap();
    let quebec = g().resolve("Quebec", &[bc]).unwrap();
    assert_eq!(
        (quebec.name.as_str(), quebec.kind),
        ("Quebec", PlaceKind::Region)
    );
    // A large city keeps its name beside its neighbours.
    let nj = g().resolve("New Jersey", &[]).unwrap();
    assert_eq!(
        g().resolve("New York", &[nj]).unwrap().name,
        "New York City"
    );
    let us = g().resolve("United States", &[]).unwrap();
    let louis = g().resolve("Saint Louis", &[us]).unwrap();
    assert_eq!(
        (louis.name.as_str(), &*louis.country),
        ("St. Louis", "United States")
    );
}

#[test]
fn a_citys_former_spelling_counts_as_its_own_name() {
    // "Odessa" is the own name of a Texan town and Odesa's older spelling.
    let odesa = g().resolve("Odessa", &[]).unwrap();
    assert_eq!((odesa.name.as_str(), &*odesa.country), ("Odesa", "Ukraine"));
    let texas = g().resolve("Texas", &[]).unwrap();
    let town = g().resolve("Odessa", &[texas]).unwrap();
    assert_eq!(
        (town.name.as_str(), &*town.country),
        ("Odessa", "United States")
    );
    // Not Calcutta, South Africa, nor an unknown Madras.
    assert_eq!(g().resolve("Calcutta", &[]).unwrap().name, "Kolkata");
    assert_eq!(g().resolve("Madras", &[]).unwrap().name, "Chennai");
}

#[test]
fn a_region_keeps_its_name_from_a_citys_other_name() {
    // GeoNames lists "Rio Grande do Sul" and "Bahia" among the names of
    // the cities of Rio Grande and Salvador; news means the states.
    for (name, state) in [
        ("Rio Grande do Sul", "Rio Grande do Sul"),
        ("Bahia", "Bahia"),
    ] {
        let p = g().resolve(name, &[]).unwrap();
        assert_eq!(
            (p.name.as_str(), p.kind),
            (state, PlaceKind::Region),
            "{name}"
        );
    }
    // A spelling of the city's own name stays the city's.
    let erbil = g().resolve("Arbil", &[]).unwrap();
    assert_eq!(
        (erbil.name.as_str(), erbil.kind),
        ("Erbil", PlaceKind::City)
    );
}
