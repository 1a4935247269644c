//! What a caller asks for: [`SearchRequest`], its builder methods, and its parts.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// A search: query text, filters, ordering, paging and what to aggregate.
///
/// Limits, checked before anything runs (a request past one is refused with
/// [`Error::Request`](crate::Error::Request)): `offset + limit` at most
/// [`MAX_WINDOW`] (10,000; a `cursor` pages any deeper), `fragments` at most
/// [`MAX_FRAGMENTS`] (3), `facet_limit` at most [`MAX_FACET_LIMIT`] (1,000), and
/// the query at most 10,000 characters and 64 levels of parentheses. The
/// query and filters are bounded too, refused with [`Error::Limit`](crate::Error::Limit):
/// [`MAX_QUERY_TERMS`](crate::MAX_QUERY_TERMS) words,
/// [`MAX_PHRASE_WORDS`](crate::MAX_PHRASE_WORDS) words per phrase,
/// [`MAX_PHRASE_SLOP`](crate::MAX_PHRASE_SLOP), no word twice in a sloppy
/// phrase ([`MAX_SLOPPY_REPEATS`](crate::MAX_SLOPPY_REPEATS)),
/// [`MAX_EXPANSIONS`](crate::MAX_EXPANSIONS) fuzzy words, prefixes and
/// regexes, [`MAX_FILTER_VALUES`](crate::MAX_FILTER_VALUES) values per filter
/// and [`MAX_FILTER_VALUES_TOTAL`](crate::MAX_FILTER_VALUES_TOTAL) in all.
/// `timeout_ms` bounds the time: past it the search stops and answers
/// [`Error::Timeout`](crate::Error::Timeout).
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
///
/// Rust callers can chain the builder methods instead:
///
/// ```
/// use news_query::{Interval, SearchRequest, Sort};
/// # fn main() -> Result<(), news_query::Error> {
/// let request = SearchRequest::new("naval base")
///     .since("2025".parse()?)
///     .person("Vladimir Putin")
///     .location("Syria")
///     .sort(Sort::Newest)
///     .limit(20)
///     .histogram(Some(Interval::Week));
/// assert_eq!(request.locations, ["Syria"]);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchRequest {
    /// Query in tantivy syntax (`AND`, `OR`, `NOT`, `"phrases"`, `"a b"~2`,
    /// `field:value`, `word~1`); empty or `*` matches every article, and a query
    /// of only negations (`NOT Putin`) matches every article except those.
    /// A word, phrase or run of words that is the whole canonical name of a
    /// person, place or organization in the archive also matches the articles
    /// tagged with it (`Tartus` finds articles writing "Tartous", `United
    /// States` those writing "U.S."); `body:` or `title:` keeps a word to the text.
    /// At most 10,000 characters and 64 levels of parentheses.
    pub query: String,
    /// Keep articles dated on or after the start of this period.
    pub from: Option<PartialDate>,
    /// Keep articles dated on or before the end of this period.
    pub to: Option<PartialDate>,
    /// Keep articles naming any of these people. A name that is only part of a
    /// canonical name (`Putin`) is resolved to it and reported in `notices`.
    pub persons: Vec<String>,
    /// Keep articles naming any of these places, or a place inside them.
    pub locations: Vec<String>,
    /// Keep articles naming any of these organizations.
    pub organizations: Vec<String>,
    /// Keep articles from any of these publishers.
    pub sources: Vec<String>,
    /// Keep articles from any of these sections.
    pub sections: Vec<String>,
    /// Keep articles in any of these languages: ISO 639-1 codes as the
    /// archive records them (`en`, `de`). In query strings `language=en`
    /// also works.
    #[serde(alias = "language")]
    pub languages: Vec<String>,
    /// Order of hits.
    pub sort: Sort,
    /// Hits to return: the page size, at most [`MAX_WINDOW`] (with `offset`).
    pub limit: usize,
    /// Hits to skip (`offset + limit` at most [`MAX_WINDOW`]; use `cursor` beyond).
    pub offset: usize,
    /// Continue after the last hit of an earlier page: its response's `next_cursor`.
    pub cursor: Option<String>,
    /// Values to return per facet, at most [`MAX_FACET_LIMIT`]; 0 turns facets off.
    pub facet_limit: usize,
    /// Bucket size of the histogram; `None` turns it off.
    pub histogram: Option<Interval>,
    /// Body passages per hit (the best first), at most [`MAX_FRAGMENTS`].
    pub fragments: usize,
    /// Return every near-duplicate instead of the best hit of each cluster.
    pub all_copies: bool,
    /// List the ids of each hit's near-duplicates in `similar_ids`.
    pub include_similar_ids: bool,
    /// Time budget in milliseconds, counted from when the archive starts on
    /// the request; past it the work stops and the answer is
    /// [`Error::Timeout`](crate::Error::Timeout). `None`: no budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
}

