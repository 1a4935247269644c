//! # news-export
//!
//! Gets a news archive out: every article matching a search (or all of
//! them), one row per article, as Parquet, JSON Lines or CSV for analysis, or
//! as the bulk files OpenSearch/Elasticsearch and Quickwit load.
//!
//! The articles come from [`news_query::Archive::scan`] and are written as
//! they are read, in batches, so memory stays flat however large the archive.
//! This crate is apart from `news-query` so that a service embedding the
//! search pays for neither Arrow nor Parquet.
//!
//! ```
//! # use news_query::schema::{write_records, ArticleRecord};
//! use news_export::{export, Format, Options};
//! use news_query::{Archive, SearchRequest};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?;
//! # write_records(dir.path(), &[ArticleRecord {
//! #     id: "a".into(), title: "Grain ships leave Odesa".into(),
//! #     persons: vec!["Oleksandr Kubrakov".into()], ..Default::default() }])?;
//! let archive = Archive::open(dir.path())?;
//! let scan = archive.scan(&SearchRequest::new("grain"))?;
//! let out = dir.path().join("grain.jsonl");
//! let summary = export(scan, Format::Jsonl, &Options::to_path(&out), &mut |_| {})?;
//! assert_eq!(summary.articles, 1);
//! assert!(std::fs::read_to_string(&out)?.contains("\"persons\":[\"Oleksandr Kubrakov\"]"));
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod bulk;
mod columnar;
mod encoder;
mod entities;
mod error;
mod opensearch;
mod quickwit;
mod row;
mod text;

use std::path::{Path, PathBuf};

use news_query::{Scan, ScannedArticle};

pub use error::{Error, Result};
pub use row::ExportedArticle;

/// Rows per Arrow record batch, and how often progress is reported.
pub const BATCH_ROWS: usize = 32 * 1024;
/// Rows per Parquet row group.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;
/// The most bytes an OpenSearch `_bulk` or Quickwit NDJSON file gets.
pub const DEFAULT_BULK_BYTES: u64 = 50 * 1000 * 1000;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One Parquet file (Snappy-compressed, row groups of [`ROW_GROUP_ROWS`]).
    Parquet,
    /// One JSON object per line, in field names `news index` reads back.
    Jsonl,
    /// CSV with a header; lists joined with `"; "`.
    Csv,
    /// A directory: `index.json` (settings and mappings) and `bulk-NNNN.ndjson`
    /// files for `_bulk`, for OpenSearch or Elasticsearch.
    OpenSearch,
    /// A directory: `index-config.yaml` and `docs-NNNN.ndjson` for `quickwit`.
    Quickwit,
}

impl Format {
    /// Whether the output is a directory of files rather than one file.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::OpenSearch | Format::Quickwit)
    }
}

/// How to export.
#[derive(Clone, Debug)]
pub struct Options {
    /// The file (or, for OpenSearch and Quickwit, the directory) to write;
    /// `None` writes JSON Lines or CSV to standard output.
    pub out: Option<PathBuf>,
    /// Whether to include article text.
    pub body: bool,
    /// Where to write the entity table (entity, kind, article id), in the
    /// same format as the articles (Parquet, JSON Lines or CSV); `None` for
    /// none.
    pub entities: Option<PathBuf>,
    /// Name of the index in OpenSearch bulk actions and the Quickwit config.
    pub index_name: String,
    /// The most bytes of one bulk/NDJSON file (a document is never split, so
    /// a single larger document makes a larger file).
    pub bulk_bytes: u64,
}

impl Options {
    /// Everything, bodies included, to `out`, with no entity table.
    pub fn to_path(out: impl Into<PathBuf>) -> Self {
        Options {
            out: Some(out.into()),
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            out: None,
            body: true,
            entities: None,
            index_name: "news".into(),
            bulk_bytes: DEFAULT_BULK_BYTES,
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles written.
    pub articles: u64,
    /// Rows of the entity table written.
    pub entities: u64,
    /// Files written.
    pub files: Vec<PathBuf>,
}

/// Where an entity table goes by default: beside `out`, `.entities` before
/// its extension (`news.parquet` gives `news.entities.parquet`).
pub fn entities_path_beside(out: &Path) -> PathBuf {
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    let name = match out.extension() {
        Some(ext) => format!("{stem}.entities.{}", ext.to_string_lossy()),
        None => format!("{stem}.entities"),
    };
    out.with_file_name(name)
}

/// One open output: takes articles, then closes its files.
pub(crate) trait Sink {
    /// Writes one article.
    fn write(&mut self, article: &ExportedArticle) -> Result<()>;
    /// Flushes and closes, giving the files written.
    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>>;
}

/// Writes the articles of `scan` as `format`; `progress` gets the number of
/// articles written so far every [`BATCH_ROWS`] articles and at the end.
pub fn export(
    scan: Scan,
    format: Format,
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary> {
    let mut sink = open_sink(format, options)?;
    let mut entity_sink = match &options.entities {
        Some(path) => Some(entities::open(format, path)?),
        None => None,
    };
    let mut summary = Summary::default();
    scan.run(|scanned: ScannedArticle| -> Result<()> {
        let article = ExportedArticle::new(scanned, options.body);
        sink.write(&article)?;
        if let Some(entity_sink) = &mut entity_sink {
            summary.entities += entity_sink.write(&article)?;
        }
        summary.articles += 1;
        if summary.articles % BATCH_ROWS as u64 == 0 {
            progress(summary.articles);
        }
        Ok(())
    })?;
    progress(summary.articles);
    summary.files = sink.finish()?;
    if let Some(entity_sink) = entity_sink {
        summary.files.extend(entity_sink.finish()?);
    }
    Ok(summary)
}

fn open_sink(format: Format, options: &Options) -> Result<Box<dyn Sink>> {
    let out = options.out.as_deref();
    let needs_path = || {
        Error::Usage(format!(
            "{format:?} output needs a path (--out); only JSON Lines and CSV go to standard output"
        ))
    };
    Ok(match format {
        Format::Jsonl => Box::new(text::JsonlSink::open(out)?),
        Format::Csv => Box::new(text::CsvSink::open(out, options.body)?),
        Format::Parquet => Box::new(columnar::ParquetSink::open(
            out.ok_or_else(needs_path)?,
            options.body,
        )?),
        Format::OpenSearch => Box::new(opensearch::OpenSearchSink::open(
            out.ok_or_else(needs_path)?,
            options,
        )?),
        Format::Quickwit => Box::new(quickwit::QuickwitSink::open(
            out.ok_or_else(needs_path)?,
            options,
        )?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_table_sits_beside_the_articles() {
        assert_eq!(
            entities_path_beside(Path::new("/tmp/x/news.parquet")),
            Path::new("/tmp/x/news.entities.parquet")
        );
        assert_eq!(
            entities_path_beside(Path::new("out")),
            Path::new("out.entities")
        );
    }
}
