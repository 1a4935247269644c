//! Surnames of today's public figures that news names alone ("Putin
//! said", "She broke with Trump"), which a tagger taught by 1996 newswire
//! never saw as people: it reads the ones that are English words as words
//! ("Trump", "Musk", "Truss"), and takes most of the others for
//! organizations ("Erdogan", "Starmer", "Kagame"). Without a full name in
//! the article the lone word would be dropped or land in the wrong facet.
//! Heads of state and government, ministers and envoys that wires name
//! bare, chosen from general knowledge of the news in 2025-2026 (none from
//! the labelled test sets); each with whether it names nothing else news
//! names alone (Rice University, the Cook Islands, the Japanese city of
//! Obama, Harris County and Colombia's Gustavo Petro's "petro" are named
//! by the word too: those are only kept as persons where the tagger found
//! one). The others are persons wherever they stand alone, found or not
//! ("Macron said on Monday", which the tagger passes over).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::full_names::{insert_mentions, person_over};
use super::Mention;

/// The surnames, as written, each with whether it names nothing else.
#[rustfmt::skip]
const PUBLIC_SURNAMES: &[(&str, bool)] = &[
    // Words too.
    ("Trump", true), ("Vance", true), ("Pence", true), ("Musk", true), ("Truss", true),
    ("Bush", false), ("Rice", false), ("Gates", false), ("Hunt", false), ("Cook", false),
    ("Tusk", false),
    // Heads of state and government.
    ("Putin", true), ("Erdogan", true), ("Erdoğan", true), ("Orban", true), ("Orbán", true),
    ("Starmer", true), ("Sunak", true), ("Albanese", true), ("Luxon", true), ("Milei", true),
    ("Ramaphosa", true), ("Khamenei", true), ("Pezeshkian", true), ("Zelensky", true),
    ("Zelenskiy", true), ("Zelenskyy", true), ("Macron", true), ("Trudeau", true),
    ("Poilievre", true), ("Netanyahu", true), ("Modi", true), ("Meloni", true), ("Merz", true),
    ("Scholz", true), ("Sheinbaum", true), ("Prabowo", true), ("Widodo", true), ("Jokowi", true),
    ("Lukashenko", true), ("Maduro", true), ("Assad", true), ("Sisi", true), ("Tinubu", true),
    ("Ruto", true), ("Museveni", true), ("Mnangagwa", true), ("Kagame", true),
    ("Tshisekedi", true), ("Tebboune", true), ("Ishiba", true), ("Takaichi", true),
    ("Kishida", true), ("Fico", true), ("Vucic", true), ("Vučić", true), ("Aliyev", true),
    ("Pashinyan", true), ("Mirziyoyev", true), ("Tokayev", true), ("Boric", true),
    ("Bukele", true), ("Noboa", true), ("Bolsonaro", true), ("Mitsotakis", true),
    ("Nawrocki", true), ("Frederiksen", true), ("Kristersson", true), ("Støre", true),
    ("Duterte", true), ("Hasina", true), ("Zardari", true), ("Sharaa", true),
    ("Dbeibah", true), ("Haftar", true), ("Hemedti", true), ("Obama", false), ("Xi", true),
    ("Lecornu", true),
    ("Lula", false), ("Carney", false), ("Petro", false), ("Marcos", false),
    ("Harris", false), ("Clinton", false), ("Biden", false), ("Abiy", false),
    ("Burhan", false),
    // Ministers, envoys and others named bare.
    ("Lavrov", true), ("Peskov", true), ("Medvedev", true), ("Shoigu", true),
    ("Navalny", true), ("Blinken", true), ("Rubio", true), ("Hegseth", true),
    ("Witkoff", true), ("Kushner", true), ("Bessent", true), ("Yellen", true),
    ("Guterres", true), ("Stoltenberg", true), ("Rutte", true), ("Lagarde", true),
    ("Araghchi", true), ("Nasrallah", true), ("Haniyeh", true), ("Sinwar", true),
    ("Shaibani", true), ("Syrskyi", true), ("Zaluzhny", true), ("Sybiha", true),
    ("Jaishankar", true), ("Pelosi", true), ("Schumer", true), ("McConnell", true),
    ("DeSantis", true), ("Newsom", true), ("Mamdani", true),
];

/// [`PUBLIC_SURNAMES`] by name key (lowercase), with whether it names
/// nothing else; built on first use, since both lookups run per name.
fn by_key() -> &'static HashMap<String, bool, FixedState> {
    static BY_KEY: OnceLock<HashMap<String, bool, FixedState>> = OnceLock::new();
    BY_KEY.get_or_init(|| {
        PUBLIC_SURNAMES
            .iter()
            .map(|&(name, only)| (name.to_lowercase(), only))
            .collect()
    })
}

/// Whether `word`, as written, is the surname of one of today's public
/// figures ([`PUBLIC_SURNAMES`]).
pub(crate) fn is_public_surname(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && by_key().contains_key(&word.to_lowercase())
}

