//! One exported row: an article as stored, in the columns every format
//! shares, and its JSON form (field names `news index` reads back).

use news_query::date::format_rfc3339;
use news_query::ScannedArticle;
use serde::Serialize;

/// One article as exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportedArticle {
    /// Stable id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Text; `None` when bodies are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Publication time, Unix seconds (UTC).
    #[serde(serialize_with = "rfc3339", skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Desk or topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Dateline as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Authors, split from the stored byline (names joined by `"; "`). In
    /// JSON they are that byline again, as `author`, the field `news index`
    /// reads.
    #[serde(
        rename = "author",
        serialize_with = "byline",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<String>,
    /// Language code (ISO 639-1), as the archive records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Canonical person names.
    pub persons: Vec<String>,
    /// Canonical place names mentioned.
    pub locations: Vec<String>,
    /// Canonical organization names.
    pub organizations: Vec<String>,
    /// Countries of its places.
    pub countries: Vec<String>,
    /// Near-duplicate cluster id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<u64>,
    /// Matching articles in its cluster.
    pub cluster_size: u64,
}

impl ExportedArticle {
    /// The row of a scanned article; `body: false` leaves the text out.
    pub fn new(scanned: ScannedArticle, body: bool) -> Self {
        let r = scanned.record;
        ExportedArticle {
            id: r.id,
            title: r.title,
            body: body.then_some(r.body),
            date: r.date,
            source: r.source,
            section: r.section,
            url: r.url,
            dateline: r.dateline,
            authors: r
                .author
                .iter()
                .flat_map(|byline| byline.split("; "))
                .map(str::to_owned)
                .collect(),
            language: r.language,
            persons: r.persons,
            locations: r.locations,
            organizations: r.organizations,
            countries: r.countries,
            cluster: r.cluster,
            cluster_size: scanned.cluster_size,
        }
    }

    /// Its publication time in RFC 3339 (`2026-01-28T00:00:00Z`).
    pub fn date_rfc3339(&self) -> Option<String> {
        self.date.map(format_rfc3339)
    }
}

fn rfc3339<S: serde::Serializer>(date: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(secs) => s.serialize_str(&format_rfc3339(*secs)),
        None => s.serialize_none(),
    }
}

/// The authors as one byline, names joined by `"; "`.
fn byline<S: serde::Serializer>(authors: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&authors.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_query::ArticleRecord;

    #[test]
    fn json_uses_the_names_news_index_reads() {
        let scanned = ScannedArticle {
            record: ArticleRecord {
                id: "a1".into(),
                title: "T".into(),
                body: "B".into(),
                date: Some(1_769_558_400),
                author: Some("A. Writer".into()),
                persons: vec!["Vladimir Putin".into()],
                ..Default::default()
            },
            cluster_size: 1,
        };
        let json = serde_json::to_value(ExportedArticle::new(scanned.clone(), true)).unwrap();
        assert_eq!(json["date"], "2026-01-28T00:00:00Z");
        assert_eq!(json["author"], "A. Writer");
        assert_eq!(json["persons"][0], "Vladimir Putin");
        assert_eq!(json["body"], "B");
        let json = serde_json::to_value(ExportedArticle::new(scanned, false)).unwrap();
        assert!(json.get("body").is_none());
    }
}
