//! The indexing run, phase by phase; [`index_paths`] reads top to bottom:
//!
//! 1. **open**: take the write lock, open (or create) the archive, finish a
//!    commit cut short, load the manifest if it belongs to the last commit;
//! 2. **plan**: walk the inputs and decide from the manifest which files are
//!    new, changed, resumed, unchanged or gone;
//! 3. **cluster state**: load the clustering tables of earlier runs, less
//!    what changed and removed files contributed;
//! 4. **read + extract, cluster, write**: stream the files through the
//!    parallel pipeline ([`crate::stream`]), committing every so often;
//! 5. **commit**: the last commit, with the manifest and clustering state
//!    tied to it by a token in the commit payload ([`crate::checkpoint`]);
//! 6. **report**: the [`IndexSummary`].
//!
//! Deletes are issued only where something may be replaced: by origin for
//! changed and removed files, by id when clustering has seen the id before
//! (or for every article when the archive's history is unknown). A fresh
//! archive gets none. A crash between the writes of a commit makes the next
//! run distrust the manifest rather than duplicate articles, and a run killed
//! at any moment loses at most the work since its last commit.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tantivy::{Index, Term};

use news_extract::Extractor;
use news_query::schema::{open_for_writing, NewsSchema};

use crate::atomic;
use crate::checkpoint::{self, CommitEvery, Ledger};
use crate::cluster::{self, Clusters};
use crate::error::IndexError;
use crate::lock::WriteLock;
use crate::manifest::{self, Change, Manifest};
use crate::merge::MergeGate;
use crate::progress::Observer;
use crate::rewrite;
use crate::rules::Rules;
use crate::stream::{self, Counters, FileToRead, Sink};
use crate::walk;
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
    /// An authority file to check, copy into the archive and apply (later
    /// runs apply the copy); see [`crate::names`].
    pub names: Option<PathBuf>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            threads: 0,
            memory_budget: 1 << 30,
            prune: false,
            cluster_memory: DEFAULT_CLUSTER_MEMORY,
            commit_every: CommitEvery::default(),
            names: None,
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
    /// Stored articles written again, without reading their input, because
    /// the archive's rules over names changed (see `rewrite.rs`).
    pub rewritten: u64,
}

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
    let roots = absolute_inputs(inputs)?;
    // Before anything is read: the manifest and index are the holder's until it ends.
    let _lock = WriteLock::acquire(index_dir)?;
    // Refuses a damaged archive; removes what killed runs left.
    let stored_state = crate::integrity::prepare(index_dir)?;
    let mut archive = Opened::open(index_dir)?;
    let names = crate::names::prepare(index_dir, options.names.as_deref(), observer)?;
    let plan = Plan::make(&mut archive, &roots, options.prune, index_dir, observer);
    let mut summary = plan.summary();
    summary.warnings += names.bad_lines;
    let applied = archive.manifest.rules.as_ref();
    if plan.read.is_empty()
        && plan.removed.is_empty()
        && !rewrite::pending(
            index_dir,
            &archive.schema,
            &names,
            applied,
            Extractor::bundled(),
        )?
    {
        return finish_unchanged(archive, &plan, summary, started, started_ns);
    }
    let rules = Rules {
        authority: names.authority.clone(),
        short: applied.map(|r| r.short.clone()).unwrap_or_default(),
        surnames: applied.map(|r| r.surnames.clone()).unwrap_or_default(),
    };
    let clusters = cluster_state(&archive, &plan, options, stored_state);
    let delete_every_id = !archive.fresh && !clusters.1;
    let threads = thread_count(options.threads);
    let merge_gate = MergeGate::default();
    let mut writer = LazyWriter::new(
        &archive.index,
        index_dir,
        threads,
        options.memory_budget,
        merge_gate.clone(),
    );
    remove_spill_file(index_dir)?;
    let mut manifest = archive.manifest;
    delete_replaced(
        &mut writer,
        &archive.schema,
        &plan,
        &mut manifest,
        delete_every_id,
    );

    let writer = Mutex::new(writer);
    let ledger = Mutex::new(Ledger::new(manifest, options.commit_every, started_ns));
    let clusters = Mutex::new(clusters.0);
    let counters = Counters::default();
    let sink = Sink {
        dir: index_dir,
        writer: &writer,
        merge_gate: &merge_gate,
        ledger: &ledger,
        schema: &archive.schema,
        extractor: Extractor::bundled(),
        rules: &rules,
        clusters: &clusters,
        delete_every_id,
        counters: &counters,
        observer,
    };
    summary.reread =
        stream::read_extract_write(plan.read, threads, &sink, started, &mut summary.files)?;

    let mut clusters = clusters.into_inner().unwrap_or_else(|e| e.into_inner());
    let writer = writer.into_inner().unwrap_or_else(|e| e.into_inner());
    summary.writer_threads = writer.writer_threads();
    let mut writer = writer.into_writer()?;
    let mut ledger = ledger.into_inner().unwrap_or_else(|e| e.into_inner());
    // Orphans left (their file is gone, or passes ran out) wait for the next run.
    ledger.manifest.mark_stale(&clusters.orphaned_origins());
    ledger.commit(index_dir, &mut writer, &mut clusters)?;
    let target = rewrite::Target {
        dir: index_dir,
        schema: &archive.schema,
        extractor: Extractor::bundled(),
    };
    summary.rewritten = rewrite::apply(&target, &names, &mut writer, &mut ledger, &mut clusters)?;
    writer.wait_merging_threads()?;

    summary.commits = ledger.commits;
    summary.commit_seconds = ledger.commit_time.as_secs_f64();
    summary.archive_size = archive.index.reader()?.searcher().num_docs();
    report(&mut summary, &counters, started);
    Ok(summary)
}

