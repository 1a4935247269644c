//! Names of works and vessels the text announces: "the film Argo", "the
//! ship Namse Bangdzod", "MV Alan Kurdi". Such a name is no person, place
//! or organization anywhere in the article (see `context::cues`).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::cue_words::WORK_NOUNS;
use super::HashSet;

/// Every name written right after a work or vessel noun in `text` ("ship
/// Namse Bangdzod", "MV Alan Kurdi"): the capitalised words that follow,
/// up to punctuation, whole (so "MV Alan Kurdi" names no "Alan"). One
/// automaton pass over the text, however many names the article has.
pub(super) fn names_after_work_nouns(text: &str) -> HashSet<&str> {
    static NOUNS: OnceLock<AhoCorasick> = OnceLock::new();
    let nouns = NOUNS.get_or_init(|| {
        // "film " and "Film "; the vessel prefixes in capitals only ("MV "),
        // since "ss " ends half the words of English.
        let patterns: Vec<String> = WORK_NOUNS
            .words()
            .iter()
            .flat_map(|w| {
                if is_vessel_prefix(&w.to_uppercase()) {
                    vec![format!("{} ", w.to_uppercase())]
                } else {
                    let mut cap = w.to_string();
                    cap[..1].make_ascii_uppercase();
                    vec![format!("{w} "), format!("{cap} ")]
                }
            })
            .collect();
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            .expect("fixed patterns build")
    });
    let mut out = HashSet::default();
    for found in nouns.find_iter(text) {
        let word_start = !text[..found.start()].ends_with(char::is_alphanumeric);
        let rest = &text[found.end()..];
        if word_start && rest.starts_with(char::is_uppercase) {
            out.insert(capitalised_run(rest));
        }
    }
    out
}

/// The capitalised words `s` starts with, up to the first word that is not
/// capitalised or ends with punctuation (kept out).
fn capitalised_run(s: &str) -> &str {
    let mut end = 0;
    for word in s.split(' ') {
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        // A line break ends the name too ("ship Namse Bangdzod\nIn late").
        let line = word.split(char::is_whitespace).next().unwrap_or_default();
        let bare = line.trim_end_matches(|c: char| !c.is_alphanumeric());
        end += bare.len();
        if bare.len() != word.len() {
            break;
        }
        end += 1;
    }
    // The space counted after a name that ends the text is not there.
    s[..end.min(s.len())].trim_end()
}

/// "MV", "USS", "HMS" written inside the mention ("MV Namse Bangdzod",
/// "U.S.S. Grayback").
pub(super) fn is_vessel_prefix(word: &str) -> bool {
    matches!(
        word,
        "MV" | "USS" | "HMS" | "RV" | "SS" | "M.V." | "U.S.S." | "H.M.S."
    )
}

#[cfg(test)]
mod tests {
    use super::capitalised_run;

    #[test]
    fn a_run_ends_at_a_lowercase_word_punctuation_or_the_text_end() {
        assert_eq!(capitalised_run("Namse Bangdzod sailed"), "Namse Bangdzod");
        assert_eq!(capitalised_run("Argo, a film"), "Argo");
        assert_eq!(capitalised_run("Bancshares Inc"), "Bancshares Inc");
    }
}
