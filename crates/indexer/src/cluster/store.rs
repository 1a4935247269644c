//! The clustering state on disk: `news-clusters.bin` in the archive directory,
//! beside the manifest.
//!
//! Little-endian binary, in four sections after a header (the magic
//! `NEWSCLU4`, the commit token it belongs to, the section sizes, and an
//! xxh3-64 checksum of every other byte of the file):
//!
//! | section | record | bytes |
//! |---|---|---:|
//! | articles | id hash, content hash, origin | 20 |
//! | skipped duplicates | content hash, origin | 12 |
//! | band table members, grouped by day | position, cluster, sketch bins, band keys | 108 |
//! | day directory | day, member count, offset | 16 |
//!
//! Loading reads the articles and skipped duplicates into memory and only the
//! directory of the rest: a day's members are read when an article of that day
//! (or the next or previous) is clustered ([`super::days`]). Loading checks the
//! token against the manifest's, so a state file from another commit is never
//! trusted, and checks the checksum and that every section fits the file, so
//! a damaged one is refused at once rather than failing in the middle of a
//! run or, worse, clustering against garbage. Files of the previous format
//! (`NEWSCLU3`, the same without the checksum) are still read, unverified;
//! the next commit writes the new format. A file that starts with neither
//! magic is damaged, not "another commit's".

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::member::{Extent, MEMBER_BYTES};
use super::{Article, Chunked, Skipped};

/// File name of the state in the archive directory.
pub const FILE_NAME: &str = "news-clusters.bin";

const MAGIC: &[u8; 8] = b"NEWSCLU4";
/// The previous format: no checksum, a header one word shorter.
const MAGIC_UNSUMMED: &[u8; 8] = b"NEWSCLU3";
const HEADER_BYTES: u64 = 8 * 7;
/// Where the checksum lies in the header (the last word).
const CHECKSUM_AT: u64 = 8 * 6;
const ARTICLE_BYTES: usize = 8 + 8 + 4;
const SKIPPED_BYTES: usize = 8 + 4;
const DAY_BYTES: usize = 4 + 4 + 8;

/// A state file as loaded: what lives in memory, and the file itself with
/// the extent of each day's members in it, to be read on demand.
pub struct Stored {
    /// Every article remembered, by position.
    pub articles: Chunked<Article>,
    /// Exact duplicates that were not indexed.
    pub skipped: Vec<Skipped>,
    /// The open file.
    pub file: File,
    /// Each day's members in `file`.
    pub days: Vec<(i32, Extent)>,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

/// Writes a state to `path`, tagged with `token`: the living `articles`
/// (renumbered in order, the dead dropped), `skipped`, and the members
/// `write_members` writes into the stream it is given under the new positions
/// (it returns each day written and its member count).
pub fn write(
    path: &Path,
    token: u64,
    articles: &Chunked<Article>,
    alive: impl Fn(&Article) -> bool,
    skipped: &[Skipped],
    write_members: impl FnOnce(
        &mut BufWriter<File>,
        &dyn Fn(u32) -> Option<u32>,
    ) -> io::Result<Vec<(i32, u32)>>,
) -> io::Result<()> {
    let file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    out.write_all(&[0u8; HEADER_BYTES as usize])?;
    // New positions: each living article's rank among the living.
    let mut renumbered = Vec::with_capacity(articles.len());
    let mut living = 0u32;
    for article in articles.iter() {
        if alive(article) {
            renumbered.push(living);
            living += 1;
            out.write_all(&{ article.id }.to_le_bytes())?;
            out.write_all(&{ article.content }.to_le_bytes())?;
            out.write_all(&{ article.origin }.to_le_bytes())?;
        } else {
            renumbered.push(u32::MAX);
        }
    }
    for skip in skipped {
        out.write_all(&skip.content.to_le_bytes())?;
        out.write_all(&skip.origin.to_le_bytes())?;
    }
    let renumber = |seq: u32| {
        renumbered
            .get(seq as usize)
            .copied()
            .filter(|n| *n != u32::MAX)
    };
    let days = write_members(&mut out, &renumber)?;
    let members_start = HEADER_BYTES
        + u64::from(living) * ARTICLE_BYTES as u64
        + (skipped.len() * SKIPPED_BYTES) as u64;
    let mut offset = members_start;
    for (day, count) in &days {
        out.write_all(&day.to_le_bytes())?;
        out.write_all(&count.to_le_bytes())?;
        out.write_all(&offset.to_le_bytes())?;
        offset += u64::from(*count) * MEMBER_BYTES as u64;
    }
    out.seek(SeekFrom::Start(0))?;
    out.write_all(MAGIC)?;
    for word in [
        token,
        u64::from(living),
        skipped.len() as u64,
        days.len() as u64,
        offset,
    ] {
        out.write_all(&word.to_le_bytes())?;
    }
    let mut file = out.into_inner().map_err(|e| e.into_error())?;
    let sum = checksum(&mut file, HEADER_BYTES)?;
    file.seek(SeekFrom::Start(CHECKSUM_AT))?;
    file.write_all(&sum.to_le_bytes())?;
    file.sync_all()
}

/// xxh3-64 of every byte of `file` except the checksum word, for a header
/// of `header_bytes`.
fn checksum(file: &mut File, header_bytes: u64) -> io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut input = BufReader::with_capacity(1 << 20, &*file);
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut header = vec![0u8; header_bytes as usize];
    input.read_exact(&mut header)?;
    hasher.update(&header[..CHECKSUM_AT as usize]);
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = input.read(&mut buffer)?;
        if read == 0 {
            return Ok(hasher.digest());
        }
        hasher.update(&buffer[..read]);
    }
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("damaged {what}"))
}

