//! Short forms of organization names across an archive: "Tahrir al-Sham"
//! (the trailing words) or "HTS" (the initials) of the one longer name the
//! archive has, "Hayat Tahrir al-Sham". An article that never spells the
//! full name then files under it too. A short form that fits two longer
//! names ("Security Council": "UN Security Council", "National Security
//! Council") stays as it is.
//!
//! Initials fold only where some article of the archive spelt them out as
//! that name ("Hayat Tahrir al-Sham (HTS)"): three capitals fit many names
//! of a large archive, and the one it happens to hold is often not the one
//! meant ("BHP" is not "Bank of Hawaii and Philippine").
//!
//! Work is linear in the words of the names: each longer name adds its
//! trailing-word keys and its initials to a table, each name is then looked
//! up once.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::gazetteer::name_key;

/// Fewest words of a trailing-word short form: one word alone ("Sham",
/// "Bank") names too many things.
const MIN_WORDS: usize = 2;

/// Initials of two to six capitals ("UN", "HTS", "OPEC" if spelt so).
const INITIALS: std::ops::RangeInclusive<usize> = 2..=6;

/// Last words of company names: "American Financial Corp" and "First
/// American Financial Corp" are two companies, not one name and its short
/// form.
const COMPANY_ENDINGS: &[&str] = &[
    "ag",
    "bank",
    "bhd",
    "co",
    "company",
    "corp",
    "corporation",
    "fund",
    "gmbh",
    "group",
    "holdings",
    "inc",
    "industries",
    "llc",
    "ltd",
    "nv",
    "partners",
    "party",
    "plc",
    "sa",
    "spa",
    "systems",
    "trust",
];

/// Words that join two names ("Eisenberg of Bear Stearns", "Workers and
/// American Motors"): a longer name holding one before the short form's
/// words is another thing.
const JOINING: &[&str] = &["of", "and", "for", "at", "in", "the", "to"];

/// Legal forms written abbreviated ("Co.", "Ltd."), which end a company's name.
const LEGAL_FORMS: &[&str] = &["co", "corp", "inc", "ltd", "plc", "llc", "gmbh", "bhd"];

/// Whether `word` (without its dot) is a company's abbreviated legal form,
/// in any case: "Co", "INC", "GmbH".
pub(crate) fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS
        .iter()
        .any(|f| f.len() == word.len() && f.eq_ignore_ascii_case(word))
}

/// Words that open a phrase, not a name: "A Cominco" is debris of a
/// sentence ("... Co. A Cominco spokesman").
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that"];

/// The short forms among `names` (organization values, each once) that fit
/// exactly one longer name of `names`, mapped to it; sorted by short form.
/// Initials count only as the `(initials, long name)` pairs of
/// `spelled_out`, the folds articles made.
pub fn short_forms<'a>(
    names: impl IntoIterator<Item = &'a str>,
    spelled_out: &HashSet<(String, String)>,
) -> BTreeMap<String, String> {
    let mut by_key: HashMap<String, &str> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for name in names {
        let key = name_key(name);
        if !key.is_empty() && !by_key.contains_key(&key) {
            by_key.insert(key, name);
            order.push(name);
        }
    }
    // Trailing-word keys and initials → the longer names having them.
    let mut longer: HashMap<String, Vec<&str>> = HashMap::new();
    for &name in &order {
        if !plain_name(name) {
            continue;
        }
        let key = name_key(name);
        let words: Vec<&str> = key.split(' ').collect();
        let company = words.last().is_some_and(|w| COMPANY_ENDINGS.contains(w));
        for start in 1..words.len().saturating_sub(MIN_WORDS - 1) {
            if company || words[..start].iter().any(|w| JOINING.contains(w)) {
                break;
            }
            longer
                .entry(words[start..].join(" "))
                .or_default()
                .push(name);
        }
        if let Some(initials) = initials(name) {
            longer.entry(initials).or_default().push(name);
        }
    }
    let mut out = BTreeMap::new();
    for &name in &order {
        let key = if is_initials(name) {
            name.to_owned()
        } else if plain_name(name)
            && !shouted(name)
            && name_key(name).split(' ').count() >= MIN_WORDS
            // "Bank of Finland" is a whole name, not the tail of "Union
            // Bank of Finland".
            && !name_key(name).split(' ').any(|w| JOINING.contains(&w))
        {
            name_key(name)
        } else {
            continue;
        };
        if let Some([long]) = longer.get(&key).map(Vec::as_slice) {
            let evidence = (name.to_owned(), (*long).to_owned());
            if !is_initials(name) || spelled_out.contains(&evidence) {
                out.insert(evidence.0, evidence.1);
            }
        }
    }
    // No chains: a short form's long name is no short form itself.
    let shorts: Vec<String> = out.keys().cloned().collect();
    out.retain(|_, long| !shorts.contains(long));
    out
}