/// The inputs as absolute paths, each checked to exist.
fn absolute_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IndexError> {
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
    Ok(roots)
}

fn thread_count(threads: usize) -> usize {
    if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    }
}

/// The archive as the run found it.
struct Opened {
    dir: PathBuf,
    index: Index,
    schema: NewsSchema,
    /// It holds no article yet.
    fresh: bool,
    /// The manifest of its last commit (empty when there is none to trust).
    manifest: Manifest,
    /// The manifest and clustering state describe the archive.
    trusted: bool,
}

impl Opened {
    /// Opens the archive in `dir`, finishing a commit that was cut short.
    fn open(dir: &Path) -> Result<Opened, IndexError> {
        let (index, schema) = open_for_writing(dir)?;
        let fresh = index.searchable_segment_ids()?.is_empty();
        let token = index.load_metas()?.payload.and_then(|p| p.parse().ok());
        checkpoint::recover(dir, token)?;
        let manifest = match Manifest::load(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })? {
            Some(m) if !fresh && Some(m.token) == token => m,
            _ => Manifest::default(),
        };
        let trusted = fresh || manifest.token != 0;
        Ok(Opened {
            dir: dir.to_owned(),
            index,
            schema,
            fresh,
            manifest,
            trusted,
        })
    }
}

/// What this run reads, removes and leaves.
struct Plan {
    read: Vec<FileToRead>,
    /// Files gone since the last run whose articles are removed (`--prune`).
    removed: Vec<PathBuf>,
    /// Files gone since the last run whose articles are kept.
    missing: u64,
    unchanged: u64,
    skipped: u64,
    failed: u64,
    /// Some unchanged file had to be hashed to tell.
    hashed: bool,
}

impl Plan {
    /// Walks `roots` (leaving out the archive itself) and compares what it
    /// finds with the manifest.
    fn make(
        archive: &mut Opened,
        roots: &[PathBuf],
        prune: bool,
        index_dir: &Path,
        observer: &dyn Observer,
    ) -> Plan {
        let exclude = walk::absolute(index_dir).ok();
        let found = walk::walk(roots, exclude.as_deref(), &|p| observer.problem(p));
        let mut plan = archive.manifest.plan(found.files);
        let gone = std::mem::take(&mut plan.gone);
        let (removed, missing) = if prune {
            (gone, 0)
        } else {
            (Vec::new(), gone.len() as u64)
        };
        Plan {
            read: plan.read,
            removed,
            missing,
            unchanged: plan.unchanged.len() as u64,
            skipped: found.skipped,
            failed: found.failed,
            hashed: plan.hashed,
        }
    }

