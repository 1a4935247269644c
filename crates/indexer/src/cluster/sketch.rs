//! What clustering knows of one article: a hash of its normalised text (exact
//! duplicates), a hash of its id, and a MinHash sketch of its word shingles
//! (near duplicates).
//!
//! Text is normalised by splitting on anything that is not a letter or digit
//! and folding ASCII case, so spacing, punctuation and capitals do not make
//! two copies differ. The sketch is one-permutation MinHash (each shingle
//! hashed once into one of [`BINS`] bins, keeping the minimum per bin; empty
//! bins borrow from the next full one), so it costs one hash per word however
//! many bins there are.

use xxhash_rust::xxh3::xxh3_64;

/// MinHash bins of a sketch.
pub const BINS: usize = 64;
/// LSH bands: two articles become candidates when all rows of one band agree.
pub const BANDS: usize = 8;
/// Bins per band. With 8 bands of 3 rows, pairs of Jaccard similarity 0.5 are
/// found 66% of the time, 0.7 97%, 0.8 99.7%.
pub const ROWS: usize = 3;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Articles with fewer shingles (about 30 words: briefs, one-line tables,
/// templated dividend notices that differ only in the company named)
/// are too short to call near duplicates; only exact copies are caught.
pub const MIN_SHINGLES: usize = 25;

/// The clustering view of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Hash of the stable id.
    pub id: u64,
    /// Hash of the normalised title and body: equal for exact duplicates.
    pub content: u64,
    /// Publication day (days since 1970-01-01), when dated.
    pub day: Option<i32>,
    /// MinHash sketch; `None` for texts too short to compare.
    pub sketch: Option<Sketch>,
}

/// A MinHash sketch: one byte per bin (enough to estimate similarity) and the
/// LSH band keys (taken from the full 32-bit minima, so keys rarely collide).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sketch {
    /// Low byte of each bin's (mixed) minimum.
    pub bins: [u8; BINS],
    /// One key per band.
    pub bands: [u32; BANDS],
}

impl Sketch {
    /// Estimated Jaccard similarity of the two shingle sets. One-byte bins
    /// agree by chance 1 time in 256; the estimate corrects for that.
    pub fn similarity(&self, other: &Sketch) -> f64 {
        let equal = self
            .bins
            .iter()
            .zip(&other.bins)
            .filter(|(a, b)| a == b)
            .count();
        let chance = 1.0 / 256.0;
        ((equal as f64 / BINS as f64 - chance) / (1.0 - chance)).max(0.0)
    }
}

const PRIME: u64 = 0x0000_0100_0000_01b3;
const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The splitmix64 finaliser: spreads every input bit over the output.
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Calls `f` with the hash of each normalised word of `text`.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    let mut hash = BASIS;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let folded = match byte {
            b'A'..=b'Z' => byte | 0x20,
            b'a'..=b'z' | b'0'..=b'9' | 0x80.. => byte,
            _ => {
                if in_word {
                    f(mix64(hash));
                    hash = BASIS;
                    in_word = false;
                }
                continue;
            }
        };
        hash = (hash ^ u64::from(folded)).wrapping_mul(PRIME);
        in_word = true;
    }
    if in_word {
        f(mix64(hash));
    }
}

/// Computes the signature of an article from its stable id, title, body and
/// publication time (Unix seconds).
pub fn signature(id: &str, title: &str, body: &str, date: Option<i64>) -> Signature {
    let mut content = BASIS;
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut minima = [u32::MAX; BINS];
    let mut shingles = 0usize;
    let mut add_word = |word: u64| {
        content = mix64(content ^ word);
        window[words % SHINGLE] = word;
        words += 1;
        if words >= SHINGLE {
            // Order matters within a shingle: rotate by position in the window.
            let mut shingle = 0u64;
            for k in 0..SHINGLE {
                shingle = shingle.rotate_left(17) ^ window[(words + k) % SHINGLE];
            }
            let shingle = mix64(shingle);
            let bin = (shingle >> 58) as usize;
            minima[bin] = minima[bin].min(shingle as u32);
            shingles += 1;
        }
    };
    for_each_word(title, &mut add_word);
    // Keeps "a b" + "c" apart from "a" + "b c".
    add_word(0x5eed_5eed_5eed_5eed);
    for_each_word(body, &mut add_word);
    Signature {
        id: xxh3_64(id.as_bytes()),
        content,
        day: date.and_then(|secs| i32::try_from(secs.div_euclid(86_400)).ok()),
        sketch: (shingles >= MIN_SHINGLES).then(|| sketch_of(&mut minima)),
    }
}

