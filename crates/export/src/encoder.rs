//! Parquet encoded on one thread per column.
//!
//! Encoding and compressing is most of an export's work, and one
//! [`parquet::arrow::ArrowWriter`] does it on the caller's thread, which
//! then cannot build the next batch meanwhile. Here each column (leaf) has a
//! thread of its own with its own [`ArrowColumnWriter`]: the caller splits a
//! batch into leaves and hands them over through bounded channels, and at the
//! end of a row group each thread closes its writer into a column chunk and
//! starts the next row group's. The caller appends the chunks of a row group
//! to the file, in column order, once the next row group has been handed
//! over, so the columns of two row groups are encoded at a time and rows keep
//! their order. The file is the one [`parquet::arrow::ArrowWriter`] would
//! write: same schema (Arrow's included), properties and row groups.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::arrow_writer::{
    compute_leaves, ArrowColumnChunk, ArrowColumnWriter, ArrowLeafColumn,
    ArrowRowGroupWriterFactory,
};
use parquet::arrow::ArrowWriter;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;

use crate::{Error, Result};

/// Leaves waiting per column thread: bounds the batches held ahead of the
/// slowest column (the text) while letting the caller run on meanwhile.
const LEAVES_AHEAD: usize = 2;

/// What a column thread is told.
enum Message {
    /// Encode these values.
    Write(ArrowLeafColumn),
    /// Close the row group's chunk and send it; go on with the writer given,
    /// or stop when there is none.
    EndRowGroup(Option<ArrowColumnWriter>),
    /// Drop the writer unused (no rows came after the last row group) and stop.
    Stop,
}

/// One column's thread and its two channels.
struct ColumnThread {
    messages: SyncSender<Message>,
    chunks: Receiver<Result<ArrowColumnChunk, ParquetError>>,
    handle: JoinHandle<()>,
}

impl ColumnThread {
    fn spawn(writer: ArrowColumnWriter) -> std::io::Result<Self> {
        let (messages, inbox) = sync_channel(LEAVES_AHEAD);
        // A row group's chunk waits here until the caller appends it, one
        // row group later.
        let (outbox, chunks) = sync_channel(2);
        let handle = std::thread::Builder::new()
            .name("parquet-column".into())
            .spawn(move || encode_column(writer, inbox, outbox))?;
        Ok(ColumnThread {
            messages,
            chunks,
            handle,
        })
    }
}

/// A column thread's loop; an error is sent in place of the chunk and ends it.
fn encode_column(
    mut writer: ArrowColumnWriter,
    inbox: Receiver<Message>,
    outbox: SyncSender<Result<ArrowColumnChunk, ParquetError>>,
) {
    for message in inbox {
        match message {
            Message::Write(leaf) => {
                if let Err(error) = writer.write(&leaf) {
                    let _ = outbox.send(Err(error));
                    return;
                }
            }
            Message::EndRowGroup(Some(next)) => {
                let chunk = std::mem::replace(&mut writer, next).close();
                let failed = chunk.is_err();
                if outbox.send(chunk).is_err() || failed {
                    return;
                }
            }
            Message::EndRowGroup(None) => {
                let _ = outbox.send(writer.close());
                return;
            }
            Message::Stop => return,
        }
    }
}

/// A Parquet file whose columns are encoded in parallel, row group by row group.
pub(crate) struct ParallelParquet {
    path: PathBuf,
    schema: SchemaRef,
    file: SerializedFileWriter<File>,
    factory: ArrowRowGroupWriterFactory,
    columns: Vec<ColumnThread>,
    /// Row groups started (the one being fed included).
    row_groups: usize,
    /// Rows handed over for the row group being fed.
    rows: usize,
    /// Row groups ended whose chunks are not yet in the file.
    pending: usize,
    row_group_rows: usize,
}

