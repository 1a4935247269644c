//! Linking the organization mentions of one article: an acronym becomes the
//! long form the article spells out ("Hayat Tahrir al-Sham (HTS)") or whose
//! initials it is ("NATO", "North Atlantic Treaty Organization").

use super::{HashMap, HashSet};

use super::super::gazetteer::name_key;
use super::super::EntityKind;
use super::context::Article;
use super::persons::PARTICLES;
use super::seats::is_seat_of_government;
use super::{Linker, WordList};

/// Small words skipped in an organization's initials ("Islamic State of
/// Iraq and the Levant" → ISIL).
static FUNCTION_WORDS: WordList =
    WordList::new(&["of", "the", "and", "for", "in", "on", "und", "et", "y", "&"]);

/// Maps each organization key to its canonical name: an acronym becomes the
/// long form the article spells out ("Hayat Tahrir al-Sham (HTS)") or whose
/// initials it is.
pub(super) fn link_organizations(
    article: &Article,
    kinds: &[Option<EntityKind>],
    cleaned: &[String],
    orgs: &Linker,
) -> HashMap<String, String> {
    let Article {
        text, mentions, of, ..
    } = *article;
    let at = |c: usize| article.offsets.byte(c);
    let mut acronyms: HashMap<String, Vec<String>> = HashMap::default();
    // Short forms the article spells out in parentheses.
    let mut defined: HashSet<String> = HashSet::default();
    for (m, &u) in mentions.iter().zip(of) {
        let (Some(c), Some(&kind)) = (cleaned.get(u), kinds.get(u)) else {
            continue;
        };
        if kind != Some(EntityKind::Organization) {
            continue;
        }
        // A one-word name after a word with a capital is a piece of a
        // longer one the tagger split ("Luxembourg SA (BIL)", "l'Energia
        // Elettrica (ENEL)"), no long form.
        let piece = !c.contains(' ')
            && at(m.start)
                .and_then(|b| text.get(..b))
                .and_then(|before| before.strip_suffix(' '))
                .and_then(|before| before.rsplit([' ', '\n']).next())
                .is_some_and(|w| w.contains(char::is_uppercase));
        if piece {
            continue;
        }
        let after = at(m.end).and_then(|b| text.get(b..));
        if let Some(acr) = after.and_then(|a| parenthesised_short_form(a, c)) {
            defined.insert(acronym_key(acr));
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
        if is_acronym(name) || (!defined.is_empty() && defined.contains(&acronym_key(name))) {
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
        if name == &orgs.surface[key] {
            let key = newsroom_long_form(key, orgs)
                .unwrap_or_else(|| same_with_country_spelt_out(key, orgs));
            name = match longer_form(key, &orgs.keys) {
                Some(long) => &orgs.surface[long],
                None => &orgs.surface[key],
            };
        }
        out.insert(key.clone(), name.clone());
    }
    out
}

/// The one longer organization of the article that starts or ends with
/// all the words of `key` ("Kelley" → "Kelley Oil and Gas Partners Ltd",
/// "Tahrir al-Sham" → "Hayat Tahrir al-Sham", "Wire" → "Levant Wire"): a
/// short form, written once the full name has been given. None when two
/// longer names qualify ("University of California" beside its San Diego
/// and Los Angeles campuses).
fn longer_form<'a>(key: &str, keys: &'a [String]) -> Option<&'a String> {
    if PARENT_BODIES.contains(key) {
        // "US Federal Reserve" is the Federal Reserve; its banks are not.
        return keys
            .iter()
            .find(|k| without_country(k) == Some(key) && !names_a_part(k));
    }
    // A party "of" somewhere is its branch there, no long form of it
    // ("Prohibition Party of Illinois").
    let branch = |short: &str, long: &str| {
        short.ends_with(" party")
            && long
                .strip_prefix(short)
                .is_some_and(|rest| rest.starts_with(" of "))
    };
    let extends = |short: &str, long: &str| {
        long.len() > short.len()
            && ((long.starts_with(short)
                && long.as_bytes()[short.len()] == b' '
                && !branch(short, long))
                || (long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' '))
    };
    // "U.S. Congress" and "United States Congress" are one longer form.
    let spelt_elsewhere = |k: &str| country_spelt_out(k).is_some_and(|s| keys.contains(&s));
    let mut found = keys
        .iter()
        .filter(|k| extends(key, k) && !names_a_part(k) && !spelt_elsewhere(k));
    let first = found.next()?;
    // Several: fine when they nest ("Kelley Oil", "Kelley Oil and Gas
    // Partners Ltd"), the longest then; else ambiguous.
    let mut best = first;
    // A party beside its branch ("Constitution Party", "Constitution
    // Party of Florida") is the one "Constitution" stands for.
    for k in found {
        if extends(best, k) || branch(k, best) {
            best = k;
        } else if !extends(k, best) && !branch(best, k) {
            return None;
        }
    }
    Some(best)
}