/// The initials of a name of two or more capitalised words ("Hayat Tahrir
/// al-Sham" → "HTS"; words in lower case, "al", "of", are skipped).
fn initials(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .collect();
    // "General Motors Corp" is "GM" as much as "GMC".
    if words
        .last()
        .is_some_and(|w| COMPANY_ENDINGS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let words = name.split_whitespace().count();
    (words >= 2 && INITIALS.contains(&initials.chars().count())).then_some(initials)
}

/// A name written as initials: two to six capital letters.
fn is_initials(name: &str) -> bool {
    INITIALS.contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Words and spaces only (hyphens, apostrophes and dots inside words):
/// "Air Force, Navy" or "<National Bank" are lists or debris, not names;
/// nor is a phrase opening with "A" or "The", or two names run together
/// ("Ford Motor Credit Co. A Cominco": an abbreviated legal form before the
/// last word).
fn plain_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let run_together = words
        .iter()
        .rev()
        .skip(1)
        .any(|w| w.strip_suffix('.').is_some_and(is_legal_form));
    let opens_phrase = words
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
    starts_upper(name)
        && !opens_phrase
        && !run_together
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

/// Written in capitals throughout, as headlines are ("AMERICAN MOTORS CORP"):
/// its words may be anyone's.
fn shouted(name: &str) -> bool {
    name.contains(' ') && !name.chars().any(char::is_lowercase)
}

fn starts_upper(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(pairs: &[(&str, &str)]) -> HashSet<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn trailing_words_and_initials_fold_into_the_one_longer_name() {
        let got = short_forms(
            [
                "Hayat Tahrir al-Sham",
                "Tahrir al-Sham",
                "HTS",
                "al-Sham",
                "Sham",
                "Kremlin",
            ],
            &spelled(&[("HTS", "Hayat Tahrir al-Sham")]),
        );
        let expected: BTreeMap<String, String> = [
            ("HTS", "Hayat Tahrir al-Sham"),
            ("Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn other_companies_and_joined_names_are_no_long_forms() {
        let got = short_forms(
            [
                "First American Financial Corp",
                "American Financial Corp",
                "Eisenberg of Bear Stearns",
                "Bear Stearns",
                "AMERICAN MOTORS",
                "Potential American Motors",
                "Air Force, Navy",
                "AFN",
                "Union Bank of Finland",
                "Bank of Finland",
                "General Motors Corp",
                "Gazeta Mercantil",
                "GM",
            ],
            &spelled(&[("GM", "General Motors Corp")]),
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn ambiguous_short_forms_stay() {
        let got = short_forms(
            [
                "UN Security Council",
                "National Security Council",
                "Security Council",
                "European Union",
                "Energy Union",
                "EU",
            ],
            &spelled(&[("EU", "European Union")]),
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn initials_no_article_spelt_out_stay() {
        let names = ["BHP", "Bank of Hawaii and Philippine", "HTS"];
        let got = short_forms(names, &spelled(&[("HTS", "Hayat Tahrir al-Sham")]));
        assert!(got.is_empty(), "{got:?}");
        let got = short_forms(names, &spelled(&[("BHP", "Bank of Hawaii and Philippine")]));
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn debris_of_sentences_is_no_name() {
        let got = short_forms(
            [
                "Ford Motor Credit Co. A Cominco",
                "A Cominco",
                "Prev Wk A Hoechst",
                "A Hoechst",
                "Credit Co. Cominco",
                "Cominco",
            ],
            &HashSet::new(),
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
