//! [`Limits`]: how much one request may ask of the server.

use std::time::Duration;

use news_query::SearchRequest;

use crate::error::ApiError;

/// Bounds on a single request. Requests beyond a size bound are refused with
/// 400 (or 413 for the body) rather than trimmed, so a client never mistakes a
/// shortened answer for a full one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// Most hits per search page (`limit`).
    pub max_page_size: usize,
    /// Most values per facet (`facet_limit`).
    pub max_facet_values: usize,
    /// Most related articles or entity names per request (`limit`).
    pub max_list_size: usize,
    /// Longest entity name prefix, in characters.
    pub max_prefix_chars: usize,
    /// Time to answer a request (503 beyond), waiting for a turn included.
    /// It is also the archive's own budget for the request: a search past
    /// it stops working, and frees its core and memory, when it is answered.
    pub request_timeout: Duration,
    /// Archive calls running at once; the others wait in order.
    pub concurrent_searches: usize,
    /// Time an archive call may take among [`Limits::concurrent_searches`];
    /// one that needs more starts again among [`Limits::slow_searches`]
    /// (see the `lanes` module).
    pub quick_budget: Duration,
    /// Archive calls past [`Limits::quick_budget`] running at once.
    pub slow_searches: usize,
    /// Longest wait for a turn among [`Limits::concurrent_searches`]; a
    /// request still waiting then is answered 503 with kind `busy`.
    pub queue_timeout: Duration,
    /// Time a client has to send a request's headers, and the longest a
    /// keep-alive connection may sit idle between requests; the connection
    /// is closed beyond.
    pub header_read_timeout: Duration,
    /// Connections served at once; more wait in the listen queue until one closes.
    pub max_connections: usize,
    /// Bytes of recent search answers kept to send again (0: none); a new
    /// commit of the indexer makes older answers unreachable.
    pub cache_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A search request is a few hundred bytes; queries stop at 10,000 characters.
            max_body_bytes: 64 * 1024,
            max_page_size: 100,
            max_facet_values: 100,
            max_list_size: 100,
            max_prefix_chars: 200,
            request_timeout: Duration::from_secs(10),
            // One per core: a search keeps a core busy, so more at once only
            // makes each slower (the archive searches segments in parallel itself).
            concurrent_searches: std::thread::available_parallelism().map_or(2, |n| n.get()),
            // Ordinary searches take 2-10 ms on Reuters-21578; the costliest
            // allowed ones 50-350 ms. An archive whose ordinary searches take
            // longer wants a larger budget (docs/RELIABILITY.md).
            quick_budget: Duration::from_millis(25),
            // Half the cores at most, so that ordinary searches keep the rest.
            slow_searches: std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1)),
            // Long enough for a queue of ordinary searches (milliseconds
            // each) to drain; short enough that a flood is told to come back.
            queue_timeout: Duration::from_secs(2),
            header_read_timeout: Duration::from_secs(10),
            // Far above what a browser or load balancer opens, far below
            // the default limit of 1,024 open files.
            max_connections: 512,
            // Thousands of typical answers (5-20 KB each).
            cache_bytes: 64 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// Refuses a search asking for more than these limits allow.
    pub(crate) fn check_search(&self, request: &SearchRequest) -> Result<(), ApiError> {
        too_many("limit", request.limit, self.max_page_size)?;
        too_many("facet_limit", request.facet_limit, self.max_facet_values)
    }

    /// Refuses a list (`related`, `entities`) longer than allowed.
    pub(crate) fn check_list(&self, limit: usize) -> Result<(), ApiError> {
        too_many("limit", limit, self.max_list_size)
    }

    /// Refuses an entity prefix longer than allowed.
    pub(crate) fn check_prefix(&self, prefix: &str) -> Result<(), ApiError> {
        too_many("prefix", prefix.chars().count(), self.max_prefix_chars)
    }
}

fn too_many(name: &str, value: usize, max: usize) -> Result<(), ApiError> {
    if value > max {
        return Err(ApiError::bad_request(format!(
            "`{name}` is {value}; this server allows at most {max}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_within_limits_passes_and_beyond_is_refused() {
        let limits = Limits::default();
        assert!(limits
            .check_search(&SearchRequest::new("x").limit(100))
            .is_ok());
        let error = limits
            .check_search(&SearchRequest::new("x").limit(101))
            .unwrap_err();
        assert_eq!(error.status().as_u16(), 400);
        assert!(error.to_string().contains("at most 100"), "{error}");
        assert!(limits
            .check_search(&SearchRequest::new("x").facet_limit(1000))
            .is_err());
    }

    #[test]
    fn prefix_length_is_counted_in_characters() {
        let limits = Limits {
            max_prefix_chars: 3,
            ..Limits::default()
        };
        assert!(limits.check_prefix("Zür").is_ok());
        assert!(limits.check_prefix("Züri").is_err());
    }
}
