// Kept long (over 500 lines): the day tables, their spill file and reading them back share one invariant.
//! The LSH band tables, one partition per publication day, with a bounded
//! number of members in memory.
//!
//! Only articles at most [`MAX_DAYS_APART`] days apart can be the same story,
//! so an article's candidates are in its own day's partition and its
//! neighbours'; undated articles form one partition of their own and are
//! compared with each other only. Partitions stay in memory while they fit
//! the budget; beyond it, the least recently used are written to a spill file
//! in the archive directory and read back when an article of their day (or a
//! neighbouring one) comes. News mostly arrives in date order, so the few days
//! in use stay in memory; input in random date order costs a read of a few
//! kilobytes per article instead, and a partition read back is scanned rather
//! than indexed until it has answered `SCANS_BEFORE_INDEX` lookups.
//! Partitions of earlier runs are read on demand from the stored state
//! ([`super::store`]) the same way.
//!
//! Whether a partition is in memory never changes an answer: a band key's
//! candidate is always the earliest living member of the partition with that
//! key, however the partition was built.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;

use super::member::{decode_member, encode_member, Extent, Member, MEMBER_BYTES};
use super::partition::Partition;
use super::sketch::{Sketch, BANDS};
use super::{MAX_DAYS_APART, SIMILARITY};

/// Partition of undated articles.
pub const UNDATED: i32 = i32::MIN;

/// Memory one member takes in a partition: the member and its share of the
/// band index (8 positions at a load of 3/8 to 3/4).
pub const MEMBER_MEMORY: usize = std::mem::size_of::<Member>() + BANDS * 4 * 2;

/// Spill extents a day may have before its spilled members are written again
/// as one (so reading a day back costs a few reads, not one per eviction).
const MAX_SPILL_EXTENTS: usize = 8;

/// The most similar earlier article found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nearest {
    /// Its position among the remembered articles.
    pub seq: u32,
    /// Its cluster.
    pub cluster: u64,
    /// Estimated Jaccard similarity.
    pub similarity: f64,
}

/// The partition key of an article's day.
pub fn day_key(day: Option<i32>) -> i32 {
    day.unwrap_or(UNDATED)
}

/// The partitions an article of `day` is compared with.
fn window(day: i32) -> impl Iterator<Item = i32> {
    let span = if day == UNDATED { 0 } else { MAX_DAYS_APART };
    (-span..=span)
        .filter_map(move |offset| day.checked_add(offset).filter(|d| *d != UNDATED))
        .chain((day == UNDATED).then_some(UNDATED))
}

/// The band tables of every day: some partitions in memory, the others on disk.
pub struct Days {
    resident: HashMap<i32, Partition>,
    resident_members: usize,
    budget_members: usize,
    /// Where each day's members are on disk, for days that have any there.
    stored: HashMap<i32, Extents>,
    /// The stored state of earlier runs, read on demand.
    base: Option<File>,
    /// Where evicted partitions go; `None` keeps everything in memory.
    spill_path: Option<PathBuf>,
    spill: Option<File>,
    spill_len: u64,
    /// Bytes of the extent being read.
    scratch: Vec<u8>,
    clock: u64,
}

#[derive(Clone, Debug, Default)]
struct Extents {
    base: Option<Extent>,
    spill: Vec<Extent>,
}

impl Days {
    /// Tables kept wholly in memory.
    pub fn in_memory() -> Days {
        Days {
            resident: HashMap::new(),
            resident_members: 0,
            budget_members: usize::MAX,
            stored: HashMap::new(),
            base: None,
            spill_path: None,
            spill: None,
            spill_len: 0,
            scratch: Vec::new(),
            clock: 0,
        }
    }

    /// Tables holding about `budget` bytes in memory, spilling the rest to
    /// `spill_path` (created when first needed, removed when dropped), on top
    /// of the stored partitions `base` (the state file and each day's extent).
    pub fn bounded(
        budget: usize,
        spill_path: PathBuf,
        base: Option<(File, Vec<(i32, Extent)>)>,
    ) -> Days {
        let mut days = Days::in_memory();
        days.budget_members = (budget / MEMBER_MEMORY).max(1);
        days.spill_path = Some(spill_path);
        if let Some((file, extents)) = base {
            for (day, extent) in extents {
                days.stored.entry(day).or_default().base = Some(extent);
            }
            days.base = Some(file);
        }
        days
    }

