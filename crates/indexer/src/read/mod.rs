//! Readers: files to [`Article`]s, the format chosen by file extension.
//!
//! | extension | format |
//! |---|---|
//! | `.txt` | one article: front matter, title line, body ([`txt`]) |
//! | `.json` | one article object or an array of them ([`json`]) |
//! | `.jsonl`, `.ndjson` | one article object per line ([`json`]) |
//!
//! Each may be compressed, `.gz` or `.zst` ([`compress`]): the format is then
//! the extension under the suffix (`dump.jsonl.gz` is JSON Lines).
//!
//! Anything else is skipped and counted. Reading is split into [`Batch`]es so
//! the I/O thread stays cheap and parsing runs on every core: a whole small file
//! is one batch, a JSON Lines file is cut into batches of lines, so a file of
//! any size streams through in bounded memory.

pub mod compress;
pub mod dateline;
pub mod decode;
pub mod json;
pub mod txt;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use crate::article::{Article, Origin};
use crate::problem::Problem;
use compress::{Compression, Source};

/// Lines of a JSON Lines file handed to a worker at once.
const LINES_PER_BATCH: usize = 256;

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
        }
    }
}

fn parse_file(path: PathBuf, format: Format, bytes: &[u8]) -> Vec<Item> {
    let origin = Origin { path, line: None };
    let decoded = match decode::decode(bytes) {
        Ok(decoded) => decoded,
        Err(decode::NotText::Binary) => {
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
        Format::Text => vec![txt::parse(&decoded.text)],
        Format::Json => match json::parse_document(&decoded.text) {
            Ok(results) => results,
            Err(message) => vec![Err(message)],
        },
        Format::JsonLines => unreachable!("JSON Lines files are read as lines"),
    };
    results
        .into_iter()
        .map(|result| match result {
            Ok(mut parsed) => {
                parsed.warnings.extend(fallback.clone());
                Item::Article(origin.clone(), Box::new(parsed))
            }
            Err(message) => Item::Problem(Problem::error(origin.clone(), message)),
        })
        .collect()
}

fn parse_line(origin: Origin, line: &[u8]) -> Option<Item> {
    let decoded = match decode::decode(line) {
        Ok(decoded) => decoded,
        Err(decode::NotText::Binary) => {
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
            Item::Article(origin, Box::new(parsed))
        }
        Err(message) => Item::Problem(Problem::error(origin, message)),
    })
}

fn not_utf8_warning() -> String {
    "not valid UTF-8; read as Windows-1252".to_owned()
}

/// Reads `path` into batches, decompressing it as its suffix says, and hands
/// each batch to `emit` as soon as it is full. Raw bytes read are added to
/// `bytes_read` as they come. Returns the xxh3-128 hash of the raw file when it
/// was read to the end.
pub fn read_file(
    path: &Path,
    format: Format,
    bytes_read: &AtomicU64,
    mut emit: impl FnMut(Batch),
) -> std::io::Result<Option<u128>> {
    let (compression, _) = Compression::split(path);
    let (mut source, hash) = Source::open(path, compression, bytes_read)?;
    let reader = source.reader();
    if format != Format::JsonLines {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        emit(Batch::File {
            path: path.to_owned(),
            format,
            bytes,
        });
    } else {
        read_lines(path, reader, &mut emit)?;
    }
    drop(source);
    Ok(hash.hash())
}

fn read_lines(
    path: &Path,
    reader: &mut dyn BufRead,
    emit: &mut impl FnMut(Batch),
) -> std::io::Result<()> {
    let mut lines = Vec::with_capacity(LINES_PER_BATCH);
    let mut first_line = 1;
    let mut line_number = 0;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        line_number += 1;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        lines.push(line);
        if lines.len() == LINES_PER_BATCH {
            let full = std::mem::replace(&mut lines, Vec::with_capacity(LINES_PER_BATCH));
            emit(Batch::Lines {
                path: path.to_owned(),
                first_line,
                lines: full,
            });
            first_line = line_number + 1;
        }
    }
    if !lines.is_empty() {
        emit(Batch::Lines {
            path: path.to_owned(),
            first_line,
            lines,
        });
    }
    Ok(())
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
