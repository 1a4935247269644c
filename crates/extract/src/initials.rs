//! Initials that lead persons' names ("J. R. Myers", "G. Edward Griffin"),
//! which the tagger, trained on copy that writes a given name first, often
//! leaves out ("J." | "R. Myers", "G." | "Edward Griffin"); the facet
//! would show a second, shorter name. Also initials written without dots
//! ("JD Vance"), which `full_names` reads as a given name.

use xxhash_rust::xxh3::xxh3_64;

use super::canonical::{is_initial, is_title_word};
use super::features::lexicon::CaseLexicon;
use super::gazetteer::Gazetteer;
use super::joins::{one_space_apart, word_at};
use super::labels::PER;
use super::tagger::Span;
use super::tokenize::Token;

/// Whether `word` is an initial written with its dot ("J."): without the
/// dot a capital letter may be a list's item or a grade.
fn is_dotted_initial(word: &str) -> bool {
    word.ends_with('.') && is_initial(word)
}

/// Whether `word` is two initials written without dots, as today's news
/// writes some given names ("JD Vance", "AJ Brown"), and no title or
/// word that training or the dictionary knows: the dictionary has the
/// abbreviations written before surnames ("PM Modi", "UN Guterres", "VP",
/// "DA"), those of firms ("JP", "GE", "BP") and a headline's "AT" or "IN".
/// Only before a surname the article names as a person.
pub(crate) fn is_bare_initials(word: &str, case: &CaseLexicon, gazetteer: &Gazetteer) -> bool {
    word.len() == 2
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && case.get(xxh3_64(word.to_lowercase().as_bytes())) == 0
        && !is_title_word(word)
        && !gazetteer.contains(word)
}

/// Takes the initials written right before each person span into it, when
/// no other span has them and the word before them is no capitalised
/// word other than a title: "Plan B. John Smith" keeps "B." out, "Dr. J.
/// R. Myers" takes "J." in (the title stays out, as cleaning drops it).
pub(crate) fn join_leading_initials(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let prev_end = if i == 0 { 0 } else { spans[i - 1].2 };
        if ty != PER {
            continue;
        }
        let word = |k: usize| word_at(text, tokens, k);
        let mut start = s;
        while start > prev_end
            && is_dotted_initial(word(start - 1))
            && one_space_apart(tokens, start - 1, start)
        {
            start -= 1;
        }
        if start == s {
            continue;
        }
        let before = if start == 0 { "" } else { word(start - 1) };
        let capitalised = before.starts_with(char::is_uppercase) && !tokens[start].line_start;
        if !capitalised || is_title_word(before) {
            spans[i] = (PER, start, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::joins::tests::mended;
    use crate::labels::PER;

    /// The person span `name` of `text` as the span mending leaves it.
    fn joined(text: &str, name: &str) -> String {
        let found = mended(text, &[(PER, name)]);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].1.clone()
    }

    #[test]
    fn initials_join_the_name_after_them() {
        let text = "It nominated activist J. R. Myers and Dr. K. Lee.";
        assert_eq!(joined(text, "R. Myers"), "J. R. Myers");
        assert_eq!(joined(text, "Lee"), "K. Lee");
        let text = "G. Edward Griffin won.";
        assert_eq!(joined(text, "Edward Griffin"), "G. Edward Griffin");
        let text = "They met Dr. J. R. Myers.";
        assert_eq!(joined(text, "R. Myers"), "J. R. Myers");
    }

    #[test]
    fn other_words_stay_out() {
        // After a capitalised word, two spaces apart, lower case, no dot.
        for (text, name) in [
            ("It was Plan B. John Smith said so.", "John"),
            ("activist J.  Myers spoke.", "Myers"),
            ("activist j. Myers spoke.", "Myers"),
            ("activist J Myers spoke.", "Myers"),
        ] {
            assert_eq!(joined(text, name), name, "{text}");
        }
    }
}
