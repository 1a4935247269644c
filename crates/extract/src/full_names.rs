//! Full names the tagger missed where it found the surname: an obituary
//! calls its subject "Day" a dozen times, and the one "Doris Day" of the
//! headline is a capitalised word before a common noun, which the tagger
//! passes over. When the words written right before such a surname that
//! may be given names (capitalised; no title, place or ordinary word) are
//! all the same one, the pair is added as a person mention wherever no
//! mention covers it, and a person mention of the surname alone takes the
//! given name ("Rai" before the "Benjamin" tagged alone); so does a
//! person of two words when training saw the word begin names and the
//! name's first word in names ("John" before "Paul Stevens", not
//! "Christian" before "Democrat Andreotti"), or when training never saw
//! the word at all and no capitalised word comes before it ("of
//! Abdrabbuh Mansur Hadi"). A name an organization's suffix follows is a
//! company's ("Janney Montgomery Scott Inc"), and a word tagged an
//! organization no given name.
//!
//! The full name the tagger took for an organization or place beside
//! the surname it took for a person is the person ("Eva
//! Glawischnig-Piesczek" and "Glawischnig-Piesczek"), and so is one led
//! by initials written without dots ("JD Vance" and "Vance"; nothing is
//! added or extended for such initials, which a headline's "AT" or a
//! chess title's "IM" may also be).
//!
//! A one-word person that stays alone, with no full name around it, is
//! dropped where training never saw the word in a name ("Lava",
//! "Collagen", "Viazul", "Bangsamoro", "Abqaiq") or it is a word of another
//! script than Latin ("После" opening a Russian quote): the tagger took a
//! capitalised word for a name. It stays where it speaks ("Saree said")
//! or a title or what people are comes before it ("President Suharto",
//! "Mrs Thatcher", "midfielder Valdo"): the
//! people news names by one word are so named. On the Wikinews dev set
//! one such word in five was a person. So are dropped persons of two or
//! three such words ("Pillow Talk", "Vessel Tracker"), unless a title
//! leads them, a results table lists them ("2. Paddy Lad 16-1", a horse)
//! or they are named like a place ("Vermillion Parish").

use xxhash_rust::xxh3::xxh3_64;

use super::calendar::is_calendar_word;
use super::canonical::{is_title_word, names_people, person_named_like_a_place, Offsets};
use super::demonyms::is_demonym;
use super::features::lexicon::{is_org_suffix, CaseLexicon};
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::initials::is_bare_initials;
use super::name_cues::keeps_a_person;
use super::speakers::words_before_speaking;
use super::suffixes::without_name_suffix;
use super::{EntityKind, Mention};

/// At most this many surnames are looked for in one text: a document
/// with more is a list, not a story about one person.
const MAX_SURNAMES: usize = 32;

