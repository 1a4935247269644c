//! [`Timeline`]: how coverage of a query moved over calendar time.

use serde::{Deserialize, Serialize};

use crate::request::Interval;
use crate::response::Notice;

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
