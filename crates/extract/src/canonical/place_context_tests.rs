//! Tests of `place_context`: what the words around a name say about it
//! being a place, through `canonicalize`.

use super::super::tests::{m, mentions_of};
use super::super::*;
use super::without_compass;
use EntityKind::*;

pub(super) fn canon(text: &str, surfaces: &[(EntityKind, &str)]) -> Canonical {
    canonicalize(text, &mentions_of(text, surfaces), Gazetteer::bundled())
}

#[test]
fn a_seat_of_government_named_as_a_location_is_a_place() {
    let text = "The Kremlin said so. A man set himself on fire between the south \
                lawn of the White House and the Ellipse. Whitehall announced it. \
                The meeting, held at the Kremlin, ended.";
    let c = canon(
        text,
        &[
            (Location, "Kremlin"),
            (Location, "White House"),
            (Location, "Whitehall"),
        ],
    );
    assert_eq!(c.locations, ["White House"]);
    assert_eq!(c.organizations, ["Kremlin", "Whitehall"]);
    let c = canon("Protesters in Whitehall.", &[(Location, "Whitehall")]);
    assert_eq!(c.locations, ["Whitehall"]);
}

#[test]
fn a_place_and_the_area_containing_it_are_both_places_everywhere() {
    let text = "A fire on a Florida highway killed two. One driver was from \
                West Palm Beach, Florida. Girls died in Koszalin, North Poland; \
                Poland mourns. The children were from Marksville, Louisiana. \
                Zynga, Texas, said so. It was bought from Taiwan Power Co, Taiwan. \
                A jet blew up over Lockerbie, Scotland.";
    let c = canon(
        text,
        &[
            (Organization, "Florida"),
            (Location, "West Palm Beach"),
            (Location, "Koszalin"),
            (Person, "North Poland"),
            (Person, "Poland"),
            (Organization, "Marksville"),
            (Location, "Louisiana"),
            (Organization, "Zynga"),
            (Location, "Texas"),
            (Organization, "Taiwan Power Co"),
            (Location, "Taiwan"),
            (Organization, "Lockerbie"),
            (Location, "Scotland"),
        ],
    );
    assert_eq!(
        c.locations,
        [
            "Florida",
            "West Palm Beach",
            "Koszalin",
            "Poland",
            "Marksville",
            "Louisiana",
            "Texas",
            "Taiwan",
            "Lockerbie",
            "Scotland"
        ]
    );
    assert!(c.persons.is_empty(), "{c:?}");
    assert_eq!(c.organizations, ["Zynga", "Taiwan Power Co"]);
}

#[test]
fn a_name_between_a_place_and_its_country_is_a_place() {
    let text = "Three died in Forbury Gardens in Reading, Berkshire, UK. A bus \
                hit a bridge in Winchester, Hampshire, England. Offices in \
                London, Lloyds Bank, UK, closed.";
    let c = canon(
        text,
        &[
            (Location, "Reading"),
            (Organization, "Berkshire"),
            (Location, "UK"),
            (Location, "Winchester"),
            (Person, "Hampshire"),
            (Location, "England"),
            (Location, "London"),
            (Organization, "Lloyds Bank"),
            (Location, "UK"),
        ],
    );
    for place in ["Berkshire", "Hampshire"] {
        assert!(c.locations.iter().any(|l| l == place), "{:?}", c.locations);
    }
    assert!(c.persons.is_empty(), "{:?}", c.persons);
    assert_eq!(c.organizations, ["Lloyds Bank"]);
}

#[test]
fn a_region_named_with_its_noun_is_the_region() {
    let text = "Patients in Guangdong Province and in the Biobio Region recovered; \
                Aceh Province reported none.";
    let c = canon(
        text,
        &[
            (Organization, "Guangdong Province"),
            (Location, "Biobio Region"),
            (Organization, "Aceh Province"),
        ],
    );
    assert_eq!(c.locations, ["Guangdong", "Biobío", "Aceh"]);
    assert!(c.organizations.is_empty(), "{:?}", c.organizations);
    assert_eq!(c.location_ids[1..], [Some(3898380), Some(1215638)]);
}