/// Adds a person mention for each missed "<given name> <surname>" (see
/// the module doc) to `mentions` (in text order, code point offsets).
pub(crate) fn add_missed_full_names(
    text: &str,
    mentions: &mut Vec<Mention>,
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    // A given name missed before a surname alone, or before a name of two
    // words when training saw it begin names ("Jo" before "Anne Val
    // Tilburg", "John" before "Paul Stevens").
    let mut surnames = lone_names(mentions, 3);
    // "Republican Assemblywoman": a title tagged alone is no surname.
    surnames.retain(|s| !is_title_word(s));
    if surnames.is_empty() || surnames.len() > MAX_SURNAMES {
        return;
    }
    // For each surname: the given name before it, or "" once two differ.
    let mut given: Vec<Option<&str>> = vec![None; surnames.len()];
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    // One search per surname: a few per article, each over a short text
    // (an automaton built per article cost more than the searches).
    let occurrences = surnames.iter().enumerate().flat_map(|(s, name)| {
        text.match_indices(name)
            .map(move |(b, _)| (s, b, b + name.len()))
    });
    for (s, b, e) in occurrences {
        if text[e..].starts_with(char::is_alphanumeric) {
            continue;
        }
        if names_a_company(text, e) {
            // "Janney Montgomery Scott Inc": named after its founders.
            given[s] = Some("");
            continue;
        }
        let Some(word) = word_before(text, b) else {
            continue;
        };
        // Bare initials only before a surname of one word: "IM" (a chess
        // title) before "Dorsa Derakhshani" is none.
        let initials = is_bare_initials(word, case, gazetteer) && !surnames[s].contains(' ');
        if !may_be_given_name(word, case, gazetteer) && !initials {
            // "said Day", "Mr Day", "When Day": no evidence either way.
            continue;
        }
        if let Some((first, _)) = without_name_suffix(surnames[s]).split_once(' ') {
            // "United States Joe Biden", "Secretary of Agriculture Richard
            // Lyng", a misspelt "Secertary James Baker"; "Christian" before
            // "Democrat Andreotti".
            let names = CaseLexicon::FIRST_NAME | CaseLexicon::LAST_NAME;
            let known_given = word_bits(case, word) & CaseLexicon::FIRST_NAME != 0
                && word_bits(case, first) & names != 0;
            if !known_given && !unseen_name_start(text, b - word.len() - 1, word, case) {
                continue;
            }
        }
        given[s] = match given[s] {
            None => Some(word),
            Some(g) if g == word => Some(g),
            Some(_) => Some(""),
        };
        found.push((s, b - word.len() - 1, e));
    }
    let mut added = Vec::new();
    for (s, b, e) in found {
        let Some(given) = given[s].filter(|g| !g.is_empty()) else {
            continue;
        };
        let start = text[..b].chars().count();
        let end = start + text[b..e].chars().count();
        // The surname tagged alone here: it takes the given name.
        let surname_start = start + given.chars().count() + 1;
        // "Farmitalia" tagged an organization before "Carlo Erba": a
        // company's name, no given name.
        let given_in_other = |m: &Mention| {
            m.kind != EntityKind::Person
                && m.start < surname_start
                && start < m.end
                && (m.start, m.end) != (start, end)
        };
        if mentions.iter().any(given_in_other) {
            continue;
        }
        if is_bare_initials(given, case, gazetteer) {
            // "JD Vance" tagged an organization beside "Vance" a person:
            // only such a mention is retyped, none added or extended.
            let over = |m: &&mut Mention| (m.start, m.end) == (start, end);
            if let Some(m) = mentions.iter_mut().find(over) {
                m.kind = EntityKind::Person;
            }
            continue;
        }
        let alone = mentions
            .iter()
            .position(|m| m.kind == EntityKind::Person && m.start == surname_start && m.end == end);
        if let Some(at) = alone {
            // "John" tagged a person of its own before "James Conyers Jr."
            // (the tagger's "Conyers Jr." and the given name "James").
            let before = mentions.iter().position(|m| {
                m.kind == EntityKind::Person && m.end + 1 == start && !m.text.contains(' ')
            });
            let given_at = |p: usize| b.checked_sub(mentions[p].text.len() + 1);
            let joined = before.filter(|&p| {
                given_at(p)
                    .and_then(|b0| text.get(b0..b))
                    .is_some_and(|s| s.ends_with(' ') && s.starts_with(&mentions[p].text))
            });
            let (start, b) = match joined {
                Some(p) => (mentions[p].start, given_at(p).unwrap_or(b)),
                None => (start, b),
            };
            mentions[at].start = start;
            mentions[at].text = text[b..e].to_owned();
            if let Some(p) = joined {
                mentions.remove(p);
            }
            continue;
        }
        // The full name tagged as a body or place beside the surname
        // tagged a person: "Eva Glawischnig-Piesczek" an organization.
        // Only where training saw the given name begin names: not "South
        // Korea", "Showa Shell" or "Italian Treasury" beside a "Korea",
        // "Shell" or "Treasury" taken for a person.
        let given_name = word_bits(case, given) & CaseLexicon::FIRST_NAME != 0;
        let retype = |m: &Mention| m.kind != EntityKind::Person && given_name;
        person_over(text, (b, e), mentions, &mut added, retype);
    }
    insert_mentions(mentions, added);
}

