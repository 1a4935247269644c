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
mod file;
pub mod html;
mod invisible;
pub mod json;
pub mod language;
pub mod limits;
mod markup;
mod mojibake;
pub mod newsml;
pub mod nitf;
pub mod problem;
pub mod txt;
pub mod warc;
pub mod xml;

pub use article::{Article, Origin};
pub use file::read_file;
pub use problem::{printable, Problem, Severity};

use std::path::{Path, PathBuf};

use compress::Compression;

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
