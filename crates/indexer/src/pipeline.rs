//! The indexing run: find the files, decide from the manifest which to read,
//! read them into numbered batches on one thread, parse, extract and sketch on
//! a rayon pool, then cluster and feed tantivy's writer threads one batch at a
//! time in read order. The writer is opened when the first batch is applied,
//! with as many threads as that batch shows the run needs ([`crate::writer`]).
//!
//! ```text
//! walk + manifest plan -> read (1 thread) --bounded channel--> parse + extract + sketch (rayon)
//!                            -> reorder buffer -> cluster + IndexWriter (in read order)
//! ```
//!
//! Applying batches in read order ([`crate::in_order`]) makes the archive a
//! function of the input: the first of two exact copies in input order (files
//! in walk order, then articles in file order) is the one kept, and the first
//! article of a story founds its cluster, whatever the thread count and
//! timing. Clustering is a few percent of the work, so doing it in sequence
//! costs little; parsing and extraction, the bulk, stay parallel.
//!
//! The bounded channel, the reorder window and tantivy's own queue keep memory
//! flat however large the input is; only the clustering tables grow with the
//! archive. Deletes are
//! issued only where something may be replaced: by origin for changed and
//! removed files, by id when clustering has seen the id before (or for every
//! article when the archive's history is unknown). A fresh archive gets none.
//!
//! The manifest and clustering state are written beside the index and tied to
//! its commit by a token in the commit payload, so a crash between the writes
//! makes the next run distrust them rather than duplicate articles. A run
//! commits every so often ([`crate::checkpoint`]), so a crash loses at most
//! that much work, and the next run goes on from the last commit.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};

use news_query::schema::{open_or_create_index, NewsSchema};

use crate::checkpoint::{self, CommitEvery, Ledger, Reach};
use crate::cluster::{self, signature, Clusters, Signature, Verdict};
use crate::error::IndexError;
use crate::extract::Extractor;
use crate::in_order::InOrder;
use crate::lock::WriteLock;
use crate::manifest::{self, Change, Manifest};
use crate::merge::MergeGate;
use crate::problem::Problem;
use crate::progress::{Observer, Progress};
use crate::read::{self, Batch, Item, Parsed};
use crate::record::to_record;
use crate::walk::{self, SourceFile};
use crate::writer::LazyWriter;

/// Settings of an indexing run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexOptions {
    /// Threads for parsing and extraction; 0 means one per core. tantivy's
    /// writer threads follow from it and from the articles (see `writer.rs`).
    pub threads: usize,
    /// Memory for tantivy's in-memory segments, in bytes, shared by its writer threads.
    pub memory_budget: usize,
    /// Remove the articles of source files that no longer exist.
    pub prune: bool,
    /// Memory for the clustering band tables, in bytes: days beyond it wait
    /// in a scratch file in the archive directory until an article of theirs
    /// (or of the day before or after) comes.
    pub cluster_memory: usize,
    /// How often to commit while indexing: a run killed at any moment loses
    /// at most the work since its last commit.
    pub commit_every: CommitEvery,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            threads: 0,
            memory_budget: 1 << 30,
            prune: false,
            cluster_memory: DEFAULT_CLUSTER_MEMORY,
            commit_every: CommitEvery::default(),
        }
    }
}

/// Default memory for the clustering band tables: about 380,000 articles'
/// worth of days, far more than the days news of any one time spans.
pub const DEFAULT_CLUSTER_MEMORY: usize = 64 << 20;

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndexSummary {
    /// Files read (new and changed files in a supported format).
    pub files: u64,
    /// Of those, files the archive had not seen.
    pub new: u64,
    /// Of those, files whose contents changed since the last run (their old
    /// articles were replaced).
    pub changed: u64,
    /// Files found unchanged and not read.
    pub unchanged: u64,
    /// Files gone since the last run whose articles were removed (`--prune`).
    pub removed: u64,
    /// Files gone since the last run whose articles were kept (no `--prune`).
    pub missing: u64,
    /// Files a run that was cut short had partly indexed, read on from
    /// where its last commit ended (counted in `files` too).
    pub resumed: u64,
    /// Unchanged files read again because an exact copy they hold had been
    /// skipped for an article that is now gone (counted in `files` too).
    pub reread: u64,
    /// Files skipped because their format is not one we read.
    pub skipped: u64,
    /// Articles written to the archive.
    pub indexed: u64,
    /// Articles not written because an identical one is indexed.
    pub duplicates: u64,
    /// Articles written into the cluster of an earlier near-identical article.
    pub clustered: u64,
    /// Files, array elements or lines that could not be read.
    pub failed: u64,
    /// Articles indexed despite a problem (e.g. an unreadable date).
    pub warnings: u64,
    /// Raw bytes read.
    pub bytes: u64,
    /// Wall-clock time of the run, in seconds.
    pub seconds: f64,
    /// `indexed / seconds`.
    pub articles_per_second: f64,
    /// Articles in the archive after the run.
    pub archive_size: u64,
    /// Index commits made (one at the end, more for long runs).
    pub commits: u64,
    /// Seconds spent in those commits (tantivy writing its segments, the
    /// manifest and the clustering state), during which no batch is applied.
    pub commit_seconds: f64,
    /// tantivy writer threads the run used (see `--threads`); 0 when
    /// nothing was written.
    pub writer_threads: usize,
}

