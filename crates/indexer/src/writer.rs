//! The archive's tantivy writer, opened when the first batch is applied,
//! with as many writer threads as the run's work needs.
//!
//! Each tantivy writer thread builds its own segment, so every commit leaves
//! one segment per thread, and tantivy's log merge policy merges eight of a
//! size: with eight threads, every commit is followed by a merge that
//! rewrites what it just wrote, on one thread, and the run's end waits for the
//! last one. Measured on Reuters-21578 ten times (2 cores, `--threads 8`,
//! three commits): 23.1 s with eight writer threads, of which 1.9 s waiting
//! for merges at the end, 19.0 s with two and no merge at all.
//!
//! How many threads tantivy needs depends on the articles. When entities are
//! extracted, extraction is about three quarters of the CPU and tantivy a
//! fifth, so one writer thread keeps up with three parse threads; when the
//! source lists the entities, tantivy is most of the work and gets a thread
//! per parse thread (up to tantivy's eight): one writer thread there made two
//! threads' run 28% slower. The writer is therefore opened once the first
//! batch is parsed and says which kind of run this is. Deletes asked for
//! before then (changed and removed files) are issued first thing, before any
//! article is added, exactly as they would have been.

use std::path::{Path, PathBuf};

use tantivy::indexer::IndexWriterOptions;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use crate::error::IndexError;
use crate::merge::{BoundedMerges, MergeGate, MAX_MERGE_BYTES};

/// Parse threads one tantivy writer thread keeps up with when articles go
/// through extraction.
const PARSE_THREADS_PER_WRITER: usize = 3;

/// A tantivy writer opened on first use.
pub(crate) struct LazyWriter<'a> {
    index: &'a Index,
    dir: PathBuf,
    threads: usize,
    memory_budget: usize,
    merge_gate: MergeGate,
    /// Deletes asked for before the writer was opened, in order.
    deletes: Vec<Term>,
    /// The writer once opened, with its number of threads.
    opened: Option<(IndexWriter<TantivyDocument>, usize)>,
}

impl<'a> LazyWriter<'a> {
    /// A writer for `index` (in `dir`) that will use up to `threads` threads
    /// and `memory_budget` bytes, its merges held back once `merge_gate`
    /// is closed (see `merge.rs`).
    pub(crate) fn new(
        index: &'a Index,
        dir: &Path,
        threads: usize,
        memory_budget: usize,
        merge_gate: MergeGate,
    ) -> Self {
        LazyWriter {
            index,
            dir: dir.to_owned(),
            threads,
            memory_budget,
            merge_gate,
            deletes: Vec::new(),
            opened: None,
        }
    }

    /// Deletes the documents holding `term` (those added before this call).
    pub(crate) fn delete_term(&mut self, term: Term) {
        match &mut self.opened {
            Some((writer, _)) => {
                writer.delete_term(term);
            }
            None => self.deletes.push(term),
        }
    }

    /// The writer, opened now if it is not yet: with writer threads for a
    /// run whose articles go through extraction when `extracting`.
    pub(crate) fn open(
        &mut self,
        extracting: bool,
    ) -> Result<&mut IndexWriter<TantivyDocument>, IndexError> {
        let opened = match self.opened.take() {
            Some(opened) => opened,
            None => self.create(extracting)?,
        };
        Ok(&mut self.opened.insert(opened).0)
    }

    /// Writer threads of the writer; 0 while it is not opened.
    pub(crate) fn writer_threads(&self) -> usize {
        self.opened.as_ref().map_or(0, |(_, threads)| *threads)
    }

    /// The writer, opened now if no batch was applied (a run that only
    /// removes files still commits its deletes).
    pub(crate) fn into_writer(mut self) -> Result<IndexWriter<TantivyDocument>, IndexError> {
        let (writer, _) = match self.opened.take() {
            Some(opened) => opened,
            None => self.create(true)?,
        };
        Ok(writer)
    }

    /// A new writer with its merge policy, the deletes asked for so far
    /// issued on it, and its number of threads.
    fn create(
        &mut self,
        extracting: bool,
    ) -> Result<(IndexWriter<TantivyDocument>, usize), IndexError> {
        let threads = writer_threads(self.threads, self.memory_budget, extracting);
        let writer = self
            .index
            .writer_with_options(writer_options(threads, self.memory_budget))?;
        writer.set_merge_policy(Box::new(BoundedMerges::new(
            self.dir.clone(),
            MAX_MERGE_BYTES,
            self.merge_gate.clone(),
        )));
        // Segment files of a killed run that no commit refers to (removed
        // already by `integrity::prepare` when `.managed.json` lists them or
        // not; this catches what tantivy alone knows of).
        writer.garbage_collect_files().wait()?;
        for term in self.deletes.drain(..) {
            writer.delete_term(term);
        }
        Ok((writer, threads))
    }
}

