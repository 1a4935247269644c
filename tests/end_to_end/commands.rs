//! `news show`, `news related`, `news entities` and `news timeline`, and
//! what every command does when its output is closed early.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::newsroom::newsroom_archive;
use crate::support::*;

fn json(args: &[&str]) -> Value {
    let output = news_ok(newsroom_archive(), args);
    serde_json::from_slice(&output.stdout).expect("one JSON value")
}

#[test]
fn show_prints_one_article_in_full() {
    let text = String::from_utf8(news_ok(newsroom_archive(), &["show", "kremlin"]).stdout).unwrap();
    assert!(text.starts_with("Sharaa meets Putin in Moscow\n"), "{text}");
    assert!(
        text.contains("2026-01-28") && text.contains("Wire One"),
        "{text}"
    );
    assert!(text.contains("Vladimir Putin · Ahmed al-Sharaa"), "{text}");
    assert!(text.contains("Hmeimim airbase"), "{text}");
    let record = json(&["show", "kremlin", "--json"]);
    assert_eq!(record["section"], "politics");
    let missing = news(newsroom_archive(), &["show", "nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article with id `nope`"));
}

#[test]
fn related_finds_shared_people_and_places() {
    let hits = json(&["related", "kremlin", "--json", "--limit", "3"]);
    let ids: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "frigate", "{ids:?}");
    assert!(!ids.contains(&"kremlin"));
    assert!(ids.len() <= 3);
    let text =
        String::from_utf8(news_ok(newsroom_archive(), &["related", "kremlin"]).stdout).unwrap();
    assert!(text.contains("Russian frigate returns to Tartus"), "{text}");
    assert!(
        text.contains("shared: Vladimir Putin · Tartus · Syria"),
        "{text}"
    );
    assert_eq!(
        news(newsroom_archive(), &["related", "nope"]).status.code(),
        Some(2)
    );
}

#[test]
fn entities_by_prefix_with_counts() {
    let found = json(&["entities", "person", "Puti", "--json"]);
    assert_eq!(found[0]["name"], "Vladimir Putin");
    assert_eq!(found[0]["count"], 3);
    let text =
        String::from_utf8(news_ok(newsroom_archive(), &["entities", "location"]).stdout).unwrap();
    let first: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        first,
        ["2", "France"],
        "most named first, then by name: {text}"
    );
    let none =
        String::from_utf8(news_ok(newsroom_archive(), &["entities", "organization", "zzz"]).stdout)
            .unwrap();
    assert!(none.contains("no organization matches"), "{none}");
}

#[test]
fn timeline_draws_bars_with_shares() {
    let text = String::from_utf8(
        news_ok(newsroom_archive(), &["timeline", "Putin", "--by", "month"]).stdout,
    )
    .unwrap();
    assert!(text.starts_with("3 articles match Putin"), "{text}");
    let january = text
        .lines()
        .find(|l| l.starts_with("2026-01"))
        .expect("a January line");
    assert!(
        january.contains("100.0%") && january.contains('█'),
        "{january}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("2025-04") && l.contains("0.0%")),
        "gaps are filled: {text}"
    );
    let timeline = json(&[
        "timeline", "Putin", "--by", "year", "--json", "--source", "Wire One",
    ]);
    let buckets: Vec<(String, u64, u64)> = timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["key"].as_str().unwrap().to_owned(),
                b["count"].as_u64().unwrap(),
                b["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        buckets,
        [("2025".to_owned(), 1, 2), ("2026".to_owned(), 1, 1)]
    );
}

#[test]
fn output_closed_by_its_reader_ends_the_command_quietly() {
    // `news extract FILE | head -1`: 890 KB of output, far more than a pipe
    // holds, so the command is sure to write into the closed pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_news"))
        .arg("extract")
        .arg(shared_data("corpora/wikinews-sample.jsonl"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(first_line.starts_with('{'), "{first_line}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(
        !stderr.contains("Broken pipe") && !stderr.contains("error"),
        "{stderr}"
    );
}
