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
//! | `.json` holding a JSON Feed | one article per item ([`feed`]) |
//! | `.xml`, `.nitf`, `.newsml` | by root element: NewsML-G2, NITF ([`newsml`]), RSS, Atom ([`feed`]); others skipped ([`xml`]) |
//! | `.rss`, `.atom` | one article per item ([`feed`]) |
//! | `.csv`, `.tsv` | one article per row under a header row ([`csv`]) |
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
pub mod csv;
pub mod date;
pub mod dateline;
pub mod feed;
pub mod html;
pub mod json;
pub mod language;
pub mod limits;
mod markup;
pub mod newsml;
pub mod nitf;
pub mod problem;
pub mod txt;
pub mod warc;
pub mod xml;

pub use article::{Article, Origin};
pub use problem::{printable, Problem, Severity};

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use compress::{Compression, Salvage, Source};

/// Lines of a JSON Lines file handed to a worker at once.
pub(crate) const LINES_PER_BATCH: usize = 256;

/// Bytes of lines after which a batch is handed over even if it has fewer
/// lines, so long lines do not make batches huge.
pub(crate) const BYTES_PER_BATCH: usize = 4 << 20;

/// Bytes at the start of a JSON Lines file looked at to tell a binary file.
pub(crate) const SNIFF_BYTES: usize = 8 << 10;

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
    /// XML, read by its root element: NewsML-G2, NITF, RSS or Atom.
    Xml,
    /// An RSS or Atom feed.
    Feed,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
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
            "xml" | "nitf" | "newsml" => Some(Format::Xml),
            "rss" | "atom" => Some(Format::Feed),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// A unit of parsing work.
#[derive(Debug)]
pub enum Batch {
    /// A whole `.txt`, `.json`, XML or feed file.
    File {
        /// Where it was read from.
        path: PathBuf,
        /// Its format.
        format: Format,
        /// Its contents.
        bytes: Vec<u8>,
    },
    /// Consecutive lines of a JSON Lines file, or rows of a CSV file each
    /// made a JSON object by the reader ([`csv`]).
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
        Format::Json if feed::is_json_feed(&decoded.text) => whole(feed::parse(bytes)),
        Format::Json => whole(json::parse_document(&decoded.text)),
        Format::Xml | Format::Feed => {
            return xml::parse_file(&origin, bytes, &decoded.text, fallback)
        }
        // Read as rows by `read_file`.
        Format::Csv | Format::Tsv => vec![Err("CSV is read in rows, not whole".to_owned())],
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

/// A document's articles, or the one error that kept it from being read.
pub(crate) fn whole(
    document: Result<Vec<Result<Parsed, String>>, String>,
) -> Vec<Result<Parsed, String>> {
    document.unwrap_or_else(|message| vec![Err(message)])
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

/// Reads `path` into batches, decompressing it as its suffix says and
/// decoding UTF-16 and UTF-32 to UTF-8 ([`charset::utf8_stream`]), and hands
/// each batch to `emit` as soon as it is full. Raw bytes read are added to
/// `bytes_read` as they come. Returns the xxh3-128 hash of the raw file when it
/// was read to the end.
///
/// A file or line past the [`limits`], a binary JSON Lines file and one with
/// no lines are handed over as [`Batch::Problem`]s; what is passed over is
/// still read through, so the hash covers the whole file.
///
/// A stream that breaks off (truncated or corrupt `.gz`/`.zst`, a failed
/// read) is a problem too, handed over after every complete line before the
/// break and naming the last of them ([`compress::damage`]); the file then
/// has no hash, as it was not read whole. `Err` is left for a file that
/// cannot be opened.
///
/// Lines up to `skip` (numbered from 1) are read but not handed over: they
/// are indexed already (a run that was cut short is being continued). For
/// whole-file formats (`.txt`, `.json`, XML), which are one batch, any
/// `skip` skips it all; CSV rows are skipped by the line they start on.
pub fn read_file(
    path: &Path,
    format: Format,
    bytes_read: &AtomicU64,
    skip: u64,
    mut emit: impl FnMut(Batch),
) -> std::io::Result<Option<u128>> {
    let (compression, _) = Compression::split(path);
    let (mut source, hash) = Source::open(path, compression, bytes_read)?;
    let mut reader = charset::utf8_stream(source.reader(), SNIFF_BYTES);
    let streamed = matches!(
        format,
        Format::JsonLines | Format::Csv | Format::Tsv | Format::Warc
    );
    let read = match format {
        // Dropping the source reads it through for the hash.
        _ if skip > 0 && !streamed => Ok(()),
        Format::JsonLines => read_lines(path, &mut *reader, skip, &mut emit),
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Tsv { b'\t' } else { b',' };
            csv::read_rows(path, &mut *reader, delimiter, skip, &mut emit).map_err(|error| Cut {
                salvage: Salvage::Records,
                error,
            })
        }
        Format::Warc => warc::read(path, &mut *reader, skip, &mut emit).map_err(|error| Cut {
            salvage: Salvage::Records,
            error,
        }),
        Format::Text | Format::Json | Format::Xml | Format::Feed | Format::Html => {
            read_whole(path, format, &mut *reader, &mut emit)
        }
    };
    drop(reader);
    drop(source);
    match read {
        Ok(()) => Ok(hash.hash()),
        Err(Cut { salvage, error }) => {
            let origin = Origin {
                path: path.to_owned(),
                line: None,
            };
            let message = compress::damage(compression, &error, salvage);
            emit(Batch::Problem(Problem::error(origin, message)));
            Ok(None)
        }
    }
}

/// Where and why reading a file broke off.
struct Cut {
    /// What was handed over before the break.
    salvage: Salvage,
    /// The break.
    error: std::io::Error,
}

/// Reads a `.txt` or `.json` file whole, as one batch.
fn read_whole(
    path: &Path,
    format: Format,
    reader: &mut dyn BufRead,
    emit: &mut impl FnMut(Batch),
) -> Result<(), Cut> {
    let limit = match format {
        Format::Json | Format::Xml | Format::Feed => limits::MAX_DOCUMENT_BYTES,
        Format::Html => html::MAX_PAGE_BYTES,
        _ => limits::MAX_RECORD_BYTES,
    };
    let file = |bytes| Batch::File {
        path: path.to_owned(),
        format,
        bytes,
    };
    let mut bytes = Vec::new();
    if let Err(error) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        // JSON that parses whole was not cut (the break is in the gzip
        // trailer, say); a cut text would be indexed as if whole, so it is not.
        let whole = format == Format::Json
            && bytes.len() <= limit
            && charset::decode(&bytes).is_ok_and(|d| json::parse_document(&d.text).is_ok());
        let salvage = if whole {
            emit(file(bytes));
            Salvage::Whole
        } else {
            Salvage::Nothing
        };
        return Err(Cut { salvage, error });
    }
    if bytes.len() > limit {
        let rest = std::io::copy(reader, &mut std::io::sink()).map_err(|error| Cut {
            salvage: Salvage::Nothing,
            error,
        })?;
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
        emit(file(bytes));
    }
    Ok(())
}