fn sketch_of(minima: &mut [u32; BINS]) -> Sketch {
    // Densify: an empty bin takes the next full bin's minimum, re-hashed with
    // the distance, so two similar texts fill their empty bins alike.
    let full = *minima;
    for (i, bin) in minima.iter_mut().enumerate() {
        if *bin != u32::MAX {
            continue;
        }
        for distance in 1..BINS {
            let donor = full[(i + distance) % BINS];
            if donor != u32::MAX {
                *bin = mix64(u64::from(donor) ^ ((distance as u64) << 32)) as u32;
                break;
            }
        }
    }
    let mut sketch = Sketch {
        bins: [0; BINS],
        bands: [0; BANDS],
    };
    for (byte, min) in sketch.bins.iter_mut().zip(minima.iter()) {
        *byte = mix64(u64::from(*min)) as u8;
    }
    for (band, key) in sketch.bands.iter_mut().enumerate() {
        let mut h = band as u64;
        for row in 0..ROWS {
            h = mix64(h ^ u64::from(minima[band * ROWS + row]));
        }
        *key = h as u32;
    }
    sketch
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The undated signature, which is all these tests need.
    fn signature(id: &str, title: &str, body: &str) -> Signature {
        crate::cluster::sketch::signature(id, title, body, None)
    }

    const STORY: &str = "Showers continued throughout the week in the Bahia cocoa zone, \
        alleviating the drought since early January and improving prospects for the coming \
        temporao, although normal humidity levels have not been restored, Comissaria Smith \
        said in its weekly review. The dry period means the temporao will be late this year. \
        Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a \
        cumulative total for the season of 5.93 mln against 5.81 at the same stage last year.";

    #[test]
    fn exact_copies_agree_whatever_spacing_case_and_punctuation() {
        let a = signature("a", "Bahia cocoa review", STORY);
        let b = signature(
            "b",
            "BAHIA COCOA REVIEW",
            &STORY.replace(", ", " , ").to_uppercase(),
        );
        assert_eq!(a.content, b.content);
        assert_ne!(a.id, b.id);
        assert_eq!(a.sketch, b.sketch);
        let moved = signature("a", "Bahia cocoa", &format!("review {STORY}"));
        assert_ne!(a.content, moved.content);
    }

    #[test]
    fn small_edits_stay_similar_and_other_stories_do_not() {
        let a = signature("a", "Bahia cocoa review", STORY).sketch.unwrap();
        let edited = STORY
            .replace("early January", "mid January")
            .replace("5.81", "5.82");
        let b = signature("b", "Bahia cocoa review (corrected)", &edited)
            .sketch
            .unwrap();
        assert!(a.similarity(&b) > 0.6, "{}", a.similarity(&b));
        let other = signature(
            "c",
            "Fed raises rates",
            "The Federal Reserve raised its benchmark interest rate by a quarter point on \
             Wednesday, citing persistent inflation and a strong labour market, and signalled \
             that further increases were likely before the end of the year.",
        )
        .sketch
        .unwrap();
        assert!(a.similarity(&other) < 0.2, "{}", a.similarity(&other));
    }

    #[test]
    fn short_texts_have_no_sketch() {
        assert!(signature("a", "Qtly div 12 cts", "").sketch.is_none());
        assert!(signature("a", "", "").sketch.is_none());
    }
}
