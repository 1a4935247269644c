//! Every article matching a request, for exports: [`Archive::scan`] finds the
//! matches (the same query and filters as [`Archive::search`]) and
//! [`Scan::run`] reads their stored documents, segment by segment in doc id
//! order, so that each compressed block of the doc store is decompressed
//! once.
//!
//! Finding the matches keeps 12 bytes per match (doc id and cluster), never
//! the articles; reading hands them to the caller in chunks through a bounded
//! channel, so memory stays flat however large the archive, and the reading
//! thread decompresses while the caller writes.

use std::collections::HashMap;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument};

use crate::archive::Archive;
use crate::error::Result;
use crate::request::SearchRequest;
use crate::response::Notice;
use crate::schema::{field, ArticleRecord, NewsSchema};
use crate::search::deadline::Deadline;
use crate::search::{filter, query_names, restrict, text};

/// Articles handed over per message between the reading thread and the caller.
const CHUNK: usize = 1024;
/// Chunks in flight: bounds what is read ahead of the caller.
const CHUNKS_AHEAD: usize = 8;
/// Decompressed doc store blocks kept per segment; reading in doc id order
/// needs only the current one.
const CACHED_BLOCKS: usize = 4;

/// One article of a scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScannedArticle {
    /// The article as stored.
    pub record: ArticleRecord,
    /// How many matching articles its near-duplicate cluster has (1 for an
    /// article without a cluster or alone in it).
    pub cluster_size: u64,
}

/// The matches of a request, found but not yet read: [`Scan::len`] articles
/// will be handed to [`Scan::run`]'s callback.
pub struct Scan {
    searcher: Searcher,
    schema: NewsSchema,
    /// Per segment with matches: its ordinal, the doc ids to read (ascending)
    /// and each one's cluster, if any.
    segments: Vec<SegmentMatches>,
    /// Matching members per cluster.
    cluster_sizes: HashMap<u64, u64>,
    matched: u64,
    rows: u64,
    notices: Vec<Notice>,
}

struct SegmentMatches {
    ordinal: SegmentOrdinal,
    docs: Vec<DocId>,
    clusters: Vec<Option<u64>>,
}

impl Archive {
    /// Finds every article matching `request`'s query and filters (`*` and
    /// no filter: the whole archive); paging, sorting, facet and histogram
    /// options are ignored. Unless `request.all_copies`, a near-duplicate
    /// cluster gives one article, its first in the archive.
    ///
    /// ```
    /// # use news_query::schema::{write_records, ArticleRecord};
    /// use news_query::{Archive, SearchRequest};
    /// # fn main() -> Result<(), news_query::Error> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let article = |id: &str, cluster: u64| ArticleRecord {
    /// #     id: id.into(), title: "Grain ships leave Odesa".into(), cluster: Some(cluster),
    /// #     ..Default::default() };
    /// # write_records(dir.path(), &[article("a", 1), article("b", 1), article("c", 2)])?;
    /// let archive = Archive::open(dir.path())?;
    /// let scan = archive.scan(&SearchRequest::new("grain"))?;
    /// assert_eq!((scan.matched(), scan.len()), (3, 2));
    /// let mut sizes = Vec::new();
    /// scan.run(|article| {
    ///     sizes.push((article.record.id, article.cluster_size));
    ///     Ok::<_, news_query::Error>(())
    /// })?;
    /// assert_eq!(sizes, [("a".to_string(), 2), ("c".to_string(), 1)]);
    /// # Ok(()) }
    /// ```
    pub fn scan(&self, request: &SearchRequest) -> Result<Scan> {
        // An export reads the whole archive: no deadline.
        self.with_context(Deadline::none(), |context| {
            let names = query_names::QueryNames::of(context)?;
            let text = text::parse(context.index, context.schema, &names, &request.query)?;
            let filters = filter::build(context, request)?;
            let query = restrict(text, filters.all());
            let mut segments = context.searcher.search(&*query, &MatchCollector)?;
            segments.sort_by_key(|s| s.ordinal);
            let mut cluster_sizes: HashMap<u64, u64> = HashMap::new();
            let mut matched = 0;
            for segment in &mut segments {
                matched += segment.docs.len() as u64;
                let mut kept = 0;
                for i in 0..segment.docs.len() {
                    let first = match segment.clusters[i] {
                        Some(cluster) => {
                            let size = cluster_sizes.entry(cluster).or_insert(0);
                            *size += 1;
                            *size == 1
                        }
                        None => true,
                    };
                    if first || request.all_copies {
                        segment.docs[kept] = segment.docs[i];
                        segment.clusters[kept] = segment.clusters[i];
                        kept += 1;
                    }
                }
                segment.docs.truncate(kept);
                segment.clusters.truncate(kept);
            }
            segments.retain(|s| !s.docs.is_empty());
            let rows = segments.iter().map(|s| s.docs.len() as u64).sum();
            Ok(Scan {
                searcher: context.searcher.clone(),
                schema: context.schema.clone(),
                segments,
                cluster_sizes,
                matched,
                rows,
                notices: filters.notices,
            })
        })
    }
}

