//! The record of which segment files had their checksums read, and in what
//! state: `news-verified.tsv` in the archive. Reading every byte of every
//! file at each [`Archive::open`](crate::Archive::open) would cost about a
//! second per command at a million articles; tantivy never rewrites a
//! segment file, so a file whose size, modification time, change time and
//! inode are those recorded when its checksum last matched is not read
//! again (only its footer is).
//!
//! What this trusts: anything that writes a file through the file system
//! (a program, a copy, a restore, `touch`) changes its change time, which
//! no user can set back, so such a file is read whole again. What it does
//! not see: bytes that rot on the disk under an unchanged inode. `news
//! check` (without `--quick`) reads every byte regardless, as an operator's
//! periodic scrub.
//!
//! A file changed less than [`SETTLE`] before the check is not recorded:
//! file times are coarse (a few milliseconds), so a rewrite within the same
//! tick as the check could leave every part of the stamp as it was (git
//! calls these entries "racy" and handles them the same way).
//!
//! The record is only a cache. A missing, unreadable or foreign one means
//! "read everything"; failing to write it (a read-only archive) changes
//! nothing but the cost. Format: a first line `news-verified 1`, then one
//! line per file: name, size, mtime ns, ctime ns, inode, tab-separated.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io::Write;
use std::path::Path;

/// The record's file name in the archive directory.
pub const FILE_NAME: &str = "news-verified.tsv";

const HEADER: &str = "news-verified 1";

/// How long a file must have been left alone before its stamp is recorded.
pub(crate) const SETTLE: std::time::Duration = std::time::Duration::from_secs(2);

/// What identifies one state of a file: if any part changed, so may its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    size: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    /// The stamp of a file as the file system describes it now.
    pub(crate) fn of(metadata: &Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
            Stamp {
                size: metadata.len(),
                modified_ns: ns(metadata.mtime(), metadata.mtime_nsec()),
                changed_ns: ns(metadata.ctime(), metadata.ctime_nsec()),
                inode: metadata.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let modified_ns = metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            Stamp {
                size: metadata.len(),
                modified_ns,
                changed_ns: modified_ns,
                inode: 0,
            }
        }
    }
}

impl Stamp {
    /// Whether the file last changed at least [`SETTLE`] before `now`.
    pub(crate) fn is_settled(&self, now: std::time::SystemTime) -> bool {
        let now_ns = now
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        now_ns - self.changed_ns >= SETTLE.as_nanos() as i128
    }
}

/// Files whose checksums matched, each with its stamp at the time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Verified {
    files: HashMap<String, Stamp>,
}

impl Verified {
    /// The record in archive `dir`; empty when absent or unreadable.
    pub(crate) fn load(dir: &Path) -> Verified {
        std::fs::read_to_string(dir.join(FILE_NAME))
            .ok()
            .and_then(|text| Verified::parse(&text))
            .unwrap_or_default()
    }

    fn parse(text: &str) -> Option<Verified> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut files = HashMap::new();
        for line in lines {
            let mut fields = line.split('\t');
            let name = fields.next()?.to_owned();
            let mut number = || fields.next()?.parse::<i128>().ok();
            let stamp = Stamp {
                size: u64::try_from(number()?).ok()?,
                modified_ns: number()?,
                changed_ns: number()?,
                inode: u64::try_from(number()?).ok()?,
            };
            files.insert(name, stamp);
        }
        Some(Verified { files })
    }

    /// Whether `file` is recorded as verified in exactly the state `stamp`.
    pub(crate) fn covers(&self, file: &str, stamp: &Stamp) -> bool {
        self.files.get(file) == Some(stamp)
    }

    /// Records that `file`, in state `stamp`, had a matching checksum.
    pub(crate) fn insert(&mut self, file: String, stamp: Stamp) {
        self.files.insert(file, stamp);
    }

    /// Keeps only the files still in the archive.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.files.retain(|name, _| keep(name));
    }

    /// Writes the record into `dir` (under a temporary name, then renamed,
    /// so readers see the old record or the new one). Errors are ignored on
    /// purpose: the record only saves work.
    pub(crate) fn store(&self, dir: &Path) {
        let mut names: Vec<&String> = self.files.keys().collect();
        names.sort();
        let mut text = format!("{HEADER}\n");
        for name in names {
            let s = &self.files[name];
            text.push_str(&format!(
                "{name}\t{}\t{}\t{}\t{}\n",
                s.size, s.modified_ns, s.changed_ns, s.inode
            ));
        }
        // Unique per process, so two readers storing at once never share one.
        let temporary = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temporary)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .and_then(|()| std::fs::rename(&temporary, dir.join(FILE_NAME)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_record_reads_back_and_foreign_text_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.fast");
        std::fs::write(&file, b"bytes").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(&file).unwrap());
        let mut record = Verified::default();
        record.insert("a.fast".into(), stamp);
        record.store(dir.path());
        let loaded = Verified::load(dir.path());
        assert_eq!(loaded, record);
        assert!(loaded.covers("a.fast", &stamp));

        std::fs::write(&file, b"longer bytes").unwrap();
        let now = Stamp::of(&std::fs::metadata(&file).unwrap());
        assert!(
            !loaded.covers("a.fast", &now),
            "a rewrite changes the stamp"
        );
        assert!(!now.is_settled(std::time::SystemTime::now()));
        assert!(now.is_settled(std::time::SystemTime::now() + SETTLE));

        std::fs::write(dir.path().join(FILE_NAME), "a.fast\t5\t1\t1\t1\n").unwrap();
        assert_eq!(Verified::load(dir.path()), Verified::default());
    }
}
