//! Tests of `modifiers`: places named inside hyphenated modifiers.

use super::*;

fn places_added(text: &str, tagged: &[(EntityKind, &str)]) -> Vec<String> {
    let mentions: Vec<Mention> = tagged
        .iter()
        .map(|&(kind, name)| {
            let b = text.find(name).expect("tagged text is in the text");
            let start = text[..b].chars().count();
            Mention {
                kind,
                text: name.to_owned(),
                start,
                end: start + name.chars().count(),
            }
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    places_in_modifiers(text, &mentions, Gazetteer::bundled())
        .into_iter()
        .map(|m| {
            assert_eq!(m.kind, EntityKind::Location);
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            m.text
        })
        .collect()
}

#[test]
fn the_places_go_to_the_facets_and_not_the_mentions() {
    let x = crate::Extractor::bundled()
        .extract("The Luxembourg-based court ruled against Facebook. Austria welcomed it.");
    assert!(x.locations.contains(&"Luxembourg".to_string()), "{x:?}");
    assert!(x.places.contains(&"Luxembourg".to_string()), "{x:?}");
    assert!(!x.mentions.iter().any(|m| m.text == "Luxembourg"), "{x:?}");
}

#[test]
fn a_place_before_a_participle_is_named() {
    let text = "The Luxembourg-based court ruled. The United States-led coalition \
                and U.S.-backed fighters met Hong Kong-listed firms.";
    assert_eq!(
        places_added(text, &[]),
        ["Luxembourg", "United States", "U.S.", "Hong Kong"]
    );
}

#[test]
fn a_place_after_pro_or_anti_is_named() {
    let text = "He opposed Senator Kennedy's pro-Israel position and was anti-Russia.";
    assert_eq!(places_added(text, &[]), ["Israel", "Russia"]);
    // Not a word that merely ends in the prefix.
    assert!(places_added("The Alfapro-Israel deal.", &[]).is_empty());
}

#[test]
fn no_place_where_the_words_name_something_else() {
    // Another participle, a word going on, no place.
    assert!(places_added("A Moscow-style plan and Moscow-basedness.", &[]).is_empty());
    assert!(places_added("The Acme-based team won.", &[]).is_empty());
    // Wide characters before the words (found by fuzzing).
    assert_eq!(places_added("Steel😀Paris-based unit.", &[]), ["Paris"]);
    assert_eq!(places_added("😀 Paris-based unit.", &[]), ["Paris"]);
    // A town too small to be read into a modifier.
    assert!(places_added("A Cahors-based firm grew.", &[]).is_empty());
    // The article tags the words as a person.
    let text = "Jordan said so. The Jordan-led team won.";
    assert!(places_added(text, &[(EntityKind::Person, "Jordan")]).is_empty());
    // A mention already covers them.
    let text = "The Paris-based firm Paris-based Holdings grew.";
    let tagged = [(EntityKind::Organization, "Paris-based Holdings")];
    assert_eq!(places_added(text, &tagged), ["Paris"]);
}