impl Scan {
    /// Articles [`Scan::run`] hands over: one per cluster, or every match
    /// with `all_copies`.
    pub fn len(&self) -> u64 {
        self.rows
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Articles matching, every copy counted (`news search`'s `total` with
    /// `--all-copies`).
    pub fn matched(&self) -> u64 {
        self.matched
    }

    /// How filter values were resolved to canonical names, as a search says.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Reads the matches and hands each to `visit`, segment by segment in doc
    /// id order. A thread reads ahead while `visit` runs; an error of
    /// `visit` stops the reading and is returned.
    pub fn run<E: From<crate::Error>>(
        self,
        mut visit: impl FnMut(ScannedArticle) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let (sender, receiver) = sync_channel(CHUNKS_AHEAD);
        std::thread::scope(|scope| {
            scope.spawn(|| self.read(sender));
            drain(receiver, &mut visit)
        })
    }

    /// The reading thread: stops at the first error, or when the caller has
    /// stopped listening.
    fn read(&self, sender: SyncSender<Result<Vec<ScannedArticle>>>) {
        for segment in &self.segments {
            if let Err(error) = self.read_segment(segment, &sender) {
                let _ = sender.send(Err(error));
                return;
            }
        }
    }

    fn read_segment(
        &self,
        segment: &SegmentMatches,
        sender: &SyncSender<Result<Vec<ScannedArticle>>>,
    ) -> Result<()> {
        let reader = self.searcher.segment_reader(segment.ordinal);
        let store = reader
            .get_store_reader(CACHED_BLOCKS)
            .map_err(tantivy::TantivyError::from)?;
        let mut chunk = Vec::with_capacity(CHUNK);
        for (&doc, cluster) in segment.docs.iter().zip(&segment.clusters) {
            let document: TantivyDocument = store.get(doc)?;
            let cluster_size = cluster
                .and_then(|c| self.cluster_sizes.get(&c).copied())
                .unwrap_or(1);
            chunk.push(ScannedArticle {
                record: self.schema.to_record(&document),
                cluster_size,
            });
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                if sender.send(Ok(full)).is_err() {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            let _ = sender.send(Ok(chunk));
        }
        Ok(())
    }
}

impl std::fmt::Debug for Scan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scan")
            .field("matched", &self.matched)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// Hands every article received to `visit`; returning drops the receiver,
/// which stops the reading thread.
fn drain<E: From<crate::Error>>(
    receiver: Receiver<Result<Vec<ScannedArticle>>>,
    visit: &mut impl FnMut(ScannedArticle) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    for chunk in receiver {
        for article in chunk? {
            visit(article)?;
        }
    }
    Ok(())
}

/// Collects each segment's matching doc ids with their clusters.
struct MatchCollector;

impl Collector for MatchCollector {
    type Fruit = Vec<SegmentMatches>;
    type Child = MatchSegment;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MatchSegment> {
        Ok(MatchSegment {
            column: reader.fast_fields().column_opt::<u64>(field::CLUSTER)?,
            matches: SegmentMatches {
                ordinal,
                docs: Vec::new(),
                clusters: Vec::new(),
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentMatches>) -> tantivy::Result<Vec<SegmentMatches>> {
        Ok(fruits)
    }
}

struct MatchSegment {
    column: Option<Column<u64>>,
    matches: SegmentMatches,
}

impl SegmentCollector for MatchSegment {
    type Fruit = SegmentMatches;

    fn collect(&mut self, doc: DocId, _: Score) {
        let cluster = self.column.as_ref().and_then(|c| c.first(doc));
        self.matches.docs.push(doc);
        self.matches.clusters.push(cluster);
    }

    fn harvest(self) -> SegmentMatches {
        self.matches
    }
}
