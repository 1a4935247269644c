//! Two names side by side after a person's title, which the tagger cut
//! apart: "Rep. Alexandria Ocasio-Cortez" came out as the places
//! Alexandria and "Ocasio-Cortez", "Mayor London Breed" as a place and a
//! person. Joined into one person span before they are mentions (see
//! `joins`). A name after an abbreviated title that only people bear
//! ("Rep.", "Gov.", "Dr.") is a person whatever the tagger took it for.

use super::joins::{one_space_apart, word_at};
use super::labels::PER;
use super::tagger::Span;
use super::tokenize::Token;

/// Titles that stand right before a person's name, lowercase without
/// their dot: not the words that may also come before a place or a party
/// ("Former Colorado Democratic Gov.", "State", "Deputy").
#[rustfmt::skip]
const NAME_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "president", "chancellor",
    "premier", "king", "queen", "prince", "princess", "pope", "sheikh", "general", "gen", "lt",
    "col", "colonel", "captain", "capt", "admiral", "sgt", "sergeant", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "judge",
    "justice", "ambassador", "chairman", "chairwoman", "commissioner", "sheriff", "detective",
    "councillor", "councilman", "councilwoman", "assemblyman", "assemblywoman",
];

/// Joins two one-word spans side by side after a person's title into one
/// person: "Rep. Alexandria Ocasio-Cortez" came out of the tagger as the
/// places Alexandria and "Ocasio-Cortez", "Mayor London Breed" as a place
/// and a person.
pub(crate) fn join_names_after_titles(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let mut i = 1;
    while i < spans.len() {
        let ((_, s, m), (_, b, e)) = (spans[i - 1], spans[i]);
        // On one line: a headline's last word is no title of the next.
        let pair = m == s + 1
            && b == m
            && e == b + 1
            && one_space_apart(tokens, m - 1, m)
            && !tokens[s].line_start
            && !tokens[m].line_start;
        if pair && one_space_apart(tokens, s - 1, s) && titled_before(text, tokens, s) {
            spans[i - 1] = (PER, s, e);
            spans.remove(i);
        } else {
            i += 1;
        }
    }
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        if ty != PER && e - s <= 3 && after_a_dotted_title(text, tokens, s) {
            spans[i].0 = PER;
        }
        // "Judge April Perry": the tagger reads the month as a date.
        let free = i == 0 || spans[i - 1].2 < s;
        if ty == PER && free && s >= 2 && month_given_name_after_title(text, tokens, s - 1) {
            spans[i].1 = s - 1;
        }
    }
}

/// Months that are also given names.
const MONTH_NAMES: &[&str] = &["April", "May", "June"];

/// Whether token `g` is one of [`MONTH_NAMES`], one space before the next
/// token and after one of [`NAME_TITLES`] on its line.
fn month_given_name_after_title(text: &str, tokens: &[Token], g: usize) -> bool {
    MONTH_NAMES.contains(&word_at(text, tokens, g))
        && one_space_apart(tokens, g, g + 1)
        && one_space_apart(tokens, g - 1, g)
        && !tokens[g].line_start
        && titled_before(text, tokens, g)
}

/// Whether one of [`NAME_TITLES`], capitalised, stands right before token
/// `s`, with or without its dot ("Rep." may be two tokens).
fn titled_before(text: &str, tokens: &[Token], s: usize) -> bool {
    let title_at = match s.checked_sub(1) {
        Some(t) if word_at(text, tokens, t) == "." => t.checked_sub(1),
        t => t,
    };
    title_at.is_some_and(|t| {
        let title = word_at(text, tokens, t).trim_end_matches('.');
        title.starts_with(char::is_uppercase)
            && NAME_TITLES.iter().any(|n| n.eq_ignore_ascii_case(title))
    })
}

/// Titles whose abbreviation, dot and all, stands only before a person's
/// name ("Rep. Alexandria Ocasio-Cortez", which the tagger read as one
/// organization): no body's name starts so.
const DOTTED_TITLES: &[&str] = &[
    "Rep", "Sen", "Gov", "Mr", "Mrs", "Ms", "Dr", "Lt", "Col", "Capt", "Sgt", "Prof",
];

/// Whether the text before token `s` is one of [`DOTTED_TITLES`] and its
/// dot (one token or two), on the same line, one space before it.
fn after_a_dotted_title(text: &str, tokens: &[Token], s: usize) -> bool {
    let before = &text[..tokens[s].start];
    // "Rep." read as one token, or "Rep" and "." as two.
    let Some(abbreviation) = before.strip_suffix(". ") else {
        return false;
    };
    let title = abbreviation.rsplit([' ', '\n']).next().unwrap_or_default();
    !tokens[s].line_start && DOTTED_TITLES.contains(&title)
}
