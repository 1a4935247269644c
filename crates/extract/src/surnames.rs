//! Surnames across an archive: a person an article names only by surname
//! ("Thatcher said") files under the one full name the archive has for it
//! ("Margaret Thatcher"), as an article naming both already does. A
//! surname two full names end with ("Baker": "James Baker", "Howard
//! Baker") stays as it is.
//!
//! Only where the full name is in more articles than the surname alone:
//! an article naming a person once by surname is common beside many naming
//! the full name, but a firm taken for a person ("Goldman", "Harper")
//! comes up alone as often as the one full name ending in its word, or
//! more ("Marshall Goldman", "Neville Harper").
//!
//! Only names that read as a surname and a full name: the surname one
//! capitalised word that is no ordinary word ("Hope", "Grace") and no
//! given name (training saw it start names and never end one: "David",
//! "Peter"; nor does any full name of the archive start with it); the
//! full name two to four capitalised words, particles aside ("Ludwig van
//! Beethoven", "Ahmed al-Sharaa"), a generational suffix dropped for the
//! comparison ("Martin Luther King Jr."); an East Asian name's surname is
//! its first word ("Xi" of "Xi Jinping").
//!
//! Over Reuters-21578 (`news index` of the corpus, the folds its
//! manifest records) 26 surnames fold, 23 of them right ("Aquino",
//! "Fitzwater", "Lawson", "Poehl", "Thatcher" into "Margaret Thatcher");
//! without the count test 54, among them 21 of one article each beside a
//! full name of one article, mostly firms ("Deere" into "John Deere",
//! "Goodrich", "Crocker").

use std::collections::{BTreeMap, HashMap, HashSet};

use xxhash_rust::xxh3::xxh3_64;

use crate::east_asian_names::is_surname_first;
use crate::features::lexicon::CaseLexicon;
use crate::gazetteer::name_key;

/// Words a full name may have, particles aside.
const MAX_WORDS: usize = 4;

/// Lowercase words inside full names ("van", "al-Sharaa").
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "da", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "la",
    "le", "van", "von", "y",
];

/// Generational suffixes that may end a full name ("Jr.", "III").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The one-word person values among `names` (each once, with the number
/// of articles naming it) that are the surname of exactly one full name
/// among them, named in more articles, mapped to it; sorted by surname.
pub(crate) fn surnames<'a>(
    names: impl IntoIterator<Item = (&'a str, u64)>,
    case: &CaseLexicon,
) -> BTreeMap<String, String> {
    let counts: HashMap<&str, u64> = names.into_iter().collect();
    let mut names: Vec<&str> = counts.keys().copied().collect();
    names.sort_unstable();
    // Surname key → the full names ending with it; the keys of first words.
    let mut full: HashMap<String, Vec<&str>> = HashMap::new();
    let mut first_words: HashSet<String> = HashSet::new();
    for &name in &names {
        let Some(words) = full_name_words(name) else {
            continue;
        };
        // "Xi Jinping": the surname comes first.
        let surname = if is_surname_first(name, case) {
            name_key(words[0])
        } else {
            first_words.insert(name_key(words[0]));
            name_key(without_particle(words[words.len() - 1]))
        };
        let found = full.entry(surname).or_default();
        if !found.iter().any(|f| name_key(f) == name_key(name)) {
            found.push(name);
        }
    }
    let mut out = BTreeMap::new();
    for &name in &names {
        if !is_surname_shaped(name) {
            continue;
        }
        let key = name_key(name);
        if first_words.contains(&key) || !may_be_surname(&key, case) {
            continue;
        }
        match full.get(&key).map(Vec::as_slice) {
            Some([long]) if counts[long] > counts[name] => {
                out.insert(name.to_owned(), (*long).to_owned());
            }
            _ => {}
        }
    }
    out
}