/// The error to report for `error`, raised by `writer` writing the archive
/// in `dir`.
///
/// When a tantivy writer thread fails (a full disk, typically), the calls
/// that follow only say "an index writer was killed"; the thread's own
/// error comes back when the threads are joined, which preparing a commit
/// does. The commit prepared to learn it is dropped, never committed.
pub(crate) fn explain(
    writer: &mut IndexWriter<TantivyDocument>,
    dir: &Path,
    error: tantivy::TantivyError,
) -> IndexError {
    let error = match error {
        tantivy::TantivyError::ErrorInThread(_) => match writer.prepare_commit() {
            Err(cause) => cause,
            Ok(_) => error,
        },
        other => other,
    };
    classify(dir, error)
}

/// [`IndexError::DiskFull`] when `error` comes from a full disk, else
/// [`IndexError::Write`].
pub(crate) fn classify(dir: &Path, error: tantivy::TantivyError) -> IndexError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(current) = cause {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            if is_disk_full(io) {
                return IndexError::DiskFull {
                    path: dir.to_owned(),
                    reason: io.to_string(),
                };
            }
        }
        cause = current.source();
    }
    // A thread's error may reach us only as text.
    let text = error.to_string();
    if text.contains("No space left on device") || text.contains("os error 28") {
        return IndexError::DiskFull {
            path: dir.to_owned(),
            reason: text,
        };
    }
    IndexError::Write(error)
}

/// [`IndexError::DiskFull`] when writing `path` of the archive in `dir`
/// failed for want of space, else [`IndexError::Io`].
pub(crate) fn io_error(dir: &Path, path: &Path, source: std::io::Error) -> IndexError {
    if is_disk_full(&source) {
        return IndexError::DiskFull {
            path: dir.to_owned(),
            reason: format!("writing {}: {source}", path.display()),
        };
    }
    IndexError::Io {
        path: path.to_owned(),
        source,
    }
}

fn is_disk_full(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::StorageFull || error.raw_os_error() == Some(28)
}

/// tantivy needs at least 15 MB per writer thread; fewer threads beat thin budgets.
const MIN_PER_THREAD: usize = 15_000_000;

/// Writer threads for `threads` parse threads: one per parse thread, or one
/// per [`PARSE_THREADS_PER_WRITER`] when `extracting`; at most tantivy's 8,
/// and no more than `memory_budget` gives each its minimum.
fn writer_threads(threads: usize, memory_budget: usize, extracting: bool) -> usize {
    let wanted = if extracting {
        threads.div_ceil(PARSE_THREADS_PER_WRITER)
    } else {
        threads
    };
    wanted
        .clamp(1, 8)
        .min((memory_budget / MIN_PER_THREAD).max(1))
}

fn writer_options(writer_threads: usize, memory_budget: usize) -> IndexWriterOptions {
    // And under 4 GB per thread.
    const MAX_PER_THREAD: usize = 4_000_000_000 - 1;
    IndexWriterOptions::builder()
        .num_worker_threads(writer_threads)
        // One merge at a time, so the segments being merged (bounded by
        // `BoundedMerges`) bound the memory merging takes.
        .num_merge_threads(1)
        .memory_budget_per_thread(
            (memory_budget / writer_threads).clamp(MIN_PER_THREAD, MAX_PER_THREAD),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_named_however_tantivy_wraps_it() {
        let dir = Path::new("/archive");
        let full = std::io::Error::from_raw_os_error(28);
        let wrapped = tantivy::TantivyError::IoError(std::sync::Arc::new(full));
        assert!(matches!(
            classify(dir, wrapped),
            IndexError::DiskFull { .. }
        ));
        let text = tantivy::TantivyError::ErrorInThread(
            "IoError(No space left on device (os error 28))".into(),
        );
        assert!(matches!(classify(dir, text), IndexError::DiskFull { .. }));
        let other = tantivy::TantivyError::ErrorInThread("An index writer was killed.".into());
        assert!(matches!(classify(dir, other), IndexError::Write(_)));
    }

    #[test]
    fn extraction_runs_get_a_writer_thread_per_three_parse_threads() {
        const GIB: usize = 1 << 30;
        let extracting: Vec<usize> = [1, 2, 3, 4, 8, 16, 32]
            .map(|t| writer_threads(t, GIB, true))
            .to_vec();
        assert_eq!(extracting, [1, 1, 1, 2, 3, 6, 8]);
        let listed: Vec<usize> = [1, 2, 4, 8, 16]
            .map(|t| writer_threads(t, GIB, false))
            .to_vec();
        assert_eq!(listed, [1, 2, 4, 8, 8]);
        // A thin budget caps the threads, whatever the run.
        assert_eq!(writer_threads(16, 30_000_000, false), 2);
        assert_eq!(writer_threads(16, 1, true), 1);
    }
}
