//! Compressed input: `.gz` and `.zst` files are decompressed as they stream in,
//! and the format is chosen by the extension under the compression suffix
//! (`dump.jsonl.gz` is JSON Lines).
//!
//! This module owns recognising the suffix and opening the decompressing
//! stream. It also counts the raw bytes read from disk and hashes them, so
//! progress can be reported against file sizes and the manifest learns each
//! file's hash without a second read, and words the problem of a stream
//! that breaks off ([`damage`]). It does not parse anything.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use xxhash_rust::xxh3::Xxh3;

/// How a file's bytes are compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Plain bytes.
    None,
    /// gzip (`.gz`), single or multi-member.
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
}

impl Compression {
    /// The compression of `path` by its last extension, and the file name
    /// without that suffix (whose own extension gives the format).
    pub fn split(path: &Path) -> (Compression, &str) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some((stem, extension)) = name.rsplit_once('.') else {
            return (Compression::None, name);
        };
        if extension.eq_ignore_ascii_case("gz") {
            (Compression::Gzip, stem)
        } else if extension.eq_ignore_ascii_case("zst") {
            (Compression::Zstd, stem)
        } else {
            (Compression::None, name)
        }
    }
}

impl Compression {
    /// The compression's name, for messages; `None` for plain bytes.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Compression::None => None,
            Compression::Gzip => Some("gzip"),
            Compression::Zstd => Some("zstd"),
        }
    }
}

/// What of a file was kept when its stream broke off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Salvage {
    /// This many complete lines of a JSON Lines file, handed on to be indexed.
    Lines(u64),
    /// A whole-file format, read in part: nothing is indexed, since a cut
    /// text would be indexed as if whole.
    Nothing,
    /// A `.json` file whose data before the break parses whole: it is indexed.
    Whole,
    /// A file read record by record (CSV, TSV): the records before the
    /// break were handed on to be indexed.
    Records,
}

/// The reason given when a file's stream broke off with `error` (truncated
/// or corrupt compressed data, or a failed read), saying where and what of
/// the file was still indexed.
pub fn damage(compression: Compression, error: &io::Error, salvage: Salvage) -> String {
    let (what, cause) = match compression.name() {
        None => ("reading failed", error.to_string()),
        Some(name) if error.kind() == io::ErrorKind::UnexpectedEof => {
            ("compressed data ends early", format!("{name}: {error}"))
        }
        Some(name) => ("compressed data is corrupt", format!("{name}: {error}")),
    };
    match salvage {
        Salvage::Lines(0) => {
            format!("{what} before the first complete line ({cause}); nothing was indexed")
        }
        Salvage::Lines(n) => format!("{what} after line {n} ({cause}); lines 1-{n} were indexed"),
        Salvage::Nothing => format!("{what} ({cause}); the file was not indexed"),
        Salvage::Whole => {
            format!("{what} ({cause}); the JSON before it is complete and was indexed")
        }
        Salvage::Records => format!("{what} ({cause}); the records before it were indexed"),
    }
}

/// Reads a file's raw bytes, hashing them and adding their count to a shared
/// progress counter as they pass.
pub struct Tap<'a> {
    file: File,
    hasher: Xxh3,
    bytes_read: &'a AtomicU64,
}

impl Read for Tap<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A file opened for reading, decompressed when it has a compression suffix.
pub struct Source<'a> {
    reader: Box<dyn BufRead + 'a>,
}

/// Raw-side buffer: large reads keep syscalls rare on multi-gigabyte dumps.
const BUFFER: usize = 1 << 20;

impl<'a> Source<'a> {
    /// Opens `path`, counting its raw bytes into `bytes_read`.
    pub fn open(
        path: &Path,
        compression: Compression,
        bytes_read: &'a AtomicU64,
    ) -> io::Result<(Source<'a>, TapHandle)> {
        let file = File::open(path)?;
        // A small file gets a small buffer: a page read whole needs no
        // megabyte of it, and allocating one per page costs more than the read.
        let raw = file.metadata().map_or(BUFFER, |m| {
            BUFFER.min((m.len() as usize).saturating_add(1).max(8 << 10))
        });
        let tap = Tap {
            file,
            hasher: Xxh3::new(),
            bytes_read,
        };
        let shared = TapHandle::default();
        let tap = SharedTap {
            tap,
            done: shared.clone(),
        };
        let reader: Box<dyn BufRead + 'a> = match compression {
            Compression::None => Box::new(BufReader::with_capacity(raw, tap)),
            Compression::Gzip => Box::new(BufReader::with_capacity(
                BUFFER,
                flate2::read::MultiGzDecoder::new(BufReader::with_capacity(raw, tap)),
            )),
            Compression::Zstd => Box::new(BufReader::with_capacity(
                BUFFER,
                zstd::stream::read::Decoder::with_buffer(BufReader::with_capacity(raw, tap))?,
            )),
        };
        Ok((Source { reader }, shared))
    }

    /// The decompressed text stream.
    pub fn reader(&mut self) -> &mut dyn BufRead {
        &mut self.reader
    }
}

