//! A space put between an e-mail address and a character of more than one
//! byte beside it, before feed-rs reads the feed.
//!
//! Why: feed-rs 3.0.0 splits a contact (`<author>`, `<dc:creator>`,
//! `<managingEditor>`, …) into name and address by cutting one byte before
//! or after the address it finds, which lands inside a character when the
//! one there is not ASCII (`<author>¬ana@news.example</author>`), and it
//! panics: the whole feed was lost. Found by the `read_xml` fuzz target.
//! With the space, the cut takes the space instead and the name is kept.
//! Where the character is written as a reference (`&#172;ana@…`), the `;`
//! (or `&` after the address) is what stands beside it in the file.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

/// feed-rs's own pattern for an address in a contact, so the spans agree.
const ADDRESS: &str =
    r"\b(<\[\()?(mailto:)?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})(>]\))?\b";

/// `text` with a space between every address and a non-ASCII character (or
/// a character reference) touching it.
pub(super) fn spaced(text: &str) -> Cow<'_, str> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| Regex::new(ADDRESS).expect("a valid pattern"));
    let mut out = String::new();
    let mut copied = 0;
    for found in pattern.find_iter(text) {
        let before = text[..found.start()].chars().next_back();
        let after = text[found.end()..].chars().next();
        let space_before = before.is_some_and(|c| !c.is_ascii() || c == ';');
        let space_after = after.is_some_and(|c| !c.is_ascii() || c == '&');
        if !space_before && !space_after {
            continue;
        }
        out.push_str(&text[copied..found.start()]);
        if space_before {
            out.push(' ');
        }
        out.push_str(found.as_str());
        if space_after {
            out.push(' ');
        }
        copied = found.end();
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_touching_wide_characters_get_a_space() {
        assert_eq!(spaced("\u{ac}ana@news.example"), "\u{ac} ana@news.example");
        assert_eq!(spaced("ana@news.example\u{ac}"), "ana@news.example \u{ac}");
        assert_eq!(spaced("&#172;ana@news.example"), "&#172; ana@news.example");
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        for text in [
            "ana@news.example (Ana Ruiz)",
            "Ana Ruiz <ana@news.example>",
            "José Álvarez",
            "",
        ] {
            assert!(
                matches!(spaced(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }
}
