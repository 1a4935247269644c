//! Tests of `types`: one kind per name and article, through `canonicalize`.

use super::super::tests::{m, mentions_of};
use super::super::{canonicalize, Canonical};
use super::*;
use EntityKind::*;

fn canon(ms: &[(EntityKind, &str)]) -> Canonical {
    let mentions: Vec<_> = ms.iter().map(|(k, t)| m(*k, t)).collect();
    canonicalize("", &mentions, Gazetteer::bundled())
}

fn kinds_of(ms: &[(EntityKind, &str)]) -> Vec<Option<EntityKind>> {
    canon(ms).kinds
}

#[test]
fn parts_of_a_full_person_name_are_that_person() {
    let c = canon(&[
        (Person, "Ahmed al-Sharaa"),
        (Organization, "al-Sharaa"),
        (Organization, "Sharaa"),
        (Location, "Assad"),
        (Person, "Bashar al-Assad"),
        (Organization, "Bashar al-Assad"),
        (Location, "Moscow"),
        // A given name alone that is a place stays a place.
        (Location, "Paris"),
        (Person, "Paris Hilton"),
        (Organization, "Ahmed"),
    ]);
    assert_eq!(
        c.kinds,
        [Person, Person, Person, Person, Person, Person, Location, Location, Person, Person]
            .map(Some)
    );
    assert_eq!(
        c.persons,
        ["Ahmed al-Sharaa", "Bashar al-Assad", "Paris Hilton"]
    );
}

#[test]
fn titled_and_led_person_names_are_that_person() {
    let c = canon(&[
        (Person, "John R. Bolton"),
        (Organization, "Ambassador Bolton"),
        (Person, "Elizabeth II"),
        (Organization, "Queen Elizabeth II"),
        (Person, "Nicola Sturgeon"),
        (Organization, "Scotland Nicola Sturgeon"),
        (Person, "Bill de Blasio"),
        (Organization, "NYC Mayor de Blasio"),
    ]);
    assert_eq!(c.kinds, [Some(Person); 8]);
    assert_eq!(
        c.persons,
        [
            "John R. Bolton",
            "Queen Elizabeth II",
            "Nicola Sturgeon",
            "Bill de Blasio"
        ]
    );
}

#[test]
fn a_role_before_a_name_makes_a_person() {
    let c = canon(&[
        (Organization, "Broadcaster Piers Morgan"),
        (Organization, "Spokesperson Morgan Ortagus"),
        (Organization, "Singer Co"),
    ]);
    assert_eq!(c.persons, ["Piers Morgan", "Morgan Ortagus"]);
    assert_eq!(c.organizations, ["Singer Co"]);
    // A company's offices, the acronym too; not a firm's name in capitals.
    let c = canon(&[
        (Organization, "CEO Elon Musk"),
        (Organization, "Chairman Mao"),
        (Organization, "MR. GASEKT CO"),
    ]);
    assert_eq!(c.persons, ["Elon Musk", "Mao"]);
    assert_eq!(c.organizations, ["MR. GASEKT CO"]);
    // Honorifics go too: "Swami", "Sayyid" and its Persian "Seyed".
    let c = canon(&[
        (Person, "Swami Chakrapani"),
        (Person, "Sayyid Ali Hosseini Khamenei"),
        (Person, "Seyed Mohammad Mir-Mohammadi"),
    ]);
    assert_eq!(
        c.persons,
        [
            "Chakrapani",
            "Ali Hosseini Khamenei",
            "Mohammad Mir-Mohammadi"
        ]
    );
}

#[test]
fn bare_titles_name_no_one_unless_a_surname() {
    assert_eq!(
        kinds_of(&[
            (Person, "Mayor"),
            (Person, "Lord"),
            (Organization, "US Ambassador"),
            (Location, "Republican Assemblywoman"),
            (Person, "King"),
            (Person, "Stephen King"),
            (Person, "Dr"),
            (Person, "Candidate"),
            (Person, "Lord Mayor Candidate"),
        ]),
        [
            None,
            None,
            None,
            None,
            Some(Person),
            Some(Person),
            None,
            None,
            None
        ]
    );
    // A title after a party names no one; a peer's title and name do.
    assert_eq!(
        kinds_of(&[
            (Person, "Democratic Dean"),
            (Person, "Lord King"),
            (Person, "King")
        ]),
        [None, Some(Person), Some(Person)]
    );
}

