//! Hostile input: a directory of broken, odd and oversized files, generated at
//! test time (the 100 MB line included). Each problem must be reported with
//! its file, line and reason, every readable article indexed, and `--strict`
//! must turn the problems into exit status 1.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::support::{every_article, news};

/// What the run must say about one input: file, line, and words of the reason.
struct Expected {
    file: &'static str,
    line: Option<u64>,
    reason: &'static str,
}

const fn expect(file: &'static str, line: Option<u64>, reason: &'static str) -> Expected {
    Expected { file, line, reason }
}

/// Writes the hostile directory; returns the titles that must be indexed and
/// the problems that must be reported.
fn write_hostile(dir: &Path) -> (Vec<String>, Vec<Expected>) {
    let mut titles = Vec::new();
    let good = |n: usize| {
        format!(
            r#"{{"id": "good-{n}", "title": "Good article {n}", "body": "Harbour news number {n}.", "date": "2025-03-{:02}"}}"#,
            n % 28 + 1
        )
    };
    // JSON Lines with bad lines between good ones.
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for n in 0..40 {
        lines.push(good(n).into_bytes());
        titles.push(format!("Good article {n}"));
    }
    let bad: Vec<Vec<u8>> = vec![
        br#"{"title": "Broken", "body": "unterminated"#.to_vec(), // 41
        b"42".to_vec(),                                           // 42
        br#"["an", "array"]"#.to_vec(),                           // 43
        br#"{"title": ["a", "list"], "body": "Title of the wrong type."}"#.to_vec(), // 44
        b"{\"title\": \"Caf\xe9 owners\", \"body\": \"Latin-1 bytes.\"}".to_vec(), // 45
        br#"{"title": "Undatable", "body": "When?", "date": "the day after tomorrow"}"#.to_vec(), // 46
        br#"{"body": "A body without a title."}"#.to_vec(), // 47
        br#"{"title": "A title without a body"}"#.to_vec(), // 48
        br#"{"url": "https://example.com/nothing"}"#.to_vec(), // 49
        format!(
            r#"{{"title": "Deep", "body": {}1{}}}"#,
            "[".repeat(1000),
            "]".repeat(1000)
        )
        .into_bytes(), // 50
    ];
    lines.extend(bad);
    titles.extend(["", "Café owners", "Undatable", "", "A title without a body"].map(String::from));
    // A body of three million characters, indexed up to the cap.
    let long_body = "Tide tables and harbour dues. ".repeat(100_000);
    lines.push(
        serde_json::json!({"title": "Very long body", "body": long_body})
            .to_string()
            .into_bytes(),
    ); // 51
    titles.push("Very long body".into());
    fs::write(dir.join("feed.jsonl"), lines.join(&b'\n')).unwrap();

    // One line of 100 MB between two good ones, streamed to disk.
    let mut huge = fs::File::create(dir.join("huge.jsonl")).unwrap();
    writeln!(huge, "{}", good(100)).unwrap();
    titles.push("Good article 100".into());
    huge.write_all(br#"{"title": "Huge", "body": ""#).unwrap();
    let chunk = "x".repeat(1 << 20);
    for _ in 0..100 {
        huge.write_all(chunk.as_bytes()).unwrap();
    }
    huge.write_all(b"\"}\n").unwrap();
    writeln!(huge, "{}", good(101)).unwrap();
    titles.push("Good article 101".into());
    drop(huge);

    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("blank.jsonl"), "\n\n  \n").unwrap();
    fs::write(dir.join("program.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0").unwrap();
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..100_000u32).map(|i| (i * 7919 % 251) as u8));
    fs::write(dir.join("image.jsonl"), binary).unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Date: 2025-03-03\n\nZ\xfcrich talks\nZ\xfcrich hosted the talks.",
    )
    .unwrap();
    titles.push("Zürich talks".into());
    fs::write(
        dir.join("baddate.txt"),
        "Date: 31st of Smarch\nSource: Test Wire\n\nSmarch weather\nIt was lousy.",
    )
    .unwrap();
    titles.push("Smarch weather".into());
    fs::write(dir.join("titleonly.txt"), "Just a headline\n").unwrap();
    titles.push("Just a headline".into());
    fs::write(
        dir.join("array.json"),
        r#"[{"title": "First of the array", "body": "One."}, "not an object", {"title": "Third of the array", "body": "Three."}]"#,
    )
    .unwrap();
    titles.extend(["First of the array", "Third of the array"].map(String::from));
    fs::write(dir.join("broken.json"), r#"{"title": "Half"#).unwrap();
    fs::write(
        dir.join("long-id.jsonl"),
        serde_json::json!({"id": "i".repeat(100_000), "title": "Long id", "body": "An id of 100,000 characters."}).to_string(),
    )
    .unwrap();
    titles.push("Long id".into());
    titles.sort();

    let problems = vec![
        expect("feed.jsonl", Some(41), "invalid JSON"),
        expect(
            "feed.jsonl",
            Some(42),
            "expected an article object, found a number",
        ),
        expect(
            "feed.jsonl",
            Some(43),
            "expected an article object, found an array",
        ),
        expect("feed.jsonl", Some(44), "`title` is an array"),
        expect("feed.jsonl", Some(44), "no title"),
        expect("feed.jsonl", Some(45), "not valid UTF-8"),
        expect("feed.jsonl", Some(46), "not a date we can read"),
        expect("feed.jsonl", Some(47), "no title"),
        expect("feed.jsonl", Some(48), "no body"),
        expect("feed.jsonl", Some(49), "no title or text"),
        expect("feed.jsonl", Some(50), "invalid JSON"),
        expect("feed.jsonl", Some(51), "body of 2999999 bytes cut"),
        expect("huge.jsonl", Some(2), "longer than the 64.0 MiB limit"),
        expect("empty.txt", None, "empty file"),
        expect("blank.jsonl", None, "empty file"),
        expect("program.txt", None, "binary"),
        expect("image.jsonl", None, "binary"),
        expect("latin1.txt", None, "not valid UTF-8"),
        expect("baddate.txt", None, "not a date we can read"),
        expect("titleonly.txt", None, "no body"),
        expect("array.json", None, "array element 1"),
        expect("broken.json", None, "invalid JSON"),
        expect("long-id.jsonl", Some(1), "id of 100000 bytes"),
    ];
    (titles, problems)
}

