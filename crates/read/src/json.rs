//! JSON articles (`.json`: one object or an array) and JSON Lines (`.jsonl`,
//! `.ndjson`: one object per line), with the field names real dumps use.
//!
//! | article field | accepted names, first present wins |
//! |---|---|
//! | title | `title`, `headline` |
//! | body | `body`, `text`, `content`, `article`, `description` |
//! | date | `datetime`, `published_at`, `publishedAt`, `published`, `pub_date`, `date_published`, `date`, `timestamp` |
//! | url | `url`, `link` |
//! | source | `source`, `publisher` (a string, or an object with `name`) |
//! | author | `author`, `byline` (a string or a list) |
//! | id | `id`, `_id`, `guid`, `uuid` (string or number) |
//! | language | `language`, `lang`, `inLanguage` (a tag: `en`, `en-GB`, `eng`, `English`; detected from the text when absent or unreadable) |
//!
//! plus `section`, `dateline`, and `persons` / `locations` / `organizations`
//! / `countries` (a list of names, or one string separated by `;`). A field
//! holding a value of another type (a number for a body, a list for a title)
//! is ignored with a warning, even when another field stands in for it.

use serde::Deserialize;
use serde_json::Value;

use crate::article::Article;
use crate::date::{from_timestamp, parse_date, timestamp_warning};
use crate::{metadata_list, txt, Parsed};

/// The names of the fields that hold an article's text: a record needs one.
/// The CSV reader checks a header against them.
pub(crate) const TEXT_FIELDS: [&str; 7] = [
    "title",
    "headline",
    "body",
    "text",
    "content",
    "article",
    "description",
];

/// Every name a field goes by. Kept as separate fields (not serde aliases)
/// because dumps often carry two of them at once, e.g. `date` and `datetime`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Fields {
    title: Option<Value>,
    headline: Option<Value>,
    body: Option<Value>,
    text: Option<Value>,
    content: Option<Value>,
    article: Option<Value>,
    description: Option<Value>,
    datetime: Option<Value>,
    published_at: Option<Value>,
    #[serde(rename = "publishedAt")]
    published_at_camel: Option<Value>,
    published: Option<Value>,
    pub_date: Option<Value>,
    date_published: Option<Value>,
    date: Option<Value>,
    timestamp: Option<Value>,
    url: Option<Value>,
    link: Option<Value>,
    source: Option<Value>,
    publisher: Option<Value>,
    author: Option<Value>,
    byline: Option<Value>,
    id: Option<Value>,
    #[serde(rename = "_id")]
    underscore_id: Option<Value>,
    guid: Option<Value>,
    uuid: Option<Value>,
    section: Option<Value>,
    dateline: Option<Value>,
    persons: Option<Value>,
    locations: Option<Value>,
    organizations: Option<Value>,
    countries: Option<Value>,
    language: Option<Value>,
    lang: Option<Value>,
    #[serde(rename = "inLanguage")]
    in_language: Option<Value>,
}

/// Parses one JSON Lines line.
pub fn parse_line(line: &str) -> Result<Parsed, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    from_value(value)
}

/// Parses a `.json` file: one article object or an array of them. The outer
/// `Err` means the file is not JSON at all; the inner ones are per element.
pub fn parse_document(text: &str) -> Result<Vec<Result<Parsed, String>>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    Ok(match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| from_value(item).map_err(|e| format!("array element {i}: {e}")))
            .collect(),
        other => vec![from_value(other)],
    })
}

fn from_value(value: Value) -> Result<Parsed, String> {
    if !value.is_object() {
        return Err(format!(
            "expected an article object, found {}",
            kind(&value)
        ));
    }
    let f: Fields = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let mut warnings = wrong_types(&f);
    let title = first_text(&[&f.title, &f.headline]);
    let body = first_text(&[&f.body, &f.text, &f.content, &f.article, &f.description]);
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err("no title or text (looked for title/headline and body/text/content)".into());
    }
    let date_fields = [
        &f.datetime,
        &f.published_at,
        &f.published_at_camel,
        &f.published,
        &f.pub_date,
        &f.date_published,
        &f.date,
        &f.timestamp,
    ];
    let mut date = None;
    for value in date_fields.into_iter().flatten() {
        match date_of(value) {
            Some(secs) => {
                date = Some(secs);
                warnings.extend(value.as_f64().and_then(timestamp_warning));
                break;
            }
            None if value.is_string() || value.is_number() => {
                warnings.push(format!("date {value} is not a date we can read"));
            }
            None => {}
        }
    }
    if date.is_some() {
        warnings.retain(|w| !w.starts_with("date "));
    }
    let mut article = Article {
        id: [&f.id, &f.underscore_id, &f.guid, &f.uuid]
            .into_iter()
            .find_map(id_of),
        title: title.trim().to_owned(),
        body: body.trim().to_owned(),
        date,
        dateline: text_of(&f.dateline),
        source: [&f.source, &f.publisher].into_iter().find_map(name_of),
        url: [&f.url, &f.link].into_iter().find_map(text_of),
        section: text_of(&f.section),
        author: [&f.author, &f.byline].into_iter().find_map(name_of),
        persons: list_of(&f.persons),
        locations: list_of(&f.locations),
        organizations: list_of(&f.organizations),
        countries: list_of(&f.countries),
        language: [&f.language, &f.lang, &f.in_language]
            .into_iter()
            .find_map(text_of)
            .and_then(|tag| crate::language::from_tag(&tag)),
        ..Article::default()
    };
    txt::apply_dateline(&mut article);
    Ok(Parsed { article, warnings })
}