#[test]
fn known_organizations_and_countries() {
    assert_eq!(
        kinds_of(&[
            (Person, "Twitter"),
            (Location, "Facebook"),
            (Person, "Wikinews"),
            (Organization, "Philippines"),
            (Organization, "US"),
            (Organization, "Chicago"),
            (Person, "Jordan"),
            (Organization, "Philippine National Police"),
            (Person, "VesselFinder"),
            (Person, "McArthur"),
            (Person, "DeVita"),
            (Person, "USA"),
            (Person, "C.Suthorn"),
            (Person, "GitHub"),
            (Location, "Costco"),
            (Location, "Islamic State"),
            (Person, "Sinn Féin"),
            (Location, "Harvard"),
            (Location, "Mount Holyoke"),
            (Person, "Exxon"),
        ]),
        [
            Organization,
            Organization,
            Organization,
            Location,
            Location,
            Organization,
            Person,
            Organization,
            Organization,
            Person,
            Person,
            Person,
            Person,
            Organization,
            Organization,
            Organization,
            Organization,
            Organization,
            Organization,
            Organization
        ]
        .map(Some)
    );
}

#[test]
fn geographic_words_make_places() {
    assert_eq!(
        kinds_of(&[
            (Organization, "Strait of Hormuz"),
            (Person, "Abaco Island"),
            (Person, "Karl Marx Avenue"),
            (Organization, "Bank of England"),
            (Organization, "Green Bay"),
            (Person, "Island"),
            (Organization, "Payam International Airport"),
            (Person, "Al Noor Mosque"),
            (Organization, "Revenue Tower"),
            (Person, "John Tower"),
            (Person, "Mato Grosso do Sul"),
            (Person, "Maria da Silva"),
        ]),
        [
            Location,
            Location,
            Location,
            Organization,
            Organization,
            Person,
            Location,
            Location,
            Location,
            Person,
            Location,
            Person
        ]
        .map(Some)
    );
}

#[test]
fn the_majority_kind_of_a_name_wins_and_ties_stay() {
    assert_eq!(
        kinds_of(&[
            (Organization, "Kremlin"),
            (Location, "Kremlin"),
            (Location, "Kremlin"),
            (Organization, "Tartus"),
            (Location, "Nice"),
            (Person, "Nice"),
            (Organization, "NEW YORK"),
            (Location, "New York"),
            (Location, "New York"),
        ]),
        [
            Location,
            Location,
            Location,
            Organization,
            Location,
            Person,
            Organization,
            Location,
            Location
        ]
        .map(Some)
    );
}

#[test]
fn counties_parishes_malls_and_harbours_are_places_and_hospitals_organizations() {
    let c = canon(&[
        (Person, "Jefferson Parish"),
        (Person, "County Cork"),
        (Person, "Gaisano Mall"),
        (Organization, "Riverside County"),
        (Organization, "Notts County"),
        (Organization, "Bank of Iron County"),
        (Organization, "Common Market"),
        (Organization, "Legislative Council Complex"),
        (Person, "Walter Reed Hospital"),
        (Location, "Holy Cross Hospital"),
        (Person, "Tynice Nichole Hall"),
        (Person, "Masjid Al-Aqsa"),
        (Person, "Mount Apo"),
        (Person, "Tell Tamer"),
        (Person, "Davao Oriental"),
        (Person, "Whangārei Harbour"),
        (Person, "Thwaites Glacier"),
        (Person, "Alexander Moor"),
    ]);
    assert_eq!(
        c.locations,
        [
            "Jefferson Parish",
            "County Cork",
            "Gaisano Mall",
            "Riverside County",
            "Legislative Council Complex",
            "Masjid Al-Aqsa",
            "Mount Apo",
            "Tell Tamer",
            "Davao Oriental",
            "Whangārei Harbour",
            "Thwaites Glacier"
        ]
    );
    assert_eq!(
        c.organizations,
        [
            "Notts County",
            "Bank of Iron County",
            "Common Market",
            "Walter Reed Hospital",
            "Holy Cross Hospital"
        ]
    );
    assert_eq!(c.persons, ["Tynice Nichole Hall", "Alexander Moor"]);
    // The mention of a hospital keeps the tagger's kind; only the facet
    // files it under organizations.
    assert_eq!(c.kinds[9], Some(Location));
}

