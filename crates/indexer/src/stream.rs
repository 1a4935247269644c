//! Reading, extraction, clustering and writing, streamed: the phase of the
//! run that does the work.
//!
//! ```text
//! read (1 thread) --bounded channel--> parse + extract + sketch (rayon)
//!     -> reorder buffer -> cluster + IndexWriter (in read order)
//! ```
//!
//! Applying batches in read order ([`crate::in_order`]) makes the archive a
//! function of the input: the first of two exact copies in input order (files
//! in walk order, then articles in file order) is the one kept, and the first
//! article of a story founds its cluster, whatever the thread count and
//! timing. Clustering is a few percent of the work, so doing it in sequence
//! costs little; parsing and extraction, the bulk, stay parallel. The bounded
//! channel, the reorder window and tantivy's own queue keep memory flat
//! however large the input is.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::iter::{ParallelBridge, ParallelIterator};
use tantivy::{IndexWriter, TantivyDocument, Term};

use news_extract::Extractor;
use news_query::schema::NewsSchema;
use news_query::{ArticleRecord, StoredEntities};
use news_read::{Batch, Item, Parsed, Problem};

use crate::checkpoint::{Ledger, Reach};
use crate::cluster::{self, signature, Clusters, Signature, Verdict};
use crate::error::IndexError;
use crate::in_order::InOrder;
use crate::manifest::{Change, Manifest};
use crate::merge::MergeGate;
use crate::progress::{Observer, Progress};
use crate::record::to_record;
use crate::rules::Rules;
use crate::walk::{self, SourceFile};
use crate::writer::LazyWriter;

/// A file to read, how it changed, and its manifest key.
pub(crate) type FileToRead = (SourceFile, Change, u32);

/// What the workers count while the run goes.
#[derive(Default)]
pub(crate) struct Counters {
    pub(crate) indexed: AtomicU64,
    pub(crate) duplicates: AtomicU64,
    pub(crate) clustered: AtomicU64,
    pub(crate) failed: AtomicU64,
    pub(crate) warnings: AtomicU64,
    pub(crate) bytes: AtomicU64,
    files_read: AtomicU64,
}

/// Everything a worker needs to index a batch.
pub(crate) struct Sink<'a, 'w> {
    /// The archive directory.
    pub(crate) dir: &'a Path,
    pub(crate) writer: &'a Mutex<LazyWriter<'w>>,
    /// Closed once the input is read: a merge begun after that holds back
    /// the run's end, so only too many segments start one (see `merge.rs`).
    pub(crate) merge_gate: &'a MergeGate,
    /// What is applied, for the manifest of the next commit.
    pub(crate) ledger: &'a Mutex<Ledger>,
    pub(crate) schema: &'a NewsSchema,
    pub(crate) extractor: &'a Extractor,
    /// The archive's rules over extracted names, applied to every article written.
    pub(crate) rules: &'a Rules,
    pub(crate) clusters: &'a Mutex<Clusters>,
    /// The archive holds articles clustering does not know: delete by id always.
    pub(crate) delete_every_id: bool,
    pub(crate) counters: &'a Counters,
    pub(crate) observer: &'a dyn Observer,
}

/// A batch (none for the mark that ends a file), the file it came from (its
/// place in the run's list and its manifest key), how far into the file it
/// reaches, and its place in read order.
struct Work {
    batch: Option<Batch>,
    file: usize,
    key: u32,
    reach: Reach,
    sequence: u64,
}

/// A parsed batch waiting for its turn to be clustered and written: each
/// article's record, stored entities and signature.
struct Prepared {
    file: usize,
    key: u32,
    reach: Reach,
    articles: Vec<Article>,
    /// Most of its articles went through extraction.
    extracting: bool,
}

/// A record ready to be written, its stored entities and its signature.
type Article = (ArticleRecord, StoredEntities, Signature);

/// Batches read ahead of the last one applied, per parse thread: enough to
/// keep every thread busy while one works through a large batch.
const WINDOW_PER_THREAD: usize = 8;

/// Reads, extracts, clusters and writes `files`, then reads again the files
/// holding exact copies that were skipped for an article now gone, so the
/// story stays archived. Returns the number of files read again.
pub(crate) fn read_extract_write(
    mut files: Vec<FileToRead>,
    threads: usize,
    sink: &Sink<'_, '_>,
    started: Instant,
    files_read: &mut u64,
) -> Result<u64, IndexError> {
    let origin_term =
        |path: &Path| Term::from_field_text(sink.schema.fields.origin, &path.to_string_lossy());
    let mut reread = 0;
    for pass in 0..MAX_PASSES {
        *files_read += files.len() as u64;
        // Files are recorded in the ledger as they are applied.
        run(&files, threads, sink, started)?;
        let orphans = lock(sink.clusters).orphaned_origins();
        files = files_of(&lock(sink.ledger).manifest, &orphans);
        if files.is_empty() || pass + 1 == MAX_PASSES {
            break;
        }
        let keys: HashSet<u32> = files.iter().map(|(_, _, key)| *key).collect();
        // Until they are read again, a commit must not call them done.
        lock(sink.ledger).manifest.mark_stale(&keys);
        lock(sink.clusters).forget(&keys);
        for (file, _, _) in &files {
            lock(sink.writer).delete_term(origin_term(&file.path));
        }
        reread += files.len() as u64;
    }
    Ok(reread)
}

