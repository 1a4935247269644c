//! # news-read
//!
//! Bytes in, [`Article`]s out: every input format `news index` reads, and
//! nothing else. This crate owns the [`Article`] type, format detection,
//! decompression ([`compress`]), charsets ([`charset`]), publication dates
//! ([`date`]) and datelines ([`dateline`]), the limits that keep memory
//! bounded ([`limits`]), and the per-record [`Problem`] reports. It knows
//! nothing of entities or of the index: those are `news-extract` and
//! `news-indexer`.
//!
//! | extension | format |
//! |---|---|
//! | `.txt` | one article: front matter, title line, body ([`txt`]) |
//! | `.json` | one article object or an array of them ([`json`]) |
//! | `.jsonl`, `.ndjson` | one article object per line ([`json`]) |
//! | `.html`, `.htm` | one web page, one article ([`html`]) |
//! | `.warc` | a web archive, one article per HTML page ([`warc`]) |
//!
//! Each may be compressed, `.gz` or `.zst` ([`compress`]): the format is then
//! the extension under the suffix (`dump.jsonl.gz` is JSON Lines).
//!
//! Anything else is skipped and counted. Reading is split into [`Batch`]es so
//! the I/O thread stays cheap and parsing runs on every core: a whole small file
//! is one batch, a JSON Lines file is cut into batches of lines, so a file of
//! any size streams through in bounded memory. What cannot be read (a binary
//! or empty file, a line or file past the [`limits`]) becomes a problem with
//! its file and line, and reading goes on.
//!
//! New formats go in a module of their own beside [`txt`] and [`json`], with
//! a [`Format`] variant; see this crate's README.

#![warn(missing_docs)]

pub mod article;
pub mod charset;
pub mod compress;
pub mod date;
pub mod dateline;
pub mod html;
pub mod json;
pub mod language;
pub mod limits;
pub mod problem;
pub mod txt;
pub mod warc;

pub use article::{Article, Origin};
pub use problem::{Problem, Severity};

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use compress::{Compression, Source};

/// Lines of a JSON Lines file handed to a worker at once.
const LINES_PER_BATCH: usize = 256;

/// Bytes of lines after which a batch is handed over even if it has fewer
/// lines, so long lines do not make batches huge.
const BYTES_PER_BATCH: usize = 4 << 20;

/// Bytes at the start of a JSON Lines file looked at to tell a binary file.
const SNIFF_BYTES: usize = 8 << 10;

/// An article and what was odd about it (e.g. an unreadable date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// Problems that did not stop it from being indexed.
    pub warnings: Vec<String>,
}

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one article.
    Text,
    /// JSON, one article or an array.
    Json,
    /// JSON Lines, one article per line.
    JsonLines,
    /// A web page, one article.
    Html,
    /// A web archive, one article per HTML response.
    Warc,
}