/// Bodies whose agencies and organs carry their name in front ("United
/// Nations Educational, Scientific and Cultural Organization", "United
/// Nations Security Council", "European Union Aviation Safety Agency"),
/// as name keys: no short form of those, but a body of its own.
static PARENT_BODIES: WordList = WordList::new(&[
    "united nations",
    "european union",
    "european community",
    "african union",
    "federal reserve",
    "red cross",
    "world health organization",
]);

/// Last words of organizations that are a part of another ("House Ways
/// and Means Committee" is no long form of "House").
static PART_WORDS: WordList = WordList::new(&[
    "committee",
    "subcommittee",
    "division",
    "unit",
    "branch",
    "office",
    "department",
    "board",
    "council",
    "subsidiary",
]);

/// Whether an organization key names a part of another organization, or a
/// seat of government ("White House" is no long form of "House").
fn names_a_part(key: &str) -> bool {
    PART_WORDS.contains(key.rsplit(' ').next().unwrap_or_default()) || is_seat_of_government(key)
}

/// Short names newsrooms give organizations that neither start nor end
/// their names nor are their initials, as name keys, with the name they
/// stand for where the article also writes it.
const NEWSROOM_SHORT_FORMS: [(&str, &str); 2] =
    [("fed", "federal reserve"), ("banxico", "bank of mexico")];

/// The article's key for the organization `key` is a newsroom's short
/// name of ([`NEWSROOM_SHORT_FORMS`]), if it has one.
fn newsroom_long_form<'a>(key: &str, orgs: &'a Linker) -> Option<&'a String> {
    let (_, long) = NEWSROOM_SHORT_FORMS
        .iter()
        .find(|(short, _)| *short == key)?;
    orgs.surface.get_key_value(*long).map(|(k, _)| k)
}

/// `key` less a leading country ("us federal reserve" → "federal
/// reserve"), if it has one.
fn without_country(key: &str) -> Option<&str> {
    let countries = COUNTRY_ACRONYMS
        .iter()
        .flat_map(|(acronym, country)| [*acronym, *country]);
    countries.into_iter().find_map(|c| key.strip_prefix(c))
}

/// Country acronyms that lead organizations' names, as name keys, and the
/// countries they stand for.
const COUNTRY_ACRONYMS: [(&str, &str); 4] = [
    ("u s ", "united states "),
    ("us ", "united states "),
    ("u k ", "united kingdom "),
    ("uk ", "united kingdom "),
];

/// The article's key for the organization `key` names with its country
/// acronym spelt out or written otherwise: "U.S. Congress" beside "United
/// States Congress" is the latter, "US Army" beside "U.S. Army" the first
/// written; `key` itself otherwise.
fn same_with_country_spelt_out<'a>(key: &'a String, orgs: &'a Linker) -> &'a String {
    let Some(spelt) = country_spelt_out(key) else {
        return key;
    };
    if let Some((spelt, _)) = orgs.surface.get_key_value(&spelt) {
        return spelt;
    }
    let same = |k: &&String| country_spelt_out(k).as_ref() == Some(&spelt);
    orgs.keys.iter().find(same).unwrap_or(key)
}

