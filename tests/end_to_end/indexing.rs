//! `news index`: formats, problems reported per file and line, re-indexing.

use std::fs;

use crate::support::*;

#[test]
fn reindexing_the_same_files_adds_no_duplicates() {
    let archive = index(&[&workspace().join("corpus")]);
    let before = search(archive.path(), &["*", "--limit", "0"])["total"]
        .as_u64()
        .unwrap();
    news_ok(
        archive.path(),
        &["index", &workspace().join("corpus").display().to_string()],
    );
    let after = search(archive.path(), &["*", "--limit", "0"])["total"]
        .as_u64()
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn problems_are_reported_and_everything_else_kept() {
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    fs::write(
        dir.join("feed.jsonl"),
        concat!(
            r#"{"id": "ok-1", "title": "Grain ships reach Tartus", "body": "TARTUS - Two ships arrived.", "date": "2025-03-01"}"#,
            "\n",
            r#"{"id": "broken", "title": "Half a line"#,
            "\n",
            r#"{"id": "ok-2", "title": "Port reopens", "body": "The port reopened.", "date": "2025-03-02"}"#,
            "\n"
        ),
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("photo.json"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(dir.join("picture.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Date: 2025-03-03\n\nZ\xfcrich talks\nZ\xfcrich hosted the talks.",
    )
    .unwrap();
    fs::write(
        dir.join("good.txt"),
        "Date: 2025-03-04\nSource: Test Wire\n\nA good article\nIt reads fine.",
    )
    .unwrap();

    let archive = tempfile::TempDir::new().unwrap();
    let output = news(
        archive.path(),
        &["index", &dir.display().to_string(), "--json"],
    );
    // Status 1: some inputs failed, and the rest is indexed all the same.
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("feed.jsonl:2") && stderr.contains("invalid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.txt") && stderr.contains("empty file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("photo.json") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(
        stderr.contains("latin1.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["indexed"], 4, "{summary}");
    assert_eq!(summary["failed"], 3, "{summary}");
    assert_eq!(summary["skipped"], 1, "{summary}");
    assert_eq!(summary["warnings"], 1, "{summary}");

    let all = search(archive.path(), &["*"]);
    let mut found = titles(&all);
    found.sort();
    assert_eq!(
        found,
        [
            "A good article",
            "Grain ships reach Tartus",
            "Port reopens",
            "Zürich talks"
        ]
    );
}

#[test]
fn undated_articles_stay_undated() {
    let input = tempfile::TempDir::new().unwrap();
    fs::write(
        input.path().join("a.txt"),
        "No date here\nJust text about Tartus.",
    )
    .unwrap();
    let archive = index(&[input.path()]);
    let response = search(archive.path(), &["Tartus"]);
    assert_eq!(response["hits"][0]["date"], serde_json::Value::Null);
    assert_eq!(response["histogram"], serde_json::json!([]));
}

#[test]
fn a_missing_input_is_an_error() {
    let archive = tempfile::TempDir::new().unwrap();
    let output = news(archive.path(), &["index", "/definitely/not/here"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/definitely/not/here"));
}

#[test]
fn the_summary_counts_commits_and_the_time_they_took() {
    // Commits fall between batches of 256 lines: 1,000 articles make four.
    let input = reuters_sample(1000);
    let archive = tempfile::TempDir::new().unwrap();
    let output = news_ok(
        archive.path(),
        &[
            "index",
            &input.path().display().to_string(),
            "--json",
            "--commit-every",
            "100",
        ],
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let commits = summary["commits"].as_u64().unwrap();
    assert!(
        commits >= 4,
        "one after each batch and one at the end: {summary}"
    );
    let spent = summary["commit_seconds"].as_f64().unwrap();
    let total = summary["seconds"].as_f64().unwrap();
    assert!(spent > 0.0 && spent <= total, "{summary}");
}

#[test]
fn tantivy_gets_fewer_writer_threads_when_extraction_is_the_work() {
    let index_with = |lines: &str| {
        let dir = tempfile::TempDir::new().unwrap();
        let input = dir.path().join("articles.jsonl");
        std::fs::write(&input, lines).unwrap();
        let archive = tempfile::TempDir::new().unwrap();
        let output = news_ok(
            archive.path(),
            &[
                "index",
                &input.display().to_string(),
                "--json",
                "--threads",
                "6",
            ],
        );
        let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        summary["writer_threads"].as_u64().unwrap()
    };
    let extracted =
        r#"{"id": "a", "title": "Talks", "body": "Vladimir Putin met Ahmed al-Sharaa in Moscow."}"#;
    let listed = r#"{"id": "a", "title": "Talks", "body": "Vladimir Putin met Ahmed al-Sharaa in Moscow.", "persons": [], "locations": [], "organizations": []}"#;
    // One writer thread per three parse threads, or one per parse thread.
    assert_eq!(index_with(extracted), 2);
    assert_eq!(index_with(listed), 6);
}
