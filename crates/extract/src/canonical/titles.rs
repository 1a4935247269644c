//! Titles and honorifics before person names: which words they are
//! ("President", "Mme", "Sayyid"), whether a mention is nothing but
//! titles or an office ("Secretary of State", "Dean of the House"), and
//! the title run dropped in front of a name ("Syrian President Ahmed
//! al-Sharaa" → "Ahmed al-Sharaa"). Split from `clean`, which calls it.

use super::super::gazetteer::{Gazetteer, PlaceKind};
use super::types::is_country_name;
use super::WordList;

/// Titles and honorifics dropped in front of person names, lowercase,
/// without their period. Words that are also common first names ("Emir",
/// "Sultan") are left out on purpose.
#[rustfmt::skip]
static TITLES: WordList = WordList::new(&[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "vice-president", "prime", "minister", "chancellor", "premier", "king",
    "queen", "prince", "princess", "crown", "emperor", "pope", "sheikh", "sheik", "shaikh",
    "ayatollah", "imam", "rabbi", "rev", "reverend", "bishop", "archbishop", "cardinal",
    "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt",
    "admiral", "adm", "sergeant", "sgt", "commander", "marshal", "field", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "judge", "justice", "secretary", "secretary-general", "state", "foreign", "defence",
    "defense", "interior", "finance", "affairs", "deputy", "chief", "leader", "supreme",
    "speaker", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "ceo", "director", "commissioner", "former", "late", "acting",
    "interim", "then", "incumbent", "inspector", "sheriff", "detective", "constable",
    "superintendent", "taoiseach", "mp", "mep", "mla", "hm", "first", "lady", "officer",
    "coach", "manager", "sister", "brother", "father", "saint", "st", "emeritus", "dean",
    "councillor", "councilman", "councilwoman", "assemblyman", "assemblywoman", "alderman",
    "mme", "mlle", "madame", "monsieur", "mademoiselle", "herr", "frau", "senor", "señor",
    "senora", "señora", "signor", "signora",
    "attorney", "solicitor", "prosecutor", "magistrate", "consul", "commandant", "corporal",
    "private", "cadet", "prefect", "governor-general", "comrade", "cde", "monsignor", "msgr",
    "monsenor", "monseñor", "broadcaster", "podcaster", "candidate", "nominee", "swami", "sayyid",
    "seyed", "seyyed", "sayyed",
]);

/// Words allowed between two titles ("Secretary of State").
static TITLE_LINKS: WordList = WordList::new(&["of", "the", "for"]);

/// Whether `word` is a title or honorific ("President", "Dr.", "Mme").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(word.trim_end_matches('.'))
}

/// Whether one of the first two words of `cleaned` is a title: else
/// cleaning it as a person name strips none.
pub(super) fn has_leading_title(cleaned: &str) -> bool {
    cleaned.split(' ').take(2).any(is_title)
}

/// Whether a cleaned mention is nothing but titles ("Mayor", "Lord",
/// "US Ambassador", "Republican Assemblywoman", "Secretary of State"):
/// one leading word may be a place, demonym, party or acronym.
pub(super) fn is_only_titles(cleaned: &str, gazetteer: &Gazetteer) -> bool {
    // Most names end in no title: decided without splitting.
    if !is_title(cleaned.rsplit(' ').next().unwrap_or_default()) {
        return false;
    }
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    let lead =
        usize::from(words.len() > 1 && !is_title(words[0]) && leads_title(words[0], gazetteer));
    let rest = &words[lead..];
    rest.iter().any(|w| is_title(w)) && rest.iter().all(|w| is_title(w) || TITLE_LINKS.contains(w))
}

/// Whether a person's cleaned mention is an office of a body, a title run
/// and a link word before the body's name: "Dean of the House", "Speaker
/// of the House" (a name after an office of a place has lost the office:
/// "Mayor of London Sadiq Khan" is cleaned to "Sadiq Khan").
pub(super) fn is_office_of_a_body(cleaned: &str) -> bool {
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    let titles = words.iter().take_while(|w| is_title(w)).count();
    titles > 0 && words.get(titles).is_some_and(|w| TITLE_LINKS.contains(w))
}

/// Titles that only ever precede a person's name, never an organization's
/// ("General Motors", "Supreme Court", "State Department" start with
/// other titles).
#[rustfmt::skip]
static PERSON_TITLES: WordList = WordList::new(&[
    "mr", "mrs", "ms", "dr", "sir", "dame", "queen", "king", "prince", "princess", "pope",
    "sheikh", "ayatollah", "imam", "rabbi", "reverend", "rev", "bishop", "archbishop",
    "cardinal", "senator", "sen", "congressman", "congresswoman", "governor", "gov", "mayor",
    "ambassador", "mp", "mep", "inspector", "sheriff", "detective", "taoiseach", "president",
    "premier", "chancellor", "judge", "assemblyman", "assemblywoman", "councillor",
    // Roles that TITLES strips, capitalised before a name at a sentence
    // start ("Broadcaster Piers Morgan", "Spokesperson Morgan Ortagus").
    "broadcaster", "spokesperson", "spokesman", "spokeswoman",
    // Offices a company gives one person ("CEO Elon Musk", "Chairman
    // Mao"), which the tagger took for bodies.
    "ceo", "chairman", "chairwoman",
]);

/// Whether `before` (the text before a mention) ends with a title only
/// persons hold, one space before the name: "President Reagan", which a
/// tagger trained on 1996 copy took for an organization.
pub(super) fn follows_a_person_title(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let title = rest.rsplit(char::is_whitespace).next().unwrap_or_default();
    title.starts_with(char::is_uppercase) && PERSON_TITLES.contains(title.trim_end_matches('.'))
}

