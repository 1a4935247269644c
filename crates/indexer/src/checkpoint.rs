//! Commits during a run, so that a run killed at any moment loses at most the
//! work since its last commit, and the next run continues from there.
//!
//! Batches are applied in read order, so at any moment a prefix of the input
//! is in the writer: every file before the current one whole, and the current
//! one up to its last applied line. A commit (`Ledger::commit`) is made
//! between two batches, after [`CommitEvery::articles`] articles or
//! [`CommitEvery::interval`], and records exactly that prefix in the manifest
//! it writes: finished files with their hash, files being read with the line
//! reached ([`crate::manifest::Entry::resume`]).
//!
//! Each commit writes the manifest and clustering state to temporary files,
//! commits the index with a fresh token in its payload, then renames both into
//! place. Killed before the index commit, the temporary files carry a token
//! that was never committed and are ignored; killed between the index commit
//! and the renames, they carry the committed one, and `recover` puts them in
//! place when the next run starts. The manifest and state a run trusts are
//! always those of the index commit searches see.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use tantivy::{IndexWriter, TantivyDocument};

use crate::atomic::temporary;
use crate::cluster::{self, Clusters};
use crate::error::IndexError;
use crate::manifest::{self, Manifest};
use crate::walk::SourceFile;

/// How often a run commits: after this many articles or this much time,
/// whichever comes first, and always at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommitEvery {
    /// Articles written since the last commit.
    pub articles: u64,
    /// Time since the last commit.
    pub interval: Duration,
}

impl Default for CommitEvery {
    fn default() -> Self {
        CommitEvery {
            articles: 100_000,
            interval: Duration::from_secs(300),
        }
    }
}

/// How far into its file an applied batch reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Up to this line.
    Line(u64),
    /// Every article of the file (a whole-file batch, or a problem that ends it).
    Whole,
    /// The file is finished; its hash when it was read to the end.
    Done(Option<u128>),
}

/// The manifest of what has been applied, and when the next commit is due.
pub(crate) struct Ledger {
    /// Files finished and files untouched by this run, as the next commit records them.
    pub manifest: Manifest,
    /// Files being read, by key: the file and the line reached (`u64::MAX`: all).
    partial: BTreeMap<u32, (SourceFile, u64)>,
    every: CommitEvery,
    since_articles: u64,
    since: Instant,
    started_ns: i64,
    /// Commits made so far.
    pub commits: u64,
    /// Time spent in those commits, while no batch could be applied.
    pub commit_time: Duration,
}

impl Ledger {
    /// A ledger starting from `manifest`, for a run that started at `started_ns`.
    pub fn new(manifest: Manifest, every: CommitEvery, started_ns: i64) -> Self {
        Ledger {
            manifest,
            partial: BTreeMap::new(),
            every,
            since_articles: 0,
            since: Instant::now(),
            started_ns,
            commits: 0,
            commit_time: Duration::ZERO,
        }
    }

    /// Notes a batch of `file` (manifest key `key`) applied with `articles` articles.
    pub fn applied(&mut self, file: &SourceFile, key: u32, reach: Reach, articles: u64) {
        self.since_articles += articles;
        match reach {
            Reach::Line(line) => {
                self.partial.insert(key, (file.clone(), line));
            }
            Reach::Whole => {
                self.partial.insert(key, (file.clone(), u64::MAX));
            }
            Reach::Done(hash) => {
                self.partial.remove(&key);
                self.manifest.record(file, key, hash);
            }
        }
    }

    /// Whether enough was applied since the last commit to make another.
    pub fn due(&self) -> bool {
        self.since_articles >= self.every.articles.max(1)
            || (self.since_articles > 0 && self.since.elapsed() >= self.every.interval)
    }

    /// Commits the index with the manifest of what is applied and the
    /// clustering state, all three tied by a new token.
    pub fn commit(
        &mut self,
        dir: &Path,
        writer: &mut IndexWriter<TantivyDocument>,
        clusters: &mut Clusters,
    ) -> Result<(), IndexError> {
        let started = Instant::now();
        let token = new_token(self.manifest.token, self.started_ns);
        let mut manifest = self.manifest.clone();
        for (key, (file, line)) in &self.partial {
            manifest.record_partial(file, *key, *line);
        }
        manifest.started_ns = self.started_ns;
        manifest.token = token;
        write_and_commit(dir, writer, &manifest, clusters)?;
        self.manifest.token = token;
        self.manifest.started_ns = self.started_ns;
        self.since_articles = 0;
        self.since = Instant::now();
        self.commits += 1;
        self.commit_time += started.elapsed();
        Ok(())
    }
}

