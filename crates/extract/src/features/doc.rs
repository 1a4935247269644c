//! Document-level (second-pass) features: how the first pass tagged, and
//! how the document writes, the other occurrences of a word.

use super::super::labels::{Scheme, TYPES};
use super::{flag, mix, tpl, Featurizer, Info};

/// Per-document counts of how a word (by lowercase hash) appears.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct DocStat {
    /// Pass-one label types: PER, LOC, ORG, MISC, O.
    types: [u16; 5],
    /// Occurrences starting with a lowercase letter.
    lower: u16,
    /// Capitalised occurrences not at a sentence start nor in an all-caps line.
    pub(super) capmid: u16,
    /// Occurrences inside a multi-token pass-one span, per type (PER, LOC,
    /// ORG, MISC): "Putin" after "Vladimir Putin".
    multi: [u16; 4],
}

impl Featurizer {
    /// Collects document statistics from the first pass's labels.
    pub fn doc_stats(&mut self, scheme: Scheme, pass1: &[u8]) {
        self.stats.clear();
        for (i, x) in self.info.iter().enumerate() {
            if x.flags & flag::HAS_LETTER == 0 {
                continue;
            }
            let s = self.stats.entry(x.lower).or_default();
            let ty = scheme.type_of(pass1[i]).map_or(4, usize::from);
            s.types[ty] = s.types[ty].saturating_add(1);
            if ty < 4 && in_multi(scheme, pass1, i) {
                s.multi[ty] = s.multi[ty].saturating_add(1);
            }
            if x.flags & flag::LOWER != 0 {
                s.lower = s.lower.saturating_add(1);
            }
            if Self::is_capmid(x) {
                s.capmid = s.capmid.saturating_add(1);
            }
            // "al-Sharaa" tagged PER also speaks for a bare "Sharaa".
            if x.hyphen_tail != 0 && ty < 4 {
                let t = self.stats.entry(x.hyphen_tail).or_default();
                t.types[ty] = t.types[ty].saturating_add(1);
            }
        }
    }

    pub(super) fn is_capmid(x: &Info) -> bool {
        x.flags & flag::CAP != 0
            && x.flags & (flag::SENT_START | flag::LINE_ALLCAPS | flag::LINE_TITLE) == 0
    }

    /// Appends the document-level (second-pass) feature keys of token `i`;
    /// [`Featurizer::doc_stats`] must have seen the same `pass1`.
    pub fn doc(&self, scheme: Scheme, i: usize, pass1: &[u8], out: &mut Vec<u64>) {
        let x = &self.info[i];
        let label_at = |off: isize| {
            self.at(i, off)
                .map_or(255u64, |_| u64::from(pass1[(i as isize + off) as usize]))
        };
        for (k, off) in [-1isize, 0, 1].into_iter().enumerate() {
            out.push(mix(tpl::PASS1 + k as u64, label_at(off)));
        }
        if x.flags & flag::HAS_LETTER == 0 {
            return;
        }
        let Some(s) = self.stats.get(&x.lower) else {
            return;
        };
        // Counts over the other occurrences only.
        let mut types = s.types;
        let own = scheme.type_of(pass1[i]).map_or(4, usize::from);
        types[own] -= 1;
        let others: u32 = types.iter().map(|&c| u32::from(c)).sum();
        let cap = u64::from(x.flags & (flag::CAP | flag::LOWER | flag::ALLCAPS));
        if others == 0 {
            out.push(mix(mix(tpl::DOC_SINGLE, cap), 0));
        } else {
            let (maj, _) = types
                .iter()
                .enumerate()
                .max_by_key(|&(t, &c)| (c, std::cmp::Reverse(t)))
                .unwrap_or((4, &0));
            out.push(mix(mix(tpl::DOC_MAJOR, maj as u64), cap));
            out.push(mix(mix(tpl::DOC_MAJOR_WORD, maj as u64), x.short));
            let count = u64::from(types[maj].min(3));
            let unanimous = u64::from(u32::from(types[maj]) == others);
            out.push(mix(
                mix(tpl::DOC_STRONG, maj as u64),
                count << 1 | unanimous,
            ));
            // A minority type elsewhere, conjoined with the majority: "also
            // tagged ORG once" means little when PER wins elsewhere.
            for (t, &c) in types.iter().enumerate().take(TYPES.len()) {
                if c > 0 && t != maj {
                    out.push(mix(mix(tpl::DOC_HAS, t as u64), maj as u64));
                }
            }
        }
        let mut multi = s.multi;
        if own < 4 && in_multi(scheme, pass1, i) {
            multi[own] -= 1;
        }
        for (t, &c) in multi.iter().enumerate() {
            if c > 0 {
                out.push(mix(mix(tpl::DOC_MULTI, t as u64), cap));
            }
        }
        let own_lower = u16::from(x.flags & flag::LOWER != 0);
        if s.lower > own_lower {
            out.push(mix(mix(tpl::DOC_LOWER, cap), 1));
        }
        let own_capmid = u16::from(Self::is_capmid(x));
        if s.capmid > own_capmid {
            let pos =
                u64::from(x.flags & (flag::SENT_START | flag::LINE_ALLCAPS | flag::LINE_TITLE));
            out.push(mix(mix(tpl::DOC_CAPMID, pos), cap));
        }
    }
}

/// Whether token `i` lies in a pass-one span of more than one token.
fn in_multi(scheme: Scheme, labels: &[u8], i: usize) -> bool {
    use super::super::labels::Part;
    let Some((ty, part)) = scheme.split(labels[i]) else {
        return false;
    };
    match part {
        Part::U => false,
        Part::I | Part::L => true,
        // BIO: a B is multi-token when an I of its type follows.
        Part::B => labels
            .get(i + 1)
            .and_then(|&l| scheme.split(l))
            .is_some_and(|(t, p)| t == ty && p != Part::B && p != Part::U),
        Part::O => false,
    }
}
