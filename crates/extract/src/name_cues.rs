//! What keeps a one-word person training never read in a name a person,
//! where `full_names::unnamed_words` would drop it as a capitalised word
//! taken for a name: the surname of a public figure of today ("Trump",
//! "Erdogan": `public_figures`), its shape, two names an Arabic article joins as South
//! Asian names do ("Inzamam-ul-Haq", "Ata-ur-Rehman"), or what follows it:
//! "administration" after a surname ("the Biden administration"), or the
//! minute of a goal in a sports report's results ("Duisburg 1 (Hirsch
//! 65th)", "Canada - Aunger (41st min, pen)").

use super::administrations::may_head_an_administration;
use super::canonical::Offsets;
use super::features::lexicon::CaseLexicon;
use super::gazetteer::Gazetteer;
use super::public_figures::is_public_surname;
use super::{EntityKind, Mention};

/// Whether `word`, a one-word person of `text`'s `mentions`, is a name for
/// its shape or for what follows one of its mentions (see the module doc).
pub(crate) fn keeps_a_person(
    text: &str,
    mentions: &[Mention],
    word: &str,
    (case, gazetteer): (&CaseLexicon, &Gazetteer),
) -> bool {
    if joined_by_a_particle(word) || is_public_surname(word) {
        return true;
    }
    let offsets = Offsets::new(text);
    let mut after = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.text == word)
        .filter_map(|m| text.get(offsets.byte(m.end)?..));
    let heads = || may_head_an_administration(word, case, gazetteer);
    after.any(|a| starts_with_a_minute(a) || (a.starts_with(" administration") && heads()))
}

/// Whether `word` joins two capitalised names with "ul", "ur" or "ud"
/// ("Inzamam-ul-Haq", "Zia-ud-Din"): shaped as no ordinary word or product
/// is.
fn joined_by_a_particle(word: &str) -> bool {
    let mut parts = word.split('-');
    let (Some(first), Some(particle), Some(last), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    matches!(particle, "ul" | "ur" | "ud") && capitalised(first) && capitalised(last)
}

/// Whether `after`, the text after a name, begins with an ordinal of at
/// most three digits after a space or " (": " 65th", " (41st min".
fn starts_with_a_minute(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" (").or_else(|| after.strip_prefix(' ')) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let ordinal = rest.get(digits..digits + 2);
    (1..=3).contains(&digits)
        && matches!(ordinal, Some("st" | "nd" | "rd" | "th"))
        && !rest[digits + 2..].starts_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_scorer_before_the_minute_of_a_goal_is_a_person() {
        let text = "SOCCER - GERMAN FIRST DIVISION RESULTS.\n\
                    Arminia Bielefeld 1 (Von Heesen 56th) Duisburg 1 (Hirsch 65th).\n\
                    Canada - Aunger (41st min, pen).";
        let persons = Extractor::bundled().extract(text).persons;
        assert!(
            persons.iter().any(|p| p == "Hirsch") && persons.iter().any(|p| p == "Aunger"),
            "{persons:?}"
        );
        assert!(super::starts_with_a_minute(" 8th minute"));
        assert!(
            !super::starts_with_a_minute(" 2000th") && !super::starts_with_a_minute(" 12 points")
        );
    }

    #[test]
    fn a_name_joined_by_a_particle_is_shaped_as_a_name() {
        assert!(super::joined_by_a_particle("Inzamam-ul-Haq"));
        assert!(!super::joined_by_a_particle("Jumbish-i-Milli"));
        assert!(!super::joined_by_a_particle("Ata-ur"));
    }
}
