//! Tests of `verify.rs`.

use super::*;
use crate::schema::{write_records, ArticleRecord};

fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str| ArticleRecord {
        id: id.into(),
        title: format!("Tartus {id}"),
        body: "The port reopened.".into(),
        ..Default::default()
    };
    write_records(dir.path(), &[record("a"), record("b")]).unwrap();
    dir
}

fn segment_file(dir: &Path, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap()
}

#[test]
fn an_empty_or_missing_directory_is_no_archive() {
    let dir = tempfile::tempdir().unwrap();
    for path in [dir.path().to_owned(), dir.path().join("nothing-here")] {
        assert!(matches!(
            verify(&path, Depth::Checksums),
            Err(Error::NoArchive { .. })
        ));
    }
}

#[test]
fn each_kind_of_damage_is_found() {
    let dir = archive();
    assert!(verify(dir.path(), Depth::Checksums).unwrap().is_healthy());

    let fast = segment_file(dir.path(), "fast");
    let mut bytes = std::fs::read(&fast).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&fast, &bytes).unwrap();
    assert!(verify(dir.path(), Depth::Footers).unwrap().is_healthy());
    let report = verify(dir.path(), Depth::Checksums).unwrap();
    assert_eq!(report.first_damage().unwrap().damage, Damage::Checksum);

    let term = segment_file(dir.path(), "term");
    let length = std::fs::metadata(&term).unwrap().len();
    std::fs::File::options()
        .write(true)
        .open(&term)
        .unwrap()
        .set_len(length / 2)
        .unwrap();
    let store = segment_file(dir.path(), "store");
    std::fs::remove_file(&store).unwrap();
    let report = verify(dir.path(), Depth::Footers).unwrap();
    let damages: HashSet<Damage> = report.findings.iter().map(|f| f.damage).collect();
    assert_eq!(damages, HashSet::from([Damage::Truncated, Damage::Missing]));

    std::fs::write(dir.path().join(META_FILE), "{\"segments\": 3").unwrap();
    let report = verify(dir.path(), Depth::Footers).unwrap();
    assert_eq!(report.first_damage().unwrap().file, META_FILE);
}

#[test]
fn orphan_segment_files_are_leftovers_not_damage() {
    let dir = archive();
    let orphan = dir.path().join(format!("{}.idx", "0".repeat(32)));
    std::fs::write(&orphan, b"half written").unwrap();
    let report = verify(dir.path(), Depth::Checksums).unwrap();
    assert!(report.is_healthy());
    assert_eq!(report.findings[0].damage, Damage::Leftover);
}

#[test]
fn files_verified_and_unchanged_are_trusted_and_a_rewrite_is_read_again() {
    let dir = archive();
    let settled = std::time::SystemTime::now() + crate::verified::SETTLE;
    let first = verify_once(dir.path(), Depth::Changed, settled).unwrap();
    assert!(first.is_healthy());
    assert_eq!(first.trusted, 0);
    assert!(dir.path().join(crate::verified::FILE_NAME).exists());

    let second = verify_once(dir.path(), Depth::Changed, settled).unwrap();
    assert_eq!(
        second.trusted,
        second.files - 2,
        "all but meta.json and .managed.json"
    );

    // File times are coarse: let the clock move on before the rewrite.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let fast = segment_file(dir.path(), "fast");
    let mut bytes = std::fs::read(&fast).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&fast, &bytes).unwrap();
    let third = verify_once(dir.path(), Depth::Changed, settled).unwrap();
    assert_eq!(third.first_damage().unwrap().damage, Damage::Checksum);
    assert_eq!(third.trusted, second.trusted - 1);
}

#[test]
fn files_changed_just_now_are_not_recorded() {
    let dir = archive();
    verify(dir.path(), Depth::Changed).unwrap();
    let again = verify(dir.path(), Depth::Changed).unwrap();
    assert_eq!(again.trusted, 0);
}
