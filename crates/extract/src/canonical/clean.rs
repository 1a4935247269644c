//! Cleaning one mention before linking: whitespace, surrounding punctuation
//! and quotes, possessives, a leading "the", a prefix that dates a name
//! ("then-"), and the titles in front of person names ("Syrian President
//! Ahmed al-Sharaa" → "Ahmed al-Sharaa"; which words are titles is
//! `titles`').

use super::HashSet;

use super::super::features::lexicon::is_org_suffix;
use super::super::gazetteer::{name_key, strip_possessive, Gazetteer, PlaceKind};
use super::super::nicknames::{CLOSING_QUOTES, OPENING_QUOTES};
use super::super::suffixes::fold_name_suffixes;
use super::super::EntityKind;
use super::sentence_words::is_sentence_word;
use super::titles::strip_titles;

/// The key of a mention as written, less a leading "the": what tells
/// whether a name is mentioned elsewhere in the article.
pub(super) fn bare_key(text: &str) -> String {
    let key = name_key(trim_punctuation(text));
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => key,
    }
}

/// Cleans one mention: whitespace, surrounding punctuation and quotes, a
/// possessive, a leading "the" (places, organizations) or titles (persons).
///
/// A possessive is always dropped from a person ("Putin's"); from a place
/// or organization only when the name without it is a gazetteer place or
/// is mentioned elsewhere in the article (`mentioned` holds the
/// [`bare_key`]s of all mentions), since some names end in one: "Lloyd's",
/// "Lord's", "McDonald's".
pub(super) fn clean(
    text: &str,
    kind: EntityKind,
    gazetteer: &Gazetteer,
    mentioned: &HashSet<String>,
) -> String {
    let s = name_words(text);
    let s = trim_punctuation(&s);
    let bare = trim_punctuation(strip_possessive(s));
    let drop_possessive = bare.len() == s.len()
        || match kind {
            EntityKind::Person => true,
            EntityKind::Location => gazetteer.contains(bare) || mentioned.contains(&bare_key(bare)),
            EntityKind::Organization => mentioned.contains(&bare_key(bare)),
        };
    let s = if drop_possessive { bare } else { s };
    let mut words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(first) = words.first_mut() {
        *first = without_time_prefix(first);
    }
    fold_name_suffixes(&mut words);
    let keep = match kind {
        EntityKind::Person => strip_titles(&words, gazetteer),
        EntityKind::Location | EntityKind::Organization => {
            let the = words.len() > 1 && words[0].eq_ignore_ascii_case("the");
            let words = &words[usize::from(the)..];
            if kind == EntityKind::Location && is_state_of_region(words, gazetteer) {
                &words[2..]
            } else if kind == EntityKind::Organization {
                own_organization_name(words)
            } else {
                words
            }
        }
    };
    keep.join(" ")
}

