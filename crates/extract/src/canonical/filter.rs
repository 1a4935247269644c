//! Mentions that name nothing a reader would look up as a person, place or
//! organization: abbreviations of units and time zones ("UTC", "GMT"),
//! storms ("Hurricane Humberto" and the "Humberto" it becomes later) and
//! military operations (`pattern_names`),
//! events, awards and laws ("Iraq War", "Reform Bill") and model numbers
//! ("Airbus A300s"), which a tagger trained on CoNLL reads as persons or
//! organizations. They are dropped from the mentions and the facets alike.
//!
//! Bare titles ("Mayor", "Lord") are handled with the article's persons in
//! `types`, since a title may be a surname there ("King").

use super::super::gazetteer::name_key;
use super::super::short_forms::is_legal_form;
use super::super::EntityKind;
use super::events::{names_a_disease, names_an_event};
use super::pattern_names::names_around_patterns;
use super::sentence_words::{is_lone_determiner, is_sentence_word};
use super::titles::is_title;
use super::WordList;

/// Capitalised abbreviations that are no names, as name keys: time zones,
/// units, common initialisms, technical terms ("3D", "4K", "5G", "Q&A",
/// "URL", "CC BY"),
/// the wires' table abbreviations ("Oper", "Shr", "Revs") and aircraft
/// call signs ("Air Force One"); a company's legal forms standing alone
/// are [`is_legal_form`].
#[rustfmt::skip]
static NOT_NAMES: WordList = WordList::new(&[
    "utc", "gmt", "ast", "adt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst",
    "akdt", "hst", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst",
    "kst", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "sast", "wat", "cat", "eat", "pht",
    "wib", "utc gmt", "am", "pm", "a m", "p m", "bc", "ad", "ce", "bce", "phd", "ufo", "ufos",
    "lgbt", "lgbtq", "dna", "rna", "gdp", "gnp", "ceo", "ceos", "cfo", "mph", "kph", "km",
    "kg", "mw", "gw", "2d", "3d", "4k", "8k", "hd", "uhd", "3g", "4g", "5g", "vr", "q a", "faq",
    "faqs", "url", "urls", "pdf", "html", "gif", "usb", "gps", "cc by", "cc by sa",
    // The wires' earnings tables: "Oper shr 2.16 dlrs vs 2.07 dlrs" (the
    // currencies are CURRENCY_WORDS), and the market reports' "AT MIDSESSION".
    "oper", "shr", "shrs", "revs", "qtr", "mths", "cts", "mln", "bln", "midsession",
    // Heads of state's aircraft by their call signs: vehicles, no body.
    "air force one", "air force two", "marine one", "marine two",
    // The article alone, which the tagger may take for a name ("The bill
    // will go"); a longer name with the word keeps it from the surname
    // rules' drop.
    "the",
]);

/// Currencies as the wires abbreviate them: alone or ending a name they
/// write an amount ("Dlrs", "N.Z. Dlrs", "H.K. Dlr"), no person.
static CURRENCY_WORDS: WordList = WordList::new(&["dlrs", "dlr", "stg"]);

/// Faiths, their followers, laws and other groups of people written like
/// names ("Muslims", "Latinos", "Christendom", "Sharia") and figures of
/// worship and myth ("Grim Reaper"), as name keys: the tagger takes them
/// for places or persons; CoNLL labels the groups MISC, and a facet of
/// persons has no place for a god.
#[rustfmt::skip]
static GROUPS: WordList = WordList::new(&[
    "muslim", "muslims", "christian", "christians", "christianity", "christendom", "islam",
    "jewish", "jew", "jews", "judaism", "catholic", "catholics", "catholicism", "protestant",
    "protestants", "orthodox", "latina", "latinas", "latino", "latinos", "hispanic",
    "hispanics", "sunni", "sunnis", "shia", "shiite", "shiites", "hindu", "hindus", "hinduism",
    "buddhist", "buddhists", "buddhism", "sikh", "sikhs", "god", "allah", "jesus", "christ",
    "jehovah", "sharia", "shari a", "sunnah", "salafi", "salafis", "wahhabi", "islamophobia",
    "grim reaper",
]);

/// Bodies named by a generic word alone, as name keys: "the Cabinet", "the
/// Administration", "the Court", "the House" name no organization of
/// their own (the guideline leaves them out; a long form of the article
/// is its own value), nor does "Earth" tagged one.
static GENERIC_BODIES: WordList = WordList::new(&[
    "cabinet",
    "administration",
    "department",
    "court",
    "government",
    "federal government",
    "house",
    "ministry",
    "agency",
    "committee",
    "commission",
    "earth",
]);

