//! `news search` options beyond the basics: output formats, cursors, sources,
//! sections, facet and histogram settings, and how names are resolved.

use crate::newsroom::newsroom_archive;
use crate::support::*;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(news_ok(newsroom_archive(), args).stdout).unwrap()
}

#[test]
fn partial_names_resolve_with_a_note() {
    let response = search(newsroom_archive(), &["*", "--person", "Putin"]);
    assert_eq!(response["total"], 3);
    assert_eq!(
        response["notices"][0],
        serde_json::json!({"facet": "persons", "given": "Putin", "used": "Vladimir Putin"})
    );
    let unknown = news_ok(
        newsroom_archive(),
        &["search", "*", "--person", "Angela Merkel", "--json"],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no \"Angela Merkel\""));
    let table = stdout(&["search", "*", "--person", "Putin"]);
    assert!(
        table.starts_with("note: persons: \"Putin\" read as \"Vladimir Putin\""),
        "{table}"
    );
}

#[test]
fn facets_of_a_selected_facet_keep_the_other_values() {
    let response = search(
        newsroom_archive(),
        &["*", "--person", "Emmanuel Macron", "--facet-limit", "3"],
    );
    assert_eq!(response["total"], 2);
    let persons = facet_values(&response, "persons");
    assert_eq!(persons.len(), 3);
    assert!(
        persons.contains(&"Vladimir Putin".to_owned()),
        "{persons:?}"
    );
    assert_eq!(facet_values(&response, "sources").len(), 2);
}

#[test]
fn source_and_section_filters() {
    let wire_one = search(newsroom_archive(), &["*", "--source", "Wire One"]);
    assert_eq!(wire_one["total"], 3);
    let politics = search(
        newsroom_archive(),
        &["*", "--source", "Wire One", "--section", "politics"],
    );
    assert_eq!(titles(&politics), ["Sharaa meets Putin in Moscow"]);
}

#[test]
fn cursor_pages_through_everything_once() {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = vec!["*", "--sort", "newest", "--limit", "2"];
        if let Some(c) = &cursor {
            args.extend(["--cursor", c.as_str()]);
        }
        let page = search(newsroom_archive(), &args);
        seen.extend(
            page["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["kremlin", "frigate", "ankara", "paris", "final", "budget"]
    );
    let bad = news(newsroom_archive(), &["search", "*", "--cursor", "xyz"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid cursor"));
}

#[test]
fn ndjson_and_csv_print_one_hit_per_line() {
    let ndjson = stdout(&["search", "Tartus", "--format", "ndjson"]);
    let hits: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 2);
    assert!(hits[0]["fragments"][0]["html"]
        .as_str()
        .unwrap()
        .contains("<mark>Tartus</mark>"));
    let csv = stdout(&["search", "budget", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,date,title,source,section"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("budget,2025-03-20T00:00:00Z,Macron presents a budget,Wire One,economy"),
        "{row}"
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn histogram_interval_and_facet_limit() {
    let weeks = search(
        newsroom_archive(),
        &["Putin", "--histogram", "week", "--facet-limit", "1"],
    );
    assert_eq!(
        weeks["histogram"][0]["key"], "2025-11-03",
        "weeks are keyed by their Monday"
    );
    assert_eq!(facet_values(&weeks, "persons"), ["Vladimir Putin"]);
    let none = search(
        newsroom_archive(),
        &["Putin", "--histogram", "none", "--facet-limit", "0"],
    );
    assert_eq!(none["histogram"], serde_json::json!([]));
    assert_eq!(none["facets"]["persons"], serde_json::json!([]));
    let table = stdout(&["search", "Putin", "--histogram", "year"]);
    assert!(
        table.contains("By year") && table.contains("2026"),
        "{table}"
    );
}

#[test]
fn a_purely_negative_query_and_fuzzy_words_work_from_the_command_line() {
    let not_putin = search(newsroom_archive(), &["NOT Putin"]);
    assert_eq!(not_putin["total"], 3);
    let fuzzy = search(newsroom_archive(), &["Erdoganx~1"]);
    assert_eq!(titles(&fuzzy), ["Putin and Erdogan discuss gas"]);
}
