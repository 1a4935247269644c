//! [`Archive`]: an opened news index, shared cheaply between threads.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::OpenDirectoryError;
use tantivy::directory::{Directory, MmapDirectory};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Warmer};

use crate::entity::{Entity, EntityKind};
use crate::error::{Error, Result};
use crate::request::{Interval, SearchRequest};
use crate::response::Timeline;
use crate::response::{Hit, SearchResponse};
use crate::schema::{register_tokenizers, ArticleRecord, NewsSchema};
use crate::search::{self, deadline::Deadline, vocabulary::VocabularyCache, Context};
use crate::verify::{verify, Depth};

/// A news archive opened for searching.
///
/// Cloning is cheap (one `Arc`), it is `Send + Sync`, and clones share one
/// reader that follows new commits by the indexer within a moment of each
/// commit ([`Archive::reload`] makes one visible at once). The per-commit
/// work facet counting needs is done while a commit is loaded, before it
/// serves any request.
///
/// ```
/// use news_query::schema::{write_records, ArticleRecord};
/// use news_query::{Archive, SearchRequest};
/// # fn main() -> Result<(), news_query::Error> {
/// let dir = tempfile::tempdir().unwrap();
/// let article = |id: &str, title: &str| ArticleRecord {
///     id: id.into(),
///     title: title.into(),
///     body: format!("{title}, the agencies reported."),
///     date: Some(1_769_558_400), // 2026-01-28
///     ..Default::default()
/// };
/// write_records(dir.path(), &[article("a", "Tartus port reopens")])?;
/// let archive = Archive::open(dir.path())?;
/// let response = archive.search(&SearchRequest::new("Tartus"))?;
/// assert_eq!(response.hits[0].date.as_deref(), Some("2026-01-28T00:00:00Z"));
///
/// // A later commit is seen after a reload (or within a moment by itself).
/// write_records(dir.path(), &[article("b", "Tartus grain arrives")])?;
/// archive.reload()?;
/// assert_eq!(archive.search(&SearchRequest::new("Tartus"))?.total, 2);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Archive {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    schema: NewsSchema,
    vocabularies: Arc<VocabularyCache>,
}

