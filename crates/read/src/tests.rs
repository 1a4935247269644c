//! Tests of reading: formats, batches of lines, limits, and files that
//! break off or come in UTF-16 and UTF-32.

use super::*;
use crate::file::read_line;
use std::io::Read;
use std::sync::atomic::AtomicU64;

#[test]
fn formats_by_extension() {
    assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
    assert_eq!(
        Format::of(Path::new("dump.ndjson")),
        Some(Format::JsonLines)
    );
    assert_eq!(
        Format::of(Path::new("dump.jsonl.gz")),
        Some(Format::JsonLines)
    );
    assert_eq!(Format::of(Path::new("a.json.zst")), Some(Format::Json));
    assert_eq!(Format::of(Path::new("g2.NEWSML")), Some(Format::Xml));
    assert_eq!(Format::of(Path::new("a.atom.gz")), Some(Format::Feed));
    assert_eq!(Format::of(Path::new("rows.tsv.zst")), Some(Format::Tsv));
    assert_eq!(Format::of(Path::new("page.HTM")), Some(Format::Html));
    assert_eq!(Format::of(Path::new("p.html.gz")), Some(Format::Html));
    assert_eq!(Format::of(Path::new("crawl.warc.gz")), Some(Format::Warc));
    assert_eq!(Format::of(Path::new("photo.jpg")), None);
    assert_eq!(Format::of(Path::new("archive.gz")), None);
    assert_eq!(Format::of(Path::new("README")), None);
}

#[test]
fn lines_keep_their_numbers_and_report_bad_ones() {
    let batch = Batch::Lines {
        path: "dump.jsonl".into(),
        first_line: 7,
        lines: vec![
            br#"{"title": "A"}"#.to_vec(),
            b"".to_vec(),
            b"{broken".to_vec(),
        ],
    };
    let items = batch.parse();
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[0], Item::Article(o, _) if o.line == Some(7)));
    match &items[1] {
        Item::Problem(p) => {
            assert_eq!(p.origin.line, Some(9));
            assert!(p.message.contains("invalid JSON"), "{}", p.message);
        }
        other => panic!("expected a problem, got {other:?}"),
    }
}

/// Reads `bytes` as a JSON Lines file and parses every batch.
fn read_jsonl(bytes: &[u8]) -> Vec<Item> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    std::fs::write(&path, bytes).unwrap();
    let mut items = Vec::new();
    let hash = read_file(&path, Format::JsonLines, &AtomicU64::new(0), 0, |batch| {
        items.extend(batch.parse());
    })
    .unwrap();
    assert!(hash.is_some(), "the file is read to the end");
    items
}

fn problems(items: &[Item]) -> Vec<(Option<u64>, &str)> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Problem(p) => Some((p.origin.line, p.message.as_str())),
            Item::Article(..) => None,
        })
        .collect()
}

#[test]
fn empty_and_binary_line_files_are_one_problem() {
    for bytes in [&b""[..], b"\n  \n\r\n"] {
        let items = read_jsonl(bytes);
        assert_eq!(problems(&items), [(None, "empty file")]);
    }
    let mut binary = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    binary.extend(std::iter::repeat_n(b'\n', 10_000));
    assert_eq!(
        problems(&read_jsonl(&binary)),
        [(None, "binary file, not text")]
    );
}

#[test]
fn lines_already_indexed_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    std::fs::write(
        &path,
        "{\"title\": \"A\"}\n{\"title\": \"B\"}\n{\"title\": \"C\"}\n",
    )
    .unwrap();
    let mut batches = Vec::new();
    let hash = read_file(&path, Format::JsonLines, &AtomicU64::new(0), 2, |b| {
        batches.push(b)
    })
    .unwrap();
    assert_eq!(hash, Some(compress::hash_file(&path).unwrap()));
    assert!(
        matches!(&batches[..], [Batch::Lines { first_line: 3, lines, .. }] if lines.len() == 1)
    );
}

#[test]
fn long_lines_are_read_through_but_not_kept() {
    let text = b"short\n0123456789abcdef\nend";
    let mut reader = &text[..];
    let mut line = Vec::new();
    assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 6);
    assert_eq!(line, b"short\n");
    line.clear();
    assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 17);
    assert_eq!(line.len(), 9, "at most the limit and one byte are kept");
    line.clear();
    assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 3);
    assert_eq!(line, b"end");
    line.clear();
    assert_eq!(read_line(&mut reader, &mut line, 8).unwrap(), 0);
}