/// Words that name no place alone, as name keys, though the tagger takes
/// them for one: the kind of an area ("County sheriff Kerry Lee", the
/// county named before) and the law of a land ("the Constitution").
/// "Republic" is left: CoNLL-2003 writes "Czech" and "Republic" on two
/// lines.
static GENERIC_PLACES: WordList = WordList::new(&[
    "county",
    "province",
    "district",
    "region",
    "prefecture",
    "constitution",
]);

/// Topics of modern news written like names, as name keys: a disease, a
/// policy or a climate pattern is no person, place or organization ("fears
/// of Covid", "after Brexit", "El Niño"), yet the tagger reads them as one.
#[rustfmt::skip]
static TOPICS: WordList = WordList::new(&[
    "brexit", "covid", "covid 19", "coronavirus", "ebola", "zika", "obamacare",
    "el nino", "la nina",
]);

/// Holidays and feasts, as name keys: "fresh fish for Easter", "the day
/// after Christmas" name a time, yet the tagger reads them as places.
/// Whole names with a place word stay places ("Easter Island",
/// "Christmas Island").
#[rustfmt::skip]
static HOLIDAYS: WordList = WordList::new(&[
    "easter", "christmas", "christmas eve", "thanksgiving", "halloween", "ramadan", "eid",
    "eid al fitr", "eid al adha", "eid ul fitr", "eid ul adha", "diwali", "deepavali", "holi",
    "hanukkah", "chanukah", "passover", "yom kippur", "rosh hashanah", "purim", "sukkot",
    "nowruz", "navratri", "vesak", "kwanzaa", "pentecost", "good friday", "ash wednesday",
    "mardi gras", "hogmanay", "new year", "lunar new year", "chinese new year",
    "new year s eve", "new year s day",
]);

/// The Sun, the Moon, the planets and the like, as name keys: the
/// guideline leaves space objects out of the places. Only a name the
/// article takes for a location, all its mentions counted, is dropped
/// ("Sun" is a newspaper, "Venus" a tennis player): see
/// [`forget_space_objects`].
#[rustfmt::skip]
static SPACE_OBJECTS: WordList = WordList::new(&[
    "earth", "moon", "sun", "mercury", "venus", "mars", "jupiter", "saturn", "uranus",
    "neptune", "pluto", "solar system", "universe", "milky way",
]);

/// Crude oils that the markets quote by name, as name keys: "West Texas
/// Intermediate rose 40 cts", "Arab Light", which the tagger takes for
/// places or organizations. "Brent" only in an article about oil (see
/// [`NothingFilter::names_nothing`]): it is also a borough of London. Those
/// named after a country or a port ("Dubai", "Oman", "Kirkuk") stay places.
#[rustfmt::skip]
static CRUDE_OILS: WordList = WordList::new(&[
    "west texas intermediate", "west texas sour", "wti", "alaska north slope", "arab light",
    "arab heavy", "arab medium", "arab extra light", "bonny light", "es sider",
    "light louisiana sweet",
]);

/// Words of an article about oil, as written.
const OIL_WORDS: &[&str] = &[
    "crude", "Crude", "CRUDE", "barrel", "BARREL", " oil", " Oil", "OIL",
];

/// Whether a one-word key names a doctrine ("Fascism", "Authoritarianism",
/// "Islamism"), which CoNLL labels MISC.
fn is_doctrine(key: &str) -> bool {
    key.len() >= 6 && !key.contains(' ') && (key.ends_with("ism") || key.ends_with("isms"))
}

