//! NDJSON files of bounded size in a directory (`bulk-0001.ndjson`, ...):
//! `_bulk` requests and Quickwit ingests are limited in size, so a large
//! archive is cut into files each sent in one request.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Numbered NDJSON files, each at most `max_bytes` (an entry is never split).
pub(crate) struct BulkFiles {
    dir: PathBuf,
    prefix: &'static str,
    max_bytes: u64,
    current: Option<(BufWriter<File>, u64)>,
    files: Vec<PathBuf>,
    entry: Vec<u8>,
}

impl BulkFiles {
    /// Files `DIR/PREFIX-NNNN.ndjson`, created as entries come.
    pub fn new(dir: &Path, prefix: &'static str, max_bytes: u64) -> Self {
        BulkFiles {
            dir: dir.to_owned(),
            prefix,
            max_bytes,
            current: None,
            files: Vec::new(),
            entry: Vec::new(),
        }
    }

    /// Appends one entry: each of `lines` as JSON on its own line.
    pub fn write(&mut self, lines: &[&dyn erased::Json]) -> Result<()> {
        self.entry.clear();
        for line in lines {
            line.write_to(&mut self.entry)
                .map_err(|e| Error::io(&self.dir)(e.into()))?;
            self.entry.push(b'\n');
        }
        let size = self.entry.len() as u64;
        if self
            .current
            .as_ref()
            .is_some_and(|(_, written)| *written > 0 && written + size > self.max_bytes)
        {
            self.close_current()?;
        }
        if self.current.is_none() {
            let path = self.dir.join(format!(
                "{}-{:04}.ndjson",
                self.prefix,
                self.files.len() + 1
            ));
            let file = File::create(&path).map_err(Error::io(&path))?;
            self.files.push(path);
            self.current = Some((BufWriter::with_capacity(1 << 20, file), 0));
        }
        if let (Some((writer, written)), Some(path)) = (&mut self.current, self.files.last()) {
            writer.write_all(&self.entry).map_err(Error::io(path))?;
            *written += size;
        }
        Ok(())
    }

    fn close_current(&mut self) -> Result<()> {
        if let (Some((mut writer, _)), Some(path)) = (self.current.take(), self.files.last()) {
            writer.flush().map_err(Error::io(path))?;
        }
        Ok(())
    }

    /// Flushes the last file, giving every file written.
    pub fn finish(mut self) -> Result<Vec<PathBuf>> {
        self.close_current()?;
        Ok(self.files)
    }
}

/// Values written as JSON without naming their type.
pub(crate) mod erased {
    /// A value serialisable to JSON.
    pub trait Json {
        /// Appends its JSON to `out`.
        fn write_to(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
    }

    impl<T: serde::Serialize> Json for T {
        fn write_to(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer(out, self)
        }
    }
}

/// Creates `dir` (and parents); it may exist, but must not hold files of an
/// earlier export that this one would leave mixed in.
pub(crate) fn create_dir(dir: &Path, prefix: &str) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
    let entries = std::fs::read_dir(dir).map_err(Error::io(dir))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix) && name.ends_with(".ndjson") {
            return Err(Error::Usage(format!(
                "{} already holds {name} from an earlier export; give an empty or new directory",
                dir.display()
            )));
        }
    }
    Ok(())
}