/// Deepest hit reachable by `offset`; a `cursor` reaches any depth.
pub const MAX_WINDOW: usize = 10_000;

/// Most body passages a hit can carry.
pub const MAX_FRAGMENTS: usize = 3;

/// Most values one facet can list: a facet is a summary, and its values are
/// counted and sorted per request.
pub const MAX_FACET_LIMIT: usize = 1_000;

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
            languages: Vec::new(),
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            cursor: None,
            facet_limit: 10,
            histogram: Some(Interval::Month),
            fragments: MAX_FRAGMENTS,
            all_copies: false,
            include_similar_ids: false,
            timeout_ms: None,
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

    /// Keeps articles dated from the start of `date` on.
    pub fn since(mut self, date: PartialDate) -> Self {
        self.from = Some(date);
        self
    }

    /// Keeps articles dated up to the end of `date`.
    pub fn until(mut self, date: PartialDate) -> Self {
        self.to = Some(date);
        self
    }

    /// Adds a person to the persons filter.
    pub fn person(mut self, name: impl Into<String>) -> Self {
        self.persons.push(name.into());
        self
    }

    /// Adds a place to the locations filter.
    pub fn location(mut self, name: impl Into<String>) -> Self {
        self.locations.push(name.into());
        self
    }

    /// Adds an organization to the organizations filter.
    pub fn organization(mut self, name: impl Into<String>) -> Self {
        self.organizations.push(name.into());
        self
    }

    /// Adds a publisher to the sources filter.
    pub fn source(mut self, name: impl Into<String>) -> Self {
        self.sources.push(name.into());
        self
    }

    /// Adds a section to the sections filter.
    pub fn section(mut self, name: impl Into<String>) -> Self {
        self.sections.push(name.into());
        self
    }

    /// Adds a language (ISO 639-1 code, `en`) to the languages filter.
    pub fn language(mut self, code: impl Into<String>) -> Self {
        self.languages.push(code.into());
        self
    }

    /// Sets the order of hits.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }

    /// Sets the number of hits to return.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Sets the number of hits to skip.
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Continues after an earlier page (its `next_cursor`).
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Sets the number of values per facet (0: no facets).
    pub fn facet_limit(mut self, n: usize) -> Self {
        self.facet_limit = n;
        self
    }

    /// Sets the histogram interval (`None`: no histogram).
    pub fn histogram(mut self, interval: Option<Interval>) -> Self {
        self.histogram = interval;
        self
    }

    /// Sets the number of body passages per hit.
    pub fn fragments(mut self, n: usize) -> Self {
        self.fragments = n;
        self
    }

    /// Returns every near-duplicate rather than one hit per cluster.
    pub fn all_copies(mut self, yes: bool) -> Self {
        self.all_copies = yes;
        self
    }

    /// Lists each hit's near-duplicates by id.
    pub fn include_similar_ids(mut self, yes: bool) -> Self {
        self.include_similar_ids = yes;
        self
    }

    /// Sets the time budget (`None`: none); see [`SearchRequest::timeout_ms`].
    pub fn timeout(mut self, budget: Option<std::time::Duration>) -> Self {
        self.timeout_ms = budget.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        self
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

/// Calendar bucket of a histogram or timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl std::str::FromStr for Interval {
    type Err = crate::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "day" => Ok(Interval::Day),
            "week" => Ok(Interval::Week),
            "month" => Ok(Interval::Month),
            "year" => Ok(Interval::Year),
            other => Err(crate::Error::Request(format!(
                "unknown interval `{other}`: expected day, week, month or year"
            ))),
        }
    }
}