#[derive(Default)]
struct Counters {
    indexed: AtomicU64,
    duplicates: AtomicU64,
    clustered: AtomicU64,
    failed: AtomicU64,
    warnings: AtomicU64,
    bytes: AtomicU64,
    files_read: AtomicU64,
}

/// Everything a worker needs to index a batch.
struct Sink<'a, 'w> {
    /// The archive directory.
    dir: &'a Path,
    writer: &'a Mutex<LazyWriter<'w>>,
    /// Closed once the input is read: a merge begun after that holds back
    /// the run's end, so only too many segments start one (see `merge.rs`).
    merge_gate: &'a MergeGate,
    /// What is applied, for the manifest of the next commit.
    ledger: &'a Mutex<Ledger>,
    schema: &'a NewsSchema,
    extractor: &'a Extractor,
    clusters: &'a Mutex<Clusters>,
    /// The archive holds articles clustering does not know: delete by id always.
    delete_every_id: bool,
    counters: &'a Counters,
    observer: &'a dyn Observer,
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
/// article's document, signature and id.
struct Prepared {
    file: usize,
    key: u32,
    reach: Reach,
    articles: Vec<(TantivyDocument, Signature, String)>,
    /// Most of its articles went through extraction.
    extracting: bool,
}

/// Batches read ahead of the last one applied, per parse thread: enough to
/// keep every thread busy while one works through a large batch.
const WINDOW_PER_THREAD: usize = 8;

/// Indexes every article under `inputs` (files or directories, walked
/// recursively) into the archive at `index_dir`, creating it if needed and
/// reading only files that changed since the last run.
///
/// Problems and progress go to `observer` as they happen; the run goes on.
pub fn index_paths(
    index_dir: &Path,
    inputs: &[PathBuf],
    options: &IndexOptions,
    observer: &dyn Observer,
) -> Result<IndexSummary, IndexError> {
    let started = Instant::now();
    let started_ns = now_ns();
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.threads
    };
    let mut roots = Vec::with_capacity(inputs.len());
    for input in inputs {
        if !input.exists() {
            return Err(IndexError::MissingInput(input.clone()));
        }
        roots.push(walk::absolute(input).map_err(|source| IndexError::Io {
            path: input.clone(),
            source,
        })?);
    }
    // Before anything is read: the manifest and index are the holder's until it ends.
    let _lock = WriteLock::acquire(index_dir)?;
    // Refuses a damaged archive; removes what killed runs left.
    crate::integrity::prepare(index_dir)?;
    let index = open_or_create_index(index_dir)?;
    let schema = NewsSchema::from_schema(index.schema()).map_err(|reason| {
        news_query::Error::NotAnArchive {
            path: index_dir.to_owned(),
            reason,
        }
    })?;