#[test]
fn bodies_are_capped_with_a_warning() {
    let body = "word ".repeat(limits::MAX_BODY_BYTES / 2);
    let line = serde_json::json!({"title": "Long", "body": body}).to_string();
    let items = read_jsonl(line.as_bytes());
    let Item::Article(origin, parsed) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(origin.line, Some(1));
    assert_eq!(parsed.article.body.len(), limits::MAX_BODY_BYTES);
    assert!(parsed.warnings[0].contains("cut to the first"));
}

#[test]
fn lists_split_on_semicolons_first() {
    assert_eq!(
        metadata_list("Frankfurt, Germany"),
        ["Frankfurt", "Germany"]
    );
    assert_eq!(
        metadata_list("Washington, D.C.; Paris"),
        ["Washington, D.C.", "Paris"]
    );
}

/// Reads the file at `path` and parses every batch.
fn read_path(path: &Path) -> (Vec<Item>, Option<u128>) {
    let format = Format::of(path).unwrap();
    let mut items = Vec::new();
    let hash = read_file(path, format, &AtomicU64::new(0), 0, |batch| {
        items.extend(batch.parse());
    })
    .unwrap();
    (items, hash)
}

fn ids(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Article(_, parsed) => parsed.article.id.clone(),
            Item::Problem(_) => None,
        })
        .collect()
}

/// The ids of the complete lines that `decoder` yields before its error
/// (or its end): what must be indexed of a broken file.
fn complete_ids(mut decoder: impl Read) -> Vec<String> {
    let mut text = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match decoder.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => text.extend_from_slice(&buffer[..n]),
        }
    }
    let complete = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    text[..complete]
        .split(|b| *b == b'\n')
        .filter_map(|line| serde_json::from_slice::<serde_json::Value>(line).ok())
        .filter_map(|value| value["id"].as_str().map(str::to_owned))
        .collect()
}

/// 3,000 JSON Lines articles of varied length, so compressed blocks and
/// lines do not line up.
fn generated_lines() -> Vec<u8> {
    let mut text = String::new();
    for n in 0..3000 {
        let body = "Harbour dues rose again. ".repeat(n % 17 + 1);
        let line = serde_json::json!({"id": format!("a{n}"), "title": format!("Article {n}"), "body": body});
        text.push_str(&line.to_string());
        text.push('\n');
    }
    text.into_bytes()
}

#[test]
fn every_complete_line_before_a_break_is_indexed() {
    let text = generated_lines();
    let gzip = {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, &text).unwrap();
        encoder.finish().unwrap()
    };
    let zstd = zstd::encode_all(&text[..], 3).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, packed) in [("dump.jsonl.gz", &gzip), ("dump.jsonl.zst", &zstd)] {
        // Cut at a tenth, a third, the middle, near the end; and the header only.
        for keep in [
            packed.len() / 10,
            packed.len() / 3,
            packed.len() / 2,
            packed.len() - 9,
            12,
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, &packed[..keep]).unwrap();
            let expected = if name.ends_with(".gz") {
                complete_ids(flate2::read::MultiGzDecoder::new(&packed[..keep]))
            } else {
                complete_ids(zstd::stream::read::Decoder::new(&packed[..keep]).unwrap())
            };
            let (items, hash) = read_path(&path);
            assert_eq!(ids(&items), expected, "{name} cut at {keep}");
            assert_eq!(hash, None, "a broken file has no hash");
            let reported = problems(&items);
            let n = expected.len();
            let after = if n == 0 {
                "before the first complete line".to_owned()
            } else {
                format!("after line {n} (")
            };
            assert!(
                matches!(&reported[..], [(None, m)] if m.contains("compressed data ends early") && m.contains(&after)),
                "{name} cut at {keep}: {reported:?}"
            );
        }
    }
}