/// Whether a name is a Roman numeral of I, V and X alone ("II", "XXI"):
/// a regnal or sequel number the tagger cut from its name. Not "DC",
/// "MD" or "CD", which numerals also spell.
fn is_roman_numeral(cleaned: &str) -> bool {
    cleaned.len() >= 2 && cleaned.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether a word mixes letters and digits like a model number or a code
/// ("A300s", "K2-18b", "MiG-19"); short ones ("3M", "G7", "M3") may be names.
fn is_model_number(word: &str) -> bool {
    word.chars().count() >= 4
        && word.chars().any(char::is_alphabetic)
        && word.chars().any(|c| c.is_ascii_digit())
}

/// Words that name storms when a name follows ("Hurricane Humberto",
/// "Tropical Storm Barry", "Typhoon Phanfone").
pub(super) static STORM_WORDS: WordList =
    WordList::new(&["hurricane", "typhoon", "cyclone", "storm", "depression"]);

/// Words that lead a storm word in a storm's name ("Tropical Storm Barry",
/// "Super Typhoon Haiyan").
static STORM_LEADS: WordList = WordList::new(&[
    "tropical",
    "subtropical",
    "post-tropical",
    "super",
    "severe",
]);

/// Whether a name key is a storm's name: a storm word, maybe led by
/// [`STORM_LEADS`], then a name.
fn is_storm_name(key: &str) -> bool {
    let mut words = key.split(' ').skip_while(|w| STORM_LEADS.contains(w));
    words.next().is_some_and(|w| STORM_WORDS.contains(w)) && words.next().is_some()
}

/// A state's form of government, as name keys ("Republic", "Kingdom").
static STATE_FORMS: WordList = WordList::new(&["republic", "kingdom"]);
/// Words that qualify a [`STATE_FORMS`] word ("Islamic", "People's").
static STATE_FORM_QUALIFIERS: WordList = WordList::new(&[
    "arab",
    "islamic",
    "democratic",
    "people",
    "s",
    "socialist",
    "federal",
]);

/// Whether a name key is a qualified form of government alone, which names
/// no place: "Arab Republic" cut from "Arab Republic of Egypt" or "Syrian
/// Arab Republic", "Islamic Republic" from "Islamic Republic of Iran".
/// "United Kingdom" and "Syrian Arab Republic" name a country. "Republic"
/// alone is left: CoNLL-2003 writes "Czech" and "Republic" on two lines.
fn is_state_form(key: &str) -> bool {
    let words = || key.split(' ');
    words().any(|w| STATE_FORMS.contains(w))
        && words().any(|w| STATE_FORM_QUALIFIERS.contains(w))
        && words().all(|w| STATE_FORMS.contains(w) || STATE_FORM_QUALIFIERS.contains(w))
}

/// Compass adjectives, as name keys: alone they name no place ("the
/// Northern route", "Middle Eastern airlines"); as organizations they
/// may ("Eastern", the airline).
static COMPASS_ADJECTIVES: WordList = WordList::new(&[
    "northern",
    "southern",
    "eastern",
    "western",
    "middle eastern",
    "far eastern",
]);

/// What names nothing in one article: the fixed lists, the names the
/// article gives storms and the names of diseases named after people,
/// found once per article.
pub(super) struct NothingFilter<'a> {
    text: &'a str,
    events: Vec<String>,
    eponyms: Vec<String>,
    /// The name key of the wire's sign-off, a last line of one word in
    /// capitals ("REUTER", "REUTER...") or a last word in capitals with
    /// three dots or after a sentence: the agency signing, no name the
    /// article gives, wherever it is written so.
    sign_off: Option<String>,
}

