//! One day's partition of the LSH band tables (see [`super::days`]): its
//! members in the order they were assigned, scanned until it has answered
//! enough lookups to be worth indexing, then indexed by band key under the
//! earliest living member.

use super::index::PositionIndex;
use super::member::Member;
use super::sketch::{mix64, Sketch, BANDS};

/// The band index's key of a member's band.
pub(super) fn band_key(sketch: &Sketch, band: usize) -> u64 {
    mix64(u64::from(sketch.bands[band]) | (band as u64) << 32)
}

/// Lookups a partition answers by scanning its members before it builds its
/// band index. Input in random date order reads most days back from disk for
/// an article or two each: building the index there (16 hash operations per
/// member) cost 45 µs per article at 1,000,000 articles, where one scan of
/// the day's members costs a few. A day that stays in use is indexed soon.
const SCANS_BEFORE_INDEX: u32 = 16;

/// One day's members, in the order they were assigned, and their band index
/// once it is worth building.
#[derive(Default)]
pub(super) struct Partition {
    pub(super) members: Vec<Member>,
    /// Band key -> `member * BANDS + band` of the earliest living member with
    /// it; empty until `indexed`.
    pub(super) index: PositionIndex,
    pub(super) indexed: bool,
    /// Lookups answered by scanning, while not `indexed`.
    pub(super) scans: u32,
    /// `members[..on_disk]` are in the stored state or the spill file already.
    pub(super) on_disk: usize,
    /// Of those, `members[..from_base]` are in the stored state.
    pub(super) from_base: usize,
    /// When it was last used (a tick of the clock of [`super::days::Days`]).
    pub(super) used: u64,
}

/// The band index's key of the entry `code` (`member * BANDS + band`).
fn key_of(members: &[Member], code: u32) -> u64 {
    let (member, band) = (code as usize / BANDS, code as usize % BANDS);
    members
        .get(member)
        .map_or(u64::MAX, |m| band_key(&m.sketch, band))
}

impl Partition {
    /// The earliest living member at or after `from` with `band`'s key of `sketch`.
    fn first_living(
        &self,
        from: usize,
        band: usize,
        sketch: &Sketch,
        alive: &impl Fn(u32) -> bool,
    ) -> Option<usize> {
        (from..self.members.len()).find(|&m| {
            let member = &self.members[m];
            member.sketch.bands[band] == sketch.bands[band] && alive(member.seq)
        })
    }

    /// The candidate for each band: the earliest living member sharing the
    /// band with `sketch`. Counts the lookup, and builds the index once
    /// scanning has answered [`SCANS_BEFORE_INDEX`] of them.
    pub(super) fn candidates(
        &mut self,
        sketch: &Sketch,
        alive: &impl Fn(u32) -> bool,
    ) -> [Option<usize>; BANDS] {
        if self.indexed {
            return std::array::from_fn(|band| self.candidate(band, sketch, alive));
        }
        let mut found = [None; BANDS];
        let mut missing = BANDS;
        for (m, member) in self.members.iter().enumerate() {
            for (band, slot) in found.iter_mut().enumerate() {
                if slot.is_none()
                    && member.sketch.bands[band] == sketch.bands[band]
                    && alive(member.seq)
                {
                    *slot = Some(m);
                    missing -= 1;
                }
            }
            if missing == 0 {
                break;
            }
        }
        self.scans += 1;
        if self.scans >= SCANS_BEFORE_INDEX {
            self.build_index(alive);
        }
        found
    }

    /// Indexes each band key under its earliest living member.
    fn build_index(&mut self, alive: &impl Fn(u32) -> bool) {
        let members = &self.members;
        let mut index = PositionIndex::with_capacity(members.len() * BANDS);
        for (position, member) in members.iter().enumerate() {
            if !alive(member.seq) {
                continue;
            }
            for band in 0..BANDS {
                let key = band_key(&member.sketch, band);
                if index.find(key, |c| key_of(members, c)).is_none() {
                    let code = (position * BANDS + band) as u32;
                    index.insert(key, code, |c| key_of(members, c));
                }
            }
        }
        self.index = index;
        self.indexed = true;
    }

    /// The candidate for `band` from the index: the earliest living member
    /// sharing it. Members die (replaced, forgotten) but never come back, so
    /// one that was the earliest living when indexed is passed over only by
    /// later ones.
    fn candidate(
        &mut self,
        band: usize,
        sketch: &Sketch,
        alive: &impl Fn(u32) -> bool,
    ) -> Option<usize> {
        let key = band_key(sketch, band);
        let members = &self.members;
        let code = self.index.find(key, |c| key_of(members, c))?;
        let indexed = code as usize / BANDS;
        if alive(self.members[indexed].seq) {
            return Some(indexed);
        }
        let living = self.first_living(indexed + 1, band, sketch, alive);
        let members = &self.members;
        match living {
            Some(m) => {
                let code = (m * BANDS + band) as u32;
                self.index.replace(key, code, |c| key_of(members, c));
            }
            None => {
                self.index.remove(key, |c| key_of(members, c));
            }
        }
        living
    }

    /// Appends a member and, once indexed, indexes its bands where it is the
    /// earliest living.
    pub(super) fn push(&mut self, member: Member, alive: &impl Fn(u32) -> bool) {
        let position = self.members.len();
        self.members.push(member);
        if !self.indexed {
            return;
        }
        for band in 0..BANDS {
            if self.candidate(band, &member.sketch, alive).is_none() {
                let key = band_key(&member.sketch, band);
                let code = (position * BANDS + band) as u32;
                let members = &self.members;
                self.index.insert(key, code, |c| key_of(members, c));
            }
        }
    }
}
