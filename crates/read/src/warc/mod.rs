//! Web archives (`.warc`, `.warc.gz`): WARC 1.0 and 1.1, streamed record by
//! record in bounded memory.
//!
//! A record is a version line (`WARC/1.1`), header lines, a blank line, a
//! block of `Content-Length` bytes and two line ends. That is short enough to
//! read here, which keeps the reader streaming over [`crate::compress`]'s
//! decompressor (a `.warc.gz` is one gzip member per record, read as one
//! stream) and lets a damaged record be reported with its number and offset
//! while the records before it are kept.
//!
//! HTML `response` records with HTTP status 200 become articles through the
//! [`crate::html`] reader, with the record's URL and the server's charset.
//! Everything else (requests, metadata, revisits, redirects, other statuses,
//! pages that are not HTML) is skipped and counted, and the counts are
//! reported once per file.

mod http;
#[cfg(test)]
mod tests;

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use crate::article::Origin;
use crate::html;
use crate::problem::Problem;
use crate::{Batch, Item};

/// Records handed to a worker at once.
const RECORDS_PER_BATCH: usize = 64;

/// Bytes of payload after which a batch is handed over anyway.
const BYTES_PER_BATCH: usize = 8 << 20;

/// The longest header block of a record; past it the file is not a WARC.
const MAX_HEADER_BYTES: usize = 64 << 10;

