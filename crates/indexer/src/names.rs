//! The archive's authority file, `news-names.tsv`: given once with
//! `news index --names FILE`, checked (each bad line reported with its
//! number, the others applied), copied into the archive atomically, and
//! read from there by every later run. The format is
//! [`news_extract::authority`]'s.

use std::path::{Path, PathBuf};

use news_extract::authority::Authority;
use news_read::{Origin, Problem};

use crate::atomic;
use crate::error::IndexError;
use crate::progress::Observer;

/// File name of the authority file in the archive directory.
pub const FILE_NAME: &str = "news-names.tsv";

/// The authority file a run applies.
#[derive(Debug, Default)]
pub struct Names {
    /// Its rules (none without a file).
    pub authority: Authority,
    /// xxh3-128 (hex) of its bytes; empty without a file.
    pub fingerprint: String,
    /// Lines that could not be read (each reported to the observer).
    pub bad_lines: u64,
}

/// Reads the authority file for a run on the archive in `dir`: `given`
/// (`--names FILE`), then copied into the archive, or else the archive's
/// own copy, if any. Bad lines go to `observer` as warnings naming the file
/// and line; the others apply.
pub fn prepare(
    dir: &Path,
    given: Option<&Path>,
    observer: &dyn Observer,
) -> Result<Names, IndexError> {
    let stored = dir.join(FILE_NAME);
    let (path, bytes) = match given {
        Some(path) => (path.to_owned(), read(path)?),
        None => match std::fs::read(&stored) {
            Ok(bytes) => (stored.clone(), bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Names::default()),
            Err(source) => {
                return Err(IndexError::Io {
                    path: stored,
                    source,
                })
            }
        },
    };
    let text = match String::from_utf8(bytes.clone()) {
        Ok(text) => text,
        Err(_) => {
            return Err(IndexError::Io {
                path,
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "the authority file is not UTF-8 text",
                ),
            })
        }
    };
    let (authority, errors) = Authority::parse(&text);
    for error in &errors {
        let origin = Origin {
            path: path.clone(),
            line: Some(error.line as u64),
        };
        observer.problem(&Problem::warning(
            origin,
            format!("names file: {}; line skipped", error.message),
        ));
    }
    if given.is_some() {
        atomic::replace(&stored, |temporary| write_synced(temporary, &bytes)).map_err(
            |source| IndexError::Io {
                path: stored.clone(),
                source,
            },
        )?;
    }
    Ok(Names {
        authority,
        fingerprint: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes)),
        bad_lines: errors.len() as u64,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, IndexError> {
    std::fs::read(path).map_err(|source| IndexError::Io {
        path: PathBuf::from(path),
        source,
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Problems(Mutex<Vec<(Option<u64>, String)>>);

    impl Observer for Problems {
        fn problem(&self, problem: &Problem) {
            let mut seen = self.0.lock().unwrap();
            seen.push((problem.origin.line, problem.message.clone()));
        }
    }

    #[test]
    fn given_file_is_checked_copied_and_found_again() {
        let archive = tempfile::tempdir().unwrap();
        let input = tempfile::tempdir().unwrap();
        let file = input.path().join("names.tsv");
        std::fs::write(
            &file,
            "alias\tHTS\tHayat Tahrir al-Sham\torganization\nrename\tA\tB\tperson\n",
        )
        .unwrap();
        let problems = Problems::default();
        let names = prepare(archive.path(), Some(&file), &problems).unwrap();
        assert_eq!(names.bad_lines, 1);
        let seen = problems.0.lock().unwrap().clone();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].0, Some(2));
        assert!(seen[0].1.contains("unknown rule `rename`"), "{seen:?}");
        let again = prepare(archive.path(), None, &Problems::default()).unwrap();
        assert_eq!(again.fingerprint, names.fingerprint);
        assert!(!again.authority.is_empty());
        let none = prepare(input.path(), None, &Problems::default()).unwrap();
        assert!(none.authority.is_empty() && none.fingerprint.is_empty());
    }
}
