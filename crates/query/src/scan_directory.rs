//! [`Archive::open_for_scan`]: the archive opened through a read-only tantivy
//! [`Directory`] that reads file ranges with positioned reads (`pread`) into
//! owned buffers instead of mapping the files.
//!
//! Why: a scan reads the whole doc store once. Through `MmapDirectory` every
//! page it touches stays mapped into the process until the archive is
//! closed, and touched mapped pages count in its resident memory: a Parquet
//! export of a million articles showed 1.1 GB of peak RSS of which only
//! 386 MB was its own. Read into owned buffers, a block of the doc store
//! lives as long as its decompressed copy is used, and the file's pages stay
//! in the kernel's page cache, shared and reclaimable, outside the process.
//!
//! Searches keep the mapped archive of [`Archive::open`]: they read small
//! parts of the files many times, where a mapping is the faster of the two.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::HasLen;

use crate::archive::Archive;
use crate::error::Result;

impl Archive {
    /// Opens the archive in `path` for [`Archive::scan`] over much of it:
    /// the same checks as [`Archive::open`] and the same answers, but files
    /// are read with positioned reads into buffers freed after use rather
    /// than mapped, so reading the whole doc store does not grow the
    /// process's resident memory by the archive's size. Searches are
    /// slower through it: use [`Archive::open`] for them.
    pub fn open_for_scan(path: impl AsRef<Path>) -> Result<Self> {
        Archive::open_through(path.as_ref(), ScanDirectory::open)
    }
}

/// A read-only directory: archive files are read with `pread`; `meta.json`,
/// locks and the watch for new commits go to an [`MmapDirectory`] of the
/// same path (they are small, or not file contents). Writing is refused.
#[derive(Clone, Debug)]
pub(crate) struct ScanDirectory {
    root: PathBuf,
    meta: MmapDirectory,
}

impl ScanDirectory {
    pub(crate) fn open(root: &Path) -> std::result::Result<Self, OpenDirectoryError> {
        Ok(ScanDirectory {
            root: root.to_owned(),
            meta: MmapDirectory::open(root)?,
        })
    }
}

fn read_only(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!(
            "{}: the archive is open read-only for a scan",
            path.display()
        ),
    )
}

impl Directory for ScanDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        let full = self.root.join(path);
        let file = File::open(&full).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_owned()),
            _ => OpenReadError::wrap_io_error(e, path.to_owned()),
        })?;
        let len = file
            .metadata()
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_owned()))?
            .len();
        Ok(Arc::new(PreadFile {
            file,
            path: full,
            len: usize::try_from(len).unwrap_or(usize::MAX),
        }))
    }

    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_owned(),
        })
    }

    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        self.meta.exists(path)
    }

    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::wrap_io_error(
            read_only(path),
            path.to_owned(),
        ))
    }

    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        self.meta.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(read_only(path))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> std::result::Result<DirectoryLock, LockError> {
        // tantivy's reader takes the meta lock while it loads a commit.
        self.meta.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.meta.watch(watch_callback)
    }
}

/// One archive file, read by range. The file stays open as long as a reader
/// holds it, so a merge deleting it meanwhile does not take its bytes away
/// (as a mapping would keep them).
#[derive(Debug)]
struct PreadFile {
    file: File,
    path: PathBuf,
    len: usize,
}

impl HasLen for PreadFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for PreadFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "{}: bytes {}..{} asked of a file of {} bytes",
                    self.path.display(),
                    range.start,
                    range.end,
                    self.len
                ),
            ));
        }
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let mut buffer = vec![0; range.len()];
        // A file cut short since it was opened ends here, as an error naming
        // it (a mapping would fault instead).
        self.file
            .read_exact_at(&mut buffer, range.start as u64)
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!(
                        "{}: reading bytes {}..{}: {e}",
                        self.path.display(),
                        range.start,
                        range.end
                    ),
                )
            })?;
        Ok(OwnedBytes::new(buffer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ranges_and_refuses_writes_and_ranges_past_the_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.bin"), b"0123456789").unwrap();
        let directory = ScanDirectory::open(dir.path()).unwrap();
        let handle = directory.get_file_handle(Path::new("a.bin")).unwrap();
        assert_eq!(handle.len(), 10);
        assert_eq!(handle.read_bytes(2..5).unwrap().as_slice(), b"234");
        assert!(handle.read_bytes(4..4).unwrap().is_empty());
        assert!(handle.read_bytes(8..11).is_err());
        // Cut short after the open: an error naming the file, not a fault.
        std::fs::write(dir.path().join("a.bin"), b"01").unwrap();
        let error = handle.read_bytes(2..5).unwrap_err().to_string();
        assert!(error.contains("a.bin"), "{error}");
        assert!(matches!(
            directory.get_file_handle(Path::new("missing")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
        assert!(directory.open_write(Path::new("b.bin")).is_err());
        assert!(directory.atomic_write(Path::new("b.bin"), b"x").is_err());
        assert!(directory.delete(Path::new("a.bin")).is_err());
        assert!(dir.path().join("a.bin").exists());
    }
}