/// One HTML page from an archive, waiting to be parsed.
#[derive(Debug)]
pub struct Record {
    /// 1-based number of the record in its file.
    pub number: u64,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date`: when the page was crawled.
    pub crawled: Option<String>,
    /// The HTTP response: status line, headers and body.
    pub http: Vec<u8>,
}

/// Records skipped, by why.
#[derive(Default)]
struct Skipped {
    requests: u64,
    metadata: u64,
    revisits: u64,
    other_types: u64,
    not_ok: u64,
    not_html: u64,
    too_large: u64,
}

/// A record's header fields that matter here.
struct Header {
    kind: String,
    length: u64,
    content_type: String,
    url: Option<String>,
    date: Option<String>,
}

/// Reads the records of an archive into batches of HTML responses. Records
/// up to `skip` are indexed already and passed over.
pub(crate) fn read(
    path: &Path,
    reader: &mut dyn BufRead,
    skip: u64,
    emit: &mut dyn FnMut(Batch),
) -> io::Result<()> {
    let mut state = State {
        path: path.to_owned(),
        offset: 0,
        number: 0,
        skipped: Skipped::default(),
        records: Vec::new(),
        batch_bytes: 0,
    };
    let result = state.run(reader, skip, emit);
    state.flush(emit);
    result?;
    if let Some(summary) = state.summary() {
        emit(Batch::Problem(Problem::warning(
            state.origin(None),
            summary,
        )));
    }
    Ok(())
}

struct State {
    path: PathBuf,
    /// Bytes of the (decompressed) archive read so far.
    offset: u64,
    /// Number of the last record begun.
    number: u64,
    skipped: Skipped,
    records: Vec<Record>,
    batch_bytes: usize,
}

impl State {
    fn origin(&self, record: Option<u64>) -> Origin {
        Origin {
            path: self.path.clone(),
            line: record,
        }
    }

    fn problem(&self, message: String) -> Batch {
        Batch::Problem(Problem::error(self.origin(Some(self.number)), message))
    }

    fn flush(&mut self, emit: &mut dyn FnMut(Batch)) {
        if !self.records.is_empty() {
            emit(Batch::Records {
                path: self.path.clone(),
                records: std::mem::take(&mut self.records),
            });
            self.batch_bytes = 0;
        }
    }

    fn run(
        &mut self,
        reader: &mut dyn BufRead,
        skip: u64,
        emit: &mut dyn FnMut(Batch),
    ) -> io::Result<()> {
        loop {
            let start = self.offset;
            let header = match self.header(reader) {
                Ok(Some(header)) => header,
                Ok(None) => return Ok(()),
                Err(error) => return self.damaged(error, start, emit),
            };
            let keep = self.number > skip && self.wanted(&header);
            let block = match self.block(reader, &header, keep) {
                Ok(block) => block,
                Err(error) => return self.damaged(error, start, emit),
            };
            if let Err(error) = self.record_end(reader) {
                return self.damaged(error, start, emit);
            }
            if let Some(http) = block {
                if self.number > skip {
                    self.batch_bytes += http.len();
                    self.records.push(Record {
                        number: self.number,
                        url: header.url,
                        crawled: header.date,
                        http,
                    });
                }
                if self.records.len() >= RECORDS_PER_BATCH || self.batch_bytes >= BYTES_PER_BATCH {
                    self.flush(emit);
                }
            }
        }
    }

    /// Reports damage at the record begun at `start`; what came before is
    /// handed over first and the rest of the file is not read.
    fn damaged(
        &mut self,
        error: io::Error,
        start: u64,
        emit: &mut dyn FnMut(Batch),
    ) -> io::Result<()> {
        self.flush(emit);
        let what = if error.kind() == io::ErrorKind::UnexpectedEof {
            "the file ends inside it (truncated)".to_owned()
        } else {
            error.to_string()
        };
        emit(self.problem(format!(
            "web archive damaged at record {} (byte {start} of the archive): {what}; \
             the records before it were read, the rest of the file is not",
            self.number
        )));
        Ok(())
    }

    /// Reads a record's version line and header; `None` at the end of the file.
    fn header(&mut self, reader: &mut dyn BufRead) -> io::Result<Option<Header>> {
        let mut line = Vec::new();
        // Records are separated by blank lines; tolerate extra ones.
        loop {
            line.clear();
            let n = read_line(reader, &mut line)?;
            self.offset += n as u64;
            if n == 0 {
                return Ok(None);
            }
            if !line.trim_ascii().is_empty() {
                break;
            }
        }
        self.number += 1;
        if !line.starts_with(b"WARC/") {
            return Err(invalid(
                "no `WARC/` version line where a record should start",
            ));
        }
        let mut header = Header {
            kind: String::new(),
            length: 0,
            content_type: String::new(),
            url: None,
            date: None,
        };
        let mut length = None;
        let mut header_bytes = 0;
        loop {
            line.clear();
            let n = read_line(reader, &mut line)?;
            self.offset += n as u64;
            header_bytes += n;
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            if header_bytes > MAX_HEADER_BYTES {
                return Err(invalid("record header longer than 64 KiB"));
            }
            let text = String::from_utf8_lossy(line.trim_ascii());
            if text.is_empty() {
                break;
            }
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "content-length" => length = value.parse::<u64>().ok(),
                "content-type" => header.content_type = value.to_ascii_lowercase(),
                "warc-target-uri" => header.url = Some(value.trim_matches(['<', '>']).to_owned()),
                "warc-date" => header.date = Some(value.to_owned()),
                _ => {}
            }
        }
        header.length =
            length.ok_or_else(|| invalid("record without a readable Content-Length"))?;
        Ok(Some(header))
    }

    /// Whether a record may hold a page; others are counted and passed over.
    fn wanted(&mut self, header: &Header) -> bool {
        let counter = match header.kind.as_str() {
            "response" if header.content_type.starts_with("application/http") => {
                if header.length as usize > html::MAX_PAGE_BYTES + MAX_HEADER_BYTES {
                    &mut self.skipped.too_large
                } else {
                    return true;
                }
            }
            "request" => &mut self.skipped.requests,
            "metadata" | "warcinfo" => &mut self.skipped.metadata,
            "revisit" => &mut self.skipped.revisits,
            _ => &mut self.skipped.other_types,
        };
        *counter += 1;
        false
    }

    /// Reads the block of a record kept, or reads it through. An HTTP
    /// response that is not a 200 HTML page is counted and dropped here.
    fn block(
        &mut self,
        reader: &mut dyn BufRead,
        header: &Header,
        keep: bool,
    ) -> io::Result<Option<Vec<u8>>> {
        let mut taken = reader.take(header.length);
        let block = if keep {
            let mut block = Vec::with_capacity(header.length as usize);
            taken.read_to_end(&mut block)?;
            Some(block)
        } else {
            io::copy(&mut taken, &mut io::sink())?;
            None
        };
        if taken.limit() > 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.offset += header.length;
        Ok(block.filter(|block| match http::check(block) {
            http::Kind::Page => true,
            http::Kind::NotOk => {
                self.skipped.not_ok += 1;
                false
            }
            http::Kind::NotHtml => {
                self.skipped.not_html += 1;
                false
            }
        }))
    }

    /// Reads the two line ends that close a record. Anything else means the
    /// Content-Length was wrong.
    fn record_end(&mut self, reader: &mut dyn BufRead) -> io::Result<()> {
        let mut end = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            let n = reader.read(&mut end[got..])?;
            if n == 0 {
                break;
            }
            got += n;
        }
        self.offset += got as u64;
        match &end[..got] {
            b"\r\n\r\n" | b"" => Ok(()),
            _ => Err(invalid(
                "the block is not followed by a record end: its Content-Length is wrong",
            )),
        }
    }

    fn summary(&self) -> Option<String> {
        let s = &self.skipped;
        let parts: Vec<String> = [
            (s.requests, "requests"),
            (s.metadata, "warcinfo/metadata records"),
            (s.revisits, "revisits"),
            (s.other_types, "records of other types"),
            (s.not_ok, "responses with a status other than 200"),
            (s.not_html, "responses that are not HTML"),
            (s.too_large, "responses larger than the page limit"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        (!parts.is_empty()).then(|| format!("web archive: skipped {}", parts.join(", ")))
    }
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Reads one line, its end included, keeping at most [`MAX_HEADER_BYTES`].
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let n = reader
        .take(MAX_HEADER_BYTES as u64 + 1)
        .read_until(b'\n', line)?;
    Ok(n)
}

/// Parses a batch of records: each a page, or the problem that stopped it.
pub(crate) fn parse(path: &Path, records: Vec<Record>) -> Vec<Item> {
    records
        .into_iter()
        .map(|record| {
            let origin = Origin {
                path: path.to_owned(),
                line: Some(record.number),
            };
            crate::finish(origin, page(record))
        })
        .collect()
}

fn page(record: Record) -> Result<crate::Parsed, String> {
    let response = http::Response::parse(&record.http)?;
    let context = html::Context {
        url: record.url.as_deref(),
        charset: response.charset.as_deref(),
    };
    let mut parsed = html::parse(&response.body, context)?;
    if parsed.article.date.is_none() {
        if let Some(crawled) = record.crawled.as_deref().and_then(crate::date::parse_date) {
            parsed.article.date = Some(crawled);
            parsed
                .warnings
                .push("the page gives no date; date from the crawl (WARC-Date)".to_owned());
        }
    }
    Ok(parsed)
}
