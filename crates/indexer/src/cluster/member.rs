//! A member of a day's band tables ([`Member`]) and its fixed-size record
//! on disk, shared by the days in memory ([`super::days`]) and the state
//! file ([`super::store`]), so neither needs the other's internals.

use super::sketch::{Sketch, BANDS, BINS};

/// An article in a day's band tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// Its cluster.
    pub cluster: u64,
    /// Its sketch.
    pub sketch: Sketch,
    /// Its position among the articles clustering remembers.
    pub seq: u32,
}

/// Bytes of a band table member on disk.
pub const MEMBER_BYTES: usize = 4 + 8 + BINS + BANDS * 4;
/// Where some of a day's members lie in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    /// Byte offset of the first.
    pub offset: u64,
    /// Members.
    pub count: u32,
}

/// Appends a member's record, with `seq` as its position.
pub fn encode_member(member: &Member, seq: u32, out: &mut Vec<u8>) {
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&member.cluster.to_le_bytes());
    out.extend_from_slice(&member.sketch.bins);
    for band in &member.sketch.bands {
        out.extend_from_slice(&band.to_le_bytes());
    }
}

/// Reads a member's record ([`MEMBER_BYTES`] long).
pub fn decode_member(record: &[u8]) -> Member {
    let mut bins = [0u8; BINS];
    bins.copy_from_slice(&record[12..12 + BINS]);
    let mut bands = [0u32; BANDS];
    for (i, band) in bands.iter_mut().enumerate() {
        *band = u32_at(record, 12 + BINS + i * 4);
    }
    Member {
        seq: u32_at(record, 0),
        cluster: u64_at(record, 4),
        sketch: Sketch { bins, bands },
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}
