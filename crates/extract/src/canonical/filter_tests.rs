//! Tests of `filter`: mentions that name nothing.

use super::*;

fn nothing(text: &str, names: &[&str]) -> Vec<bool> {
    let cleaned: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let keys: Vec<String> = names.iter().map(|s| name_key(s)).collect();
    let filter = NothingFilter::new(text);
    cleaned
        .iter()
        .zip(&keys)
        .map(|(c, k)| filter.names_nothing(c, k, EntityKind::Organization))
        .collect()
}

#[test]
fn eponyms_of_diseases_and_compass_adjectives_name_nothing() {
    let text = "He died of Parkinson's disease. Lou Gehrig’s disease is rare; \
                so is Tourette's syndrome. Smith's house burned.";
    let names = [
        "Parkinson",
        "Lou Gehrig",
        "Tourette",
        "Smith",
        "Middle Eastern",
    ];
    assert_eq!(nothing(text, &names), [true, true, true, false, false]);
    let filter = NothingFilter::new(text);
    let place = |name: &str| filter.names_nothing(name, &name_key(name), EntityKind::Location);
    assert!(place("Middle Eastern") && place("Northern"));
    assert!(!place("Northern Ireland") && !place("Smith"));
    assert!(place("Middle East Respiratory Syndrome") && place("West Nile Virus"));
    assert!(place("Spanish Flu") && !place("Virus") && !place("Indiana Fever"));
    let person = |name: &str| filter.names_nothing(name, &name_key(name), EntityKind::Person);
    assert!(person("Director General") && person("Prime Minister"));
    assert!(!person("King") && !person("Stephen King") && !person("Lord King"));
    assert!(person("Carroll/Patel") && person("Oh") && person("Ciao"));
    let org = |name: &str| filter.names_nothing(name, &name_key(name), EntityKind::Organization);
    assert!(org("Cabinet") && org("House") && org("Earth") && org("Federal Government"));
    assert!(!org("House of Representatives") && !org("Senate") && !org("Treasury"));
    assert_eq!(NothingFilter::new("'s disease. A's disease").eponyms, ["a"]);
    let text = "It reached Category 5 on the Saffir–Simpson scale. Lyme disease spread. \
                A large scale, a rare disease. The Bundesbank scales down bids. NASA's \
                Kepler space telescope looked.";
    let names = ["Saffir", "Simpson", "Lyme", "Large", "Bundesbank", "Kepler"];
    assert_eq!(
        nothing(text, &names),
        [true, true, true, false, false, true]
    );
}

#[test]
fn a_person_may_be_called_day() {
    let names = ["Doris Day", "Mother's Day", "Independence Day"];
    let cleaned: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let keys: Vec<String> = names.iter().map(|s| name_key(s)).collect();
    let filter = NothingFilter::new("");
    let persons: Vec<bool> = cleaned
        .iter()
        .zip(&keys)
        .map(|(c, k)| filter.names_nothing(c, k, EntityKind::Person))
        .collect();
    assert_eq!(persons, [false, true, false]);
    assert_eq!(nothing("", &names), [true, true, true]);
}

#[test]
fn abbreviations_and_storms_name_nothing() {
    let text = "Tropical Storm Humberto became a hurricane at 8 p.m. AST (0000 UTC). \
                Humberto passed Bermuda; the hurricane season goes on. Storm Area 51.";
    assert_eq!(
        nothing(
            text,
            &[
                "UTC",
                "AST",
                "Humberto",
                "Hurricane Barry",
                "Bermuda",
                "Area",
                "Storm Area",
                "Unfortunately",
                "Although",
                "Absolutely",
                "Thank"
            ]
        ),
        [true, true, true, true, false, false, true, true, true, true, true]
    );
    assert_eq!(nothing("", &["", "Barry"]), [false, false]);
    let text = "Operation Midnight Hammer struck Fordow. Operation Sindoor followed.";
    assert_eq!(
        nothing(
            text,
            &["Hammer", "Midnight Hammer", "Operation Sindoor", "Fordow"]
        ),
        [true, true, true, false]
    );
    assert_eq!(
        nothing("", &["3D", "4K", "5G", "Q&A", "CEOs", "GNP", "3M", "G7"]),
        [true, true, true, true, true, true, false, false]
    );
    assert_eq!(
        nothing(
            "",
            &[
                "Tropical Storm Barry",
                "Super Typhoon Haiyan",
                "Tropical",
                "Storm"
            ]
        ),
        [true, true, false, false]
    );
    assert_eq!(nothing("Hurricane ", &["x"]), [false]);
    assert_eq!(nothing("Storm Ünïcödé", &["Ünïcödé"]), [true]);
    assert_eq!(
        nothing(
            "",
            &["Iraq War", "War", "Airbus A300s", "3M", "G20", "K2-18b"]
        ),
        [true, false, true, false, false, true]
    );
    assert_eq!(
        nothing(
            "",
            &["Toronto Comicon", "Mini Maker Faire", "G20 Summit", "Expo"]
        ),
        [true, true, true, false]
    );
}

