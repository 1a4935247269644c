//! [`WordCache`]: the tagger's per-word score vectors, one set per model,
//! shared by every thread that tags with it.
//!
//! A token's own features, and what it gives each of its neighbours, depend
//! only on its text, so the tagger computes them once per distinct word (see
//! `Scratch::tag`). Kept per thread, those vectors cost every parse thread
//! its own 22 MB and its own warm-up on the same frequent words: indexing
//! memory grew with `--threads` (about 26 MB a thread). Kept once per model in
//! a concurrent map whose reads take no lock, they cost the same for any
//! number of threads, and a word one thread met is cached for all.
//!
//! The cache only grows, up to [`WordCache::CAPACITY`] words; beyond that a
//! new word's vector is computed for the text at hand and dropped. The first
//! words met in a run are mostly its frequent ones, so that is rarely paid.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use papaya::{Guard, HashMap, LocalGuard};

use super::features::{next_unique_id, KeyHasher};

/// Score vectors by word hash, shared between threads.
pub struct WordCache {
    vectors: HashMap<u64, Box<[f32]>, std::hash::BuildHasherDefault<KeyHasher>>,
    /// Vectors inserted; counted here because the map's own count is approximate.
    len: AtomicUsize,
    /// What a missing neighbour (outside the line) gives a token, the same
    /// for every text.
    boundary: OnceLock<Box<[f32]>>,
    /// Unique in the process: what a tagger keeps from these weights is
    /// known by it.
    id: u64,
}

impl std::fmt::Debug for WordCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordCache")
            .field("len", &self.len.load(Ordering::Relaxed))
            .finish()
    }
}

impl Default for WordCache {
    fn default() -> Self {
        WordCache {
            vectors: HashMap::builder()
                .capacity(Self::CAPACITY)
                .hasher(Default::default())
                .build(),
            len: AtomicUsize::new(0),
            boundary: OnceLock::new(),
            id: next_unique_id(),
        }
    }
}

impl WordCache {
    /// Most words kept: about 45 MB of vectors with 17 labels, for the
    /// whole process (a thread's cache held half as many).
    pub const CAPACITY: usize = 65_536;

    /// The cache's process-unique id.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Pins the cache for a text: vectors read under the guard stay valid while it lives.
    pub fn guard(&self) -> LocalGuard<'_> {
        self.vectors.guard()
    }

    /// The vector of the word with hash `word`, if cached.
    pub fn get<'g>(&self, word: u64, guard: &'g impl Guard) -> Option<&'g [f32]> {
        self.vectors.get(&word, guard).map(|v| &v[..])
    }

    /// Caches `vector` for `word` and returns the cached one (another
    /// thread's, should it have come first); a full cache gives `vector` back.
    pub fn insert<'g>(
        &self,
        word: u64,
        vector: Box<[f32]>,
        guard: &'g impl Guard,
    ) -> Result<&'g [f32], Box<[f32]>> {
        if self.len.load(Ordering::Relaxed) >= Self::CAPACITY {
            return Err(vector);
        }
        match self.vectors.try_insert(word, vector, guard) {
            Ok(cached) => {
                self.len.fetch_add(1, Ordering::Relaxed);
                Ok(&cached[..])
            }
            Err(occupied) => Ok(&occupied.current[..]),
        }
    }

    /// The boundary vectors (what a neighbour outside the line gives),
    /// computed by `compute` on first use.
    pub fn boundary(&self, compute: impl FnOnce() -> Box<[f32]>) -> &[f32] {
        self.boundary.get_or_init(compute)
    }

    /// Words cached.
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    /// No word cached yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_vector_wins_and_a_full_cache_gives_it_back() {
        let cache = WordCache::default();
        let guard = cache.guard();
        assert!(cache.get(7, &guard).is_none());
        assert_eq!(cache.insert(7, vec![1.0].into(), &guard), Ok(&[1.0][..]));
        // A second thread computing the same word gets the first vector.
        assert_eq!(cache.insert(7, vec![2.0].into(), &guard), Ok(&[1.0][..]));
        assert_eq!(cache.get(7, &guard), Some(&[1.0][..]));
        assert_eq!(cache.len(), 1);
        cache.len.store(WordCache::CAPACITY, Ordering::Relaxed);
        assert_eq!(
            cache.insert(8, vec![3.0].into(), &guard),
            Err(vec![3.0].into())
        );
        assert!(cache.get(8, &guard).is_none());
    }

    #[test]
    fn threads_share_one_cache() {
        let cache = WordCache::default();
        std::thread::scope(|scope| {
            for t in 0..4u64 {
                let cache = &cache;
                scope.spawn(move || {
                    let guard = cache.guard();
                    for word in 0..1000u64 {
                        let got = cache.insert(word, vec![word as f32].into(), &guard);
                        assert_eq!(got, Ok(&[word as f32][..]), "thread {t}");
                    }
                });
            }
        });
        assert_eq!(cache.len(), 1000);
    }
}
