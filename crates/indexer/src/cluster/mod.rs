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
mod tests {
    use super::*;

    /// The undated signature, which is all most of these tests need.
    fn signature(id: &str, title: &str, body: &str) -> Signature {
        crate::cluster::sketch::signature(id, title, body, None)
    }

    const STORY: &str = "The Bank of Japan left interest rates unchanged on Tuesday and said \
        the economy was recovering moderately, while warning that weak exports to China and \
        a strong yen could weigh on growth in the coming months, according to a statement \
        released after its two-day policy meeting in Tokyo.";

    fn index(verdict: io::Result<Verdict>) -> (u64, bool, bool) {
        match verdict.unwrap() {
            Verdict::Index {
                cluster,
                nearest,
                replaces,
            } => (cluster, nearest.is_some(), replaces),
            Verdict::Duplicate { .. } => panic!("not expected to be a duplicate"),
        }
    }

    #[test]
    fn near_copies_share_a_cluster_and_other_stories_do_not() {
        let mut clusters = Clusters::new();
        let first = signature("a", "BOJ holds rates", STORY);
        let (a, joined, _) = index(clusters.assign(&first, 1));
        assert_eq!((a, joined), (first.id, false));
        let copy = signature(
            "b",
            "Bank of Japan holds rates steady",
            &STORY.replace("Tuesday", "Tuesday morning"),
        );
        let (b, joined, _) = index(clusters.assign(&copy, 2));
        assert_eq!((b, joined), (a, true));
        let other = signature(
            "c",
            "Wheat harvest",
            "Farmers in Kansas began harvesting winter wheat a week early after a dry, hot \
             May, and analysts said yields would be lower than last year's record crop.",
        );
        let (c, joined, _) = index(clusters.assign(&other, 2));
        assert_eq!((c, joined), (other.id, false));
    }

    #[test]
    fn only_articles_a_day_apart_or_both_undated_are_compared() {
        let day = 86_400;
        let dated = |id: &str, days: i64| {
            crate::cluster::sketch::signature(id, "BOJ", STORY, Some(20_000 * day + days * day))
        };
        let mut clusters = Clusters::new();
        let (first, _, _) = index(clusters.assign(&dated("a", 0), 1));
        // Each edited a little differently, so none is an exact copy.
        let edited = |id: &str, days: i64| {
            crate::cluster::sketch::signature(
                id,
                "BOJ",
                &STORY.replace("Tokyo", &format!("Tokyo {id}")),
                Some(20_000 * day + days * day),
            )
        };
        assert_eq!(index(clusters.assign(&edited("b", 1), 1)).0, first);
        assert_eq!(index(clusters.assign(&edited("c", -1), 1)).0, first);
        let (far, joined, _) = index(clusters.assign(&edited("d", 3), 1));
        assert_eq!((far, joined), (signature("d", "", "").id, false));
        let undated = |id: &str| {
            crate::cluster::sketch::signature(id, "BOJ", &STORY.replace("yen", id), None)
        };
        assert!(!index(clusters.assign(&undated("e"), 1)).1);
        assert_eq!(index(clusters.assign(&undated("f"), 1)).0, undated("e").id);
    }

    #[test]
    fn exact_duplicates_are_skipped_whatever_their_id() {
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        let again = signature("z", "t", &STORY.to_uppercase());
        assert_eq!(
            clusters.assign(&again, 2).unwrap(),
            Verdict::Duplicate { of: 0 }
        );
        assert_eq!(clusters.len(), 1);
    }

    #[test]
    fn the_same_id_with_new_text_replaces_and_frees_the_old_text() {
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        let (_, _, replaces) = index(clusters.assign(&signature("a", "T2", "Other text."), 1));
        assert!(replaces);
        assert_eq!(clusters.len(), 1);
        // The first text is no longer indexed, so a copy of it under another id is.
        let (_, _, replaces) = index(clusters.assign(&signature("b", "T", STORY), 1));
        assert!(!replaces);
    }

    /// A stored state opened with a small budget and forgetting `forget`.
    fn reopen(clusters: &mut Clusters, dir: &Path, budget: usize, forget: &[u32]) -> Clusters {
        let path = dir.join(store::FILE_NAME);
        clusters.write(&path, 7).unwrap();
        let stored = store::read(&path, 7).unwrap();
        assert!(stored.is_some());
        Clusters::open(dir, budget, stored, &forget.iter().copied().collect())
    }

