//! The language filter and facet: ISO 639-1 codes as the archive records them.

mod common;

use common::*;
use news_query::{ArticleRecord, Error, FilterFacet, Interval, SearchRequest, MAX_FILTER_VALUES};

/// Six articles: three English (two from Reuters), two German, one French,
/// and one with no language recorded.
fn multilingual() -> Vec<ArticleRecord> {
    let record = |id: &str, language: Option<&str>, source: &str, month: u32| {
        let mut r = article(
            id,
            day(2026, month, 1),
            "Grain exports",
            "Grain ships leave port.",
        );
        r.language = language.map(str::to_owned);
        r.source = Some(source.to_owned());
        r
    };
    vec![
        record("en-1", Some("en"), "Reuters", 1),
        record("en-2", Some("en"), "Reuters", 2),
        record("en-3", Some("en"), "AP", 2),
        record("de-1", Some("de"), "Reuters", 1),
        record("de-2", Some("de"), "dpa", 3),
        record("fr-1", Some("fr"), "AFP", 3),
        record("none", None, "AP", 3),
    ]
}

fn sorted_ids(response: &news_query::SearchResponse) -> Vec<&str> {
    let mut ids = ids(response);
    ids.sort_unstable();
    ids
}

#[test]
fn the_language_facet_counts_every_recorded_language() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let response = archive.search(&SearchRequest::new("grain")).unwrap();
    assert_eq!(response.total, 7);
    assert_eq!(
        facet(&response.facets.languages),
        [("en", 3), ("de", 2), ("fr", 1)]
    );
}

#[test]
fn the_language_filter_keeps_any_of_its_codes() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let english = archive
        .search(&SearchRequest::new("grain").language("en").limit(10))
        .unwrap();
    assert_eq!(sorted_ids(&english), ["en-1", "en-2", "en-3"]);
    let two = archive
        .search(
            &SearchRequest::new("*")
                .language("de")
                .language("fr")
                .limit(10),
        )
        .unwrap();
    assert_eq!(sorted_ids(&two), ["de-1", "de-2", "fr-1"]);
    // With another filter: both must hold.
    let reuters_german = archive
        .search(&SearchRequest::new("*").language("de").source("Reuters"))
        .unwrap();
    assert_eq!(ids(&reuters_german), ["de-1"]);
    // Facets off: the same hits.
    let plain = archive
        .search(&SearchRequest::new("*").language("de").facet_limit(0))
        .unwrap();
    assert_eq!(sorted_ids(&plain), ["de-1", "de-2"]);
}

#[test]
fn the_language_facet_ignores_its_own_selection_but_follows_the_others() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let german = archive
        .search(&SearchRequest::new("*").language("de"))
        .unwrap();
    assert_eq!(german.total, 2);
    // Languages counted as if none were selected (multi-select)...
    assert_eq!(
        facet(&german.facets.languages),
        [("en", 3), ("de", 2), ("fr", 1)]
    );
    // ...the sources under the language selection.
    assert_eq!(facet(&german.facets.sources), [("Reuters", 1), ("dpa", 1)]);
    // A source selection shrinks the language counts.
    let reuters = archive
        .search(&SearchRequest::new("*").source("Reuters"))
        .unwrap();
    assert_eq!(facet(&reuters.facets.languages), [("en", 2), ("de", 1)]);
}

#[test]
fn an_unknown_code_matches_nothing_and_says_so() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let response = archive
        .search(&SearchRequest::new("*").language("ru"))
        .unwrap();
    assert_eq!(response.total, 0);
    let notice = &response.notices[0];
    assert_eq!(
        (notice.facet, notice.given.as_str(), notice.used.as_deref()),
        (FilterFacet::Languages, "ru", None)
    );
}

#[test]
fn language_values_count_against_the_filter_limits() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let mut request = SearchRequest::new("*");
    request.languages = (0..=MAX_FILTER_VALUES).map(|i| format!("x{i}")).collect();
    match archive.search(&request) {
        Err(Error::Limit { limit, .. }) => assert_eq!(limit, "MAX_FILTER_VALUES"),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_timeline_measures_against_the_articles_in_that_language() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let timeline = archive
        .timeline(&SearchRequest::new("*").language("en"), Interval::Month)
        .unwrap();
    let buckets: Vec<(&str, u64, u64)> = timeline
        .buckets
        .iter()
        .map(|b| (b.key.as_str(), b.count, b.total))
        .collect();
    // The denominator is English articles per month, not every article.
    assert_eq!(buckets, [("2026-01", 1, 1), ("2026-02", 2, 2)]);
}

#[test]
fn a_scan_takes_the_language_filter() {
    let (_dir, archive) = archive_of(&multilingual(), 3);
    let scan = archive
        .scan(&SearchRequest::new("*").language("fr").language("de"))
        .unwrap();
    let mut seen = Vec::new();
    scan.run(|a| {
        seen.push((a.record.id, a.record.language));
        Ok::<_, Error>(())
    })
    .unwrap();
    seen.sort();
    let code = |c: &str| Some(c.to_owned());
    assert_eq!(
        seen,
        [
            ("de-1".to_owned(), code("de")),
            ("de-2".to_owned(), code("de")),
            ("fr-1".to_owned(), code("fr"))
        ]
    );
}

#[test]
fn requests_take_language_as_well_as_languages() {
    let one: SearchRequest = serde_json::from_str(r#"{"language": ["en"]}"#).unwrap();
    let many: SearchRequest = serde_json::from_str(r#"{"languages": ["en"]}"#).unwrap();
    assert_eq!(one.languages, ["en"]);
    assert_eq!(one, many);
}