#[test]
fn an_english_county_after_in_is_the_county_not_the_team() {
    let text = "He had been living in Staffordshire. Yorkshire beat Lancashire at \
                Headingley.";
    let c = canon(
        text,
        &[
            (Organization, "Staffordshire"),
            (Organization, "Yorkshire"),
            (Organization, "Lancashire"),
            (Location, "Headingley"),
        ],
    );
    assert_eq!(c.locations, ["Staffordshire", "Headingley"]);
    assert_eq!(c.organizations, ["Yorkshire", "Lancashire"]);
}

#[test]
fn a_dateline_does_not_make_the_team_a_place() {
    let text = "NICE, France 1996-08-30\nBaratelli is to coach Nice, the club said.";
    let c = canon(
        text,
        &[
            (Location, "NICE"),
            (Location, "France"),
            (Organization, "Nice"),
        ],
    );
    assert_eq!(c.organizations, ["Nice"]);
}

#[test]
fn a_place_noun_with_of_makes_a_place() {
    let text = "Statues dot the island of Rapa Nui. Ana Rapa lives in the town of Hanga Roa.";
    let c = canon(
        text,
        &[
            (Person, "Rapa Nui"),
            (Person, "Ana Rapa"),
            (Organization, "Hanga Roa"),
        ],
    );
    // Rapa Nui is Easter Island's other name (`geography`).
    assert_eq!(c.locations, ["Easter Island", "Hanga Roa"]);
    assert_eq!(c.persons, ["Ana Rapa"]);
    let text = "Residents of Leeds voted no. Tanks filled the streets of Barcelona.";
    let c = canon(
        text,
        &[(Organization, "Leeds"), (Organization, "Barcelona")],
    );
    assert_eq!(c.locations, ["Leeds", "Barcelona"]);
}

#[test]
fn the_office_of_a_place_makes_a_place() {
    let text = "Hickenlooper has served as mayor of Denver. The president of \
                Robert Mugabe's party spoke.";
    let c = canon(
        text,
        &[
            (Person, "Hickenlooper"),
            (Person, "Denver"),
            (Person, "Robert Mugabe"),
        ],
    );
    assert_eq!(c.locations, ["Denver"]);
    assert_eq!(c.persons, ["Hickenlooper", "Robert Mugabe"]);
    let text = "Bernardin became archbishop of Cincinnati. The governor of the \
                Bank of Japan spoke.";
    let c = canon(
        text,
        &[
            (Organization, "Cincinnati"),
            (Organization, "Bank of Japan"),
        ],
    );
    assert_eq!(c.locations, ["Cincinnati"]);
    assert_eq!(c.organizations, ["Bank of Japan"]);
}

#[test]
fn an_area_noun_after_or_in_before_a_person_makes_a_place() {
    let text = "A base in Maidan Shahr, in Maidan Wardak province, was hit; \
                in Ana Rapa's view it was the Zaliv region. Nice won in Nice. \
                George Washington lived in Washington; Bashar al-Assad's ally \
                trusted in Assad. A stake in Shearson Lehman; a fund in Ivan F. \
                Boesky; USDA county offices.";
    let c = canon(
        text,
        &[
            (Person, "Maidan Shahr"),
            (Organization, "Maidan Wardak"),
            (Person, "Ana Rapa"),
            (Person, "Zaliv"),
            (Organization, "Nice"),
            (Person, "George Washington"),
            (Person, "Washington"),
            (Person, "Bashar al-Assad"),
            (Person, "Assad"),
            (Person, "Shearson Lehman"),
            (Person, "Ivan F. Boesky"),
            (Organization, "USDA"),
        ],
    );
    assert_eq!(
        c.locations,
        ["Maidan Shahr", "Maidan Wardak", "Zaliv", "Washington, D.C."]
    );
    assert_eq!(
        c.persons,
        [
            "Ana Rapa",
            "George Washington",
            "Bashar al-Assad",
            "Shearson Lehman",
            "Ivan F. Boesky"
        ]
    );
    assert_eq!(c.organizations, ["Nice", "USDA"]);
}

