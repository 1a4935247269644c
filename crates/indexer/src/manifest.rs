//! The manifest: what the archive was built from, so the next run reads only
//! what changed. Stored as `news-manifest.json` in the archive directory.
//!
//! For each source file it remembers size, modification time and the hash of
//! its bytes, plus a small integer key that tags the file's entries in the
//! clustering state. A file is unchanged when size and time are the same and
//! the time is older than the previous run's start (less two seconds, for
//! file systems with coarse clocks); a file with the same size but another
//! time is hashed, and is unchanged if the hash is. Every other file is read.
//!
//! The manifest carries the token of the index commit it describes. A
//! manifest whose token is not the archive's (a crash between the two
//! writes, or an archive built before manifests) is not trusted: the run then
//! reads everything and replaces by id and by file.
//!
//! A run commits every so often, not only at its end, and each commit's
//! manifest records the file being read then with how many of its lines are
//! in the index ([`Entry::resume`]). A run killed after that commit is
//! continued by the next one from that line, if the file's size and time are
//! still the same; a file changed meanwhile is read again whole.
//!
//! This module owns that bookkeeping; it does not read articles or write the index.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::walk::SourceFile;
use news_read::compress::hash_file;

/// File name of the manifest in the archive directory.
pub const FILE_NAME: &str = "news-manifest.json";

/// Modification times this close to the previous run's start are not trusted.
const RACY_NS: i64 = 2_000_000_000;

/// What the archive was built from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Token of the index commit this manifest describes.
    pub token: u64,
    /// When the run that wrote it started, nanoseconds since the Unix epoch.
    pub started_ns: i64,
    /// The key the next new file gets.
    pub next_key: u32,
    /// Every source file indexed, by absolute path.
    pub sources: BTreeMap<PathBuf, Entry>,
    /// The archive's rules over names (authority file, short forms) as
    /// applied to every stored article: see `rewrite.rs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<crate::rules::AppliedRules>,
    /// xxh3-128 (hex) of the manifest's JSON written without this field, so
    /// that a changed byte is seen even where the JSON still parses. Absent
    /// in manifests written before it existed, which are read unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// One source file as it was last indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Tags this file's entries in the clustering state.
    pub key: u32,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// xxh3-128 of the bytes, in hex; `None` when the file could not be read whole.
    pub hash: Option<String>,
    /// Must be read again next run, whatever its time and size say (its
    /// skipped duplicates lost the copy that was indexed).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
    /// The file was being read when this manifest was committed: its lines
    /// up to this one (all of it for `u64::MAX`) are in the index, the rest
    /// are not. `hash` is then `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<u64>,
}

/// Why a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Not in the manifest.
    New,
    /// In the manifest with other contents (or its entries must be redone).
    Changed,
    /// Partly indexed by a run that was cut short: read on after this line
    /// (`u64::MAX`: every article is in, only the bookkeeping is left).
    Resumed(u64),
}

/// What a run has to do with the files it found.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files to read, in walk order, with their manifest key.
    pub read: Vec<(SourceFile, Change, u32)>,
    /// Files found unchanged.
    pub unchanged: Vec<SourceFile>,
    /// Manifest files not found by this walk that no longer exist.
    pub gone: Vec<PathBuf>,
    /// Some unchanged file had to be hashed to tell: writing the manifest
    /// again (with this run's start) spares the next run that work.
    pub hashed: bool,
}

/// Formats a hash as the manifest writes it.
pub fn hex(hash: u128) -> String {
    format!("{hash:032x}")
}

