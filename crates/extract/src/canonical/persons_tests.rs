//! Tests of `persons`: linking an article's person mentions.

use super::super::tests::persons;

#[test]
fn short_names_map_to_the_one_long_name() {
    assert_eq!(
        persons(&[
            "Sharaa",
            "Ahmed al-Sharaa",
            "al-Sharaa",
            "Assad",
            "Bashar al-Assad"
        ]),
        ["Ahmed al-Sharaa", "Bashar al-Assad"]
    );
    // Two long names: the short one is one of them, no third value.
    assert_eq!(
        persons(&["Smith", "John Smith", "Jane Smith"]),
        ["John Smith", "Jane Smith"]
    );
    // No longer name: the fullest spelling.
    assert_eq!(persons(&["Sharaa", "al-Sharaa"]), ["al-Sharaa"]);
}

#[test]
fn spellings_differing_in_vowels_are_the_first_one() {
    assert_eq!(
        persons(&[
            "Osama bin Laden",
            "Hamza bin Laden",
            "Usama bin Ladin",
            "Hamza bin Ladin",
            "Frido Welker",
            "Frido Walker"
        ]),
        ["Osama bin Laden", "Hamza bin Laden", "Frido Welker"]
    );
    // Short words are other names; so are other consonants.
    assert_eq!(
        persons(&["Jon Smith", "Jan Smith", "Mark Kelly", "Mary Kelly"]),
        ["Jon Smith", "Jan Smith", "Mark Kelly", "Mary Kelly"]
    );
}

#[test]
fn a_middle_initial_and_the_middle_name_are_one_person_by_the_fuller_name() {
    assert_eq!(
        persons(&[
            "Richard K. Guy",
            "Richard Kenneth Guy",
            "Richard Guy",
            "Robert F. Kennedy",
            "Robert Edward Kennedy",
            "J. Smith",
            "John Smith"
        ]),
        [
            "Richard Kenneth Guy",
            "Robert F. Kennedy",
            "Robert Edward Kennedy",
            "J. Smith",
            "John Smith"
        ]
    );
}

#[test]
fn given_names_before_a_full_name_with_and_share_its_surname() {
    use super::super::tests::mentions_of;
    use super::super::{canonicalize, EntityKind::*, Gazetteer};
    let text = "The dead were Aaron Perry, and Joanne and Edward Corr. \
                Captain America and Tony Stark posed. Brazil split from \
                Portugal and Pedro I ruled.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Aaron Perry"),
            (Location, "Joanne"),
            (Person, "Edward Corr"),
            (Location, "America"),
            (Person, "Tony Stark"),
            (Location, "Brazil"),
            (Location, "Portugal"),
            (Person, "Pedro I"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        [
            "Aaron Perry",
            "Joanne Corr",
            "Edward Corr",
            "Tony Stark",
            "Pedro I"
        ]
    );
    assert_eq!(c.locations, ["United States", "Brazil", "Portugal"]);
}

#[test]
fn a_name_written_alone_or_another_persons_surname_is_no_given_name() {
    use super::super::tests::mentions_of;
    use super::super::{canonicalize, EntityKind::*, Gazetteer};
    let text = "Trump and Mike Pence ran. Trump won. Howie Hawkins spoke; \
                Hawkins and Gloria La Riva ran.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Trump"),
            (Person, "Mike Pence"),
            (Person, "Trump"),
            (Person, "Howie Hawkins"),
            (Person, "Hawkins"),
            (Person, "Gloria La Riva"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        ["Trump", "Mike Pence", "Howie Hawkins", "Gloria La Riva"]
    );
    // Firms, whatever the tagger took them for.
    let text = "He hired researchers from Apple and Google DeepMind.";
    let ms = mentions_of(
        text,
        &[(Organization, "Apple"), (Person, "Google DeepMind")],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert!(c.persons.is_empty(), "{:?}", c.persons);
    assert_eq!(c.organizations, ["Apple", "Google DeepMind"]);
    let text = "He hired researchers from Apple and John Smith.";
    let ms = mentions_of(text, &[(Organization, "Apple"), (Person, "John Smith")]);
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        (c.persons, c.organizations),
        (vec!["John Smith".to_owned()], vec!["Apple".to_owned()])
    );
}