/// Reads the header and checks the checksum of the whole file; `None` when
/// it belongs to another commit than `token`. The header and its length.
fn read_header(
    file: &mut File,
    token: u64,
) -> io::Result<Option<([u8; HEADER_BYTES as usize], u64)>> {
    let mut header = [0u8; HEADER_BYTES as usize];
    file.read_exact(&mut header[..8])
        .map_err(|_| damaged("header"))?;
    let header_bytes = match &header[..8] {
        magic if magic == MAGIC => HEADER_BYTES,
        magic if magic == MAGIC_UNSUMMED => CHECKSUM_AT,
        _ => return Err(damaged("header (not a clustering state)")),
    };
    file.read_exact(&mut header[8..header_bytes as usize])
        .map_err(|_| damaged("header"))?;
    if u64_at(&header, 8) != token {
        return Ok(None);
    }
    if header_bytes == HEADER_BYTES && checksum(file, header_bytes)? != u64_at(&header, 48) {
        return Err(damaged("contents (checksum mismatch)"));
    }
    file.seek(SeekFrom::Start(header_bytes))?;
    Ok(Some((header, header_bytes)))
}

/// Reads the state stored at `path` if it belongs to `token`; `Ok(None)` when
/// there is no file or it belongs to another commit, an error when it is
/// damaged.
pub fn read(path: &Path, token: u64) -> io::Result<Option<Stored>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut file = file;
    let length = file.metadata()?.len();
    let Some((header, header_bytes)) = read_header(&mut file, token)? else {
        return Ok(None);
    };
    let mut input = BufReader::with_capacity(1 << 20, file);
    let (article_count, skipped_count, day_count, directory) = (
        u64_at(&header, 16),
        u64_at(&header, 24),
        u64_at(&header, 32),
        u64_at(&header, 40),
    );
    let members_start = article_count
        .checked_mul(ARTICLE_BYTES as u64)
        .and_then(|a| a.checked_add(skipped_count.checked_mul(SKIPPED_BYTES as u64)?))
        .and_then(|a| a.checked_add(header_bytes))
        .filter(|start| *start <= directory)
        .ok_or_else(|| damaged("section sizes"))?;
    if day_count
        .checked_mul(DAY_BYTES as u64)
        .and_then(|d| d.checked_add(directory))
        != Some(length)
        || article_count > u64::from(u32::MAX)
    {
        return Err(damaged("section sizes"));
    }

    let mut articles = Chunked::default();
    let mut record = [0u8; ARTICLE_BYTES];
    for _ in 0..article_count {
        input.read_exact(&mut record)?;
        articles.push(Article {
            id: u64_at(&record, 0),
            content: u64_at(&record, 8),
            origin: u32_at(&record, 16),
        });
    }
    let mut skipped = Vec::with_capacity(usize::try_from(skipped_count).unwrap_or(0).min(1 << 24));
    let mut pair = [0u8; SKIPPED_BYTES];
    for _ in 0..skipped_count {
        input.read_exact(&mut pair)?;
        skipped.push(Skipped {
            content: u64_at(&pair, 0),
            origin: u32_at(&pair, 8),
        });
    }

    input.seek(SeekFrom::Start(directory))?;
    let mut days = Vec::with_capacity(usize::try_from(day_count).unwrap_or(0).min(1 << 24));
    let mut entry = [0u8; DAY_BYTES];
    let mut expected = members_start;
    for _ in 0..day_count {
        input.read_exact(&mut entry)?;
        let extent = Extent {
            offset: u64_at(&entry, 8),
            count: u32_at(&entry, 4),
        };
        // Days follow each other without gaps up to the directory.
        if extent.offset != expected {
            return Err(damaged("day directory"));
        }
        expected += u64::from(extent.count) * MEMBER_BYTES as u64;
        days.push((u32_at(&entry, 0) as i32, extent));
    }
    if expected != directory {
        return Err(damaged("day directory"));
    }
    Ok(Some(Stored {
        articles,
        skipped,
        file: input.into_inner(),
        days,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{sketch, Clusters};
    use std::collections::HashSet;

    #[test]
    fn state_round_trips_and_other_tokens_and_damage_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let long = |n: u32| {
            (1..=40)
                .map(|w| format!("w{}", w * n))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut clusters = Clusters::new();
        for (id, text, day) in [
            ("a", long(1), Some(10)),
            ("b", long(2), Some(12)),
            ("c", long(3), None),
            ("d", "short".to_owned(), Some(10)),
            ("e", "SHORT".to_owned(), Some(11)),
        ] {
            let signature = sketch::signature(id, "", &text, day.map(|d: i64| d * 86_400));
            clusters.assign(&signature, 4).unwrap();
        }
        clusters.write(&path, 42).unwrap();
        let stored = read(&path, 42).unwrap().unwrap();
        assert_eq!(stored.articles.len(), 4);
        assert_eq!(
            stored.skipped,
            [Skipped {
                content: sketch::signature("e", "", "SHORT", None).content,
                origin: 4
            }]
        );
        let days: Vec<(i32, u32)> = stored.days.iter().map(|(d, e)| (*d, e.count)).collect();
        assert_eq!(days, [(super::super::days::UNDATED, 1), (10, 1), (12, 1)]);
        let reopened = Clusters::open(dir.path(), 1 << 20, Some(stored), &HashSet::new());
        assert_eq!(reopened.len(), 4);

        assert!(read(&path, 43).unwrap().is_none());
        assert!(read(&dir.path().join("none"), 42).unwrap().is_none());
        let bytes = std::fs::read(&path).unwrap();
        let mut flipped = bytes.clone();
        flipped[HEADER_BYTES as usize + 3] ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert!(read(&path, 42).is_err(), "a changed byte is damage");
        std::fs::write(&path, vec![b'x'; bytes.len()]).unwrap();
        assert!(
            read(&path, 42).is_err(),
            "garbage is damage, not another commit's"
        );
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(read(&path, 42).is_err());
        std::fs::write(&path, &bytes[..20]).unwrap();
        assert!(read(&path, 42).is_err());
    }
}
