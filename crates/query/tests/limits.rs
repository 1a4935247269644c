//! Bounded work per request: every limit refuses before any work with
//! `Error::Limit` naming it, and a spent time budget answers `Error::Timeout`.

mod common;

use std::time::Duration;

use common::*;
use news_query::{
    Error, Interval, SearchRequest, MAX_EXPANSIONS, MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL,
    MAX_PHRASE_SLOP, MAX_PHRASE_WORDS, MAX_QUERY_TERMS, MAX_SLOPPY_REPEATS,
};

/// The name of the limit that refused `request`, in search and in timeline alike.
fn refused_by(archive: &news_query::Archive, request: &SearchRequest) -> &'static str {
    let search = match archive.search(request) {
        Err(Error::Limit {
            limit, given, max, ..
        }) => {
            assert!(given > max, "{limit}: {given} <= {max}");
            limit
        }
        other => panic!("{:?} was not refused: {other:?}", request.query),
    };
    match archive.timeline(request, Interval::Month) {
        Err(Error::Limit { limit, .. }) => assert_eq!(limit, search),
        other => panic!("timeline of {:?} was not refused: {other:?}", request.query),
    }
    search
}

fn words(n: usize, word: impl Fn(usize) -> String) -> Vec<String> {
    (0..n).map(word).collect()
}

#[test]
fn each_query_limit_refuses_with_its_name() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let the = |n: usize| words(n, |_| "the".into()).join(" ");
    let cases = [
        (format!("\"{}\"~100", the(20)), "MAX_PHRASE_SLOP"),
        (
            format!("\"{}\"~{}", the(MAX_SLOPPY_REPEATS + 1), MAX_PHRASE_SLOP),
            "MAX_SLOPPY_REPEATS",
        ),
        (
            format!(
                "\"{}\"",
                words(MAX_PHRASE_WORDS + 1, |i| format!("w{i}")).join(" ")
            ),
            "MAX_PHRASE_WORDS",
        ),
        (
            words(MAX_QUERY_TERMS + 1, |i| format!("w{i}")).join(" OR "),
            "MAX_QUERY_TERMS",
        ),
        (
            words(MAX_EXPANSIONS + 1, |i| format!("port{i}~2")).join(" "),
            "MAX_EXPANSIONS",
        ),
    ];
    for (query, limit) in cases {
        assert_eq!(refused_by(&archive, &SearchRequest::new(query)), limit);
    }
    // Just within every limit, the same kinds of query run.
    for query in [
        format!("\"{}\"~{}", the(MAX_SLOPPY_REPEATS), MAX_PHRASE_SLOP),
        format!(
            "\"{}\"",
            words(MAX_PHRASE_WORDS, |i| format!("w{i}")).join(" ")
        ),
        words(MAX_QUERY_TERMS, |i| format!("w{i}")).join(" OR "),
        words(MAX_EXPANSIONS, |i| format!("port{i}~2")).join(" OR "),
    ] {
        assert!(
            archive.search(&SearchRequest::new(&query)).is_ok(),
            "{query}"
        );
    }
}

#[test]
fn filter_values_are_bounded() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let mut request = SearchRequest::new("*");
    request.persons = words(MAX_FILTER_VALUES + 1, |i| format!("Nobody {i}"));
    assert_eq!(refused_by(&archive, &request), "MAX_FILTER_VALUES");
    request.persons = words(MAX_FILTER_VALUES, |i| format!("Nobody {i}"));
    request.organizations = words(MAX_FILTER_VALUES, |i| format!("Nothing {i}"));
    request.locations = words(MAX_FILTER_VALUES_TOTAL + 1 - 2 * MAX_FILTER_VALUES, |i| {
        format!("Nowhere {i}")
    });
    assert_eq!(refused_by(&archive, &request), "MAX_FILTER_VALUES_TOTAL");
    request.locations.pop();
    let response = archive.search(&request).unwrap();
    assert_eq!(response.total, 0, "no such people");
}

#[test]
fn the_error_names_the_limit_and_the_value() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let error = archive
        .search(&SearchRequest::new("\"the cat the the\"~3"))
        .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("MAX_SLOPPY_REPEATS"), "{message}");
    assert!(message.contains("`the`"), "{message}");
    assert!(message.contains(" is 3;"), "{message}");
}

#[test]
fn a_spent_budget_answers_timeout_and_none_or_a_long_one_answers() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let spent = SearchRequest::new("Tartus").timeout(Some(Duration::ZERO));
    assert!(matches!(
        archive.search(&spent),
        Err(Error::Timeout { budget_ms: 0 })
    ));
    assert!(matches!(
        archive.timeline(&spent, Interval::Month),
        Err(Error::Timeout { .. })
    ));
    assert!(matches!(
        archive.related_within("seed", 5, Some(Duration::ZERO)),
        Err(Error::Timeout { .. })
    ));
    let roomy = SearchRequest::new("Tartus").timeout(Some(Duration::from_secs(600)));
    let answered = archive.search(&roomy).unwrap();
    assert_eq!(
        answered.total,
        archive.search(&SearchRequest::new("Tartus")).unwrap().total
    );
    assert!(answered.total > 0);
    assert!(archive
        .related_within("seed", 5, Some(Duration::from_secs(600)))
        .is_ok());
}

#[test]
fn the_budget_round_trips_through_json_and_stays_out_when_unset() {
    let request: SearchRequest =
        serde_json::from_str(r#"{"query": "x", "timeout_ms": 250}"#).unwrap();
    assert_eq!(request.timeout_ms, Some(250));
    let plain = serde_json::to_string(&SearchRequest::new("x")).unwrap();
    assert!(!plain.contains("timeout_ms"), "{plain}");
}
