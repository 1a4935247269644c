//! Compass words the tagger takes for places on their own. Before a
//! demonym ("South Sudanese politician", "South Korean president" in a
//! headline) the word is part of the demonym, which no facet wants. Before
//! "and" and a place that begins with another compass word ("North and
//! South Korea", "East and West Germany", "Central and South America") it
//! names the place that shares the rest of the name: North Korea, East
//! Germany, Central America.

use super::canonical::{is_compass_word, is_former_state, is_named_feature, Offsets};
use super::demonyms::is_demonym;
use super::gazetteer::{name_key, Gazetteer};
use super::{EntityKind, Mention};

/// Drops the place mentions of `text` that are a compass word alone before
/// a demonym or a shared place name (see the module doc), and returns the
/// places the shared names name, as mentions at the compass word's offsets
/// whose text is the whole name ("North Korea").
pub(crate) fn read_lone_compass_words(
    text: &str,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let lone =
        |m: &Mention| m.kind == EntityKind::Location && is_compass_word(&m.text.to_lowercase());
    if !mentions.iter().any(lone) {
        return Vec::new();
    }
    let offsets = Offsets::new(text);
    let after = |m: &Mention| offsets.byte(m.end).and_then(|e| text.get(e..));
    let mut shared = Vec::new();
    let mut drop = vec![false; mentions.len()];
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| lone(m)) {
        let Some(rest) = after(m) else { continue };
        if before_demonym(&m.text, rest, gazetteer) {
            drop[i] = true;
        } else if let Some(name) = mentions
            .get(i + 1)
            .and_then(|next| shared_place(m, next, rest, &offsets, gazetteer))
        {
            drop[i] = true;
            shared.push(Mention {
                text: name,
                ..m.clone()
            });
        }
    }
    let mut flags = drop.into_iter();
    mentions.retain(|_| !flags.next().unwrap_or(false));
    shared
}

/// Whether `rest`, the text after `compass`, begins with a word that makes
/// a demonym with it ("South" + " Sudanese").
fn before_demonym(compass: &str, rest: &str, gazetteer: &Gazetteer) -> bool {
    let Some(word) = rest.strip_prefix(' ') else {
        return false;
    };
    let end = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    let word = &word[..end];
    word.starts_with(char::is_uppercase)
        && is_demonym(&name_key(&format!("{compass} {word}")), gazetteer)
}

/// The place `compass` names where the mention after it, `next`, is a
/// place with another compass word whose name it shares ("North" and
/// "South Korea": North Korea), if the gazetteer, the list of features or
/// of former states knows the name.
fn shared_place(
    compass: &Mention,
    next: &Mention,
    rest: &str,
    offsets: &Offsets,
    gazetteer: &Gazetteer,
) -> Option<String> {
    let gap = offsets.byte(next.start)? - offsets.byte(compass.end)?;
    let joined = matches!(rest.get(..gap)?, " and " | " or " | " & ");
    let (first, name) = next.text.split_once(' ')?;
    if !joined || next.kind != EntityKind::Location || !is_compass_word(&first.to_lowercase()) {
        return None;
    }
    let whole = format!("{} {name}", compass.text);
    let key = name_key(&whole);
    let known =
        gazetteer.resolve(&key, &[]).is_some() || is_named_feature(&key) || is_former_state(&key);
    known.then_some(whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::tests::mentions_of;
    use crate::Extractor;
    use EntityKind::Location;

    #[test]
    fn a_compass_word_before_a_demonym_is_no_place() {
        let text = "South Sudanese politician dies in South Sudan; North Carolina mourns.";
        let mut ms = mentions_of(
            text,
            &[
                (Location, "South"),
                (Location, "South Sudan"),
                (Location, "North"),
            ],
        );
        let shared = read_lone_compass_words(text, &mut ms, Gazetteer::bundled());
        assert!(shared.is_empty());
        let left: Vec<_> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(left, ["South Sudan", "North"]);
    }

    #[test]
    fn a_compass_word_sharing_a_name_names_its_own_place() {
        let x = Extractor::bundled()
            .extract("He longed for the reopening of the border between North and South Korea.");
        let has = |name: &str| x.locations.iter().any(|l| l == name);
        assert!(
            has("North Korea") && has("South Korea"),
            "{:?}",
            x.locations
        );
        assert!(!has("North"), "{:?}", x.locations);
    }
}
