//! Query latency of `news-query` next to SQLite FTS5 on the same articles and
//! the same queries. One command builds both (cached) and prints one table:
//!
//! ```sh
//! cargo bench -p news-query --bench query -- --copies 47   # ~1M articles
//! ```
//!
//! Options: `--copies N` (default 1), `--clusters` (every article in a
//! near-duplicate cluster as `news index` writes them, copies sharing one), `--rounds N` timed rounds after one
//! warm-up round (default 3; SQLite runs one round), `--sample N` (use N of
//! the titles, evenly spaced, on both sides), `--queries FILE`, `--no-sqlite`.
//! Built data is kept under `target/bench/reuters-xN/`.
//!
//! Articles: Reuters-21578 repeated `--copies` times, ids made unique per copy.
//! Reuters carries no entities and the extractor is not in this crate, so a
//! crude stand-in fills persons (runs of capitalised words), locations (the
//! dateline city) and organizations (all-capitals words of the body), to give
//! the facet columns realistic work; SQLite gets the very same values.
//!
//! Queries: the TREC topic titles, lowercased words, run as ranked OR (any
//! word) and as AND (every word). Each timed call returns the total, the top
//! 10 with their passages (tantivy: three passages plus the marked title;
//! SQLite: `snippet()`), and in the "faceted" runs also the top 10 persons,
//! locations, organizations and sources and the month-by-month histogram.

use std::collections::BTreeSet;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use news_query::schema::{open_for_writing, ArticleRecord};
use news_query::{Archive, Interval, SearchRequest};
use serde_json::{json, Value};

