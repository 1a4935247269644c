//! Parquet encoded on one thread per column.
//!
//! Encoding and compressing is most of an export's work, and one
//! [`parquet::arrow::ArrowWriter`] does it on the caller's thread, which
//! then cannot build the next batch meanwhile. Here each column (leaf) has a
//! thread of its own with its own [`ArrowColumnWriter`]: the caller splits a
//! batch into leaves and hands them over through bounded channels, and at the
//! end of a row group each column thread closes its writer into a column
//! chunk and goes on with the next row group's writer. An appender thread
//! takes the chunks row group by row group, in column order, and appends
//! them to the file, so rows keep their order and a chunk leaves memory as
//! soon as the columns before it are written. The file is the one
//! [`parquet::arrow::ArrowWriter`] would write, byte for byte: same schema
//! (Arrow's included), properties and row groups.

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
/// slowest column (the text) while the caller builds the next one.
const LEAVES_AHEAD: usize = 1;

/// What a column thread is told.
enum Message {
    /// Encode these values.
    Write(ArrowLeafColumn),
    /// Close the row group's chunk and hand it to the appender; go on with
    /// the writer given, or stop when there is none.
    EndRowGroup(Option<Box<ArrowColumnWriter>>),
}

/// A column thread's loop. It ends when the caller hangs up, after the last
/// row group, or when the appender has (it failed: its error is the one to
/// report); a failure of its own is its result.
fn encode_column(
    mut writer: ArrowColumnWriter,
    inbox: Receiver<Message>,
    outbox: SyncSender<ArrowColumnChunk>,
) -> Result<(), ParquetError> {
    for message in inbox {
        match message {
            Message::Write(leaf) => writer.write(&leaf)?,
            Message::EndRowGroup(Some(next)) => {
                let chunk = std::mem::replace(&mut writer, *next).close()?;
                if outbox.send(chunk).is_err() {
                    return Ok(());
                }
            }
            Message::EndRowGroup(None) => return send_last(writer, &outbox),
        }
    }
    Ok(())
}

fn send_last(
    writer: ArrowColumnWriter,
    outbox: &SyncSender<ArrowColumnChunk>,
) -> Result<(), ParquetError> {
    // A send fails only when the appender has failed, with its own error.
    let _ = outbox.send(writer.close()?);
    Ok(())
}

/// The appender's loop: a row group begins with the first column's chunk;
/// the first column hanging up between row groups ends the file.
fn append_row_groups(
    mut file: SerializedFileWriter<File>,
    chunks: Vec<Receiver<ArrowColumnChunk>>,
) -> Result<SerializedFileWriter<File>, ParquetError> {
    let Some((first, rest)) = chunks.split_first() else {
        return Ok(file);
    };
    while let Ok(chunk) = first.recv() {
        let mut row_group = file.next_row_group()?;
        chunk.append_to_row_group(&mut row_group)?;
        for column in rest {
            let chunk = column.recv().map_err(|_| {
                ParquetError::General("a column encoder stopped within a row group".into())
            })?;
            chunk.append_to_row_group(&mut row_group)?;
        }
        row_group.close()?;
    }
    Ok(file)
}

/// A column thread, giving its own failure.
type ColumnThread = JoinHandle<Result<(), ParquetError>>;

/// The appender thread, giving back the file writer.
type Appender = JoinHandle<Result<SerializedFileWriter<File>, ParquetError>>;

/// A Parquet file whose columns are encoded in parallel, row group by row group.
pub(crate) struct ParallelParquet {
    path: PathBuf,
    schema: SchemaRef,
    factory: ArrowRowGroupWriterFactory,
    /// Each column thread's inbox and handle.
    columns: Vec<(SyncSender<Message>, ColumnThread)>,
    /// The appender, until a failure has joined it.
    appender: Option<Appender>,
    /// Row groups started (the one being fed included).
    row_groups: usize,
    /// Rows handed over for the row group being fed.
    rows: usize,
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
        // metadata, as readers expect it.
        let (file, factory) = ArrowWriter::try_new(file, schema.clone(), Some(properties))
            .and_then(ArrowWriter::into_serialized_writer)
            .map_err(parquet)?;
        let mut columns = Vec::new();
        let mut chunks = Vec::new();
        for writer in factory.create_column_writers(0).map_err(parquet)? {
            let (messages, inbox) = sync_channel(LEAVES_AHEAD);
            // One chunk waits while the appender writes the columns before.
            let (outbox, chunk) = sync_channel(0);
            let handle = spawn("parquet-column", move || {
                encode_column(writer, inbox, outbox)
            })
            .map_err(Error::io(path))?;
            columns.push((messages, handle));
            chunks.push(chunk);
        }
        let appender = spawn("parquet-append", move || append_row_groups(file, chunks))
            .map_err(Error::io(path))?;
        Ok(ParallelParquet {
            path: path.to_owned(),
            schema,
            factory,
            columns,
            appender: Some(appender),
            row_groups: 1,
            rows: 0,
            row_group_rows,
        })
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
            let writers = self.factory.create_column_writers(self.row_groups);
            let writers = writers.map_err(|e| self.error(e))?;
            for (column, writer) in writers.into_iter().enumerate() {
                self.send(column, Message::EndRowGroup(Some(Box::new(writer))))?;
            }
            self.row_groups += 1;
            self.rows = 0;
        }
        Ok(())
    }

    /// Ends the last row group, waits for the threads and writes the footer.
    pub fn close(self) -> Result<PathBuf> {
        let ParallelParquet {
            path,
            columns,
            appender,
            rows,
            ..
        } = self;
        let parquet = |source| Error::Parquet {
            path: path.clone(),
            source,
        };
        // With no rows since the last row group, the threads just stop.
        let mut handles = Vec::with_capacity(columns.len());
        for (messages, handle) in columns {
            if rows > 0 {
                let _ = messages.send(Message::EndRowGroup(None));
            }
            handles.push(handle);
        }
        let file = join_all(handles, appender).map_err(parquet)?;
        file.close().map_err(parquet)?;
        Ok(path)
    }

    /// Sends to column `column`; when its thread has stopped, something
    /// failed, and the error is what the threads give when joined.
    fn send(&mut self, column: usize, message: Message) -> Result<()> {
        if self.columns[column].0.send(message).is_ok() {
            return Ok(());
        }
        let (inboxes, handles): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.columns).into_iter().unzip();
        drop(inboxes);
        let appender = self.appender.take();
        let error = match join_all(handles, appender) {
            Err(source) => source,
            Ok(_) => ParquetError::General("a column encoder stopped".into()),
        };
        Err(self.error(error))
    }

    fn error(&self, source: ParquetError) -> Error {
        Error::Parquet {
            path: self.path.clone(),
            source,
        }
    }
}