impl Manifest {
    /// Reads the manifest of the archive in `dir`; `Ok(None)` when there is
    /// none, an [`io::ErrorKind::InvalidData`] error when it is damaged (it
    /// does not parse, or its checksum does not match).
    pub fn load(dir: &Path) -> io::Result<Option<Manifest>> {
        match std::fs::read(dir.join(FILE_NAME)) {
            Ok(bytes) => Manifest::parse(&bytes).map(Some),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Parses a manifest's bytes and checks their checksum, if they carry one.
    pub fn parse(bytes: &[u8]) -> io::Result<Manifest> {
        let damaged = |what: String| io::Error::new(io::ErrorKind::InvalidData, what);
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| damaged(format!("damaged manifest: not a manifest ({e})")))?;
        if let Some(stored) = &manifest.checksum {
            if *stored != manifest.checksum_of()? {
                return Err(damaged("damaged manifest: checksum mismatch".into()));
            }
        }
        Ok(manifest)
    }

    /// The checksum of this manifest's JSON without its checksum field.
    fn checksum_of(&self) -> io::Result<String> {
        let unsummed = Manifest {
            checksum: None,
            ..self.clone()
        };
        let json = serde_json::to_vec(&unsummed).map_err(io::Error::other)?;
        Ok(hex(xxhash_rust::xxh3::xxh3_128(&json)))
    }

    /// Writes the manifest to `path` (a temporary name; the caller renames it
    /// into place once the index commit it describes is durable), with its
    /// checksum.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let summed = Manifest {
            checksum: Some(self.checksum_of()?),
            ..self.clone()
        };
        let file = std::fs::File::create(path)?;
        let mut out = io::BufWriter::new(file);
        serde_json::to_writer(&mut out, &summed).map_err(io::Error::other)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    }

    /// Compares the files found with the manifest. Files with the same size but
    /// another time are hashed here; a file that cannot be hashed is read.
    pub fn plan(&mut self, files: Vec<SourceFile>) -> Plan {
        let mut plan = Plan::default();
        let mut found = std::collections::HashSet::with_capacity(files.len());
        for file in files {
            found.insert(file.path.clone());
            let Some(entry) = self.sources.get_mut(&file.path) else {
                let key = self.new_key();
                plan.read.push((file, Change::New, key));
                continue;
            };
            if let Some(line) = entry.resume {
                // Only the very same file goes on where the cut-short run stopped.
                let change = if entry.size == file.size && entry.mtime_ns == file.mtime_ns {
                    Change::Resumed(line)
                } else {
                    Change::Changed
                };
                plan.read.push((file, change, entry.key));
                continue;
            }
            let trusted_time = entry.mtime_ns == file.mtime_ns
                && file.mtime_ns != 0
                && file.mtime_ns < self.started_ns - RACY_NS;
            let same = !entry.stale
                && entry.size == file.size
                && (trusted_time || {
                    plan.hashed = true;
                    entry.hash.is_some() && hash_file(&file.path).ok().map(hex) == entry.hash
                });
            if same {
                entry.mtime_ns = file.mtime_ns;
                plan.unchanged.push(file);
            } else {
                plan.read.push((file, Change::Changed, entry.key));
            }
        }
        plan.gone = self
            .sources
            .keys()
            .filter(|path| !found.contains(*path) && !path.exists())
            .cloned()
            .collect();
        plan
    }

    /// A key no file has had.
    fn new_key(&mut self) -> u32 {
        let key = self.next_key;
        self.next_key = self.next_key.saturating_add(1);
        key
    }

    /// Records a file as read now.
    pub fn record(&mut self, file: &SourceFile, key: u32, hash: Option<u128>) {
        self.insert(file, key, hash.map(hex), None);
    }

    /// Records a file as read up to `line` (see [`Entry::resume`]).
    pub fn record_partial(&mut self, file: &SourceFile, key: u32, line: u64) {
        self.insert(file, key, None, Some(line));
    }

    fn insert(&mut self, file: &SourceFile, key: u32, hash: Option<String>, resume: Option<u64>) {
        let entry = Entry {
            key,
            size: file.size,
            mtime_ns: file.mtime_ns,
            hash,
            stale: false,
            resume,
        };
        self.sources.insert(file.path.clone(), entry);
    }

    /// Marks the files with these keys to be read again whatever their
    /// size and time say (their articles are about to be replaced).
    pub fn mark_stale(&mut self, keys: &std::collections::HashSet<u32>) {
        for entry in self.sources.values_mut() {
            entry.stale |= keys.contains(&entry.key);
        }
    }

    /// Reads a manifest from `path`; `None` when missing, unreadable or damaged.
    pub fn load_from(path: &Path) -> Option<Manifest> {
        Manifest::parse(&std::fs::read(path).ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_read::Format;

    fn file(path: &Path) -> SourceFile {
        let metadata = std::fs::metadata(path).unwrap();
        SourceFile {
            path: path.to_owned(),
            format: Format::Text,
            size: metadata.len(),
            mtime_ns: crate::walk::mtime_ns(&metadata),
        }
    }

    #[test]
    fn new_changed_touched_unchanged_and_gone_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        for name in ["same.txt", "edited.txt", "touched.txt", "removed.txt"] {
            std::fs::write(path(name), format!("{name}\nbody")).unwrap();
        }
        let mut manifest = Manifest {
            started_ns: i64::MAX,
            ..Manifest::default()
        };
        let first = manifest.plan(
            ["same.txt", "edited.txt", "touched.txt", "removed.txt"]
                .map(|n| file(&path(n)))
                .to_vec(),
        );
        assert_eq!(first.read.len(), 4);
        assert!(first
            .read
            .iter()
            .all(|(_, change, _)| *change == Change::New));
        for (found, _, key) in &first.read {
            manifest.record(found, *key, hash_file(&found.path).ok());
        }

        std::fs::write(path("edited.txt"), "edited.txt\nBODY").unwrap();
        let mut touched = file(&path("touched.txt"));
        touched.mtime_ns += 1;
        std::fs::remove_file(path("removed.txt")).unwrap();
        std::fs::write(path("added.txt"), "new").unwrap();
        let mut edited = file(&path("edited.txt"));
        edited.mtime_ns += 1;
        let second = manifest.plan(vec![
            file(&path("same.txt")),
            edited,
            touched,
            file(&path("added.txt")),
        ]);
        let read: Vec<_> = second
            .read
            .iter()
            .map(|(f, change, key)| (f.path.file_name().unwrap().to_owned(), *change, *key))
            .collect();
        assert_eq!(
            read,
            [
                ("edited.txt".into(), Change::Changed, 1),
                ("added.txt".into(), Change::New, 4)
            ]
        );
        assert_eq!(second.unchanged.len(), 2);
        assert_eq!(second.gone, [path("removed.txt")]);
    }

    #[test]
    fn a_changed_byte_is_damage_even_where_the_json_parses() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = Manifest {
            token: 7,
            next_key: 1,
            ..Manifest::default()
        };
        manifest.sources.insert(
            "/a.txt".into(),
            Entry {
                key: 0,
                size: 1234,
                mtime_ns: 5,
                hash: None,
                stale: false,
                resume: None,
            },
        );
        let path = dir.path().join(FILE_NAME);
        manifest.write(&path).unwrap();
        assert_eq!(
            Manifest::load(dir.path()).unwrap().unwrap().sources,
            manifest.sources
        );
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("1234", "1235")).unwrap();
        let error = Manifest::load(dir.path()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        std::fs::write(&path, "{ not json").unwrap();
        assert!(Manifest::load(dir.path()).is_err());
        // A manifest from before checksums is read, unverified.
        std::fs::write(
            &path,
            r#"{"token":7,"started_ns":0,"next_key":0,"sources":{}}"#,
        )
        .unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap().unwrap().token, 7);
    }

    #[test]
    fn a_partly_read_file_resumes_only_if_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.jsonl");
        std::fs::write(&path, "{}\n{}\n").unwrap();
        let found = file(&path);
        let mut manifest = Manifest::default();
        manifest.record_partial(&found, 3, 1);
        let plan = manifest.plan(vec![found.clone()]);
        assert_eq!(plan.read[0].1, Change::Resumed(1));
        let mut touched = found;
        touched.mtime_ns += 1;
        let plan = manifest.plan(vec![touched]);
        assert_eq!((plan.read[0].1, plan.read[0].2), (Change::Changed, 3));
    }

    #[test]
    fn recent_times_are_checked_by_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let found = file(&path);
        let mut manifest = Manifest {
            started_ns: found.mtime_ns,
            ..Manifest::default()
        };
        manifest.record(&found, 0, Some(0));
        // Same size and time, but written during the last run: the wrong hash shows it changed.
        let plan = manifest.plan(vec![found.clone()]);
        assert_eq!(plan.read.len(), 1);
        assert!(plan.hashed);
        // Once the manifest is from a run that started well after the write, time suffices.
        manifest.record(&found, 0, Some(hash_file(&path).unwrap()));
        manifest.started_ns = found.mtime_ns + 3 * RACY_NS;
        let plan = manifest.plan(vec![found]);
        assert_eq!(
            (plan.read.len(), plan.unchanged.len(), plan.hashed),
            (0, 1, false)
        );
    }
}
