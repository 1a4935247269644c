//! Wire-copy clustering and exact de-duplication, across batches, threads and
//! incremental runs.
//!
//! Every article gets a cluster id: the id of the first article of its story
//! that the archive saw (its own id hash for a singleton). A new article joins
//! the cluster of the most similar earlier article whose estimated Jaccard
//! similarity of word 5-shingles reaches [`SIMILARITY`]; candidates come from
//! LSH band tables ([`sketch`]), so finding them costs a few hash lookups
//! whatever the archive's size. An article whose normalised title and body
//! equal an indexed one's is an exact duplicate and is not indexed again.
//!
//! What is kept for every article of the archive is small: its id hash,
//! content hash and source file (20 bytes), and its place in two hash indexes
//! of 4-byte positions (about 10 bytes), 30 bytes in all, so exact copies and
//! replaced ids are found whatever their dates. The band tables and sketches,
//! about 180 bytes per article in memory, are partitioned by day ([`days`]):
//! only a bounded set of days is in memory, the rest waits on disk. Everything
//! is persisted beside the manifest ([`store`]); each article remembers the
//! source file it came from, so a changed or removed file's articles are
//! forgotten before its new contents are read. Cluster ids are never
//! rewritten: a story keeps the id it was first given.
//!
//! This module decides; it does not write to the index. [`Clusters`] is not
//! thread-safe on its own: the pipeline assigns one batch at a time, in the
//! order the batches were read, so which article is "first" is a matter of
//! input order, never of thread timing.

pub mod days;
pub mod index;
pub mod member;
mod partition;
pub mod sketch;
pub mod store;

use std::collections::HashSet;
use std::io;
use std::path::Path;

use days::Days;
use index::PositionIndex;
use member::Member;
pub use sketch::{signature, Signature, Sketch, BANDS};

/// Estimated Jaccard similarity from which two articles are the same story.
pub const SIMILARITY: f64 = 0.5;

/// Dated articles further apart than this are different stories, however
/// alike: recurring tables and templated briefs ("Fed adds reserves via
/// customer repurchases") repeat word for word on other days. Undated
/// articles are compared with undated ones only.
pub const MAX_DAYS_APART: i32 = 1;

/// Origin key of an article that is gone (replaced by one with its id, or
/// its file forgotten).
const DEAD: u32 = u32::MAX;

/// Name of the scratch file band tables spill into, in the archive directory.
pub const SPILL_FILE_NAME: &str = "news-clusters.spill";

/// What clustering remembers of every article: 20 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed(4))]
pub struct Article {
    /// Hash of the stable id.
    pub id: u64,
    /// Hash of the normalised text.
    pub content: u64,
    /// Manifest key of the source file it came from.
    pub origin: u32,
}

/// An exact duplicate that was not indexed: if the copy that was indexed goes,
/// this one's file must be read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Hash of the normalised text.
    pub content: u64,
    /// Manifest key of the file holding the skipped copy.
    pub origin: u32,
}

/// What to do with an article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// An exact duplicate of an indexed article: do not index it.
    Duplicate {
        /// Position of the indexed copy among the remembered articles.
        of: u32,
    },
    /// Index it in `cluster`.
    Index {
        /// The cluster id to store.
        cluster: u64,
        /// The earlier article whose cluster it joined (position among the
        /// remembered articles) and their estimated similarity.
        nearest: Option<(u32, f64)>,
        /// An article with the same id is already indexed: delete it first.
        replaces: bool,
    },
}

/// A vector kept in fixed chunks: growing never copies it, nor leaves up to
/// half of it allocated and unused as doubling would.
#[derive(Clone, Debug)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

const CHUNK: usize = 1 << 16;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Copy> Chunked<T> {
    /// Elements held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends an element.
    pub fn push(&mut self, value: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(value),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(value);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    /// The element at `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.chunks.get(index / CHUNK)?.get(index % CHUNK)
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.chunks.get_mut(index / CHUNK)?.get_mut(index % CHUNK)
    }

    /// The elements in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }

    /// Bytes of memory held.
    pub fn bytes(&self) -> usize {
        self.chunks.iter().map(Vec::capacity).sum::<usize>() * std::mem::size_of::<T>()
    }
}

