//! Reading a file into [`Batch`]es on the I/O thread: decompression, the
//! charset of UTF-16 and UTF-32 files, the size limits, and what survives a
//! stream that breaks off. Parsing the batches is [`Batch::parse`]'s.

use std::io::BufRead;
use std::path::Path;
use std::sync::atomic::AtomicU64;

use crate::compress::{self, Compression, Salvage, Source};
use crate::{
    charset, csv, html, json, limits, warc, Batch, Format, Origin, Problem, BYTES_PER_BATCH,
    LINES_PER_BATCH, SNIFF_BYTES,
};

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

/// Appends up to `limit` bytes of `reader` to `bytes`, straight from its
/// buffer: `read_to_end` zeroes and probes memory a page read whole does not
/// need.
fn read_up_to(reader: &mut dyn BufRead, limit: usize, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    while bytes.len() < limit {
        let chunk = match reader.fill_buf() {
            Ok([]) => break,
            Ok(chunk) => chunk,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        let take = chunk.len().min(limit - bytes.len());
        bytes.extend_from_slice(&chunk[..take]);
        reader.consume(take);
    }
    Ok(())
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
    if let Err(error) = read_up_to(reader, limit + 1, &mut bytes) {
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
pub(crate) fn mib(bytes: u64) -> String {
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
pub(crate) fn read_line(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<u64> {
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
