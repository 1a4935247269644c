//! Names inside the titles of works: "The Man Who Knew Too Much", "The
//! Time of Your Life", "Once Upon a Time", which a tagger trained on 1996
//! newswire reads as a place, an organization and a place ("Time"). The
//! guideline leaves works and the names inside their titles out of the
//! facets.
//!
//! A title shows itself by a pronoun, a wh-word or a form of "be" written
//! with a capital in mid-sentence ("Who", "Your", "Upon", "Is"): names
//! never have one, titles of films, books and songs often do. Only
//! where the line is written as prose: in a headline set in title case
//! ("Putin Is Ready for Talks") every word has its capital.

use super::joins::{one_space_apart, word_at};
use super::labels::MISC;
use super::tagger::Span;
use super::tokenize::Token;

/// Whether `word`, capitalised inside a run of capitalised words, makes it
/// the title of a work. Exact case: "WHO" is the World Health
/// Organization. "I" is left out ("World War I", "Elizabeth I"), and so
/// are "This" and "It" ("Kamloops This Week" is a newspaper), "Me" (the
/// wires' Maine) and "Am" ("Pan Am").
fn is_work_word(word: &str) -> bool {
    matches!(
        word,
        "Who"
            | "What"
            | "Where"
            | "When"
            | "Why"
            | "You"
            | "Your"
            | "Yours"
            | "My"
            | "We"
            | "Our"
            | "Us"
            | "Upon"
            | "Too"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Be"
            | "Been"
            | "Can't"
            | "Don't"
            | "Won't"
    )
}

/// Small words a title keeps in lower case between its capitalised ones
/// ("Once Upon a Time", "The Time of Your Life").
const TITLE_LINKS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at",
];

/// Makes each span inside the title of a work a span of no kind.
pub(crate) fn drop_names_in_work_titles(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for span in spans.iter_mut() {
        let (ty, s, e) = *span;
        if ty == MISC {
            continue;
        }
        let titled = capitalised_run(text, tokens, s, e)
            .any(|t| is_work_word(word_at(text, tokens, t)) && !opens_sentence(text, tokens, t));
        if titled && !in_title_case_line(text, tokens, s) {
            span.0 = MISC;
        }
    }
}

/// The tokens of the run of capitalised words, and the small words
/// between them, that holds tokens `s..e`.
fn capitalised_run(text: &str, tokens: &[Token], s: usize, e: usize) -> std::ops::Range<usize> {
    let word = |i: usize| word_at(text, tokens, i);
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    let joined = |a: usize, b: usize| one_space_apart(tokens, a, b) && !tokens[b].line_start;
    let mut start = s;
    while start > 0 && joined(start - 1, start) {
        let before = start - 1;
        if capitalised(before) {
            start = before;
        } else if before > 0
            && TITLE_LINKS.contains(&word(before))
            && joined(before - 1, before)
            && capitalised(before - 1)
        {
            start = before - 1;
        } else {
            break;
        }
    }
    let mut end = e;
    while end < tokens.len() && joined(end - 1, end) {
        if capitalised(end) {
            end += 1;
        } else if TITLE_LINKS.contains(&word(end))
            && end + 1 < tokens.len()
            && joined(end, end + 1)
            && capitalised(end + 1)
        {
            end += 2;
        } else {
            break;
        }
    }
    start..end
}

/// Whether token `t` may open a sentence (or a line, or a quotation),
/// where any word has a capital: after an abbreviation too ("sold by
/// Scovill Inc of the U.S. Was spread", as the wire wrote it).
fn opens_sentence(text: &str, tokens: &[Token], t: usize) -> bool {
    if t == 0 || tokens[t].line_start {
        return true;
    }
    let before = word_at(text, tokens, t - 1);
    before.ends_with('.')
        || matches!(
            before,
            "!" | "?" | ":" | ";" | "\"" | "“" | "(" | ")" | "—" | "-"
        )
}

/// Whether the line of token `t` has no lower-case word of four letters or
/// more: a headline in title case.
fn in_title_case_line(text: &str, tokens: &[Token], t: usize) -> bool {
    let start = (0..=t).rev().find(|&i| tokens[i].line_start).unwrap_or(0);
    !tokens[start..]
        .iter()
        .enumerate()
        .take_while(|&(k, tok)| k == 0 || !tok.line_start)
        .any(|(_, tok)| {
            let w = tok.text(text);
            w.chars().count() >= 4 && w.chars().all(char::is_lowercase)
        })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn names_in_titles_of_works_are_no_entities() {
        let text = "She starred in The Man Who Knew Too Much and wrote the memoirs Once Upon \
                    a Time and Black Knight. She performed in The Time of Your \
                    Life in 1955 in London.";
        let x = Extractor::bundled().extract(text);
        assert_eq!(x.locations, ["London"], "{:?}", x.mentions);
        assert!(x.organizations.is_empty(), "{:?}", x.mentions);
    }

    #[test]
    fn a_headline_in_title_case_keeps_its_names() {
        let x = Extractor::bundled().extract("Putin Is Ready for Talks in Moscow\nHe said so.");
        assert!(
            x.locations.contains(&"Moscow".to_string()),
            "{:?}",
            x.mentions
        );
    }
}