struct Options {
    copies: usize,
    queries: PathBuf,
    rounds: usize,
    sqlite: bool,
    /// Use this many titles, evenly spaced (0: all).
    sample: usize,
    /// Give every article a near-duplicate cluster, as `news index` does:
    /// the copies of one Reuters article share one.
    clusters: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Kept long: one benchmark run, read top to bottom: build, time each engine, print the table.
    let options = parse_args();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let reuters = workspace.join("../shared/data/corpora/reuters21578.jsonl");
    let work = workspace
        .join("target/bench")
        .join(format!("reuters-x{}", options.copies));
    std::fs::create_dir_all(&work)?;
    let index_dir = work.join("tantivy");
    let corpus = work.join("articles.jsonl");
    if !work.join("ready").exists() {
        let started = Instant::now();
        let n = build(
            &reuters,
            options.copies,
            options.clusters,
            &index_dir,
            &corpus,
        )?;
        std::fs::write(work.join("ready"), n.to_string())?;
        eprintln!(
            "built {n} articles in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let queries = sample(read_queries(&options.queries)?, options.sample);
    let opened = Instant::now();
    let archive = Archive::open(&index_dir)?;
    eprintln!(
        "open (builds the facet name vocabularies): {:.1} ms",
        opened.elapsed().as_secs_f64() * 1e3
    );
    eprintln!(
        "tantivy: {} articles, {} queries x {} rounds",
        archive.len(),
        queries.len(),
        options.rounds
    );
    let cold = Instant::now();
    archive.search(&request("oil", true))?;
    eprintln!(
        "first faceted query: {:.1} ms",
        cold.elapsed().as_secs_f64() * 1e3
    );

    let mut rows = Vec::new();
    for (mode, joiner) in [("OR", " OR "), ("AND", " AND ")] {
        let texts: Vec<String> = queries.iter().map(|q| q.join(joiner)).collect();
        for faceted in [false, true] {
            let mut samples = Vec::new();
            let mut matched = 0u64;
            for round in 0..=options.rounds {
                for text in &texts {
                    let started = Instant::now();
                    let response = archive.search(&request(text, faceted))?;
                    let elapsed = started.elapsed().as_secs_f64() * 1e3;
                    if round > 0 {
                        samples.push(elapsed);
                    } else {
                        matched += response.total;
                    }
                }
            }
            let label = if faceted {
                "top-10 + snippets + facets + months"
            } else {
                "top-10 + snippets"
            };
            rows.push(row(
                "tantivy (news-query)",
                mode,
                label,
                samples,
                matched / texts.len() as u64,
            ));
        }
    }
    if options.sqlite {
        let script = workspace.join("bench/fts5_query.py");
        let output = Command::new("python3")
            .arg(script)
            .arg("--corpus")
            .arg(&corpus)
            .arg("--db")
            .arg(work.join("fts5.sqlite"))
            .arg("--queries")
            .arg(&options.queries)
            .arg("--sample")
            .arg(options.sample.to_string())
            .stderr(std::process::Stdio::inherit())
            .output()?;
        if !output.status.success() {
            return Err("bench/fts5_query.py failed".into());
        }
        let results: Value = serde_json::from_slice(&output.stdout)?;
        for result in results.as_array().into_iter().flatten() {
            let samples: Vec<f64> = result["samples_ms"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .collect();
            rows.push(row(
                "SQLite FTS5 (porter)",
                result["mode"].as_str().unwrap_or(""),
                result["label"].as_str().unwrap_or(""),
                samples,
                result["mean_total"].as_u64().unwrap_or(0),
            ));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    println!(
        "\n{} articles, {} TREC titles, {threads} search threads\n",
        archive.len(),
        queries.len()
    );
    println!("| engine | query | work | p50 ms | p90 ms | p99 ms | mean matches |");
    println!("|---|---|---|---:|---:|---:|---:|");
    for row in rows {
        println!("{row}");
    }
    Ok(())
}

fn parse_args() -> Options {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut options = Options {
        copies: 1,
        queries: workspace.join("../shared/data/queries/trec_adhoc_51-200.txt"),
        rounds: 3,
        sqlite: true,
        sample: 0,
        clusters: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--copies" => options.copies = args.next().and_then(|v| v.parse().ok()).unwrap_or(1),
            "--rounds" => options.rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(3),
            "--queries" => {
                options.queries = args.next().map(PathBuf::from).unwrap_or(options.queries)
            }
            "--no-sqlite" => options.sqlite = false,
            "--clusters" => options.clusters = true,
            "--sample" => options.sample = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            _ => {} // cargo bench passes `--bench`
        }
    }
    options
}

fn request(text: &str, faceted: bool) -> SearchRequest {
    SearchRequest::new(text)
        .limit(10)
        .facet_limit(if faceted { 10 } else { 0 })
        .histogram(faceted.then_some(Interval::Month))
}

/// Lowercased words of each `id<TAB>title` line (lowercase keeps `and`/`or`/`not`
/// words from reading as operators).
fn read_queries(path: &Path) -> std::io::Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(_, title)| title))
        .map(|title| {
            title
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|words| !words.is_empty())
        .collect())
}

/// `n` of `all`, evenly spaced; all of them when `n` is 0 or too large.
/// bench/fts5.py picks the same ones.
fn sample<T>(all: Vec<T>, n: usize) -> Vec<T> {
    if n == 0 || n >= all.len() {
        return all;
    }
    let len = all.len();
    let picked: Vec<usize> = (0..n).map(|i| i * len / n).collect();
    all.into_iter()
        .enumerate()
        .filter(|(i, _)| picked.contains(i))
        .map(|(_, t)| t)
        .collect()
}

fn row(engine: &str, mode: &str, label: &str, mut samples: Vec<f64>, mean_total: u64) -> String {
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| {
        if samples.is_empty() {
            return f64::NAN;
        }
        samples[((samples.len() as f64 - 1.0) * q).round() as usize]
    };
    format!(
        "| {engine} | {mode} | {label} | {:.2} | {:.2} | {:.2} | {mean_total} |",
        at(0.5),
        at(0.9),
        at(0.99)
    )
}

/// Writes the tantivy archive and the same articles as JSON lines for SQLite.
fn build(
    reuters: &Path,
    copies: usize,
    clusters: bool,
    index_dir: &Path,
    corpus: &Path,
) -> Result<u64, Box<dyn std::error::Error>> {
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(reuters)?)
        .lines()
        .collect::<Result<_, _>>()?;
    let originals: Vec<ArticleRecord> = lines.iter().filter_map(|l| record(l)).collect();
    let _ = std::fs::remove_dir_all(index_dir);
    let (index, schema) = open_for_writing(index_dir)?;
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(2, 1_000_000_000)?;
    let mut out = BufWriter::new(std::fs::File::create(corpus)?);
    let mut n = 0u64;
    for copy in 0..copies {
        for (n_original, original) in originals.iter().enumerate() {
            let mut record = original.clone();
            record.cluster = clusters.then_some(n_original as u64);
            if copy > 0 {
                record.id = format!("{}-{copy}", record.id);
            }
            writer.add_document(schema.to_document(&record))?;
            let month = record
                .date
                .map(|d| news_query::date::format_rfc3339(d)[..7].to_owned());
            let line = json!({
                "id": record.id, "title": record.title, "body": record.body, "month": month,
                "source": record.source, "persons": record.persons,
                "locations": record.locations, "organizations": record.organizations,
            });
            writeln!(out, "{line}")?;
            n += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    out.flush()?;
    Ok(n)
}

fn record(line: &str) -> Option<ArticleRecord> {
    let v: Value = serde_json::from_str(line).ok()?;
    let text = |k: &str| v[k].as_str().map(str::to_owned);
    let title = text("title").unwrap_or_default();
    let body = text("body").unwrap_or_default();
    let date = text("date")
        .and_then(|d| d.parse::<news_query::PartialDate>().ok())
        .map(|d| d.start());
    let dateline = text("dateline");
    let locations: Vec<String> = dateline
        .as_deref()
        .and_then(|d| d.split(',').next())
        .map(title_case)
        .filter(|s| !s.is_empty())
        .into_iter()
        .collect();
    Some(ArticleRecord {
        id: text("id")?,
        persons: capitalised_runs(&body),
        places: locations.clone(),
        locations,
        organizations: acronyms(&body),
        title,
        body,
        date,
        source: text("source"),
        section: text("section"),
        dateline,
        ..Default::default()
    })
}

fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Stand-in persons: runs of two or three capitalised words.
fn capitalised_runs(body: &str) -> Vec<String> {
    const SKIP: [&str; 12] = [
        "The", "A", "In", "It", "He", "She", "But", "And", "Inc", "Corp", "Co", "Ltd",
    ];
    let mut found = BTreeSet::new();
    let mut run: Vec<&str> = Vec::new();
    let words = body.split(|c: char| !(c.is_alphanumeric() || c == '\''));
    for word in words.chain([""]) {
        let capitalised = word.len() > 1
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].chars().all(|c| c.is_ascii_lowercase())
            && !SKIP.contains(&word);
        if capitalised && run.len() < 3 {
            run.push(word);
        } else {
            if run.len() >= 2 {
                found.insert(run.join(" "));
            }
            run.clear();
        }
    }
    found.into_iter().take(8).collect()
}

/// Stand-in organizations: all-capitals words of two to six letters.
fn acronyms(body: &str) -> Vec<String> {
    let found: BTreeSet<&str> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    found.into_iter().take(5).map(str::to_owned).collect()
}