#[test]
fn empty_and_odd_input() {
    assert!(kinds_of(&[]).is_empty());
    assert_eq!(kinds_of(&[(Person, ""), (Location, "")]).len(), 2);
}

#[test]
fn a_person_named_like_a_place_makes_no_organization_a_person() {
    // The tagger's person "Hagia Sophia" is a place by its first word; the
    // same name tagged an organization is no part of a person's name.
    let c = canon(&[
        (Person, "Hagia Sophia"),
        (Organization, "Hagia Sophia"),
        (Person, "Recep Tayyip Erdoğan"),
    ]);
    assert_eq!(c.persons, ["Recep Tayyip Erdoğan"]);
}

#[test]
fn a_person_named_like_a_place_makes_no_location_a_person() {
    // The tagger's person "Fath Airport" is a place by its last word; the
    // same name tagged a location stays one.
    let c = canon(&[(Person, "Fath Airport"), (Location, "Fath Airport")]);
    assert!(c.persons.is_empty(), "{:?}", c.persons);
    assert_eq!(c.locations, ["Fath Airport"]);
}

#[test]
fn a_person_named_like_a_longer_name_less_its_kind_word_is_its_short_form() {
    let text = "Germany banned Mahan Air. Mahan flies to Syria. A plane crashed near \
                Fath Airport; Fath is small. The Washington Post wrote that George \
                Washington slept there; Washington left. E.F. Hutton bid; Hutton said \
                so. U.K. Bank lending rose; Bank said. Eli Lilly sued; Lilly won.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Mahan Air"),
            (Person, "Mahan"),
            (Location, "Fath Airport"),
            (Person, "Fath"),
            (Organization, "Washington Post"),
            (Person, "George Washington"),
            (Person, "Washington"),
            (Organization, "E.F. Hutton"),
            (Person, "Hutton"),
            (Organization, "U.K. Bank"),
            (Organization, "Eli Lilly"),
            (Person, "Lilly"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["George Washington"]);
    assert_eq!(c.locations, ["Fath Airport"]);
    assert_eq!(
        c.organizations,
        [
            "Mahan Air",
            "Washington Post",
            "E.F. Hutton",
            "U.K. Bank",
            "Eli Lilly"
        ]
    );
}

#[test]
fn a_name_as_often_a_place_as_a_body_is_the_body_unless_named_like_a_place() {
    let c = canon(&[
        (Organization, "Cultura Colectiva"),
        (Location, "Cultura Colectiva"),
        (Organization, "Prudhoe Bay"),
        (Location, "Prudhoe Bay"),
        (Organization, "West Texas"),
        (Location, "West Texas"),
        (Organization, "Madeira"),
        (Location, "Madeira"),
    ]);
    assert_eq!(
        c.kinds,
        [
            Organization,
            Organization,
            Organization,
            Location,
            Organization,
            Location,
            Organization,
            Location
        ]
        .map(Some)
    );
}

#[test]
fn a_person_named_as_a_country_is_the_country() {
    // "DR Congo" reads as a doctor called Congo; "U.K." as initials.
    let c = canon(&[(Person, "DR Congo"), (Person, "U.K.")]);
    assert_eq!(
        c.locations,
        ["Democratic Republic of the Congo", "United Kingdom"]
    );
    assert!(c.persons.is_empty());
    let c = canon(&[(Person, "Dr Martin Jordan")]);
    assert_eq!(c.persons, ["Martin Jordan"]);
}

#[test]
fn a_name_with_team_in_it_is_an_organization() {
    let text = "Pogacar rides for UAE Team Emirates. Team Visma won the stage. \
                Team Biden met. Teamsters struck.";
    let ms = mentions_of(
        text,
        &[
            (Location, "UAE Team Emirates"),
            (Person, "Team Visma"),
            (Person, "Team Biden"),
            (Organization, "Teamsters"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert!(c.persons.is_empty() && c.locations.is_empty(), "{c:?}");
    assert_eq!(
        c.organizations,
        ["UAE Team Emirates", "Team Visma", "Team Biden", "Teamsters"]
    );
}
