//! [`HashBits`]: a one-hash Bloom filter over keys that are already hashes.
//!
//! The tagger's model and the gazetteer both keep large tables that most
//! looked-up keys are missing from; a bit array small enough to stay in
//! cache answers most of those misses without touching the table.

/// Most bits a filter holds: its bit index is taken from key bits 40 to 63.
const MAX_BITS: usize = 1 << 24;

/// One bit per bucket of key bits 40 and up, set when some inserted key
/// falls in it. Empty (the default), it may contain anything.
#[derive(Clone, Debug, Default)]
pub(crate) struct HashBits {
    words: Vec<u64>,
}

impl HashBits {
    /// A filter of `bits` bits, rounded up to a power of two (64 to 2^24).
    pub(crate) fn with_bits(bits: usize) -> HashBits {
        let bits = bits.next_power_of_two().clamp(64, MAX_BITS);
        HashBits {
            words: vec![0; bits / 64],
        }
    }

    fn bit(&self, key: u64) -> usize {
        (key >> 40) as usize & (self.words.len() * 64 - 1)
    }

    /// Records `key`.
    pub(crate) fn insert(&mut self, key: u64) {
        if self.words.is_empty() {
            return;
        }
        let bit = self.bit(key);
        self.words[bit / 64] |= 1 << (bit % 64);
    }

    /// False when `key` surely was not inserted.
    #[inline]
    pub(crate) fn may_contain(&self, key: u64) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let bit = self.bit(key);
        self.words[bit / 64] & (1 << (bit % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_keys_are_found_and_most_others_are_not() {
        let keys: Vec<u64> = (1..1000u64)
            .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let mut bits = HashBits::with_bits(keys.len() * 16);
        for &k in &keys[..500] {
            bits.insert(k);
        }
        assert!(keys[..500].iter().all(|&k| bits.may_contain(k)));
        let false_hits = keys[500..].iter().filter(|&&k| bits.may_contain(k)).count();
        assert!(false_hits < 50, "{false_hits} of 499 absent keys pass");
        assert!(
            HashBits::default().may_contain(7),
            "an empty filter rules nothing out"
        );
    }
}
