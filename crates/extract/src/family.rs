//! Names listed after a family noun: "his children Elizabeth and Susan",
//! "four daughters, Nadine, Ashley, Elizabeth, and Toni", "his wife
//! Deirdre". Obituaries name the family so, and the tagger, which reads a
//! lone given name in a list as little as a town's, drops most of them or
//! takes "Elizabeth" for the city in New Jersey. Each name of such a list
//! is a person: one no mention covers is added, a place or organization
//! mention of exactly it becomes a person.
//!
//! A list item is one or two capitalised words followed by a comma, "and"
//! or the end of a clause; the list stops at anything else ("his daughter,
//! Washington Post reporter ..." adds nothing).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::calendar::is_calendar_word;
use super::full_names::{insert_mentions, person_over};
use super::Mention;

/// Family nouns, singular and plural, that a list of names may follow.
#[rustfmt::skip]
const FAMILY_NOUNS: &[&str] = &[
    "wife", "husband", "son", "sons", "daughter", "daughters", "children", "child",
    "grandchildren", "grandson", "grandsons", "granddaughter", "granddaughters",
    "brother", "brothers", "sister", "sisters", "siblings", "stepson", "stepdaughter",
    "stepsons", "stepdaughters", "widow", "widower",
];

/// Words after a list item that end a clause: the item was a name.
const CLAUSE_ENDS: &[&str] = &[
    "who", "from", "were", "was", "are", "is", "survive", "survived",
];

/// Function words a title capitalises, which begin no name.
const FUNCTION_WORDS: &[&str] = &["of", "the", "and", "in", "on", "at", "for", "to", "an"];

/// At most this many names in one list.
const MAX_NAMES: usize = 8;

/// Adds or makes persons of the names listed after a family noun (see the
/// module doc); `mentions` stay in text order (code point offsets).
/// Returns the names: persons whatever else says a lone word names no one.
pub(crate) fn add_family_names(text: &str, mentions: &mut Vec<Mention>) -> Vec<String> {
    let mut names: Vec<(usize, usize)> = Vec::new();
    for (at, noun) in family_nouns(text) {
        names.extend(listed_names(text, at + noun.len()));
    }
    if names.is_empty() {
        return Vec::new();
    }
    let mut added = Vec::new();
    for &span in &names {
        person_over(text, span, mentions, &mut added, |_| true);
    }
    insert_mentions(mentions, added);
    names.iter().map(|&(b, e)| text[b..e].to_owned()).collect()
}

/// Byte offsets and words of the [`FAMILY_NOUNS`] in `text`, lowercase,
/// whole words: one automaton pass over the text, as `joins` finds names
/// (a word-by-word scan costs a comparison per word of every article).
fn family_nouns(text: &str) -> impl Iterator<Item = (usize, &str)> {
    static NOUNS: OnceLock<AhoCorasick> = OnceLock::new();
    let searcher = NOUNS.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(FAMILY_NOUNS)
            .expect("fixed nouns build")
    });
    let bytes = text.as_bytes();
    searcher
        .find_iter(text)
        .filter(move |m| {
            let word_char = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
            let before = m.start() > 0 && word_char(bytes[m.start() - 1]);
            let after = bytes.get(m.end()).is_some_and(|&b| word_char(b));
            !before && !after
        })
        .map(|m| (m.start(), &text[m.start()..m.end()]))
}

/// The byte ranges of the names listed from byte `b` of `text` on: " X",
/// ", X", then ", Y", " and Y", ", and Y".
fn listed_names(text: &str, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rest = &text[b..];
    let mut at = b;
    // Before the first name: " " or ", ".
    let mut separator = [", ", " "].iter().find(|s| rest.starts_with(**s));
    while let Some(sep) = separator {
        rest = &rest[sep.len()..];
        at += sep.len();
        // A name right after the noun may be followed by its verb: "son
        // Barron tested negative" (not after a comma: "his daughter,
        // Washington Post reporter ...").
        let right_after = out.is_empty() && *sep == " ";
        let ends = |a: &str| ends_an_item(a) || (right_after && opens_a_clause(a));
        let Some(len) = name_len(rest, ends) else {
            break;
        };
        let after = &rest[len..];
        if !ends(after) || out.len() == MAX_NAMES {
            break;
        }
        out.push((at, at + len));
        rest = after;
        at += len;
        separator = [", and ", ", ", " and "]
            .iter()
            .find(|s| rest.starts_with(**s));
    }
    out
}

