//! Tag labels: the BIO / BILOU encodings of entity spans over tokens.
//!
//! Owns the mapping between token labels and typed spans, and which label
//! transitions are legal. It knows nothing of features or weights.

/// Entity types the tagger predicts. MISC is learned (it keeps nationalities
/// and events out of the other types) but not emitted as a mention.
pub const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// Index of PER in [`TYPES`].
pub const PER: u8 = 0;
/// Index of LOC in [`TYPES`].
pub const LOC: u8 = 1;
/// Index of ORG in [`TYPES`].
pub const ORG: u8 = 2;
/// Index of MISC in [`TYPES`].
pub const MISC: u8 = 3;

/// How spans are encoded as token labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Begin / Inside / Outside: label 0 is O, then B-T, I-T per type.
    Bio,
    /// Begin / Inside / Last / Outside / Unit: label 0 is O, then B, I, L, U per type.
    Bilou,
}

/// Position of a token within its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Outside any span.
    O,
    /// First token of a multi-token span (BIO: first token of any span).
    B,
    /// Inside token.
    I,
    /// Last token of a multi-token span (BILOU only).
    L,
    /// Single-token span (BILOU only).
    U,
}

impl Scheme {
    /// Parts per type.
    fn width(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// Number of labels, O included.
    pub fn num_labels(self) -> usize {
        1 + TYPES.len() * self.width()
    }

    /// Model-file code of this scheme.
    pub fn code(self) -> u8 {
        match self {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        }
    }

    /// Scheme for a model-file code.
    pub fn from_code(code: u8) -> Option<Scheme> {
        match code {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    /// The label for `part` of type `ty`.
    pub fn label(self, ty: u8, part: Part) -> u8 {
        let off = match (self, part) {
            (_, Part::O) => return 0,
            (_, Part::B) => 0,
            (_, Part::I) => 1,
            (Scheme::Bio, Part::L) => 1,
            (Scheme::Bio, Part::U) => 0,
            (Scheme::Bilou, Part::L) => 2,
            (Scheme::Bilou, Part::U) => 3,
        };
        1 + ty * self.width() as u8 + off
    }

    /// Type and part of `label`; `None` for O.
    pub fn split(self, label: u8) -> Option<(u8, Part)> {
        if label == 0 {
            return None;
        }
        let w = self.width() as u8;
        let ty = (label - 1) / w;
        let part = match (label - 1) % w {
            0 => Part::B,
            1 => Part::I,
            2 => Part::L,
            _ => Part::U,
        };
        Some((ty, part))
    }

    /// Entity type of `label` (`None` for O).
    pub fn type_of(self, label: u8) -> Option<u8> {
        self.split(label).map(|(t, _)| t)
    }

    /// Whether `next` may follow `prev` (`None` = sequence start).
    pub fn allowed(self, prev: Option<u8>, next: u8) -> bool {
        let p = prev.and_then(|l| self.split(l));
        let n = self.split(next);
        match self {
            Scheme::Bio => match n {
                Some((t, Part::I)) => p.is_some_and(|(pt, _)| pt == t),
                _ => true,
            },
            Scheme::Bilou => {
                // A span in progress must continue with I or L of its type.
                let open = matches!(p, Some((_, Part::B | Part::I)));
                match n {
                    Some((t, Part::I | Part::L)) => open && p.is_some_and(|(pt, _)| pt == t),
                    _ => !open,
                }
            }
        }
    }

    /// Whether a sequence may end on `label`.
    pub fn can_end(self, label: u8) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => !matches!(self.split(label), Some((_, Part::B | Part::I))),
        }
    }

    /// Writes the labels for spans `(type, first token, end token)` over `n`
    /// tokens into `out`.
    pub fn encode(self, n: usize, spans: &[(u8, usize, usize)], out: &mut Vec<u8>) {
        out.clear();
        out.resize(n, 0);
        for &(ty, s, e) in spans {
            if e <= s || e > n {
                continue;
            }
            for (i, slot) in out.iter_mut().enumerate().take(e).skip(s) {
                let part = if e - s == 1 {
                    Part::U
                } else if i == s {
                    Part::B
                } else if i + 1 == e {
                    Part::L
                } else {
                    Part::I
                };
                *slot = self.label(ty, part);
            }
        }
    }

    /// Reads spans `(type, first token, end token)` back from labels,
    /// leniently: an I or L that does not continue a span starts one.
    pub fn decode(self, labels: &[u8], out: &mut Vec<(u8, usize, usize)>) {
        out.clear();
        let mut open: Option<(u8, usize)> = None;
        for (i, &l) in labels.iter().enumerate() {
            let cur = self.split(l);
            match cur {
                None => {
                    if let Some((t, s)) = open.take() {
                        out.push((t, s, i));
                    }
                }
                Some((t, part)) => {
                    let continues =
                        matches!(part, Part::I | Part::L) && open.is_some_and(|(ot, _)| ot == t);
                    if !continues {
                        if let Some((ot, s)) = open.take() {
                            out.push((ot, s, i));
                        }
                        open = Some((t, i));
                    }
                    if matches!(part, Part::L | Part::U) {
                        if let Some((ot, s)) = open.take() {
                            out.push((ot, s, i + 1));
                        }
                    }
                }
            }
        }
        if let Some((t, s)) = open {
            out.push((t, s, labels.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let spans = vec![(0u8, 0usize, 2usize), (1, 2, 3), (2, 4, 7)];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let mut labels = Vec::new();
            scheme.encode(8, &spans, &mut labels);
            let mut back = Vec::new();
            scheme.decode(&labels, &mut back);
            assert_eq!(back, spans, "{scheme:?}");
            let mut prev = None;
            for &l in &labels {
                assert!(scheme.allowed(prev, l), "{scheme:?} {prev:?} {l}");
                prev = Some(l);
            }
            assert!(scheme.can_end(*labels.last().unwrap()));
        }
    }
}
