//! `Archive::scan` over an archive opened for scanning (positioned reads) and
//! one opened for searching (mapped): the same articles, in the same order,
//! however many threads decode them.

mod common;

use common::*;
use news_query::{Archive, ArticleRecord, Error, SearchRequest};

/// `n` articles, every seventh in a cluster of its own with the next one.
fn many(n: usize) -> Vec<ArticleRecord> {
    (0..n)
        .map(|i| {
            let mut r = article(
                &format!("a{i:05}"),
                day(2026, 1, 1) + i as i64 * 60,
                &format!("Report {i}"),
                &format!(
                    "Grain report number {i}. {}",
                    "Ships leave port. ".repeat(i % 9)
                ),
            );
            r.persons = vec![format!("Person {}", i % 13)];
            r.cluster = (i % 7 == 0).then_some(i as u64 / 7);
            r
        })
        .collect()
}

fn scanned(archive: &Archive, request: &SearchRequest) -> Vec<(ArticleRecord, u64)> {
    let mut out = Vec::new();
    archive
        .scan(request)
        .unwrap()
        .run(|a| {
            out.push((a.record, a.cluster_size));
            Ok::<_, Error>(())
        })
        .unwrap();
    out
}

#[test]
fn positioned_reads_give_what_the_mapped_archive_gives_in_order() {
    // Several segments of more than one run of 1,024 each, so several threads
    // take turns and the order has to be put back together.
    let (dir, mapped) = archive_of(&many(5_000), 1_700);
    let read = Archive::open_for_scan(dir.path()).unwrap();
    for request in [
        SearchRequest::new("*").all_copies(true),
        SearchRequest::new("*"),
        SearchRequest::new("grain").person("Person 3"),
    ] {
        let (a, b) = (scanned(&mapped, &request), scanned(&read, &request));
        assert_eq!(a.len(), b.len());
        assert!(a == b, "{request:?}: the two archives differ");
        if request.all_copies {
            let mut ids: Vec<&str> = a.iter().map(|(r, _)| r.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), 5_000, "every article once");
        }
    }
}

#[test]
fn a_damaged_archive_is_refused_for_scanning_as_for_searching() {
    // Written but not opened: a mapped archive would fault on the cut file.
    let dir = tempfile::tempdir().unwrap();
    news_query::schema::write_records(dir.path(), &many(50)).unwrap();
    let store = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .unwrap();
    let bytes = std::fs::read(&store).unwrap();
    std::fs::write(&store, &bytes[..bytes.len() / 2]).unwrap();
    match Archive::open_for_scan(dir.path()) {
        Err(Error::Damaged { detail, .. }) => {
            let name = store.file_name().unwrap().to_string_lossy().into_owned();
            assert!(detail.contains(&name), "{detail}");
        }
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_directory_without_an_archive_is_no_archive() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Archive::open_for_scan(dir.path()),
        Err(Error::NoArchive { .. })
    ));
}
