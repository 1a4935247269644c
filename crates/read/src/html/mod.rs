//! Web pages (`.html`, `.htm`): one article per page.
//!
//! The main text is found by [`dom_smoothie`], a Rust port of Mozilla's
//! Readability.js (Firefox's Reader View); docs/formats.md says how it was
//! chosen over the other extractors and what it scores. Metadata comes from
//! the page's structured data first ([`meta`]), then from what the extractor
//! found. Charsets are sniffed as [`charset`] says.
//!
//! A page that is not an article (a section front, a tag page, a search
//! result, an empty shell that needs JavaScript) is refused with the reason,
//! and nothing of it is indexed.
//!
//! [`main_text`] and [`clean_fragment`] give the same cleaning to other
//! readers (feeds carry HTML in their content).

pub mod charset;
pub mod meta;
mod strip;
#[cfg(test)]
pub(crate) mod tests;
mod text;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::article::Article;
use crate::date::parse_date;
use crate::{language, Parsed};

pub use text::clean_fragment;

/// The largest page read, in bytes. A parsed page takes several times its
/// size in memory on each worker; a news article is well under 1 MiB, and a
/// page past this is a dump or an attack, refused whole with a problem.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// Main text shorter than this many words is not an article: a section
/// front, a gallery, an error page or a shell filled in by JavaScript.
const MIN_WORDS: usize = 25;

/// Main text where more than this share of the words are link text is a
/// list of links (a tag page, search results), not an article.
const MAX_LINK_SHARE: f64 = 0.5;

/// Bytes at the start of a page looked at to tell a binary file.
const SNIFF_BYTES: usize = 8 << 10;

/// What the page's transport said about it: for a page from a web archive,
/// its URL and the charset of its `Content-Type` header.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The URL the page was fetched from.
    pub url: Option<&'a str>,
    /// The charset the server declared.
    pub charset: Option<&'a str>,
}

/// Reads one page. `Err` says why it holds no article; the page is then
/// skipped.
pub fn parse(bytes: &[u8], context: Context<'_>) -> Result<Parsed, String> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if encoding_rs::Encoding::for_bom(head).is_none() && crate::charset::is_binary(head) {
        return Err("binary file, not a web page".to_owned());
    }
    let decoded = charset::decode(bytes, context.charset);
    if decoded.text.trim().is_empty() {
        return Err("empty file".to_owned());
    }
    let mut warnings = Vec::new();
    if decoded.source == charset::Source::Detected {
        warnings.push(format!(
            "no charset declared; read as {}, which the bytes look like",
            decoded.encoding.name()
        ));
    }
    let doc = Document::from(strip::without_code(&decoded.text).as_ref());
    let meta = meta::read(&doc);
    let found = extract(doc, context.url)?;
    let words = word_count(&found.text);
    if words < MIN_WORDS {
        return Err(format!(
            "not an article: {words} words of main text (a section front, a list or a page built by JavaScript)"
        ));
    }
    if found.link_share > MAX_LINK_SHARE {
        return Err(format!(
            "not an article: {:.0}% of its main text is links (a tag page, an index or search results)",
            found.link_share * 100.0
        ));
    }
    let article = article(found, meta, context.url, &mut warnings)?;
    Ok(Parsed { article, warnings })
}

/// What the extractor found.
struct Found {
    title: String,
    text: String,
    link_share: f64,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    language: Option<String>,
}

fn extract(doc: Document, url: Option<&str>) -> Result<Found, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // A URL the extractor would refuse (not absolute) only resolves links.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::with_document(doc, url, Some(config.clone()))
        .or_else(|_| Readability::with_document(Document::default(), None, Some(config)))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let found = readability
        .parse()
        .map_err(|_| "not an article: no main text found".to_owned())?;
    let text = text::lines(&found.text_content);
    let link_share = text::link_share(&found.content, &text);
    Ok(Found {
        title: found.title,
        text,
        link_share,
        byline: found.byline,
        published: found.published_time,
        site: found.site_name,
        language: found.lang,
    })
}

fn article(
    found: Found,
    meta: meta::Meta,
    url: Option<&str>,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let title = Some(found.title)
        .filter(|t| !t.trim().is_empty())
        .or(meta.title)
        .map(|t| t.trim().to_owned())
        .ok_or("not an article: no title")?;
    // A structured list of authors first; else the extractor's byline, which
    // weighs meta tags and the page's byline as Readability does; else what
    // the meta tags and markup say.
    let byline = found
        .byline
        .as_deref()
        .map(byline_names)
        .unwrap_or_default();
    let authors = if meta.authors_listed || byline.is_empty() {
        meta.authors
    } else {
        byline
    };
    let written = meta.published.or(found.published);
    let date = written.as_deref().and_then(parse_date);
    if let (None, Some(written)) = (date, &written) {
        warnings.push(format!(
            "date `{written}` is not a date we can read; left undated"
        ));
    }
    let language = meta
        .language
        .or(found.language)
        .as_deref()
        .and_then(language::from_tag)
        .or_else(|| language::detect(&found.text));
    Ok(Article {
        title,
        body: found.text,
        date,
        source: meta.site.or(found.site),
        // The page's own canonical URL first: a crawl's URL may carry
        // tracking parameters, and the page then reads the same from a file.
        url: meta.url.or(url.map(str::to_owned)),
        section: meta.section,
        author: (!authors.is_empty()).then(|| authors.join("; ")),
        language,
        ..Article::default()
    })
}

/// Words in a text, counting each character of the scripts written without
/// spaces (Chinese, Japanese) as a word.
fn word_count(text: &str) -> usize {
    let unspaced =
        |c: char| matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xf900..=0xfaff);
    text.split_whitespace()
        .map(
            |token| match token.chars().filter(|c| unspaced(*c)).count() {
                0 => 1,
                n => n,
            },
        )
        .sum()
}

/// Names in a byline as printed: `By Ana Ruiz and Bo Li` gives both.
fn byline_names(byline: &str) -> Vec<String> {
    let byline = byline.trim();
    let byline = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| byline.strip_prefix(p))
        .unwrap_or(byline);
    byline
        .split([',', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The main text of a whole page as a reader sees it, paragraphs on lines
/// of their own; empty when the page has none.
pub fn main_text(html: &str) -> String {
    extract(Document::from(strip::without_code(html).as_ref()), None)
        .map(|found| found.text)
        .unwrap_or_default()
}
