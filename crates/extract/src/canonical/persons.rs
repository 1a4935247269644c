//! Linking the person mentions of one article: a short name ("Putin",
//! "Sharaa") becomes the one full name of the article that contains it
//! ("Vladimir Putin", "Ahmed al-Sharaa"), name particles ignored.

use super::{HashMap, HashSet};

use super::super::gazetteer::{name_key, strip_possessive, Gazetteer};
use super::super::EntityKind;
use super::context::{last_word, Article};
use super::known_organizations::is_known_organization;
use super::types::is_shouted;

use super::{Linker, WordList};

/// Name particles ignored when matching short person names to long ones
/// ("Sharaa" is "al-Sharaa"), and skipped in an organization's initials.
#[rustfmt::skip]
pub(super) static PARTICLES: WordList = WordList::new(&[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "ben", "van",
    "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
]);

/// The words of a person name that identify it, particles left out:
/// "Ahmed al-Sharaa" → [ahmed, sharaa].
pub(super) fn core_words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !PARTICLES.contains(w)).collect()
}

/// Familiar forms of English given names that stand for one formal name
/// only and are seldom surnames, lowercase: (familiar, formal). Not "abe"
/// (Shintaro Abe), "ted" (Edward or Theodore), "chris" or "alex".
#[rustfmt::skip]
const FAMILIAR_GIVEN_NAMES: &[(&str, &str)] = &[
    ("bill", "william"), ("billy", "william"), ("bob", "robert"), ("bobby", "robert"),
    ("rob", "robert"), ("robbie", "robert"), ("jim", "james"), ("jimmy", "james"),
    ("mike", "michael"), ("eddie", "edward"), ("dick", "richard"), ("rick", "richard"),
    ("tom", "thomas"), ("tommy", "thomas"), ("tony", "anthony"), ("joe", "joseph"),
    ("dave", "david"), ("danny", "daniel"), ("matt", "matthew"), ("andy", "andrew"),
    ("nick", "nicholas"), ("ben", "benjamin"), ("liz", "elizabeth"), ("beth", "elizabeth"),
    ("jenny", "jennifer"), ("sue", "susan"), ("peggy", "margaret"), ("johnny", "john"),
    ("larry", "lawrence"), ("charlie", "charles"), ("chuck", "charles"), ("fred", "frederick"),
    ("greg", "gregory"), ("jeff", "jeffrey"), ("ken", "kenneth"), ("ron", "ronald"),
    ("tim", "timothy"), ("walt", "walter"), ("vince", "vincent"),
];

/// The formal given name a familiar one stands for ("jim" → "james"), or
/// the word itself.
fn formal_given_name(word: &str) -> &str {
    FAMILIAR_GIVEN_NAMES
        .iter()
        .find(|(familiar, _)| *familiar == word)
        .map_or(word, |(_, formal)| formal)
}

/// Whether `short` appears in `long` in order (not necessarily adjacent).
pub(super) fn is_subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Maps each person key to its canonical name: the one longer name of the
/// article that contains it, else its own best surface.
pub(super) fn link_persons(people: &Linker) -> HashMap<String, String> {
    // Keys with the same core words are one name written two ways
    // ("Sharaa", "al-Sharaa"): keep the one with more words as the group.
    // A full name's familiar given name matches its formal one ("Eddie
    // Van Halen" is "Edward Lodewijk Van Halen", "Jim Hedges" "James
    // Hedges"), so the formal, longer name is the value.
    let cores: Vec<Vec<&str>> = people
        .keys
        .iter()
        .map(|k| {
            let mut core = core_words(k);
            if let Some(first) = core.first_mut() {
                *first = formal_given_name(first);
            }
            core
        })
        .collect();
    let mut out = HashMap::default();
    for (i, key) in people.keys.iter().enumerate() {
        let core = &cores[i];
        // Longer names containing this one, which no longer name contains
        // in turn.
        let longer = |a: &[&str], b: &[&str]| b.len() > a.len() && is_subsequence(a, b);
        let mut targets: Vec<usize> = (0..cores.len())
            .filter(|&j| !core.is_empty() && longer(core, &cores[j]))
            .filter(|&j| !cores.iter().any(|c| longer(&cores[j], c)))
            .collect();
        // "Richard K. Guy" and "Richard Kenneth Guy" are one target.
        let mut kept: Vec<usize> = Vec::new();
        targets.retain(|&j| {
            let new = !kept.iter().any(|&k| spelled_alike(&cores[k], &cores[j]));
            kept.push(j);
            new
        });
        if targets.is_empty() {
            // Same core, other spelling: the longest spelling.
            targets = (0..cores.len())
                .filter(|&j| cores[j] == *core && people.keys[j].len() > key.len())
                .collect();
            targets.truncate(1);
        }
        let name = match targets.as_slice() {
            [t] => people.surface[&people.keys[*t]].as_str(),
            // A surname shared by two full names ("Turpin" beside David
            // and Louise Turpin) is one of them, or both: no value of its
            // own, which would name a third person.
            [_, _, ..] if core.len() == 1 => "",
            // Unique, or a longer ambiguous name: as written.
            _ => people.surface[key].as_str(),
        };
        out.insert(key.clone(), name.to_owned());
    }
    fold_spelling_variants(&people.keys, &mut out);
    out
}