/// The clustering state of an archive.
pub struct Clusters {
    articles: Chunked<Article>,
    living: usize,
    skipped: Vec<Skipped>,
    /// Id hash -> position of the living article with that id.
    ids: PositionIndex,
    /// Content hash -> position of the living article with that text.
    contents: PositionIndex,
    days: Days,
}

impl Default for Clusters {
    fn default() -> Self {
        Clusters::new()
    }
}

fn article_at(articles: &Chunked<Article>, position: u32) -> Article {
    articles.get(position as usize).copied().unwrap_or(Article {
        id: 0,
        content: 0,
        origin: DEAD,
    })
}

fn is_alive(articles: &Chunked<Article>, position: u32) -> bool {
    articles
        .get(position as usize)
        .is_some_and(|a| a.origin != DEAD)
}

impl Clusters {
    /// An empty state kept wholly in memory (for tools and tests; the
    /// indexing run uses [`Clusters::open`]).
    pub fn new() -> Self {
        Clusters {
            articles: Chunked::default(),
            living: 0,
            skipped: Vec::new(),
            ids: PositionIndex::default(),
            contents: PositionIndex::default(),
            days: Days::in_memory(),
        }
    }

    /// The state of the archive in `dir`: `stored` (read from its state
    /// file; `None` for none) less every article of the files in `forget`
    /// (changed or removed), with about `budget` bytes of band tables in
    /// memory and the rest spilled to a scratch file in `dir`.
    pub fn open(
        dir: &Path,
        budget: usize,
        stored: Option<store::Stored>,
        forget: &HashSet<u32>,
    ) -> Clusters {
        let spill = dir.join(SPILL_FILE_NAME);
        let Some(stored) = stored else {
            return Clusters {
                days: Days::bounded(budget, spill, None),
                ..Clusters::new()
            };
        };
        let mut clusters = Clusters {
            articles: stored.articles,
            skipped: stored.skipped,
            days: Days::bounded(budget, spill, Some((stored.file, stored.days))),
            ..Clusters::new()
        };
        clusters.skipped.retain(|s| !forget.contains(&s.origin));
        let count = clusters.articles.len();
        clusters.ids = PositionIndex::with_capacity(count);
        clusters.contents = PositionIndex::with_capacity(count);
        for position in 0..count {
            let Some(article) = clusters.articles.get_mut(position) else {
                break;
            };
            if forget.contains(&{ article.origin }) {
                article.origin = DEAD;
            }
            let article = *article;
            if article.origin == DEAD {
                continue;
            }
            clusters.living += 1;
            let position = position as u32;
            let articles = &clusters.articles;
            let id_of = |p| article_at(articles, p).id;
            if !clusters.ids.replace(article.id, position, id_of) {
                clusters.ids.insert(article.id, position, id_of);
            }
            let content_of = |p| article_at(articles, p).content;
            if clusters
                .contents
                .find(article.content, content_of)
                .is_none()
            {
                clusters
                    .contents
                    .insert(article.content, position, content_of);
            }
        }
        clusters
    }

    /// Forgets every article of the files in `origins`, which are about to
    /// be read again.
    pub fn forget(&mut self, origins: &HashSet<u32>) {
        for position in 0..self.articles.len() {
            let article = article_at(&self.articles, position as u32);
            if article.origin == DEAD || !origins.contains(&{ article.origin }) {
                continue;
            }
            self.unindex(position as u32, article);
            if let Some(article) = self.articles.get_mut(position) {
                article.origin = DEAD;
            }
            self.living -= 1;
        }
        self.skipped.retain(|s| !origins.contains(&s.origin));
    }