/// `word` without a prefix that dates what follows ("then-National
/// Security Council", "ex-Soviet Union"): the name is the same.
fn without_time_prefix(word: &str) -> &str {
    ["then-", "ex-", "former-", "now-"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(word)
}

/// Titles the tagger runs an organization's name into ("Federal Reserve
/// Board Vice Chairman Manuel Johnson"), as written.
const RUN_ON_TITLES: &[&str] = &[
    "Vice",
    "President",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Candidate",
    "Spokesman",
    "Spokeswoman",
    "Secretary",
    "Director",
    "Leader",
    "Governor",
    "Minister",
];

/// An organization's name less a title the tagger ran it into
/// ("Libertarian Party Vice" of "Libertarian Party Vice Chairman Arvin
/// Vohra") and, for a US party named with its country first ("US
/// Libertarian Party", "U.S. Democratic Party", as Wikinews writes them),
/// less the country: the party's own name has none. (Other countries'
/// parties may: "UK Independence Party".)
fn own_organization_name<'w>(mut words: &'w [&'w str]) -> &'w [&'w str] {
    while let [rest @ .., body, title] = words {
        if rest.is_empty() || !RUN_ON_TITLES.contains(title) || !is_org_suffix(body) {
            break;
        }
        words = &words[..words.len() - 1];
    }
    let country = match words {
        ["US" | "U.S.", ..] => 1,
        ["United", "States", ..] => 2,
        _ => 0,
    };
    let party = words
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("party"));
    if country > 0 && party && words.len() > country + 1 {
        &words[country..]
    } else {
        words
    }
}

/// Characters inside a mention that belong to no name: the brackets of an
/// editor's insertion ("Jerry [O'Connell] and I", "[Prime Minister
/// Narendra] Modi") and zero-width characters left by web pages.
const INSERTED: &[char] = &[
    '[', ']', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// The soft hyphen web pages put inside long words for line breaking
/// ("Vladi\u{ad}mir Putin"): dropped from a name, joining its halves.
const SOFT_HYPHEN: char = '\u{ad}';

/// Drops a nickname in quotes from inside a name's `words` (`Pasquale
/// "Pat" Di Cicco`), when words remain on both sides of it.
fn drop_nickname(words: &mut Vec<&str>) {
    let Some(first) = words
        .iter()
        .skip(1)
        .position(|w| w.starts_with(OPENING_QUOTES))
    else {
        return;
    };
    let first = first + 1;
    let Some(last) = words[first..]
        .iter()
        .position(|w| w.ends_with(CLOSING_QUOTES))
    else {
        return;
    };
    let last = first + last;
    if last + 1 < words.len() {
        words.drain(first..=last);
    }
}

/// Whether `word` is a modifier made with a hyphen that begins no name:
/// "Muslim-majority Mindanao", "Kenyan-born Barack Obama", "rebel-held
/// Idlib".
fn is_hyphenated_modifier(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "majority",
        "dominated",
        "controlled",
        "held",
        "occupied",
        "run",
        "led",
        "backed",
        "based",
        "born",
        "owned",
        "funded",
        "linked",
        "allied",
        "affiliated",
        "speaking",
    ];
    word.rsplit_once('-')
        .is_some_and(|(_, end)| ENDINGS.contains(&end))
}

/// Lower-case words that begin no name.
const LEADING_FUNCTION_WORDS: &[&str] = &["of", "and", "in", "at", "for", "from", "by", "to", "on"];

/// The words of a mention, one space apart, without what is no part of
/// the name: [`INSERTED`] marks, a nickname in quotes inside it, leading
/// function words and hyphenated modifiers ("of London Sadiq Khan",
/// "Muslim-majority Mindanao"), a sentence word that opens the sentence
/// before the name ("Including Hassan", "Whereas Pierce") and the "Image"
/// of a photo credit that a page's captions glued to the name ("Howie
/// HawkinsImage: GreenIn2010").
fn name_words(text: &str) -> String {
    let (joined, unhyphenated);
    // One pass over the bytes first: the marks are '[', ']' or start with
    // 0xE2 / 0xEF in UTF-8 (the soft hyphen with 0xC2), and most names
    // have none.
    let may_have_marks = text
        .bytes()
        .any(|b| matches!(b, b'[' | b']' | 0xE2 | 0xEF | 0xC2));
    let text = if may_have_marks && text.contains(SOFT_HYPHEN) {
        unhyphenated = text.replace(SOFT_HYPHEN, "");
        &unhyphenated
    } else {
        text
    };
    let text = if may_have_marks && text.contains(INSERTED) {
        joined = text.replace(INSERTED, " ");
        &joined
    } else {
        text
    };
    let mut words: Vec<&str> = text.split_whitespace().collect();
    drop_nickname(&mut words);
    // "of London Sadiq Khan": a preposition the tagger took in names
    // nothing.
    while words.len() > 1
        && (LEADING_FUNCTION_WORDS.contains(&words[0]) || is_hyphenated_modifier(words[0]))
    {
        words.remove(0);
    }
    // The word list looks up in any case: no key to build per mention.
    if words.len() > 1 && is_sentence_word(words[0].trim_matches(|c: char| !c.is_alphanumeric())) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        if let Some(name) = last.strip_suffix("Image") {
            if name.chars().count() >= 2 && name.ends_with(char::is_lowercase) {
                *last = name;
            }
        }
    }
    if words.len() > 1 {
        words[0] = without_credit_label(words[0]);
    }
    words.join(" ")
}

/// `word` without the "Credit" label that The New York Times' captions
/// glue to a photographer's name ("CreditKirsten Luce", twice in
/// "CreditCreditJeon Heon-Kyun"): what follows must be a capitalised word.
/// The tokenizer makes the label a token of its own; this takes it off
/// where the tagger put it in the name.
fn without_credit_label(mut word: &str) -> &str {
    while let Some(rest) = word.strip_prefix("Credit") {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b))
                if a.is_uppercase() && (b.is_lowercase() || rest.starts_with("Credit")) =>
            {
                word = rest
            }
            _ => break,
        }
    }
    word
}

/// Drops quotes and punctuation around a name, and a final period unless
/// the last word is an abbreviation with other periods ("U.S.").
fn trim_punctuation(s: &str) -> &str {
    const AROUND: &[char] = &[
        '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', ',', ';', ':', '!', '?', '-',
        '–', '—', '*',
    ];
    let around = |c: char| AROUND.contains(&c) || c.is_whitespace() || is_decoration(c);
    let mut s = s.trim_matches(around);
    while let Some(rest) = s.strip_suffix('.') {
        let last = rest.rsplit(' ').next().unwrap_or_default();
        if last.contains('.') {
            break;
        }
        s = rest.trim_end_matches(around);
    }
    s
}

/// Whether `c` decorates text rather than spelling a name: bullets,
/// arrows, box drawing, blocks and dingbats ("█ Labour Party" of a
/// results graphic, "• Reuters").
fn is_decoration(c: char) -> bool {
    ('\u{2190}'..='\u{21FF}').contains(&c)
        || ('\u{2500}'..='\u{27BF}').contains(&c)
        || matches!(c, '•' | '·' | '|')
}

/// Whether `words` are "State of" and a region ("State of Virginia"),
/// which is that region.
fn is_state_of_region(words: &[&str], gazetteer: &Gazetteer) -> bool {
    match words {
        [state, of, rest @ ..] if !rest.is_empty() => {
            state.eq_ignore_ascii_case("state")
                && *of == "of"
                && gazetteer
                    .resolve(&rest.join(" "), &[])
                    .is_some_and(|p| p.kind == PlaceKind::Region)
        }
        _ => false,
    }
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