impl Format {
    /// The format of a file, by its extension under any compression suffix;
    /// `None` for files we do not read.
    pub fn of(path: &Path) -> Option<Format> {
        let (_, name) = Compression::split(path);
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// A unit of parsing work.
#[derive(Debug)]
pub enum Batch {
    /// A whole `.txt` or `.json` file.
    File {
        /// Where it was read from.
        path: PathBuf,
        /// Its format.
        format: Format,
        /// Its contents.
        bytes: Vec<u8>,
    },
    /// Consecutive lines of a JSON Lines file.
    Lines {
        /// Where they were read from.
        path: PathBuf,
        /// Line number of the first, 1-based.
        first_line: u64,
        /// The raw lines, without their newline.
        lines: Vec<Vec<u8>>,
    },
    /// HTML pages of a web archive, with their record numbers.
    Records {
        /// Where they were read from.
        path: PathBuf,
        /// The records, in file order.
        records: Vec<warc::Record>,
    },
    /// Something the reader found it could not read (a binary file, a line
    /// past the limit), passed on in order to be reported.
    Problem(Problem),
}

/// What parsing a batch yields, in order.
#[derive(Debug)]
pub enum Item {
    /// An article to index.
    Article(Origin, Box<Parsed>),
    /// Something that could not be read.
    Problem(Problem),
}

impl Batch {
    /// Parses the batch.
    pub fn parse(self) -> Vec<Item> {
        match self {
            Batch::File {
                path,
                format,
                bytes,
            } => parse_file(path, format, &bytes),
            Batch::Lines {
                path,
                first_line,
                lines,
            } => {
                let mut items = Vec::with_capacity(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    let origin = Origin {
                        path: path.clone(),
                        line: Some(first_line + i as u64),
                    };
                    if let Some(item) = parse_line(origin, line) {
                        items.push(item);
                    }
                }
                items
            }
            Batch::Records { path, records } => warc::parse(&path, records),
            Batch::Problem(problem) => vec![Item::Problem(problem)],
        }
    }
}

fn parse_file(path: PathBuf, format: Format, bytes: &[u8]) -> Vec<Item> {
    let origin = Origin { path, line: None };
    if format == Format::Html {
        return vec![finish(origin, html::parse(bytes, html::Context::default()))];
    }
    let decoded = match charset::decode(bytes) {
        Ok(decoded) => decoded,
        Err(charset::NotText::Binary) => {
            return vec![Item::Problem(Problem::error(
                origin,
                "binary file, not text",
            ))];
        }
    };
    if decoded.text.trim().is_empty() {
        return vec![Item::Problem(Problem::error(origin, "empty file"))];
    }
    let fallback = decoded.fell_back.then(not_utf8_warning);
    let results = match format {
        // Read from its bytes above: a page declares its own charset; an
        // archive is read as records.
        Format::Html | Format::Warc => Vec::new(),
        Format::Text => vec![txt::parse(&decoded.text)],
        Format::Json => match json::parse_document(&decoded.text) {
            Ok(results) => results,
            Err(message) => vec![Err(message)],
        },
        // Read as lines by `read_file`; whole here only when handed over so.
        Format::JsonLines => {
            let lines = decoded.text.lines().map(|l| l.as_bytes().to_vec());
            return Batch::Lines {
                path: origin.path,
                first_line: 1,
                lines: lines.collect(),
            }
            .parse();
        }
    };
    results
        .into_iter()
        .map(|result| match result {
            Ok(mut parsed) => {
                parsed.warnings.extend(fallback.clone());
                detect_language(&mut parsed.article);
                limits::enforce(&mut parsed);
                Item::Article(origin.clone(), Box::new(parsed))
            }
            Err(message) => Item::Problem(Problem::error(origin.clone(), message)),
        })
        .collect()
}

/// An article (its limits enforced) or the problem that stopped it.
pub(crate) fn finish(origin: Origin, result: Result<Parsed, String>) -> Item {
    match result {
        Ok(mut parsed) => {
            limits::enforce(&mut parsed);
            Item::Article(origin, Box::new(parsed))
        }
        Err(message) => Item::Problem(Problem::error(origin, message)),
    }
}

fn parse_line(origin: Origin, line: &[u8]) -> Option<Item> {
    let decoded = match charset::decode(line) {
        Ok(decoded) => decoded,
        Err(charset::NotText::Binary) => {
            return Some(Item::Problem(Problem::error(
                origin,
                "binary data, not text",
            )));
        }
    };
    if decoded.text.trim().is_empty() {
        return None;
    }
    Some(match json::parse_line(&decoded.text) {
        Ok(mut parsed) => {
            parsed
                .warnings
                .extend(decoded.fell_back.then(not_utf8_warning));
            detect_language(&mut parsed.article);
            limits::enforce(&mut parsed);
            Item::Article(origin, Box::new(parsed))
        }
        Err(message) => Item::Problem(Problem::error(origin, message)),
    })
}

/// Gives an article the language of its text when its source named none.
fn detect_language(article: &mut Article) {
    if article.language.is_none() {
        article.language = language::detect(&article.body);
    }
}

fn not_utf8_warning() -> String {
    "not valid UTF-8; read as Windows-1252".to_owned()
}

/// Reads `path` into batches, decompressing it as its suffix says, and hands
/// each batch to `emit` as soon as it is full. Raw bytes read are added to
/// `bytes_read` as they come. Returns the xxh3-128 hash of the raw file when it
/// was read to the end.
///
/// A file or line past the [`limits`], a binary JSON Lines file and one with
/// no lines are handed over as [`Batch::Problem`]s; what is passed over is
/// still read through, so the hash covers the whole file.
///
/// Lines up to `skip` (numbered from 1) are read but not handed over: they
/// are indexed already (a run that was cut short is being continued). For
/// `.txt` and `.json` files, which are one batch, any `skip` skips it all.
pub fn read_file(
    path: &Path,
    format: Format,
    bytes_read: &AtomicU64,
    skip: u64,
    mut emit: impl FnMut(Batch),
) -> std::io::Result<Option<u128>> {
    let (compression, _) = Compression::split(path);
    let (mut source, hash) = Source::open(path, compression, bytes_read)?;
    let reader = source.reader();
    if format == Format::Warc {
        warc::read(path, reader, skip, &mut emit)?;
    } else if skip > 0 && format != Format::JsonLines {
        // Dropping the source reads it through for the hash.
    } else if format != Format::JsonLines {
        let limit = match format {
            Format::Json => limits::MAX_DOCUMENT_BYTES,
            Format::Html => html::MAX_PAGE_BYTES,
            _ => limits::MAX_RECORD_BYTES,
        };
        let mut bytes = Vec::new();
        reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            let rest = std::io::copy(reader, &mut std::io::sink())?;
            let origin = Origin {
                path: path.to_owned(),
                line: None,
            };
            emit(Batch::Problem(Problem::error(
                origin,
                format!(
                    "file of {} is larger than the {} limit for this format; not read",
                    mib(bytes.len() as u64 + rest),
                    mib(limit as u64)
                ),
            )));
        } else {
            emit(Batch::File {
                path: path.to_owned(),
                format,
                bytes,
            });
        }
    } else {
        read_lines(path, reader, skip, &mut emit)?;
    }
    drop(source);
    Ok(hash.hash())
}

/// A size in MiB, for messages.
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1u32 << 20))
}