/// The key with its leading country acronym spelt out ("u s congress" →
/// "united states congress"), if it has one.
fn country_spelt_out(key: &str) -> Option<String> {
    COUNTRY_ACRONYMS.iter().find_map(|(acronym, country)| {
        let rest = key.strip_prefix(acronym)?;
        Some(format!("{country}{rest}"))
    })
}

/// "U.N." and "UN" alike: "un".
fn acronym_key(acronym: &str) -> String {
    name_key(&acronym.replace('.', ""))
}

/// A short form of `long` in parentheses at the start of `s` (spaces
/// allowed before): an acronym ("HTS", "AfD"), a stock ticker, after its
/// exchange or alone ("Apple Inc. (NASDAQ: AAPL)", "Tesla (TSLA)"), or,
/// after a name of several words, one capitalised word that begins as
/// `long` does and holds the initials of its main words in order
/// ("Philippine Institute of Volcanology and Seismology (Phivolcs)").
fn parenthesised_short_form<'s>(s: &'s str, long: &str) -> Option<&'s str> {
    let s = s.trim_start().strip_prefix('(')?;
    let end = s.find(')')?;
    let inner = s.get(..end)?.trim();
    let short = match inner.split_once(':') {
        Some((exchange, ticker)) if is_exchange(exchange) => ticker.trim(),
        _ => inner,
    };
    let syllabic = long.contains(' ') && is_syllabic_short_form(short, long);
    (is_acronym(short) || is_mixed_case_acronym(short) || syllabic).then_some(short)
}

/// Initials written in mixed case, as parties abroad write theirs: "AfD"
/// (Alternative für Deutschland, after "Alternative for Germany"), "PiS",
/// "FPÖ"; at most six letters, more than half of them capitals ("Europe"
/// in "Merrill Lynch (Europe)" is none).
fn is_mixed_case_acronym(s: &str) -> bool {
    let letters = s.chars().count();
    let capitals = s.chars().filter(|c| c.is_uppercase()).count();
    (2..=6).contains(&letters)
        && capitals >= 2
        && 2 * capitals > letters
        && s.chars().all(char::is_alphabetic)
}

/// Whether `word` may name a stock exchange before a ticker: "NASDAQ",
/// "NYSE", "Nasdaq", "TSX".
fn is_exchange(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && (2..=8).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether mention `i` is written in parentheses right after an
/// organization and made of its initials: "the Philippine Institute of
/// Volcanology and Seismology (Phivolcs)"; not "Merrill Lynch (Europe)".
pub(super) fn defines_a_short_form(
    article: &Article,
    i: usize,
    distinct: &[Option<EntityKind>],
) -> bool {
    let (Some(m), Some(prev)) = (
        article.mentions.get(i),
        i.checked_sub(1).and_then(|p| article.mentions.get(p)),
    ) else {
        return false;
    };
    distinct[article.of[i - 1]] == Some(EntityKind::Organization)
        && article.between(i - 1, i) == Some(" (")
        && article
            .around(i, 0, 1)
            .is_some_and(|(_, after)| after == ")")
        && is_syllabic_short_form(&m.text, &prev.text)
}

/// Whether `short`, one capitalised word, is made of the first letters of
/// `long`'s main words and more ("Phivolcs", "Ofgem" of "Office of Gas
/// and Electricity Markets"; "HTS" of "Hayat Tahrir al-Sham").
pub(super) fn is_syllabic_short_form(short: &str, long: &str) -> bool {
    if !short.starts_with(|c: char| c.is_ascii_uppercase())
        || !short.chars().all(|c| c.is_ascii_alphabetic())
        || short.len() < 3
    {
        return false;
    }
    let key = name_key(long);
    let initials = key
        .split(' ')
        .filter(|w| !PARTICLES.contains(w) && !FUNCTION_WORDS.contains(w))
        .filter_map(|w| w.chars().next());
    let mut letters = short.chars().map(|c| c.to_ascii_lowercase());
    let mut count = 0;
    for initial in initials {
        if count == 0 && letters.next() != Some(initial) {
            return false;
        }
        if count > 0 && !letters.any(|c| c == initial) {
            return false;
        }
        count += 1;
    }
    count >= 2
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
#[path = "organizations_tests.rs"]
mod tests;