impl super::Canonical {
    /// Writes the person values the article only ever shouts as a reader
    /// would ([`unshouted`]), in the facets and the mentions' names alike.
    /// Run last: the rules before read a name in capitals as a headline's.
    pub(crate) fn unshout_persons(&mut self) {
        let names = self.names.iter_mut().zip(&self.kinds);
        for (name, _) in names.filter(|(_, k)| **k == Some(EntityKind::Person)) {
            *name = unshouted(name);
        }
        let persons = std::mem::take(&mut self.persons);
        for p in persons {
            super::push_unique(&mut self.persons, &unshouted(&p));
        }
    }
}

/// A person's name as a reader writes it, where the article only ever
/// shouts it ("LAURIE OAKES" of a byline, "JIM WATSON/AFP" of a photo
/// credit; the linker prefers any other way the article writes it): each
/// word capitalised, after an apostrophe, hyphen or dot too ("O'NEILL" →
/// "O'Neill", "JEAN-PIERRE" → "Jean-Pierre", "J.R."); Roman numerals stay
/// ("III"). Left as written when it has a lowercase letter, a digit, or
/// a word of more than one letter without a vowel, which reads as an
/// abbreviation ("SMR CV", "DMK DFL" of wire tables).
fn unshouted(name: &str) -> String {
    let abbreviated = |w: &str| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        letters > 1 && !w.contains('.') && !w.contains(|c| "AEIOUY".contains(c))
    };
    if !is_shouted(name)
        || name.contains(|c: char| c.is_ascii_digit())
        || name.split(' ').any(abbreviated)
    {
        return name.to_owned();
    }
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            if w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
                return w.to_owned();
            }
            let mut out = String::with_capacity(w.len());
            let mut upper = true;
            for c in w.chars() {
                if c.is_alphabetic() {
                    if upper {
                        out.push(c);
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    upper = false;
                } else {
                    out.push(c);
                    upper = matches!(c, '\'' | '’' | '-' | '.');
                }
            }
            out
        })
        .collect();
    words.join(" ")
}

/// Whether two full names (core words) are one name spelt two ways: word
/// by word the same, or differing in vowels only in words of four letters
/// or more ("Usama bin Ladin", "Osama bin Laden"), or a middle name
/// written as its initial ("Richard K. Guy", "Richard Kenneth Guy").
fn spelled_alike<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    let middle = 1..a.len().saturating_sub(1);
    a.len() == b.len()
        && a.len() >= 2
        && a.iter().zip(b).enumerate().all(|(i, (x, y))| {
            let (x, y) = (x.as_ref(), y.as_ref());
            x == y
                || (x.len() >= 4 && y.len() >= 4 && consonants(x) == consonants(y))
                || (middle.contains(&i) && (is_initial_of(x, y) || is_initial_of(y, x)))
        })
}

/// Whether `initial`, one letter, begins the longer `word`.
fn is_initial_of(initial: &str, word: &str) -> bool {
    initial.len() == 1 && word.len() > 1 && word.starts_with(initial)
}