#[test]
fn topics_and_doctrines_name_nothing() {
    assert_eq!(
        nothing(
            "",
            &[
                "Brexit",
                "COVID-19",
                "Fascism",
                "Communism",
                "Ism",
                "Chrism Ltd",
                "El Niño"
            ]
        ),
        [true, true, true, true, false, false, true]
    );
}

#[test]
fn space_objects_are_no_places_but_the_newspaper_stays() {
    use crate::Extractor;
    let x = Extractor::bundled()
        .extract("The planet orbits closer to the Sun than Earth does, astronomers in Chile said.");
    assert_eq!(x.locations, ["Chile"], "{:?}", x.mentions);
    let x = Extractor::bundled().extract("Editors at The Sun in London said so.");
    assert!(
        x.organizations.contains(&"Sun".to_string()),
        "{:?}",
        x.mentions
    );
}

#[test]
fn a_title_stripped_off_a_sentence_word_leaves_nothing() {
    use super::super::super::Mention;
    use super::super::{canonicalize, Gazetteer};
    let text = "MS Although we used data from 2004, it held.";
    let ms = [Mention {
        kind: EntityKind::Organization,
        text: "MS Although".into(),
        start: 0,
        end: 11,
    }];
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.kinds, [None]);
    assert!(c.persons.is_empty() && c.organizations.is_empty());
}

#[test]
fn a_determiner_alone_names_nothing_but_may_begin_a_name() {
    use super::super::tests::mentions_of;
    use super::super::{canonicalize, Gazetteer};
    use EntityKind::*;
    let canon = |text: &str, name: &str| {
        let ms = mentions_of(text, &[(Organization, name)]);
        canonicalize(text, &ms, Gazetteer::bundled()).organizations
    };
    assert!(canon("All 67 people died.", "All").is_empty());
    assert_eq!(
        canon("All Nippon Airways flew.", "All Nippon Airways"),
        ["All Nippon Airways"]
    );
}

#[test]
fn a_qualified_form_of_government_alone_names_no_place() {
    let filter = NothingFilter::new("");
    let places = [
        "Arab Republic",
        "People's Republic",
        "Islamic Republic",
        "Republic",
        "United Kingdom",
        "Syrian Arab Republic",
        "Czech Republic",
        "Federal Islamic",
    ];
    let found: Vec<bool> = places
        .iter()
        .map(|p| filter.names_nothing(p, &name_key(p), EntityKind::Location))
        .collect();
    assert_eq!(found, [true, true, true, false, false, false, false, false]);
    assert!(!filter.names_nothing(
        "Islamic Republic",
        "islamic republic",
        EntityKind::Organization
    ));
}

#[test]
fn a_generic_place_word_alone_names_no_place() {
    let filter = NothingFilter::new("");
    let places = [
        "County",
        "Constitution",
        "Province",
        "Lincoln County",
        "Republic",
        "Gulf",
    ];
    let found: Vec<bool> = places
        .iter()
        .map(|p| filter.names_nothing(p, &name_key(p), EntityKind::Location))
        .collect();
    assert_eq!(found, [true, true, true, false, false, false]);
    assert!(!filter.names_nothing("County", "county", EntityKind::Organization));
}

#[test]
fn holidays_name_nothing_but_islands_named_after_them_stay() {
    let names = [
        "Easter",
        "Christmas Eve",
        "Lunar New Year",
        "Ramadan",
        "New Year's Eve",
        "Easter Island",
        "Christmas Island",
    ];
    let named = nothing("", &names);
    assert_eq!(named, [true, true, true, true, true, false, false]);
}

