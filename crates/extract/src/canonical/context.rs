//! What the words around a mention say about what it names: "the firm
//! Sidley Austin", "Ingrid Solberg of Orbis Geospatial", "UpGuard, a
//! cybersecurity firm" name organizations, whatever the tagger made of
//! them; "the film Argo", "the ship Namse Bangdzod", "Hellboy character Abe
//! Sapien" name works, vessels and characters, which no facet wants.
//!
//! The tagger sees a few words either side; these cues are the ones a
//! model trained on 1996 newswire misses most on today's news (measured on
//! the dev set, `data/eval/`). Each distinct mention is judged by its
//! first occurrence with a cue, so a name the article introduces once
//! ("the company Orbis Geospatial") is read the same way everywhere.

use super::super::calendar::is_calendar_word;
use super::super::gazetteer::name_key;
use super::super::{EntityKind, Mention};
use super::abbreviations::may_abbreviate_a_place;
use super::appositions::apposition_says_org;
use super::captions::characters_in_captions;
use super::cue_words::{
    heads_an_administration, INSTRUMENT_NOUNS, ORGANIZATION_NOUNS, PERSON_NOUNS,
    VENUE_PREPOSITIONS, WORK_NOUNS,
};
use super::firms::{band_before_member, employer_at, shares_of};
use super::known_organizations::is_camel_case_brand;
use super::organizations::defines_a_short_form;
use super::place_context::{next_lowercase_word, place_adjectives};
use super::titles::follows_a_person_title;
use super::works::{is_vessel_prefix, names_after_work_nouns};
use super::HashSet;

/// What the context says a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// An organization ("the firm X", "X, a company", "Y of X").
    Organization,
    /// Nothing a facet wants: a work, a vessel, a character.
    Nothing,
    /// A person ("photojournalist Ziad al-Sharabi").
    Person,
    /// A person by title or as the head of an administration ("President
    /// Obama", "the Obama administration"): a person even where a small
    /// town has the name.
    Head,
}

/// Byte offsets of the mentions of one article in its text (mention offsets
/// are code points).
pub(crate) struct Offsets {
    /// Byte offset of each code point, and the text's length; empty when
    /// the text is ASCII and code points are bytes.
    char_starts: Vec<usize>,
    len: usize,
}

impl Offsets {
    /// The offsets of `text`.
    pub(crate) fn new(text: &str) -> Offsets {
        let char_starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect()
        };
        Offsets {
            char_starts,
            len: text.len(),
        }
    }

    /// The byte offset of code point `c`, if it is in the text.
    pub(crate) fn byte(&self, c: usize) -> Option<usize> {
        if self.char_starts.is_empty() {
            (c <= self.len).then_some(c)
        } else {
            self.char_starts.get(c).copied()
        }
    }
}

/// One article as the context rules read it: its text, its mentions in
/// text order, the distinct mention of each (`of[i]`) and the byte offset
/// of each code point.
pub(super) struct Article<'a> {
    pub(super) text: &'a str,
    pub(super) mentions: &'a [Mention],
    pub(super) of: &'a [usize],
    pub(super) offsets: Offsets,
}

impl<'a> Article<'a> {
    /// The article of `text`, its `mentions` and their distinct mentions.
    pub(super) fn new(text: &'a str, mentions: &'a [Mention], of: &'a [usize]) -> Article<'a> {
        Article {
            text,
            mentions,
            of,
            offsets: Offsets::new(text),
        }
    }

    /// The text around mention `i`: up to `before` bytes before it and up
    /// to `after` bytes after it, each "" where its window would cut a
    /// character; `None` when the mention starts outside the text.
    pub(super) fn around(
        &self,
        i: usize,
        before: usize,
        after: usize,
    ) -> Option<(&'a str, &'a str)> {
        let m = &self.mentions[i];
        let b = self.offsets.byte(m.start)?;
        let head = self
            .text
            .get(b.saturating_sub(before)..b)
            .unwrap_or_default();
        let tail = self
            .offsets
            .byte(m.end)
            .and_then(|e| self.text.get(e..(e + after).min(self.text.len())))
            .unwrap_or_default();
        Some((head, tail))
    }

    /// The text between the end of mention `i` and the start of mention
    /// `j` (`i < j`): ", " in "Carrascal, Cantilan".
    pub(super) fn between(&self, i: usize, j: usize) -> Option<&'a str> {
        let e = self.offsets.byte(self.mentions.get(i)?.end)?;
        let b = self.offsets.byte(self.mentions.get(j)?.start)?;
        self.text.get(e..b)
    }
}