impl Archive {
    /// Opens the archive in directory `path`, as written by `news index`.
    ///
    /// Every file of the archive is checked first ([`crate::verify`], at
    /// [`Depth::Changed`]): a missing, truncated or changed file is
    /// [`Error::Damaged`], naming it; a directory without an archive is
    /// [`Error::NoArchive`]. The bytes of a file are read for its checksum
    /// unless a check already found it sound and it has not changed since
    /// ([`crate::verified`]; docs/RELIABILITY.md gives the costs).
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Archive::open_through(path.as_ref(), |path| MmapDirectory::open(path))
    }

    /// Checks the archive in `path` as [`Archive::open`] says, then opens it
    /// through the directory `directory` makes of `path`.
    pub(crate) fn open_through<D: Directory>(
        path: &Path,
        directory: impl FnOnce(&Path) -> std::result::Result<D, OpenDirectoryError>,
    ) -> Result<Self> {
        let path = path.to_path_buf();
        let report = verify(&path, Depth::Changed)?;
        if let Some(finding) = report.first_damage() {
            return Err(Error::Damaged {
                path,
                detail: finding.to_string(),
            });
        }
        let open_error = |source| Error::Open {
            path: path.clone(),
            source,
        };
        let directory = directory(&path).map_err(|e| open_error(tantivy::TantivyError::from(e)))?;
        let index = Index::open(directory).map_err(open_error)?;
        let opening = path.clone();
        guard(&path, move || Archive::from_index(index, opening))
    }

    /// Wraps an index already open (for instance one the indexer just wrote).
    pub fn from_index(mut index: Index, path: PathBuf) -> Result<Self> {
        let schema = NewsSchema::of_index(&index, &path)?;
        register_tokenizers(&index);
        // Segments are searched in parallel; the executor must be set before
        // the reader, which keeps its own handle on the index.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        if threads > 1 {
            index.set_multithread_executor(threads)?;
        }
        let vocabularies = Arc::new(VocabularyCache::new(schema.clone()));
        let warmer: Arc<dyn Warmer> = vocabularies.clone();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        Ok(Archive {
            inner: Arc::new(Inner {
                path,
                index,
                reader,
                schema,
                vocabularies,
            }),
        })
    }

    /// The directory the archive lives in.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Makes the latest commit visible now rather than within a moment.
    pub fn reload(&self) -> Result<()> {
        Ok(self.inner.reader.reload()?)
    }

    /// An id of what searches are answered from (the segments and their
    /// deletes): it changes when a commit of the indexer that changes them
    /// becomes visible, so that a cache of answers can tell when they may
    /// be stale. A reload that finds the same segments keeps it.
    pub fn generation(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.inner
            .reader
            .searcher()
            .generation()
            .segments()
            .hash(&mut hasher);
        hasher.finish()
    }

    /// Number of articles in the archive.
    pub fn len(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Whether the archive holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search: the count, the page of hits, facet counts and histogram
    /// in one pass over the matches.
    ///
    /// ```
    /// # use news_query::schema::{write_records, ArticleRecord};
    /// use news_query::{Archive, SearchRequest};
    /// # fn main() -> Result<(), news_query::Error> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let article = |id: &str, person: &str| ArticleRecord {
    /// #     id: id.into(), title: format!("{person} visits Tartus"), body: "Talks on the port.".into(),
    /// #     persons: vec![person.into()], ..Default::default() };
    /// # write_records(dir.path(), &[article("a", "Vladimir Putin"), article("b", "Ahmed al-Sharaa")])?;
    /// let archive = Archive::open(dir.path())?;
    /// let response = archive.search(&SearchRequest::new("Tartus").person("Putin"))?;
    /// assert_eq!(response.total, 1);
    /// // "Putin" was read as the canonical name, and the notice says so.
    /// assert_eq!(response.notices[0].used.as_deref(), Some("Vladimir Putin"));
    /// // The persons facet ignores its own selection: both people stay listed.
    /// assert_eq!(response.facets.persons.len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse> {
        let deadline = Deadline::after_ms(request.timeout_ms);
        self.with_context(deadline, |context| search::run(context, request))
    }

    /// Matches per calendar bucket next to the articles passing the filters
    /// alone, and their ratio (see [`Timeline`]).
    ///
    /// ```
    /// # use news_query::schema::{write_records, ArticleRecord};
    /// use news_query::{Archive, Interval, SearchRequest};
    /// # fn main() -> Result<(), news_query::Error> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let day = 86_400;
    /// # let article = |id: &str, title: &str, date: i64| ArticleRecord {
    /// #     id: id.into(), title: title.into(), date: Some(date), ..Default::default() };
    /// # write_records(dir.path(), &[
    /// #     article("a", "Oil prices rise", 0), article("b", "Wheat harvest", 1),
    /// #     article("c", "Oil output cut", 60 * day)])?;
    /// let archive = Archive::open(dir.path())?;
    /// let timeline = archive.timeline(&SearchRequest::new("oil"), Interval::Month)?;
    /// let keys: Vec<&str> = timeline.buckets.iter().map(|b| b.key.as_str()).collect();
    /// assert_eq!(keys, ["1970-01", "1970-02", "1970-03"]);
    /// assert_eq!((timeline.buckets[0].count, timeline.buckets[0].total), (1, 2));
    /// assert_eq!(timeline.buckets[0].ratio, 0.5);
    /// # Ok(()) }
    /// ```
    pub fn timeline(&self, request: &SearchRequest, interval: Interval) -> Result<Timeline> {
        let deadline = Deadline::after_ms(request.timeout_ms);
        self.with_context(deadline, |context| {
            search::timeline::run(context, request, interval)
        })
    }

    /// The stored article with this id, if any.
    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        self.with_context(Deadline::none(), |context| {
            let Some(address) = search::related::find(context, id)? else {
                return Ok(None);
            };
            let doc: TantivyDocument = context.searcher.doc(address)?;
            Ok(Some(context.schema.to_record(&doc)))
        })
    }

    /// Up to `limit` articles related to the article `id`: sharing its rarer
    /// words (more-like-this) and the people and places it names; one per
    /// near-duplicate cluster, never its own copies. [`Error::UnknownArticle`]
    /// when no article has that id.
    ///
    /// ```
    /// # use news_query::schema::{write_records, ArticleRecord};
    /// use news_query::Archive;
    /// # fn main() -> Result<(), news_query::Error> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let article = |id: &str, title: &str| ArticleRecord {
    /// #     id: id.into(), title: title.into(), body: title.into(), ..Default::default() };
    /// # write_records(dir.path(), &[
    /// #     article("a", "Hmeimim airbase lease talks"), article("b", "Hmeimim airbase lease renewed"),
    /// #     article("c", "Football final tonight"), article("d", "Election results delayed")])?;
    /// let archive = Archive::open(dir.path())?;
    /// let related = archive.related("a", 5)?;
    /// assert_eq!(related[0].id, "b");
    /// assert!(archive.related("nope", 5).is_err());
    /// # Ok(()) }
    /// ```
    pub fn related(&self, id: &str, limit: usize) -> Result<Vec<Hit>> {
        self.related_within(id, limit, None)
    }

    /// [`Archive::related`] within a time budget: past it the work stops
    /// and the answer is [`Error::Timeout`].
    pub fn related_within(
        &self,
        id: &str,
        limit: usize,
        budget: Option<std::time::Duration>,
    ) -> Result<Vec<Hit>> {
        self.with_context(Deadline::after(budget), |context| {
            search::related::run(context, id, limit)
        })
    }

    /// Canonical names of `kind` matching `text` (by prefix of the name or of
    /// a word in it, else by near spelling), with their article counts; best
    /// match first, then most articles. An empty `text` lists the commonest.
    ///
    /// ```
    /// # use news_query::schema::{write_records, ArticleRecord};
    /// use news_query::{Archive, EntityKind};
    /// # fn main() -> Result<(), news_query::Error> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # write_records(dir.path(), &[ArticleRecord {
    /// #     id: "a".into(), persons: vec!["Vladimir Putin".into()], ..Default::default() }])?;
    /// let archive = Archive::open(dir.path())?;
    /// let found = archive.entities(EntityKind::Person, "Puti", 10)?;
    /// assert_eq!((found[0].name.as_str(), found[0].count), ("Vladimir Putin", 1));
    /// # Ok(()) }
    /// ```
    pub fn entities(&self, kind: EntityKind, text: &str, limit: usize) -> Result<Vec<Entity>> {
        self.with_context(Deadline::none(), |context| {
            search::entity_lookup::run(context, kind, text, limit)
        })
    }

    /// Runs `f` on one searcher of the current generation; a panic inside
    /// (tantivy reading a damaged file) is [`Error::Damaged`].
    pub(crate) fn with_context<T>(
        &self,
        deadline: Deadline,
        f: impl FnOnce(&Context) -> Result<T>,
    ) -> Result<T> {
        guard(&self.inner.path, || {
            let searcher: Searcher = self.inner.reader.searcher();
            let vocabularies = self.inner.vocabularies.for_searcher(&searcher);
            let context = Context {
                index: &self.inner.index,
                searcher: &searcher,
                schema: &self.inner.schema,
                vocabularies: &vocabularies,
                deadline,
            };
            f(&context)
        })
    }
}