#[test]
fn every_hostile_input_is_reported_and_every_readable_article_indexed() {
    let input = tempfile::TempDir::new().unwrap();
    let (titles, problems) = write_hostile(input.path());
    let input = input.path().display().to_string();

    let archive = tempfile::TempDir::new().unwrap();
    let output = news(archive.path(), &["index", &input, "--json", "--quiet"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Some inputs failed: status 1, with everything readable indexed.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for Expected { file, line, reason } in &problems {
        let origin = match line {
            Some(line) => format!("{file}:{line}: "),
            None => format!("{file}: "),
        };
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&origin) && l.contains(reason)),
            "no report of `{reason}` at {origin}\n{stderr}"
        );
    }
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["indexed"], titles.len() as u64, "{summary}");
    assert_eq!(summary["failed"], 12, "{summary}\n{stderr}");

    let mut indexed: Vec<String> = every_article(archive.path())
        .into_iter()
        .map(|(_, _, title)| title)
        .collect();
    indexed.sort();
    assert_eq!(indexed, titles);

    // --strict: the same reports and the same archive, then status 1.
    let strict = tempfile::TempDir::new().unwrap();
    let output = news(strict.path(), &["index", &input, "--strict", "--quiet"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--strict: 12 inputs failed"), "{stderr}");
    assert_eq!(every_article(strict.path()).len(), titles.len());
}

#[test]
fn strict_runs_over_clean_input_succeed() {
    let input = tempfile::TempDir::new().unwrap();
    fs::write(
        input.path().join("a.txt"),
        "Date: 2025-03-04\n\nClean article\nWith a body.",
    )
    .unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let output = news(
        archive.path(),
        &["index", &input.path().display().to_string(), "--strict"],
    );
    assert_eq!(output.status.code(), Some(0));
}

/// Whether `text` holds a control character other than the newlines that end its lines.
fn has_raw_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn names_from_the_input_are_printed_escaped() {
    let input = tempfile::TempDir::new().unwrap();
    // A file name that would print a forged problem line and turn the terminal red.
    let name = "evil\nerror: forged.jsonl:1: all is lost\x1b[31m.jsonl";
    fs::write(
        input.path().join(name),
        concat!(
            r#"{"id": "red\u001b[31m", "title": "Red \u001b[31malert\nforged line", "#,
            r#""body": "Harbour news \u001b[2J cleared.", "persons": ["Eve\u001b[5m"]}"#,
            "\n{broken\n",
        ),
    )
    .unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let dir = input.path().display().to_string();
    let output = news(archive.path(), &["index", &dir, "--quiet"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!has_raw_controls(&stderr), "{stderr:?}");
    // One problem, one line, naming the file as escaped.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr:?}");
    assert!(
        lines[0].starts_with("error: ")
            && lines[0].ends_with(
                r"/evil\nerror: forged.jsonl:1: all is lost\x1b[31m.jsonl:2: invalid JSON: key must be a string at line 1 column 2"
            ),
        "{stderr:?}"
    );
    assert!(!has_raw_controls(&String::from_utf8_lossy(&output.stdout)));

    // The commands that print titles, ids and names escape them too.
    let id = "red\x1b[31m";
    for args in [
        &["search", "harbour"][..],
        &["show", id],
        &["related", id],
        &["entities", "person", "Eve"],
    ] {
        let output = news(archive.path(), args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{args:?}: {stdout}");
        assert!(!has_raw_controls(&stdout), "{args:?}: {stdout:?}");
        if args[0] != "entities" {
            assert!(
                stdout.contains(r"Red \x1b[31malert\nforged line"),
                "{args:?}: {stdout}"
            );
        }
    }
    let show = news(archive.path(), &["show", id]);
    let show = String::from_utf8_lossy(&show.stdout);
    assert!(show.contains(r"id: red\x1b[31m"), "{show}");
    assert!(show.contains(r"Harbour news \x1b[2J cleared."), "{show}");
}
