//! Names an article gives things around fixed patterns, which name no
//! entity of the facets wherever the article writes them: storms
//! ("Tropical Storm Humberto" and the "Humberto" it becomes later),
//! military operations ("Operation Midnight Hammer", which the tagger cuts
//! to "Hammer") and the people diseases and scales are named after
//! ("Parkinson's disease", "Saffir–Simpson scale"). Split from `filter`,
//! which drops them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::super::gazetteer::name_key;
use super::filter::STORM_WORDS;

/// Capitalised words that open a storm's name ("Tropical Storm Humberto").
const STORM_PREFIXES: [&str; 5] = [
    "Hurricane ",
    "Typhoon ",
    "Cyclone ",
    "Storm ",
    "Depression ",
];

/// What closes a name a disease is named after ("Parkinson's disease").
const DISEASE_SUFFIXES: [&str; 4] = ["'s disease", "’s disease", "'s syndrome", "’s syndrome"];

/// What closes a name written without a possessive that a scale or a
/// disease is named after ("Saffir–Simpson scale", "Creutzfeldt–Jakob
/// disease", "Lyme disease"): every one of its dashed parts is an eponym.
const NAMED_THING_SUFFIXES: [&str; 4] = [" scale", " disease", " syndrome", " space telescope"];

/// What opens a military operation's name ("Operation Midnight Hammer").
const OPERATION_PREFIX: &str = "Operation ";

/// Keys of the names the article gives storms and military operations
/// (after a capitalised storm word: "humberto" for "Tropical Storm
/// Humberto", not "the hurricane season"; each run of words of an
/// operation's name: "midnight hammer", "hammer", "operation midnight
/// hammer") and of the people its diseases and scales are named after
/// ("parkinson" for "Parkinson's disease", "lou gehrig" for "Lou Gehrig's
/// disease", "saffir" and "simpson" for "Saffir–Simpson scale": the
/// article names the disease or the scale, not the scientist).
pub(super) fn names_around_patterns(text: &str) -> (Vec<String>, Vec<String>) {
    // One pass for all the patterns: this runs on every article.
    static PATTERNS: OnceLock<AhoCorasick> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        // Leftmost-first lets the search skip ahead with a SIMD prefilter;
        // "'s disease" starts before the " disease" it ends with, so the
        // possessive form is the one found.
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(
                STORM_PREFIXES
                    .iter()
                    .chain(&DISEASE_SUFFIXES)
                    .chain(&NAMED_THING_SUFFIXES)
                    .chain(&[OPERATION_PREFIX]),
            )
            .expect("fixed patterns build")
    });
    let (mut events, mut eponyms) = (Vec::new(), Vec::new());
    let operation = STORM_PREFIXES.len() + DISEASE_SUFFIXES.len() + NAMED_THING_SUFFIXES.len();
    for found in patterns.find_iter(text) {
        let pattern = found.pattern().as_usize();
        let (keys, list) = if pattern < STORM_PREFIXES.len() {
            (
                storm_name(&text[found.end()..]).into_iter().collect(),
                &mut events,
            )
        } else if pattern == operation {
            (operation_names(&text[found.end()..]), &mut events)
        } else if pattern < STORM_PREFIXES.len() + DISEASE_SUFFIXES.len() {
            (
                eponym(&text[..found.start()]).into_iter().collect(),
                &mut eponyms,
            )
        } else if !text[found.end()..].starts_with(char::is_alphanumeric) {
            (dashed_eponyms(&text[..found.start()]), &mut eponyms)
        } else {
            continue; // "the Bundesbank scales down"
        };
        for key in keys {
            if !list.contains(&key) {
                list.push(key);
            }
        }
    }
    (events, eponyms)
}

/// The keys of each run of words of the operation's name at the start of
/// `rest` (after "Operation "), with and without "operation": up to three
/// capitalised words, one space apart.
fn operation_names(rest: &str) -> Vec<String> {
    let words: Vec<&str> = rest
        .split(' ')
        .take(3)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .collect();
    let mut keys = Vec::new();
    for start in 0..words.len() {
        for end in start + 1..=words.len() {
            keys.push(name_key(&words[start..end].join(" ")));
        }
    }
    if !words.is_empty() {
        keys.push(name_key(&format!("operation {}", words.join(" "))));
    }
    keys
}

/// The key of the storm's name at the start of `rest` (after "Storm ").
fn storm_name(rest: &str) -> Option<String> {
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let key = name_key(name);
    // "Storm Area 51" is an event, not a storm.
    let numbered = rest[end..]
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit());
    let is_name =
        name.starts_with(|c: char| c.is_uppercase()) && !numbered && !STORM_WORDS.contains(&key);
    is_name.then_some(key)
}

/// The key of the name that ends `before` (before "'s disease"): up to
/// three capitalised words, one space apart.
fn eponym(before: &str) -> Option<String> {
    let mut name_bytes = 0;
    for word in before.rsplit(' ').take(3) {
        let name_like = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if !name_like {
            break;
        }
        // The word and the space before it (none before the text's first).
        name_bytes += word.len() + 1;
    }
    let key = name_key(&before[before.len() - name_bytes.saturating_sub(1)..]);
    (!key.is_empty()).then_some(key)
}

/// The keys of the capitalised word that ends `before` (before " scale")
/// and of each of its dashed parts: "Saffir–Simpson" gives "saffir
/// simpson", "saffir" and "simpson".
fn dashed_eponyms(before: &str) -> Vec<String> {
    let word = before.rsplit(' ').next().unwrap_or_default();
    let name_like = word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphanumeric() || is_dash(c));
    if !name_like {
        return Vec::new();
    }
    let whole = word.contains(is_dash).then_some(word);
    whole
        .into_iter()
        .chain(word.split(is_dash))
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// Hyphen, en dash or em dash: what joins the names of a double eponym.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}