/// A size in MiB, for messages.
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1u32 << 20))
}

/// Reads a JSON Lines file into batches of lines. On a break, the complete
/// lines before it are handed over and the one cut short is dropped.
fn read_lines(
    path: &Path,
    reader: &mut dyn BufRead,
    skip: u64,
    emit: &mut impl FnMut(Batch),
) -> Result<(), Cut> {
    let problem = |line: Option<u64>, message: String| {
        let origin = Origin {
            path: path.to_owned(),
            line,
        };
        Batch::Problem(Problem::error(origin, message))
    };
    let cut = |lines: u64| {
        move |error| Cut {
            salvage: Salvage::Lines(lines),
            error,
        }
    };
    let start = reader.fill_buf().map_err(cut(0))?;
    if skip == 0 && charset::is_binary(&start[..start.len().min(SNIFF_BYTES)]) {
        emit(problem(None, "binary file, not text".to_owned()));
        return Ok(());
    }
    let mut line_number = 0;
    while line_number < skip {
        if read_line(reader, &mut Vec::new(), 0).map_err(cut(line_number))? == 0 {
            break;
        }
        line_number += 1;
    }
    let mut batch = Batcher::new(path);
    let mut any_text = skip > 0;
    loop {
        let mut line = Vec::new();
        let length = match read_line(reader, &mut line, limits::MAX_RECORD_BYTES) {
            Ok(0) => break,
            Ok(length) => length,
            Err(error) => {
                batch.flush(emit);
                return Err(cut(line_number)(error));
            }
        };
        line_number += 1;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.len() > limits::MAX_RECORD_BYTES {
            // Batches stay in line order: what came before goes first.
            batch.flush(emit);
            emit(problem(
                Some(line_number),
                format!(
                    "line of {} is longer than the {} limit for one article; not read",
                    mib(length),
                    mib(limits::MAX_RECORD_BYTES as u64)
                ),
            ));
            any_text = true;
            continue;
        }
        any_text |= line.iter().any(|b| !b.is_ascii_whitespace());
        batch.push(line_number, line, emit);
    }
    batch.flush(emit);
    if !any_text {
        emit(problem(None, "empty file".to_owned()));
    }
    Ok(())
}

/// Consecutive lines of one file gathered into a [`Batch::Lines`].
struct Batcher<'a> {
    path: &'a Path,
    lines: Vec<Vec<u8>>,
    bytes: usize,
    first_line: u64,
}

impl<'a> Batcher<'a> {
    fn new(path: &'a Path) -> Self {
        Batcher {
            path,
            lines: Vec::with_capacity(LINES_PER_BATCH),
            bytes: 0,
            first_line: 0,
        }
    }

    /// Adds line `number`, handing the batch over once it is full.
    fn push(&mut self, number: u64, line: Vec<u8>, emit: &mut dyn FnMut(Batch)) {
        if self.lines.is_empty() {
            self.first_line = number;
        }
        self.bytes += line.len();
        self.lines.push(line);
        if self.lines.len() == LINES_PER_BATCH || self.bytes >= BYTES_PER_BATCH {
            self.flush(emit);
        }
    }

    /// Hands over the lines gathered, if any.
    fn flush(&mut self, emit: &mut dyn FnMut(Batch)) {
        if !self.lines.is_empty() {
            let lines = std::mem::replace(&mut self.lines, Vec::with_capacity(LINES_PER_BATCH));
            emit(Batch::Lines {
                path: self.path.to_owned(),
                first_line: self.first_line,
                lines,
            });
            self.bytes = 0;
        }
    }
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
mod tests;