/// The byte length of the name `s` opens with: one or two capitalised
/// words of letters, hyphens and apostrophes, the second only where
/// `ends` says the name ends after it; no month or weekday ("son Monday").
fn name_len(s: &str, ends: impl Fn(&str) -> bool) -> Option<usize> {
    let word = |s: &str| {
        let len: usize = s
            .chars()
            .take_while(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            .map(char::len_utf8)
            .sum();
        let starts_upper = s.starts_with(char::is_uppercase);
        let has_lower = s[..len].chars().any(char::is_lowercase);
        // A title's capitalised function word ("Sons Of Anarchy").
        let function = FUNCTION_WORDS.contains(&s[..len].to_lowercase().as_str());
        (starts_upper && has_lower && len >= 2 && !function).then_some(len)
    };
    let first = word(s).filter(|&l| !is_calendar_word(&s[..l]))?;
    let second = s[first..]
        .strip_prefix(' ')
        .and_then(word)
        .filter(|&l| ends(&s[first + 1 + l..]));
    Some(second.map_or(first, |l| first + 1 + l))
}

/// Whether `after` opens a clause: a space and a lowercase word.
fn opens_a_clause(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// Whether `after` (what follows a list item) ends the item: a comma,
/// "and", a clause's end or one of [`CLAUSE_ENDS`].
fn ends_an_item(after: &str) -> bool {
    if after.is_empty() || after.starts_with([',', '.', ';', ')', ':', '\n']) {
        return true;
    }
    let Some(next) = after.strip_prefix(' ') else {
        return false;
    };
    let word = next.split([' ', ',', '.']).next().unwrap_or_default();
    word == "and" || word == "(" || CLAUSE_ENDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

    fn persons(text: &str, tagged: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut mentions = crate::canonical::tests::mentions_of(text, tagged);
        add_family_names(text, &mut mentions);
        mentions.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    #[test]
    fn names_listed_after_a_family_noun_are_persons() {
        use EntityKind::*;
        let text = "He is survived by their two sons Wyatt and Zachary, and four \
                    daughters, Nadine, Ashley, Elizabeth, and Toni. We extend our \
                    condolences to his children Elizabeth and Susan Stevens.";
        let got = persons(text, &[(Person, "Wyatt"), (Location, "Elizabeth")]);
        let want = [
            "Wyatt",
            "Zachary",
            "Nadine",
            "Ashley",
            "Elizabeth",
            "Toni",
            "Elizabeth",
            "Susan Stevens",
        ];
        let want: Vec<_> = want.iter().map(|n| (Person, n.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_family_is_kept_whole_by_the_extractor() {
        // Lone given names training never saw in a name are otherwise
        // dropped, and "Elizabeth" would be the city in New Jersey.
        let text = "He is survived by his wife, their two sons Wyatt and Zachary, \
                    and four daughters, Nadine, Ashley, Elizabeth, and Toni.";
        let persons = crate::Extractor::bundled().extract(text).persons;
        let want = ["Wyatt", "Zachary", "Nadine", "Ashley", "Elizabeth", "Toni"];
        assert_eq!(persons, want);
        // A name right after the noun, before its verb.
        let text = "Officials said the Trumps' 14-year-old son Barron tested negative.";
        let persons = crate::Extractor::bundled().extract(text).persons;
        assert!(persons.contains(&"Barron".to_string()), "{persons:?}");
    }

    #[test]
    fn a_family_noun_before_other_words_adds_nothing() {
        use EntityKind::*;
        for text in [
            "His daughter, Washington Post reporter Jane Doe, said so.",
            "The sons Of Anarchy aired in 2008.",
            "Her son Monday said nothing.",
            "Ties with its sister city Moscow grew.",
        ] {
            let got = persons(text, &[(Organization, "Washington Post")]);
            let added: Vec<_> = got.iter().filter(|(k, _)| *k == Person).collect();
            assert!(added.is_empty(), "{text}: {added:?}");
        }
    }
}
