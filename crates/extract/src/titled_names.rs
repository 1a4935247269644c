//! Persons named after the office they hold in a body, which the tagger
//! reads as one organization: "National Security Adviser Susan Rice",
//! "Manhattan District Attorney Cyrus R. Vance", "Bank of Korea Governor
//! Park Sung-sang", "Royal Society University Research Fellow Martin How".
//! The words after the office are the person; the body before it is left
//! to the mentions the article has of it elsewhere.
//!
//! Owns only that split of one organization mention; which words are
//! offices is a list here, narrower than the titles that cleaning strips
//! before names: "General", "State" or "Justice" inside a name are the
//! body's own words ("General Motors Acceptance Corp").

use super::canonical::{ends_body_names, is_initial, Offsets};
use super::suffixes::is_name_suffix;
use super::{EntityKind, Mention};

/// Offices held in a body that a person's name may follow.
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "president", "chairman", "chairwoman", "chair", "director", "secretary", "minister",
    "governor", "mayor", "attorney", "commissioner", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "ceo", "leader", "senator", "judge", "prosecutor",
    "adviser", "advisor", "fellow", "professor", "superintendent", "sheriff", "dean",
    "chancellor", "envoy", "coach",
];

/// Replaces each organization mention of `text` that ends in an office and
/// a person's name (see the module doc) with a person mention of the name.
pub(crate) fn split_titled_names(text: &str, mentions: &mut [Mention]) {
    if !mentions.iter().any(|m| m.kind == EntityKind::Organization) {
        return;
    }
    let offsets = Offsets::new(text);
    for m in mentions.iter_mut() {
        if m.kind != EntityKind::Organization {
            continue;
        }
        // Offsets must match the text for the name's own to be found.
        let written = offsets
            .byte(m.start)
            .is_some_and(|b| text.get(b..).is_some_and(|t| t.starts_with(&m.text)));
        let Some(name_at) = person_after_an_office(&m.text).filter(|_| written) else {
            continue;
        };
        let name = &m.text[name_at..];
        m.start += m.text[..name_at].chars().count();
        m.text = name.to_owned();
        m.kind = EntityKind::Person;
        // The suffix the tagger left outside the body's run is the
        // person's ("Cyrus R. Vance, Jr."): suffixes join persons only,
        // and the run was no person until now.
        let after = offsets.byte(m.end).and_then(|e| text.get(e..));
        if let Some(suffix) = after.and_then(name_suffix_after) {
            m.text.push_str(suffix);
            m.end += suffix.chars().count();
        }
    }
}

/// The generational suffix `after`, the text after a name, begins with,
/// as written (", Jr.", " III").
fn name_suffix_after(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let word = rest.strip_prefix(' ')?;
    let word = word
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')'))
        .next()?;
    let len = after.len() - rest.len() + 1 + word.len();
    is_name_suffix(word).then(|| &after[..len])
}

/// The byte offset in `mention` of a person's name that follows an office
/// after at least one word of a body: two or three capitalised words or
/// initials, the first no office and the last no word that ends bodies'
/// names ("Bank Governor Kombo Moyana", not "Bank President Hotel Corp").
fn person_after_an_office(mention: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = mention
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let n = words.len();
    // "MV Professor Albrecht Penck" is a ship.
    if SHIP_PREFIXES.contains(&words[0].1) {
        return None;
    }
    let office = (1..n.saturating_sub(2))
        .rev()
        .find(|&i| is_office(words[i].1))?;
    let name = &words[office + 1..];
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let fits = (2..=3).contains(&name.len())
        && name.iter().all(|(_, w)| capitalised(w))
        && !is_office(name[0].1)
        && !is_initial(name[0].1)
        && !ends_body_names(name[name.len() - 1].1);
    fits.then_some(name[0].0)
}

/// Prefixes of ships' names, which often name a person after a title.
const SHIP_PREFIXES: &[&str] = &["MV", "MS", "SS", "HMS", "USS", "RV", "HMAS", "HMCS", "INS"];

fn is_office(word: &str) -> bool {
    OFFICES.iter().any(|o| o.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn the_name_after_an_office_in_a_body_is_a_person() {
        fn at(m: &str) -> Option<&str> {
            person_after_an_office(m).map(|b| &m[b..])
        }
        assert_eq!(
            at("National Security Adviser Susan Rice"),
            Some("Susan Rice")
        );
        assert_eq!(
            at("Manhattan District Attorney Cyrus R. Vance"),
            Some("Cyrus R. Vance")
        );
        assert_eq!(
            at("Bank of Korea Governor Park Sung-sang"),
            Some("Park Sung-sang")
        );
        // No body before the office, a body after it, or a single word.
        assert_eq!(at("President Joe Biden"), None);
        assert_eq!(at("Bank President Hotel Corp"), None);
        assert_eq!(at("General Motors Acceptance Corp"), None);
        assert_eq!(at("Fed Chair Powell"), None);
        assert_eq!(at("MV Professor Albrecht Penck"), None);
    }

    #[test]
    fn the_person_keeps_the_suffix_after_the_run() {
        let x = Extractor::bundled().extract(
            "Trump sued Manhattan District Attorney Cyrus R. Vance, Jr. and his own tax \
             preparer to block the subpoena.",
        );
        let has = |name: &str| x.persons.iter().any(|p| p == name);
        assert!(
            has("Cyrus R. Vance Jr.") && !has("Cyrus R. Vance"),
            "{:?}",
            x.persons
        );
        assert_eq!(name_suffix_after(", Jr. and"), Some(", Jr."));
        assert_eq!(name_suffix_after(" III)"), Some(" III"));
        assert_eq!(name_suffix_after(" Junior"), None);
    }

    #[test]
    fn the_person_is_found_and_the_run_is_no_organization() {
        let x = Extractor::bundled().extract(
            "The decision drew criticism from former National Security Adviser Susan Rice \
             on Tuesday.",
        );
        assert!(
            x.persons.iter().any(|p| p == "Susan Rice"),
            "{:?}",
            x.persons
        );
        assert!(
            !x.organizations.iter().any(|o| o.contains("Rice")),
            "{:?}",
            x.organizations
        );
    }
}
