//! Plain-text articles: optional front matter, then the title line, then the body.
//!
//! ```text
//! Date: 2026-01-28            <- optional `Key: value` block ended by a blank
//! Source: Levant Wire            line, or the same between `---` fences
//!
//! Syria's Sharaa meets Putin  <- first non-empty line: the title
//! MOSCOW - Syrian President   <- the rest: the body, dateline recognised
//! ```

use crate::article::Article;
use crate::date::parse_date;
use crate::{dateline, metadata_list, Parsed};

/// Front-matter keys we understand; a block using none of them is text, not metadata.
const KEYS: [&str; 14] = [
    "id",
    "title",
    "date",
    "published",
    "source",
    "publisher",
    "url",
    "link",
    "author",
    "byline",
    "section",
    "persons",
    "locations",
    "organizations",
];

/// Parses one text file. `Err` says why the file holds no article.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let (front, rest) = split_front_matter(text);
    let mut article = Article::default();
    let mut warnings = Vec::new();
    for (key, value) in front {
        apply(&mut article, &key, value, &mut warnings);
    }
    let mut lines = rest.lines().skip_while(|line| line.trim().is_empty());
    if article.title.is_empty() {
        article.title = lines.next().map(str::trim).unwrap_or_default().to_owned();
    }
    article.body = lines.collect::<Vec<_>>().join("\n").trim().to_owned();
    if article.title.is_empty() && article.body.is_empty() {
        return Err("no title or text".to_owned());
    }
    apply_dateline(&mut article);
    Ok(Parsed { article, warnings })
}

/// Uses the dateline, or a line holding only a date among the first lines,
/// for metadata the front matter did not give.
pub(crate) fn apply_dateline(article: &mut Article) {
    let first = article
        .body
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if let Some(found) = dateline::parse(first.trim_start()) {
        if article.date.is_none() {
            article.date = found.date;
        }
        if article.source.is_none() {
            article.source = found.agency;
        }
        if article.dateline.is_none() {
            article.dateline = Some(found.text);
        }
    }
    if article.date.is_none() {
        article.date = article
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
            .find_map(|line| dateline::explicit_date(line.trim()));
    }
}

fn apply(article: &mut Article, key: &str, value: String, warnings: &mut Vec<String>) {
    match key {
        "id" => article.id = Some(value),
        "title" => article.title = value,
        "date" | "published" => match parse_date(&value) {
            Some(secs) => article.date = Some(secs),
            None => warnings.push(format!(
                "date `{value}` is not a date we can read; left undated"
            )),
        },
        "source" | "publisher" => article.source = Some(value),
        "url" | "link" => article.url = Some(value),
        "author" | "byline" => article.author = Some(value),
        "section" => article.section = Some(value),
        "persons" => article.persons = Some(metadata_list(&value)),
        "locations" => article.locations = Some(metadata_list(&value)),
        "organizations" => article.organizations = Some(metadata_list(&value)),
        _ => {}
    }
}

/// Splits off front matter: `(lowercased key, value)` pairs and the remaining text.
fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let text = text.trim_start_matches(['\n', '\r']);
    if let Some(after) = text
        .strip_prefix("---")
        .filter(|a| a.starts_with(['\n', '\r']))
    {
        let after = after.trim_start_matches(['\n', '\r']);
        let (block, rest) = match find_line(after, "---") {
            Some((start, end)) => (&after[..start], &after[end..]),
            None => return (Vec::new(), text),
        };
        let pairs = block.lines().filter_map(key_value).collect();
        return (pairs, rest);
    }
    let block_end = text.find("\n\n").or_else(|| text.find("\r\n\r\n"));
    let Some(block_end) = block_end else {
        return (Vec::new(), text);
    };
    let block = &text[..block_end];
    let pairs: Option<Vec<_>> = block.lines().map(key_value).collect();
    match pairs {
        Some(pairs) if pairs.iter().any(|(k, _)| KEYS.contains(&k.as_str())) => {
            (pairs, &text[block_end..])
        }
        _ => (Vec::new(), text),
    }
}

/// Byte range of the first line equal to `marker` (trimmed).
fn find_line(text: &str, marker: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == marker {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn key_value(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let valid_key = !key.is_empty()
        && key.len() <= 30
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ' ');
    let value = value.trim().trim_matches('"');
    (valid_key && !value.is_empty()).then(|| (key.to_ascii_lowercase(), value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_body_and_dateline() {
        let a = parse("\nSyria’s Sharaa meets Putin\nMOSCOW - Talks.\nMore.\n")
            .unwrap()
            .article;
        assert_eq!(a.title, "Syria’s Sharaa meets Putin");
        assert_eq!(a.body, "MOSCOW - Talks.\nMore.");
        assert_eq!(a.dateline.as_deref(), Some("MOSCOW"));
        assert_eq!(a.date, None);
    }

    #[test]
    fn key_value_front_matter() {
        let text = "Date: 2026-01-28\nSource: Levant Wire\nPersons: Vladimir Putin; Ahmed al-Sharaa\n\nTitle\nBody";
        let a = parse(text).unwrap().article;
        assert_eq!(a.date, parse_date("2026-01-28"));
        assert_eq!(a.source.as_deref(), Some("Levant Wire"));
        assert_eq!(
            a.persons,
            Some(vec![
                "Vladimir Putin".to_owned(),
                "Ahmed al-Sharaa".to_owned()
            ])
        );
        assert_eq!((a.title.as_str(), a.body.as_str()), ("Title", "Body"));
    }

    #[test]
    fn yaml_style_front_matter() {
        let a = parse("---\ndate: \"2025-06-03\"\nurl: https://x.example/a\n---\nTitle\n\nBody")
            .unwrap()
            .article;
        assert_eq!(a.date, parse_date("2025-06-03"));
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.title, "Title");
    }

    #[test]
    fn a_title_with_a_colon_is_not_front_matter() {
        let a = parse("Syria: talks resume\n\nDAMASCUS - Talks resumed.")
            .unwrap()
            .article;
        assert_eq!(a.title, "Syria: talks resume");
    }

    #[test]
    fn date_and_agency_from_the_dateline() {
        let a = parse("Mahama wins\nACCRA, December 9, 2024 (Sahel Post) - Former")
            .unwrap()
            .article;
        assert_eq!(a.date, parse_date("2024-12-09"));
        assert_eq!(a.source.as_deref(), Some("Sahel Post"));
    }

    #[test]
    fn a_date_line_under_the_title() {
        let a = parse("Title\nJanuary 28, 2026\nText").unwrap().article;
        assert_eq!(a.date, parse_date("2026-01-28"));
    }

    #[test]
    fn empty_text_is_an_error_and_a_bad_date_a_warning() {
        assert!(parse("  \n\n ").is_err());
        let parsed = parse("Date: someday\nSource: X\n\nTitle\nBody").unwrap();
        assert_eq!(parsed.article.date, None);
        assert_eq!(parsed.warnings.len(), 1);
    }
}
