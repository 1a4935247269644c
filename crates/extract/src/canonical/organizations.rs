//! Linking the organization mentions of one article: an acronym becomes the
//! long form the article spells out ("Hayat Tahrir al-Sham (HTS)") or whose
//! initials it is ("NATO", "North Atlantic Treaty Organization").

use super::HashMap;

use super::super::gazetteer::name_key;
use super::super::{EntityKind, Mention};
use super::persons::PARTICLES;
use super::{Linker, WordList};

/// Small words skipped in an organization's initials ("Islamic State of
/// Iraq and the Levant" → ISIL).
static FUNCTION_WORDS: WordList =
    WordList::new(&["of", "the", "and", "for", "in", "on", "und", "et", "y", "&"]);

/// Maps each organization key to its canonical name: an acronym becomes the
/// long form the article spells out ("Hayat Tahrir al-Sham (HTS)") or whose
/// initials it is.
pub(super) fn link_organizations(
    text: &str,
    mentions: &[Mention],
    of: &[usize],
    kinds: &[Option<EntityKind>],
    cleaned: &[String],
    orgs: &Linker,
) -> HashMap<String, String> {
    let mut acronyms: HashMap<String, Vec<String>> = HashMap::default();
    // Mention offsets are in code points; in ASCII text they are bytes.
    let ascii = text.is_ascii();
    let char_starts: Vec<usize> = if !ascii && kinds.contains(&Some(EntityKind::Organization)) {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect()
    } else {
        Vec::new()
    };
    for (m, &u) in mentions.iter().zip(of) {
        let (Some(c), Some(&kind)) = (cleaned.get(u), kinds.get(u)) else {
            continue;
        };
        if kind != Some(EntityKind::Organization) || !c.contains(' ') {
            continue;
        }
        let byte = if ascii {
            Some(m.end)
        } else {
            char_starts.get(m.end).copied()
        };
        let after = byte.and_then(|b| text.get(b..));
        if let Some(acr) = after.and_then(parenthesised_acronym) {
            acronyms
                .entry(acronym_key(acr))
                .or_default()
                .push(name_key(c));
        }
    }
    for key in &orgs.keys {
        if !key.contains(' ') {
            continue;
        }
        for initials in initials_of(key) {
            acronyms.entry(initials).or_default().push(key.clone());
        }
    }
    let mut out = HashMap::default();
    for key in &orgs.keys {
        let mut name = &orgs.surface[key];
        if is_acronym(name) {
            if let Some(longs) = acronyms.get(&acronym_key(name)) {
                let mut longs: Vec<&String> = longs.iter().filter(|l| *l != key).collect();
                longs.sort();
                longs.dedup();
                if let [long] = longs.as_slice() {
                    if let Some(s) = orgs.surface.get(*long) {
                        name = s;
                    }
                }
            }
        }
        out.insert(key.clone(), name.clone());
    }
    out
}

/// "U.N." and "UN" alike: "un".
fn acronym_key(acronym: &str) -> String {
    name_key(&acronym.replace('.', ""))
}

/// An acronym in parentheses at the start of `s` (spaces allowed before).
fn parenthesised_acronym(s: &str) -> Option<&str> {
    let s = s.trim_start().strip_prefix('(')?;
    let end = s.find(')')?;
    let acr = s.get(..end)?.trim();
    is_acronym(acr).then_some(acr)
}

/// Two to ten capitals, digits, dots or ampersands, one word: "HTS",
/// "U.N.", "AT&T".
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

/// Initials of an organization key, with and without its particles and
/// small words: "hayat tahrir al sham" → "htas", "hts".
fn initials_of(key: &str) -> Vec<String> {
    let all: String = key.split(' ').filter_map(|w| w.chars().next()).collect();
    let content: String = key
        .split(' ')
        .filter(|w| !PARTICLES.contains(w) && !FUNCTION_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    let mut out = vec![all];
    if content.len() >= 2 && content != out[0] {
        out.push(content);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::super::*;

    #[test]
    fn acronyms_link_to_long_forms() {
        use EntityKind::*;
        let text = "NATO and the North Atlantic Treaty Organization met; \
                    the Islamic State of Iraq and the Levant; ISIL. UN.";
        let ms = mentions_of(
            text,
            &[
                (Organization, "NATO"),
                (Organization, "North Atlantic Treaty Organization"),
                (Organization, "Islamic State of Iraq and the Levant"),
                (Organization, "ISIL"),
                (Organization, "UN"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(
            c.organizations,
            [
                "North Atlantic Treaty Organization",
                "Islamic State of Iraq and the Levant",
                "UN"
            ]
        );
    }
}
