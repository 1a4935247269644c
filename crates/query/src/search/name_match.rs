//! Finding canonical names from what people type: lookup by prefix or near
//! spelling (`Puti` -> `Vladimir Putin`), and resolving filter values that are
//! only part of a name (`Putin`) or misspelt.
//!
//! Names are compared folded (lowercase, accents to ASCII) and word by word,
//! words being runs of letters and digits, so `al-Sharaa` has the words `al`
//! and `sharaa`.

use crate::entity::NameMatch;
use crate::search::fold::{words, Folder};
use crate::search::vocabulary::Vocabulary;

/// How a filter value maps onto the vocabulary.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// The value is a canonical name as given.
    Exact,
    /// Read as another canonical name; other candidates follow, most frequent first.
    Resolved(String, Vec<String>),
    /// Nothing close; near candidates, if any.
    Unknown(Vec<String>),
}

/// Names to offer besides the one used.
const ALTERNATIVES: usize = 4;

/// Resolves `given` against `vocabulary`: exactly, else the best of
/// [`lookup`]'s candidates, so that a filter value reads as the name the
/// entity lookup (`news entities`, `/api/entities`) offers first for the
/// same text; the next candidates are the alternatives.
pub(crate) fn resolve(vocabulary: &Vocabulary, given: &str) -> Resolution {
    if vocabulary.id(given).is_some() {
        return Resolution::Exact;
    }
    if words(&Folder::new().fold(given)).is_empty() {
        return Resolution::Unknown(Vec::new());
    }
    let mut names = lookup(vocabulary, given, ALTERNATIVES + 1)
        .into_iter()
        .map(|(id, _)| vocabulary.name(id).to_owned());
    match names.next() {
        Some(used) => Resolution::Resolved(used, names.collect()),
        None => Resolution::Unknown(Vec::new()),
    }
}

/// How well a name matches, best first: the order of [`lookup`] and so of
/// [`resolve`]. Whole words come before prefixes, so `Bush` finds
/// `George Bush` before `Bushehr`, and any prefix before a near spelling,
/// so `Reag` finds `Ronald Reagan` before `Dillon Read`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Exact,
    WholeWords,
    Prefix,
    WordPrefix,
    Near,
}

/// Names matching `text` best first (see [`Tier`]); more frequent first
/// within a tier; at most `limit`. An empty `text` lists the most frequent names.
pub(crate) fn lookup(vocabulary: &Vocabulary, text: &str, limit: usize) -> Vec<(u32, NameMatch)> {
    let folded = Folder::new().fold(text.trim());
    let query = words(&folded);
    let mut found: Vec<(u32, Tier, NameMatch)> = Vec::new();
    for id in 0..vocabulary.len() as u32 {
        let name = vocabulary.folded(id);
        if let Some((tier, matched)) = tier(name, &folded, &query) {
            found.push((id, tier, matched));
        }
    }
    found.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then(vocabulary.doc_freq(b.0).cmp(&vocabulary.doc_freq(a.0)))
            .then(a.0.cmp(&b.0))
    });
    found.truncate(limit);
    found
        .into_iter()
        .map(|(id, _, matched)| (id, matched))
        .collect()
}

/// How the folded `name` matches the folded text `folded` (its `query` words).
fn tier(name: &str, folded: &str, query: &[&str]) -> Option<(Tier, NameMatch)> {
    if query.is_empty() {
        return Some((Tier::Prefix, NameMatch::Prefix));
    }
    if name == folded {
        return Some((Tier::Exact, NameMatch::Exact));
    }
    let name_words = words(name);
    let starts = name.starts_with(folded);
    if contains_run(&name_words, query, |a, b| a == b) {
        let matched = if starts && name_words.starts_with(query) {
            NameMatch::Prefix
        } else {
            NameMatch::Word
        };
        Some((Tier::WholeWords, matched))
    } else if starts {
        Some((Tier::Prefix, NameMatch::Prefix))
    } else if contains_prefix_run(&name_words, query) {
        Some((Tier::WordPrefix, NameMatch::Word))
    } else if contains_run(&name_words, query, near) {
        Some((Tier::Near, NameMatch::Fuzzy))
    } else {
        None
    }
}

/// Whether `name` has a run of consecutive words matching `query` word for word.
fn contains_run(name: &[&str], query: &[&str], matches: impl Fn(&str, &str) -> bool) -> bool {
    name.len() >= query.len()
        && name
            .windows(query.len())
            .any(|run| run.iter().zip(query).all(|(n, q)| matches(n, q)))
}

/// Word-run matching for lookups: earlier words whole, the last one as a prefix
/// (the user is still typing it).
fn contains_prefix_run(name: &[&str], query: &[&str]) -> bool {
    let Some((last, whole)) = query.split_last() else {
        return false;
    };
    name.len() >= query.len()
        && name
            .windows(query.len())
            .any(|run| run[..whole.len()] == *whole && run[whole.len()].starts_with(last))
}

/// Whether two words are near spellings: short words must be equal, longer
/// ones may differ by one edit, long ones by two.
pub(crate) fn near(name: &str, query: &str) -> bool {
    let allowed = match query.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if name.chars().count().abs_diff(query.chars().count()) > allowed {
        return false;
    }
    // Adjacent swaps count as one edit: "ptuin" is one from "putin".
    strsim::osa_distance(name, query) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings_allow_more_edits_in_longer_words() {
        assert!(near("putin", "ptuin"));
        assert!(near("putin", "puttin"));
        assert!(!near("putin", "pitun"));
        assert!(!near("tas", "tap"));
        assert!(near("hayat tahrir", "hayat tahirr"));
        assert!(!near("sharaa", "shahra"));
    }

    #[test]
    fn a_prefix_beats_a_near_spelling_and_whole_words_beat_a_prefix() {
        let q = words;
        let reag = q("reag");
        assert_eq!(
            tier("ronald reagan", "reag", &reag).map(|t| t.0),
            Some(Tier::WordPrefix)
        );
        assert_eq!(
            tier("dillon read", "reag", &reag).map(|t| t.0),
            Some(Tier::Near)
        );
        let bush = q("bush");
        assert!(tier("george bush", "bush", &bush) < tier("bushehr", "bush", &bush));
        assert_eq!(
            tier("vladimir putin", "puti", &q("puti")).map(|t| t.1),
            Some(NameMatch::Word)
        );
        assert_eq!(
            tier("vladimir putin", "vlad", &q("vlad")).map(|t| t.1),
            Some(NameMatch::Prefix)
        );
    }

    #[test]
    fn word_runs() {
        let name = words("vladimir putin");
        assert!(contains_run(&name, &["putin"], |a, b| a == b));
        assert!(contains_run(&name, &["vladimir", "putin"], |a, b| a == b));
        assert!(!contains_run(&name, &["putin", "vladimir"], |a, b| a == b));
        assert!(contains_run(&name, &["puttin"], near));
        assert!(contains_prefix_run(&name, &["puti"]));
        assert!(contains_prefix_run(&name, &["vladimir", "pu"]));
        assert!(!contains_prefix_run(&name, &["vlad", "putin"]));
        assert!(contains_run(
            &words("ahmed al-sharaa"),
            &["sharaa"],
            |a, b| a == b
        ));
    }
}
