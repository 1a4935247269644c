//! Whether an archive can be trusted, file by file: tantivy's files (see
//! [`news_query::verify`]) and the indexer's own, the manifest and the
//! clustering state, which must belong to the commit searches see.
//!
//! [`check`] is what `news check` prints. [`prepare`] runs at the start of
//! every `news index`, under the write lock: it finishes a commit that a
//! kill cut short (the renames of [`crate::checkpoint`]), refuses to write
//! into a damaged archive ([`IndexError::Damaged`]), and removes what killed
//! runs left behind: temporary files of our atomic writes and segment files
//! no commit refers to.

use std::path::Path;

use news_query::verify::{self, Damage, Depth, Finding, Report};

use crate::checkpoint;
use crate::cluster;
use crate::error::IndexError;
use crate::manifest::{self, Manifest};

/// Temporary files of the archive's atomic writes (written, then renamed).
const TEMPORARY: [&str; 2] = ["news-manifest.tmp", "news-clusters.tmp"];

/// Checks every file of the archive in `dir`: tantivy's to `depth`, the
/// manifest and clustering state whole. An error only when the check cannot
/// run (no archive there, the directory unreadable).
pub fn check(dir: &Path, depth: Depth) -> Result<Report, news_query::Error> {
    check_keeping_state(dir, depth).map(|(report, _)| report)
}

/// [`check`], also giving the clustering state it read (when sound), so a
/// run does not read it twice.
fn check_keeping_state(
    dir: &Path,
    depth: Depth,
) -> Result<(Report, Option<cluster::store::Stored>), news_query::Error> {
    let mut report = verify::verify(dir, depth)?;
    let token = report.payload.as_deref().and_then(|p| p.parse().ok());
    let state = check_own_files(dir, token, &mut report);
    report.findings.sort_by_key(|f| !f.is_damage());
    Ok((report, state))
}

/// Readies the archive in `dir` for a run (the caller holds its lock):
/// finishes an interrupted commit, refuses a damaged archive, removes
/// leftovers. A directory without an archive is fine: the run creates one.
/// The clustering state of the last commit, read and checked on the way.
pub(crate) fn prepare(dir: &Path) -> Result<Option<cluster::store::Stored>, IndexError> {
    let report = match verify::verify(dir, Depth::Footers) {
        Ok(report) => report,
        Err(news_query::Error::NoArchive { .. }) => return Ok(None),
        Err(other) => return Err(other.into()),
    };
    let token = report.payload.as_deref().and_then(|p| p.parse().ok());
    checkpoint::recover(dir, token)?;
    let (report, state) = check_keeping_state(dir, Depth::Changed)?;
    if let Some(finding) = report.first_damage() {
        return Err(IndexError::Damaged {
            path: dir.to_owned(),
            detail: finding.to_string(),
        });
    }
    for leftover in report.findings.iter().filter(|f| !f.is_damage()) {
        let path = dir.join(&leftover.file);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(IndexError::Io { path, source: e })
            }
            _ => {}
        }
    }
    Ok(state)
}

/// Adds the findings about the manifest and clustering state of the commit
/// with `token` (none for an archive `news index` did not write, or one
/// still empty), and the temporary files left beside them. The clustering
/// state, when sound.
fn check_own_files(
    dir: &Path,
    token: Option<u64>,
    report: &mut Report,
) -> Option<cluster::store::Stored> {
    for name in TEMPORARY {
        if dir.join(name).exists() {
            let detail =
                "a temporary file of a commit that never finished (a run killed or failed)";
            report
                .findings
                .push(Finding::new(name, Damage::Leftover, detail));
        }
    }
    check_manifest(dir, token, report);
    check_state(dir, token?, report)
}

/// A kill between the index commit and the renames leaves the committed
/// files under their temporary names: the next run puts them in place.
fn pending(name: &str) -> Finding {
    Finding::new(
        name,
        Damage::Leftover,
        "the commit that wrote it was cut short; the next `news index` finishes it",
    )
}

fn check_manifest(dir: &Path, token: Option<u64>, report: &mut Report) {
    let temporary = dir.join(manifest::FILE_NAME).with_extension("tmp");
    let committed = |t: u64| Manifest::load_from(&temporary).is_some_and(|m| m.token == t);
    let finding = match (Manifest::load(dir), token) {
        (Ok(Some(manifest)), Some(token)) if manifest.token == token => {
            report.files += 1;
            return;
        }
        (_, Some(token)) if committed(token) => pending(manifest::FILE_NAME),
        (Err(error), _) => Finding::new(
            manifest::FILE_NAME,
            Damage::Unreadable,
            format!("{error}: the record of what the archive was built from"),
        ),
        (Ok(Some(_)), Some(_)) => Finding::new(
            manifest::FILE_NAME,
            Damage::Unreadable,
            "belongs to another commit than the index's",
        ),
        (Ok(None), Some(_)) => Finding::new(
            manifest::FILE_NAME,
            Damage::Missing,
            "the record of what the archive was built from is missing",
        ),
        // An archive `news index` did not commit to has nothing to match.
        (Ok(_), None) => return,
    };
    report.findings.push(finding);
}

fn check_state(dir: &Path, token: u64, report: &mut Report) -> Option<cluster::store::Stored> {
    let state = dir.join(cluster::store::FILE_NAME);
    if matches!(
        cluster::store::read(&state.with_extension("tmp"), token),
        Ok(Some(_))
    ) {
        report.findings.push(pending(cluster::store::FILE_NAME));
        return None;
    }
    let finding = match cluster::store::read(&state, token) {
        Ok(Some(stored)) => {
            report.files += 1;
            return Some(stored);
        }
        Ok(None) if state.exists() => Finding::new(
            cluster::store::FILE_NAME,
            Damage::Unreadable,
            "belongs to another commit than the index's",
        ),
        Ok(None) => Finding::new(
            cluster::store::FILE_NAME,
            Damage::Missing,
            "the clustering state (which articles are copies of which) is missing",
        ),
        Err(error) => Finding::new(
            cluster::store::FILE_NAME,
            Damage::Unreadable,
            format!("the clustering state is unreadable ({error})"),
        ),
    };
    report.findings.push(finding);
    None
}
