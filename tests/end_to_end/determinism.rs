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
        write_with_copies(dir, chunk, originals);
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

/// Writes `originals` to `NN-a.jsonl` and exact copies (other ids, other case)
/// and near copies (one word edited) of two thirds of them to `NN-b.jsonl`,
/// where NN is `name`.
fn write_with_copies(dir: &std::path::Path, name: usize, originals: &[&str]) {
    let mut copies = String::new();
    for (n, line) in originals.iter().enumerate().filter(|(n, _)| n % 3 != 2) {
        let mut article: Value = serde_json::from_str(line).unwrap();
        let title = article["title"].as_str().unwrap_or_default().to_owned();
        let body = article["body"].as_str().unwrap_or_default().to_owned();
        if n % 3 == 0 {
            article["id"] = format!("exact-{name}-{n}").into();
            article["title"] = title.to_uppercase().into();
        } else {
            article["id"] = format!("near-{name}-{n}").into();
            article["body"] = body.replacen(" the ", " a ", 1).into();
        }
        copies += &(article.to_string() + "\n");
    }
    fs::write(dir.join(format!("{name:02}-a.jsonl")), originals.join("\n")).unwrap();
    fs::write(dir.join(format!("{name:02}-b.jsonl")), copies).unwrap();
}

#[test]
fn days_spilled_to_disk_give_the_archive_kept_in_memory() {
    // Every 10th Reuters article (February to October 1987), in files of 100
    // with their exact and near copies, the files named so that they are read
    // in an order jumping between months: with room for a handful of articles'
    // band tables (`--cluster-memory 1K`) days go to the scratch file and come
    // back all the time. Then a second run adds files and changes one, over
    // the days stored by the first, with a scratch file a killed run left.
    let reuters = fs::read_to_string(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let lines: Vec<&str> = reuters.lines().step_by(10).take(1500).collect();
    let chunks: Vec<&[&str]> = lines.chunks(100).collect();
    let name = |chunk: usize| chunk * 7 % chunks.len();
    let later = 12;
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    for (chunk, originals) in chunks.iter().enumerate().take(later) {
        write_with_copies(dir, name(chunk), originals);
    }
    let inputs = dir.display().to_string();
    let spill = "news-clusters.spill";
    let big = tempfile::TempDir::new().unwrap();
    let small = tempfile::TempDir::new().unwrap();
    let index = |archive: &tempfile::TempDir, budget: &str| {
        let args = ["index", &inputs, "--cluster-memory", budget, "--json"];
        let output = news_ok(archive.path(), &args);
        assert!(
            !archive.path().join(spill).exists(),
            "the scratch file is removed"
        );
        serde_json::from_slice::<Value>(&output.stdout).unwrap()
    };
    let first = index(&big, "1G");
    assert!(
        first["duplicates"].as_u64().unwrap() >= 200 && first["clustered"].as_u64().unwrap() >= 200,
        "the input has exact and near copies to decide about: {first}"
    );
    let decided = |summary: &Value| {
        ["indexed", "duplicates", "clustered"].map(|key| summary[key].as_u64().unwrap())
    };
    assert_eq!(decided(&index(&small, "1K")), decided(&first));
    assert_eq!(every_article(small.path()), every_article(big.path()));

    for (chunk, originals) in chunks.iter().enumerate().skip(later) {
        write_with_copies(dir, name(chunk), originals);
    }
    write_with_copies(dir, name(3), &chunks[3][..60]);
    for archive in [&big, &small] {
        fs::write(archive.path().join(spill), vec![7u8; 5000]).unwrap();
    }
    let second = index(&big, "1G");
    assert!(second["changed"].as_u64().unwrap() >= 1, "{second}");
    assert_eq!(decided(&index(&small, "1K")), decided(&second));
    assert_eq!(every_article(small.path()), every_article(big.path()));
}