    /// The summary's counts of files, before anything is read.
    fn summary(&self) -> IndexSummary {
        let mut summary = IndexSummary {
            skipped: self.skipped,
            failed: self.failed,
            missing: self.missing,
            unchanged: self.unchanged,
            removed: self.removed.len() as u64,
            ..IndexSummary::default()
        };
        for (_, change, _) in &self.read {
            match change {
                Change::New => summary.new += 1,
                Change::Changed => summary.changed += 1,
                Change::Resumed(_) => summary.resumed += 1,
            }
        }
        summary
    }

    /// Manifest keys of the files whose earlier articles this run replaces
    /// or removes.
    fn forgotten(&self, manifest: &Manifest) -> HashSet<u32> {
        let changed = self
            .read
            .iter()
            .filter(|(_, change, _)| *change == Change::Changed);
        let removed = self.removed.iter().filter_map(|p| manifest.sources.get(p));
        changed
            .map(|(_, _, key)| *key)
            .chain(removed.map(|e| e.key))
            .collect()
    }
}

/// Nothing to read or remove: only the manifest's times move, if needed.
fn finish_unchanged(
    mut archive: Opened,
    plan: &Plan,
    mut summary: IndexSummary,
    started: Instant,
    started_ns: i64,
) -> Result<IndexSummary, IndexError> {
    if plan.hashed && archive.trusted && !archive.fresh {
        // The index is as it was, so the token still holds; only the
        // times the next run may trust have moved.
        archive.manifest.started_ns = started_ns;
        let path = archive.dir.join(manifest::FILE_NAME);
        atomic::replace(&path, |temporary| archive.manifest.write(temporary))
            .map_err(|source| IndexError::Io { path, source })?;
    }
    summary.archive_size = archive.index.reader()?.searcher().num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The clustering tables of earlier runs (`stored`, as the integrity check
/// read them), less what changed and removed files contributed, and whether
/// there were any.
fn cluster_state(
    archive: &Opened,
    plan: &Plan,
    options: &IndexOptions,
    stored: Option<cluster::store::Stored>,
) -> (Clusters, bool) {
    let stored = stored.filter(|_| archive.trusted && !archive.fresh);
    let known = stored.is_some();
    let forget = plan.forgotten(&archive.manifest);
    let clusters = Clusters::open(&archive.dir, options.cluster_memory, stored, &forget);
    (clusters, known)
}

/// Removes the clustering scratch file of a run that was killed: the write
/// lock is ours, so no other run uses it (this run's is created when its
/// first day spills).
fn remove_spill_file(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(cluster::SPILL_FILE_NAME);
    match std::fs::remove_file(&path) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            Err(IndexError::Io { path, source })
        }
        _ => Ok(()),
    }
}

/// Deletes the articles of removed files, and of changed files (or of every
/// file read, when the archive's history is unknown) before they are read again.
fn delete_replaced(
    writer: &mut LazyWriter<'_>,
    schema: &NewsSchema,
    plan: &Plan,
    manifest: &mut Manifest,
    delete_every_id: bool,
) {
    let origin_term =
        |path: &Path| Term::from_field_text(schema.fields.origin, &path.to_string_lossy());
    for path in &plan.removed {
        writer.delete_term(origin_term(path));
        manifest.sources.remove(path);
    }
    for (file, change, _) in &plan.read {
        if *change == Change::Changed || delete_every_id {
            writer.delete_term(origin_term(&file.path));
        }
    }
}

/// Fills the summary's article counts and rates.
fn report(summary: &mut IndexSummary, counters: &Counters, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    let load = |c: &AtomicU64| c.load(Ordering::Relaxed);
    summary.indexed = load(&counters.indexed);
    summary.duplicates = load(&counters.duplicates);
    summary.clustered = load(&counters.clustered);
    summary.failed += load(&counters.failed);
    summary.warnings += load(&counters.warnings);
    summary.bytes = load(&counters.bytes);
    summary.seconds = seconds;
    summary.articles_per_second = if seconds > 0.0 {
        summary.indexed as f64 / seconds
    } else {
        0.0
    };
}

fn now_ns() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