/// Makes the mention over exactly bytes `b..e` of `text` a person where
/// `retype` allows it, or else, where no mention overlaps them, queues a
/// person mention of them in `added` (code point offsets).
pub(crate) fn person_over(
    text: &str,
    (b, e): (usize, usize),
    mentions: &mut [Mention],
    added: &mut Vec<Mention>,
    retype: impl Fn(&Mention) -> bool,
) {
    let start = text[..b].chars().count();
    let end = start + text[b..e].chars().count();
    let exact = mentions
        .iter_mut()
        .find(|m| m.start == start && m.end == end && retype(m));
    if let Some(m) = exact {
        m.kind = EntityKind::Person;
    } else if !mentions.iter().any(|m| m.start < end && start < m.end) {
        added.push(Mention {
            kind: EntityKind::Person,
            text: text[b..e].to_owned(),
            start,
            end,
        });
    }
}

/// Adds the `added` mentions to `mentions`, keeping text order.
pub(crate) fn insert_mentions(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// Drops the one-word person mentions that are ordinary words and no
/// names (see the module doc), unless a longer mention of any kind has the
/// word ("C. William Verity" tagged an organization) or the word speaks
/// ("Dun said"); and the persons of two or three ordinary words (see
/// [`ordinary_phrases`]) unless a title comes before them, they head a
/// line of a results table or they are named like a place.
pub(crate) fn drop_ordinary_words(text: &str, mentions: &mut Vec<Mention>, case: &CaseLexicon) {
    let names = CaseLexicon::FIRST_NAME | CaseLexicon::LAST_NAME;
    let common = |word: &str| {
        let v = word_bits(case, word);
        CaseLexicon::is_common_value(v) && v & names == 0
    };
    let ordinary = |word: &str| common(word) || !is_latin(word);
    let mut lone: Vec<String> = silent_lone_words(text, mentions, ordinary)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let given = |word: &str| word_bits(case, word) & CaseLexicon::DICT_CAP != 0;
    lone.extend(
        ordinary_phrases(mentions, common, given)
            .into_iter()
            .filter(|p| !after_a_title(text, mentions, p) && !in_a_results_table(text, mentions, p))
            // Left for the canonical rules, which make them places.
            .filter(|p| !person_named_like_a_place(&name_key(p))),
    );
    if lone.is_empty() {
        return;
    }
    mentions.retain(|m| m.kind != EntityKind::Person || !lone.contains(&m.text));
}

/// Person mentions of two or three words, each an `ordinary` word, the
/// first no `given` name ("Pillow Talk", "Vessel Tracker", "Juicy Fruit";
/// not "Gene Moos", which the dictionary also writes capitalised): titles
/// of works, products and websites that capitals made names.
fn ordinary_phrases(
    mentions: &[Mention],
    ordinary: impl Fn(&str) -> bool,
    given: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let words: Vec<&str> = m.text.split(' ').collect();
        if (2..=3).contains(&words.len())
            && !given(words[0])
            && words
                .iter()
                .all(|w| w.chars().all(char::is_alphabetic) && ordinary(w))
            && !out.contains(&m.text)
        {
            out.push(m.text.clone());
        }
    }
    out
}

/// The one-word person mentions that training never saw in a name (see
/// the module doc), unless a longer mention of any kind has the word ("C.
/// William Verity" tagged an organization), the word speaks ("Dun said")
/// or a title comes before it ("President Suharto"), nor those its shape or
/// the words after it name (`name_cues`: "Inzamam-ul-Haq", "the Biden
/// administration"). The caller drops those that stay persons once the
/// context is read: "firms including Daimler" makes an organization of what
/// the tagger took for a person.
pub(crate) fn unnamed_words(
    text: &str,
    mentions: &[Mention],
    lexicons: (&CaseLexicon, &Gazetteer),
) -> Vec<String> {
    // Ordinary words and other scripts went before (`drop_ordinary_words`).
    let no_name = |word: &str| !lexicons.0.is_person_name_word(&word.to_lowercase());
    let named =
        |w: &str| after_a_title(text, mentions, w) || keeps_a_person(text, mentions, w, lexicons);
    silent_lone_words(text, mentions, no_name)
        .into_iter()
        .filter(|w| !named(w))
        .map(str::to_owned)
        .collect()
}

