//! Parquet through Arrow: articles are appended to column builders and
//! handed over as a record batch every [`HANDOVER_ROWS`] rows to the column
//! threads of [`ParallelParquet`], so a few batches and the two row groups
//! being encoded are in memory. The entity table, small, goes through one
//! [`ArrowWriter`].
//!
//! Lists are `List<Utf8>`, dates `Timestamp(Millisecond, "UTC")` (Parquet's
//! `TIMESTAMP(MILLIS, isAdjustedToUTC)`, which DuckDB reads as `TIMESTAMPTZ`
//! and pandas as `datetime64[ms, UTC]`), ids and text without dictionaries
//! (every value differs), the rest with them.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ListBuilder, StringBuilder, TimestampMillisecondBuilder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use crate::encoder::ParallelParquet;
use crate::{Error, ExportedArticle, Result, Sink, ROW_GROUP_ROWS};

/// A Parquet file written batch by batch.
pub(crate) struct ParquetFile {
    path: PathBuf,
    writer: ArrowWriter<File>,
}

impl ParquetFile {
    /// Creates `path` for rows of `schema`; `plain` columns get no dictionary.
    pub fn create(path: &Path, schema: SchemaRef, plain: &[&str]) -> Result<Self> {
        let file = File::create(path).map_err(Error::io(path))?;
        let writer =
            ArrowWriter::try_new(file, schema, Some(properties(plain))).map_err(|source| {
                Error::Parquet {
                    path: path.to_owned(),
                    source,
                }
            })?;
        Ok(ParquetFile {
            path: path.to_owned(),
            writer,
        })
    }

    /// Appends a batch.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.writer.write(batch).map_err(|source| Error::Parquet {
            path: self.path.clone(),
            source,
        })
    }

    /// Writes the footer.
    pub fn close(self) -> Result<PathBuf> {
        self.writer.close().map_err(|source| Error::Parquet {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.path)
    }
}

/// Snappy, row groups of [`ROW_GROUP_ROWS`], no dictionary for `plain` columns.
fn properties(plain: &[&str]) -> WriterProperties {
    let mut properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS));
    for column in plain {
        properties = properties.set_column_dictionary_enabled(ColumnPath::from(*column), false);
    }
    properties.build()
}

/// `List<Utf8>`, items nullable as Arrow's list builder makes them.
pub(crate) fn string_list() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
}

/// The article table's schema.
pub(crate) fn article_schema(body: bool) -> SchemaRef {
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let mut fields = vec![utf8("id", false), utf8("title", false)];
    if body {
        fields.push(utf8("body", false));
    }
    fields.extend([
        Field::new(
            "date",
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            true,
        ),
        utf8("source", true),
        utf8("section", true),
        utf8("url", true),
        utf8("dateline", true),
        Field::new("authors", string_list(), false),
        utf8("language", true),
        Field::new("persons", string_list(), false),
        Field::new("locations", string_list(), false),
        Field::new("organizations", string_list(), false),
        Field::new("countries", string_list(), false),
        Field::new("cluster", DataType::UInt64, true),
        Field::new("cluster_size", DataType::UInt64, false),
    ]);
    Arc::new(Schema::new(fields))
}

/// Column builders of one batch of articles.
struct ArticleColumns {
    text: [StringBuilder; 3],
    date: TimestampMillisecondBuilder,
    optional: [StringBuilder; 5],
    lists: [ListBuilder<StringBuilder>; 5],
    cluster: UInt64Builder,
    cluster_size: UInt64Builder,
    rows: usize,
}

impl ArticleColumns {
    fn new() -> Self {
        ArticleColumns {
            text: std::array::from_fn(|_| StringBuilder::new()),
            date: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            optional: std::array::from_fn(|_| StringBuilder::new()),
            lists: std::array::from_fn(|_| ListBuilder::new(StringBuilder::new())),
            cluster: UInt64Builder::new(),
            cluster_size: UInt64Builder::new(),
            rows: 0,
        }
    }

    fn append(&mut self, a: &ExportedArticle) {
        let [id, title, body] = &mut self.text;
        id.append_value(&a.id);
        title.append_value(&a.title);
        body.append_value(a.body.as_deref().unwrap_or_default());
        self.date
            .append_option(a.date.map(|secs| secs.saturating_mul(1000)));
        let optional = [&a.source, &a.section, &a.url, &a.dateline, &a.language];
        for (builder, value) in self.optional.iter_mut().zip(optional) {
            builder.append_option(value.as_deref());
        }
        let lists = [
            &a.authors,
            &a.persons,
            &a.locations,
            &a.organizations,
            &a.countries,
        ];
        for (builder, values) in self.lists.iter_mut().zip(lists) {
            for value in values {
                builder.values().append_value(value);
            }
            builder.append(true);
        }
        self.cluster.append_option(a.cluster);
        self.cluster_size.append_value(a.cluster_size);
        self.rows += 1;
    }

    /// The batch so far, in `schema`'s column order; the builders start over.
    fn finish(&mut self, schema: &SchemaRef, body: bool) -> Result<RecordBatch> {
        let [id, title, text] = &mut self.text;
        let mut columns: Vec<ArrayRef> = vec![Arc::new(id.finish()), Arc::new(title.finish())];
        let text: ArrayRef = Arc::new(text.finish());
        if body {
            columns.push(text);
        }
        let [source, section, url, dateline, language] = &mut self.optional;
        let [authors, persons, locations, organizations, countries] = &mut self.lists;
        columns.extend([
            Arc::new(self.date.finish()) as ArrayRef,
            Arc::new(source.finish()),
            Arc::new(section.finish()),
            Arc::new(url.finish()),
            Arc::new(dateline.finish()),
            Arc::new(authors.finish()),
            Arc::new(language.finish()),
            Arc::new(persons.finish()),
            Arc::new(locations.finish()),
            Arc::new(organizations.finish()),
            Arc::new(countries.finish()),
            Arc::new(self.cluster.finish()),
            Arc::new(self.cluster_size.finish()),
        ]);
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

/// The article table as Parquet.
pub(crate) struct ParquetSink {
    file: ParallelParquet,
    schema: SchemaRef,
    columns: ArticleColumns,
    body: bool,
}

impl ParquetSink {
    pub fn open(path: &Path, body: bool) -> Result<Self> {
        let schema = article_schema(body);
        let plain = properties(&["id", "title", "body", "url"]);
        let file = ParallelParquet::create(path, schema.clone(), plain, ROW_GROUP_ROWS)?;
        Ok(ParquetSink {
            file,
            schema,
            columns: ArticleColumns::new(),
            body,
        })
    }

    fn flush(&mut self) -> Result<()> {
        let batch = self.columns.finish(&self.schema, self.body)?;
        self.file.write(&batch)
    }
}

impl Sink for ParquetSink {
    fn write(&mut self, article: &ExportedArticle) -> Result<()> {
        self.columns.append(article);
        if self.columns.rows >= HANDOVER_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>> {
        if self.columns.rows > 0 {
            self.flush()?;
        }
        Ok(vec![self.file.close()?])
    }
}

/// Rows per batch handed to the column threads: a batch is in memory up to
/// three times (being built, waiting, being encoded), so smaller batches
/// hold less; pages end where ArrowWriter given the same batches ends them.
const HANDOVER_ROWS: usize = 8 * 1024;

// Row groups end on a batch boundary, so they hold ROW_GROUP_ROWS rows as
// ArrowWriter's do.
const _: () = assert!(ROW_GROUP_ROWS % HANDOVER_ROWS == 0);
