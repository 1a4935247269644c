//! [`SearchCache`]: answers to recent searches, kept as the JSON sent.
//!
//! Readers of an archive ask the same searches again and again (the day's
//! names, a shared link, the page's first search), and a faceted search
//! costs milliseconds of a core while sending stored bytes costs
//! microseconds. Entries are keyed by the archive's
//! [generation](news_query::Archive::generation) and the request, so a new
//! commit of the indexer makes every older answer unreachable; they then
//! age out. The cache holds at most [`Limits::cache_bytes`](crate::Limits)
//! of answers (keys included), dropping the least recently used first.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use lru::LruCache;

/// Answers larger than this share of the budget are not kept: one huge
/// page must not push out hundreds of ordinary ones.
const MAX_SHARE: usize = 16;

/// A bounded, least-recently-used map from (generation, request) to the
/// response body. Cheap to clone; clones share the entries.
#[derive(Clone)]
pub(crate) struct SearchCache {
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    entries: LruCache<(u64, String), Bytes>,
    bytes: usize,
    budget: usize,
}

impl SearchCache {
    /// A cache of at most `budget` bytes; 0 keeps nothing.
    pub(crate) fn new(budget: usize) -> SearchCache {
        SearchCache {
            inner: Arc::new(Mutex::new(Inner {
                entries: LruCache::unbounded(),
                bytes: 0,
                budget,
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves consistent entries behind.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The stored answer to `request` at `generation`, if any.
    pub(crate) fn get(&self, generation: u64, request: &str) -> Option<Bytes> {
        let key = (generation, request.to_owned());
        self.lock().entries.get(&key).cloned()
    }

    /// Keeps `body` as the answer to `request` at `generation`.
    pub(crate) fn put(&self, generation: u64, request: String, body: Bytes) {
        let mut inner = self.lock();
        let size = request.len() + body.len();
        if size > inner.budget / MAX_SHARE {
            return;
        }
        if let Some(old) = inner.entries.put((generation, request.clone()), body) {
            inner.bytes -= request.len() + old.len();
        }
        inner.bytes += size;
        while inner.bytes > inner.budget {
            match inner.entries.pop_lru() {
                Some(((_, key), value)) => inner.bytes -= key.len() + value.len(),
                None => break,
            }
        }
    }

    /// Bytes held, keys included.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.lock().bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Bytes {
        Bytes::from(vec![b'x'; n])
    }

    #[test]
    fn answers_are_kept_per_generation_and_request() {
        let cache = SearchCache::new(16 * 1000);
        cache.put(1, "tartus".into(), body(10));
        assert_eq!(cache.get(1, "tartus").as_deref(), Some(&body(10)[..]));
        assert!(cache.get(2, "tartus").is_none(), "a new commit misses");
        assert!(cache.get(1, "moscow").is_none());
        cache.put(1, "tartus".into(), body(20));
        assert_eq!(cache.get(1, "tartus").map(|b| b.len()), Some(20));
        assert_eq!(cache.bytes(), "tartus".len() + 20);
    }

    #[test]
    fn the_least_recently_used_go_first_and_the_budget_holds() {
        let cache = SearchCache::new(16 * 100);
        for i in 0..100 {
            cache.put(1, format!("q{i:02}"), body(97));
            // q00 stays in use, so it stays.
            assert!(cache.get(1, "q00").is_some());
            assert!(cache.bytes() <= 1600, "{} bytes", cache.bytes());
        }
        assert!(cache.get(1, "q01").is_none());
        assert!(cache.get(1, "q99").is_some());
        // Too large for its share: not kept, nothing evicted.
        cache.put(1, "big".into(), body(200));
        assert!(cache.get(1, "big").is_none() && cache.get(1, "q99").is_some());
    }

    #[test]
    fn a_zero_budget_keeps_nothing() {
        let cache = SearchCache::new(0);
        cache.put(1, "q".into(), body(1));
        assert!(cache.get(1, "q").is_none());
        assert_eq!(cache.bytes(), 0);
    }
}
