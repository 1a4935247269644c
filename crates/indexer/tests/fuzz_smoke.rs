//! The fuzz targets on stable, in every `cargo test`: each runs over its seed
//! corpus in `fuzz/seeds/` (crashes found by long fuzzing runs are added
//! there, so they stay fixed) and over a few thousand inputs from a fixed
//! seed: random bytes, random text, and seeds with bytes changed, cut and
//! spliced. The long runs are `cargo +nightly fuzz run TARGET` (see
//! docs/RELIABILITY.md); this keeps the same functions exercised without nightly.

#[path = "../../../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// The files of `fuzz/seeds/NAME`, sorted.
fn seeds(name: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/seeds")
        .join(name);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seeds in {}", dir.display());
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Inputs near the seeds: a seed with some bytes replaced, cut short, and
/// with part of another seed spliced on.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let count = seeds.len();
    (
        0..count,
        0..count,
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(a, b, edits, cut, splice)| {
            let mut input = seeds[a].clone();
            for (at, byte) in edits {
                if !input.is_empty() {
                    let at = at.index(input.len());
                    input[at] = byte;
                }
            }
            input.truncate(cut.index(input.len() + 1));
            let other = &seeds[b];
            input.extend_from_slice(&other[splice.index(other.len() + 1)..]);
            input
        })
}

/// Runs `target` over the seeds of `name` and `random` generated inputs.
fn smoke(name: &str, target: fn(&[u8]), random: usize) {
    let seeds = seeds(name);
    for seed in &seeds {
        target(seed);
    }
    let inputs = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        ".{0,300}".prop_map(String::into_bytes),
        mutated(seeds),
    ];
    let mut runner = TestRunner::deterministic();
    for _ in 0..random {
        let input = inputs.new_tree(&mut runner).unwrap().current();
        target(&input);
    }
}

#[test]
fn read_txt() {
    smoke("read_txt", targets::read_txt, 3000);
}

#[test]
fn read_json() {
    smoke("read_json", targets::read_json, 3000);
}

#[test]
fn read_html() {
    smoke("read_html", targets::read_html, 1000);
}

#[test]
fn read_warc() {
    smoke("read_warc", targets::read_warc, 1500);
}

#[test]
fn read_xml() {
    smoke("read_xml", targets::read_xml, 2000);
}

#[test]
fn read_feed() {
    smoke("read_feed", targets::read_feed, 2000);
}

#[test]
fn read_csv() {
    smoke("read_csv", targets::read_csv, 2000);
}

#[test]
fn date() {
    smoke("date", targets::date, 5000);
}

#[test]
fn dateline() {
    smoke("dateline", targets::dateline, 5000);
}

#[test]
fn query() {
    smoke("query", targets::query, 2000);
}