/// Whether `key`, a name key, is the surname of one of today's public
/// figures that names nothing else ([`PUBLIC_SURNAMES`]): the tagger's
/// organization "Trump" ("attacked Trump at Cannes") or "Erdogan" ("Erdogan
/// said on Monday") is the person.
pub(crate) fn names_only_a_public_figure(key: &str) -> bool {
    by_key().get(key).is_some_and(|&only| only)
}

/// Makes a person of each [`PUBLIC_SURNAMES`] name that names nothing else,
/// written as a whole word and standing alone (no capitalised word just
/// before or after it: then it is part of a longer name, the tagger's to
/// read), where no mention has it or a mention of exactly it is of
/// another kind; `mentions` stay in text order.
pub(crate) fn add_public_figures(text: &str, capitals: &[usize], mentions: &mut Vec<Mention>) {
    static ONLY: OnceLock<HashSet<&str, FixedState>> = OnceLock::new();
    let only = ONLY.get_or_init(|| {
        let only = PUBLIC_SURNAMES.iter().filter(|(_, only)| *only);
        only.map(|&(name, _)| name).collect()
    });
    let mut added = Vec::new();
    for (b, e) in capitalised_words(text, capitals) {
        if only.contains(&text[b..e])
            && !beside_a_capital(&text[..b], &text[e..])
            && !within_a_word(&text[e..])
        {
            person_over(text, (b, e), mentions, &mut added, |_| true);
        }
    }
    insert_mentions(mentions, added);
}

/// The byte length of the longest of [`PUBLIC_SURNAMES`].
const LONGEST_SURNAME: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < PUBLIC_SURNAMES.len() {
        if PUBLIC_SURNAMES[i].0.len() > longest {
            longest = PUBLIC_SURNAMES[i].0.len();
        }
        i += 1;
    }
    longest
};

/// The byte ranges of the words of `text` that begin with an ASCII capital
/// (at `capitals`, from `word_starts`) and run to the next byte that is no
/// letter, digit or hyphen (a byte of a non-ASCII letter continues a word:
/// "Erdoğan"), of the lengths a surname of [`PUBLIC_SURNAMES`] has.
fn capitalised_words<'a>(
    text: &'a str,
    capitals: &'a [usize],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let bytes = text.as_bytes();
    let in_word = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c >= 0x80;
    // Written as a name: "TRUMP" in a shouted headline is the tagger's.
    let title_case = move |b: usize| bytes.get(b + 1).is_some_and(|&c| !c.is_ascii_uppercase());
    capitals
        .iter()
        .filter(move |&&b| title_case(b))
        .filter_map(move |&b| {
            let len = bytes[b..].iter().take_while(|&&c| in_word(c)).count();
            (2..=LONGEST_SURNAME).contains(&len).then_some((b, b + len))
        })
}

/// Whether `after`, the text after a name, goes on with the same word
/// past an apostrophe ("Xi'an"); a possessive's "'s" does not.
fn within_a_word(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['\'', '\u{2019}']) else {
        return false;
    };
    let letters = rest.chars().take_while(|c| c.is_alphabetic()).count();
    letters > 0 && !(letters == 1 && rest.starts_with('s'))
}

/// Whether the word one space before or after a name is capitalised:
/// "President Macron", "Macron Foundation". A possessive's "'s" after the
/// name is no word.
fn beside_a_capital(before: &str, after: &str) -> bool {
    let previous = before
        .strip_suffix(' ')
        .map(|b| b.rsplit(' ').next().unwrap_or(b));
    let next = after.strip_prefix(' ');
    [previous, next]
        .into_iter()
        .flatten()
        .any(|w| w.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_public_figures_surname_alone_is_a_person() {
        let persons = |text: &str| Extractor::bundled().extract(text).persons;
        assert_eq!(persons("She broke with Trump over the files."), ["Trump"]);
        assert_eq!(
            persons("Robert De Niro attacked Trump at Cannes."),
            ["Robert De Niro", "Trump"]
        );
        assert!(persons("He played his trump card.").is_empty());
        // Taken for organizations, or passed over, by the tagger.
        assert_eq!(
            persons("Erdogan said on Monday talks would go on."),
            ["Erdogan"]
        );
        assert_eq!(
            persons("Macron said on Monday talks would go on."),
            ["Macron"]
        );
        assert_eq!(
            persons("Xi and Trump agreed a truce in Busan."),
            ["Xi", "Trump"]
        );
        assert!(persons("Flights to Xi'an resumed.").is_empty());
        assert_eq!(persons("Xi's envoy met Putin's aide."), ["Xi", "Putin"]);
        assert_eq!(
            persons("Kagame met Tshisekedi in Doha."),
            ["Kagame", "Tshisekedi"]
        );
        // Part of a longer name.
        let found = Extractor::bundled().extract("Talks with the Macron Foundation failed.");
        assert!(found.persons.is_empty(), "{:?}", found.persons);
    }
}