/// Writes the manifest and clustering state under temporary names, commits
/// the index with their token in its payload, and renames them into place.
fn write_and_commit(
    dir: &Path,
    writer: &mut IndexWriter<TantivyDocument>,
    manifest: &Manifest,
    clusters: &mut Clusters,
) -> Result<(), IndexError> {
    let manifest_path = dir.join(manifest::FILE_NAME);
    let state_path = dir.join(cluster::store::FILE_NAME);
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| crate::writer::io_error(dir, &path, source)
    };
    manifest
        .write(&temporary(&manifest_path))
        .map_err(io(&manifest_path))?;
    clusters
        .write(&temporary(&state_path), manifest.token)
        .map_err(io(&state_path))?;
    let full = |error| crate::writer::classify(dir, error);
    let mut prepared = writer.prepare_commit().map_err(full)?;
    prepared.set_payload(&manifest.token.to_string());
    prepared.commit().map_err(full)?;
    for path in [&state_path, &manifest_path] {
        std::fs::rename(temporary(path), path).map_err(io(path))?;
    }
    Ok(())
}

/// Finishes the renames of a commit that was cut short after the index
/// commit: temporary manifest and state files that carry the committed
/// `token` are put in place. Others are left (the next commit overwrites them).
pub(crate) fn recover(dir: &Path, token: Option<u64>) -> Result<(), IndexError> {
    let Some(token) = token else {
        return Ok(());
    };
    let state_path = dir.join(cluster::store::FILE_NAME);
    let manifest_path = dir.join(manifest::FILE_NAME);
    let rename = |path: &Path| {
        std::fs::rename(temporary(path), path).map_err(|source| IndexError::Io {
            path: path.to_owned(),
            source,
        })
    };
    let state_is_committed = matches!(
        cluster::store::read(&temporary(&state_path), token),
        Ok(Some(_))
    );
    if state_is_committed {
        rename(&state_path)?;
    }
    let manifest_is_committed =
        Manifest::load_from(&temporary(&manifest_path)).is_some_and(|m| m.token == token);
    if manifest_is_committed {
        rename(&manifest_path)?;
    }
    Ok(())
}

/// A token no earlier commit of this archive had (never 0, which means "none").
fn new_token(previous: u64, started_ns: i64) -> u64 {
    let seed = [
        previous.to_le_bytes(),
        started_ns.to_le_bytes(),
        u64::from(std::process::id()).to_le_bytes(),
    ]
    .concat();
    xxhash_rust::xxh3::xxh3_64(&seed).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> SourceFile {
        SourceFile {
            path: name.into(),
            format: news_read::Format::JsonLines,
            size: 10,
            mtime_ns: 1,
        }
    }

    #[test]
    fn commits_are_due_by_count_or_time() {
        let every = CommitEvery {
            articles: 10,
            interval: Duration::from_secs(3600),
        };
        let mut ledger = Ledger::new(Manifest::default(), every, 0);
        assert!(!ledger.due());
        ledger.applied(&file("a.jsonl"), 0, Reach::Line(256), 9);
        assert!(!ledger.due());
        ledger.applied(&file("a.jsonl"), 0, Reach::Line(512), 1);
        assert!(ledger.due());
        let mut ledger = Ledger::new(
            Manifest::default(),
            CommitEvery {
                articles: 1000,
                interval: Duration::ZERO,
            },
            0,
        );
        assert!(!ledger.due(), "nothing to commit yet");
        ledger.applied(&file("a.jsonl"), 0, Reach::Line(1), 1);
        assert!(ledger.due());
    }

    #[test]
    fn tokens_differ_from_commit_to_commit() {
        let first = new_token(0, 5);
        let second = new_token(first, 5);
        assert!(first != 0 && second != 0 && first != second);
    }
}
