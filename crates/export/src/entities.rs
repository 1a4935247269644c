//! The entity table: one row per (entity, kind, article id), for
//! co-occurrence work (a self-join on `article_id`), in the articles' format.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use serde::Serialize;

use crate::columnar::ParquetFile;
use crate::text::{write_json_line, Output};
use crate::{Error, ExportedArticle, Format, Result, BATCH_ROWS};

/// One row of the entity table.
#[derive(Serialize)]
struct EntityRow<'a> {
    entity: &'a str,
    kind: &'static str,
    article_id: &'a str,
}

/// Every entity row of `article`: persons, locations, organizations, countries.
fn rows(article: &ExportedArticle) -> impl Iterator<Item = EntityRow<'_>> {
    let kinds = [
        ("person", &article.persons),
        ("location", &article.locations),
        ("organization", &article.organizations),
        ("country", &article.countries),
    ];
    kinds.into_iter().flat_map(move |(kind, names)| {
        names.iter().map(move |name| EntityRow {
            entity: name,
            kind,
            article_id: &article.id,
        })
    })
}

/// The entity table's Parquet file and the batch being built.
pub(crate) struct EntityParquet {
    file: ParquetFile,
    schema: SchemaRef,
    columns: [StringBuilder; 3],
    rows: usize,
}

/// An open entity table.
pub(crate) enum EntitySink {
    Parquet(Box<EntityParquet>),
    Jsonl(Output),
    Csv(Box<csv::Writer<std::fs::File>>, PathBuf),
}

/// Creates the entity table at `path` in `format` (Parquet, JSON Lines or CSV).
pub(crate) fn open(format: Format, path: &Path) -> Result<EntitySink> {
    Ok(match format {
        Format::Parquet => {
            let schema = Arc::new(Schema::new(
                ["entity", "kind", "article_id"]
                    .map(|name| Field::new(name, DataType::Utf8, false))
                    .to_vec(),
            ));
            EntitySink::Parquet(Box::new(EntityParquet {
                file: ParquetFile::create(path, schema.clone(), &[])?,
                schema,
                columns: std::array::from_fn(|_| StringBuilder::new()),
                rows: 0,
            }))
        }
        Format::Jsonl => EntitySink::Jsonl(Output::create(Some(path))?),
        Format::Csv => {
            let mut writer =
                csv::Writer::from_path(path).map_err(|source| csv_error(path, source))?;
            writer
                .write_record(["entity", "kind", "article_id"])
                .map_err(|source| csv_error(path, source))?;
            EntitySink::Csv(Box::new(writer), path.to_owned())
        }
        Format::OpenSearch | Format::Quickwit => {
            return Err(Error::Usage(
                "an entity table is written with --format parquet, jsonl or csv; \
                 the search engine documents already carry the entity lists"
                    .into(),
            ))
        }
    })
}

fn csv_error(path: &Path, source: csv::Error) -> Error {
    Error::Csv {
        path: path.to_owned(),
        source,
    }
}

impl EntitySink {
    /// Writes the entity rows of `article`, giving how many.
    pub fn write(&mut self, article: &ExportedArticle) -> Result<u64> {
        let mut written = 0;
        for row in rows(article) {
            written += 1;
            match self {
                EntitySink::Parquet(table) => {
                    table.columns[0].append_value(row.entity);
                    table.columns[1].append_value(row.kind);
                    table.columns[2].append_value(row.article_id);
                    table.rows += 1;
                }
                EntitySink::Jsonl(out) => write_json_line(out, &row)?,
                EntitySink::Csv(writer, path) => writer
                    .write_record([row.entity, row.kind, row.article_id])
                    .map_err(|source| csv_error(path, source))?,
            }
        }
        if let EntitySink::Parquet(table) = self {
            if table.rows >= BATCH_ROWS {
                table.flush()?;
            }
        }
        Ok(written)
    }

    /// Closes the table, giving its file.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        match self {
            EntitySink::Parquet(mut table) => {
                table.flush()?;
                Ok(vec![table.file.close()?])
            }
            EntitySink::Jsonl(out) => out.finish(),
            EntitySink::Csv(mut writer, path) => {
                writer.flush().map_err(Error::io(&path))?;
                Ok(vec![path])
            }
        }
    }
}

impl EntityParquet {
    /// Writes the batch built so far.
    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays = self
            .columns
            .iter_mut()
            .map(|c| Arc::new(c.finish()) as arrow_array::ArrayRef)
            .collect();
        self.file
            .write(&RecordBatch::try_new(self.schema.clone(), arrays)?)?;
        self.rows = 0;
        Ok(())
    }
}
