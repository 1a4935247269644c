//! Typed errors of `news-indexer`. Problems with single files or lines are not
//! errors: they are [`crate::Problem`]s, reported and counted.

use std::path::PathBuf;

/// What stops an indexing run as a whole.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// An input path given on the command line does not exist.
    #[error("input {0} does not exist")]
    MissingInput(PathBuf),
    /// The archive cannot be opened or created.
    #[error(transparent)]
    Archive(#[from] news_query::Error),
    /// tantivy failed while writing.
    #[error("index write failed: {0}")]
    Write(#[from] tantivy::TantivyError),
    /// An input or a file of the archive could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Another `news index` is writing this archive.
    #[error("archive {} is being written by another `news index` ({holder}); wait for it to finish", path.display())]
    Locked {
        /// The archive directory.
        path: PathBuf,
        /// Who holds the lock, in words.
        holder: String,
    },
    /// A file of the archive is missing, cut short or changed: nothing is
    /// written into it (see `news_indexer::integrity`).
    #[error(
        "archive {} is damaged: {detail}; nothing was written. Run `news check --index {}` for \
         a full report, then rebuild: move the directory aside and run `news index` again on \
         the same inputs (docs/RELIABILITY.md, \"Damaged archives\")",
        path.display(),
        path.display()
    )]
    Damaged {
        /// The archive directory.
        path: PathBuf,
        /// The file and what is wrong with it.
        detail: String,
    },
    /// The disk holding the archive is full (tantivy may only say that a
    /// writer thread died; this is why).
    #[error("the disk holding archive {} is full ({reason}); free space and run `news index` again: it goes on from its last commit", path.display())]
    DiskFull {
        /// The archive directory.
        path: PathBuf,
        /// What the system said, as tantivy passed it on.
        reason: String,
    },
    /// Worker threads could not be started or failed.
    #[error("indexing threads: {0}")]
    Threads(String),
}
