//! Bodies of the fuzz targets, shared by `fuzz_targets/*.rs` (cargo-fuzz, on
//! nightly) and the stable smoke test `crates/indexer/tests/fuzz_smoke.rs`,
//! which runs them over `fuzz/seeds/` and thousands of random inputs in every
//! `cargo test`.
//!
//! Each takes arbitrary bytes and must not panic; each also asserts what the
//! rest of the program relies on (an article has a title or a body within the
//! limits, a page holds at most `limit` hits), so a broken promise is a crash
//! too.

use std::sync::atomic::AtomicU64;
use std::sync::OnceLock;

use news_indexer::record;
use news_query::schema::{write_records, ArticleRecord, NewsSchema};
use news_query::{
    Archive, Error, Interval, PartialDate, SearchRequest, Sort, MAX_FILTER_VALUES,
    MAX_FILTER_VALUES_TOTAL,
};
use news_read::{date as dates, dateline as datelines, limits, Batch, Format, Item};

/// A `.txt` file: decoding, front matter, title, body, dateline, limits.
pub fn read_txt(data: &[u8]) {
    check(parse_whole("fuzz.txt", Format::Text, data));
}

/// The same bytes as a `.json` file and as JSON Lines.
pub fn read_json(data: &[u8]) {
    check(parse_whole("fuzz.json", Format::Json, data));
    let lines = data.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    let batch = Batch::Lines {
        path: "fuzz.jsonl".into(),
        first_line: 1,
        lines,
    };
    check(batch.parse());
}

/// A web page: charset sniffing, script stripping, the main-text
/// extractor, metadata; and the same bytes as a feed item's HTML content.
pub fn read_html(data: &[u8]) {
    check(parse_whole("fuzz.html", Format::Html, data));
    let text = String::from_utf8_lossy(data);
    let _ = news_read::html::clean_fragment(&text);
}

/// A web archive, read as `news index` reads one: from a file, record by
/// record, each HTML response a page.
pub fn read_warc(data: &[u8]) {
    check(read_through("fuzz.warc", Format::Warc, data));
}

/// XML by its root element: NewsML-G2, NITF, RSS or Atom.
pub fn read_xml(data: &[u8]) {
    check(parse_whole("fuzz.xml", Format::Xml, data));
}

/// A feed: RSS, Atom or JSON Feed.
pub fn read_feed(data: &[u8]) {
    check(parse_whole("fuzz.rss", Format::Feed, data));
    check(parse_whole("fuzz.json", Format::Json, data));
}

/// The same bytes as CSV and as TSV, read in rows from a file.
pub fn read_csv(data: &[u8]) {
    check(read_through("fuzz.csv", Format::Csv, data));
    check(read_through("fuzz.tsv", Format::Tsv, data));
}

/// Reads `data` as a whole file named `path`, as the formats read whole are.
fn parse_whole(path: &str, format: Format, data: &[u8]) -> Vec<Item> {
    let batch = Batch::File {
        path: path.into(),
        format,
        bytes: data.to_vec(),
    };
    batch.parse()
}

/// Writes `data` to `name` in a directory of this process and reads it with
/// [`news_read::read_file`], as the streamed formats are only read so.
fn read_through(name: &str, format: Format, data: &[u8]) -> Vec<Item> {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory"));
    let path = dir.path().join(name);
    std::fs::write(&path, data).expect("the input is written");
    let bytes_read = AtomicU64::new(0);
    let mut items = Vec::new();
    news_read::read_file(&path, format, &bytes_read, 0, |batch| {
        items.extend(batch.parse())
    })
    .expect("the input opens");
    items
}

/// Publication dates: text as dumps write it, and JSON timestamps.
pub fn date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(secs) = dates::parse_date(&text) {
        store_date(secs);
    }
    let _ = dates::parse_day(&text);
    if let Some(bytes) = data.first_chunk::<8>() {
        if let Some(secs) = dates::from_timestamp(f64::from_le_bytes(*bytes)) {
            store_date(secs);
        }
    }
}

/// Datelines at the start of a body, and explicit dates in a line.
pub fn dateline(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(found) = datelines::parse(&text) {
        assert!(text.starts_with(found.text.trim_end_matches([' ', '-'])));
        if let Some(secs) = found.date {
            store_date(secs);
        }
    }
    if let Some(secs) = datelines::explicit_date(&text) {
        store_date(secs);
    }
}

