//! Tests of `clean`: what is no part of a name.

use super::super::tests::{m, persons};
use super::super::*;

#[test]
fn titles_and_possessives_are_dropped() {
    assert_eq!(
        persons(&[
            "President Ahmed al-Sharaa",
            "Syrian President Ahmed al-Sharaa",
            "Mr. Putin's",
            "U.S. Secretary of State Marco Rubio",
            "Prime Minister Keir Starmer,",
            "Pope Leo",
            "Queen Elizabeth II",
            "British King Charles III",
            "Democrat Spearman",
            "Mme Spanton",
        ]),
        [
            "Ahmed al-Sharaa",
            "Putin",
            "Marco Rubio",
            "Keir Starmer",
            "Pope Leo",
            "Queen Elizabeth II",
            "King Charles III",
            "Spearman",
            "Spanton",
        ]
    );
    assert_eq!(persons(&["King", "Stephen King"]), ["Stephen King"]);
    // A title that is also a given name goes only before another title.
    assert_eq!(
        persons(&["Emir Sheikh Tamim bin Hamad Al Thani", "Emir Kusturica"]),
        ["Tamim bin Hamad Al Thani", "Emir Kusturica"]
    );
    // An office of a body names no one: not "of the House".
    assert_eq!(
        persons(&["Dean of the House", "Speaker of the House", "John Conyers"]),
        ["John Conyers"]
    );
    // "Dean" before a surname alone is a given name.
    assert_eq!(
        persons(&["Dean Phillips", "Dean Sarah Jones"]),
        ["Dean Phillips", "Sarah Jones"]
    );
}

#[test]
fn a_prefix_that_dates_a_name_is_no_part_of_it() {
    let text = "It was run by the then-National Security Council, not the \
                then-US Libertarian Party nor then-Acme; Acme said so.";
    let c = canonicalize(
        text,
        &super::super::tests::mentions_of(
            text,
            &[
                (EntityKind::Organization, "then-National Security Council"),
                (EntityKind::Organization, "then-US Libertarian Party"),
            ],
        ),
        Gazetteer::bundled(),
    );
    assert_eq!(
        c.organizations,
        ["National Security Council", "Libertarian Party"]
    );
}

#[test]
fn marks_and_words_around_a_name_are_no_part_of_it() {
    assert_eq!(
        persons(&[
            "Jerry [O'Connell",
            "Narendra] Modi",
            "\u{200d}Aparna Garg",
            "Howie HawkinsImage",
            "Whereas Pierce",
            "Including Hassan",
            "and Tom Watson",
            "Mayor of London Sadiq Khan",
            "Prime Minister of New Zealand Jacinda Ardern",
            "Cde Mugabe",
            "Kenyan-born Barack Obama",
            "Vladi\u{ad}mir Putin",
            "CreditKirsten Luce",
            "CreditCreditJeon Heon-Kyun",
        ]),
        [
            "Jerry O'Connell",
            "Narendra Modi",
            "Aparna Garg",
            "Howie Hawkins",
            "Pierce",
            "Hassan",
            "Tom Watson",
            "Sadiq Khan",
            "Jacinda Ardern",
            "Mugabe",
            "Barack Obama",
            "Vladimir Putin",
            "Kirsten Luce",
            "Jeon Heon-Kyun",
        ]
    );
    // A name that ends or begins like a credit but is none stays whole.
    assert_eq!(
        persons(&["Image", "Jo RImage", "Creditor Smith"]),
        ["Image", "Jo RImage", "Creditor Smith"]
    );
    assert_eq!(super::name_words("CreditSights"), "CreditSights");
}

#[test]
fn possessives_go_unless_part_of_the_name() {
    use EntityKind::*;
    let ms = [
        m(Location, "the State of Virginia"),
        m(Location, "State of Emergency"),
        m(Location, "Russia's"),
        m(Location, "Lord's"),
        m(Organization, "Lloyd's"),
        m(Organization, "HTS's"),
        m(Organization, "HTS"),
        m(Person, "Putin’s"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(
        c.names,
        [
            "Virginia",
            "State of Emergency",
            "Russia",
            "Lord's",
            "Lloyd's",
            "HTS",
            "HTS",
            "Putin"
        ]
    );
}

#[test]
fn decorations_at_a_name_s_edges_go() {
    assert_eq!(
        persons(&["█ Boris Johnson", "Keir Starmer •", "→ Jo Swinson"]),
        ["Boris Johnson", "Keir Starmer", "Jo Swinson"]
    );
}