/// The cue for each distinct mention (`distinct[u]` is the kind of
/// distinct mention `u`; `of[i]` maps mention `i` to it), from the first
/// occurrence that has one. Only persons and places are moved to
/// organizations; any kind may be a work.
pub(super) fn cues(article: &Article, distinct: &[Option<EntityKind>]) -> Vec<Option<Cue>> {
    let Article {
        text, mentions, of, ..
    } = *article;
    let offsets = &article.offsets;
    let mut out: Vec<Option<Cue>> = vec![None; distinct.len()];
    let mut short_forms: HashSet<&str> = HashSet::default();
    for (i, m) in mentions.iter().enumerate() {
        let u = of[i];
        let Some(kind) = distinct[u] else { continue };
        if defines_a_short_form(article, i, distinct) {
            short_forms.insert(m.text.as_str());
        }
        if out[u].is_some() {
            continue;
        }
        let (Some(b), Some(e)) = (offsets.byte(m.start), offsets.byte(m.end)) else {
            continue;
        };
        let before = text.get(b.saturating_sub(80)..b).unwrap_or_default();
        let after = text.get(e..(e + 80).min(text.len())).unwrap_or_default();
        // "a private intelligence firm, Orbis Geospatial": the noun may
        // stand before a comma.
        let prev = last_word(before.trim_end_matches(' ').trim_end_matches(','));
        if let Some(cue) = speaker_label(before, after, &m.text) {
            out[u] = Some(cue);
            continue;
        }
        let instrument = kind == EntityKind::Person && names_an_instrument(after);
        if WORK_NOUNS.contains(prev)
            || m.text.split(' ').next().is_some_and(is_vessel_prefix)
            || instrument
        {
            out[u] = Some(Cue::Nothing);
            continue;
        }
        // "President Reagan", "the Reagan administration": one word after
        // a person's title or before an administration is a person; not
        // "Dr. Ing. H.C.F. Porsche AG", "Mr. Jax Fashions" nor a brand.
        let titled = follows_a_person_title(before) && m.text.chars().count() > 3;
        let president = !m.text.contains(' ')
            && !is_camel_case_brand(&m.text)
            && (titled || heads_an_administration(&m.text, after));
        if kind == EntityKind::Organization {
            if president {
                out[u] = Some(Cue::Head);
            } else if (is_person_noun(before, prev) || after_an_age(prev, after))
                && m.text.contains(' ')
            {
                out[u] = Some(Cue::Person);
            }
            continue;
        }
        if kind == EntityKind::Location
            && is_acronym_in_prose(&m.text, before, after)
            && !may_abbreviate_a_place(&name_key(&m.text))
        {
            // "USPS", "CDCR", "UOKiK": an acronym the gazetteer lacks (see
            // `heed`) names a body; CoNLL-2003 has 717 such organizations
            // to 30 places. Not in a headline set in capitals nor at the
            // start of a line (a dateline: "KINNEAR, Wyo.").
            out[u] = Some(Cue::Organization);
            continue;
        }
        if kind == EntityKind::Location
            && (is_person_noun(before, prev) || after.starts_with(", who ") || president)
        {
            // "his wife Melania", "classical composer Mozart": a name the
            // gazetteer lacks (see `heed`) after what people are called;
            // "Viktar Babaryka, who was arrested": before what only people
            // are said to be.
            out[u] = Some(if president { Cue::Head } else { Cue::Person });
            continue;
        }
        if inner_the(before, &m.text) && !more_than_one_word(&m.text) {
            // "told The Verge", "a report by The Atlantic": a capital
            // "The" inside a sentence before one word starts the name of
            // a publication or a band, not of a person or a place the
            // gazetteer lacks ("The Hague" is one it has; older wires
            // also write "The Soviet Union").
            out[u] = Some(Cue::Organization);
            continue;
        }
        let of_person = of_a_person(before, i, mentions, of, distinct);
        // "the Amman-based Levant Strategy Centre": people are not based.
        let based = prev.len() > 6 && prev.ends_with("-based");
        if ORGANIZATION_NOUNS.contains(prev)
            || of_person
            || based
            || apposition_says_org(after)
            || published_in(before)
            || shares_of(before, after)
            || employer_at(before, m, after)
            || band_before_member(after)
        {
            out[u] = Some(Cue::Organization);
        }
    }
    // "the Philippine Institute of Volcanology and Seismology (Phivolcs)":
    // the short form names the organization wherever the tagger took it
    // for something else ("Phivolcs reported").
    for (i, m) in mentions.iter().enumerate() {
        let u = of[i];
        if distinct[u].is_some_and(|k| k != EntityKind::Organization)
            && short_forms.contains(m.text.as_str())
        {
            out[u] = Some(Cue::Organization);
        }
    }
    // "Antarctic mountain ranges": an adjective, as a demonym is, names no
    // place, where the article never names the place itself.
    for (u, adjective) in place_adjectives(article, distinct).into_iter().enumerate() {
        if adjective {
            out[u] = Some(Cue::Nothing);
        }
    }
    // "Daenerys Targaryen from Game of Thrones" in a gallery: a character.
    for (u, character) in characters_in_captions(article, distinct)
        .into_iter()
        .enumerate()
    {
        if character {
            out[u] = Some(Cue::Nothing);
        }
    }
    // A work or vessel named so once where the tagger missed it ("cargo
    // ship Namse Bangdzod" in the headline) is one everywhere.
    let works = names_after_work_nouns(text);
    if !works.is_empty() {
        for (i, m) in mentions.iter().enumerate() {
            let u = of[i];
            if out[u].is_none() && distinct[u].is_some() && works.contains(m.text.as_str()) {
                out[u] = Some(Cue::Nothing);
            }
        }
    }
    out
}

