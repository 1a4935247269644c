//! Web pages and web archives: `news parse` on the readability dev pages in
//! `../shared/data/formats`, scored by the shared scorer (a quality
//! regression test), and an `.html` page and the same page in a `.warc.gz`
//! indexed, searched and clustered as one story.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::*;

/// What the extractor reached on the dev set when this test was written
/// (body F1 0.987, titles 120/121, bylines 68/76, dates 32/33), less a small
/// margin for changes that trade one page for another.
const MIN_BODY_F1: f64 = 0.975;
const MIN_TITLES: u32 = 118;
const MIN_BYLINES: u32 = 66;
const MIN_DATES: u32 = 31;

fn dev_pages() -> (PathBuf, Vec<PathBuf>) {
    let dir = shared_data("formats/readability-test-pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path().join("source.html"))
        .filter(|path| path.exists())
        .collect();
    pages.sort();
    (dir, pages)
}

/// `(matched, out of)` from the scorer's `title 120/121`.
fn ratio(summary: &str, name: &str) -> (u32, u32) {
    let after = summary.split(&format!("{name} ")).nth(1).unwrap();
    let (got, of) = after
        .split_whitespace()
        .next()
        .unwrap()
        .split_once('/')
        .unwrap();
    (got.parse().unwrap(), of.parse().unwrap())
}

#[test]
fn dev_pages_score_at_least_what_the_reader_reached() {
    let (dir, pages) = dev_pages();
    assert!(pages.len() >= 120, "{} dev pages", pages.len());
    let output = Command::new(env!("CARGO_BIN_EXE_news"))
        .arg("parse")
        .args(&pages)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rows: Vec<Value> = output
        .stdout
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).unwrap())
        .collect();
    assert!(rows.len() >= 120, "{} articles; {stderr}", rows.len());
    for field in [
        "file", "line", "id", "title", "body", "date", "authors", "url", "source", "section",
        "language", "warnings",
    ] {
        assert!(rows[0].get(field).is_some(), "{field} in {}", rows[0]);
    }
    // Pages that are no articles are skipped with the reason, naming the file.
    assert!(stderr.contains("source.html: not an article"), "{stderr}");
    let predictions = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(predictions.path(), &output.stdout).unwrap();
    let scored = Command::new("python3")
        .arg(dir.parent().unwrap().join("score_pages.py"))
        .arg(&dir)
        .arg(predictions.path())
        .output()
        .expect("python3 runs the shared scorer");
    let summary = String::from_utf8(scored.stdout).unwrap();
    assert!(scored.status.success(), "{summary}");
    let f1: f64 = summary
        .split("body f1 ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(f1 >= MIN_BODY_F1, "{summary}");
    assert!(ratio(&summary, "title").0 >= MIN_TITLES, "{summary}");
    assert!(ratio(&summary, "byline").0 >= MIN_BYLINES, "{summary}");
    assert!(ratio(&summary, "date").0 >= MIN_DATES, "{summary}");
}

const PARAGRAPH: &str = "The Bank of Japan left interest rates unchanged on Tuesday and said \
    the economy was recovering moderately, while warning that weak exports to China and a \
    strong yen could weigh on growth in the coming months, according to a statement released \
    after its two-day policy meeting in Tokyo.";

fn page() -> String {
    format!(
        r#"<html lang="en"><head><meta charset="utf-8"><title>BOJ holds rates</title>
<link rel="canonical" href="https://wire.example/boj-holds-rates">
<meta property="article:published_time" content="2025-06-03T04:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>BOJ holds rates</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
</body></html>"#
    )
}

/// The page as a `.warc.gz` response record, one gzip member per record.
fn warc_gz(page: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let records = [
        (
            "request",
            "application/http; msgtype=request",
            "GET /boj HTTP/1.1\r\n\r\n".to_owned(),
        ),
        ("response", "application/http; msgtype=response", http),
    ];
    let mut out = Vec::new();
    for (kind, content_type, block) in records {
        let record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://wire.example/boj?utm=x\r\n\
             WARC-Date: 2025-06-04T00:00:00Z\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record.as_bytes()).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn parse_rows(path: &Path) -> Vec<Value> {
    let output = news_ok(Path::new("unused"), &["parse", path.to_str().unwrap()]);
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_page_and_its_archived_copy_are_one_story() {
    let input = tempfile::TempDir::new().unwrap();
    let html = input.path().join("boj.html");
    std::fs::write(&html, page()).unwrap();
    let warc = input.path().join("crawl.warc.gz");
    std::fs::write(&warc, warc_gz(&page())).unwrap();

    let from_html = parse_rows(&html);
    let from_warc = parse_rows(&warc);
    assert_eq!(from_html.len(), 1);
    assert_eq!(from_warc.len(), 1);
    assert_eq!(from_warc[0]["line"], 2, "the record number");
    for field in ["id", "title", "body", "date", "url", "language"] {
        assert_eq!(from_html[0][field], from_warc[0][field], "{field}");
    }
    assert_eq!(from_html[0]["date"], "2025-06-03T04:00:00Z");
    assert_eq!(from_html[0]["language"], "en");
    assert!(!from_html[0]["body"].as_str().unwrap().contains("Markets"));

    let archive = index(&[input.path()]);
    let response = search(archive.path(), &["exports Tokyo"]);
    let hits = response["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{response}");
    let clusters: std::collections::HashSet<String> =
        hits.iter().map(|hit| hit["cluster"].to_string()).collect();
    assert_eq!(clusters.len(), 1, "one story: {response}");
    assert_eq!(titles(&response)[0], "BOJ holds rates");
}
