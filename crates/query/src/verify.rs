//! Checking an archive's files without opening a searcher: is every file
//! `meta.json` lists there, whole, and with the bytes tantivy wrote?
//!
//! tantivy ends every segment file with a footer holding a CRC32 of the
//! bytes before it. [`Depth::Footers`] only checks that each file listed in
//! `meta.json` exists and ends with a readable footer (a deleted or truncated
//! file); [`Depth::Checksums`] also reads every byte and compares the CRC (an
//! overwritten byte anywhere). `meta.json` and `.managed.json` are JSON
//! without a checksum: they are checked by parsing them.
//!
//! [`Archive::open`](crate::Archive::open) runs the checksum depth before
//! anything reads the segments, so a damaged file is refused with
//! [`Error::Damaged`](crate::Error::Damaged) instead of making tantivy panic
//! or, worse, answer wrongly (a changed byte in a `.fast` file silently
//! changes facet counts). `news check` prints the whole report, with the
//! indexer's own files (manifest, clustering state) added to it.
//!
//! ```
//! use news_query::schema::{write_records, ArticleRecord};
//! use news_query::verify::{verify, Depth};
//! # fn main() -> Result<(), news_query::Error> {
//! let dir = tempfile::tempdir().unwrap();
//! write_records(dir.path(), &[ArticleRecord { id: "a".into(), title: "Tartus".into(), ..Default::default() }])?;
//! let report = verify(dir.path(), Depth::Checksums)?;
//! assert!(report.is_healthy());
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::directory::footer::Footer;
use tantivy::directory::{Directory, MmapDirectory};

use crate::error::{Error, Result};
use crate::verified::{Stamp, Verified};

/// tantivy's list of committed segments.
pub const META_FILE: &str = "meta.json";
/// tantivy's list of the files it wrote (what its garbage collection may delete).
pub const MANAGED_FILE: &str = ".managed.json";

/// The file extensions every segment has, whatever its fields.
const SEGMENT_EXTENSIONS: [&str; 6] = ["idx", "pos", "term", "store", "fast", "fieldnorm"];

/// How much of each file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    /// Each listed file exists and ends with a footer tantivy can read.
    Footers,
    /// And its bytes match the footer's checksum (reads every byte).
    Checksums,
    /// Footers of every file; the checksums of those not verified before
    /// in their present state (see [`crate::verified`]): what
    /// [`Archive::open`](crate::Archive::open) and `news index` run.
    Changed,
}

/// What is wrong with one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    /// Listed (in `meta.json`, or needed by the archive) but not there.
    Missing,
    /// Cut short, or its end is not a footer: it cannot be read.
    Truncated,
    /// Whole, but its bytes are not those written (checksum mismatch).
    Checksum,
    /// A file without checksum that does not parse, or holds impossible values.
    Unreadable,
    /// Not damage: left by a run that was killed (an orphan segment file, a
    /// temporary file); the next `news index` removes it.
    Leftover,
}

/// One finding of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file, relative to the archive directory.
    pub file: String,
    /// What is wrong with it.
    pub damage: Damage,
    /// The details, in words.
    pub detail: String,
}

impl Finding {
    /// A finding about `file`.
    pub fn new(file: impl Into<String>, damage: Damage, detail: impl Into<String>) -> Self {
        Finding {
            file: file.into(),
            damage,
            detail: detail.into(),
        }
    }

    /// Whether the archive cannot be trusted because of it.
    pub fn is_damage(&self) -> bool {
        self.damage != Damage::Leftover
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.detail)
    }
}

/// What a check found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The archive directory.
    pub path: PathBuf,
    /// Files checked.
    pub files: u64,
    /// Bytes read to check them.
    pub bytes: u64,
    /// Files whose checksums were not read again ([`Depth::Changed`]): unchanged
    /// since a check found them sound.
    pub trusted: u64,
    /// The payload of the last commit (`news index` keeps its commit token there).
    pub payload: Option<String>,
    /// Everything wrong, damage first.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether no finding is damage (leftovers are not).
    pub fn is_healthy(&self) -> bool {
        self.first_damage().is_none()
    }

    /// The first damaged file found.
    pub fn first_damage(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.is_damage())
    }
}

/// Checks the archive in `dir` to `depth`. [`Error::NoArchive`] when the
/// directory holds no archive at all; every damage found is a finding.
///
/// An indexer may commit meanwhile, delete the segments a merge replaced
/// and rewrite `.managed.json`: damage is only reported if `meta.json` did
/// not change during the check (else it is checked again).
pub fn verify(dir: &Path, depth: Depth) -> Result<Report> {
    let mut attempts = 0;
    loop {
        let meta = std::fs::read(dir.join(META_FILE)).ok();
        let report = verify_once(dir, depth, std::time::SystemTime::now())?;
        attempts += 1;
        if report.is_healthy() || attempts == 3 || std::fs::read(dir.join(META_FILE)).ok() == meta {
            return Ok(report);
        }
    }
}

