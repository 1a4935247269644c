//! What requests return: [`SearchResponse`] and its parts, and the
//! [`Timeline`] of a query.
//!
//! Fields added after the first JSON shape carry `#[serde(default)]`, so a
//! client built against an older response still reads newer ones and back.

use serde::{Deserialize, Serialize};

use crate::request::Interval;

/// The answer to a [`crate::SearchRequest`].
///
/// Serialises to `{"total", "hits", "facets", "histogram", "next_cursor", "notices"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// Articles matching the query and filters (every copy counted).
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Most frequent values among all matches; each facet ignores its own
    /// selection, so the other values of a selected facet stay visible.
    pub facets: Facets,
    /// Matches per calendar bucket, oldest first, empty buckets included.
    pub histogram: Vec<Bucket>,
    /// Pass as `cursor` to get the page after this one; `None` on the last page.
    #[serde(default)]
    pub next_cursor: Option<String>,
    /// How filter values were read: names resolved to canonical ones, and unknown names.
    #[serde(default)]
    pub notices: Vec<Notice>,
}

/// One matching article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Stable article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication time, RFC 3339 (`2026-01-28T00:00:00Z`); `None` when undated.
    pub date: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Dateline as printed.
    pub dateline: Option<String>,
    /// BM25 score (0 when sorted by date).
    pub score: f32,
    /// The best passage of the body around the query terms, plain text (the
    /// text of `fragments[0]`, or the opening of the body when no term occurs).
    pub snippet: String,
    /// Where the query terms are in `snippet`: `[start, end)` in Unicode code points.
    pub highlights: Vec<[usize; 2]>,
    /// Canonical person names.
    pub persons: Vec<String>,
    /// Canonical place names.
    pub locations: Vec<String>,
    /// Canonical organization names.
    pub organizations: Vec<String>,
    /// Desk or topic.
    #[serde(default)]
    pub section: Option<String>,
    /// Where the query terms are in `title`, in code points.
    #[serde(default)]
    pub title_highlights: Vec<[usize; 2]>,
    /// The title, HTML-escaped, with query terms in `<mark>`.
    #[serde(default)]
    pub title_html: String,
    /// Up to three passages of the body around the query terms, best first.
    #[serde(default)]
    pub fragments: Vec<Fragment>,
    /// Near-duplicates of this article that also match and were folded into it.
    #[serde(default)]
    pub similar_count: u64,
    /// Their ids, when the request sets `include_similar_ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub similar_ids: Vec<String>,
}

/// A passage of text with the query terms marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The passage, plain text.
    pub text: String,
    /// `[start, end)` of each query term in `text`, in Unicode code points.
    pub highlights: Vec<[usize; 2]>,
    /// The passage, HTML-escaped, with query terms in `<mark>`.
    pub html: String,
}

/// Value counts per facet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// People named by the most matching articles.
    pub persons: Vec<FacetCount>,
    /// Places named by the most matching articles.
    pub locations: Vec<FacetCount>,
    /// Organizations named by the most matching articles.
    pub organizations: Vec<FacetCount>,
    /// Publishers of the most matching articles.
    pub sources: Vec<FacetCount>,
    /// Languages (ISO 639-1 codes) of the most matching articles; articles
    /// with no recorded language are not counted.
    pub languages: Vec<FacetCount>,
}

/// One facet value and the number of matching articles that carry it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// Canonical name.
    pub value: String,
    /// Matching articles.
    pub count: u64,
}

/// Matches in one calendar bucket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// `2026`, `2026-01` or `2026-01-28` (weeks: the Monday).
    pub key: String,
    /// Matching articles dated in the bucket.
    pub count: u64,
}

/// The request filter a [`Notice`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FilterFacet {
    /// `persons`.
    Persons,
    /// `locations`.
    Locations,
    /// `organizations`.
    Organizations,
    /// `sources`.
    Sources,
    /// `sections`.
    Sections,
    /// `languages`.
    Languages,
}

impl std::fmt::Display for FilterFacet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FilterFacet::Persons => "persons",
            FilterFacet::Locations => "locations",
            FilterFacet::Organizations => "organizations",
            FilterFacet::Sources => "sources",
            FilterFacet::Sections => "sections",
            FilterFacet::Languages => "languages",
        })
    }
}

/// How one filter value was read.
///
/// `{"facet": "persons", "given": "Putin", "used": "Vladimir Putin"}` when a
/// name was resolved; `used: null` when nothing in the archive is called that
/// (the value then matches nothing), with near spellings in `alternatives`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The filter.
    pub facet: FilterFacet,
    /// The value as given.
    pub given: String,
    /// The canonical value searched for instead; `None` when unknown.
    pub used: Option<String>,
    /// Other canonical values the given one could have meant, most frequent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.used {
            Some(used) => write!(f, "{}: \"{}\" read as \"{used}\"", self.facet, self.given)?,
            None => write!(
                f,
                "{}: no \"{}\" in the archive; it matches nothing",
                self.facet, self.given
            )?,
        }
        if !self.alternatives.is_empty() {
            let label = if self.used.is_some() {
                "also"
            } else {
                "did you mean"
            };
            write!(f, " ({label}: {})", self.alternatives.join(", "))?;
        }
        Ok(())
    }
}

/// Matches per calendar bucket, each with the size of the coverage it is a share of.
///
/// A bucket's `total` counts the coverage the matches are part of: the
/// articles in that bucket passing the request's date, source and section
/// filters, but neither its query text nor its entity filters (those say what
/// is counted). With no source or section filter that is every article of the
/// archive in the bucket. So `ratio` is the share of coverage, which corrects
/// for the archive holding more articles in some months than others:
/// `--location Tartus` gives Tartus's share of all articles each month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Bucket size.
    pub interval: Interval,
    /// Articles matching the query and filters.
    pub total: u64,
    /// Buckets oldest first, from the first to the last bucket holding any
    /// filtered article, empty ones included.
    pub buckets: Vec<TimelineBucket>,
    /// How filter values were read (see [`crate::SearchResponse::notices`]).
    #[serde(default)]
    pub notices: Vec<Notice>,
}

/// One calendar bucket of a [`Timeline`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineBucket {
    /// `2026`, `2026-01` or `2026-01-28` (weeks: the Monday).
    pub key: String,
    /// Articles matching the query and filters.
    pub count: u64,
    /// Articles in the bucket passing the date, source and section filters.
    pub total: u64,
    /// `count / total`, 0 when `total` is 0.
    pub ratio: f64,
}
