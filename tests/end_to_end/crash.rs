//! Crash safety: `news index` killed with SIGKILL at several moments leaves an
//! archive that opens and answers with what was last committed (never more
//! than the finished run, never a duplicate, never an article the input does
//! not have), and running it again finishes the job: the same articles, ids
//! and clusters as one uninterrupted run.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use crate::support::*;

#[test]
fn killed_runs_resume_to_exactly_the_clean_archive() {
    let input = reuters_sample(3000);
    let inputs = input.path().display().to_string();
    let commit_every = ["--commit-every", "100"];

    let clean = tempfile::TempDir::new().unwrap();
    let started = Instant::now();
    news_ok(
        clean.path(),
        &[
            "index",
            &inputs,
            "--quiet",
            commit_every[0],
            commit_every[1],
        ],
    );
    let clean_time = started.elapsed();
    let expected = every_article(clean.path());
    let expected_ids: HashSet<&str> = expected.iter().map(|(id, _, _)| id.as_str()).collect();
    assert!(expected.len() > 2500);

    let crashed = tempfile::TempDir::new().unwrap();
    let mut kills = 0;
    let mut counts = vec![0];
    // Increasing delays, each run going on from the last one's last commit,
    // until a run finishes before it is killed.
    for step in 1..=40u32 {
        let mut child = spawn_index(crashed.path(), input.path(), &commit_every);
        let delay = clean_time.mul_f64(0.08) * step;
        let deadline = Instant::now() + delay;
        while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(5));
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        if !crashed.path().join("meta.json").exists() {
            continue;
        }
        let seen = every_article(crashed.path());
        let ids: HashSet<&str> = seen.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids.len(), seen.len(), "duplicate ids after kill {kills}");
        assert!(
            ids.is_subset(&expected_ids),
            "unknown ids after kill {kills}"
        );
        assert!(
            seen.len() >= *counts.last().unwrap(),
            "{counts:?} then {}",
            seen.len()
        );
        counts.push(seen.len());
    }
    eprintln!("{kills} runs killed; articles after each: {counts:?}");
    assert!(kills >= 3, "only {kills} runs were killed before finishing");
    assert!(
        counts.iter().any(|&c| c > 0 && c < expected.len()),
        "no kill landed between commits: {counts:?}"
    );

    let output = news_ok(
        crashed.path(),
        &[
            "index",
            &inputs,
            "--quiet",
            "--json",
            commit_every[0],
            commit_every[1],
        ],
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(every_article(crashed.path()), expected, "{summary}");
    // A run with nothing left to do changes nothing.
    let again = news_ok(crashed.path(), &["index", &inputs, "--quiet", "--json"]);
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["indexed"], 0, "{again}");
    assert_eq!(every_article(crashed.path()), expected);
}