/// [`verify`] once, as if at time `now` (which decides what has settled).
fn verify_once(dir: &Path, depth: Depth, now: std::time::SystemTime) -> Result<Report> {
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NoArchive {
            path: dir.to_owned(),
        },
        _ => Error::Io {
            path: dir.to_owned(),
            source,
        },
    };
    let names: HashSet<String> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    let mut report = Report {
        path: dir.to_owned(),
        ..Report::default()
    };
    if !names.contains(META_FILE) {
        if !names.iter().any(|name| segment_of(name).is_some()) {
            return Err(Error::NoArchive {
                path: dir.to_owned(),
            });
        }
        report.findings.push(Finding::new(
            META_FILE,
            Damage::Missing,
            "the list of segments is missing, so no segment can be read",
        ));
        return Ok(report);
    }
    let meta = match read_meta(&dir.join(META_FILE)) {
        Ok(meta) => meta,
        Err(reason) => {
            report
                .findings
                .push(Finding::new(META_FILE, Damage::Unreadable, reason));
            return Ok(report);
        }
    };
    report.payload = meta.payload.clone();
    report.files += 1;
    let managed = check_managed(dir, &names, &mut report);

    let listed = check_segments(dir, &names, &meta, (depth, now), &mut report)?;
    if let Some(managed) = managed {
        check_managed_lists(&managed, &listed, &names, &mut report);
    }
    let mut leftovers: Vec<&String> = names
        .iter()
        .filter(|name| {
            (segment_of(name).is_some() && !listed.contains(*name)) || is_record_temporary(name)
        })
        .collect();
    leftovers.sort();
    for name in leftovers {
        let detail = if is_record_temporary(name) {
            "a temporary file of a check that was killed (or of one running now)"
        } else {
            "a segment file no commit refers to \
             (left by a run that was killed or failed, or by one running now)"
        };
        report
            .findings
            .push(Finding::new(name.clone(), Damage::Leftover, detail));
    }
    report.findings.sort_by_key(|f| !f.is_damage());
    Ok(report)
}

/// Checks the files of every segment `meta` lists; the names of those files.
fn check_segments(
    dir: &Path,
    names: &HashSet<String>,
    meta: &Meta,
    (depth, now): (Depth, std::time::SystemTime),
    report: &mut Report,
) -> Result<HashSet<String>> {
    let directory = MmapDirectory::open(dir).map_err(|e| Error::Io {
        path: dir.to_owned(),
        source: std::io::Error::other(e),
    })?;
    let mut record = (depth != Depth::Footers).then(|| Verified::load(dir));
    let before = record.clone();
    let mut listed = HashSet::new();
    for segment in &meta.segments {
        for file in segment.files() {
            listed.insert(file.clone());
            if !names.contains(&file) {
                let detail = "listed in meta.json but missing: the segment cannot be read";
                report
                    .findings
                    .push(Finding::new(file, Damage::Missing, detail));
                continue;
            }
            let stamp = std::fs::metadata(dir.join(&file)).map(|m| Stamp::of(&m));
            let trusted = match (&record, &stamp) {
                (Some(record), Ok(stamp)) => depth == Depth::Changed && record.covers(&file, stamp),
                _ => false,
            };
            let file_depth = if depth == Depth::Footers || trusted {
                Depth::Footers
            } else {
                Depth::Checksums
            };
            match check_file(&directory, Path::new(&file), file_depth) {
                Ok(bytes) => {
                    report.files += 1;
                    report.bytes += bytes;
                    report.trusted += u64::from(trusted);
                    if let (Some(record), Ok(stamp)) = (&mut record, stamp) {
                        if file_depth == Depth::Checksums && stamp.is_settled(now) {
                            record.insert(file, stamp);
                        }
                    }
                }
                Err((damage, detail)) => report.findings.push(Finding::new(file, damage, detail)),
            }
        }
    }
    if let Some(mut record) = record {
        record.retain(|name| listed.contains(name));
        if Some(&record) != before.as_ref() {
            record.store(dir);
        }
    }
    Ok(listed)
}

