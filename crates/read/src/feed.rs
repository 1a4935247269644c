//! Feeds: RSS 0.9x, 1.0 and 2.0, Atom, and JSON Feed, read by `feed-rs`;
//! each item is an article.
//!
//! | article field | feed item |
//! |---|---|
//! | id | `guid` (RSS), `id` (Atom, JSON Feed) |
//! | title | `title` |
//! | body | `content:encoded` / `content`, else the summary (`description`), HTML made text |
//! | date | `pubDate` / `published`, else `updated`; unreadable: undated, a warning naming the item |
//! | url | the first `link` that is not empty |
//! | author | the item's authors, else the feed's, joined with commas |
//! | section | the item's categories, joined with commas |
//! | source | the feed's title |
//! | language | the item's, else the feed's |

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Person};
use serde::Deserialize;

use crate::article::Article;
use crate::date::parse_date;
use crate::markup::html_to_text;
use crate::{charset, txt, Parsed};

/// Parses a feed. The outer `Err` means it is not a feed we can read (its
/// XML or JSON is broken: nothing of it is indexed).
pub fn parse(bytes: &[u8]) -> Result<Vec<Result<Parsed, String>>, String> {
    // feed-rs reads dates itself and drops those it cannot; ours keeps each
    // unreadable one, and returns in its place a date no feed has (the n-th
    // second of the first representable day) so the item can say which.
    let bad_dates: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = Arc::clone(&bad_dates);
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |text| {
            if let Some(t) = parse_date(text).and_then(|s| DateTime::from_timestamp(s, 0)) {
                return Some(t);
            }
            let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
            seen.push(text.trim().to_owned());
            marker(seen.len() - 1)
        })
        .build();
    let bytes = prepared_for_feed_rs(bytes);
    // A safety net for panics of the parsers below on input (the ones known
    // are avoided above); under a fuzzer, whose panic hook aborts, it still shows.
    let parsed =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(&bytes[..])))
            .map_err(|_| "not a feed we can read: its XML parser failed on it".to_owned())?;
    let feed = parsed.map_err(|e| format!("not a feed we can read: {e}"))?;
    let bad_dates = bad_dates.lock().unwrap_or_else(|e| e.into_inner()).clone();
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| item(&feed, entry, i, &bad_dates))
        .collect())
}

/// The feed as feed-rs reads it without panicking: UTF-8 without XML
/// declarations, decoded here (byte order mark, else the declared encoding,
/// else UTF-8 with our fallback) so that feed-rs's parser never switches
/// encodings: quick-xml asserts when a declaration naming another encoding
/// comes after its first buffer (a long or a second declaration).
/// Declarations inside comments and CDATA, which may quote XML, are left as
/// they are. E-mail addresses touching a wide character are spaced
/// ([`emails`]).
fn prepared_for_feed_rs(bytes: &[u8]) -> Vec<u8> {
    let declared = declared_encoding(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    let text = match declared {
        Some(encoding)
            if encoding != encoding_rs::UTF_8 && charset::Unicode::sniff(bytes).is_none() =>
        {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => charset::decode(bytes).map_or_else(
            |_| String::from_utf8_lossy(bytes).into_owned(),
            |d| d.text.into_owned(),
        ),
    };
    let mut bytes = match emails::spaced(&text) {
        std::borrow::Cow::Owned(spaced) => spaced,
        std::borrow::Cow::Borrowed(_) => text,
    }
    .into_bytes();
    blank_declarations(&mut bytes);
    bytes
}

/// The `encoding` of the XML declaration the bytes start with.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(start);
    let declaration = head.trim_start_matches('\u{feff}').trim_start();
    let declaration = &declaration[..declaration.find("?>")?];
    let inner = declaration.strip_prefix("<?xml")?;
    let rest = &inner[inner.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_owned())
}

/// Blanks every XML declaration that quick-xml (the parser under feed-rs)
/// reads as one, wherever it is: found by a first pass of quick-xml itself,
/// so that what counts as inside a comment, CDATA section, processing
/// instruction or attribute is decided exactly as feed-rs's pass will
/// decide it. (A hand-written scanner missed a declaration after `<?<?xml
/// …?>`, where blanking the inner one made the outer instruction swallow a
/// CDATA start.) A declaration made spaces is white space between elements,
/// so nothing else is read differently. The pass reads with feed-rs's
/// settings, but checks no end tag and goes on past errors to the end of
/// the input: feed-rs read past a mismatched end tag that stopped a strict
/// pass, and met a declaration after it.
fn blank_declarations(bytes: &mut [u8]) {
    let mut found = Vec::new();
    {
        let mut reader = quick_xml::Reader::from_reader(&bytes[..]);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.trim_markup_names_in_closing_tags = true;
        config.trim_text(false);
        config.check_end_names = false;
        let mut buf = Vec::new();
        loop {
            let start = reader.buffer_position();
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Decl(_)) => {
                    found.push(start as usize..reader.buffer_position() as usize);
                }
                Err(_) if reader.buffer_position() == start => break,
                Ok(_) | Err(_) => {}
            }
            buf.clear();
        }
    }
    for range in found {
        if let Some(declaration) = bytes.get_mut(range) {
            declaration.fill(b' ');
        }
    }
}

