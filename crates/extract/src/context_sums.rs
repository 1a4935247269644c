//! [`SignatureSums`]: the summed weights of the context keys that name no
//! word, per [`ContextSignature`].
//!
//! Owns one tagger's table of them, for one set of weights. Of a token's
//! context keys, the sentence position, line case, lexicon neighbours,
//! case lexicon and gazetteer keys depend only on its signature (its
//! shape and a few small values), and news repeats a few thousand
//! signatures (about 12,000 over all of Reuters-21578): summing their
//! weights once per signature instead of looking up six to eight keys per
//! token took 4% of `news extract`'s instructions. It does not compute
//! the keys (the featurizer does) nor know the weights' layout.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::features::ContextSignature;
use super::tagger::Weights;

/// Signatures kept before the sums start again: a few thousand occur in
/// news; the bound keeps odd input from growing the table without end.
const MAX_SIGNATURES: usize = 1 << 16;

/// The summed weights of context signatures, for one set of weights.
#[derive(Default)]
pub(crate) struct SignatureSums {
    /// Offset of each signature's pass-one and pass-two sums in `sums`.
    at: HashMap<ContextSignature, usize, FixedState>,
    sums: Vec<f32>,
    /// [`WordCache::id`](super::word_cache::WordCache::id) of the weights summed: a tagger may be handed
    /// other weights, whose sums these are not.
    owner: u64,
    keys: Vec<u64>,
}

impl SignatureSums {
    /// Readies the table for the weights whose word cache has id `owner`
    /// ([`WordCache::id`](super::word_cache::WordCache::id)), once per text: sums of other weights are dropped.
    pub(crate) fn use_weights(&mut self, owner: u64) {
        if self.owner != owner {
            self.at.clear();
            self.sums.clear();
            self.owner = owner;
        }
    }

    /// The sums of `signature`'s keys under `w`, the weights last given to
    /// [`SignatureSums::use_weights`]: pass one's `l`, then pass two's.
    pub(crate) fn sums<W: Weights>(
        &mut self,
        w: &W,
        signature: ContextSignature,
        l: usize,
    ) -> &[f32] {
        if self.at.len() >= MAX_SIGNATURES {
            self.at.clear();
            self.sums.clear();
        }
        let at = match self.at.get(&signature) {
            Some(&at) => at,
            None => {
                let at = self.sums.len();
                self.sums.resize(at + 2 * l, 0.0);
                self.keys.clear();
                signature.keys(&mut self.keys);
                let (a, b) = self.sums[at..].split_at_mut(l);
                w.add_local_all(&self.keys, a, b);
                self.at.insert(signature, at);
                at
            }
        };
        &self.sums[at..at + 2 * l]
    }
}