/// The lone one-word persons (`lone_surnames`) for which `pick` holds, no
/// longer mention of any kind has and that do not speak ("Dun said").
fn silent_lone_words<'m>(
    text: &str,
    mentions: &'m [Mention],
    pick: impl Fn(&str) -> bool,
) -> Vec<&'m str> {
    let lone: Vec<&str> = lone_surnames(mentions)
        .into_iter()
        .filter(|w| pick(w))
        .collect();
    if lone.is_empty() {
        return lone;
    }
    let speaking = words_before_speaking(text);
    lone.into_iter()
        .filter(|w| {
            !mentions
                .iter()
                .any(|m| m.text.contains(' ') && m.text.split(' ').any(|x| x == *w))
        })
        .filter(|w| !speaking.contains(w))
        .collect()
}

/// Whether a title, an honorific or what people are is written right
/// before a person mention of `word` ("Prime Minister Nakasone", "Mr.
/// Day", "midfielder Valdo").
fn after_a_title(text: &str, mentions: &[Mention], word: &str) -> bool {
    mention_starts(text, mentions, word).any(|b| {
        let before = text[..b].trim_end_matches(' ');
        let prev = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        is_title_word(prev) || names_people(prev)
    })
}

/// Whether a person mention of `name` lies on a line that opens with a
/// number ("2. Paddy Lad 16-1 (Peter Bloomfield)"): a results table, whose
/// names are competitors however ordinary their words.
fn in_a_results_table(text: &str, mentions: &[Mention], name: &str) -> bool {
    mention_starts(text, mentions, name).any(|b| {
        let line = text[..b].rsplit('\n').next().unwrap_or_default();
        line.trim_start().starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Byte offsets in `text` of the person mentions of `name`.
fn mention_starts<'a>(
    text: &'a str,
    mentions: &'a [Mention],
    name: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let offsets = Offsets::new(text);
    mentions
        .iter()
        .filter(move |m| m.kind == EntityKind::Person && m.text == name)
        .filter_map(move |m| offsets.byte(m.start))
        .filter(move |&b| text.is_char_boundary(b))
}

/// Whether every letter of `word` is Latin: a capitalised word of another
/// script alone in English text ("После", a Russian quote's first word)
/// is read as a name by a tagger trained on English, and a person named
/// in that script is named in full.
fn is_latin(word: &str) -> bool {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250 || (0x1E00..0x1F00).contains(&(c as u32)))
}

/// One-word person mentions with no longer person mention ending in them,
/// each once: the surnames whose full name the tagger did not find.
fn lone_surnames(mentions: &[Mention]) -> Vec<&str> {
    lone_names(mentions, 1)
}

/// Person mentions of at most `words` words (letters only) with no
/// longer person mention ending in them, in any case ("PARNEVIK" of a
/// headline in capitals beside "Jesper Parnevik"), each once.
fn lone_names(mentions: &[Mention], words: usize) -> Vec<&str> {
    let persons = || mentions.iter().filter(|m| m.kind == EntityKind::Person);
    let lowered: Vec<String> = persons().map(|m| m.text.to_lowercase()).collect();
    let mut out: Vec<&str> = persons()
        .map(|m| m.text.as_str())
        .filter(|t| t.split(' ').count() <= words)
        .filter(|t| {
            // A suffix's dot aside ("Conyers Jr.").
            let name = without_name_suffix(t);
            name.chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        })
        .filter(|t| t.starts_with(char::is_uppercase) && t.chars().count() >= 2)
        .filter(|t| {
            let ending = format!(" {}", t.to_lowercase());
            !lowered.iter().any(|l| l.ends_with(&ending))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What training saw of `word` (any case): the case lexicon's bits.
fn word_bits(case: &CaseLexicon, word: &str) -> u8 {
    case.get(xxh3_64(word.to_lowercase().as_bytes()))
}

/// Whether `word` may be a given name: written like one (see
/// [`given_name_shaped`]), and no title, calendar word, ordinary word, major
/// place or demonym ("Israeli").
pub(crate) fn may_be_given_name(word: &str, case: &CaseLexicon, gazetteer: &Gazetteer) -> bool {
    given_name_shaped(word)
        && !word.split('-').any(is_title_word)
        && !is_calendar_word(word)
        && !case.is_common_word(xxh3_64(word.to_lowercase().as_bytes()))
        && !is_major_place(gazetteer, word)
        && !is_demonym(&name_key(word), gazetteer)
}

/// Whether `word`, at byte `b` of `text` before a name of two or three
/// words, is a given name training never saw: a word neither CoNLL nor
/// the dictionary has in any case, that no capitalised word comes right
/// before ("of Abdrabbuh Mansur Hadi", "by Yuval Noah Hariri", a
/// paragraph's "Tynice Nichole Hall"; not "United States Joe Biden").
/// At a sentence's start an unseen word may be a capitalised noun of a
/// person's work ("Immunologist Kristian Andersen", "Whistleblower Edward
/// Snowden"): there one ending as such nouns do is no given name.
fn unseen_name_start(text: &str, b: usize, word: &str, case: &CaseLexicon) -> bool {
    let sentence_start = text[..b]
        .trim_end_matches(' ')
        .ends_with(['\n', '.', '!', '?', ':', '"', '“'])
        || text[..b].trim().is_empty();
    word_bits(case, word) == 0
        && word_before(text, b).is_none_or(|w| !w.starts_with(char::is_uppercase))
        && !(sentence_start && AGENT_ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// Whether the word after byte `e` of `text` ends organizations' names
/// ("Inc", "Ltd", "Corp").
fn names_a_company(text: &str, e: usize) -> bool {
    text[e..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split([' ', ',', '.']).next())
        .is_some_and(is_org_suffix)
}

/// Endings of nouns for what people do ("immunologist", "whistleblower",
/// "historian", "consultant").
const AGENT_ENDINGS: &[&str] = &["ist", "er", "or", "ian", "ant", "ent"];

/// Whether `word` is written like a given name: two letters or more, each
/// hyphened part capitalised, not all capitals unless initials
/// ("Jean-Claude", "C.J."; not "TREASURY", a headline's, or
/// "Fifteen-year-old"), and no
/// possessive ("Treasury's Baker").
fn given_name_shaped(word: &str) -> bool {
    word.chars().count() >= 2
        && word
            .split('-')
            .all(|part| part.starts_with(char::is_uppercase))
        && (word.chars().any(char::is_lowercase) || is_initials(word))
        && !word.ends_with(['\'', '’'])
        && !word.ends_with("'s")
        && !word.ends_with("’s")
}

/// Whether `word` is initials: capitals each followed by a dot ("C.J.").
fn is_initials(word: &str) -> bool {
    word.ends_with('.') && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Whether `word` names a country, a region or a city of 100,000 people
/// or more ("Texas Day" is no person; "Doris", a hamlet, may be a name).
fn is_major_place(gazetteer: &Gazetteer, word: &str) -> bool {
    gazetteer
        .resolve(word, &[])
        .is_some_and(|p| p.kind != PlaceKind::City || p.population >= 100_000)
}

/// The word right before byte `b` of `text`, one space between: letters,
/// hyphens and apostrophes.
fn word_before(text: &str, b: usize) -> Option<&str> {
    let before = text[..b].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
#[path = "full_names_tests.rs"]
mod tests;