    /// Removes a living article from the id and content indexes.
    fn unindex(&mut self, position: u32, article: Article) {
        let articles = &self.articles;
        let id_of = |p| article_at(articles, p).id;
        if self.ids.find(article.id, id_of) == Some(position) {
            self.ids.remove(article.id, id_of);
        }
        let content_of = |p| article_at(articles, p).content;
        if self.contents.find(article.content, content_of) == Some(position) {
            self.contents.remove(article.content, content_of);
        }
    }

    /// Living articles remembered.
    pub fn len(&self) -> usize {
        self.living
    }

    /// Whether no living article is remembered.
    pub fn is_empty(&self) -> bool {
        self.living == 0
    }

    /// Files holding skipped duplicates whose indexed copy is gone (it was
    /// replaced by id in this run): they must be read again next time.
    pub fn orphaned_origins(&self) -> HashSet<u32> {
        let articles = &self.articles;
        self.skipped
            .iter()
            .filter(|s| {
                self.contents
                    .find(s.content, |p| article_at(articles, p).content)
                    .is_none()
            })
            .map(|s| s.origin)
            .collect()
    }

    /// Decides about one article read from the file with manifest key `origin`,
    /// and remembers it. Fails only when band tables cannot be read from or
    /// spilled to disk.
    pub fn assign(&mut self, signature: &Signature, origin: u32) -> io::Result<Verdict> {
        let articles = &self.articles;
        let content_of = |p| article_at(articles, p).content;
        if let Some(of) = self.contents.find(signature.content, content_of) {
            self.skipped.push(Skipped {
                content: signature.content,
                origin,
            });
            return Ok(Verdict::Duplicate { of });
        }
        let position = u32::try_from(self.articles.len())
            .ok()
            .filter(|p| *p < DEAD)
            .ok_or_else(|| io::Error::other("more articles than clustering can number"))?;
        let replaced = self.ids.find(signature.id, |p| article_at(articles, p).id);
        if let Some(old) = replaced {
            let article = article_at(&self.articles, old);
            self.unindex(old, article);
            if let Some(article) = self.articles.get_mut(old as usize) {
                article.origin = DEAD;
            }
            self.living -= 1;
        }
        self.articles.push(Article {
            id: signature.id,
            content: signature.content,
            origin,
        });
        self.living += 1;
        let articles = &self.articles;
        self.ids
            .insert(signature.id, position, |p| article_at(articles, p).id);
        self.contents.insert(signature.content, position, |p| {
            article_at(articles, p).content
        });

        let alive = |p| is_alive(articles, p);
        let nearest = match &signature.sketch {
            Some(sketch) => self.days.nearest(sketch, signature.day, &alive)?,
            None => None,
        };
        let cluster = nearest.map_or(signature.id, |n| n.cluster);
        if let Some(sketch) = signature.sketch {
            let member = Member {
                cluster,
                sketch,
                seq: position,
            };
            self.days.insert(signature.day, member, &alive)?;
        }
        Ok(Verdict::Index {
            cluster,
            nearest: nearest.map(|n| (n.seq, n.similarity)),
            replaces: replaced.is_some(),
        })
    }

    /// The remembered article at `position` (as a [`Verdict`] names it).
    pub fn article(&self, position: u32) -> Option<Article> {
        self.articles.get(position as usize).copied()
    }

    /// Bytes of memory the state takes now, about.
    pub fn memory(&self) -> usize {
        self.articles.bytes()
            + self.ids.bytes()
            + self.contents.bytes()
            + self.skipped.capacity() * std::mem::size_of::<Skipped>()
            + self.days.memory()
    }

    /// Writes the state to `path` tagged with `token` (see [`store`]): the
    /// living articles, renumbered, and every day's band table members.
    pub fn write(&mut self, path: &Path, token: u64) -> io::Result<()> {
        let days = &mut self.days;
        store::write(
            path,
            token,
            &self.articles,
            |a| a.origin != DEAD,
            &self.skipped,
            |out, renumber| days.write_members(out, renumber),
        )
    }
}

#[cfg(test)]
mod tests;
