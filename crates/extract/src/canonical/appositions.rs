//! Appositions that say a name is an organization: "UpGuard, a
//! cybersecurity firm,", "Ofwat, the regulator,", "Thames Water, Britain's
//! biggest water company", "Saab, the Swedish defence group". Read by
//! [`context`](super::context); the nouns are in
//! [`cue_words`](super::cue_words).

use super::cue_words::{AFTER_HEAD, ORGANIZATION_NOUNS};

/// Lower-case words between ", a" and the noun that says what a name is
/// ("UpGuard, a cybersecurity firm"): at most this many.
const APPOSITION_WORDS: usize = 4;

/// Whether `after` starts with an apposition naming an organization: ", a
/// cybersecurity firm", ", an airline that", ", the regulator,",
/// ", Britain's biggest water company".
pub(super) fn apposition_says_org(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ").and_then(|a| {
        a.strip_prefix("a ")
            .or_else(|| a.strip_prefix("an "))
            .or_else(|| a.strip_prefix("the "))
            .or_else(|| after_a_possessive_name(a))
    }) else {
        return false;
    };
    let mut words = rest.split(' ').peekable();
    for _ in 0..APPOSITION_WORDS {
        let Some(word) = words.next() else {
            return false;
        };
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        // Only a lower-case description counts: "a chairman of the
        // Organisation" describes a person.
        if bare.is_empty() || bare == "of" {
            return false;
        }
        if !bare.starts_with(char::is_lowercase) {
            // "the Swedish defence group": a people's adjective may lead
            // the description, but no other capitalised word.
            if bare.len() == word.len() && looks_like_nationality(bare) {
                continue;
            }
            return false;
        }
        // A preposition before any organization noun: the head noun came
        // first and was none ("a spokesman for the bank").
        if AFTER_HEAD.contains(bare) && !ORGANIZATION_NOUNS.contains(bare) {
            return false;
        }
        if bare.len() != word.len() {
            // Punctuation ends the description, on its head noun.
            return ORGANIZATION_NOUNS.contains(bare);
        }
        if ORGANIZATION_NOUNS.contains(bare) {
            // The head noun: "a cybersecurity firm that", not "a former
            // club player".
            return words.peek().is_none_or(|next| AFTER_HEAD.contains(next));
        }
    }
    false
}

/// Whether `word` reads as a people's adjective ("Swedish", "German",
/// "Japanese", "Saudi", "Dutch"): a capital and a demonym's ending.
fn looks_like_nationality(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word[1..].chars().all(|c| c.is_ascii_lowercase())
        && ["ish", "an", "ese", "i", "ch", "ic"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// The text after a capitalised possessive word that `text` starts with
/// ("Britain's biggest bank" → "biggest bank").
fn after_a_possessive_name(text: &str) -> Option<&str> {
    let (word, rest) = text.split_once(' ')?;
    let owner = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    owner.starts_with(char::is_uppercase).then_some(rest)
}