impl<'a> NothingFilter<'a> {
    /// The filter of the article `text`.
    pub(super) fn new(text: &'a str) -> NothingFilter<'a> {
        let (events, eponyms) = names_around_patterns(text);
        let sign_off = wire_sign_off(text);
        NothingFilter {
            text,
            events,
            eponyms,
            sign_off,
        }
    }

    /// Whether a mention (its `cleaned` text, that text's `key` and its
    /// `kind`) names nothing: a [`NOT_NAMES`] abbreviation, legal forms
    /// alone ("CO" of "MAY DEPARTMENT STORES CO" in a headline, "Co Inc" of
    /// "Smith Barney, Harris Upham and Co Inc." where the tagger took only
    /// the end), the wire's sign-off, an amount of a currency ([`CURRENCY_WORDS`]), a group, a
    /// topic, a hashtag ("#LetHerSpeak") or an account's handle
    /// ("@NelsonSchwartz": the account, not the name), a doctrine, a word
    /// that opens sentences (`sentence_words`), a storm ("Hurricane
    /// Barry"), a name the article gives a storm ("Humberto" after
    /// "Tropical Storm Humberto"), a disease's eponym ("Parkinson" of
    /// "Parkinson's disease"), a compass adjective that is no
    /// organization ("Middle Eastern"), a qualified form of government
    /// alone as a place ("Arab Republic"), a generic place word alone
    /// ([`GENERIC_PLACES`]: "County"), a person named by titles alone
    /// ("Director General"; one title alone may be a surname: "King") or
    /// two names with a slash ("Carroll/Patel"), a generic body as an
    /// organization ([`GENERIC_BODIES`]: "the Cabinet"), a holiday
    /// ([`HOLIDAYS`]), an event or award ([`names_an_event`]), a disease
    /// ([`names_a_disease`]), a crude oil as a place or organization
    /// ([`CRUDE_OILS`]) or a model number. On
    /// CoNLL dev events and model numbers removed 2 wrong mentions and no
    /// right one.
    pub(super) fn names_nothing(&self, cleaned: &str, key: &str, kind: EntityKind) -> bool {
        let last = key.rsplit(' ').next().unwrap_or_default();
        NOT_NAMES.contains(key)
            || key.split(' ').all(is_legal_form)
            || (self.sign_off.as_deref() == Some(key) && !cleaned.contains(char::is_lowercase))
            || CURRENCY_WORDS.contains(last)
            || GROUPS.contains(key)
            || TOPICS.contains(key)
            || HOLIDAYS.contains(key)
            || (kind == EntityKind::Organization && GENERIC_BODIES.contains(key))
            || cleaned.starts_with(['#', '@'])
            || is_doctrine(key)
            || is_sentence_word(key)
            || is_lone_determiner(key)
            || is_storm_name(key)
            || self.events.iter().any(|s| s == key)
            || self.eponyms.iter().any(|s| s == key)
            || (kind != EntityKind::Organization && COMPASS_ADJECTIVES.contains(key))
            || (kind == EntityKind::Location
                && (is_state_form(key) || GENERIC_PLACES.contains(key)))
            || (kind == EntityKind::Person && is_titles_only(key))
            || (kind == EntityKind::Person && cleaned.contains('/'))
            || is_roman_numeral(cleaned)
            || names_an_event(cleaned, key, kind)
            || names_a_disease(key)
            || cleaned.split(' ').any(is_model_number)
            || (kind != EntityKind::Person && self.names_a_crude_oil(key))
    }

    /// Whether a name key is one of [`CRUDE_OILS`], or "brent" in an
    /// article about oil ("Brent crude", "Brent traded at 18 dlrs").
    fn names_a_crude_oil(&self, key: &str) -> bool {
        CRUDE_OILS.contains(key)
            || (key == "brent" && OIL_WORDS.iter().any(|w| self.text.contains(w)))
    }

    /// Forgets the mentions (`kinds[i] = None`) whose `cleaned` form, now
    /// that some became persons, names nothing where the form they were
    /// tagged with (`as_tagged`) did not: "MS Although", an interviewer's
    /// initials and the first word of an answer, is no person "Although".
    pub(super) fn forget_forms_naming_nothing(
        &self,
        as_tagged: &[String],
        cleaned: &[String],
        kinds: &mut [Option<EntityKind>],
    ) {
        for ((c, tagged), kind) in cleaned.iter().zip(as_tagged).zip(kinds) {
            if let Some(k) = *kind {
                if c != tagged && self.names_nothing(c, &name_key(c), k) {
                    *kind = None;
                }
            }
        }
    }
}

/// Forgets the mentions (`kinds[i] = None`) that the article, all its
/// mentions of the name counted, takes for a location and whose `cleaned`
/// form names a space object ([`SPACE_OBJECTS`]).
pub(super) fn forget_space_objects(cleaned: &[String], kinds: &mut [Option<EntityKind>]) {
    for (c, kind) in cleaned.iter().zip(kinds) {
        if *kind == Some(EntityKind::Location) && SPACE_OBJECTS.contains(c) {
            *kind = None;
        }
    }
}

/// The name key of the wire's sign-off of `text`: a last line of one word
/// in capitals, not the whole text, or the last word in capitals with the
/// wire's three dots or "^M", or after a sentence's end ("...
/// semiconductors. REUTER...", "January 31. REUTER").
fn wire_sign_off(text: &str) -> Option<String> {
    let shouted = |word: &str| {
        let word = word.trim().trim_end_matches('.');
        (word.chars().count() >= 2 && word.chars().all(char::is_uppercase)).then(|| name_key(word))
    };
    let end = text.trim_end();
    let own_line = end.rsplit_once('\n').and_then(|(_, line)| shouted(line));
    let last_word = || {
        let (rest, word) = end.rsplit_once(char::is_whitespace)?;
        // Reuters-21578 keeps the wire's carriage return as "^M".
        let marked = word.ends_with("...") || word.ends_with("^M");
        let word = word.trim_end_matches("^M");
        // A word after a sentence that ends with its own period is a
        // sentence ("... the Levant. UN."), not the wire signing.
        let after_a_sentence = rest.trim_end().ends_with(['.', '!', '?']) && !word.ends_with('.');
        (marked || after_a_sentence)
            .then(|| shouted(word))
            .flatten()
    };
    own_line.or_else(last_word)
}

/// Whether a name key is two titles or more and nothing else ("director
/// general", "prime minister"); "Lord King" ends with a surname that is
/// also a title and names a peer.
fn is_titles_only(key: &str) -> bool {
    let surname_too = ["king", "pope", "bishop", "marshall", "judge"];
    key.contains(' ')
        && key.split(' ').all(is_title)
        && !surname_too.contains(&key.rsplit(' ').next().unwrap_or_default())
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