    /// Members in memory now.
    pub fn resident_members(&self) -> usize {
        self.resident_members
    }

    /// Bytes of memory the partitions in memory take, about.
    pub fn memory(&self) -> usize {
        self.resident
            .values()
            .map(|p| p.members.capacity() * std::mem::size_of::<Member>() + p.index.bytes())
            .sum()
    }

    /// The most similar living member at or above [`SIMILARITY`] among the
    /// partitions an article of `day` is compared with; ties go to the earliest.
    pub fn nearest(
        &mut self,
        sketch: &Sketch,
        day: Option<i32>,
        alive: &impl Fn(u32) -> bool,
    ) -> io::Result<Option<Nearest>> {
        self.clock += 1;
        let mut best: Option<Nearest> = None;
        let mut seen = [u32::MAX; 3 * BANDS];
        let mut seen_len = 0;
        for day in window(day_key(day)) {
            let clock = self.clock;
            let Some(partition) = self.partition(day)? else {
                continue;
            };
            partition.used = clock;
            for m in partition.candidates(sketch, alive).into_iter().flatten() {
                let member = &partition.members[m];
                if seen[..seen_len].contains(&member.seq) {
                    continue;
                }
                if seen_len < seen.len() {
                    seen[seen_len] = member.seq;
                    seen_len += 1;
                }
                let similarity = sketch.similarity(&member.sketch);
                let better = best.is_none_or(|b| {
                    similarity > b.similarity || (similarity == b.similarity && member.seq < b.seq)
                });
                if similarity >= SIMILARITY && better {
                    best = Some(Nearest {
                        seq: member.seq,
                        cluster: member.cluster,
                        similarity,
                    });
                }
            }
        }
        Ok(best)
    }

    /// Adds an article of `day` to its partition, then spills partitions if
    /// memory is over budget.
    pub fn insert(
        &mut self,
        day: Option<i32>,
        member: Member,
        alive: &impl Fn(u32) -> bool,
    ) -> io::Result<()> {
        let day = day_key(day);
        let clock = self.clock;
        if self.partition(day)?.is_none() {
            self.resident.insert(day, Partition::default());
        }
        if let Some(partition) = self.resident.get_mut(&day) {
            partition.push(member, alive);
            partition.used = clock;
            self.resident_members += 1;
        }
        if self.resident_members > self.budget_members {
            self.evict()?;
        }
        Ok(())
    }

    /// The partition of `day`, read from disk if it is not in memory; `None`
    /// when the day has no members.
    ///
    /// Members that died since they were written are read back too: checking
    /// each one's article on the way in cost a cache miss per member, most of
    /// the time input in random date order spent here, while a lookup checks
    /// only the members whose band matches.
    fn partition(&mut self, day: i32) -> io::Result<Option<&mut Partition>> {
        if !self.resident.contains_key(&day) {
            let Some(extents) = self.stored.get(&day).cloned() else {
                return Ok(None);
            };
            let mut partition = Partition::default();
            if let Some(extent) = extents.base {
                self.read(extent, true, &mut partition.members)?;
            }
            partition.from_base = partition.members.len();
            for extent in extents.spill {
                self.read(extent, false, &mut partition.members)?;
            }
            partition.on_disk = partition.members.len();
            self.resident_members += partition.members.len();
            self.resident.insert(day, partition);
        }
        Ok(self.resident.get_mut(&day))
    }

    /// Appends the members of an extent of the stored state (`base`) or the
    /// spill file to `members`.
    fn read(&mut self, extent: Extent, base: bool, members: &mut Vec<Member>) -> io::Result<()> {
        let file = if base {
            self.base.as_mut()
        } else {
            self.spill.as_mut()
        };
        let Some(file) = file else {
            return Ok(());
        };
        let bytes = &mut self.scratch;
        bytes.resize(extent.count as usize * MEMBER_BYTES, 0);
        read_exact_at(file, bytes, extent.offset)?;
        members.extend(bytes.chunks_exact(MEMBER_BYTES).map(decode_member));
        Ok(())
    }

    /// Spills the least recently used partitions (never those the current
    /// article uses) until a quarter of the budget is free again.
    fn evict(&mut self) -> io::Result<()> {
        if self.spill_path.is_none() {
            return Ok(());
        }
        let target = self.budget_members - self.budget_members / 4;
        let mut order: Vec<(u64, i32)> = self
            .resident
            .iter()
            .filter(|(_, p)| p.used != self.clock)
            .map(|(day, p)| (p.used, *day))
            .collect();
        order.sort_unstable();
        for (_, day) in order {
            if self.resident_members <= target {
                break;
            }
            self.spill_out(day)?;
        }
        Ok(())
    }

