//! Tests of `place_context` on the words before a name: a place's
//! adjective ("Atlantic storm season"), and a town after a word of war;
//! through `canonicalize`.

use super::super::tests::mentions_of;
use super::super::*;
use super::tests::canon;
use EntityKind::*;

#[test]
fn a_place_adjective_is_no_place() {
    use EntityKind::*;
    let text = "Lichens grow in Antarctic mountain ranges and on Pacific coasts of Chile.";
    let ms = mentions_of(
        text,
        &[
            (Location, "Antarctic"),
            (Location, "Pacific"),
            (Location, "Chile"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Chile"]);
    let text = "Antarctic lichens; he wintered in the Antarctic by 1990. He crossed the Pacific.";
    let ms = mentions_of(text, &[(Location, "Antarctic"), (Location, "Pacific")]);
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Antarctic", "Pacific"]);
}

#[test]
fn a_town_after_a_word_of_war_is_the_town() {
    let text = "The army retook Kupiansk and Lyman. The battle for Bakhmut went on.";
    let c = canon(
        text,
        &[
            (Organization, "Kupiansk"),
            (Person, "Lyman"),
            (Organization, "Bakhmut"),
        ],
    );
    assert_eq!(c.locations, ["Kupiansk", "Lyman", "Bakhmut"]);
    let text = "Turkish drones struck Kobani. Families fled Beit Lahia for Deir al-Balah.";
    let c = canon(text, &[(Organization, "Kobani"), (Location, "Beit Lahia")]);
    assert_eq!(c.locations, ["Kobani", "Beit Lahia"]);
    // Persons are captured too.
    let c = canon("Forces captured Lyman.", &[(Person, "Lyman")]);
    assert_eq!(c.persons, ["Lyman"]);
}
