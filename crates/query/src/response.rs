//! What a search returns: [`SearchResponse`] and its parts.

use serde::{Deserialize, Serialize};

/// The answer to a [`crate::SearchRequest`].
///
/// Serialises to `{"total", "hits", "facets", "histogram"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// Articles matching the query and filters.
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Most frequent entities among all matches.
    pub facets: Facets,
    /// Matches per calendar bucket, oldest first, empty buckets included.
    pub histogram: Vec<Bucket>,
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
    /// A passage of the body around the query terms, plain text.
    pub snippet: String,
    /// Where the query terms are in `snippet`: `[start, end)` in Unicode code points.
    pub highlights: Vec<[usize; 2]>,
    /// Canonical person names.
    pub persons: Vec<String>,
    /// Canonical place names.
    pub locations: Vec<String>,
    /// Canonical organization names.
    pub organizations: Vec<String>,
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