    /// Writes what of a partition is not on disk yet to the spill file and
    /// drops it from memory.
    fn spill_out(&mut self, day: i32) -> io::Result<()> {
        let Some(partition) = self.resident.remove(&day) else {
            return Ok(());
        };
        self.resident_members -= partition.members.len();
        let extents = self.stored.entry(day).or_default();
        // Past a few extents, this run's members are written again as one.
        let from = if extents.spill.len() >= MAX_SPILL_EXTENTS {
            extents.spill.clear();
            partition.from_base
        } else {
            partition.on_disk
        };
        if from == partition.members.len() {
            return Ok(());
        }
        let mut bytes = Vec::with_capacity((partition.members.len() - from) * MEMBER_BYTES);
        for member in &partition.members[from..] {
            encode_member(member, member.seq, &mut bytes);
        }
        extents.spill.push(Extent {
            offset: self.spill_len,
            count: (partition.members.len() - from) as u32,
        });
        let file = match (&mut self.spill, &self.spill_path) {
            (Some(file), _) => file,
            (None, Some(path)) => self.spill.insert(
                OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(path)?,
            ),
            (None, None) => return Ok(()),
        };
        write_all_at(file, &bytes, self.spill_len)?;
        self.spill_len += bytes.len() as u64;
        Ok(())
    }

    /// Writes every living member, day by day in order, under its new
    /// position (`renumber`; `None` for the dead); returns each day written
    /// with its member count.
    pub fn write_members(
        &mut self,
        out: &mut impl Write,
        renumber: impl Fn(u32) -> Option<u32>,
    ) -> io::Result<Vec<(i32, u32)>> {
        let mut days: Vec<i32> = self
            .resident
            .keys()
            .chain(self.stored.keys())
            .copied()
            .collect();
        days.sort_unstable();
        days.dedup();
        let mut written = Vec::with_capacity(days.len());
        let mut bytes = Vec::new();
        for day in days {
            bytes.clear();
            let mut count = 0u32;
            let mut encode = |member: &Member| {
                if let Some(seq) = renumber(member.seq) {
                    encode_member(member, seq, &mut bytes);
                    count += 1;
                }
            };
            match self.resident.get(&day) {
                Some(partition) => partition.members.iter().for_each(&mut encode),
                None => {
                    let extents = self.stored.get(&day).cloned().unwrap_or_default();
                    let mut members = Vec::new();
                    if let Some(extent) = extents.base {
                        self.read(extent, true, &mut members)?;
                    }
                    for extent in extents.spill {
                        self.read(extent, false, &mut members)?;
                    }
                    members.iter().for_each(&mut encode);
                }
            }
            if count > 0 {
                out.write_all(&bytes)?;
                written.push((day, count));
            }
        }
        Ok(written)
    }
}

/// Reads `buf.len()` bytes at `offset` (one `pread` on Unix, where the file's
/// cursor stays put).
#[cfg(unix)]
fn read_exact_at(file: &mut File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &mut File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

/// Writes `buf` at `offset` (one `pwrite` on Unix).
#[cfg(unix)]
fn write_all_at(file: &mut File, buf: &[u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
}

#[cfg(not(unix))]
fn write_all_at(file: &mut File, buf: &[u8], offset: u64) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    file.write_all(buf)
}

impl Drop for Days {
    fn drop(&mut self) {
        if let (Some(path), Some(_)) = (&self.spill_path, self.spill.take()) {
            // Only this run's scratch; a leftover one is truncated by the next.
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_days_see_their_neighbours_and_undated_only_each_other() {
        let days: Vec<i32> = window(100).collect();
        assert_eq!(days, [99, 100, 101]);
        assert_eq!(window(UNDATED).collect::<Vec<_>>(), [UNDATED]);
        assert_eq!(
            window(i32::MAX).collect::<Vec<_>>(),
            [i32::MAX - 1, i32::MAX]
        );
        assert_eq!(
            window(UNDATED + 1).collect::<Vec<_>>(),
            [UNDATED + 1, UNDATED + 2]
        );
    }
}