/// The words of `name` if it reads as a full name: two to
/// [`MAX_WORDS`] capitalised words besides particles; a generational
/// suffix at its end is left out.
fn full_name_words(name: &str) -> Option<Vec<&str>> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words
        .last()
        .is_some_and(|w| SUFFIXES.contains(&name_key(w).as_str()))
    {
        words.pop();
        if let Some(last) = words.last_mut() {
            *last = last.trim_end_matches(',');
        }
    }
    let bare_particle = |w: &str| !w.contains('-') && is_particle(w);
    let name_word = |w: &str| {
        without_particle(w).starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let plain = words.iter().all(|w| bare_particle(w) || name_word(w));
    let capitalised = words.iter().filter(|w| name_word(w)).count();
    let last_capitalised = words.last().is_some_and(|w| name_word(w));
    (plain && last_capitalised && (2..=MAX_WORDS).contains(&capitalised)).then_some(words)
}

/// `word` less a particle before a hyphen: "Sharaa" of "al-Sharaa" and
/// "Al-Sharaa".
fn without_particle(word: &str) -> &str {
    match word.split_once('-') {
        Some((head, rest)) if is_particle(&head.to_lowercase()) => rest,
        _ => word,
    }
}

/// A particle written alone ("van", "de").
fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// One word of letters (hyphens and apostrophes inside), capitalised, not
/// in capitals only, and no possessive.
fn is_surname_shaped(name: &str) -> bool {
    name.chars().count() >= 2
        && name.starts_with(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !name.ends_with("'s")
        && !name.ends_with("’s")
}

/// Whether the word `key` may be a surname: no ordinary word, and no word
/// training saw start persons' names and never end one.
fn may_be_surname(key: &str, case: &CaseLexicon) -> bool {
    let bits = case.get(xxh3_64(key.as_bytes()));
    let given_only = bits & CaseLexicon::FIRST_NAME != 0 && bits & CaseLexicon::LAST_NAME == 0;
    !CaseLexicon::is_common_value(bits) && !given_only
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// The folds of `names`, each full name in two articles and every
    /// other name in one.
    fn fold(names: &[&str]) -> Vec<(String, String)> {
        let counted = names.iter().map(|&n| (n, 1 + u64::from(n.contains(' '))));
        Extractor::bundled().surnames(counted).into_iter().collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn a_surname_folds_into_the_one_full_name() {
        let found = fold(&["Thatcher", "Margaret Thatcher", "Nigel Lawson"]);
        assert_eq!(found, [pair("Thatcher", "Margaret Thatcher")]);
        // Written surname first.
        let found = fold(&["Xi", "Xi Jinping", "Wang", "Wang Yi", "Wang Huning"]);
        assert_eq!(found, [pair("Xi", "Xi Jinping")]);
        let found = fold(&[
            "Sharaa",
            "Ahmed al-Sharaa",
            "Kennedy",
            "Robert F. Kennedy Jr.",
        ]);
        assert_eq!(
            found,
            [
                pair("Kennedy", "Robert F. Kennedy Jr."),
                pair("Sharaa", "Ahmed al-Sharaa")
            ]
        );
    }

    #[test]
    fn two_full_names_or_no_surname_fold_nothing() {
        assert!(fold(&["Baker", "James Baker", "Howard Baker"]).is_empty());
        // Given names, ordinary words, and names that are no persons'.
        assert!(fold(&["David", "Michael David"]).is_empty());
        assert!(fold(&["Peter", "John Peter", "Peter Carey"]).is_empty());
        assert!(fold(&["Hope", "Mees en Hope", "King", "Martin Luther King"]).is_empty());
        assert!(fold(&["THATCHER", "Margaret Thatcher"]).is_empty());
        // A full name in no more articles than the surname alone.
        let e = Extractor::bundled();
        assert!(e
            .surnames([("Goldman", 7), ("Marshall Goldman", 1)])
            .is_empty());
        assert!(e
            .surnames([("Crocker", 1), ("Chester Crocker", 1)])
            .is_empty());
        assert!(fold(&["Thatcher", "Margaret Thatcher Foundation Trust Fund"]).is_empty());
    }
}
