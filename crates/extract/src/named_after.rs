//! Names given after a person that the tagger cuts after the person's
//! name: "Walter Reed" and "National Military Medical Center", "Rory
//! Peck" and "Awards", "John F. Kennedy" and "Center for the Performing
//! Arts". The tagger, trained on 1996 newswire, reads the person and
//! leaves the rest to a body of its own or to no name; the article names
//! a hospital, an award, a centre, and no person. The person span and the
//! capitalised words after it, up to a word that says what the name is,
//! become one span of that kind (a body, a place or, for awards, no
//! kind); where the tagger went on past that word ("Center" + "for the
//! Performing Arts"), the joined span ends where its span ends.
//!
//! Not in a Title Case headline ("Trump Visits Walter Reed Hospital"),
//! where capitals join nothing.

use super::joins::{one_space_apart, replace_spans, word_at};
use super::labels::{LOC, MISC, ORG, PER};
use super::subjects::subject_end;
use super::tagger::Span;
use super::tokenize::Token;

/// Words that end names given after a person, with the kind of the name.
/// Bodies (hospitals and colleges are bodies by the guideline), places
/// (buildings and roads named as locations) and, of no kind, awards.
#[rustfmt::skip]
const HEADS: &[(&str, u8)] = &[
    ("Center", ORG), ("Centre", ORG), ("Hospital", ORG), ("Foundation", ORG),
    ("Institute", ORG), ("Trust", ORG), ("Fund", ORG), ("Library", ORG), ("Museum", ORG),
    ("School", ORG), ("University", ORG), ("College", ORG), ("Academy", ORG),
    ("Society", ORG), ("Clinic", ORG),
    ("Airport", LOC), ("Stadium", LOC), ("Arena", LOC), ("Bridge", LOC), ("Tunnel", LOC),
    ("Highway", LOC), ("Boulevard", LOC), ("Memorial", LOC),
    ("Award", MISC), ("Awards", MISC), ("Prize", MISC), ("Prizes", MISC), ("Medal", MISC),
    ("Trophy", MISC), ("Lecture", MISC),
];

/// Capitalised words at most between the person and the head
/// ("National Military Medical").
const MAX_BETWEEN: usize = 4;

/// Joins each person span, the capitalised words after it and the
/// [`HEADS`] word that ends them into one span of the head's kind (see
/// the module doc).
pub(crate) fn join_names_after_persons(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let (ty, s, e) = spans[i];
        i += 1;
        if ty != PER {
            continue;
        }
        let Some((head, kind)) = head_after(text, tokens, e) else {
            continue;
        };
        if in_title_case_line(text, tokens, s) {
            continue;
        }
        // A span the tagger began inside the name may run past its head,
        // and a subject after "of" ends it ("School of Business").
        let end = spans
            .iter()
            .filter(|&&(_, a, b)| (e..=head).contains(&a) && b > head)
            .map(|&(_, _, b)| b)
            .max()
            .unwrap_or(head + 1)
            .max(subject_after_of(text, tokens, head + 1));
        replace_spans(spans, kind, s, end);
        i = spans.partition_point(|&(_, a, _)| a <= s);
    }
}

/// The token index and kind of the [`HEADS`] word that ends the
/// capitalised words from token `e` on, one space apart on one line.
fn head_after(text: &str, tokens: &[Token], e: usize) -> Option<(usize, u8)> {
    for k in e..(e + MAX_BETWEEN + 1).min(tokens.len()) {
        let word = word_at(text, tokens, k);
        if k == 0 || tokens[k].line_start || !one_space_apart(tokens, k - 1, k) {
            return None;
        }
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        if let Some(&(_, kind)) = HEADS.iter().find(|(h, _)| *h == word) {
            return Some((k, kind));
        }
    }
    None
}

/// Where a subject after "of" at token `k` ends ("of Business", "of
/// Technology"; [`subject_end`]), all one space apart on one line; `k`
/// when there is none.
fn subject_after_of(text: &str, tokens: &[Token], k: usize) -> usize {
    if k >= tokens.len() || word_at(text, tokens, k) != "of" {
        return k;
    }
    let (end, _) = subject_end(text, tokens, k + 1);
    let joined = (k..end).all(|j| !tokens[j].line_start && one_space_apart(tokens, j - 1, j));
    if end > k + 1 && joined {
        end
    } else {
        k
    }
}

/// Whether token `i`'s line is in Title Case: no word of four letters or
/// more in lowercase.
fn in_title_case_line(text: &str, tokens: &[Token], i: usize) -> bool {
    let start = (0..=i).rev().find(|&k| tokens[k].line_start).unwrap_or(0);
    let end = (i + 1..tokens.len())
        .find(|&k| tokens[k].line_start)
        .unwrap_or(tokens.len());
    !(start..end).any(|k| {
        let word = word_at(text, tokens, k);
        word.chars().count() >= 4
            && word.chars().all(char::is_alphabetic)
            && word.starts_with(char::is_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use crate::joins::tests::mended;
    use crate::labels::{LOC, MISC, ORG, PER};

    #[test]
    fn a_body_or_award_named_after_a_person_is_one_name() {
        let text = "A helicopter flew him to Walter Reed National Military Medical \
                    Center on Friday. He was a Rory Peck Awards finalist. She spoke at \
                    the Edwin L. Cox School of Business and the John F. Kennedy Center \
                    for the Performing Arts, then flew from John Wayne Airport.";
        let tagged = [
            (PER, "Walter Reed"),
            (ORG, "Military Medical Center"),
            (PER, "Rory Peck"),
            (PER, "Edwin L. Cox"),
            (PER, "John F. Kennedy"),
            (ORG, "Center for the Performing Arts"),
            (PER, "John Wayne"),
        ];
        let names = [
            (ORG, "Walter Reed National Military Medical Center"),
            (MISC, "Rory Peck Awards"),
            (ORG, "Edwin L. Cox School of Business"),
            (ORG, "John F. Kennedy Center for the Performing Arts"),
            (LOC, "John Wayne Airport"),
        ];
        let want: Vec<_> = names.iter().map(|&(t, n)| (t, n.to_string())).collect();
        assert_eq!(mended(text, &tagged), want);
    }

    #[test]
    fn a_person_before_other_capitalised_words_stays_a_person() {
        for (text, tagged) in [
            // A Title Case headline: capitals join nothing.
            (
                "Trump Visits Walter Reed Hospital",
                [(PER, "Trump"), (LOC, "Walter Reed Hospital")],
            ),
            // No head word after the name.
            (
                "They said Joe Biden Tuesday met the University staff.",
                [(PER, "Joe Biden"), (ORG, "University")],
            ),
        ] {
            let want: Vec<_> = tagged.iter().map(|&(t, n)| (t, n.to_string())).collect();
            assert_eq!(mended(text, &tagged), want, "{text}");
        }
    }
}
