//! Why an export failed.

use std::path::PathBuf;

/// An export error; each names the file it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Finding or reading the articles failed.
    #[error(transparent)]
    Query(#[from] news_query::Error),
    /// A file could not be created or written.
    #[error("{path}: {source}")]
    Io {
        /// The file (`-` for standard output).
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The Parquet writer failed.
    #[error("{path}: writing Parquet: {source}")]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        source: parquet::errors::ParquetError,
    },
    /// An Arrow batch could not be built.
    #[error("building an Arrow batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The CSV writer failed.
    #[error("{path}: writing CSV: {source}")]
    Csv {
        /// The file (`-` for standard output).
        path: PathBuf,
        /// Why.
        source: csv::Error,
    },
    /// The options do not fit together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Result of an export.
pub type Result<T, E = Error> = std::result::Result<T, E>;