    let fresh = index.searchable_segment_ids()?.is_empty();
    let token = index.load_metas()?.payload.and_then(|p| p.parse().ok());
    checkpoint::recover(index_dir, token)?;
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| IndexError::Io { path, source }
    };
    let mut manifest = match Manifest::load(index_dir).map_err(io_error(index_dir))? {
        Some(m) if !fresh && Some(m.token) == token => m,
        _ => Manifest::default(),
    };
    let trusted = fresh || manifest.token != 0;

    let archive = walk::absolute(index_dir).ok();
    let found = walk::walk(&roots, archive.as_deref(), &|p| observer.problem(p));
    let mut plan = manifest.plan(found.files);
    let mut summary = IndexSummary {
        skipped: found.skipped,
        failed: found.failed,
        ..IndexSummary::default()
    };
    let removed: Vec<PathBuf> = if options.prune {
        std::mem::take(&mut plan.gone)
    } else {
        summary.missing = plan.gone.len() as u64;
        Vec::new()
    };
    if plan.read.is_empty() && removed.is_empty() {
        if plan.hashed && trusted && !fresh {
            // The index is as it was, so the token still holds; only the
            // times the next run may trust have moved.
            manifest.started_ns = started_ns;
            let path = index_dir.join(manifest::FILE_NAME);
            let temporary = path.with_extension("tmp");
            manifest.write(&temporary).map_err(io_error(&path))?;
            std::fs::rename(&temporary, &path).map_err(io_error(&path))?;
        }
        summary.unchanged = plan.unchanged.len() as u64;
        summary.archive_size = index.reader()?.searcher().num_docs();
        summary.seconds = started.elapsed().as_secs_f64();
        return Ok(summary);
    }

    // Forget what changed and removed files contributed before reading them anew.
    let mut forget: HashSet<u32> = plan
        .read
        .iter()
        .filter(|(_, change, _)| *change == Change::Changed)
        .map(|(_, _, key)| *key)
        .collect();
    forget.extend(
        removed
            .iter()
            .filter_map(|p| manifest.sources.get(p))
            .map(|e| e.key),
    );
    let state_path = index_dir.join(cluster::store::FILE_NAME);
    let stored = if trusted && !fresh {
        // Checked by `integrity::prepare`: an error here is new damage.
        cluster::store::read(&state_path, manifest.token).map_err(io_error(&state_path))?
    } else {
        None
    };
    let delete_every_id = !fresh && stored.is_none();
    let clusters = Clusters::open(index_dir, options.cluster_memory, stored, &forget);
    for (_, change, _) in &plan.read {
        match change {
            Change::New => summary.new += 1,
            Change::Changed => summary.changed += 1,
            Change::Resumed(_) => summary.resumed += 1,
        }
    }
    summary.unchanged = plan.unchanged.len() as u64;
    summary.removed = removed.len() as u64;

    let merge_gate = MergeGate::default();
    let mut writer = LazyWriter::new(
        &index,
        index_dir,
        threads,
        options.memory_budget,
        merge_gate.clone(),
    );
    // The writer's lock is ours, so no other run uses the archive: a
    // clustering scratch file left by a run that was killed is garbage (this
    // run's is created when its first day spills).
    let spill_path = index_dir.join(cluster::SPILL_FILE_NAME);
    match std::fs::remove_file(&spill_path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(IndexError::Io {
                path: spill_path,
                source: e,
            })
        }
        _ => {}
    }
    let origin_term =
        |path: &Path| Term::from_field_text(schema.fields.origin, &path.to_string_lossy());
    for path in &removed {
        writer.delete_term(origin_term(path));
        manifest.sources.remove(path);
    }
    for (file, change, _) in &plan.read {
        if *change == Change::Changed || delete_every_id {
            writer.delete_term(origin_term(&file.path));
        }
    }
    let writer = Mutex::new(writer);
    let ledger = Mutex::new(Ledger::new(manifest, options.commit_every, started_ns));
    let ledger_lock = || ledger.lock().unwrap_or_else(|e| e.into_inner());
    let writer_lock = || writer.lock().unwrap_or_else(|e| e.into_inner());

    let clusters = Mutex::new(clusters);
    let lock = || clusters.lock().unwrap_or_else(|e| e.into_inner());
    let counters = Counters::default();
    let sink = Sink {
        dir: index_dir,
        writer: &writer,
        merge_gate: &merge_gate,
        ledger: &ledger,
        schema: &schema,
        extractor: Extractor::bundled(),
        clusters: &clusters,
        delete_every_id,
        counters: &counters,
        observer,
    };
    let mut files = std::mem::take(&mut plan.read);
    for pass in 0..MAX_PASSES {
        summary.files += files.len() as u64;
        // Files are recorded in the ledger as they are applied.
        run(&files, threads, &sink, started)?;
        // A file holding an exact copy that was skipped because an article
        // now gone was indexed is read again, so the story stays archived.
        let orphans = lock().orphaned_origins();
        files = files_of(&ledger_lock().manifest, &orphans);
        if files.is_empty() || pass + 1 == MAX_PASSES {
            break;
        }
        let keys: HashSet<u32> = files.iter().map(|(_, _, key)| *key).collect();
        // Until they are read again, a commit must not call them done.
        ledger_lock().manifest.mark_stale(&keys);
        lock().forget(&keys);
        for (file, _, _) in &files {
            writer_lock().delete_term(origin_term(&file.path));
        }
        summary.reread += files.len() as u64;
    }
    let mut clusters = clusters.into_inner().unwrap_or_else(|e| e.into_inner());
    let writer = writer.into_inner().unwrap_or_else(|e| e.into_inner());
    summary.writer_threads = writer.writer_threads();
    let mut writer = writer.into_writer()?;
    let mut ledger = ledger.into_inner().unwrap_or_else(|e| e.into_inner());
    // Orphans left (their file is gone, or passes ran out) wait for the next run.
    ledger.manifest.mark_stale(&clusters.orphaned_origins());
    ledger.commit(index_dir, &mut writer, &mut clusters)?;
    writer.wait_merging_threads()?;
    summary.commits = ledger.commits;
    summary.commit_seconds = ledger.commit_time.as_secs_f64();

    summary.archive_size = index.reader()?.searcher().num_docs();
    let seconds = started.elapsed().as_secs_f64();
    let load = |c: &AtomicU64| c.load(Ordering::Relaxed);
    summary.indexed = load(&counters.indexed);
    summary.duplicates = load(&counters.duplicates);
    summary.clustered = load(&counters.clustered);
    summary.failed += load(&counters.failed);
    summary.warnings = load(&counters.warnings);
    summary.bytes = load(&counters.bytes);
    summary.seconds = seconds;
    summary.articles_per_second = if seconds > 0.0 {
        summary.indexed as f64 / seconds
    } else {
        0.0
    };
    Ok(summary)
}