fn read_lines(
    path: &Path,
    reader: &mut dyn BufRead,
    skip: u64,
    emit: &mut impl FnMut(Batch),
) -> std::io::Result<()> {
    let problem = |line: Option<u64>, message: String| {
        let origin = Origin {
            path: path.to_owned(),
            line,
        };
        Batch::Problem(Problem::error(origin, message))
    };
    let start = reader.fill_buf()?;
    if skip == 0 && charset::is_binary(&start[..start.len().min(SNIFF_BYTES)]) {
        emit(problem(None, "binary file, not text".to_owned()));
        return Ok(());
    }
    let mut line_number = 0;
    while line_number < skip {
        if read_line(reader, &mut Vec::new(), 0)? == 0 {
            break;
        }
        line_number += 1;
    }
    let mut lines = Vec::with_capacity(LINES_PER_BATCH);
    let mut batch_bytes = 0;
    let mut first_line = line_number + 1;
    let mut any_text = skip > 0;
    let flush = |lines: &mut Vec<Vec<u8>>, first_line: u64, emit: &mut dyn FnMut(Batch)| {
        if !lines.is_empty() {
            let full = std::mem::replace(lines, Vec::with_capacity(LINES_PER_BATCH));
            emit(Batch::Lines {
                path: path.to_owned(),
                first_line,
                lines: full,
            });
        }
    };
    loop {
        let mut line = Vec::new();
        let length = read_line(reader, &mut line, limits::MAX_RECORD_BYTES)?;
        if length == 0 {
            break;
        }
        line_number += 1;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.len() > limits::MAX_RECORD_BYTES {
            // Batches stay in line order: what came before goes first.
            flush(&mut lines, first_line, emit);
            emit(problem(
                Some(line_number),
                format!(
                    "line of {} is longer than the {} limit for one article; not read",
                    mib(length),
                    mib(limits::MAX_RECORD_BYTES as u64)
                ),
            ));
            any_text = true;
            batch_bytes = 0;
            first_line = line_number + 1;
            continue;
        }
        any_text |= line.iter().any(|b| !b.is_ascii_whitespace());
        batch_bytes += line.len();
        lines.push(line);
        if lines.len() == LINES_PER_BATCH || batch_bytes >= BYTES_PER_BATCH {
            flush(&mut lines, first_line, emit);
            batch_bytes = 0;
            first_line = line_number + 1;
        }
    }
    flush(&mut lines, first_line, emit);
    if !any_text {
        emit(problem(None, "empty file".to_owned()));
    }
    Ok(())
}

/// Reads one line, newline included, into `line`, keeping at most `limit + 1`
/// bytes of it: a longer line is read through but not kept. Returns the
/// line's whole length (0 at the end of the input).
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>, limit: usize) -> std::io::Result<u64> {
    let mut length = 0u64;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(length);
        }
        let (used, done) = match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buffer.len(), false),
        };
        let room = (limit + 1).saturating_sub(line.len());
        line.extend_from_slice(&buffer[..used.min(room)]);
        reader.consume(used);
        length += used as u64;
        if done {
            return Ok(length);
        }
    }
}

