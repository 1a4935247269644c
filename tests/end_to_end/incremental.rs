//! Incremental `news index`: a second run reads only what changed, replaces
//! changed files' articles, and with `--prune` removes those of deleted files.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::*;

fn index_json(archive: &Path, args: &[&str]) -> Value {
    let mut all = vec!["index", "--json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&news_ok(archive, &all).stdout).unwrap()
}

fn total(archive: &Path, query: &str) -> u64 {
    search(archive, &[query, "--limit", "0"])["total"]
        .as_u64()
        .unwrap()
}

fn counts(summary: &Value) -> [u64; 6] {
    ["files", "new", "changed", "unchanged", "removed", "missing"]
        .map(|k| summary[k].as_u64().unwrap())
}

#[test]
fn a_second_run_reads_only_new_and_changed_files_and_prune_removes_gone_ones() {
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    let inputs = dir.display().to_string();
    fs::write(
        dir.join("feed.jsonl"),
        concat!(
            r#"{"id": "f-1", "title": "Grain ships reach Tartus", "body": "Two ships arrived.", "date": "2025-03-01"}"#,
            "\n",
            r#"{"id": "f-2", "title": "Port reopens", "body": "The port reopened.", "date": "2025-03-02"}"#,
            "\n",
        ),
    )
    .unwrap();
    fs::write(dir.join("kept.txt"), "Kept story\nNothing changes here.").unwrap();
    fs::write(
        dir.join("edited.txt"),
        "Cabbage prices\nCabbage prices rose.",
    )
    .unwrap();
    fs::write(
        dir.join("gone.txt"),
        "Doomed story\nThis file will be deleted.",
    )
    .unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let archive = archive.path();

    let first = index_json(archive, &[&inputs]);
    assert_eq!(counts(&first), [4, 4, 0, 0, 0, 0], "{first}");
    assert_eq!(first["indexed"], 5, "{first}");

    let again = index_json(archive, &[&inputs]);
    assert_eq!(counts(&again), [0, 0, 0, 4, 0, 0], "{again}");
    assert_eq!(
        (again["indexed"].as_u64(), again["bytes"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(again["archive_size"], 5);

    fs::write(dir.join("edited.txt"), "Turnip prices\nTurnip prices fell.").unwrap();
    fs::write(dir.join("added.txt"), "Added story\nA new file appears.").unwrap();
    fs::remove_file(dir.join("gone.txt")).unwrap();
    let kept = index_json(archive, &[&inputs]);
    assert_eq!(counts(&kept), [2, 1, 1, 2, 0, 1], "{kept}");
    assert_eq!(
        total(archive, "Doomed"),
        1,
        "without --prune a gone file's articles stay"
    );
    assert_eq!(
        total(archive, "Cabbage"),
        0,
        "a changed file's old articles go"
    );
    assert_eq!(total(archive, "Turnip"), 1);

    let pruned = index_json(archive, &[&inputs, "--prune"]);
    assert_eq!(counts(&pruned), [0, 0, 0, 4, 1, 0], "{pruned}");
    assert_eq!(pruned["archive_size"], 5, "{pruned}");
    assert_eq!(total(archive, "Doomed"), 0);
    assert_eq!(total(archive, "*"), 5);

    // Running from elsewhere with another spelling of the same path changes nothing.
    let dotted = format!("{}/./", dir.display());
    let same = index_json(archive, &[&dotted]);
    assert_eq!(counts(&same), [0, 0, 0, 4, 0, 0], "{same}");
}

#[test]
fn an_id_seen_in_another_file_is_replaced_not_duplicated() {
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    fs::write(
        dir.join("monday.jsonl"),
        r#"{"id": "story-1", "title": "Draft headline", "body": "First version of the story."}"#,
    )
    .unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    index_json(archive.path(), &[&dir.display().to_string()]);
    fs::write(
        dir.join("tuesday.jsonl"),
        r#"{"id": "story-1", "title": "Final headline", "body": "Corrected version of the story."}"#,
    )
    .unwrap();
    let second = index_json(archive.path(), &[&dir.display().to_string()]);
    assert_eq!(second["new"], 1, "{second}");
    assert_eq!(total(archive.path(), "*"), 1);
    assert_eq!(total(archive.path(), "Final"), 1);
}

#[test]
fn an_incremental_run_leaves_the_archive_a_fresh_run_would_build() {
    // Reuters-21578 in files of 1,000 articles: re-transmitted stories cross
    // files, so removing one file orphans copies skipped in others.
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    let reuters = fs::read_to_string(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let lines: Vec<&str> = reuters.lines().collect();
    for (n, chunk) in lines.chunks(1000).enumerate() {
        fs::write(dir.join(format!("r{n:02}.jsonl")), chunk.join("\n") + "\n").unwrap();
    }
    let inputs = dir.display().to_string();
    let archive = tempfile::TempDir::new().unwrap();
    index_json(archive.path(), &[&inputs]);

    let edited = fs::read_to_string(dir.join("r03.jsonl")).unwrap().replacen(
        "\"title\": \"",
        "\"title\": \"EDITED ",
        5,
    );
    fs::write(dir.join("r03.jsonl"), edited).unwrap();
    fs::remove_file(dir.join("r12.jsonl")).unwrap();
    fs::rename(dir.join("r20.jsonl"), dir.join("r20-renamed.jsonl")).unwrap();
    let run = index_json(archive.path(), &[&inputs, "--prune"]);
    assert_eq!(
        counts(&run),
        [2 + run["reread"].as_u64().unwrap(), 1, 1, 19, 2, 0],
        "{run}"
    );
    assert!(run["reread"].as_u64().unwrap() >= 1, "{run}");

    // Exact copies keep the first in input order (files by path, then lines),
    // whichever run reads them: the same articles under the same ids.
    let fresh = index(&[dir]);
    let without_clusters = |archive: &Path| -> Vec<(String, String)> {
        // Cluster ids are never rewritten, so a story whose first article
        // was removed keeps that article's id here, unlike in a fresh run.
        every_article(archive)
            .into_iter()
            .map(|(id, _, title)| (id, title))
            .collect()
    };
    let (incremental, from_scratch) = (
        without_clusters(archive.path()),
        without_clusters(fresh.path()),
    );
    assert_eq!(incremental.len(), from_scratch.len());
    assert!(incremental == from_scratch, "the archives differ");
}

#[test]
fn a_damaged_manifest_or_clustering_state_is_refused_not_silently_dropped() {
    // Dropping either would forget which articles are copies of which, and
    // index exact duplicates (docs/RELIABILITY.md, "Damaged archives").
    let input = tempfile::TempDir::new().unwrap();
    let dir = input.path();
    fs::write(
        dir.join("a.jsonl"),
        r#"{"id": "a-1", "title": "One", "body": "First."}"#.to_owned()
            + "\n"
            + r#"{"id": "a-2", "title": "Two", "body": "Second."}"#,
    )
    .unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let inputs = dir.display().to_string();
    index_json(archive.path(), &[&inputs]);
    fs::write(dir.join("b.txt"), "Three\nThird.").unwrap();
    for (file, garbage) in [
        ("news-clusters.bin", &b"NEWSCLU2 truncated"[..]),
        ("news-manifest.json", b"{ not json"),
    ] {
        let path = archive.path().join(file);
        let sound = fs::read(&path).unwrap();
        fs::write(&path, garbage).unwrap();
        let refused = news(archive.path(), &["index", &inputs]);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(file) && stderr.contains("is damaged"),
            "{stderr}"
        );
        assert_eq!(total(archive.path(), "*"), 2, "nothing was written");
        fs::write(&path, sound).unwrap();
    }
    let healed = index_json(archive.path(), &[&inputs]);
    assert_eq!(
        (healed["new"].as_u64(), healed["unchanged"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(total(archive.path(), "*"), 3);
}

#[test]
fn an_archive_grown_by_many_small_runs_stays_merged() {
    // A run reads a small input before its first commit, and no merge starts
    // once the input is read unless more than 32 small segments wait
    // (`merge.rs`); each run here adds up to 3 (`--threads 8`).
    let reuters = fs::read_to_string(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let lines: Vec<&str> = reuters.lines().collect();
    let input = tempfile::TempDir::new().unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let segments = || -> usize {
        let meta = fs::read_to_string(archive.path().join("meta.json")).unwrap();
        serde_json::from_str::<Value>(&meta).unwrap()["segments"]
            .as_array()
            .unwrap()
            .len()
    };
    let (mut most, mut indexed) = (0, 0);
    // Forty runs add at least forty segments: more than the bound allows.
    for run in 0..40 {
        let file = input.path().join(format!("day-{run:02}.jsonl"));
        fs::write(&file, lines[run * 5..run * 5 + 5].join("\n")).unwrap();
        let summary = index_json(archive.path(), &[file.to_str().unwrap(), "--threads", "8"]);
        assert_eq!(summary["new"], 1);
        indexed += summary["indexed"].as_u64().unwrap();
        assert_eq!(summary["archive_size"].as_u64(), Some(indexed));
        most = most.max(segments());
    }
    assert!(most <= 32 + 3, "{most} segments");
}