#[test]
fn names_only_shouted_are_written_as_a_reader_would() {
    use super::super::{Canonical, EntityKind};
    let mut c = Canonical {
        persons: [
            "LAURIE OAKES",
            "Jim Watson",
            "JIM WATSON",
            "O'NEILL",
            "SMR CV",
            "HENRY VIII",
        ]
        .map(String::from)
        .to_vec(),
        names: vec!["JEAN-PIERRE RAFFARIN".into(), "NATO".into()],
        kinds: vec![Some(EntityKind::Person), Some(EntityKind::Organization)],
        ..Canonical::default()
    };
    c.unshout_persons();
    assert_eq!(
        c.persons,
        [
            "Laurie Oakes",
            "Jim Watson",
            "O'Neill",
            "SMR CV",
            "Henry VIII"
        ]
    );
    assert_eq!(c.names, ["Jean-Pierre Raffarin", "NATO"]);
}

#[test]
fn a_familiar_given_name_is_the_formal_one() {
    assert_eq!(
        persons(&[
            "Eddie Van Halen",
            "Edward Lodewijk Van Halen",
            "Bill Webster",
            "William Webster",
            "Tony",
            "Tony Mendez",
            "Abe",
            "Shintaro Abe",
        ]),
        [
            "Edward Lodewijk Van Halen",
            "William Webster",
            "Tony Mendez",
            "Shintaro Abe"
        ]
    );
}

#[test]
fn a_surname_taken_for_a_body_is_the_person_named_in_full() {
    use super::surnames_taken_for_bodies;
    use crate::EntityKind::{Organization as Org, Person as Per};
    let kinds_after = |tagged: &[(crate::EntityKind, &str)]| {
        let mut kinds: Vec<_> = tagged.iter().map(|(k, _)| Some(*k)).collect();
        let cleaned: Vec<String> = tagged.iter().map(|(_, c)| c.to_string()).collect();
        let keys: Vec<String> = cleaned
            .iter()
            .map(|c| crate::gazetteer::name_key(c))
            .collect();
        surnames_taken_for_bodies(&mut kinds, &cleaned, &keys);
        kinds
    };
    let tagged = [
        (Org, "Zuckerberg"),
        (Org, "Facebook"),
        (Per, "Mark Zuckerberg"),
    ];
    assert_eq!(kinds_after(&tagged), [Some(Per), Some(Org), Some(Per)]);
    // A body named after the person keeps the word.
    let tagged = [
        (Org, "Jefferies"),
        (Org, "Jefferies Group"),
        (Per, "Boyd Jefferies"),
    ];
    assert_eq!(kinds_after(&tagged), [Some(Org), Some(Org), Some(Per)]);
}

#[test]
fn a_family_in_the_plural_is_no_organization() {
    use super::super::tests::mentions_of;
    use super::super::{canonicalize, Canonical, EntityKind, EntityKind::*, Gazetteer};
    let canon = |text: &str, surfaces: &[(EntityKind, &str)]| -> Canonical {
        canonicalize(text, &mentions_of(text, surfaces), Gazetteer::bundled())
    };
    let text = "Joe Biden and Jill Biden flew home. The Bidens spent the weekend there.";
    let c = canon(
        text,
        &[
            (Person, "Joe Biden"),
            (Person, "Jill Biden"),
            (Organization, "Bidens"),
        ],
    );
    assert_eq!(c.persons, ["Joe Biden", "Jill Biden"]);
    assert!(c.organizations.is_empty(), "{:?}", c.organizations);
    // A member taken for a body with the family is a person.
    let text = "The Obamas came with Barack Obama's mother and Michelle Obama.";
    let c = canon(
        text,
        &[
            (Organization, "Obamas"),
            (Organization, "Barack Obama"),
            (Person, "Michelle Obama"),
        ],
    );
    assert_eq!(c.persons, ["Barack Obama", "Michelle Obama"]);
    // Firms in the plural go without "the"; bodies have no person.
    let text = "David Barclay bought it. Barclays shares fell.";
    let c = canon(
        text,
        &[(Person, "David Barclay"), (Organization, "Barclays")],
    );
    assert_eq!(c.organizations, ["Barclays"]);
    let text = "The Conservatives joined the Progressive Conservative caucus.";
    let c = canon(
        text,
        &[
            (Organization, "Conservatives"),
            (Organization, "Progressive Conservative"),
        ],
    );
    assert_eq!(c.organizations.len(), 2, "{:?}", c.organizations);
}