/// Whether a mention reads as a title and a name ("Queen Elizabeth II",
/// "MP Tanya Davies", "NYC Mayor Bill de Blasio"): whatever the tagger
/// said, it is a person.
pub(super) fn is_titled_name(cleaned: &str, gazetteer: &Gazetteer) -> bool {
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    // An acronym leads a title ("NYC Mayor"), unless it is the title
    // ("CEO Elon Musk"); in a line in capitals it is read as leading
    // ("MR. GASEKT CO", the company Mr. Gasket).
    let shouted = !cleaned.contains(char::is_lowercase);
    let lead = usize::from(
        words.len() > 2
            && leads_title(words[0], gazetteer)
            && (shouted || !PERSON_TITLES.contains(words[0].trim_end_matches('.'))),
    );
    let Some((title, name)) = words[lead..].split_first() else {
        return false;
    };
    PERSON_TITLES.contains(title.trim_end_matches('.'))
        && !name.is_empty()
        && name
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || PARTICLE_LIKE.contains(w))
        && !name.iter().any(|w| is_title(w))
}

/// Lowercase words inside person names ("Bill de Blasio").
static PARTICLE_LIKE: WordList = WordList::new(&[
    "de", "da", "di", "van", "von", "bin", "al", "la", "le", "del",
]);

/// Whether `word` may stand before a title without being a name:
/// "Syrian President", "U.S. Senator", "NYC Mayor", "Republican
/// Assemblywoman", and the titles that are also given names, before
/// another title ("Emir Sheikh Tamim"; "Emir Kusturica" stays).
fn leads_title(word: &str, gazetteer: &Gazetteer) -> bool {
    let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    acronym
        || looks_demonym(word)
        || is_country(word, gazetteer)
        || PARTIES.contains(word)
        || ["emir", "sultan"]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(word))
}

/// Party words that lead titles in US news ("Republican Senator").
static PARTIES: WordList = WordList::new(&[
    "republican",
    "democratic",
    "democrat",
    "labour",
    "conservative",
]);

/// Drops a leading run of titles, with one word before it when that word
/// is a country name, demonym, party or acronym ("U.S. President", "Syrian
/// President", "NYC Mayor"), but never the whole name ("King" alone,
/// "Stephen King" stay).
pub(super) fn strip_titles<'a>(words: &'a [&'a str], gazetteer: &Gazetteer) -> &'a [&'a str] {
    // "DR Congo": a country's name, whatever its first word looks like.
    if words.len() >= 2 && is_country_name(&words.join(" "), gazetteer) {
        return words;
    }
    // A party word leads a surname as a title would ("Democrat Spearman").
    if words.len() >= 2 && PARTIES.contains(words[0]) && !is_title(words[1]) {
        return strip_titles(&words[1..], gazetteer);
    }
    let lead = usize::from(
        words.len() > 2
            && !is_title(words[0])
            && is_title(words[1])
            && leads_title(words[0], gazetteer),
    );
    let mut end = 0;
    let mut i = lead;
    while i < words.len() {
        if is_title(words[i]) {
            i += 1;
            end = i;
        } else if end > 0 && TITLE_LINKS.contains(words[i]) {
            i += 1;
        } else {
            break;
        }
    }
    // "Mayor of London Sadiq Khan": the place of the office goes with it.
    if end > 0 && words.get(end) == Some(&"of") {
        let place = (1..=3).rev().find(|&n| {
            end + 1 + n < words.len() && gazetteer.contains(&words[end + 1..end + 1 + n].join(" "))
        });
        if let Some(n) = place {
            end += 1 + n;
        }
    }
    // "Dean of the House": an office, no name to keep.
    let office = words.get(end).is_some_and(|w| TITLE_LINKS.contains(w));
    // "Dean Phillips": a given name before one word is no title.
    let given_name = end == 1 && words.len() == 2 && GIVEN_NAME_TITLES.contains(words[0]);
    if end == 0 || end == words.len() || office || given_name {
        words
    } else if is_regnal_name(&words[lead..end], &words[end..]) {
        &words[lead..]
    } else {
        &words[end..]
    }
}

/// Titles that are also given names, read as names when only a surname
/// follows ("Dean Phillips", "Dean Fuleihan"); a dean's name is given
/// whole ("Dean Sarah Jones").
static GIVEN_NAME_TITLES: WordList = WordList::new(&["dean"]);

/// Titles of a reigning monarch or a pope, which stay with the name they
/// precede: the bare name names nobody ("Pope Francis", "Queen Elizabeth
/// II", "King Charles III").
static REGNAL: WordList = WordList::new(&["pope", "king", "queen", "emperor", "empress", "tsar"]);

/// Whether `word` (any case) is a regnal title ("Queen", "Pope").
pub(crate) fn is_regnal_title(word: &str) -> bool {
    REGNAL.contains(word)
}

/// Whether `titles` is one regnal title and `name` one given name, with a
/// number or not ("Francis", "Elizabeth II"): a regnal or papal name.
pub(crate) fn is_regnal_name(titles: &[&str], name: &[&str]) -> bool {
    let numeral = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    matches!(titles, [title] if REGNAL.contains(title))
        && match name {
            [given] => !numeral(given),
            [given, number] => !numeral(given) && numeral(number),
            _ => false,
        }
}

fn looks_demonym(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ese", "ish", "i", "ch"]
            .iter()
            .any(|s| word.ends_with(s))
}

fn is_country(word: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer
        .lookup(word)
        .iter()
        .any(|p| p.kind == PlaceKind::Country)
}