/// Whether `after`, the text after a person's name, names an instrument
/// after the person ("the James Webb space telescope", "the Kepler
/// spacecraft"): the name is the instrument's, no person of the story.
fn names_an_instrument(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let rest = rest.strip_prefix("space ").unwrap_or(rest);
    let noun = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    INSTRUMENT_NOUNS.contains(noun)
}

/// Whether `word` is an initial ("F.", "J").
pub(crate) fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.starts_with(char::is_uppercase)
}

/// Whether a mention is more than one word once a leading "The" is off.
fn more_than_one_word(name: &str) -> bool {
    name.strip_prefix("The ").unwrap_or(name).contains(' ')
}

/// Whether a capital "The" that does not start a sentence or a line
/// ends `before` or starts the mention (`name`), and no preposition of
/// place comes before it: "at The Oval" is the cricket ground.
fn inner_the(before: &str, name: &str) -> bool {
    let rest = match before.strip_suffix("The ") {
        Some(rest) => rest,
        None if name.starts_with("The ") => before,
        None => return false,
    };
    let rest = rest.trim_end_matches(' ');
    before.len() - rest.len() >= 1
        && rest.ends_with(|c: char| c.is_alphanumeric() || c == ',')
        && !VENUE_PREPOSITIONS.contains(last_word(rest))
}

/// What a mention filling an interview's speaker label at a line start
/// says it is: a person's full name ("((Perttu Ahola))  We started...") a
/// person; an interviewer's initials ("((WSS))", "((WN))") nothing; one
/// word otherwise ("((Wikinews))", "((Jaya))") no cue.
fn speaker_label(before: &str, after: &str, name: &str) -> Option<Cue> {
    let at_line_start = before
        .strip_suffix("((")
        .is_some_and(|rest| rest.is_empty() || rest.ends_with('\n'));
    if !at_line_start || !after.starts_with("))") {
        return None;
    }
    let initials = (2..=4).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
    if name.contains(' ') {
        Some(Cue::Person)
    } else if initials {
        Some(Cue::Nothing)
    } else {
        None
    }
}