/// Folds the full names that are [`spelled_alike`] into one: the article's
/// first spelling ("Usama bin Ladin", a quoted statement's
/// transliteration, is the article's "Osama bin Laden"), or the one that
/// spells out a middle name another gives as an initial ("Richard K. Guy"
/// is "Richard Kenneth Guy", the fullest name). `keys` are in first-seen
/// order; `names` maps them to their values.
fn fold_spelling_variants(keys: &[String], names: &mut HashMap<String, String>) {
    // Each group: the words of its first spelling, its value, its keys.
    let mut groups: Vec<(Vec<String>, String, Vec<&String>)> = Vec::new();
    for key in keys {
        let Some(name) = names.get(key).filter(|n| n.contains(' ')).cloned() else {
            continue;
        };
        let words: Vec<String> = name_key(&name).split(' ').map(str::to_owned).collect();
        let group = groups
            .iter_mut()
            .find(|(first, _, _)| spelled_alike(first, &words));
        match group {
            Some((first, value, members)) => {
                // A middle name spelt out is the fuller name.
                if words
                    .iter()
                    .zip(first.iter())
                    .any(|(w, f)| is_initial_of(f, w))
                {
                    *value = name;
                }
                members.push(key);
            }
            None => groups.push((words, name, vec![key])),
        }
    }
    for (_, value, members) in groups {
        for key in members {
            names.insert(key.clone(), value.clone());
        }
    }
}

/// The consonants of a word, doubled ones once: "ladin" and "laden" →
/// "ldn", "mohammed" → "mhmd".
fn consonants(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Makes persons of the mentions that are parts of a full name the context
/// made a person (`kinds` now, `was` before the cues), or that name a
/// one-word person so made: "Chan-o-cha" once "incumbent Prayuth
/// Chan-o-cha" is read, the "Obama" tagged a place or organization
/// elsewhere once "the Obama administration" is read.
pub(super) fn parts_follow_cued_persons(
    kinds: &mut [Option<EntityKind>],
    was: &[Option<EntityKind>],
    cleaned: &[String],
) {
    let keys: Vec<String> = cleaned
        .iter()
        .map(|c| name_key(strip_possessive(c)))
        .collect();
    let cores: Vec<Vec<&str>> = keys.iter().map(|k| core_words(k)).collect();
    let cued: Vec<&[&str]> = (0..kinds.len())
        .filter(|&i| kinds[i] == Some(EntityKind::Person) && was[i] != kinds[i])
        .map(|i| cores[i].as_slice())
        .filter(|c| !c.is_empty())
        .collect();
    if cued.is_empty() {
        return;
    }
    for (kind, core) in kinds.iter_mut().zip(&cores) {
        let other = matches!(kind, Some(EntityKind::Organization | EntityKind::Location));
        let part = |f: &&[&str]| f.len() >= 2 && core.last() == f.last() && is_subsequence(core, f);
        if other && !core.is_empty() && cued.iter().any(|f| *f == core.as_slice() || part(f)) {
            *kind = Some(EntityKind::Person);
        }
    }
}

/// Makes persons of the one-word organizations that are the surname of a
/// person the article names in full ("Zuckerberg offers peek" in a story
/// of Mark Zuckerberg, the headline "BAKER - G-7 OPPOSE" of one quoting
/// James Baker), unless the article also names a body that begins with
/// the word ("Bloomberg News", "Hilton Hotels": the firm bears the name)
/// or it is a known organization. `kinds` and `cleaned` are those of the
/// article's distinct mentions.
pub(super) fn surnames_taken_for_bodies(
    kinds: &mut [Option<EntityKind>],
    cleaned: &[String],
    keys: &[String],
) {
    let of_kind = |k: EntityKind| -> Vec<usize> {
        (0..kinds.len()).filter(|&i| kinds[i] == Some(k)).collect()
    };
    let surnames: HashSet<&str> = of_kind(EntityKind::Person)
        .into_iter()
        .filter_map(|i| surname_of(&keys[i]))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let bodies = of_kind(EntityKind::Organization);
    for &u in &bodies {
        let key = keys[u].as_str();
        let named_after = |w: &usize| {
            keys[*w]
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with(' '))
        };
        if surnames.contains(key)
            && !is_known_organization(&cleaned[u])
            && !bodies.iter().any(named_after)
        {
            kinds[u] = Some(EntityKind::Person);
        }
    }
}

/// The last word of a name key of two words or more: a full name's surname.
fn surname_of(key: &str) -> Option<&str> {
    key.rsplit_once(' ').map(|(_, last)| last)
}

