//! Generational suffixes of persons' names ("Jr.", "Sr.", "III"): part of
//! the name ("Robert Cummings Sr.", "Cyrus R. Vance Jr."), which the
//! tagger, trained on copy that seldom writes them, often leaves out
//! ("Robert Cummings" | "Sr.", "Cyrus R. Vance" | ", Jr.").

use super::joins::{one_space_apart, word_at};
use super::labels::PER;
use super::tagger::Span;
use super::tokenize::Token;

/// Whether `word` is a generational suffix as written after a name: "Jr."
/// or "Sr." (dot optional) or a Roman numeral from II to IV.
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(
        word,
        "Jr." | "Jr" | "Sr." | "Sr" | "JR." | "SR." | "II" | "III" | "IV"
    )
}

/// `name` without its generational suffix ("Robert Cummings Sr." and
/// "Cyrus R. Vance, Jr." give "Robert Cummings" and "Cyrus R. Vance").
pub(crate) fn without_name_suffix(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((rest, last)) if is_name_suffix(last) => rest.strip_suffix(',').unwrap_or(rest),
        _ => name,
    }
}

/// Writes a name's suffix one way: "Cyrus R. Vance, Jr." is "Cyrus R.
/// Vance Jr.", "Jr" is "Jr.": one value in the facets.
pub(crate) fn fold_name_suffixes(words: &mut [&str]) {
    for i in 1..words.len() {
        if is_name_suffix(words[i]) {
            words[i - 1] = words[i - 1].strip_suffix(',').unwrap_or(words[i - 1]);
            words[i] = match words[i] {
                "Jr" | "JR." => "Jr.",
                "Sr" | "SR." => "Sr.",
                suffix => suffix,
            };
        }
    }
}

/// Takes the suffix right after each person span into it, with the comma
/// some styles put before it ("Vance, Jr."), when no other span has it.
pub(crate) fn join_name_suffixes(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let next_start = spans.get(i + 1).map_or(usize::MAX, |&(_, ns, _)| ns);
        if ty != PER || e >= tokens.len() {
            continue;
        }
        let word = |k: usize| word_at(text, tokens, k);
        let end = if is_name_suffix(word(e)) && one_space_apart(tokens, e - 1, e) {
            e + 1
        } else if word(e) == ","
            && tokens[e - 1].end == tokens[e].start
            && is_name_suffix(word(e + 1))
            && one_space_apart(tokens, e, e + 1)
        {
            e + 2
        } else {
            continue;
        };
        // A capitalised word right after makes the suffix part of
        // something else ("Jr. High School").
        let continues = end < tokens.len()
            && one_space_apart(tokens, end - 1, end)
            && word(end).starts_with(char::is_uppercase);
        if next_start >= end && !continues {
            spans[i] = (PER, s, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::joins::tests::mended;

    /// The person span `name` of `text` as the span mending leaves it.
    fn joined(text: &str, name: &str) -> Vec<String> {
        mended(text, &[(PER, name)])
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn suffixes_join_the_name_before_them() {
        let text = "His father, Robert Cummings Sr. and Cyrus R. Vance, Jr. met.";
        assert_eq!(joined(text, "Robert Cummings"), ["Robert Cummings Sr."]);
        assert_eq!(joined(text, "Cyrus R. Vance"), ["Cyrus R. Vance, Jr."]);
        let text = "Thomas Smith III said so.";
        assert_eq!(joined(text, "Thomas Smith"), ["Thomas Smith III"]);
    }

    #[test]
    fn names_lose_their_suffix() {
        assert_eq!(
            without_name_suffix("Robert Cummings Sr."),
            "Robert Cummings"
        );
        assert_eq!(without_name_suffix("Cyrus R. Vance, Jr."), "Cyrus R. Vance");
        assert_eq!(without_name_suffix("Robert Downey"), "Robert Downey");
        assert_eq!(without_name_suffix("Jr."), "Jr.");
    }

    #[test]
    fn a_suffix_keeps_its_dot_and_loses_its_comma() {
        assert_eq!(
            crate::canonical::tests::persons(&[
                "Cyrus R. Vance, Jr.",
                "Robert Downey Jr",
                "Robert Cummings Sr."
            ]),
            [
                "Cyrus R. Vance Jr.",
                "Robert Downey Jr.",
                "Robert Cummings Sr."
            ]
        );
        // A sentence's period after other words still goes.
        assert_eq!(
            crate::canonical::tests::persons(&["Thomas Smith III."]),
            ["Thomas Smith III"]
        );
    }

    #[test]
    fn other_words_stay_out() {
        // A comma after a space, a suffix a capitalised word follows, a
        // lower-case "ii" and a word that is no suffix.
        for (text, name) in [
            ("Robert Cummings , Jr. met", "Robert Cummings"),
            ("Robert Cummings Jr. High School", "Robert Cummings"),
            ("Robert Cummings ii met", "Robert Cummings"),
            ("Robert Cummings Sra. met", "Robert Cummings"),
        ] {
            assert_eq!(joined(text, name), ["Robert Cummings"], "{text}");
        }
    }
}
