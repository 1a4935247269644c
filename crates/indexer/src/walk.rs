//! Finding the source files of a run: inputs walked recursively in a stable
//! order, each file's format, size and modification time.
//!
//! This module owns the walk and the file facts the manifest compares. It does
//! not read contents (that is `news_read`) nor decide what changed (that
//! is [`crate::manifest`]).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use news_read::Format;
use news_read::Origin;
use news_read::Problem;

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
/// that cannot be visited. A file reached twice (inputs that overlap) is
/// listed once, and nothing under `exclude` (the archive itself, when it lies
/// inside an input) is listed at all.
pub fn walk(inputs: &[PathBuf], exclude: Option<&Path>, report: &dyn Fn(&Problem)) -> Walk {
    let mut found = Walk::default();
    let mut seen = std::collections::HashSet::new();
    for input in inputs {
        let entries = WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| exclude.is_none_or(|dir| entry.path() != dir));
        for entry in entries {
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
            if !seen.insert(entry.path().to_owned()) {
                continue;
            }
            if entry.path().to_str().is_none() {
                // The manifest and the `origin` field hold paths as text.
                found.failed += 1;
                report(&Problem::error(
                    Origin {
                        path: entry.into_path(),
                        line: None,
                    },
                    "path is not valid UTF-8; rename the file to index it",
                ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_inputs_list_a_file_once_and_the_archive_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let root = absolute(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("news-index")).unwrap();
        std::fs::write(root.join("news-index/meta.json"), "{}").unwrap();
        std::fs::write(root.join("a.txt"), "A\nbody").unwrap();
        std::fs::write(root.join("b.png"), "").unwrap();
        let found = walk(
            &[root.clone(), root.join("a.txt")],
            Some(&root.join("news-index")),
            &|p| panic!("{p}"),
        );
        let paths: Vec<_> = found.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(paths, [root.join("a.txt")]);
        assert_eq!(found.skipped, 1);
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_are_reported_not_listed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = absolute(dir.path()).unwrap();
        let odd = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        std::fs::write(&odd, "T\nbody").unwrap();
        let problems = std::sync::Mutex::new(Vec::new());
        let found = walk(&[root], None, &|p| problems.lock().unwrap().push(p.clone()));
        assert!(found.files.is_empty());
        assert_eq!(found.failed, 1);
        assert!(problems.lock().unwrap()[0].message.contains("UTF-8"));
    }
}