/// What a field may hold; a value of another type is ignored with a warning.
#[derive(Clone, Copy)]
enum Shape {
    /// A string.
    Text,
    /// A string or a number.
    Id,
    /// A date string or a timestamp.
    Date,
    /// A name: a string, an object with `name`, or a list of them.
    Name,
    /// A list of names, or one string of them.
    List,
}

impl Shape {
    fn accepts(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (_, Value::Null | Value::String(_))
                | (Shape::Id | Shape::Date, Value::Number(_))
                | (Shape::Name, Value::Object(_) | Value::Array(_))
                | (Shape::List, Value::Array(_))
        )
    }

    fn noun(self) -> &'static str {
        match self {
            Shape::Text => "text",
            Shape::Id => "an id",
            Shape::Date => "a date",
            Shape::Name => "a name",
            Shape::List => "a list of names",
        }
    }
}

/// A warning for each field whose value has a type it cannot have (a
/// number for a body, a list for a title), whether or not another field
/// stands in for it: such a value is ignored.
fn wrong_types(f: &Fields) -> Vec<String> {
    use Shape::{Date, Id, List, Name, Text};
    let fields = [
        ("title", &f.title, Text),
        ("headline", &f.headline, Text),
        ("body", &f.body, Text),
        ("text", &f.text, Text),
        ("content", &f.content, Text),
        ("article", &f.article, Text),
        ("description", &f.description, Text),
        ("datetime", &f.datetime, Date),
        ("published_at", &f.published_at, Date),
        ("publishedAt", &f.published_at_camel, Date),
        ("published", &f.published, Date),
        ("pub_date", &f.pub_date, Date),
        ("date_published", &f.date_published, Date),
        ("date", &f.date, Date),
        ("timestamp", &f.timestamp, Date),
        ("url", &f.url, Text),
        ("link", &f.link, Text),
        ("source", &f.source, Name),
        ("publisher", &f.publisher, Name),
        ("author", &f.author, Name),
        ("byline", &f.byline, Name),
        ("id", &f.id, Id),
        ("_id", &f.underscore_id, Id),
        ("guid", &f.guid, Id),
        ("uuid", &f.uuid, Id),
        ("section", &f.section, Text),
        ("dateline", &f.dateline, Text),
        ("persons", &f.persons, List),
        ("locations", &f.locations, List),
        ("organizations", &f.organizations, List),
        ("countries", &f.countries, List),
        ("language", &f.language, Text),
        ("lang", &f.lang, Text),
        ("inLanguage", &f.in_language, Text),
    ];
    fields
        .into_iter()
        .filter_map(|(name, value, shape)| {
            let value = value.as_ref().filter(|v| !shape.accepts(v))?;
            Some(format!(
                "`{name}` is {}, not {}; ignored",
                kind(value),
                shape.noun()
            ))
        })
        .collect()
}

/// The text of the first of the fields holding some.
fn first_text(candidates: &[&Option<Value>]) -> String {
    candidates
        .iter()
        .find_map(|value| text_of(value))
        .unwrap_or_default()
}

/// A non-empty string.
fn text_of(value: &Option<Value>) -> Option<String> {
    match value.as_ref()? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// A non-empty string, or a number written as one.
fn id_of(value: &Option<Value>) -> Option<String> {
    match value.as_ref()? {
        Value::Number(n) => Some(n.to_string()),
        _ => text_of(value),
    }
}

/// A string, an object's `name`, or a list of those joined with commas.
fn name_of(value: &Option<Value>) -> Option<String> {
    match value.as_ref()? {
        Value::Object(map) => text_of(&map.get("name").cloned()),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(|item| name_of(&Some(item.clone())))
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => text_of(value),
    }
}

fn list_of(value: &Option<Value>) -> Option<Vec<String>> {
    match value.as_ref()? {
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|item| name_of(&Some(item.clone())))
                .collect(),
        ),
        Value::String(s) => Some(metadata_list(s)),
        _ => None,
    }
}

