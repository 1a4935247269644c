//! Offset and cursor paging over several segments, for every sort, and
//! near-duplicate clusters folded into their best hit.

mod common;

use common::*;
use news_query::schema::ArticleRecord;
use news_query::{SearchRequest, Sort};

/// `n` articles over a few days (many share a date, so ties must break stably).
fn many(n: usize) -> Vec<ArticleRecord> {
    (0..n)
        .map(|i| {
            let words = "grain ".repeat(1 + i % 5);
            let mut record = article(
                &format!("a{i:05}"),
                day(2025, 1, 1) + (i % 7) as i64 * 86_400,
                &format!("Report {i}"),
                &format!("{words} shipment number {i}"),
            );
            if i % 11 == 0 {
                record.date = None;
            }
            record
        })
        .collect()
}

fn page_through(archive: &news_query::Archive, request: SearchRequest) -> Vec<String> {
    let mut seen = Vec::new();
    let mut request = request;
    loop {
        let response = archive.search(&request).unwrap();
        seen.extend(response.hits.iter().map(|h| h.id.clone()));
        match response.next_cursor {
            Some(cursor) => request = request.cursor(cursor),
            None => break,
        }
        assert!(seen.len() <= 20_000, "paging does not end");
    }
    seen
}

#[test]
fn cursor_pages_equal_offset_pages_for_every_sort() {
    let (_dir, archive) = archive_of(&many(61), 15);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        for query in ["grain", ""] {
            let all = archive
                .search(&SearchRequest::new(query).sort(sort).limit(100))
                .unwrap();
            let expected: Vec<String> = all.hits.iter().map(|h| h.id.clone()).collect();
            assert_eq!(expected.len(), 61);
            let paged = page_through(&archive, SearchRequest::new(query).sort(sort).limit(7));
            assert_eq!(paged, expected, "{sort:?} {query:?}");
            let by_offset: Vec<String> = (0..9)
                .flat_map(|page| {
                    let r = SearchRequest::new(query)
                        .sort(sort)
                        .limit(7)
                        .offset(page * 7);
                    archive.search(&r).unwrap().hits.into_iter().map(|h| h.id)
                })
                .collect();
            assert_eq!(by_offset, expected, "{sort:?} {query:?}");
        }
    }
}

#[test]
fn a_cursor_is_refused_by_another_search() {
    let (_dir, archive) = archive_of(&many(20), 20);
    let first = archive
        .search(&SearchRequest::new("grain").limit(5))
        .unwrap();
    let cursor = first.next_cursor.unwrap();
    let other = SearchRequest::new("shipment")
        .limit(5)
        .cursor(cursor.clone());
    assert!(matches!(
        archive.search(&other),
        Err(news_query::Error::Cursor(_))
    ));
    let resorted = SearchRequest::new("grain")
        .sort(Sort::Newest)
        .cursor(cursor);
    assert!(matches!(
        archive.search(&resorted),
        Err(news_query::Error::Cursor(_))
    ));
}

#[test]
fn cursors_go_past_ten_thousand() {
    let records: Vec<ArticleRecord> = (0..10_300)
        .map(|i| ArticleRecord {
            id: format!("n{i}"),
            title: "brief".into(),
            date: Some(i as i64 * 3_600),
            ..Default::default()
        })
        .collect();
    let (_dir, archive) = archive_of(&records, 4_000);
    let request = SearchRequest::new("brief")
        .sort(Sort::Oldest)
        .limit(5_000)
        .facet_limit(0)
        .histogram(None)
        .fragments(0);
    let ids = page_through(&archive, request);
    assert_eq!(ids.len(), 10_300);
    assert_eq!(ids[10_299], "n10299");
    let too_deep = SearchRequest::new("brief").offset(10_000).limit(1);
    assert!(archive.search(&too_deep).is_err());
}