#[test]
fn a_person_listed_after_a_place_in_is_a_place() {
    // Not "Saqqara el-Gebel": a place after "in" gives no given name.
    let text = "Birds were found in Saqqara and Tuna el-Gebel, and at Abydos. \
                Ali Sami of the bank in Bahrain and Imad Bata of Finance Corp \
                came. In Tokyo, Henry Wang said so. Digs in Tehna and Omar \
                Hadid began; Ahmed Hadid dug.";
    let c = canon(
        text,
        &[
            (Location, "Saqqara"),
            (Person, "Tuna el-Gebel"),
            (Location, "Abydos"),
            (Person, "Ali Sami"),
            (Location, "Bahrain"),
            (Person, "Imad Bata"),
            (Organization, "Finance Corp"),
            (Location, "Tokyo"),
            (Person, "Henry Wang"),
            (Location, "Tehna"),
            (Person, "Omar Hadid"),
            (Person, "Ahmed Hadid"),
        ],
    );
    assert_eq!(
        c.locations,
        [
            "Saqqara",
            "Tuna el-Gebel",
            "Abydos",
            "Bahrain",
            "Tokyo",
            "Tehna"
        ]
    );
    assert_eq!(
        c.persons,
        [
            "Ali Sami",
            "Imad Bata",
            "Henry Wang",
            "Omar Hadid",
            "Ahmed Hadid"
        ]
    );
}

#[test]
fn a_body_known_as_a_place_listed_after_a_place_in_is_a_place() {
    let text = "Plants in Kenosha and Milwaukee will close. \
                Shares in Kenosha and Finance Corp rose.";
    let c = canon(
        text,
        &[
            (Location, "Kenosha"),
            (Organization, "Milwaukee"),
            (Organization, "Finance Corp"),
        ],
    );
    assert_eq!(c.locations, ["Kenosha", "Milwaukee"]);
    assert_eq!(c.organizations, ["Finance Corp"]);
}

#[test]
fn a_city_after_in_outside_sport_is_the_city() {
    let text = "Margaret Thatcher met miners in Leeds. Leeds voted Labour.";
    let c = canon(
        text,
        &[(Person, "Margaret Thatcher"), (Organization, "Leeds")],
    );
    assert_eq!(c.locations, ["Leeds"]);
    assert!(c.organizations.is_empty());
    for text in ["A bomb went off outside Leeds.", "Rain fell across Leeds."] {
        let c = canon(text, &[(Organization, "Leeds")]);
        assert_eq!(c.locations, ["Leeds"], "{text}");
    }
    let text = "Riots spread in Leeds and Bradford.";
    let c = canon(text, &[(Organization, "Leeds"), (Organization, "Bradford")]);
    assert_eq!(c.locations, ["Leeds", "Bradford"]);
    let text = "Rain fell across Manchester and Leeds.";
    let c = canon(text, &[(Location, "Manchester"), (Organization, "Leeds")]);
    assert_eq!(c.locations, ["Manchester", "Leeds"]);
    let c = canon("We buy parts from Leeds.", &[(Organization, "Leeds")]);
    assert_eq!(c.organizations, ["Leeds"]);
    // To or from it after a word of travel.
    for text in [
        "Thousands fled to Leeds.",
        "Flights from Leeds were cancelled.",
    ] {
        let c = canon(text, &[(Organization, "Leeds")]);
        assert_eq!(c.locations, ["Leeds"], "{text}");
    }
    // A team in a sports article, an acronym, a possessive, a stake.
    for text in [
        "Arsenal lost in Leeds in the league.",
        "The rise came in OBU assets.",
        "The properties in Leeds's portfolio.",
        "He bought a stake in Leeds.",
    ] {
        let name = if text.contains("OBU") { "OBU" } else { "Leeds" };
        let c = canon(text, &[(Organization, name)]);
        assert_eq!(c.organizations, [name], "{text}");
    }
}

