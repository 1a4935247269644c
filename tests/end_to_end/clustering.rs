//! Wire-copy clustering: near-identical articles share a cluster id, other
//! stories get their own, exact copies are indexed once, across runs.

use std::fs;

use news_query::Archive;

use crate::support::*;

const STORY: &str = "The Bank of Japan left interest rates unchanged on Tuesday and said the \
    economy was recovering moderately, while warning that weak exports to China and a strong \
    yen could weigh on growth in the coming months, according to a statement released after \
    its two-day policy meeting in Tokyo. Governor Kazuo Ueda told reporters the bank would \
    keep buying government bonds at the current pace.";

fn line(id: &str, title: &str, body: &str) -> String {
    serde_json::json!({"id": id, "title": title, "body": body, "date": "2025-06-03"}).to_string()
        + "\n"
}

fn cluster(archive: &Archive, id: &str) -> u64 {
    archive
        .article(id)
        .unwrap()
        .unwrap_or_else(|| panic!("{id} is indexed"))
        .cluster
        .expect("every article has a cluster")
}

#[test]
fn near_copies_share_a_cluster_across_runs_and_exact_copies_are_indexed_once() {
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    let wire = line("wire-1", "BOJ holds rates", STORY);
    let copy = line(
        "herald-7",
        "Bank of Japan keeps rates on hold",
        &STORY.replace("Tuesday", "Tuesday morning"),
    );
    let exact = line("gazette-3", "BOJ HOLDS RATES", &STORY.to_uppercase());
    let other = line(
        "farm-2",
        "Wheat harvest starts early",
        "Farmers in Kansas began harvesting winter wheat a week early after a dry and hot May, \
         and analysts said yields would be lower than last year's record crop because the \
         heat had cut the number of kernels per head across the southern plains.",
    );
    // Read in path order: the wire's file first, so its copy is the first.
    fs::write(dir.join("1-wire.jsonl"), wire + &other).unwrap();
    fs::write(dir.join("2-papers.jsonl"), copy + &exact).unwrap();
    let archive_dir = tempfile::TempDir::new().unwrap();
    let output = news_ok(
        archive_dir.path(),
        &["index", &dir.display().to_string(), "--json"],
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (
            &summary["indexed"],
            &summary["duplicates"],
            &summary["clustered"]
        ),
        (&3.into(), &1.into(), &1.into()),
        "{summary}"
    );

    // The first exact copy in input order is kept, however the files are
    // spread over threads, and the first article of the story founds the
    // cluster: its id is the wire copy's own.
    let archive = Archive::open(archive_dir.path()).unwrap();
    assert!(archive.article("gazette-3").unwrap().is_none());
    let story = cluster(&archive, "wire-1");
    assert_eq!(cluster(&archive, "herald-7"), story);
    assert_ne!(cluster(&archive, "farm-2"), story);
    let founder = tempfile::TempDir::new().unwrap();
    fs::write(
        founder.path().join("alone.jsonl"),
        line("wire-1", "BOJ holds rates", STORY),
    )
    .unwrap();
    let alone = index(&[founder.path()]);
    assert_eq!(
        cluster(&Archive::open(alone.path()).unwrap(), "wire-1"),
        story,
        "a story's cluster id is the one its first article has alone"
    );

    // A later run's copy joins the cluster the first run made.
    fs::write(
        dir.join("late.jsonl"),
        line(
            "late-1",
            "Japan central bank stands pat",
            &STORY.replace("Tokyo", "Tokyo on Tuesday"),
        ),
    )
    .unwrap();
    news_ok(archive_dir.path(), &["index", &dir.display().to_string()]);
    let archive = Archive::open(archive_dir.path()).unwrap();
    assert_eq!(cluster(&archive, "late-1"), story);
    assert_eq!(archive.len(), 4);
}