/// Locks a mutex, taking it over if a panicking thread held it (the run
/// then fails on that thread's error anyway).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Passes over files whose skipped duplicates lost their indexed copy; one
/// almost always suffices.
const MAX_PASSES: usize = 4;

/// The files of the manifest with the given keys that still exist, to be read again.
fn files_of(manifest: &Manifest, keys: &HashSet<u32>) -> Vec<FileToRead> {
    if keys.is_empty() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for (path, entry) in &manifest.sources {
        if !keys.contains(&entry.key) {
            continue;
        }
        let (Ok(metadata), Some(format)) = (std::fs::metadata(path), news_read::Format::of(path))
        else {
            continue;
        };
        let file = SourceFile {
            path: path.clone(),
            format,
            size: metadata.len(),
            mtime_ns: walk::mtime_ns(&metadata),
        };
        files.push((file, Change::Changed, entry.key));
    }
    files
}

/// Reads, parses and writes `files`, noting each in the ledger as it is applied.
fn run(
    files: &[FileToRead],
    threads: usize,
    sink: &Sink<'_, '_>,
    started: Instant,
) -> Result<(), IndexError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("news-parse-{i}"))
        .build()
        .map_err(|e| IndexError::Threads(e.to_string()))?;
    let (sender, receiver) = crossbeam_channel::bounded::<Work>(threads * 4);
    let (done, finished) = crossbeam_channel::bounded::<()>(0);
    let in_order = InOrder::new(threads * WINDOW_PER_THREAD);
    let bytes_to_read = files.iter().map(|(f, _, _)| f.size).sum();
    let files_to_read = files.len() as u64;
    let counters = sink.counters;
    let snapshot = move || Progress {
        articles: counters.indexed.load(Ordering::Relaxed),
        files_read: counters.files_read.load(Ordering::Relaxed),
        files_to_read,
        bytes_read: counters.bytes.load(Ordering::Relaxed),
        bytes_to_read,
        elapsed: started.elapsed(),
    };

    std::thread::scope(|scope| -> Result<(), IndexError> {
        let in_order = &in_order;
        let reader = scope.spawn(move || {
            read_files(files, &sender, in_order, counters, sink.observer);
            sink.merge_gate.close();
        });
        scope.spawn(move || {
            while let Err(crossbeam_channel::RecvTimeoutError::Timeout) =
                finished.recv_timeout(Duration::from_millis(100))
            {
                sink.observer.progress(&snapshot());
            }
        });
        let write_result = {
            // However writing ends (an error, a panic), the reader must not
            // wait for a turn that never comes.
            let _stop = StopOnDrop(in_order);
            pool.install(|| {
                receiver.into_iter().par_bridge().try_for_each(|work| {
                    let sequence = work.sequence;
                    let prepared = prepare(work, sink);
                    in_order.finish(sequence, prepared, |prepared| apply(prepared, files, sink))
                })
            })
        };
        // If writing failed, dropping the receiver ends the reader thread too.
        let joined = reader.join();
        drop(done);
        joined.map_err(|_| IndexError::Threads("reader thread panicked".into()))?;
        sink.observer.progress(&snapshot());
        write_result
    })
}

/// Stops a reorder buffer when dropped.
struct StopOnDrop<'a, T>(&'a InOrder<T>);

impl<T> Drop for StopOnDrop<'_, T> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Reads the files in order and sends their batches down the channel,
/// numbered in that order, never more than the reorder window ahead; each
/// file's batches are followed by a mark carrying its hash.
fn read_files(
    files: &[FileToRead],
    sender: &crossbeam_channel::Sender<Work>,
    in_order: &InOrder<Prepared>,
    counters: &Counters,
    observer: &dyn Observer,
) {
    let mut sequence = 0;
    for (index, (file, change, key)) in files.iter().enumerate() {
        let mut stopped = false;
        let mut send = |batch: Option<Batch>, reach: Reach| {
            stopped = stopped
                || !in_order.wait_turn(sequence)
                || sender
                    .send(Work {
                        batch,
                        file: index,
                        key: *key,
                        reach,
                        sequence,
                    })
                    .is_err();
            sequence += 1;
        };
        let skip = match change {
            Change::Resumed(line) => *line,
            Change::New | Change::Changed => 0,
        };
        let result =
            news_read::read_file(&file.path, file.format, &counters.bytes, skip, |batch| {
                let reach = reach_of(&batch);
                send(Some(batch), reach);
            });
        counters.files_read.fetch_add(1, Ordering::Relaxed);
        let hash = match result {
            Ok(hash) => hash,
            Err(error) => {
                counters.failed.fetch_add(1, Ordering::Relaxed);
                let origin = news_read::Origin {
                    path: file.path.clone(),
                    line: None,
                };
                observer.problem(&Problem::error(origin, format!("cannot read: {error}")));
                None
            }
        };
        send(None, Reach::Done(hash));
        if stopped {
            break;
        }
    }
}