/// Whether the word `prev` right before a name, as `before` writes it
/// (in lower case: no part of the name), is what people are called
/// ("photojournalist Ziad al-Sharabi", "colleague Faisal al-Thubhani").
fn is_person_noun(before: &str, prev: &str) -> bool {
    // No comma between: "vice president, General Merchandise manager"
    // and "minister, Agriculture Canada" name where the person works.
    before.ends_with(' ')
        && before.trim_end_matches(' ').ends_with(char::is_alphabetic)
        && names_people(prev)
}

/// Whether `prev` is an age ("20-year-old") said of the name after it:
/// "20-year-old Tiger Woods shot 67"; not of a noun after the name ("a
/// 20-year-old Air Force pilot", "the 36-year-old Aston Villa player", "a
/// 36-year-old Cheltenham man").
fn after_an_age(prev: &str, after: &str) -> bool {
    prev.ends_with("-year-old")
        && !next_lowercase_word(after).is_some_and(|w| names_people(w) || AGED_NOUNS.contains(&w))
}

/// Nouns an age and a name before them describe, besides
/// [`PERSON_NOUNS`]: "a 36-year-old Aston Villa player".
const AGED_NOUNS: &[&str] = &[
    "man", "woman", "boy", "girl", "player", "resident", "student", "worker", "soldier", "driver",
    "fan", "native", "mother", "father",
];

/// Whether `word`, in lower case, is what people are called
/// ("midfielder", "photojournalist"; [`PERSON_NOUNS`]).
pub(crate) fn names_people(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && PERSON_NOUNS.contains(word)
}

/// The last word of `s`, trailing spaces ignored, punctuation kept out:
/// "" when `s` ends with punctuation other than a space.
pub(super) fn last_word(s: &str) -> &str {
    let s = s.trim_end_matches(' ');
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// Whether `before` ends with "published in ", a date or "online" between
/// ("findings published on Wednesday in Science Advances"): what follows
/// is a journal or a paper (a place the gazetteer knows stays one:
/// "published in Berlin").
fn published_in(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" in ") else {
        return false;
    };
    let words: Vec<&str> = rest.rsplit(' ').take(5).collect();
    let Some(at) = words.iter().position(|w| *w == "published") else {
        return false;
    };
    words[..at].iter().all(|w| {
        w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || is_calendar_word(w)
    })
}

/// Whether the text before mention `i` is "<person> of " or "<person>,
/// of ": "Ingrid Solberg of Orbis Geospatial", where the second name is
/// where the person works. A place there stays a place ("Marco Rubio of
/// Florida"): the caller only moves names the gazetteer does not know.
fn of_a_person(
    before: &str,
    i: usize,
    mentions: &[Mention],
    of: &[usize],
    distinct: &[Option<EntityKind>],
) -> bool {
    let Some(rest) = before
        .strip_suffix(" of the ")
        .or_else(|| before.strip_suffix(" of "))
        .map(|r| r.strip_suffix(',').unwrap_or(r))
    else {
        return false;
    };
    let gap = before.chars().count() - rest.chars().count();
    let Some(start) = mentions[i].start.checked_sub(gap) else {
        return false;
    };
    // The mention just before, ending where "of" begins.
    i > 0 && mentions[i - 1].end == start && distinct[of[i - 1]] == Some(EntityKind::Person)
}

/// Whether `name` is one acronym ("USPS", "UOKiK": letters and digits,
/// two capitals or more, six characters at most) written inside a line
/// of prose: the line has lower-case letters (`before` and `after` are the
/// text around the name) and does not start with the name.
fn is_acronym_in_prose(name: &str, before: &str, after: &str) -> bool {
    let acronym = name.len() <= 6
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.chars().filter(char::is_ascii_uppercase).count() >= 2;
    if !acronym {
        return false;
    }
    let line_before = before.rsplit('\n').next().unwrap_or_default();
    let line_after = after.split('\n').next().unwrap_or_default();
    !line_before.trim().is_empty()
        && (line_before.chars().any(char::is_lowercase)
            || line_after.chars().any(char::is_lowercase))
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