fn date_of(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => parse_date(s),
        Value::Number(n) => n.as_f64().and_then(from_timestamp),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuters_style_line() {
        let line = r#"{"id": "r-1", "title": "BAHIA COCOA REVIEW", "body": "Showers continued.", "date": "1987-02-26", "datetime": "1987-02-26T15:01:01", "source": "Reuters", "dateline": "SALVADOR, Feb 26", "section": "cocoa"}"#;
        let a = parse_line(line).unwrap().article;
        assert_eq!(a.id.as_deref(), Some("r-1"));
        assert_eq!(a.date, parse_date("1987-02-26T15:01:01"));
        assert_eq!(a.dateline.as_deref(), Some("SALVADOR, Feb 26"));
        assert_eq!(a.section.as_deref(), Some("cocoa"));
    }

    #[test]
    fn alternative_names_and_shapes() {
        let line = r#"{"headline": "H", "content": "C", "publishedAt": "Tue, 14 Oct 2025 08:00:00 +0000", "source": {"id": null, "name": "Andes Herald"}, "link": "https://a.example/x", "id": 42, "persons": "Christine Lagarde; Kazuo Ueda", "author": ["A. One", "B. Two"]}"#;
        let a = parse_line(line).unwrap().article;
        assert_eq!((a.title.as_str(), a.body.as_str()), ("H", "C"));
        assert_eq!(a.date, parse_date("2025-10-14T08:00:00Z"));
        assert_eq!(a.source.as_deref(), Some("Andes Herald"));
        assert_eq!(a.url.as_deref(), Some("https://a.example/x"));
        assert_eq!(a.id.as_deref(), Some("42"));
        assert_eq!(a.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!(a.persons.unwrap(), ["Christine Lagarde", "Kazuo Ueda"]);
    }

    #[test]
    fn a_given_language_is_kept_as_its_code() {
        for (line, code) in [
            (r#"{"title": "T", "language": "en-GB"}"#, Some("en")),
            (r#"{"title": "T", "lang": "deu"}"#, Some("de")),
            (r#"{"title": "T", "inLanguage": "French"}"#, Some("fr")),
            (r#"{"title": "T", "language": "not a language"}"#, None),
        ] {
            assert_eq!(
                parse_line(line).unwrap().article.language.as_deref(),
                code,
                "{line}"
            );
        }
    }

    #[test]
    fn unix_timestamps_and_bad_dates() {
        let a = parse_line(r#"{"title": "T", "timestamp": 1769558400}"#).unwrap();
        assert_eq!(a.article.date, parse_date("2026-01-28"));
        let b = parse_line(r#"{"title": "T", "date": "soon"}"#).unwrap();
        assert_eq!((b.article.date, b.warnings.len()), (None, 1));
    }

    #[test]
    fn values_of_the_wrong_type_are_ignored_with_a_warning() {
        let p = parse_line(
            r#"{"title": ["A", "list"], "headline": "H", "body": {"x": 1}, "text": "T"}"#,
        )
        .unwrap();
        assert_eq!(
            (p.article.title.as_str(), p.article.body.as_str()),
            ("H", "T")
        );
        assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
        assert!(p.warnings[0].contains("`title` is an array"));
        assert!(parse_line(r#"{"title": true, "body": false}"#).is_err());
    }

    #[test]
    fn a_number_where_text_belongs_is_ignored_with_a_warning() {
        let p = parse_line(
            r#"{"title": "T", "body": 12345, "description": "The real text.", "id": 7, "url": 3, "persons": 4, "source": true, "date": ["2025-01-02"], "datetime": "2025-01-03"}"#,
        )
        .unwrap();
        let a = &p.article;
        assert_eq!(a.body, "The real text.");
        assert_eq!(a.id.as_deref(), Some("7"), "a number is a fine id");
        assert_eq!(
            (a.url.as_deref(), a.persons.as_ref(), a.source.as_deref()),
            (None, None, None)
        );
        assert_eq!(a.date, parse_date("2025-01-03"));
        assert_eq!(
            p.warnings,
            [
                "`body` is a number, not text; ignored",
                "`date` is an array, not a date; ignored",
                "`url` is a number, not text; ignored",
                "`source` is a boolean, not a name; ignored",
                "`persons` is a number, not a list of names; ignored",
            ]
        );
        let clean = parse_line(r#"{"title": "T", "body": "B", "id": 7, "source": {"name": "S"}, "persons": "A; B", "date": null}"#).unwrap();
        assert_eq!(clean.warnings, Vec::<String>::new());
    }

    #[test]
    fn twelve_digit_timestamps_say_how_they_were_read() {
        let p = parse_line(r#"{"title": "T", "timestamp": 541296000000}"#).unwrap();
        assert_eq!(p.article.date, parse_date("1987-02-26"));
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert!(p.warnings[0].contains("read as milliseconds: 1987-02-26"));
        let thirteen = parse_line(r#"{"title": "T", "timestamp": 1769558400000}"#).unwrap();
        assert_eq!(
            (thirteen.article.date, thirteen.warnings.len()),
            (parse_date("2026-01-28"), 0)
        );
    }

    #[test]
    fn arrays_single_objects_and_errors() {
        let many = parse_document(r#"[{"title": "A"}, 3, {"title": "B"}]"#).unwrap();
        assert_eq!(many.len(), 3);
        assert!(many[1].as_ref().unwrap_err().contains("element 1"));
        assert_eq!(parse_document(r#"{"title": "A"}"#).unwrap().len(), 1);
        assert!(parse_document("{not json").is_err());
        assert!(parse_line(r#"{"url": "https://a.example"}"#).is_err());
    }
}