impl ParallelParquet {
    /// Creates `path` for rows of `schema` written with `properties`, in row
    /// groups of `row_group_rows` (a multiple of every batch's rows but the
    /// last).
    pub fn create(
        path: &Path,
        schema: SchemaRef,
        properties: WriterProperties,
        row_group_rows: usize,
    ) -> Result<Self> {
        let file = File::create(path).map_err(Error::io(path))?;
        let parquet = |source| Error::Parquet {
            path: path.to_owned(),
            source,
        };
        // ArrowWriter gives the file writer with the Arrow schema in its
        // metadata, as a reader expects it.
        let (file, factory) = ArrowWriter::try_new(file, schema.clone(), Some(properties))
            .and_then(ArrowWriter::into_serialized_writer)
            .map_err(parquet)?;
        let columns = factory
            .create_column_writers(0)
            .map_err(parquet)?
            .into_iter()
            .map(ColumnThread::spawn)
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(Error::io(path))?;
        Ok(ParallelParquet {
            path: path.to_owned(),
            schema,
            file,
            factory,
            columns,
            row_groups: 1,
            rows: 0,
            pending: 0,
            row_group_rows,
        })
    }

    fn error(&self, source: ParquetError) -> Error {
        Error::Parquet {
            path: self.path.clone(),
            source,
        }
    }

    /// Hands `batch` to the column threads; ends the row group when full.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        let schema = self.schema.clone();
        let mut column = 0;
        for (field, array) in schema.fields().iter().zip(batch.columns()) {
            let leaves = compute_leaves(field, array).map_err(|e| self.error(e))?;
            for leaf in leaves {
                self.send(column, Message::Write(leaf))?;
                column += 1;
            }
        }
        self.rows += batch.num_rows();
        if self.rows >= self.row_group_rows {
            self.end_row_group(true)?;
        }
        Ok(())
    }

    /// Sends to column `column`; a thread that hung up sent its error first.
    fn send(&mut self, column: usize, message: Message) -> Result<()> {
        if self.columns[column].messages.send(message).is_ok() {
            return Ok(());
        }
        Err(self.take_chunk(column).err().unwrap_or_else(|| {
            self.error(ParquetError::General("a column encoder stopped".into()))
        }))
    }

    /// The next chunk of column `column`, or why there is none.
    fn take_chunk(&mut self, column: usize) -> Result<ArrowColumnChunk> {
        match self.columns[column].chunks.recv() {
            Ok(chunk) => chunk.map_err(|e| self.error(e)),
            Err(_) => Err(self.error(ParquetError::General(
                "a column encoder stopped without its chunk".into(),
            ))),
        }
    }

    /// Ends the row group being fed, starting another when `more` rows may
    /// come; appends the previous one to the file, so at most two are encoded
    /// at a time.
    fn end_row_group(&mut self, more: bool) -> Result<()> {
        let next = if more {
            let writers = self.factory.create_column_writers(self.row_groups);
            writers
                .map_err(|e| self.error(e))?
                .into_iter()
                .map(Some)
                .collect()
        } else {
            std::iter::repeat_with(|| None)
                .take(self.columns.len())
                .collect::<Vec<_>>()
        };
        for (column, writer) in next.into_iter().enumerate() {
            self.send(column, Message::EndRowGroup(writer))?;
        }
        self.row_groups += 1;
        self.rows = 0;
        self.pending += 1;
        if self.pending > 1 {
            self.append_row_group()?;
        }
        Ok(())
    }

    /// Appends the oldest ended row group's chunks to the file.
    fn append_row_group(&mut self) -> Result<()> {
        let chunks = (0..self.columns.len())
            .map(|column| self.take_chunk(column))
            .collect::<Result<Vec<_>>>()?;
        let path = &self.path;
        let parquet = |source| Error::Parquet {
            path: path.clone(),
            source,
        };
        let mut row_group = self.file.next_row_group().map_err(parquet)?;
        for chunk in chunks {
            chunk.append_to_row_group(&mut row_group).map_err(parquet)?;
        }
        row_group.close().map_err(parquet)?;
        self.pending -= 1;
        Ok(())
    }

    /// Ends the last row group, appends what is left and writes the footer.
    pub fn close(mut self) -> Result<PathBuf> {
        if self.rows > 0 {
            self.end_row_group(false)?;
        } else {
            for column in 0..self.columns.len() {
                self.send(column, Message::Stop)?;
            }
        }
        while self.pending > 0 {
            self.append_row_group()?;
        }
        for column in std::mem::take(&mut self.columns) {
            drop(column.messages);
            if column.handle.join().is_err() {
                return Err(self.error(ParquetError::General("a column encoder panicked".into())));
            }
        }
        let ParallelParquet { file, path, .. } = self;
        match file.close() {
            Ok(_) => Ok(path),
            Err(source) => Err(Error::Parquet { path, source }),
        }
    }
}
