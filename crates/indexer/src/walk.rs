//! Finding the source files of a run: inputs walked recursively in a stable
//! order, each file's format, size and modification time.
//!
//! This module owns the walk and the file facts the manifest compares. It does
//! not read contents (that is [`crate::read`]) nor decide what changed (that
//! is [`crate::manifest`]).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::article::Origin;
use crate::problem::Problem;
use crate::read::Format;

/// A file we can read, as the walk found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Absolute path (inputs are made absolute, so runs from other directories agree).
    pub path: PathBuf,
    /// Its format, by extension.
    pub format: Format,
    /// Size in bytes, on disk (compressed size for compressed files).
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i64,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files in a format we read, in walk order.
    pub files: Vec<SourceFile>,
    /// Files skipped because their format is not one we read.
    pub skipped: u64,
    /// Entries that could not be visited, already reported.
    pub failed: u64,
}

/// Walks `inputs` (absolute paths of files or directories), reporting entries
/// that cannot be visited.
pub fn walk(inputs: &[PathBuf], report: &dyn Fn(&Problem)) -> Walk {
    let mut found = Walk::default();
    for input in inputs {
        for entry in WalkDir::new(input).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(input).to_owned();
                    found.failed += 1;
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
            let Some(format) = Format::of(entry.path()) else {
                found.skipped += 1;
                continue;
            };
            match entry.metadata() {
                Ok(metadata) => found.files.push(SourceFile {
                    path: entry.into_path(),
                    format,
                    size: metadata.len(),
                    mtime_ns: mtime_ns(&metadata),
                }),
                Err(error) => {
                    found.failed += 1;
                    report(&Problem::error(
                        Origin {
                            path: entry.into_path(),
                            line: None,
                        },
                        error.to_string(),
                    ));
                }
            }
        }
    }
    found
}

/// Modification time in nanoseconds since the epoch; 0 where the platform
/// gives none, which makes the manifest fall back to hashing.
pub fn mtime_ns(metadata: &std::fs::Metadata) -> i64 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// `path` made absolute and free of `.`/`..` and symlinks, so the same file
/// has the same origin whatever directory `news index` runs from.
pub fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(path)
}