/// Runs `f`, turning a panic into [`Error::Damaged`] for the archive at `path`.
///
/// tantivy trusts the bytes of its files: one that changed after the
/// checks at open (or in a way they cannot see) can make it index out of
/// bounds. Searches across segments run on tantivy's executor (a rayon
/// pool), whose scope hands a panic of any of its threads back to the
/// caller, so catching here covers them too. The default panic hook still
/// prints the panic once on stderr, which is what a bug report needs; the
/// caller gets the error.
pub(crate) fn guard<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(Error::Damaged {
            path: path.to_owned(),
            detail: format!("reading it failed inside tantivy ({message})"),
        })
    })
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("path", &self.inner.path)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(result: Result<()>) -> String {
        match result {
            Err(Error::Damaged { detail, .. }) => detail,
            other => panic!("expected Error::Damaged, got {other:?}"),
        }
    }

    #[test]
    fn a_panic_on_the_caller_or_a_search_thread_is_damage() {
        let path = Path::new("/archive");
        let on_caller = guard(path, || panic!("bad ordinal"));
        assert!(detail(on_caller).contains("bad ordinal"));
        // As tantivy searches segments: on its executor's threads.
        let executor = tantivy::Executor::multi_thread(2, "guard-test-").unwrap();
        let on_thread = guard(path, || {
            executor.map(
                |segment: u32| match segment {
                    3 => panic!("segment {segment} is damaged"),
                    _ => Ok(segment),
                },
                0..4,
            )?;
            Ok(())
        });
        assert!(detail(on_thread).contains("segment 3"));
        assert!(guard(path, || Ok(())).is_ok());
    }
}
