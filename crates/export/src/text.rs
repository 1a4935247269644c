//! JSON Lines and CSV, to a file or standard output.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Error, ExportedArticle, Result, Sink};

/// Separator of list values in a CSV cell, as `news index` splits a
/// metadata list (`"Christine Lagarde; Kazuo Ueda"`).
pub(crate) const LIST_SEPARATOR: &str = "; ";

/// A buffered output: the file at a path, or standard output.
pub(crate) struct Output {
    pub path: PathBuf,
    pub writer: BufWriter<Box<dyn Write + Send>>,
    pub is_file: bool,
}

impl Output {
    /// Creates the file at `path`, or standard output for `None`.
    pub fn create(path: Option<&Path>) -> Result<Output> {
        let (path, writer, is_file): (PathBuf, Box<dyn Write + Send>, bool) = match path {
            Some(path) => {
                let file = File::create(path).map_err(Error::io(path))?;
                (path.to_owned(), Box::new(file), true)
            }
            None => ("-".into(), Box::new(std::io::stdout()), false),
        };
        Ok(Output {
            path,
            writer: BufWriter::with_capacity(1 << 20, writer),
            is_file,
        })
    }

    /// Flushes; the file written, if it is one.
    pub fn finish(mut self) -> Result<Vec<PathBuf>> {
        self.writer.flush().map_err(Error::io(&self.path))?;
        Ok(if self.is_file {
            vec![self.path]
        } else {
            Vec::new()
        })
    }
}

/// One JSON object per line.
pub(crate) struct JsonlSink(Output);

impl JsonlSink {
    pub fn open(path: Option<&Path>) -> Result<Self> {
        Ok(JsonlSink(Output::create(path)?))
    }
}

impl Sink for JsonlSink {
    fn write(&mut self, article: &ExportedArticle) -> Result<()> {
        write_json_line(&mut self.0, article)
    }

    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>> {
        self.0.finish()
    }
}

/// Writes `value` as one line of JSON.
pub(crate) fn write_json_line(out: &mut Output, value: &impl serde::Serialize) -> Result<()> {
    let io = |e: serde_json::Error| Error::Io {
        path: out.path.clone(),
        source: e.into(),
    };
    serde_json::to_writer(&mut out.writer, value).map_err(io)?;
    out.writer.write_all(b"\n").map_err(Error::io(&out.path))
}

/// CSV with a header row.
pub(crate) struct CsvSink {
    path: PathBuf,
    is_file: bool,
    writer: csv::Writer<Box<dyn Write + Send>>,
    body: bool,
}

/// The CSV columns, `body` third when included.
pub(crate) fn csv_header(body: bool) -> Vec<&'static str> {
    let mut header = vec!["id", "title"];
    if body {
        header.push("body");
    }
    header.extend([
        "date",
        "source",
        "section",
        "url",
        "dateline",
        "authors",
        "language",
        "persons",
        "locations",
        "organizations",
        "countries",
        "cluster",
        "cluster_size",
    ]);
    header
}

impl CsvSink {
    pub fn open(path: Option<&Path>, body: bool) -> Result<Self> {
        let out = Output::create(path)?;
        let writer = out
            .writer
            .into_inner()
            .map_err(|e| Error::io(&out.path)(e.into_error()))?;
        let mut sink = CsvSink {
            path: out.path,
            is_file: out.is_file,
            writer: csv::WriterBuilder::new()
                .buffer_capacity(1 << 20)
                .from_writer(writer),
            body,
        };
        let header = csv_header(body);
        sink.writer
            .write_record(&header)
            .map_err(|e| sink.error(e))?;
        Ok(sink)
    }

    fn error(&self, source: csv::Error) -> Error {
        Error::Csv {
            path: self.path.clone(),
            source,
        }
    }
}

impl Sink for CsvSink {
    fn write(&mut self, a: &ExportedArticle) -> Result<()> {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let list = |v: &[String]| v.join(LIST_SEPARATOR);
        let mut row = vec![a.id.clone(), a.title.clone()];
        if self.body {
            row.push(a.body.clone().unwrap_or_default());
        }
        row.extend([
            a.date_rfc3339().unwrap_or_default(),
            opt(&a.source),
            opt(&a.section),
            opt(&a.url),
            opt(&a.dateline),
            list(&a.authors),
            opt(&a.language),
            list(&a.persons),
            list(&a.locations),
            list(&a.organizations),
            list(&a.countries),
            a.cluster.map(|c| c.to_string()).unwrap_or_default(),
            a.cluster_size.to_string(),
        ]);
        self.writer.write_record(&row).map_err(|e| self.error(e))
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>> {
        self.writer.flush().map_err(Error::io(&self.path))?;
        Ok(if self.is_file {
            vec![self.path]
        } else {
            Vec::new()
        })
    }
}
