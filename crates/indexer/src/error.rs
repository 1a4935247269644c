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
    /// Worker threads could not be started or failed.
    #[error("indexing threads: {0}")]
    Threads(String),
}
