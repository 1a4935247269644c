//! One writer per archive: `news index` holds an exclusive OS lock on
//! `news-index.lock` in the archive directory for the whole run, and writes
//! into that file who holds it (pid, host, start time) so that a second run
//! can say so at once instead of waiting or writing over the first.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on
//! Windows, through [`fs4`]): it is released when the process ends, however it
//! ends, so a run killed with SIGKILL leaves nothing that blocks the next one.
//! The holder's details left in the file by a dead run are stale and simply
//! overwritten. Searches take no lock: they read committed data only.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};

use crate::error::IndexError;

/// File name of the lock in the archive directory.
pub const FILE_NAME: &str = "news-index.lock";

/// Who holds the lock, as written into the lock file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Process id.
    pub pid: u32,
    /// Host name.
    pub host: String,
    /// When the run started, RFC 3339 UTC.
    pub started: String,
}

impl Holder {
    /// This process, now.
    fn current() -> Holder {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Holder {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            started: chrono::DateTime::from_timestamp(secs, 0)
                .unwrap_or_default()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }
}

/// The lock of one archive, held until dropped (or the process ends).
#[derive(Debug)]
pub struct WriteLock {
    // Holding the open file holds the lock.
    _file: File,
}

impl WriteLock {
    /// Takes the lock of the archive in `dir` (created if needed), or fails
    /// at once with [`IndexError::Locked`] naming the holder.
    pub fn acquire(dir: &Path) -> Result<WriteLock, IndexError> {
        let path = dir.join(FILE_NAME);
        let io = |source| IndexError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        if !FileExt::try_lock_exclusive(&file).map_err(io)? {
            let mut text = String::new();
            // Best effort: the holder may be writing it this very moment.
            let _ = file.read_to_string(&mut text);
            return Err(IndexError::Locked {
                path: dir.to_owned(),
                holder: describe(serde_json::from_str(&text).ok()),
            });
        }
        // Ours now: whatever a dead holder left is replaced.
        let info = serde_json::to_string(&Holder::current()).map_err(std::io::Error::other);
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(info?.as_bytes()))
            .and_then(|()| file.flush())
            .map_err(io)?;
        Ok(WriteLock { _file: file })
    }

    /// Who holds the lock of the archive in `dir` now, if anyone does.
    pub fn holder(dir: &Path) -> Option<Holder> {
        let file = File::open(dir.join(FILE_NAME)).ok()?;
        if FileExt::try_lock_shared(&file).ok()? {
            let _ = FileExt::unlock(&file);
            return None;
        }
        serde_json::from_reader(file).ok()
    }
}

/// The holder in words, for the message of a refused run.
fn describe(holder: Option<Holder>) -> String {
    match holder {
        Some(h) => {
            let alive = process_alive(h.pid);
            let note = if alive == Some(false) {
                "; that process is gone, so a process it started holds the lock"
            } else {
                ""
            };
            format!(
                "pid {} on host {}, started {}{note}",
                h.pid, h.host, h.started
            )
        }
        None => "a process that has not yet written its details".to_owned(),
    }
}

/// Whether a process with this id runs on this host; `None` where we cannot tell.
fn process_alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    proc.is_dir().then(|| proc.join(pid.to_string()).exists())
}

/// The lock file of the archive in `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holder_named() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriteLock::acquire(dir.path()).unwrap();
        let holder = WriteLock::holder(dir.path()).expect("the lock is held");
        assert_eq!(holder.pid, std::process::id());
        let error = WriteLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            error.contains(&format!("pid {}", std::process::id())),
            "{error}"
        );
        assert!(error.contains(&holder.host), "{error}");
        drop(first);
        assert_eq!(WriteLock::holder(dir.path()), None);
        WriteLock::acquire(dir.path()).expect("free again once dropped");
    }

    #[test]
    fn details_left_by_a_dead_holder_do_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let dead = Holder {
            pid: u32::MAX,
            host: "elsewhere".into(),
            started: "2020-01-01T00:00:00Z".into(),
        };
        std::fs::write(path(dir.path()), serde_json::to_string(&dead).unwrap()).unwrap();
        let _lock = WriteLock::acquire(dir.path()).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        let now: Holder = serde_json::from_str(&text).unwrap();
        assert_eq!(now.pid, std::process::id());
    }
}