#[test]
fn corrupt_compressed_data_keeps_the_lines_before_it() {
    let text = generated_lines();
    let mut gzip = {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, &text).unwrap();
        encoder.finish().unwrap()
    };
    let middle = gzip.len() / 2;
    for byte in &mut gzip[middle..middle + 64] {
        *byte ^= 0x5a;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl.gz");
    std::fs::write(&path, &gzip).unwrap();
    let expected = complete_ids(flate2::read::MultiGzDecoder::new(&gzip[..]));
    let (items, _) = read_path(&path);
    let indexed = ids(&items);
    assert!(!expected.is_empty());
    assert_eq!(indexed, expected);
    assert!(
        problems(&items)
            .iter()
            .any(|(line, m)| line.is_none() && m.contains("gzip: ")),
        "{:?}",
        problems(&items)
    );
}

#[test]
fn whole_file_formats_cut_short_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let gzip = |bytes: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, bytes).unwrap();
        encoder.finish().unwrap()
    };
    let json = gzip(br#"[{"id": "x", "title": "A", "body": "Whole."}]"#);
    let text = gzip("Title\n".repeat(5000).as_bytes());
    // Cut in the data: nothing is indexed.
    for (name, packed) in [("a.json.gz", &json), ("a.txt.gz", &text)] {
        let path = dir.path().join(name);
        std::fs::write(&path, &packed[..packed.len() / 2]).unwrap();
        let (items, hash) = read_path(&path);
        assert_eq!(ids(&items), Vec::<String>::new(), "{name}");
        assert!(
            matches!(&problems(&items)[..], [(None, m)] if m.contains("ends early") && m.contains("not indexed")),
            "{name}: {:?}",
            problems(&items)
        );
        assert_eq!((items.len(), hash), (1, None));
    }
    // Only the checksum cut off: the JSON is whole, and indexed.
    let path = dir.path().join("b.json.gz");
    std::fs::write(&path, &json[..json.len() - 4]).unwrap();
    let (items, _) = read_path(&path);
    assert_eq!(ids(&items), ["x"]);
    assert!(problems(&items)[0].1.contains("complete and was indexed"));
}

/// `text` with a byte order mark, in UTF-16 or UTF-32, either byte order.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let units = |big: bool, wide: bool| {
        let mut bytes = Vec::new();
        for c in std::iter::once('\u{FEFF}').chain(text.chars()) {
            if wide {
                let v = c as u32;
                bytes.extend(if big {
                    v.to_be_bytes()
                } else {
                    v.to_le_bytes()
                });
            } else {
                for u in c.encode_utf16(&mut [0; 2]) {
                    bytes.extend(if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                }
            }
        }
        bytes
    };
    vec![
        ("utf-16le", units(false, false)),
        ("utf-16be", units(true, false)),
        ("utf-32le", units(false, true)),
        ("utf-32be", units(true, true)),
        (
            "utf-8 bom",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
    ]
}

#[test]
fn utf16_and_utf32_files_are_read_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("a.txt", "id: t1\n\nZürich talks\nZÜRICH - Talks.\n".to_owned()),
        ("a.json", r#"[{"id": "j1", "title": "Zürich"}, {"id": "j2", "title": "Ὀδυσσεύς"}]"#.to_owned()),
        ("a.jsonl", "{\"id\": \"l1\", \"title\": \"Zürich\"}\r\n{\"id\": \"l2\", \"title\": \"\u{1F4F0}\"}\n".to_owned()),
    ];
    for (name, text) in &files {
        let plain = dir.path().join(name);
        std::fs::write(&plain, text).unwrap();
        let (expected, _) = read_path(&plain);
        assert!(
            problems(&expected).is_empty(),
            "{name}: {:?}",
            problems(&expected)
        );
        for (encoding, bytes) in encodings(text) {
            let path = dir.path().join(format!("{encoding}-{name}"));
            std::fs::write(&path, &bytes).unwrap();
            let (items, hash) = read_path(&path);
            assert_eq!(
                format!("{items:?}").replace(&format!("{encoding}-"), ""),
                format!("{expected:?}"),
                "{encoding} {name}"
            );
            assert!(hash.is_some());
        }
        // Compressed too: the encoding is read under the compression.
        let (_, utf16) = &encodings(text)[0];
        let path = dir.path().join(format!("{name}.zst"));
        std::fs::write(&path, zstd::encode_all(&utf16[..], 1).unwrap()).unwrap();
        assert_eq!(ids(&read_path(&path).0), ids(&expected), "{name}.zst");
    }
}
