//! Tests of the WARC reader on archives written here.

use std::io::Write;
use std::sync::atomic::AtomicU64;

use crate::html::tests::news_page;
use crate::{read_file, Format, Item};

/// One WARC record.
fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record holding an HTTP response.
fn response(uri: &str, status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http =
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    record("response", uri, "application/http; msgtype=response", &http)
}

/// A crawl: one article among what a crawler also writes.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://news.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        response(
            "https://news.example/a",
            "200 OK",
            "text/html; charset=utf-8",
            news_page().as_bytes(),
        ),
        response(
            "https://news.example/old",
            "301 Moved Permanently",
            "text/html",
            b"",
        ),
        response(
            "https://news.example/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG",
        ),
        record(
            "revisit",
            "https://news.example/a",
            "application/http",
            b"HTTP/1.1 200 OK\r\n\r\n",
        ),
        record(
            "metadata",
            "https://news.example/a",
            "application/warc-fields",
            b"via: x\r\n",
        ),
    ]
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn read(name: &str, bytes: &[u8]) -> Vec<Item> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut items = Vec::new();
    let format = Format::of(&path).unwrap();
    read_file(&path, format, &AtomicU64::new(0), 0, |batch| {
        items.extend(batch.parse())
    })
    .unwrap();
    items
}

fn articles(items: &[Item]) -> Vec<(Option<u64>, &crate::Parsed)> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Article(origin, parsed) => Some((origin.line, &**parsed)),
            Item::Problem(_) => None,
        })
        .collect()
}

fn problems(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Problem(p) => Some(p.to_string()),
            Item::Article(..) => None,
        })
        .collect()
}

#[test]
fn html_responses_become_articles_and_the_rest_is_counted() {
    let bytes = gzip_members(&crawl());
    let items = read("crawl.warc.gz", &bytes);
    let found = articles(&items);
    assert_eq!(found.len(), 1, "{:?}", problems(&items));
    assert_eq!(found[0].0, Some(3), "the record number");
    assert_eq!(found[0].1.article.title, "Grain ships leave Odesa");
    let report = problems(&items).join("\n");
    for count in [
        "1 requests",
        "2 warcinfo/metadata",
        "1 revisits",
        "1 responses with a status other than 200",
        "1 responses that are not HTML",
    ] {
        assert!(report.contains(count), "{count}: {report}");
    }
}

#[test]
fn a_page_reads_the_same_from_html_gzip_and_warc() {
    let page = news_page();
    let from_html = read("page.html", page.as_bytes());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(page.as_bytes()).unwrap();
    let from_gz = read("page.html.gz", &gz.finish().unwrap());
    let from_warc = read("crawl.warc", &crawl().concat());
    let article = |items: &[Item]| articles(items)[0].1.article.clone();
    assert_eq!(article(&from_html), article(&from_gz));
    assert_eq!(article(&from_html), article(&from_warc));
}

#[test]
fn an_undated_page_takes_the_crawl_date_with_a_warning() {
    let page = news_page().replace("\"datePublished\":\"2024-03-04T09:30:00+02:00\",", "");
    let bytes = response(
        "https://news.example/a",
        "200 OK",
        "text/html",
        page.as_bytes(),
    );
    let items = read("one.warc", &bytes);
    let (_, parsed) = articles(&items)[0];
    assert_eq!(
        parsed.article.date,
        crate::date::parse_date("2024-05-01T10:00:00Z")
    );
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("date from the crawl")));
}

#[test]
fn a_truncated_archive_keeps_the_records_before_the_damage() {
    let mut records = crawl();
    records.insert(
        0,
        response(
            "https://news.example/b",
            "200 OK",
            "text/html",
            news_page().as_bytes(),
        ),
    );
    let bytes = gzip_members(&records);
    let cut = &bytes[..bytes.len() - 200];
    let items = read("cut.warc.gz", cut);
    assert_eq!(articles(&items).len(), 2, "{:?}", problems(&items));
    let report = problems(&items).join("\n");
    // The cut takes the last record and the end of the one before it.
    assert!(
        report.contains("cut.warc.gz:7: web archive damaged at record 7"),
        "{report}"
    );
    assert!(report.contains("truncated"), "{report}");
}

#[test]
fn a_lying_content_length_is_reported_with_its_record_and_offset() {
    let mut records = crawl();
    let bad = response(
        "https://news.example/c",
        "200 OK",
        "text/html",
        b"<p>short</p>",
    );
    let text = String::from_utf8(bad).unwrap();
    let lie = text.replacen("Content-Length: ", "Content-Length: 1", 1);
    records.insert(3, lie.into_bytes());
    let before: usize = records[..3].iter().map(Vec::len).sum();
    let items = read("lie.warc", &records.concat());
    assert_eq!(articles(&items).len(), 1);
    let report = problems(&items).join("\n");
    assert!(
        report.contains("damaged at record 4") && report.contains(&format!("byte {before} ")),
        "{report}"
    );
}

#[test]
fn a_file_that_is_not_an_archive_is_one_problem() {
    let items = read("fake.warc", b"<html>not a warc</html>");
    let report = problems(&items);
    assert_eq!(report.len(), 1, "{report:?}");
    assert!(report[0].contains("no `WARC/` version line"), "{report:?}");
}
