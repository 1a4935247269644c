//! Size limits on what one article may bring in, and the checks every reader's
//! output goes through before it is indexed.
//!
//! Hostile or broken dumps hold lines of hundreds of megabytes, bodies of
//! millions of characters and ids longer than any index term. Past these
//! limits an input is either refused with a problem (a line or file too large
//! to hold in memory) or cut down with a warning (a field too long to be
//! useful), so memory stays bounded and every other article is still indexed.
//!
//! | what | limit | past it |
//! |---|---|---|
//! | one JSON Lines line, one `.txt` file | [`MAX_RECORD_BYTES`] (64 MiB) | skipped unread, an error |
//! | one `.json` file | [`MAX_DOCUMENT_BYTES`] (256 MiB) | skipped unread, an error |
//! | body | [`MAX_BODY_BYTES`] (1 MiB of UTF-8) | indexed up to the limit, a warning |
//! | title | [`MAX_TITLE_BYTES`] (4 KiB) | indexed up to the limit, a warning |
//! | dateline, source, section, author | [`MAX_FIELD_BYTES`] (1 KiB) | cut to the limit, a warning |
//! | id, url | [`MAX_ID_BYTES`] (512 bytes) | a longer id is replaced by a hash of it, a warning |

use xxhash_rust::xxh3::xxh3_128;

use crate::Parsed;

/// Longest JSON Lines line or `.txt` file read: one article never needs more,
/// and a longer one is passed over without being held in memory.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// Largest `.json` file read (it is parsed whole); bigger dumps belong in JSON Lines.
pub const MAX_DOCUMENT_BYTES: usize = 256 << 20;

/// Longest body indexed, in bytes of UTF-8; the rest is dropped with a warning.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Longest title indexed, in bytes of UTF-8.
pub const MAX_TITLE_BYTES: usize = 4 << 10;

/// Longest dateline, source, section or author kept, in bytes of UTF-8: they
/// are facet and filter values, indexed as single terms.
pub const MAX_FIELD_BYTES: usize = 1 << 10;

/// Longest id or URL used as it is: the id is one index term, and deletes by
/// id need it whole, so a longer one is replaced by a stable hash of it.
pub const MAX_ID_BYTES: usize = 512;

/// Enforces the field limits on a parsed article and warns about what is
/// missing or cut, once its text is repaired where UTF-8 was read as
/// Windows-1252 ([`crate::mojibake`]) and the characters that show nothing
/// are gone ([`crate::invisible`]). The article is always kept.
pub fn enforce(parsed: &mut Parsed) {
    let Parsed { article, warnings } = parsed;
    crate::mojibake::repair(article);
    crate::invisible::remove(article);
    if article.title.is_empty() {
        warnings.push("no title".to_owned());
    }
    if article.body.is_empty() {
        warnings.push("no body text".to_owned());
    }
    cut("body", &mut article.body, MAX_BODY_BYTES, warnings);
    cut("title", &mut article.title, MAX_TITLE_BYTES, warnings);
    let fields = [
        ("dateline", &mut article.dateline),
        ("source", &mut article.source),
        ("section", &mut article.section),
        ("author", &mut article.author),
    ];
    for (name, field) in fields {
        if let Some(value) = field {
            cut(name, value, MAX_FIELD_BYTES, warnings);
        }
    }
    for (name, field) in [("id", &mut article.id), ("url", &mut article.url)] {
        if let Some(value) = field.as_mut().filter(|v| v.len() > MAX_ID_BYTES) {
            warnings.push(format!(
                "{name} of {} bytes is longer than {MAX_ID_BYTES}; a hash of it is used",
                value.len()
            ));
            *value = format!("long-{name}-{:032x}", xxh3_128(value.as_bytes()));
        }
    }
}

/// Cuts `text` to at most `max` bytes, at a character boundary, with a warning.
fn cut(name: &str, text: &mut String, max: usize, warnings: &mut Vec<String>) {
    if text.len() <= max {
        return;
    }
    warnings.push(format!(
        "{name} of {} bytes cut to the first {max}",
        text.len()
    ));
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn parsed(article: Article) -> Parsed {
        Parsed {
            article,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn long_fields_are_cut_at_a_character_boundary() {
        let mut p = parsed(Article {
            title: "T".into(),
            body: "é".repeat(MAX_BODY_BYTES),
            source: Some("S".repeat(MAX_FIELD_BYTES + 1)),
            ..Article::default()
        });
        enforce(&mut p);
        assert_eq!(p.article.body.len(), MAX_BODY_BYTES);
        assert!(p.article.body.chars().all(|c| c == 'é'));
        assert_eq!(p.article.source.unwrap().len(), MAX_FIELD_BYTES);
        assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
        assert!(p.warnings[0].starts_with("body of 2097152 bytes"));
    }

    #[test]
    fn long_ids_become_stable_hashes() {
        let article = Article {
            id: Some("x".repeat(10_000)),
            title: "T".into(),
            body: "B".into(),
            ..Article::default()
        };
        let mut a = parsed(article.clone());
        let mut b = parsed(article);
        enforce(&mut a);
        enforce(&mut b);
        assert_eq!(a.article.id, b.article.id);
        assert!(a.article.id.unwrap().starts_with("long-id-"));
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn text_is_repaired_and_cleaned_before_the_limits() {
        let mut p = parsed(Article {
            title: "JosÃ© Ortega wins".into(),
            body: "Vladi\u{ad}mir said: â€œnoâ€\u{9d}.".into(),
            ..Article::default()
        });
        enforce(&mut p);
        assert_eq!(p.article.title, "José Ortega wins");
        assert_eq!(p.article.body, "Vladimir said: “no”.");
    }

    #[test]
    fn missing_title_or_body_is_a_warning() {
        let mut p = parsed(Article {
            title: "Only a title".into(),
            ..Article::default()
        });
        enforce(&mut p);
        assert_eq!(p.warnings, ["no body text"]);
        let mut p = parsed(Article {
            body: "Only a body".into(),
            ..Article::default()
        });
        enforce(&mut p);
        assert_eq!(p.warnings, ["no title"]);
    }
}
