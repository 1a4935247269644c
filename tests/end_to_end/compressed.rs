//! `.gz` and `.zst` input: decompressed as it streams, the format taken from
//! the extension under the suffix.

use std::fs;
use std::io::Write;

use crate::support::*;

#[test]
fn compressed_input_indexes_the_same_as_plain() {
    let reuters = fs::read(shared_data("corpora/reuters21578.jsonl")).unwrap();
    // The first 2,000 articles are enough to compare, and keep the test fast.
    let cut = reuters
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1999)
        .map(|(i, _)| i + 1)
        .unwrap();
    let sample = &reuters[..cut];
    let plain = tempfile::TempDir::new().unwrap();
    fs::write(plain.path().join("reuters.jsonl"), sample).unwrap();
    let packed = tempfile::TempDir::new().unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        fs::File::create(packed.path().join("reuters.jsonl.gz")).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(&sample[..cut / 2]).unwrap();
    gz.finish().unwrap();
    fs::write(
        packed.path().join("reuters.JSONL.zst"),
        zstd::encode_all(&sample[cut / 2..], 3).unwrap(),
    )
    .unwrap();
    fs::write(
        packed.path().join("seed.txt.gz"),
        b"\x1f\x8b definitely not gzip",
    )
    .unwrap();

    let from_plain = index(&[plain.path()]);
    let archive = tempfile::TempDir::new().unwrap();
    let output = news(
        archive.path(),
        &["index", &packed.path().display().to_string(), "--json"],
    );
    // The corrupt file fails (status 1); the others are indexed.
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("seed.txt.gz"), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["files"], 3, "{summary}");

    for query in ["*", "cocoa", "\"trade deficit\"", "Brazil"] {
        let sorted = |archive: &std::path::Path| {
            let response = search(archive, &[query, "--limit", "2000"]);
            let mut found = titles(&response);
            found.sort();
            (response["total"].clone(), found)
        };
        assert_eq!(sorted(from_plain.path()), sorted(archive.path()), "{query}");
    }
}