impl Drop for Source<'_> {
    fn drop(&mut self) {
        // Drain what the decompressor left unread (trailing padding) so the
        // hash covers the whole file; a read error here only costs a re-read.
        let _ = io::copy(&mut self.reader, &mut io::sink());
    }
}

/// The raw-byte hash of a [`Source`], available once the source is dropped.
#[derive(Clone, Default)]
pub struct TapHandle(std::sync::Arc<std::sync::Mutex<Option<u128>>>);

impl TapHandle {
    /// The xxh3-128 hash of the file's raw bytes, once it was read to the end.
    pub fn hash(&self) -> Option<u128> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The tap, publishing its hash when the reader stack above it is dropped.
struct SharedTap<'a> {
    tap: Tap<'a>,
    done: TapHandle,
}

impl Read for SharedTap<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.tap.read(buf)
    }
}

impl Drop for SharedTap<'_> {
    fn drop(&mut self) {
        // Hash only what was read to the end: a read cut short by an error
        // must not be remembered as the file's content.
        let mut rest = [0u8; 1];
        if matches!(self.tap.file.read(&mut rest), Ok(0)) {
            *self.done.0.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(self.tap.hasher.digest128());
        }
    }
}

/// The xxh3-128 hash of a whole file, read in large blocks.
pub fn hash_file(path: &Path) -> io::Result<u128> {
    let mut file = File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0u8; BUFFER];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(hasher.digest128());
        }
        hasher.update(&buffer[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn suffixes_name_the_compression_and_leave_the_format() {
        assert_eq!(
            Compression::split(Path::new("a/dump.jsonl.gz")),
            (Compression::Gzip, "dump.jsonl")
        );
        assert_eq!(
            Compression::split(Path::new("dump.JSON.ZST")),
            (Compression::Zstd, "dump.JSON")
        );
        assert_eq!(
            Compression::split(Path::new("a.txt")),
            (Compression::None, "a.txt")
        );
        assert_eq!(
            Compression::split(Path::new("README")),
            (Compression::None, "README")
        );
    }

    fn read_all(path: &Path, compression: Compression) -> (String, Option<u128>, u64) {
        let counter = AtomicU64::new(0);
        let (mut source, handle) = Source::open(path, compression, &counter).unwrap();
        let mut text = String::new();
        source.reader().read_to_string(&mut text).unwrap();
        drop(source);
        (text, handle.hash(), counter.load(Ordering::Relaxed))
    }

    #[test]
    fn gzip_zstd_and_plain_read_the_same_and_hash_the_raw_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let text = "{\"title\": \"A\"}\n{\"title\": \"B\"}\n".repeat(1000);
        let plain = dir.path().join("d.jsonl");
        std::fs::write(&plain, &text).unwrap();
        let gz = dir.path().join("d.jsonl.gz");
        let mut encoder =
            flate2::write::GzEncoder::new(File::create(&gz).unwrap(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap();
        let zst = dir.path().join("d.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(text.as_bytes(), 1).unwrap()).unwrap();

        for (path, compression) in [
            (&plain, Compression::None),
            (&gz, Compression::Gzip),
            (&zst, Compression::Zstd),
        ] {
            let (read, hash, counted) = read_all(path, compression);
            assert_eq!(read, text);
            assert_eq!(hash, Some(hash_file(path).unwrap()));
            assert_eq!(counted, std::fs::metadata(path).unwrap().len());
        }
    }

    #[test]
    fn a_corrupt_stream_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.jsonl.gz");
        std::fs::write(&bad, b"not gzip at all").unwrap();
        let counter = AtomicU64::new(0);
        let (mut source, handle) = Source::open(&bad, Compression::Gzip, &counter).unwrap();
        let mut text = String::new();
        assert!(source.reader().read_to_string(&mut text).is_err());
        drop(source);
        let _ = handle.hash();
    }
}
