//! A hash index of positions: finds the entry with a given 64-bit key among
//! entries stored elsewhere, holding only their 32-bit positions.
//!
//! Clustering keeps millions of entries whose keys (id hashes, content hashes,
//! band keys) live in the entries themselves; a `HashMap<u64, u32>` would store
//! each key a second time, padded to 16 bytes, at a load factor as low as 44%
//! after growing. Here a slot is 4 bytes and the key is read back from the
//! entry through `key_of`, so an entry costs 4 to 8 bytes of index. Keys are
//! hashes already, so their low bits pick the slot. Open addressing with
//! linear probing; removal shifts the run back, so there are no tombstones.

/// Marks a free slot (no position is this large: positions are `u32` counts).
const EMPTY: u32 = u32::MAX;

/// Positions by key. The caller keeps keys unique: [`PositionIndex::insert`]
/// only where [`PositionIndex::find`] found nothing.
#[derive(Clone, Debug, Default)]
pub struct PositionIndex {
    slots: Vec<u32>,
    len: usize,
}

impl PositionIndex {
    /// An index sized for `capacity` positions without growing.
    pub fn with_capacity(capacity: usize) -> Self {
        let mut index = PositionIndex::default();
        if capacity > 0 {
            index.slots = vec![EMPTY; slots_for(capacity)];
        }
        index
    }

    /// Positions held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no position is held.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes of memory the index takes.
    pub fn bytes(&self) -> usize {
        self.slots.capacity() * 4
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `key`, or `Err` with the free slot where it would go.
    fn slot_of(&self, key: u64, key_of: &impl Fn(u32) -> u64) -> Result<usize, usize> {
        let mask = self.mask();
        let mut slot = key as usize & mask;
        loop {
            match self.slots[slot] {
                EMPTY => return Err(slot),
                position if key_of(position) == key => return Ok(slot),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The position whose entry has `key`.
    pub fn find(&self, key: u64, key_of: impl Fn(u32) -> u64) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        self.slot_of(key, &key_of).ok().map(|slot| self.slots[slot])
    }

    /// Adds `position`, whose entry has `key`; no other held entry may have it.
    pub fn insert(&mut self, key: u64, position: u32, key_of: impl Fn(u32) -> u64) {
        debug_assert_ne!(position, EMPTY);
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow(&key_of);
        }
        let mask = self.mask();
        let mut slot = key as usize & mask;
        while self.slots[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = position;
        self.len += 1;
    }

    /// Points `key` at `position` instead of the position it had; `false`
    /// (and nothing changes) when `key` is not held. `position`'s entry must
    /// have `key` too.
    pub fn replace(&mut self, key: u64, position: u32, key_of: impl Fn(u32) -> u64) -> bool {
        if self.len == 0 {
            return false;
        }
        match self.slot_of(key, &key_of) {
            Ok(slot) => {
                self.slots[slot] = position;
                true
            }
            Err(_) => false,
        }
    }

    /// Removes `key`, returning its position.
    pub fn remove(&mut self, key: u64, key_of: impl Fn(u32) -> u64) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        let mut hole = self.slot_of(key, &key_of).ok()?;
        let removed = self.slots[hole];
        let mask = self.mask();
        // Shift later members of the run back into the hole where their home
        // slot allows, so every key stays reachable from its home.
        let mut next = hole;
        loop {
            next = (next + 1) & mask;
            let position = self.slots[next];
            if position == EMPTY {
                break;
            }
            let home = key_of(position) as usize & mask;
            let stays = if hole <= next {
                hole < home && home <= next
            } else {
                hole < home || home <= next
            };
            if !stays {
                self.slots[hole] = position;
                hole = next;
            }
        }
        self.slots[hole] = EMPTY;
        self.len -= 1;
        Some(removed)
    }

    fn grow(&mut self, key_of: &impl Fn(u32) -> u64) {
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; slots_for(self.len + 1) * 2]);
        let mask = self.mask();
        for position in old.into_iter().filter(|p| *p != EMPTY) {
            let mut slot = key_of(position) as usize & mask;
            while self.slots[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = position;
        }
    }
}

/// Slots for `n` positions at a load of at most 3/4.
fn slots_for(n: usize) -> usize {
    (n * 4 / 3 + 1).next_power_of_two().max(8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn behaves_like_a_map_through_inserts_replacements_and_removals() {
        // Keys with few distinct low bits, so runs are long and wrap around.
        let keys: Vec<u64> = (0..3000u64).map(|i| (i << 32) | ((i % 61) * 67)).collect();
        let key_of = |p: u32| keys[p as usize];
        let mut index = PositionIndex::default();
        let mut model: HashMap<u64, u32> = HashMap::new();
        for step in 0..20_000u64 {
            let position = (crate::cluster::sketch::mix64(step) % 3000) as u32;
            let key = key_of(position);
            match step % 3 {
                0 | 1 if !model.contains_key(&key) => {
                    index.insert(key, position, key_of);
                    model.insert(key, position);
                }
                1 => {
                    assert!(index.replace(key, position, key_of));
                    model.insert(key, position);
                }
                _ => assert_eq!(index.remove(key, key_of), model.remove(&key)),
            }
            assert_eq!(index.len(), model.len());
        }
        for (position, key) in keys.iter().enumerate() {
            assert_eq!(
                index.find(*key, key_of),
                model.get(key).copied(),
                "{position}"
            );
        }
        assert!(!index.replace(u64::MAX, 0, key_of));
        assert!(PositionIndex::with_capacity(10).find(1, key_of).is_none());
    }
}