fn marker(index: usize) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::MIN_UTC.checked_add_signed(chrono::TimeDelta::seconds(index as i64))
}

/// The unreadable date a marker stands for.
fn unmarked(date: DateTime<Utc>, bad_dates: &[String]) -> Option<&str> {
    let index = (date - DateTime::<Utc>::MIN_UTC).num_seconds();
    usize::try_from(index)
        .ok()
        .and_then(|i| bad_dates.get(i))
        .map(String::as_str)
}

fn item(feed: &Feed, entry: &Entry, index: usize, bad_dates: &[String]) -> Result<Parsed, String> {
    let title = entry
        .title
        .as_ref()
        .map(|t| html_to_text(&t.content))
        .unwrap_or_default();
    let id = (!entry.id.trim().is_empty()).then(|| entry.id.trim().to_owned());
    let name = match (&id, title.is_empty()) {
        (Some(id), _) => format!("item {} ({id})", index + 1),
        (None, false) => format!("item {} ({title:?})", index + 1),
        (None, true) => format!("item {}", index + 1),
    };
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref());
    let summary = entry.summary.as_ref().map(|s| s.content.as_str());
    let body = [content, summary]
        .into_iter()
        .flatten()
        .map(html_to_text)
        .find(|text| !text.is_empty())
        .unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return Err(format!("{name}: no title or text"));
    }
    let mut warnings = Vec::new();
    let mut date = None;
    for given in [entry.published, entry.updated].into_iter().flatten() {
        match unmarked(given, bad_dates) {
            Some(text) => {
                let warning =
                    format!("{name}: date {text:?} is not a date we can read; indexed undated");
                // RSS gives one date that feed-rs sets as both published and updated.
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
            None => {
                date = Some(given.timestamp());
                break;
            }
        }
    }
    if date.is_some() {
        warnings.clear();
    }
    let authors = match names(&entry.authors) {
        Some(names) => Some(names),
        None => names(&feed.authors),
    };
    let categories: Vec<&str> = entry
        .categories
        .iter()
        .map(|c| c.label.as_deref().unwrap_or(&c.term).trim())
        .filter(|c| !c.is_empty())
        .collect();
    let mut article = Article {
        id,
        title,
        body,
        date,
        source: feed
            .title
            .as_ref()
            .map(|t| html_to_text(&t.content))
            .filter(|t| !t.is_empty()),
        url: entry
            .links
            .iter()
            .map(|l| l.href.trim())
            .find(|href| !href.is_empty())
            .map(str::to_owned),
        section: (!categories.is_empty()).then(|| categories.join(", ")),
        author: authors,
        language: entry.language.clone().or_else(|| feed.language.clone()),
        ..Article::default()
    };
    txt::apply_dateline(&mut article);
    Ok(Parsed { article, warnings })
}

fn names(people: &[Person]) -> Option<String> {
    let names: Vec<&str> = people
        .iter()
        .filter_map(|p| p.name.as_deref().map(str::trim))
        .filter(|n| !n.is_empty() && *n != "unknown")
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Whether a JSON document is a JSON Feed (an object whose `version` is a
/// jsonfeed.org version URL) rather than an article or a list of them.
pub fn is_json_feed(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        version: Option<serde_json::Value>,
    }
    if !text.trim_start().starts_with('{') {
        return false;
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|probe| {
        matches!(probe.version, Some(serde_json::Value::String(v))
            if v.starts_with("https://jsonfeed.org/version/"))
    })
}

mod emails;
#[cfg(test)]
mod tests;