/// Drops a family named in the plural after "the" ("the Bidens"): a
/// one-word name that is the plural of the surname of a person of the
/// article; and makes persons of the longer names ending with it that the
/// tagger took for organizations with it ("Barack Obama" beside "the
/// Obamas" and "Michelle Obama"). Firms in the plural go without "the"
/// ("Barclays" beside David Barclay), bodies without a person ("the
/// Conservatives" beside "Progressive Conservative").
pub(super) fn families(
    article: &Article,
    kinds: &mut [Option<EntityKind>],
    cleaned: &[String],
    keys: &[String],
) {
    for u in 0..kinds.len() {
        let Some(family) = keys[u].strip_suffix('s') else {
            continue;
        };
        if kinds[u].is_none() || family.len() < 3 || family.contains(' ') {
            continue;
        }
        let members: Vec<usize> = (0..kinds.len())
            .filter(|&v| kinds[v].is_some() && surname_of(&keys[v]) == Some(family))
            .collect();
        let after_the = || {
            let uses = article.of.iter().enumerate().filter(|&(_, &d)| d == u);
            uses.filter_map(|(i, _)| article.around(i, 4, 0))
                .any(|(before, _)| before.eq_ignore_ascii_case("the "))
        };
        let a_person = members
            .iter()
            .any(|&v| kinds[v] == Some(EntityKind::Person));
        if !a_person || is_known_organization(&cleaned[u]) || !after_the() {
            continue;
        }
        kinds[u] = None;
        for v in members {
            if kinds[v] == Some(EntityKind::Organization) && !is_known_organization(&cleaned[v]) {
                kinds[v] = Some(EntityKind::Person);
            }
        }
    }
}

/// The person forms of given names written before another's full name
/// with "and", which share its surname: "Joanne" in "Joanne and Edward
/// Corr" is Joanne Corr. `kinds` and `cleaned` are those of the
/// article's distinct mentions.
pub(super) fn shared_surnames(
    article: &Article,
    kinds: &[Option<EntityKind>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) -> Vec<(usize, String)> {
    let Article {
        text, mentions, of, ..
    } = *article;
    let offsets = &article.offsets;
    // "Trump and Mike Pence", "Hawkins and Gloria La Riva": a name the
    // article writes elsewhere too, or another person's surname, is that
    // person's, no given name.
    let surnames: HashSet<&str> = (kinds.iter().zip(cleaned))
        .filter(|(k, c)| **k == Some(EntityKind::Person) && c.contains(' '))
        .filter_map(|(_, c)| c.rsplit(' ').next())
        .collect();
    let named_alone = |given: &str| {
        surnames.contains(given) || of.iter().filter(|&&w| cleaned[w] == given).count() > 1
    };
    let mut out = Vec::new();
    for (i, pair) in mentions.windows(2).enumerate() {
        let (u, v) = (of[i], of[i + 1]);
        let given = &cleaned[u];
        let full = &cleaned[v];
        let one_word =
            !given.is_empty() && !given.contains(' ') && given.starts_with(char::is_uppercase);
        if !one_word || kinds[u].is_none() || kinds[v] != Some(EntityKind::Person) {
            continue;
        }
        let (Some(s), Some(e), Some(b)) = (
            offsets.byte(pair[0].start),
            offsets.byte(pair[0].end),
            offsets.byte(pair[1].start),
        ) else {
            continue;
        };
        // A lone given name: no place ("from Portugal and Pedro I", "in
        // Saqqara and Tuna el-Gebel"), no end of a longer name ("Captain
        // America and Tony Stark", "Once Upon a Time and Black Knight").
        let before = last_word(text[..s].trim_end_matches(|c: char| !c.is_alphanumeric()));
        let lone = kinds[u] == Some(EntityKind::Person)
            || (!gazetteer.contains(given)
                && !before.starts_with(char::is_uppercase)
                && !matches!(before, "a" | "an" | "the" | "of" | "in" | "at" | "near"));
        if !lone {
            continue;
        }
        let Some((first, surname)) = full.split_once(' ') else {
            continue;
        };
        // "from Apple and Google DeepMind": firms, whatever the tagger said.
        let firms = is_known_organization(given) || is_known_organization(first);
        if matches!(text.get(e..b), Some(" and " | " & ")) && !named_alone(given) && !firms {
            out.push((u, format!("{given} {surname}")));
        }
    }
    out
}

#[cfg(test)]
#[path = "persons_tests.rs"]
mod tests;
