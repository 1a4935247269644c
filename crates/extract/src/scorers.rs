//! Scorers in a sports report's results: "Duisburg 1 (Hirsch 65th)",
//! "Canada - Aunger (41st min, pen)", "Brazil - Donizetti (47th)". A
//! surname written before the minute of a goal is a player's, though
//! training never read it in a name: the rule that drops such one-word
//! persons (`full_names::unnamed_words`) leaves it.

use super::canonical::Offsets;
use super::{EntityKind, Mention};

/// Whether a person mention of `word` comes right before a minute of the
/// game ("Hirsch 65th", "Aunger (41st").
pub(crate) fn scored_at_a_minute(text: &str, mentions: &[Mention], word: &str) -> bool {
    let offsets = Offsets::new(text);
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.text == word)
        .filter_map(|m| offsets.byte(m.end))
        .any(|e| starts_with_a_minute(text.get(e..).unwrap_or_default()))
}

/// Whether `after` begins with an ordinal of at most three digits after a
/// space or " (": " 65th", " (41st min".
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
}
