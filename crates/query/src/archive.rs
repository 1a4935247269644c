//! [`Archive`]: an opened news index, shared cheaply between threads.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::MmapDirectory;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::request::SearchRequest;
use crate::response::SearchResponse;
use crate::schema::{register_tokenizers, ArticleRecord, NewsSchema};
use crate::search;

/// A news archive opened for searching.
///
/// Cloning is cheap (one `Arc`), and clones share one reader that follows new
/// commits by the indexer within a moment of each commit.
///
/// ```no_run
/// use news_query::{Archive, SearchRequest};
/// # fn main() -> Result<(), news_query::Error> {
/// let archive = Archive::open("news-index")?;
/// let response = archive.search(&SearchRequest::new("Tartus"))?;
/// for hit in &response.hits {
///     println!("{} {}", hit.date.as_deref().unwrap_or("undated"), hit.title);
/// }
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
}

impl Archive {
    /// Opens the archive in directory `path`, as written by `news index`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let open_error = |source| Error::Open {
            path: path.clone(),
            source,
        };
        let directory =
            MmapDirectory::open(&path).map_err(|e| open_error(tantivy::TantivyError::from(e)))?;
        let index = Index::open(directory).map_err(open_error)?;
        Archive::from_index(index, path)
    }

    /// Wraps an index already open (for instance one the indexer just wrote).
    pub fn from_index(index: Index, path: PathBuf) -> Result<Self> {
        let schema =
            NewsSchema::from_schema(index.schema()).map_err(|reason| Error::NotAnArchive {
                path: path.clone(),
                reason,
            })?;
        register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Archive {
            inner: Arc::new(Inner {
                path,
                index,
                reader,
                schema,
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

    /// Number of articles in the archive.
    pub fn len(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Whether the archive holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a search: hits, facet counts and histogram in one pass over the matches.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse> {
        let searcher = self.inner.reader.searcher();
        search::run(&self.inner.index, &searcher, &self.inner.schema, request)
    }

    /// The stored article with this id, if any.
    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        let searcher = self.inner.reader.searcher();
        let term = Term::from_field_text(self.inner.schema.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        Ok(Some(self.inner.schema.to_record(&doc)))
    }
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("path", &self.inner.path)
            .finish_non_exhaustive()
    }
}