#[test]
fn a_city_with_what_only_places_have_is_the_city() {
    let text = "Liverpool's mayor said the city would recover.";
    let c = canon(text, &[(Organization, "Liverpool")]);
    assert_eq!(c.locations, ["Liverpool"]);
    let c = canon(
        "Liverpool's coach was sacked.",
        &[(Organization, "Liverpool")],
    );
    assert_eq!(c.organizations, ["Liverpool"]);
}

#[test]
fn a_person_at_the_end_of_a_route_is_a_place() {
    let text = "The jet flew from Jakarta to Pangkal Pinang. Peace talks between \
                Israel and Hizbollah; Mary Smith flew to Jordan.";
    let c = canon(
        text,
        &[
            (Location, "Jakarta"),
            (Person, "Pangkal Pinang"),
            (Location, "Israel"),
            (Organization, "Hizbollah"),
            (Location, "Jordan"),
            (Person, "Mary Smith"),
        ],
    );
    assert_eq!(
        c.locations,
        ["Jakarta", "Pangkal Pinang", "Israel", "Jordan"]
    );
    assert_eq!(c.organizations, ["Hizbollah"]);
}

#[test]
fn compass_words_lead_to_the_place_only_by_its_own_name() {
    assert_eq!(without_compass("North Poland"), Some("Poland"));
    assert_eq!(without_compass("Poland"), None);
    assert_eq!(without_compass("West Germany"), None);
    let ms = [
        m(Location, "Northern Syria"),
        m(Location, "South America"),
        m(Location, "North Korea"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Syria", "South America", "North Korea"]);
}

#[test]
fn a_seat_of_government_outside_which_a_country_stands_is_a_place() {
    let text = "A man set himself on fire outside US White House, near the south lawn of \
                the White House.";
    let c = canon(
        text,
        &[(Location, "White House"), (Location, "White House")],
    );
    assert_eq!(c.locations, ["White House"]);
}

#[test]
fn a_place_before_the_title_of_its_office_is_a_place() {
    let text = "Seattle Mayor Jenny Durkan agreed with New York Governor Andrew \
                Cuomo. Bank Governor Kombo Moyana did not. The Seattle mayoral race.";
    let c = canon(
        text,
        &[
            (Organization, "Seattle"),
            (Location, "New York"),
            (Person, "Jenny Durkan"),
            (Person, "Andrew Cuomo"),
            (Organization, "Bank"),
        ],
    );
    // The state whose governor he is, not the city.
    assert_eq!(c.locations, ["Seattle", "New York"]);
    assert_eq!(c.organizations, ["Bank"]);
}

#[test]
fn a_region_with_state_after_it_is_the_region() {
    let text = "The border between New York State and Quebec closed, as did \
                Washington State. Ohio State University reopened.";
    let c = canon(
        text,
        &[
            (Location, "New York"),
            (Location, "Quebec"),
            (Location, "Washington State"),
            (Organization, "Ohio State University"),
        ],
    );
    assert_eq!(c.locations, ["New York", "Québec", "Washington"]);
    assert_eq!(c.organizations, ["Ohio State University"]);
}

#[test]
fn a_small_town_before_its_region_is_a_place() {
    let text = "The tornado hit Mayfield, Kentucky. Smith, Kentucky's senator, spoke.";
    let c = canon(
        text,
        &[
            (Person, "Mayfield"),
            (Location, "Kentucky"),
            (Person, "Smith"),
            (Location, "Kentucky"),
        ],
    );
    assert_eq!(c.locations, ["Mayfield", "Kentucky"]);
    // No town of Kentucky is named Smith.
    assert_eq!(c.persons, ["Smith"]);
    let text = "Amcast said Newman's Kendallville, Indiana plant is large.";
    let c = canon(
        text,
        &[(Organization, "Kendallville"), (Location, "Indiana")],
    );
    assert_eq!(c.locations, ["Kendallville", "Indiana"]);
}
