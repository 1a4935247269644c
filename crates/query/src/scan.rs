//! Every article matching a request, for exports: [`Archive::scan`] finds the
//! matches (the same query and filters as [`Archive::search`]) and
//! [`Scan::run`] reads their stored documents, segment by segment in doc id
//! order, so that each compressed block of the doc store is decompressed
//! once.
//!
//! Finding the matches keeps 12 bytes per match (doc id and cluster), never
//! the articles. Reading cuts the matches into runs of [`CHUNK`] of one
//! segment; one thread per core (at most four) decompresses and decodes
//! them, thread `i` taking runs `i`, `i + n`, ..., each handing its chunks
//! over through a bounded channel of its own, and the caller takes the
//! chunks from the threads in turn, so articles arrive in order while
//! decoding runs on every core beside the caller's writing. Memory stays
//! flat however large the archive: at most [`CHUNKS_AHEAD`] chunks per
//! thread wait for the caller. With [`Archive::open_for_scan`] the doc store
//! is read into buffers freed after use rather than mapped.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::store::StoreReader;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument};

use crate::archive::{guard, Archive};
use crate::error::Result;
use crate::request::SearchRequest;
use crate::response::Notice;
use crate::schema::{field, ArticleRecord, NewsSchema};
use crate::search::deadline::Deadline;
use crate::search::{filter, query_names, restrict, text};

/// Articles handed over per message between a reading thread and the caller.
const CHUNK: usize = 1024;
/// Chunks waiting per reading thread: bounds what is read ahead of the caller.
const CHUNKS_AHEAD: usize = 4;
/// Decompressed doc store blocks kept per segment and thread; reading in doc
/// id order needs only the current one.
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
    /// The archive's directory, to name it in errors.
    path: PathBuf,
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
                path: self.path().to_owned(),
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
    /// id order. Threads decode ahead while `visit` runs (see the module
    /// doc); an error of `visit` stops the reading and is returned.
    pub fn run<E: From<crate::Error>>(
        self,
        mut visit: impl FnMut(ScannedArticle) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let units = self.units();
        let readers = reading_threads().min(units.len()).max(1);
        let (senders, receivers): (Vec<_>, Vec<_>) =
            (0..readers).map(|_| sync_channel(CHUNKS_AHEAD)).unzip();
        std::thread::scope(|scope| {
            for (first, sender) in senders.into_iter().enumerate() {
                let (this, units) = (&self, &units);
                scope.spawn(move || {
                    let mine = units.iter().skip(first).step_by(readers);
                    this.read(mine, sender)
                });
            }
            drain(receivers, units.len(), &mut visit)
        })
    }

    /// The work in runs of at most [`CHUNK`] matches of one segment, in the
    /// order they are handed over.
    fn units(&self) -> Vec<Unit> {
        let mut units = Vec::new();
        for (segment, matches) in self.segments.iter().enumerate() {
            for start in (0..matches.docs.len()).step_by(CHUNK) {
                let end = (start + CHUNK).min(matches.docs.len());
                units.push(Unit {
                    segment,
                    docs: start..end,
                });
            }
        }
        units
    }

    /// A reading thread: reads `units` in order, sending one chunk each;
    /// stops at the first error (a panic inside tantivy, reading a damaged
    /// file, is one), or when the caller has stopped listening.
    fn read<'a>(
        &self,
        units: impl Iterator<Item = &'a Unit>,
        sender: SyncSender<Result<Vec<ScannedArticle>>>,
    ) {
        let mut store: Option<(usize, StoreReader)> = None;
        for unit in units {
            let chunk = guard(&self.path, || {
                let reader = match &store {
                    Some((segment, reader)) if *segment == unit.segment => reader,
                    _ => {
                        let ordinal = self.segments[unit.segment].ordinal;
                        let reader = self
                            .searcher
                            .segment_reader(ordinal)
                            .get_store_reader(CACHED_BLOCKS)
                            .map_err(tantivy::TantivyError::from)?;
                        &store.insert((unit.segment, reader)).1
                    }
                };
                self.read_unit(reader, unit)
            });
            let failed = chunk.is_err();
            if sender.send(chunk).is_err() || failed {
                return;
            }
        }
    }

    fn read_unit(&self, store: &StoreReader, unit: &Unit) -> Result<Vec<ScannedArticle>> {
        let segment = &self.segments[unit.segment];
        let docs = &segment.docs[unit.docs.clone()];
        let clusters = &segment.clusters[unit.docs.clone()];
        let mut chunk = Vec::with_capacity(docs.len());
        for (&doc, cluster) in docs.iter().zip(clusters) {
            let document: TantivyDocument = store.get(doc)?;
            let cluster_size = cluster
                .and_then(|c| self.cluster_sizes.get(&c).copied())
                .unwrap_or(1);
            chunk.push(ScannedArticle {
                record: self.schema.to_record(&document),
                cluster_size,
            });
        }
        Ok(chunk)
    }
}

/// A run of one segment's matches, read by one thread.
struct Unit {
    /// Index into [`Scan::segments`].
    segment: usize,
    /// Range of that segment's matches.
    docs: Range<usize>,
}

/// Threads decompressing and decoding stored documents: one per core, at
/// most four. The caller's thread runs beside them; on two cores the three
/// share the cores, and whichever is slower, decoding or the caller's
/// writing, sets the pace.
fn reading_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4))
}

impl std::fmt::Debug for Scan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scan")
            .field("matched", &self.matched)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// Hands every article received to `visit`, taking the `units` chunks from
/// the reading threads in turn (thread `i` reads units `i`, `i + n`, ...),
/// so they arrive in order; returning drops the receivers, which stops the
/// reading threads.
fn drain<E: From<crate::Error>>(
    receivers: Vec<Receiver<Result<Vec<ScannedArticle>>>>,
    units: usize,
    visit: &mut impl FnMut(ScannedArticle) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    for unit in 0..units {
        // A reading thread hangs up only after sending its error, which
        // stops this loop first.
        let Ok(chunk) = receivers[unit % receivers.len()].recv() else {
            break;
        };
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
