//! The clustering state on disk: `news-clusters.bin` in the archive directory,
//! beside the manifest.
//!
//! Little-endian binary: the magic `NEWSCLU2`, the commit token it belongs to,
//! the number of entries and of skipped duplicates, then fixed-size records.
//! Loading checks the token against the manifest's, so a state file from
//! another commit is never trusted.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;

use super::sketch::{Sketch, BANDS, BINS};
use super::{Skipped, Slot};

/// File name of the state in the archive directory.
pub const FILE_NAME: &str = "news-clusters.bin";

const MAGIC: &[u8; 8] = b"NEWSCLU2";
const SLOT_BYTES: usize = 8 + 8 + 8 + 4 + 4 + 1 + BANDS * 4 + BINS;
/// Stored for an undated article.
const NO_DAY: i32 = i32::MIN;

/// Writes the entries to `path`, tagged with `token`.
pub fn write(path: &Path, token: u64, slots: &[Slot], skipped: &[Skipped]) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    out.write_all(MAGIC)?;
    out.write_all(&token.to_le_bytes())?;
    out.write_all(&(slots.len() as u64).to_le_bytes())?;
    out.write_all(&(skipped.len() as u64).to_le_bytes())?;
    let mut record = [0u8; SLOT_BYTES];
    for slot in slots {
        record[0..8].copy_from_slice(&slot.id.to_le_bytes());
        record[8..16].copy_from_slice(&slot.content.to_le_bytes());
        record[16..24].copy_from_slice(&slot.cluster.to_le_bytes());
        record[24..28].copy_from_slice(&slot.origin.to_le_bytes());
        let sketch = slot.sketch.unwrap_or(Sketch {
            bins: [0; BINS],
            bands: [0; BANDS],
        });
        record[28..32].copy_from_slice(&slot.day.unwrap_or(NO_DAY).to_le_bytes());
        record[32] = u8::from(slot.sketch.is_some());
        for (i, band) in sketch.bands.iter().enumerate() {
            record[33 + i * 4..37 + i * 4].copy_from_slice(&band.to_le_bytes());
        }
        record[33 + BANDS * 4..].copy_from_slice(&sketch.bins);
        out.write_all(&record)?;
    }
    for skip in skipped {
        out.write_all(&skip.content.to_le_bytes())?;
        out.write_all(&skip.origin.to_le_bytes())?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Reads the entries stored at `path` if they belong to `token`; `Ok(None)`
/// when there is no file or it belongs to another commit.
pub fn read(path: &Path, token: u64) -> io::Result<Option<(Vec<Slot>, Vec<Skipped>)>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut header = [0u8; 32];
    input.read_exact(&mut header)?;
    let word = |i: usize| u64::from_le_bytes(header[i..i + 8].try_into().unwrap_or_default());
    if &header[0..8] != MAGIC || word(8) != token {
        return Ok(None);
    }
    let (slot_count, skipped_count) = (word(16), word(24));
    let mut slots = Vec::with_capacity(usize::try_from(slot_count).unwrap_or(0).min(1 << 28));
    let mut record = [0u8; SLOT_BYTES];
    for _ in 0..slot_count {
        input.read_exact(&mut record)?;
        let u64_at = |i: usize| u64::from_le_bytes(record[i..i + 8].try_into().unwrap_or_default());
        let mut bands = [0u32; BANDS];
        for (i, band) in bands.iter_mut().enumerate() {
            *band = u32::from_le_bytes(
                record[33 + i * 4..37 + i * 4]
                    .try_into()
                    .unwrap_or_default(),
            );
        }
        let mut bins = [0u8; BINS];
        bins.copy_from_slice(&record[33 + BANDS * 4..]);
        let day = i32::from_le_bytes(record[28..32].try_into().unwrap_or_default());
        slots.push(Slot {
            id: u64_at(0),
            content: u64_at(8),
            cluster: u64_at(16),
            origin: u32::from_le_bytes(record[24..28].try_into().unwrap_or_default()),
            day: (day != NO_DAY).then_some(day),
            sketch: (record[32] == 1).then_some(Sketch { bins, bands }),
        });
    }
    let mut skipped = Vec::new();
    let mut pair = [0u8; 12];
    for _ in 0..skipped_count {
        input.read_exact(&mut pair)?;
        skipped.push(Skipped {
            content: u64::from_le_bytes(pair[0..8].try_into().unwrap_or_default()),
            origin: u32::from_le_bytes(pair[8..12].try_into().unwrap_or_default()),
        });
    }
    Ok(Some((slots, skipped)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{Clusters, Signature};

    /// The undated signature, which is all these tests need.
    fn signature(id: &str, title: &str, body: &str) -> Signature {
        crate::cluster::sketch::signature(id, title, body, None)
    }

    #[test]
    fn entries_round_trip_and_other_tokens_are_refused() {
        let mut clusters = Clusters::new();
        clusters.assign(
            &signature(
                "a",
                "Title",
                &(1..=40).map(|n| format!("word{n} ")).collect::<String>(),
            ),
            4,
        );
        clusters.assign(&signature("b", "Short", ""), 5);
        clusters.assign(&signature("c", "short", ""), 6);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let (slots, skipped) = clusters.entries();
        write(&path, 42, slots, skipped).unwrap();
        let (read_slots, read_skipped) = read(&path, 42).unwrap().unwrap();
        assert_eq!(read_slots, slots);
        assert_eq!(read_skipped, skipped);
        assert!(read_slots[0].sketch.is_some() && read_slots[1].sketch.is_none());
        assert!(read(&path, 43).unwrap().is_none());
        assert!(read(&dir.path().join("none"), 42).unwrap().is_none());
    }
}