/// A search request from bytes: the first line is the query text, the next
/// lines the `from` and `to` dates, a filter value and a cursor, and the last
/// bytes choose limit, offset, facet size, fragments, order, histogram, how
/// many times the filter value is given (up to past the filter limits) and
/// whether the time budget is already spent. Any request gets a response or
/// a typed error; one past a filter limit gets `Error::Limit`, and one whose
/// budget is spent never gets a response.
pub fn query(data: &[u8]) {
    let mut lines = data.split(|b| *b == b'\n');
    let mut next = || String::from_utf8_lossy(lines.next().unwrap_or_default()).into_owned();
    let mut request = SearchRequest::new(next());
    request.from = next().parse::<PartialDate>().ok();
    request.to = next().parse::<PartialDate>().ok();
    let filter = next();
    let cursor = next();
    let knobs: Vec<u8> = data.iter().rev().take(8).copied().collect();
    let knob = |i: usize| usize::from(knobs.get(i).copied().unwrap_or(0));
    // Up to a few past the limit of one filter.
    let copies = 1 + knob(6) / 20 % (MAX_FILTER_VALUES + 3);
    let values = vec![filter; copies];
    match knob(0) % 6 {
        0 => {}
        1 => request.persons = values,
        2 => request.locations = values,
        3 => request.organizations = values,
        4 => request.sources = values,
        _ => request.sections = values,
    }
    let spent = knob(7) / 5 % 4 == 1;
    if spent {
        request.timeout_ms = Some(0);
    }
    if knob(1) % 4 == 1 {
        request.cursor = Some(cursor);
    }
    request.limit = knob(2) * knob(3) % 300;
    request.offset = if knob(4) % 8 == 0 { knob(5) * 50 } else { 0 };
    request.facet_limit = knob(6) % 20;
    request.fragments = knob(7) % 5;
    request.sort = [Sort::Relevance, Sort::Newest, Sort::Oldest][knob(1) / 4 % 3];
    request.histogram = [
        None,
        Some(Interval::Day),
        Some(Interval::Week),
        Some(Interval::Month),
        Some(Interval::Year),
    ][knob(0) / 6 % 5];
    request.all_copies = knob(3) % 2 == 1;
    request.include_similar_ids = knob(5) % 3 == 1;
    let given = [
        &request.persons,
        &request.locations,
        &request.organizations,
        &request.sources,
        &request.sections,
    ];
    let too_many = given.iter().any(|v| v.len() > MAX_FILTER_VALUES)
        || given.iter().map(|v| v.len()).sum::<usize>() > MAX_FILTER_VALUES_TOTAL;
    match archive().search(&request) {
        Ok(response) => {
            assert!(!spent, "a spent budget answered");
            assert!(!too_many, "{copies} filter values answered");
            assert!(response.hits.len() <= request.limit);
            assert!(response.hits.len() as u64 <= response.total);
        }
        // Paging and size errors are checked before the filter limits.
        Err(Error::Request(_)) => {}
        Err(error) => assert!(
            !too_many || matches!(error, Error::Limit { .. }),
            "{copies} filter values: {error}"
        ),
    }
}

/// Checks what a reader made of its input, and stores each article's date.
fn check(items: Vec<Item>) {
    for item in items {
        let Item::Article(_, parsed) = item else {
            continue;
        };
        let article = &parsed.article;
        assert!(!article.title.is_empty() || !article.body.is_empty());
        assert!(article.body.len() <= limits::MAX_BODY_BYTES);
        assert!(article.title.len() <= limits::MAX_TITLE_BYTES);
        let id = record::stable_id(article);
        assert!(!id.is_empty() && id.len() <= limits::MAX_ID_BYTES.max(64));
        if let Some(secs) = article.date {
            store_date(secs);
        }
    }
}

/// Turns a date into the document fields that store it, as indexing does.
fn store_date(secs: i64) {
    static SCHEMA: OnceLock<NewsSchema> = OnceLock::new();
    let record = ArticleRecord {
        id: "d".into(),
        title: "t".into(),
        date: Some(secs),
        ..ArticleRecord::default()
    };
    let _ = SCHEMA.get_or_init(NewsSchema::new).to_document(&record);
}

/// A small archive of dated, undated, clustered and unclustered articles,
/// written once per process.
fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<(tempfile::TempDir, Archive)> = OnceLock::new();
    &ARCHIVE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let record = |id: &str, title: &str, date: Option<i64>, cluster: u64| ArticleRecord {
                id: id.into(),
                title: title.into(),
                body: format!("{title}. Talks in Tartus and Moscow on grain, oil and ports."),
                date,
                persons: vec!["Vladimir Putin".into(), "Ahmed al-Sharaa".into()],
                locations: vec!["Tartus".into(), "Syria".into()],
                places: vec!["Tartus".into(), "Syria".into()],
                organizations: vec!["OPEC".into()],
                source: Some("Levant Wire".into()),
                section: Some("world".into()),
                cluster: Some(cluster),
                ..ArticleRecord::default()
            };
            let records = [
                record("a", "Sharaa meets Putin", Some(1_769_558_400), 1),
                record("b", "Sharaa meets Putin in Moscow", Some(1_769_600_000), 1),
                record("c", "Grain ships reach Tartus", Some(1_700_000_000), 3),
                record("d", "Oil prices fall", None, 4),
                record("e", "Port reopens", Some(-86_400), 5),
            ];
            write_records(dir.path(), &records).expect("the archive is written");
            let archive = Archive::open(dir.path()).expect("the archive opens");
            (dir, archive)
        })
        .1
}