/// tantivy registers a file in `.managed.json` before writing it, so every
/// committed file is there; a list without them was changed.
fn check_managed_lists(
    managed: &HashSet<String>,
    listed: &HashSet<String>,
    names: &HashSet<String>,
    report: &mut Report,
) {
    let meta_file = META_FILE.to_owned();
    let mut unlisted: Vec<&String> = listed
        .iter()
        .chain(std::iter::once(&meta_file))
        .filter(|file| names.contains(*file) && !managed.contains(*file))
        .collect();
    unlisted.sort();
    if let Some(first) = unlisted.first() {
        report.files -= 1;
        report.findings.push(Finding::new(
            MANAGED_FILE,
            Damage::Unreadable,
            format!(
                "tantivy's list of its files was changed: it lacks {first} and {} more",
                unlisted.len() - 1
            ),
        ));
    }
}

/// A segment's files as `meta.json` describes them.
struct SegmentEntry {
    id: String,
    delete_opstamp: Option<u64>,
}

impl SegmentEntry {
    fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = SEGMENT_EXTENSIONS
            .iter()
            .map(|ext| format!("{}.{ext}", self.id))
            .collect();
        if let Some(opstamp) = self.delete_opstamp {
            files.push(format!("{}.{opstamp}.del", self.id));
        }
        files
    }
}

/// What the check needs of `meta.json`.
struct Meta {
    segments: Vec<SegmentEntry>,
    payload: Option<String>,
}

/// Parses `meta.json` far enough to list the segment files.
fn read_meta(path: &Path) -> std::result::Result<Meta, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("is not valid JSON: {e}"))?;
    let segments = value["segments"]
        .as_array()
        .ok_or("has no list of segments")?;
    let mut entries = Vec::with_capacity(segments.len());
    for segment in segments {
        let id = segment["segment_id"]
            .as_str()
            .map(|id| id.replace('-', ""))
            .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or("names a segment without a valid id")?;
        let delete_opstamp = match &segment["deletes"] {
            serde_json::Value::Null => None,
            deletes => Some(deletes["opstamp"].as_u64().ok_or("has invalid deletes")?),
        };
        entries.push(SegmentEntry { id, delete_opstamp });
    }
    if value["schema"].as_array().is_none() {
        return Err("has no schema".into());
    }
    Ok(Meta {
        segments: entries,
        payload: value["payload"].as_str().map(str::to_owned),
    })
}

/// `.managed.json` must parse, since tantivy refuses to open an index whose
/// list does not; its absence only blinds tantivy's garbage collection.
/// The names it lists, when it parses.
fn check_managed(
    dir: &Path,
    names: &HashSet<String>,
    report: &mut Report,
) -> Option<HashSet<String>> {
    if !names.contains(MANAGED_FILE) {
        report.findings.push(Finding::new(
            MANAGED_FILE,
            Damage::Missing,
            "tantivy's list of its files is missing",
        ));
        return None;
    }
    let parsed = std::fs::read(dir.join(MANAGED_FILE))
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            serde_json::from_slice::<Vec<String>>(&bytes).map_err(|e| format!("not JSON: {e}"))
        });
    match parsed {
        Ok(list) => {
            report.files += 1;
            Some(list.into_iter().collect())
        }
        Err(reason) => {
            report.findings.push(Finding::new(
                MANAGED_FILE,
                Damage::Unreadable,
                format!("tantivy's list of its files is unreadable ({reason})"),
            ));
            None
        }
    }
}

/// Checks one segment file; its size when sound.
fn check_file(
    directory: &MmapDirectory,
    path: &Path,
    depth: Depth,
) -> std::result::Result<u64, (Damage, String)> {
    let slice = directory
        .open_read(path)
        .map_err(|e| (Damage::Missing, format!("cannot be opened: {e}")))?;
    let size = tantivy::HasLen::len(&slice) as u64;
    // tantivy's own message blames an old tantivy version; the bytes say less.
    let (footer, body) = Footer::extract_footer(slice).map_err(|_| {
        let detail = format!("cut short or overwritten at its end ({size} bytes, no footer)");
        (Damage::Truncated, detail)
    })?;
    if footer.is_compatible().is_err() {
        let detail = "its footer names an index format this version cannot read";
        return Err((Damage::Truncated, detail.into()));
    }
    if depth != Depth::Footers {
        let bytes = body
            .read_bytes()
            .map_err(|e| (Damage::Truncated, format!("cannot be read: {e}")))?;
        if crc32fast::hash(bytes.as_slice()) != footer.crc {
            let detail = "checksum mismatch: its bytes changed since tantivy wrote them";
            return Err((Damage::Checksum, detail.into()));
        }
    }
    Ok(size)
}

/// A file [`Verified::store`] writes before renaming it into place.
fn is_record_temporary(name: &str) -> bool {
    name.starts_with(&format!(".{}.", crate::verified::FILE_NAME)) && name.ends_with(".tmp")
}

/// The segment id of a tantivy segment file name (`<32 hex>.<ext>`).
fn segment_of(name: &str) -> Option<&str> {
    let (id, _) = name.split_once('.')?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
