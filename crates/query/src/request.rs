//! What a caller asks for: [`SearchRequest`] and its parts.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// A search: query text, filters, ordering, paging and what to aggregate.
///
/// Every field has a default, so JSON callers send only what they need:
///
/// ```
/// use news_query::{SearchRequest, Sort};
/// let request: SearchRequest =
///     serde_json::from_str(r#"{"query": "Tartus", "from": "2025", "sort": "newest"}"#).unwrap();
/// assert_eq!(request.query, "Tartus");
/// assert_eq!(request.sort, Sort::Newest);
/// assert_eq!(request.limit, 10);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchRequest {
    /// Query in tantivy syntax (`AND`, `OR`, `NOT`, `"phrases"`, `field:value`);
    /// empty or `*` matches every article.
    pub query: String,
    /// Keep articles dated on or after the start of this period.
    pub from: Option<PartialDate>,
    /// Keep articles dated on or before the end of this period.
    pub to: Option<PartialDate>,
    /// Keep articles naming any of these people (canonical names).
    pub persons: Vec<String>,
    /// Keep articles naming any of these places, or a place inside them.
    pub locations: Vec<String>,
    /// Keep articles naming any of these organizations.
    pub organizations: Vec<String>,
    /// Keep articles from any of these publishers.
    pub sources: Vec<String>,
    /// Keep articles from any of these sections.
    pub sections: Vec<String>,
    /// Order of hits.
    pub sort: Sort,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Values to return per facet; 0 turns facets off.
    pub facet_limit: usize,
    /// Bucket size of the histogram; `None` turns it off.
    pub histogram: Option<Interval>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            from: None,
            to: None,
            persons: Vec::new(),
            locations: Vec::new(),
            organizations: Vec::new(),
            sources: Vec::new(),
            sections: Vec::new(),
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            facet_limit: 10,
            histogram: Some(Interval::Month),
        }
    }
}

impl SearchRequest {
    /// A request for `query` with every other setting at its default.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..Default::default()
        }
    }
}

/// Order of hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best BM25 match first.
    #[default]
    Relevance,
    /// Latest publication date first; undated articles last.
    Newest,
    /// Earliest publication date first; undated articles last.
    Oldest,
}

/// Calendar bucket of a histogram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// One bucket per UTC day, keyed `2026-01-28`.
    Day,
    /// One bucket per ISO week starting Monday, keyed by the Monday's date.
    Week,
    /// One bucket per calendar month, keyed `2026-01`.
    #[default]
    Month,
    /// One bucket per year, keyed `2026`.
    Year,
}