#[test]
fn wire_sign_offs_amounts_and_table_words_name_nothing() {
    let text = "Oper shr 2.16 dlrs vs 2.07 dlrs.\nThe N.Z. dollar rose.\n\nREUTER...";
    let names = [
        "REUTER",
        "Reuter",
        "N.Z. Dlrs",
        "H.K. Dlr",
        "Oper",
        "Shr",
        "N.Z.",
        "MIDSESSION",
    ];
    assert_eq!(
        nothing(text, &names),
        [true, false, true, true, true, true, false, true]
    );
    // No sign-off without a last line of its own, or a last word after a
    // sentence or with the wire's marks.
    assert_eq!(nothing("REUTER", &["REUTER"]), [false]);
    assert_eq!(nothing("Sales rose 5 pct (4) NATO", &["NATO"]), [false]);
    assert_eq!(nothing("They met in the Levant. UN.", &["UN"]), [false]);
    for text in [
        "Period ended January 31. REUTER",
        "Sales rose. REUTER...^M",
        "Danish crown 5.2 (5.3) REUTER^M",
    ] {
        assert_eq!(nothing(text, &["REUTER"]), [true], "{text}");
    }
}

#[test]
fn the_agency_in_its_own_copy_is_an_organization() {
    let found = crate::Extractor::bundled().extract("A Reuter survey found output fell.");
    assert!(found.persons.is_empty(), "{:?}", found.persons);
}

#[test]
fn hashtags_and_handles_name_nothing() {
    let names = ["#LetHerSpeak", "@NelsonSchwartz", "Nelson Schwartz", "AT&T"];
    assert_eq!(nothing("", &names), [true, true, false, false]);
    let x = crate::Extractor::bundled().extract(
        "Retail sales\nStores are closing, Nelson D. Schwartz wrote. Follow \
         @NelsonSchwartz on Twitter for more on the economy.",
    );
    assert!(
        x.persons.iter().all(|p| !p.contains('@')),
        "{:?}",
        x.persons
    );
}

#[test]
fn aircraft_call_signs_and_technical_terms_name_nothing() {
    let names = ["Air Force One", "Marine One", "Air Force", "One Nation"];
    assert_eq!(nothing("", &names), [true, true, false, false]);
    let names = ["URL", "CC BY", "CC BY-SA", "GPS", "CC", "BYU"];
    assert_eq!(nothing("", &names), [true, true, true, true, false, false]);
}

#[test]
fn the_article_alone_names_nothing() {
    let names = ["The", "THE", "The Hague", "The Who"];
    assert_eq!(nothing("", &names), [true, true, false, false]);
}

#[test]
fn a_roman_numeral_alone_names_nothing() {
    assert_eq!(
        nothing(
            "Layers II, III and IV; Galaxy III; DC.",
            &["II", "XXI", "IV", "DC", "I"]
        ),
        [true, true, true, false, false]
    );
}

#[test]
fn legal_forms_alone_name_no_company() {
    assert_eq!(
        nothing(
            "",
            &[
                "CO",
                "Co Inc",
                "Co. Ltd",
                "Harris Upham and Co Inc",
                "Inc Magazine"
            ]
        ),
        [true, true, true, false, false]
    );
}

#[test]
fn crude_oils_name_nothing_and_brent_only_beside_oil() {
    let x = crate::Extractor::bundled().extract(
        "West Texas Intermediate rose 40 cts to 18.90 dlrs a barrel, and Arab Light \
         was steady. Brent crude fell.",
    );
    assert!(x.locations.is_empty(), "{:?}", x.mentions);
    assert!(x.organizations.is_empty(), "{:?}", x.mentions);
    // The borough of London, with no oil in the article.
    let filter = NothingFilter::new("Residents of Brent protested.");
    assert!(!filter.names_nothing("Brent", "brent", EntityKind::Location));
    let filter = NothingFilter::new("Brent traded at 18 dlrs a barrel.");
    assert!(filter.names_nothing("Brent", "brent", EntityKind::Location));
    // A person keeps the name.
    assert!(!filter.names_nothing("Brent", "brent", EntityKind::Person));
}