/// How far into its file a batch reaches.
fn reach_of(batch: &Batch) -> Reach {
    match batch {
        Batch::Lines {
            first_line, lines, ..
        } => Reach::Line(first_line + lines.len() as u64 - 1),
        Batch::Problem(problem) => problem.origin.line.map_or(Reach::Whole, Reach::Line),
        Batch::Records { records, .. } => records
            .last()
            .map_or(Reach::Whole, |r| Reach::Line(r.number)),
        Batch::File { .. } => Reach::Whole,
    }
}

/// Parses a batch and builds its documents and signatures: the costly part,
/// run on every thread in any order.
fn prepare(work: Work, sink: &Sink<'_, '_>) -> Prepared {
    let counters = sink.counters;
    let items = work.batch.map(Batch::parse).unwrap_or_default();
    let mut articles = Vec::with_capacity(items.len());
    let mut extracted = 0;
    for item in items {
        match item {
            Item::Article(origin, parsed) => {
                let Parsed { article, warnings } = *parsed;
                extracted += usize::from(article.needs_extraction());
                for warning in warnings {
                    counters.warnings.fetch_add(1, Ordering::Relaxed);
                    sink.observer
                        .problem(&Problem::warning(origin.clone(), warning));
                }
                let (mut record, mut entities) = match to_record(article, &origin, sink.extractor) {
                    Ok(built) => built,
                    Err(error) => {
                        counters.failed.fetch_add(1, Ordering::Relaxed);
                        sink.observer
                            .problem(&Problem::error(origin, error.to_string()));
                        continue;
                    }
                };
                sink.rules.apply(&mut entities);
                sink.rules.fill(&mut record, &entities, sink.extractor);
                let signature = signature(&record.id, &record.title, &record.body, record.date);
                articles.push((record, entities, signature));
            }
            Item::Problem(problem) => {
                // A reader's warning (a web archive's count of records it
                // skipped) is a warning here too, not a failed input.
                let counter = match problem.severity {
                    news_read::Severity::Warning => &counters.warnings,
                    news_read::Severity::Error => &counters.failed,
                };
                counter.fetch_add(1, Ordering::Relaxed);
                sink.observer.problem(&problem);
            }
        }
    }
    Prepared {
        file: work.file,
        key: work.key,
        reach: work.reach,
        extracting: extracted * 2 > articles.len(),
        articles,
    }
}

/// Clusters a prepared batch and writes it, then commits if one is due.
/// Called for one batch at a time, in read order, so a replacing delete
/// never overtakes the add it replaces, the first copy read is the one kept,
/// and a commit holds exactly the batches read before it.
fn apply(prepared: Prepared, files: &[FileToRead], sink: &Sink<'_, '_>) -> Result<(), IndexError> {
    let mut clusters = lock(sink.clusters);
    let mut lazy = lock(sink.writer);
    let articles = prepared.articles.len() as u64;
    if articles > 0 {
        // The first batch with articles says what kind of run this is.
        let writer = lazy.open(prepared.extracting)?;
        write_articles(prepared.articles, prepared.key, writer, &mut clusters, sink)?;
    }
    let mut ledger = lock(sink.ledger);
    let (file, _, _) = &files[prepared.file];
    ledger.applied(file, prepared.key, prepared.reach, articles);
    if ledger.due() {
        let writer = lazy.open(prepared.extracting)?;
        ledger.commit(sink.dir, writer, &mut clusters)?;
    }
    Ok(())
}

/// Clusters `articles` of the file with manifest key `key` and hands those
/// to index to `writer`, deleting what they replace.
fn write_articles(
    articles: Vec<Article>,
    key: u32,
    writer: &mut IndexWriter<TantivyDocument>,
    clusters: &mut Clusters,
    sink: &Sink<'_, '_>,
) -> Result<(), IndexError> {
    let counters = sink.counters;
    for (mut record, entities, signature) in articles {
        let verdict = clusters
            .assign(&signature, key)
            .map_err(|source| IndexError::Io {
                path: sink.dir.join(cluster::SPILL_FILE_NAME),
                source,
            })?;
        match verdict {
            Verdict::Duplicate { .. } => {
                counters.duplicates.fetch_add(1, Ordering::Relaxed);
            }
            Verdict::Index {
                cluster,
                nearest,
                replaces,
            } => {
                record.cluster = Some(cluster);
                if replaces || sink.delete_every_id {
                    writer.delete_term(Term::from_field_text(sink.schema.fields.id, &record.id));
                }
                let mut doc = sink.schema.to_document(&record);
                sink.schema.add_entities(&mut doc, &entities);
                if let Err(error) = writer.add_document(doc) {
                    return Err(crate::writer::explain(writer, sink.dir, error));
                }
                counters.indexed.fetch_add(1, Ordering::Relaxed);
                if nearest.is_some() {
                    counters.clustered.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
    Ok(())
}