/// Passes over files whose skipped duplicates lost their indexed copy; one
/// almost always suffices.
const MAX_PASSES: usize = 4;

/// The files of the manifest with the given keys that still exist, to be read again.
fn files_of(manifest: &Manifest, keys: &HashSet<u32>) -> Vec<(SourceFile, Change, u32)> {
    if keys.is_empty() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for (path, entry) in &manifest.sources {
        if !keys.contains(&entry.key) {
            continue;
        }
        let (Ok(metadata), Some(format)) = (std::fs::metadata(path), read::Format::of(path)) else {
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
    files: &[(SourceFile, Change, u32)],
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
    files: &[(SourceFile, Change, u32)],
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
        let result = read::read_file(&file.path, file.format, &counters.bytes, skip, |batch| {
            let reach = reach_of(&batch);
            send(Some(batch), reach);
        });
        counters.files_read.fetch_add(1, Ordering::Relaxed);
        let hash = match result {
            Ok(hash) => hash,
            Err(error) => {
                counters.failed.fetch_add(1, Ordering::Relaxed);
                let origin = crate::Origin {
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
                let record = to_record(article, &origin, sink.extractor);
                let signature = signature(&record.id, &record.title, &record.body, record.date);
                let document = sink.schema.to_document(&record);
                articles.push((document, signature, record.id));
            }
            Item::Problem(problem) => {
                counters.failed.fetch_add(1, Ordering::Relaxed);
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
fn apply(
    prepared: Prepared,
    files: &[(SourceFile, Change, u32)],
    sink: &Sink<'_, '_>,
) -> Result<(), IndexError> {
    let mut clusters = sink.clusters.lock().unwrap_or_else(|e| e.into_inner());
    let mut lazy = sink.writer.lock().unwrap_or_else(|e| e.into_inner());
    let articles = prepared.articles.len() as u64;
    if articles > 0 {
        // The first batch with articles says what kind of run this is.
        let writer = lazy.open(prepared.extracting)?;
        write_articles(prepared.articles, prepared.key, writer, &mut clusters, sink)?;
    }
    let mut ledger = sink.ledger.lock().unwrap_or_else(|e| e.into_inner());
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
    articles: Vec<(TantivyDocument, Signature, String)>,
    key: u32,
    writer: &mut IndexWriter<TantivyDocument>,
    clusters: &mut Clusters,
    sink: &Sink<'_, '_>,
) -> Result<(), IndexError> {
    let counters = sink.counters;
    for (mut document, signature, id) in articles {
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
                document.add_u64(sink.schema.fields.cluster, cluster);
                if replaces || sink.delete_every_id {
                    writer.delete_term(Term::from_field_text(sink.schema.fields.id, &id));
                }
                if let Err(error) = writer.add_document(document) {
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

fn now_ns() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
