//! The indexing run: walk the inputs, read them into batches on one thread,
//! parse and extract on a rayon pool, and feed tantivy's writer threads.
//!
//! ```text
//! walk + read (1 thread) --bounded channel--> parse + extract (rayon) --> IndexWriter
//! ```
//!
//! The bounded channel and tantivy's own queue keep memory flat however large
//! the input is. Each article is written after deleting any earlier copy with the
//! same id, so indexing the same files again never creates duplicates.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::Serialize;
use tantivy::indexer::IndexWriterOptions;
use tantivy::{IndexWriter, TantivyDocument, Term};
use walkdir::WalkDir;

use news_query::schema::{open_or_create_index, NewsSchema};

use crate::article::Origin;
use crate::error::IndexError;
use crate::extract::Extractor;
use crate::problem::Problem;
use crate::read::{self, Batch, Format, Item, Parsed};
use crate::record::to_record;

/// Settings of an indexing run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexOptions {
    /// Threads for parsing and extraction; 0 means one per core.
    pub threads: usize,
    /// Memory for tantivy's in-memory segments, in bytes, shared by its writer threads.
    pub memory_budget: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            threads: 0,
            memory_budget: 512 << 20,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndexSummary {
    /// Files read (in a supported format).
    pub files: u64,
    /// Files skipped because their format is not one we read.
    pub skipped: u64,
    /// Articles written to the archive.
    pub indexed: u64,
    /// Files, array elements or lines that could not be read.
    pub failed: u64,
    /// Articles indexed despite a problem (e.g. an unreadable date).
    pub warnings: u64,
    /// Wall-clock time of the run, in seconds.
    pub seconds: f64,
    /// `indexed / seconds`.
    pub articles_per_second: f64,
    /// Articles in the archive after the run.
    pub archive_size: u64,
}

#[derive(Default)]
struct Counters {
    files: AtomicU64,
    skipped: AtomicU64,
    indexed: AtomicU64,
    failed: AtomicU64,
    warnings: AtomicU64,
}

/// Indexes every article under `inputs` (files or directories, walked
/// recursively) into the archive at `index_dir`, creating it if needed.
///
/// Each problem is handed to `report` as it is found; the run goes on.
pub fn index_paths(
    index_dir: &Path,
    inputs: &[PathBuf],
    options: &IndexOptions,
    report: &(dyn Fn(&Problem) + Sync),
) -> Result<IndexSummary, IndexError> {
    let started = Instant::now();
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.threads
    };
    for input in inputs {
        if !input.exists() {
            return Err(IndexError::MissingInput(input.clone()));
        }
    }
    let index = open_or_create_index(index_dir)?;
    let schema = NewsSchema::from_schema(index.schema()).map_err(|reason| {
        news_query::Error::NotAnArchive {
            path: index_dir.to_owned(),
            reason,
        }
    })?;
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_options(writer_options(threads, options.memory_budget))?;
    let extractor = Extractor::bundled();
    let counters = Counters::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("news-parse-{i}"))
        .build()
        .map_err(|e| IndexError::Threads(e.to_string()))?;
    let (sender, receiver) = crossbeam_channel::bounded::<Batch>(threads * 4);

    std::thread::scope(|scope| -> Result<(), IndexError> {
        let counters = &counters;
        let reader = scope.spawn(move || read_inputs(inputs, &sender, counters, report));
        let write_result = pool.install(|| {
            receiver.into_iter().par_bridge().try_for_each(|batch| {
                index_batch(batch, &writer, &schema, extractor, counters, report)
            })
        });
        // If writing failed, dropping the receiver ends the reader thread too.
        reader
            .join()
            .map_err(|_| IndexError::Threads("reader thread panicked".into()))?;
        write_result
    })?;

    writer.commit()?;
    writer.wait_merging_threads()?;
    let reader = index.reader()?;
    let elapsed = started.elapsed();
    Ok(summary(&counters, elapsed, reader.searcher().num_docs()))
}

fn writer_options(threads: usize, memory_budget: usize) -> IndexWriterOptions {
    // tantivy needs at least 15 MB per writer thread; fewer threads beat thin budgets.
    const MIN_PER_THREAD: usize = 15_000_000;
    let writer_threads = threads
        .clamp(1, 8)
        .min((memory_budget / MIN_PER_THREAD).max(1));
    IndexWriterOptions::builder()
        .num_worker_threads(writer_threads)
        .memory_budget_per_thread((memory_budget / writer_threads).max(MIN_PER_THREAD))
        .build()
}

/// Walks the inputs in a stable order and sends their batches down the channel.
fn read_inputs(
    inputs: &[PathBuf],
    sender: &crossbeam_channel::Sender<Batch>,
    counters: &Counters,
    report: &(dyn Fn(&Problem) + Sync),
) {
    for input in inputs {
        for entry in WalkDir::new(input).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(input).to_owned();
                    counters.failed.fetch_add(1, Ordering::Relaxed);
                    report(&Problem::error(
                        Origin { path, line: None },
                        error.to_string(),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let Some(format) = Format::of(path) else {
                counters.skipped.fetch_add(1, Ordering::Relaxed);
                continue;
            };
            counters.files.fetch_add(1, Ordering::Relaxed);
            let mut receiver_gone = false;
            let result = read::read_file(path, format, |batch| {
                receiver_gone |= sender.send(batch).is_err();
            });
            if receiver_gone {
                return;
            }
            if let Err(error) = result {
                counters.failed.fetch_add(1, Ordering::Relaxed);
                let origin = Origin {
                    path: path.to_owned(),
                    line: None,
                };
                report(&Problem::error(origin, format!("cannot read: {error}")));
            }
        }
    }
}

fn index_batch(
    batch: Batch,
    writer: &IndexWriter<TantivyDocument>,
    schema: &NewsSchema,
    extractor: &Extractor,
    counters: &Counters,
    report: &(dyn Fn(&Problem) + Sync),
) -> Result<(), IndexError> {
    for item in batch.parse() {
        match item {
            Item::Article(origin, parsed) => {
                let Parsed { article, warnings } = *parsed;
                for warning in warnings {
                    counters.warnings.fetch_add(1, Ordering::Relaxed);
                    report(&Problem::warning(origin.clone(), warning));
                }
                let record = to_record(article, &origin, extractor);
                writer.delete_term(Term::from_field_text(schema.fields.id, &record.id));
                writer.add_document(schema.to_document(&record))?;
                counters.indexed.fetch_add(1, Ordering::Relaxed);
            }
            Item::Problem(problem) => {
                counters.failed.fetch_add(1, Ordering::Relaxed);
                report(&problem);
            }
        }
    }
    Ok(())
}

fn summary(counters: &Counters, elapsed: Duration, archive_size: u64) -> IndexSummary {
    let indexed = counters.indexed.load(Ordering::Relaxed);
    let seconds = elapsed.as_secs_f64();
    IndexSummary {
        files: counters.files.load(Ordering::Relaxed),
        skipped: counters.skipped.load(Ordering::Relaxed),
        indexed,
        failed: counters.failed.load(Ordering::Relaxed),
        warnings: counters.warnings.load(Ordering::Relaxed),
        seconds,
        articles_per_second: if seconds > 0.0 {
            indexed as f64 / seconds
        } else {
            0.0
        },
        archive_size,
    }
}
