//! `kill-resume FILE`: crash safety at scale. Indexes FILE once without
//! interruption, then again into another archive in runs that are killed with
//! SIGKILL after random delays, each run going on from the last one's last
//! commit, and finally one run left to finish. After every kill the archive
//! must open and hold no duplicate, no article the clean archive lacks, and no
//! fewer articles than after the kill before; at the end it must hold exactly
//! the clean archive's articles, ids and clusters.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use news_query::{Archive, SearchRequest};

/// Settings of a kill-and-resume benchmark.
pub struct Options {
    /// JSON Lines articles.
    pub file: PathBuf,
    /// The `news` binary.
    pub news: PathBuf,
    /// Work directory (its `clean` and `killed` archives are replaced).
    pub dir: PathBuf,
    /// Runs to kill.
    pub cycles: usize,
    /// `--commit-every` of every run.
    pub commit_every: u64,
    /// Seed of the kill delays.
    pub seed: u64,
}

/// Runs the benchmark and prints a Markdown report.
pub fn run(options: &Options) -> anyhow::Result<()> {
    // Kept long: the kill-and-resume cycle in the order it runs.
    let clean = options.dir.join("clean");
    let killed = options.dir.join("killed");
    for dir in [&clean, &killed] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
        }
    }
    std::fs::create_dir_all(&options.dir)?;

    let started = Instant::now();
    let status = index(options, &clean).status()?;
    ensure!(status.success(), "the clean run failed: {status}");
    let clean_time = started.elapsed();
    let expected = articles(&clean, true)?;
    let expected_ids: HashSet<&str> = expected.iter().map(|(id, _)| id.as_str()).collect();

    // Kill delays: uniform over [0.2 s, 0.2 s + 3 x an even share of the
    // clean run], so most kills land mid-run and the runs still progress.
    let share = clean_time.div_f64(options.cycles.max(1) as f64);
    let mut random = options.seed.wrapping_mul(6_364_136_223_846_793_005) | 1;
    let mut next_delay = || {
        random = random
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let unit = (random >> 11) as f64 / (1u64 << 53) as f64;
        Duration::from_millis(200) + share.mul_f64(3.0 * unit)
    };
    println!("| run | killed after | articles in the archive after the kill |\n|---:|---:|---:|");
    let crash_started = Instant::now();
    let mut counts = vec![0usize];
    let mut kills = 0;
    for cycle in 1..=options.cycles {
        let delay = next_delay();
        let mut child = index(options, &killed).spawn()?;
        let deadline = Instant::now() + delay;
        while Instant::now() < deadline && child.try_wait()?.is_none() {
            std::thread::sleep(Duration::from_millis(2));
        }
        if let Some(status) = child.try_wait()? {
            ensure!(status.success(), "run {cycle} failed: {status}");
            println!(
                "| {cycle} | finished before {:.2} s | |",
                delay.as_secs_f64()
            );
            break;
        }
        child.kill()?;
        child.wait()?;
        kills += 1;
        let count = if killed.join("meta.json").exists() {
            let seen = articles(&killed, false)?;
            let ids: HashSet<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
            ensure!(ids.len() == seen.len(), "duplicate ids after kill {kills}");
            ensure!(
                ids.is_subset(&expected_ids),
                "unknown ids after kill {kills}"
            );
            seen.len()
        } else {
            0
        };
        ensure!(
            count >= *counts.last().unwrap_or(&0),
            "the archive shrank after kill {kills}: {counts:?} then {count}"
        );
        counts.push(count);
        println!("| {cycle} | {:.2} s | {count} |", delay.as_secs_f64());
    }
    let status = index(options, &killed).status()?;
    ensure!(status.success(), "the final run failed: {status}");
    let crash_time = crash_started.elapsed();
    let got = articles(&killed, true)?;
    let same = got == expected;
    println!();
    println!(
        "{kills} runs killed, then one finished. Clean run: {} articles in {:.1} s; \
         killed and resumed: {} articles in {:.1} s all told. Same ids, titles and \
         clusters as the clean run: {}.",
        expected.len(),
        clean_time.as_secs_f64(),
        got.len(),
        crash_time.as_secs_f64(),
        if same { "yes" } else { "NO" }
    );
    println!(
        "{{\"kills\": {kills}, \"clean_articles\": {}, \"resumed_articles\": {}, \"clean_seconds\": {:.2}, \"killed_and_resumed_seconds\": {:.2}, \"identical\": {same}}}",
        expected.len(),
        got.len(),
        clean_time.as_secs_f64(),
        crash_time.as_secs_f64()
    );
    if !same {
        bail!("the resumed archive differs from the clean one");
    }
    Ok(())
}

/// `news --index DIR index FILE --quiet --commit-every N`, output discarded.
fn index(options: &Options, dir: &Path) -> Command {
    let mut command = Command::new(&options.news);
    command
        .arg("--index")
        .arg(dir)
        .arg("index")
        .arg(&options.file)
        .arg("--quiet")
        .arg("--commit-every")
        .arg(options.commit_every.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Every article of an archive as (id, "cluster title"), sorted; the
/// cluster and title only when `details` (they cost a lookup each).
fn articles(dir: &Path, details: bool) -> anyhow::Result<Vec<(String, String)>> {
    let archive = Archive::open(dir)?;
    let mut request = SearchRequest::new("*")
        .limit(10_000)
        .all_copies(true)
        .facet_limit(0)
        .histogram(None)
        .fragments(0);
    let mut found = Vec::new();
    loop {
        let page = archive.search(&request)?;
        for hit in page.hits {
            let detail = if details {
                let record = archive.article(&hit.id)?.context("a hit is an article")?;
                format!("{:?} {}", record.cluster, hit.title)
            } else {
                String::new()
            };
            found.push((hit.id, detail));
        }
        match page.next_cursor {
            Some(cursor) => request = request.cursor(cursor),
            None => break,
        }
    }
    found.sort();
    Ok(found)
}