/// Waits for the column threads, then the appender: a column's failure
/// comes first, as the appender only sees the column stop.
fn join_all(
    columns: Vec<ColumnThread>,
    appender: Option<Appender>,
) -> Result<SerializedFileWriter<File>, ParquetError> {
    let panicked = || ParquetError::General("a Parquet encoding thread panicked".into());
    let mut failure = None;
    for handle in columns {
        match handle.join() {
            Ok(Ok(())) => {}
            Ok(Err(error)) => failure = failure.or(Some(error)),
            Err(_) => failure = failure.or_else(|| Some(panicked())),
        }
    }
    let file = match appender {
        Some(appender) => appender.join().map_err(|_| panicked())?,
        None => Err(ParquetError::General(
            "the file was left after a failure".into(),
        )),
    };
    match failure {
        Some(error) => Err(error),
        None => file,
    }
}

fn spawn<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<JoinHandle<T>> {
    std::thread::Builder::new().name(name.into()).spawn(work)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringBuilder};
    use arrow_array::{ArrayRef, UInt64Array};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::basic::Compression;

    use super::*;

    fn schema() -> SchemaRef {
        let list = DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)));
        Arc::new(Schema::new(vec![
            Field::new("n", DataType::UInt64, false),
            Field::new("names", list, false),
        ]))
    }

    /// Rows `from..to`: a number and a list of 0 to 2 names.
    fn batch(from: u64, to: u64) -> RecordBatch {
        let mut names = ListBuilder::new(StringBuilder::new());
        for n in from..to {
            for k in 0..n % 3 {
                names.values().append_value(format!("name {n} {k}"));
            }
            names.append(true);
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(UInt64Array::from_iter_values(from..to)),
            Arc::new(names.finish()),
        ];
        RecordBatch::try_new(schema(), columns).unwrap()
    }

    fn properties() -> WriterProperties {
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(100))
            .build()
    }

    /// The file ArrowWriter and ParallelParquet write for batches of 50 rows.
    fn both(rows: u64) -> (Vec<u8>, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let (serial, parallel) = (dir.path().join("a"), dir.path().join("b"));
        let file = File::create(&serial).unwrap();
        let mut writer = ArrowWriter::try_new(file, schema(), Some(properties())).unwrap();
        let mut encoder = ParallelParquet::create(&parallel, schema(), properties(), 100).unwrap();
        for from in (0..rows).step_by(50) {
            let batch = batch(from, rows.min(from + 50));
            writer.write(&batch).unwrap();
            encoder.write(&batch).unwrap();
        }
        writer.close().unwrap();
        assert_eq!(encoder.close().unwrap(), parallel);
        (
            std::fs::read(serial).unwrap(),
            std::fs::read(parallel).unwrap(),
        )
    }

    #[test]
    fn writes_the_file_arrow_writer_writes() {
        // Full row groups, a short last one, exactly full ones, none.
        for rows in [320, 300, 0] {
            let (serial, parallel) = both(rows);
            assert_eq!(serial, parallel, "{rows} rows");
        }
    }

    #[test]
    fn rows_keep_their_order_across_row_groups() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::RowAccessor;
        let (_, parallel) = both(320);
        let file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut &file, &parallel).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let groups: Vec<i64> = (0..reader.num_row_groups())
            .map(|i| reader.metadata().row_group(i).num_rows())
            .collect();
        assert_eq!(groups, [100, 100, 100, 20]);
        let numbers: Vec<u64> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|row| row.unwrap().get_ulong(0).unwrap())
            .collect();
        assert_eq!(numbers, (0..320).collect::<Vec<_>>());
    }

    #[test]
    fn a_file_that_cannot_be_created_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("x.parquet");
        let error = ParallelParquet::create(&path, schema(), properties(), 100)
            .err()
            .unwrap();
        assert!(error.to_string().contains("x.parquet"), "{error}");
    }
}
