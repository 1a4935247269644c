//! Characters that show nothing in a word, removed from what readers hand
//! over: the soft hyphen (U+00AD) that web pages put inside long words
//! for line breaking ("Vladi­mir Putin", "Netan­yahu" in The Washington
//! Post's pages), the word joiner (U+2060) and the zero-width no-break
//! space (U+FEFF, a byte-order mark inside text). Left in, they split the
//! word for search (`Vladimir` would not find it) and for extraction.
//!
//! Zero-width spaces (U+200B) are kept: they separate words in Thai and
//! Khmer; and so are the zero-width joiners (U+200C, U+200D), which
//! Persian, Indic scripts and emoji need.

use crate::Article;

/// Whether `c` is one of the characters removed.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{2060}' | '\u{feff}')
}

/// Removes the invisible characters from `text`, in place; cheap when it
/// has none.
fn remove_from(text: &mut String) {
    if text.contains(is_invisible) {
        text.retain(|c| !is_invisible(c));
    }
}

/// Removes the invisible characters from the article's text fields.
pub(crate) fn remove(article: &mut Article) {
    article.text_fields_mut().for_each(remove_from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_word_joiners_and_byte_order_marks_go() {
        let mut article = Article {
            title: "Netan\u{ad}yahu wins".into(),
            body: "Vladi\u{ad}mir Putin\u{2060} said\u{feff}.\nกิน\u{200b}ข้าว Mi\u{200d}x".into(),
            author: Some("Anne\u{ad} Gearan".into()),
            ..Article::default()
        };
        remove(&mut article);
        assert_eq!(article.title, "Netanyahu wins");
        // The zero-width space between Thai words and the joiner stay.
        assert_eq!(
            article.body,
            "Vladimir Putin said.\nกิน\u{200b}ข้าว Mi\u{200d}x"
        );
        assert_eq!(article.author.as_deref(), Some("Anne Gearan"));
    }
}