fn clustered() -> Vec<ArticleRecord> {
    let copy = |id: &str, cluster: Option<u64>, title: &str, body: &str, date: i64| {
        let mut record = article(id, date, title, body);
        record.cluster = cluster;
        record
    };
    vec![
        copy(
            "wire",
            Some(7),
            "Tartus port reopens",
            "Tartus port reopens to grain ships. Tartus.",
            day(2026, 1, 5),
        ),
        copy(
            "wire-copy-1",
            Some(7),
            "Tartus port reopens",
            "Tartus port reopens to grain ships.",
            day(2026, 1, 6),
        ),
        copy(
            "wire-copy-2",
            Some(7),
            "Port reopens",
            "The Tartus port reopens to grain ships.",
            day(2026, 1, 7),
        ),
        copy(
            "other",
            Some(9),
            "Tartus fishermen",
            "Fishermen of Tartus return.",
            day(2026, 1, 2),
        ),
        copy(
            "unique",
            None,
            "Tartus weather",
            "Storms hit Tartus.",
            day(2026, 1, 1),
        ),
    ]
}

#[test]
fn near_duplicates_fold_into_the_best_hit() {
    let (_dir, archive) = archive_of(&clustered(), 2);
    let response = archive.search(&SearchRequest::new("Tartus")).unwrap();
    assert_eq!(response.total, 5, "every copy is counted");
    assert_eq!(ids(&response).len(), 3);
    let folded: Vec<(&str, u64)> = response
        .hits
        .iter()
        .filter(|h| h.similar_count > 0)
        .map(|h| (h.id.as_str(), h.similar_count))
        .collect();
    assert_eq!(
        folded,
        [("wire", 2)],
        "the best-scoring copy stands for its cluster"
    );
    assert!(response.hits.iter().all(|h| h.similar_ids.is_empty()));

    let with_ids = archive
        .search(&SearchRequest::new("Tartus").include_similar_ids(true))
        .unwrap();
    let wire = with_ids.hits.iter().find(|h| h.id == "wire").unwrap();
    assert_eq!(wire.similar_ids, ["wire-copy-1", "wire-copy-2"]);

    let newest = archive
        .search(&SearchRequest::new("Tartus").sort(Sort::Newest))
        .unwrap();
    assert_eq!(ids(&newest), ["wire-copy-2", "other", "unique"]);

    let all = archive
        .search(&SearchRequest::new("Tartus").all_copies(true))
        .unwrap();
    assert_eq!(all.hits.len(), 5);
    assert!(all.hits.iter().all(|h| h.similar_count == 0));
}

#[test]
fn cursor_paging_never_repeats_a_cluster() {
    let (_dir, archive) = archive_of(&clustered(), 2);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let paged = page_through(&archive, SearchRequest::new("Tartus").sort(sort).limit(1));
        assert_eq!(paged.len(), 3, "{sort:?}: {paged:?}");
        let one_page = archive
            .search(&SearchRequest::new("Tartus").sort(sort))
            .unwrap();
        assert_eq!(paged, ids(&one_page), "{sort:?}");
    }
}

#[test]
fn clustered_archives_page_alike_by_offset_and_by_cursor() {
    // As the indexer writes them: every article has a cluster, most their own.
    let records: Vec<ArticleRecord> = many(90)
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.cluster = Some(if i % 3 == 0 {
                (i % 12) as u64
            } else {
                1_000 + i as u64
            });
            r
        })
        .collect();
    let (_dir, archive) = archive_of(&records, 25);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let one_page = archive
            .search(&SearchRequest::new("grain").sort(sort).limit(100))
            .unwrap();
        let shown: u64 = one_page.hits.iter().map(|h| 1 + h.similar_count).sum();
        assert_eq!(
            shown, one_page.total,
            "{sort:?}: every copy is accounted for"
        );
        let expected: Vec<String> = one_page.hits.iter().map(|h| h.id.clone()).collect();
        assert_eq!(expected.len(), 60 + 4);
        let paged = page_through(&archive, SearchRequest::new("grain").sort(sort).limit(7));
        assert_eq!(paged, expected, "{sort:?} by cursor");
        let by_offset: Vec<String> = (0..10)
            .flat_map(|page| {
                let r = SearchRequest::new("grain")
                    .sort(sort)
                    .limit(7)
                    .offset(page * 7);
                archive.search(&r).unwrap().hits.into_iter().map(|h| h.id)
            })
            .collect();
        assert_eq!(by_offset, expected, "{sort:?} by offset");
        let small = archive
            .search(&SearchRequest::new("grain").sort(sort).limit(3))
            .unwrap();
        let small_ids: Vec<&str> = small.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            small_ids,
            expected[..3],
            "{sort:?}: a small window keeps the best clusters"
        );
        assert!(small.next_cursor.is_some());
    }
}
