use std::sync::atomic::AtomicU64;

use crate::{read_file, Format, Item};

/// Reads `text` as a file named `name` and parses every batch.
fn read(name: &str, text: &[u8], skip: u64) -> Vec<Item> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let format = Format::of(&path).unwrap();
    let mut items = Vec::new();
    read_file(&path, format, &AtomicU64::new(0), skip, |batch| {
        items.extend(batch.parse())
    })
    .unwrap();
    items
}

fn summary(items: &[Item]) -> Vec<(Option<u64>, String)> {
    items
        .iter()
        .map(|item| match item {
            Item::Article(origin, parsed) => (origin.line, parsed.article.title.clone()),
            Item::Problem(p) => (p.origin.line, format!("problem: {}", p.message)),
        })
        .collect()
}

#[test]
fn rows_map_columns_like_json_fields() {
    let text = "Headline,Text,Published At,Persons,source,ignored\n\
                Rates held,\"LONDON - The bank held, again.\",2026-01-28,Andrew Bailey; Rachel Reeves,Wire,x\n";
    let items = read("news.csv", text.as_bytes(), 0);
    let Item::Article(origin, parsed) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(origin.line, Some(2));
    let a = &parsed.article;
    assert_eq!(a.title, "Rates held");
    assert_eq!(a.body, "LONDON - The bank held, again.");
    assert_eq!(a.date, crate::date::parse_date("2026-01-28"));
    assert_eq!(
        a.persons.clone().unwrap(),
        ["Andrew Bailey", "Rachel Reeves"]
    );
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.dateline.as_deref(), Some("LONDON"));
}

#[test]
fn ragged_rows_are_reported_by_line_and_skipped() {
    let text = "title,body\nA,one\nB,two,extra\n\"C\",\"three\nlines\"\nD\nE,five\n";
    assert_eq!(
        summary(&read("news.csv", text.as_bytes(), 0)),
        [
            (Some(2), "A".to_owned()),
            (
                Some(3),
                "problem: row has 3 fields, the header 2; skipped".to_owned()
            ),
            (Some(4), "C".to_owned()),
            (
                Some(6),
                "problem: row has 1 fields, the header 2; skipped".to_owned()
            ),
            (Some(7), "E".to_owned()),
        ]
    );
}

#[test]
fn tsv_compressed_and_resumed() {
    let text = "title\tbody\n\"Quoted\tone\nSecond\ttwo\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    assert_eq!(
        summary(&read("news.tsv.gz", &bytes, 0)),
        [
            (Some(2), "\"Quoted".to_owned()),
            (Some(3), "Second".to_owned())
        ]
    );
    assert_eq!(
        summary(&read("news.tsv.gz", &bytes, 2)),
        [(Some(3), "Second".to_owned())]
    );
}

#[test]
fn files_without_text_columns_binary_or_empty() {
    let no_text = summary(&read("n.csv", b"id,date\n1,2026-01-01\n", 0));
    assert_eq!(no_text.len(), 1);
    assert!(no_text[0].1.contains("no text column"), "{no_text:?}");
    assert_eq!(
        summary(&read("n.csv", b"", 0)),
        [(None, "problem: empty file".to_owned())]
    );
    assert_eq!(
        summary(&read("n.csv", b"\x7fELF\x02\x01\0\0\0,\n", 0)),
        [(None, "problem: binary file, not text".to_owned())]
    );
}
