//! Person names with a nickname in quotes inside them: `Pasquale "Pat" Di
//! Cicco`, `Joaquín "El Chapo" Guzmán`. A tagger cuts them at the quotes
//! (or misses the given name before them); here they are joined back into
//! one person span, and cleaning drops the quoted nickname from the name.

use super::joins::{one_space_apart, replace_spans, word_at};
use super::labels::PER;
use super::tagger::Span;
use super::tokenize::Token;

/// Quotes that open a nickname, paired by position with
/// [`CLOSING_QUOTES`].
pub(crate) const OPENING_QUOTES: &[char] = &['"', '“', '‘', '\''];

/// Quotes that close a nickname.
pub(crate) const CLOSING_QUOTES: &[char] = &['"', '”', '’', '\''];

/// Words a nickname may have.
const MAX_NICKNAME_WORDS: usize = 3;

/// Joins `<given name> "<nickname>" <surname>` into one person span, in
/// place of the spans it overlaps: the words on both sides of the quotes
/// must be capitalised and written one space from them; the word before
/// must be in a person span or read as a given name (`is_name`), and the
/// word after must be in a person span.
pub(crate) fn join_nicknamed_names(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    is_name: impl Fn(&str) -> bool,
) {
    let word = |i: usize| word_at(text, tokens, i);
    let adjacent = |a: usize, b: usize| one_space_apart(tokens, a, b);
    let one_char = |i: usize| {
        let mut chars = word(i).chars();
        chars.next().filter(|_| chars.next().is_none())
    };
    let touching = |a: usize, b: usize| tokens[a].end == tokens[b].start;
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    let person_at = |spans: &[Span], i: usize| {
        spans
            .iter()
            .position(|&(ty, s, e)| ty == PER && s <= i && i < e)
    };
    let bytes = text.as_bytes();
    let mut k = 1;
    while k + 3 < tokens.len() {
        // Most tokens are no quote: their first byte says so (0xE2 leads
        // the curly quotes).
        if !matches!(bytes[tokens[k].start], b'"' | b'\'' | 0xE2) {
            k += 1;
            continue;
        }
        let Some(close) = one_char(k)
            .and_then(|c| OPENING_QUOTES.iter().position(|&open| open == c))
            .map(|at| CLOSING_QUOTES[at])
        else {
            k += 1;
            continue;
        };
        // The nickname: capitalised words right inside the quotes.
        let Some(q) = (k + 2..=k + 1 + MAX_NICKNAME_WORDS).find(|&q| one_char(q) == Some(close))
        else {
            k += 1;
            continue;
        };
        let (before, after) = (k - 1, q + 1);
        let shaped = after < tokens.len()
            && capitalised(before)
            && capitalised(k + 1)
            && capitalised(after)
            && adjacent(before, k)
            && touching(k, k + 1)
            && touching(q - 1, q)
            && adjacent(q, after);
        let left = person_at(spans, before);
        let right = person_at(spans, after);
        if !shaped || right.is_none() || (left.is_none() && !is_name(word(before))) {
            k += 1;
            continue;
        }
        let start = left.map_or(before, |i| spans[i].1);
        let end = right.map_or(after + 1, |i| spans[i].2);
        replace_spans(spans, PER, start, end);
        k = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_nickname_in_quotes_is_no_part_of_the_name() {
        let text = "Gloria Vanderbilt was married to talent agent Pasquale \"Pat\" Di Cicco; \
                    conductor Leopold Stokowski. Joaquín \"El Chapo\" Guzmán was jailed. \
                    Trump \"Wrong\" Says Court.";
        let x = Extractor::bundled().extract(text);
        assert_eq!(
            x.persons[..4],
            [
                "Gloria Vanderbilt",
                "Pasquale Di Cicco",
                "Leopold Stokowski",
                "Joaquín Guzmán"
            ],
            "{:?}",
            x.mentions
        );
        // A quoted word between a name and a word of no person is no
        // nickname.
        assert!(
            !x.mentions.iter().any(|m| m.text.contains("Wrong")),
            "{:?}",
            x.mentions
        );
    }
}