    #[test]
    fn forgetting_a_file_drops_its_articles_and_orphans_copies_skipped_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut clusters = Clusters::new();
        index(clusters.assign(&signature("a", "T", STORY), 1));
        assert_eq!(
            clusters.assign(&signature("b", "T", STORY), 2).unwrap(),
            Verdict::Duplicate { of: 0 }
        );
        index(clusters.assign(&signature("c", "U", "Something else entirely."), 3));
        assert!(clusters.orphaned_origins().is_empty());
        let rebuilt = reopen(&mut clusters, dir.path(), 1 << 20, &[1]);
        assert_eq!(rebuilt.len(), 1);
        assert_eq!(rebuilt.orphaned_origins(), HashSet::from([2]));
        let kept = reopen(&mut clusters, dir.path(), 1 << 20, &[3]);
        assert!(kept.orphaned_origins().is_empty());

        // In a run: forget file 2, read it again, and its copy is indexed now.
        clusters.forget(&HashSet::from([1]));
        assert_eq!(clusters.orphaned_origins(), HashSet::from([2]));
        clusters.forget(&HashSet::from([2]));
        let (cluster, joined, replaces) = index(clusters.assign(&signature("b", "T", STORY), 2));
        assert_eq!(
            (cluster, joined, replaces),
            (signature("b", "", "").id, false, false)
        );
        assert!(clusters.orphaned_origins().is_empty());
    }

    /// Articles of 600 stories, each told up to four times with a few words
    /// changed, over 60 days in random order; some repeat an earlier
    /// article's text exactly, some an earlier id with new text, some are
    /// undated, some short.
    fn articles(count: u64) -> Vec<(Signature, u32)> {
        let random = |a: u64, b: u64| sketch::mix64(a.wrapping_mul(0x9e37_79b9) ^ b);
        (0..count)
            .map(|i| {
                let story = random(i, 1) % 600;
                let variant = random(i, 2) % 5;
                let length = if story % 10 == 0 { 12 } else { 60 };
                let mut words: Vec<String> = (0..length)
                    .map(|w| format!("w{}", random(story, w) % 500))
                    .collect();
                for edit in 0..variant.min(3) {
                    let at = (random(story ^ variant, edit) % length) as usize;
                    words[at] = format!("edit{variant}");
                }
                let id = if random(i, 3) % 50 == 0 && i > 0 {
                    format!("a{}", random(i, 4) % i)
                } else {
                    format!("a{i}")
                };
                let day = (story * 7 + random(i, 5) % 3) % 60;
                let date = (random(i, 6) % 20 != 0).then_some((20_000 + day as i64) * 86_400);
                let origin = (i / 100) as u32;
                (sketch::signature(&id, "", &words.join(" "), date), origin)
            })
            .collect()
    }

    /// What a verdict says, less positions (which storing renumbers).
    fn outcome(verdict: Verdict) -> (bool, u64, Option<u64>, bool) {
        match verdict {
            Verdict::Duplicate { .. } => (true, 0, None, false),
            Verdict::Index {
                cluster,
                nearest,
                replaces,
            } => (false, cluster, nearest.map(|(_, s)| s.to_bits()), replaces),
        }
    }

    #[test]
    fn spilling_days_to_disk_and_storing_never_change_a_verdict() {
        let dir = tempfile::tempdir().unwrap();
        let articles = articles(4000);
        let (first, second) = articles.split_at(2500);
        let mut memory = Clusters::new();
        // Room for about 40 articles' band tables: days go to disk all the time.
        let mut bounded =
            Clusters::open(dir.path(), 40 * days::MEMBER_MEMORY, None, &HashSet::new());
        let (mut joined, mut duplicates, mut replaced) = (0, 0, 0);
        for (signature, origin) in first {
            let expected = memory.assign(signature, *origin).unwrap();
            assert_eq!(bounded.assign(signature, *origin).unwrap(), expected);
            match expected {
                Verdict::Duplicate { .. } => duplicates += 1,
                Verdict::Index {
                    nearest, replaces, ..
                } => {
                    joined += u32::from(nearest.is_some());
                    replaced += u32::from(replaces);
                }
            }
        }
        // Beyond the budget, only the days the last article used stay.
        let resident = bounded.days.resident_members();
        assert!(resident < memory.days.resident_members() / 5, "{resident}");
        assert!(dir.path().join(SPILL_FILE_NAME).exists());
        assert!(
            joined > 500 && duplicates > 200 && replaced > 20,
            "{joined} {duplicates} {replaced}"
        );

        // Stored and opened again (forgetting one file), the state answers as
        // the one that stayed in memory does.
        memory.forget(&HashSet::from([3]));
        let mut reopened = reopen(&mut bounded, dir.path(), 40 * days::MEMBER_MEMORY, &[3]);
        assert_eq!(reopened.len(), memory.len());
        for (signature, origin) in second {
            let expected = outcome(memory.assign(signature, *origin).unwrap());
            assert_eq!(
                outcome(reopened.assign(signature, *origin).unwrap()),
                expected
            );
        }
        assert_eq!(reopened.orphaned_origins(), memory.orphaned_origins());
        drop(bounded);
        drop(reopened);
        assert!(!dir.path().join(SPILL_FILE_NAME).exists());
    }
}