/// Splits a list written in one string: on `;` when there is one, else on `,`.
pub fn metadata_list(text: &str) -> Vec<String> {
    let separator = if text.contains(';') { ';' } else { ',' };
    text.split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(
            Format::of(Path::new("dump.ndjson")),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::of(Path::new("dump.jsonl.gz")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::of(Path::new("a.json.zst")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("page.HTM")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("p.html.gz")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("crawl.warc.gz")), Some(Format::Warc));
        assert_eq!(Format::of(Path::new("photo.jpg")), None);
        assert_eq!(Format::of(Path::new("archive.gz")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn lines_keep_their_numbers_and_report_bad_ones() {
        let batch = Batch::Lines {
            path: "dump.jsonl".into(),
            first_line: 7,
            lines: vec![
                br#"{"title": "A"}"#.to_vec(),
                b"".to_vec(),
                b"{broken".to_vec(),
            ],
        };
        let items = batch.parse();
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0], Item::Article(o, _) if o.line == Some(7)));
        match &items[1] {
            Item::Problem(p) => {
                assert_eq!(p.origin.line, Some(9));
                assert!(p.message.contains("invalid JSON"), "{}", p.message);
            }
            other => panic!("expected a problem, got {other:?}"),
        }
    }

    /// Reads `bytes` as a JSON Lines file and parses every batch.
    fn read_jsonl(bytes: &[u8]) -> Vec<Item> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.jsonl");
        std::fs::write(&path, bytes).unwrap();
        let mut items = Vec::new();
        let hash = read_file(&path, Format::JsonLines, &AtomicU64::new(0), 0, |batch| {
            items.extend(batch.parse());
        })
        .unwrap();
        assert!(hash.is_some(), "the file is read to the end");
        items
    }

    fn problems(items: &[Item]) -> Vec<(Option<u64>, &str)> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Problem(p) => Some((p.origin.line, p.message.as_str())),
                Item::Article(..) => None,
            })
            .collect()
    }

    #[test]
    fn empty_and_binary_line_files_are_one_problem() {
        for bytes in [&b""[..], b"\n  \n\r\n"] {
            let items = read_jsonl(bytes);
            assert_eq!(problems(&items), [(None, "empty file")]);
        }
        let mut binary = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
        binary.extend(std::iter::repeat_n(b'\n', 10_000));
        assert_eq!(
            problems(&read_jsonl(&binary)),
            [(None, "binary file, not text")]
        );
    }

    #[test]
    fn lines_already_indexed_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.jsonl");
        std::fs::write(
            &path,
            "{\"title\": \"A\"}\n{\"title\": \"B\"}\n{\"title\": \"C\"}\n",
        )
        .unwrap();
        let mut batches = Vec::new();
        let hash = read_file(&path, Format::JsonLines, &AtomicU64::new(0), 2, |b| {
            batches.push(b)
        })
        .unwrap();
        assert_eq!(hash, Some(compress::hash_file(&path).unwrap()));
        assert!(
            matches!(&batches[..], [Batch::Lines { first_line: 3, lines, .. }] if lines.len() == 1)
        );
    }

    #[test]
    fn long_lines_are_read_through_but_not_kept() {
        let text = b"short\n0123456789abcdef\nend";
        let mut reader = &text[..];
        let mut line = Vec::new();
        assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 6);
        assert_eq!(line, b"short\n");
        line.clear();
        assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 17);
        assert_eq!(line.len(), 9, "at most the limit and one byte are kept");
        line.clear();
        assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 3);
        assert_eq!(line, b"end");
        line.clear();
        assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 0);
    }

    #[test]
    fn bodies_are_capped_with_a_warning() {
        let body = "word ".repeat(limits::MAX_BODY_BYTES / 2);
        let line = serde_json::json!({"title": "Long", "body": body}).to_string();
        let items = read_jsonl(line.as_bytes());
        let Item::Article(origin, parsed) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(origin.line, Some(1));
        assert_eq!(parsed.article.body.len(), limits::MAX_BODY_BYTES);
        assert!(parsed.warnings[0].contains("cut to the first"));
    }

    #[test]
    fn lists_split_on_semicolons_first() {
        assert_eq!(
            metadata_list("Frankfurt, Germany"),
            ["Frankfurt", "Germany"]
        );
        assert_eq!(
            metadata_list("Washington, D.C.; Paris"),
            ["Washington, D.C.", "Paris"]
        );
    }
}
