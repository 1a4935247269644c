//! The archive is a function of the input: the same files give the same
//! articles under the same ids in the same clusters, whatever the number of
//! threads and however they are scheduled.

use std::fs;

use serde_json::Value;

use crate::support::*;

#[test]
fn the_same_input_gives_the_same_archive_whatever_the_threads() {
    // 2,000 Reuters articles in files of 100, each file followed by one of
    // exact copies (other ids, other case) and near copies (one word edited)
    // of its articles: neighbouring small files are parsed at the same time,
    // so without an order the threads' timing would pick the kept copy and
    // each cluster's first article.
    let reuters = fs::read_to_string(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let lines: Vec<&str> = reuters.lines().take(2000).collect();
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    for (chunk, originals) in lines.chunks(100).enumerate() {
        let mut copies = String::new();
        for (n, line) in originals.iter().enumerate().filter(|(n, _)| n % 3 != 2) {
            let mut article: Value = serde_json::from_str(line).unwrap();
            let title = article["title"].as_str().unwrap_or_default().to_owned();
            let body = article["body"].as_str().unwrap_or_default().to_owned();
            if n % 3 == 0 {
                article["id"] = format!("exact-{chunk}-{n}").into();
                article["title"] = title.to_uppercase().into();
            } else {
                article["id"] = format!("near-{chunk}-{n}").into();
                article["body"] = body.replacen(" the ", " a ", 1).into();
            }
            copies += &(article.to_string() + "\n");
        }
        fs::write(
            dir.join(format!("{chunk:02}-a.jsonl")),
            originals.join("\n"),
        )
        .unwrap();
        fs::write(dir.join(format!("{chunk:02}-b.jsonl")), copies).unwrap();
    }

    let build = |threads: &str| {
        let archive = tempfile::TempDir::new().unwrap();
        let inputs = dir.display().to_string();
        let output = news_ok(
            archive.path(),
            &["index", &inputs, "--threads", threads, "--json"],
        );
        let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
        (every_article(archive.path()), summary)
    };
    let (one, summary) = build("1");
    assert!(
        summary["duplicates"].as_u64().unwrap() >= 500
            && summary["clustered"].as_u64().unwrap() >= 300,
        "the input has exact and near copies to decide about: {summary}"
    );
    // An exact copy of an earlier article is never the one kept.
    assert!(!one.iter().any(|(id, _, _)| id.starts_with("exact-")));
    for threads in ["2", "2"] {
        let (other, _) = build(threads);
        let only_one = one
            .iter()
            .filter(|a| other.binary_search(a).is_err())
            .count();
        let only_other = other
            .iter()
            .filter(|a| one.binary_search(a).is_err())
            .count();
        assert_eq!(
            (only_one, only_other),
            (0, 0),
            "--threads 1 and --threads {threads}: articles (id, cluster, title) found in one archive only"
        );
    }
}
