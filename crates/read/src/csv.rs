//! CSV (`.csv`) and TSV (`.tsv`) files with a header row: one article per
//! row, columns named as the JSON reader names fields ([`crate::json`]:
//! `title`/`headline`, `body`/`text`/`content`, `date`/`published_at`, ...).
//!
//! Header names are matched loosely (`Published At` is `published_at`);
//! unknown columns are ignored, empty cells are missing values, and the
//! `persons`, `locations` and `organizations` columns are split on `;`.
//!
//! Rows stream through in batches like JSON Lines, so a file of any size
//! is read in bounded memory: the reader turns each row into a JSON object
//! that [`crate::json::parse_line`] reads on a worker, under the line number
//! the row starts on. A row with more or fewer fields than the header is
//! reported with its line and skipped, and the rest is read.

use std::io::BufRead;
use std::path::Path;

use serde_json::{Map, Value};

use crate::json::TEXT_FIELDS;
use crate::{charset, Batch, Origin, Problem, BYTES_PER_BATCH, LINES_PER_BATCH, SNIFF_BYTES};

/// Columns holding lists of names, split on `;`.
const LIST_COLUMNS: [&str; 3] = ["persons", "locations", "organizations"];

/// The field name a header cell stands for: trimmed, lower case, spaces and
/// dashes as underscores.
fn field_name(header: &str) -> String {
    let name: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match name.as_str() {
        "publishedat" => "published_at".to_owned(),
        "pubdate" => "pub_date".to_owned(),
        _ => name,
    }
}

/// Reads rows after line `skip` into batches of JSON objects (see the module
/// documentation), with problems for ragged rows, a missing text column, a
/// binary or empty file.
pub(crate) fn read_rows(
    path: &Path,
    reader: &mut dyn BufRead,
    delimiter: u8,
    skip: u64,
    emit: &mut impl FnMut(Batch),
) -> std::io::Result<()> {
    // Kept long: the row loop with its error cases beside the rows they come from.
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
    let mut rows = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        // TSV has no quoting: a cell starting with `"` is text.
        .quoting(delimiter != b'\t')
        .from_reader(reader);
    let header: Vec<String> = match rows.byte_headers() {
        Ok(h) => h.iter().map(|cell| field_name(&text(cell).0)).collect(),
        Err(e) => return csv_error(e, &problem, emit),
    };
    if header.iter().all(|h| h.is_empty()) {
        emit(problem(None, "empty file".to_owned()));
        return Ok(());
    }
    if skip == 0 && !header.iter().any(|h| TEXT_FIELDS.contains(&h.as_str())) {
        emit(problem(
            Some(1),
            format!(
                "no text column in the header (looked for {}); file not read",
                TEXT_FIELDS.join(", ")
            ),
        ));
        return Ok(());
    }
    let mut batch = Run::default();
    let mut record = ::csv::ByteRecord::new();
    loop {
        match rows.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                batch.flush(path, emit);
                return csv_error(e, &problem, emit);
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if line <= skip {
            continue;
        }
        if record.len() != header.len() {
            batch.flush(path, emit);
            emit(problem(
                Some(line),
                format!(
                    "row has {} fields, the header {}; skipped",
                    record.len(),
                    header.len()
                ),
            ));
            continue;
        }
        let (object, fell_back) = row(&header, &record);
        if fell_back {
            batch.flush(path, emit);
            let origin = Origin {
                path: path.to_owned(),
                line: Some(line),
            };
            let message = "not valid UTF-8; read as Windows-1252";
            emit(Batch::Problem(Problem::warning(origin, message)));
        }
        batch.push(path, line, object, emit);
    }
    batch.flush(path, emit);
    Ok(())
}

/// Rows on consecutive lines, waiting to be handed over as one batch.
#[derive(Default)]
struct Run {
    first_line: u64,
    lines: Vec<Vec<u8>>,
    bytes: usize,
}

impl Run {
    fn push(&mut self, path: &Path, line: u64, object: Vec<u8>, emit: &mut impl FnMut(Batch)) {
        // A batch's rows are numbered from its first line on: a row that
        // spans lines (a quoted newline) starts a new batch.
        if !self.lines.is_empty() && line != self.first_line + self.lines.len() as u64 {
            self.flush(path, emit);
        }
        if self.lines.is_empty() {
            self.first_line = line;
        }
        self.bytes += object.len();
        self.lines.push(object);
        if self.lines.len() == LINES_PER_BATCH || self.bytes >= BYTES_PER_BATCH {
            self.flush(path, emit);
        }
    }

    fn flush(&mut self, path: &Path, emit: &mut impl FnMut(Batch)) {
        if !self.lines.is_empty() {
            emit(Batch::Lines {
                path: path.to_owned(),
                first_line: self.first_line,
                lines: std::mem::take(&mut self.lines),
            });
        }
        self.bytes = 0;
    }
}

/// A row as a JSON object of its non-empty cells, and whether a cell was
/// not UTF-8.
fn row(header: &[String], record: &::csv::ByteRecord) -> (Vec<u8>, bool) {
    let mut object = Map::new();
    let mut fell_back = false;
    for (name, cell) in header.iter().zip(record.iter()) {
        let (value, fallback) = text(cell);
        fell_back |= fallback;
        let value = value.trim();
        if name.is_empty() || value.is_empty() || object.contains_key(name) {
            continue;
        }
        let value = if LIST_COLUMNS.contains(&name.as_str()) {
            let names = value.split(';').map(str::trim).filter(|n| !n.is_empty());
            Value::Array(names.map(|n| Value::String(n.to_owned())).collect())
        } else {
            Value::String(value.to_owned())
        };
        object.insert(name.clone(), value);
    }
    let bytes = serde_json::to_vec(&Value::Object(object)).unwrap_or_default();
    (bytes, fell_back)
}

/// A cell as text: UTF-8, else Windows-1252 (and `true`).
fn text(cell: &[u8]) -> (String, bool) {
    match std::str::from_utf8(cell) {
        Ok(s) => (s.to_owned(), false),
        Err(_) => (encoding_rs::WINDOWS_1252.decode(cell).0.into_owned(), true),
    }
}

fn csv_error(
    error: ::csv::Error,
    problem: &impl Fn(Option<u64>, String) -> Batch,
    emit: &mut impl FnMut(Batch),
) -> std::io::Result<()> {
    let line = error.position().map(|p| p.line());
    match error.into_kind() {
        ::csv::ErrorKind::Io(e) => Err(e),
        other => {
            emit(problem(
                line,
                format!("unreadable CSV: {other:?}; rest of file not read"),
            ));
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests;
