//! The same page gives the same article however it arrives: every dev-set
//! page in `../shared/data/formats/readability-test-pages` read by
//! `news parse` as a `.html` file, as a `.html.gz` file and as a response
//! record inside a `.warc.gz` crawl.
//!
//! Title, body, authors, language and (where the page has them) date and URL
//! must be identical. Where the page has no URL of its own (no canonical
//! link, `og:url` or JSON-LD `url`), only the crawl knows one: the record's
//! `WARC-Target-URI` is then the article's URL and the file has none. The
//! page's own URL wins when there is one, so that a page reads the same from
//! a file and from an archive, and because a crawl's URL is often the one
//! with tracking parameters (`?utm_source=…`) or a redirect's. Dates work the
//! same way: the page's date wins, and the crawl's `WARC-Date` stands in
//! only for an undated page.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::*;

/// The crawl date written on every record, for undated pages.
const CRAWLED: &str = "2025-06-04T00:00:00Z";

/// Fields that must match whatever the carrier.
const SAME: [&str; 5] = ["title", "body", "authors", "language", "section"];

fn dev_pages() -> Vec<(String, Vec<u8>)> {
    let dir = shared_data("formats/readability-test-pages");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let dir = entry.unwrap().path();
            let bytes = std::fs::read(dir.join("source.html")).ok()?;
            Some((dir.file_name()?.to_string_lossy().into_owned(), bytes))
        })
        .collect();
    pages.sort();
    pages
}

/// The URL a page is crawled from: tracking parameters, as crawls have them.
fn crawled_url(name: &str) -> String {
    format!("https://crawl.example/{name}?utm_source=feed")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// One WARC record, gzipped on its own as crawlers write them.
fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {CRAWLED}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    gz(&record)
}

/// A crawl of the pages: a `warcinfo` record, then a request and a response
/// for each page, so page `k` (from 0) is record `3 + 2k`.
fn warc_gz(pages: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    for (name, bytes) in pages {
        let url = crawled_url(name);
        let request =
            format!("GET /{name}?utm_source=feed HTTP/1.1\r\nHost: crawl.example\r\n\r\n");
        out.extend(record(
            "request",
            &url,
            "application/http; msgtype=request",
            request.as_bytes(),
        ));
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend_from_slice(bytes);
        out.extend(record(
            "response",
            &url,
            "application/http; msgtype=response",
            &http,
        ));
    }
    out
}

/// `news parse` over `paths`, its rows keyed by (file, line); a page that is
/// not an article is an error on stderr and has no row.
fn parse(paths: &[PathBuf]) -> BTreeMap<(String, u64), Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_news"))
        .arg("parse")
        .args(paths)
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let row: Value = serde_json::from_str(line).unwrap();
            let file = row["file"].as_str().unwrap().to_owned();
            let line = row["line"].as_u64().unwrap_or(0);
            ((file, line), row)
        })
        .collect()
}

fn file_key(path: &Path) -> (String, u64) {
    (path.display().to_string(), 0)
}

#[test]
fn a_page_reads_the_same_from_html_html_gz_and_warc_gz() {
    let pages = dev_pages();
    assert!(pages.len() >= 120, "{} dev pages", pages.len());
    let dir = tempfile::TempDir::new().unwrap();
    let mut html = Vec::new();
    let mut html_gz = Vec::new();
    for (name, bytes) in &pages {
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, bytes).unwrap();
        html.push(path);
        let path = dir.path().join(format!("{name}.html.gz"));
        std::fs::write(&path, gz(bytes)).unwrap();
        html_gz.push(path);
    }
    let warc = dir.path().join("crawl.warc.gz");
    std::fs::write(&warc, warc_gz(&pages)).unwrap();

    let from_html = parse(&html);
    let from_gz = parse(&html_gz);
    let from_warc = parse(std::slice::from_ref(&warc));
    assert!(from_html.len() >= 115, "{} articles", from_html.len());
    assert_eq!(
        from_html.len(),
        from_gz.len(),
        "the same pages are articles"
    );
    assert_eq!(
        from_html.len(),
        from_warc.len(),
        "the same pages are articles"
    );

    let (mut own_url, mut crawl_url, mut crawl_date) = (0, 0, 0);
    for (k, (name, _)) in pages.iter().enumerate() {
        let Some(page) = from_html.get(&file_key(&html[k])) else {
            assert!(!from_gz.contains_key(&file_key(&html_gz[k])), "{name}");
            continue;
        };
        let gzipped = &from_gz[&file_key(&html_gz[k])];
        let archived = &from_warc[&(warc.display().to_string(), 3 + 2 * k as u64)];
        for field in SAME {
            assert_eq!(page[field], gzipped[field], "{name}: {field} from .html.gz");
            assert_eq!(
                page[field], archived[field],
                "{name}: {field} from .warc.gz"
            );
        }
        for field in ["id", "date", "url"] {
            assert_eq!(page[field], gzipped[field], "{name}: {field} from .html.gz");
        }
        if page["url"].is_null() {
            crawl_url += 1;
            assert_eq!(archived["url"], crawled_url(name).as_str(), "{name}");
        } else {
            own_url += 1;
            assert_eq!(
                page["url"], archived["url"],
                "{name}: the page's own URL wins"
            );
            assert_eq!(page["id"], archived["id"], "{name}: id");
        }
        if page["date"].is_null() {
            crawl_date += 1;
            assert_eq!(archived["date"], CRAWLED, "{name}: the crawl dates it");
        } else {
            assert_eq!(
                page["date"], archived["date"],
                "{name}: the page's date wins"
            );
        }
    }
    // Both rules were exercised on real pages.
    assert!(
        own_url > 0 && crawl_url > 0,
        "{own_url} own, {crawl_url} crawl URLs"
    );
    assert!(crawl_date > 0, "no undated page");
}
