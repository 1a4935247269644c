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

/// What [`trim_modifiers`] leaves of `tagged` mentions of `text`.
fn trimmed(text: &str, tagged: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
    let mut mentions: Vec<Mention> = tagged
        .iter()
        .map(|&(kind, name)| {
            let start = text[..text.find(name).expect("tagged text is in the text")]
                .chars()
                .count();
            let end = start + name.chars().count();
            let text = name.to_owned();
            Mention {
                kind,
                text,
                start,
                end,
            }
        })
        .collect();
    trim_modifiers(&mut mentions);
    let chars: Vec<char> = text.chars().collect();
    mentions
        .into_iter()
        .map(|m| {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            (m.kind, m.text)
        })
        .collect()
}

#[test]
fn a_modifier_run_into_a_name_is_taken_off() {
    use EntityKind::{Organization as Org, Person as Per};
    let text = "The Hong Kong-based Industrial Equity Ltd said so.";
    let got = trimmed(text, &[(Org, "Hong Kong-based Industrial Equity Ltd")]);
    assert_eq!(got, [(Org, "Industrial Equity Ltd".to_string())]);
    // Only a modifier: no name, unless a person's of two words or more.
    assert!(trimmed("the United States-led war", &[(Org, "United States-led")]).is_empty());
    assert!(trimmed("a Co-owned unit", &[(Per, "Co-owned")]).is_empty());
    let got = trimmed("a Carl C. Icahn-led group", &[(Per, "Carl C. Icahn-led")]);
    assert_eq!(got, [(Per, "Carl C. Icahn".to_string())]);
    // Hyphenated names, modifiers that do not open the mention, more words
    // than a place has, and a participle that runs on stay.
    for name in [
        "Big Apple North New York-based Fund",
        "Franco-made/German Fund",
        "Rolls-Royce Ltd",
        "Hewlett-Packard",
        "Paris-basedness Group",
        "Bank of Paris-based Unit",
    ] {
        let text = format!("{name} said so.");
        assert_eq!(trimmed(&text, &[(Org, name)]), [(Org, name.to_string())]);
    }
    let got = trimmed("the pro-Israel lobby", &[(Org, "pro-Israel lobby")]);
    assert_eq!(got, [(Org, "pro-Israel lobby".to_string())]);
}

#[test]
fn the_place_of_a_modifier_the_tagger_took_into_a_name_reaches_the_facets() {
    let x =
        crate::Extractor::bundled().extract("He opposed the United States-led Iraq War in 2003.");
    assert_eq!(x.locations, ["United States"], "{x:?}");
    assert!(!x.organizations.iter().any(|o| o.contains("-led")), "{x:?}");
}

#[test]
fn the_longest_place_the_gazetteer_knows_is_the_one_named() {
    // South San Francisco is a city of its own, too small to be read in.
    assert!(places_added("The South San Francisco-based firm grew.", &[]).is_empty());
    assert_eq!(
        places_added("The San Francisco-based firm grew.", &[]),
        ["San Francisco"]
    );
}

#[test]
fn the_place_of_a_modifier_is_read_beside_the_articles_places() {
    let x = crate::Extractor::bundled().extract(
        "Four wooden schooners still chase halibut from Seattle to Alaska. The \
         broader Washington-based fleet numbers about 100 vessels.",
    );
    assert_eq!(x.locations, ["Seattle", "Alaska", "Washington"], "{x:?}");
    assert!(
        !x.places.iter().any(|p| p == "District of Columbia"),
        "{x:?}"
    );
}
