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

/// The ids of the complete lines `decoder` yields before its error: what
/// `gzip -dc` or `zstd -dc` would show of a damaged file, whole lines only.
fn complete_ids(mut decoder: impl std::io::Read) -> Vec<String> {
    let mut text = Vec::new();
    let mut buffer = [0u8; 1 << 16];
    while let Ok(n @ 1..) = decoder.read(&mut buffer) {
        text.extend_from_slice(&buffer[..n]);
    }
    let complete = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    text[..complete]
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_slice(line).unwrap();
            value["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn a_truncated_dump_indexes_every_complete_line_before_the_damage() {
    let reuters = fs::read(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let cut = reuters
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(2999)
        .map(|(i, _)| i + 1)
        .unwrap();
    let sample = &reuters[..cut];
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(sample).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(sample, 3).unwrap();
    // 92 lines written as a logger would, flushed every 10: fewer lines than
    // one batch, in blocks that end within the file.
    let mut small = zstd::stream::write::Encoder::new(Vec::new(), 3).unwrap();
    for (i, line) in sample.split_inclusive(|b| *b == b'\n').take(92).enumerate() {
        small.write_all(line).unwrap();
        if i % 10 == 9 {
            small.flush().unwrap();
        }
    }
    let small = small.finish().unwrap();
    let cuts = [
        ("dump.jsonl.gz", &gz, gz.len() / 3),
        ("dump.jsonl.gz", &gz, gz.len() - 100),
        ("dump.jsonl.zst", &zst, zst.len() / 2),
        ("small.jsonl.zst", &small, small.len() - 20),
    ];
    for (name, packed, keep) in cuts {
        let damaged = &packed[..keep];
        let expected = if name.ends_with(".gz") {
            complete_ids(flate2::read::MultiGzDecoder::new(damaged))
        } else {
            complete_ids(zstd::stream::read::Decoder::new(damaged).unwrap())
        };
        assert!(
            !expected.is_empty() && expected.len() < 3000,
            "{name} {keep}"
        );
        let input = tempfile::TempDir::new().unwrap();
        fs::write(input.path().join(name), damaged).unwrap();
        let archive = tempfile::TempDir::new().unwrap();
        let output = news(
            archive.path(),
            &[
                "index",
                &input.path().display().to_string(),
                "--json",
                "--quiet",
            ],
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let n = expected.len();
        let reason = format!("{name}: compressed data ends early after line {n} (");
        assert!(
            stderr.lines().any(|l| l.starts_with("error: ")
                && l.contains(&reason)
                && l.ends_with(&format!("lines 1-{n} were indexed"))),
            "{name} cut at {keep}: {stderr}"
        );
        // Every complete line is indexed; exact copies of an earlier article
        // are counted apart, as in any run.
        let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let indexed = summary["indexed"].as_u64().unwrap();
        assert_eq!(
            indexed + summary["duplicates"].as_u64().unwrap(),
            n as u64,
            "{name} cut at {keep}: {summary}"
        );
        assert_eq!(summary["failed"], 1, "{summary}");
        let ids: Vec<String> = every_article(archive.path())
            .into_iter()
            .map(|(id, _, _)| id)
            .collect();
        assert_eq!(ids.len() as u64, indexed);
        assert!(ids.iter().all(|id| expected.contains(id)), "{name} {keep}");
    }
}
