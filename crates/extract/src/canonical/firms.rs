//! What is said of a name that only firms and bands have: shares ("shares
//! of Charles Schwab"), staff ("an economist at Charles Schwab", "worked at
//! John Deere") and players ("the Black Sabbath frontman"). The tagger
//! reads such names, called after people or places, as a person's or a
//! place's.

use super::super::gazetteer::name_key;
use super::super::Mention;
use super::context::last_word;
use super::cue_words::EMPLOYMENT_WORDS;
use super::types::ends_with_geographic_word;

/// Whether `before` ends with a word of work and "at", before a name of
/// two words or more (or one after [`ANALYSTS`]), no possessive and no
/// geographic word: "worked at John Deere", "an economist at Charles
/// Schwab" name firms called after people; "worked at Donald Trump's side"
/// and "working at Seal Island" do not.
pub(super) fn employer_at(before: &str, m: &Mention, after: &str) -> bool {
    let Some(word) = before.strip_suffix(" at ").map(last_word) else {
        return false;
    };
    EMPLOYMENT_WORDS.contains(word)
        && (m.text.contains(' ') || ANALYSTS.iter().any(|a| a.eq_ignore_ascii_case(word)))
        && !after.starts_with(['\'', '’'])
        && !ends_with_geographic_word(&name_key(&m.text))
}

/// The market's commentators, who work at firms and are seldom "at" a
/// place ("analysts at Bernstein", "economists at Berenberg"): after them
/// a name of one word is a firm too.
const ANALYSTS: &[&str] = &["analysts", "economists", "strategists"];

/// What a band's members are called after its name.
const BAND_MEMBERS: &[&str] = &[
    "frontman",
    "frontwoman",
    "guitarist",
    "bassist",
    "drummer",
    "keyboardist",
    "vocalist",
    "singer",
];

/// Whether `after` starts with a band member's noun after one space ("the
/// Black Sabbath frontman", "Metallica drummer Lars Ulrich"): the name
/// before is the band's.
pub(super) fn band_before_member(after: &str) -> bool {
    after.strip_prefix(' ').is_some_and(|a| {
        let word = a
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        BAND_MEMBERS.contains(&word)
    })
}

/// Whether `before` ends with "shares of " or "stock of " ("Shares of
/// Charles Schwab rose"): only companies have shares. Not "shares in",
/// which may be where they are sold ("participation shares in West
/// Germany"), nor before a possessive or a hyphen ("shares of Warren
/// Buffett's Berkshire Hathaway", "shares of Hong Kong-listed firms"), nor
/// for the first part of a firm's name the tagger split at "and" ("shares
/// of Harper and Row Publishers Inc").
pub(super) fn shares_of(before: &str, after: &str) -> bool {
    let Some(rest) = before.strip_suffix(" of ") else {
        return false;
    };
    let noun = last_word(rest);
    if !(noun.eq_ignore_ascii_case("shares") || noun.eq_ignore_ascii_case("stock"))
        || after.starts_with(['\'', '\u{2019}', '-'])
    {
        return false;
    }
    let split = ["and ", "& "].iter().any(|link| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(link))
            .is_some_and(|a| a.starts_with(char::is_uppercase))
    });
    !split
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_name_people_work_at_is_a_firm() {
        let found = Extractor::bundled().extract("He worked at John Deere for 30 years.");
        assert_eq!(
            (found.persons.len(), found.organizations.as_slice()),
            (0, &["John Deere".to_owned()][..])
        );
        for firm in ["Bernstein", "Morningstar", "Macquarie"] {
            let text = format!("Analysts at {firm} said the move raised the stakes.");
            let found = Extractor::bundled().extract(&text);
            assert_eq!(found.organizations, [firm], "{text}");
        }
        for text in [
            "He worked at Donald Trump's side.",
            "The sales staff at Wellington were idle.",
            "In 18 years of working at Seal Island, we saw no sharks.",
        ] {
            assert!(
                Extractor::bundled().extract(text).organizations.is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_name_before_a_band_members_noun_is_the_band() {
        let found =
            Extractor::bundled().extract("Ozzy Osbourne, the Black Sabbath frontman, died.");
        assert_eq!(found.organizations, ["Black Sabbath"]);
        assert!(found.locations.is_empty(), "{:?}", found.locations);
        assert!(!super::band_before_member(" singers went home"));
    }
}
