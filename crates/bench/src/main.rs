//! `news-bench`: the pieces of `bench/index.sh` that need Rust.
//!
//! * `tantivy FILE --index DIR`: index a JSON Lines file with tantivy alone
//!   (title and body as text with the archive's analyser, date; no extraction,
//!   no clustering), the baseline `news index` is compared with.
//! * `repeat FILE --times N`: the corpus N times, each copy with new ids and
//!   its title marked, so copies are neither replaced by id nor dropped as
//!   exact duplicates (they do cluster, as wire copies would).
//! * `pairs FILE --sample N`: near-duplicate pairs clustering finds in a
//!   corpus, sampled for reading, to check precision by eye.
//! * `serve --url URL --queries FILE --clients 1,8,64`: load a running
//!   `news serve` with faceted searches from concurrent clients (see `load`).
//! * `clustering FILE`: clustering alone over a corpus (signatures and
//!   assignment, no extraction, no index): its time and the memory its state
//!   takes per article.
//! * `synth --from FILE --count N --seed S`: a synthetic archive of any size
//!   recombined from a real corpus's sentences (see [`synth`]).
//! * `kill-resume FILE --cycles N`: `news index` killed N times at random
//!   moments and resumed, compared with one clean run (see [`kill_resume`]).

mod kill_resume;
mod load;
mod synth;

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};
use news_indexer::cluster::{signature, Clusters, Verdict};
use news_indexer::record::stable_id;
use news_query::schema::{register_tokenizers, TEXT_TOKENIZER};
use news_read::json;
use tantivy::indexer::IndexWriterOptions;
use tantivy::schema::{
    DateOptions, DateTimePrecision, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
    INDEXED,
};
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument};

#[derive(Parser)]
#[command(name = "news-bench", about = "Benchmark helpers for bench/index.sh")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index a JSON Lines file with tantivy alone; prints one JSON line of figures.
    Tantivy {
        /// JSON Lines articles.
        file: PathBuf,
        /// Index directory (created; must not hold an index).
        #[arg(long)]
        index: PathBuf,
        /// Writer threads.
        #[arg(long, default_value_t = 2)]
        threads: usize,
        /// Writer budget in bytes, shared by the threads.
        #[arg(long, default_value_t = 1 << 30)]
        memory: usize,
    },
    /// Write FILE N times to stdout with new ids and marked titles.
    Repeat {
        /// JSON Lines articles.
        file: PathBuf,
        /// Copies.
        #[arg(long)]
        times: usize,
    },
    /// Print a sample of the near-duplicate pairs clustering finds in FILE.
    Pairs {
        /// JSON Lines articles.
        file: PathBuf,
        /// Pairs to print.
        #[arg(long, default_value_t = 30)]
        sample: usize,
        /// Which pairs (every k-th, starting at seed mod k).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write synthetic articles recombined from a real corpus's sentences.
    Synth {
        /// A JSON Lines corpus whose headlines, datelines and sentences are recombined.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// Number of articles to write.
        #[arg(long, value_name = "N")]
        count: u64,
        /// Seed: the same corpus, count and seed write the same bytes.
        #[arg(long, default_value_t = 7, value_name = "S")]
        seed: u64,
        /// Write here instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Load a running `news serve` with faceted searches; prints a Markdown table.
    Serve(load::LoadArgs),
    /// Cluster FILE alone; prints one JSON line: time, and resident memory
    /// before and after (the growth is the clustering state).
    Clustering {
        /// JSON Lines articles.
        file: PathBuf,
        /// Keep band tables within this many bytes, spilling days to a
        /// scratch file in `--spill` (without it, all stay in memory).
        #[arg(long, default_value_t = news_indexer::DEFAULT_CLUSTER_MEMORY)]
        budget: usize,
        /// Directory for the scratch file.
        #[arg(long)]
        spill: Option<PathBuf>,
    },
    /// Kill `news index` on FILE N times at random moments, resume it, and
    /// compare the archive with a clean run's; prints a Markdown report.
    KillResume {
        /// JSON Lines articles.
        file: PathBuf,
        /// Runs to kill.
        #[arg(long, default_value_t = 20)]
        cycles: usize,
        /// `--commit-every` of every run.
        #[arg(long, default_value_t = 1000)]
        commit_every: u64,
        /// The `news` binary.
        #[arg(long, default_value = "target/release/news")]
        news: PathBuf,
        /// Work directory.
        #[arg(long, default_value = "/tmp/news-kill-resume")]
        dir: PathBuf,
        /// Seed of the kill delays.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

// The allocator the `news` binary runs with, so "tantivy alone" is
// measured on the same footing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Tantivy {
            file,
            index,
            threads,
            memory,
        } => tantivy_alone(&file, &index, threads, memory),
        Command::Repeat { file, times } => repeat(&file, times),
        Command::Pairs { file, sample, seed } => pairs(&file, sample, seed),
        Command::Serve(args) => load::run(&args),
        Command::Synth {
            from,
            count,
            seed,
            out,
        } => synth::run(&from, count, seed, out.as_deref()),
        Command::Clustering {
            file,
            budget,
            spill,
        } => clustering(&file, budget, spill.as_deref()),
        Command::KillResume {
            file,
            cycles,
            commit_every,
            news,
            dir,
            seed,
        } => kill_resume::run(&kill_resume::Options {
            file,
            news,
            dir,
            cycles,
            commit_every,
            seed,
        }),
    }
}

fn tantivy_alone(file: &Path, dir: &Path, threads: usize, memory: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text);
    let date = builder.add_date_field(
        "date",
        DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, builder.build()).context("creating the index")?;
    register_tokenizers(&index);
    let options = IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(memory / threads)
        .build();
    let mut writer: IndexWriter = index.writer_with_options(options)?;
    let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(file)?);
    let (mut articles, mut bytes) = (0u64, 0u64);
    for line in reader.lines() {
        let line = line?;
        bytes += line.len() as u64 + 1;
        let Ok(parsed) = json::parse_line(&line) else {
            continue;
        };
        let article = parsed.article;
        let mut doc = TantivyDocument::default();
        doc.add_text(title, &article.title);
        doc.add_text(body, &article.body);
        if let Some(secs) = article.date {
            doc.add_date(date, DateTime::from_timestamp_secs(secs));
        }
        writer.add_document(doc)?;
        articles += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "articles": articles, "bytes": bytes, "seconds": seconds,
            "articles_per_second": articles as f64 / seconds,
        })
    );
    Ok(())
}

fn repeat(file: &Path, times: usize) -> anyhow::Result<()> {
    let lines: Vec<String> = BufReader::new(std::fs::File::open(file)?)
        .lines()
        .collect::<Result<_, _>>()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    for copy in 0..times {
        for line in &lines {
            let Ok(mut value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if copy > 0 {
                let id = value["id"].as_str().unwrap_or("").to_owned();
                value["id"] = format!("{id}-copy{copy}").into();
                let title = value["title"].as_str().unwrap_or("").to_owned();
                value["title"] = format!("{title} (copy {copy})").into();
            }
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn pairs(file: &Path, sample: usize, seed: u64) -> anyhow::Result<()> {
    let mut articles = Vec::new();
    let mut clusters = Clusters::new();
    let mut found = Vec::new();
    let (mut duplicates, mut joined) = (0, 0);
    for line in BufReader::new(std::fs::File::open(file)?).lines() {
        let Ok(parsed) = json::parse_line(&line?) else {
            continue;
        };
        let article = parsed.article;
        let id = stable_id(&article);
        match clusters.assign(
            &signature(&id, &article.title, &article.body, article.date),
            0,
        )? {
            Verdict::Duplicate { .. } => duplicates += 1,
            Verdict::Index { nearest, .. } => {
                if let Some((of, similarity)) = nearest {
                    joined += 1;
                    found.push((articles.len(), of as usize, similarity));
                }
                articles.push((id, article.title, article.body));
            }
        }
    }
    println!(
        "{} articles indexed, {duplicates} exact duplicates, {joined} joined a cluster",
        articles.len()
    );
    let step = (found.len() / sample.max(1)).max(1);
    for (a, b, similarity) in found
        .iter()
        .skip(seed as usize % step)
        .step_by(step)
        .take(sample)
    {
        println!("\n=== similarity {similarity:.2}");
        for i in [b, a] {
            let (id, title, body) = &articles[*i];
            let start: String = body.chars().take(300).collect();
            println!("[{id}] {title}\n    {}", start.replace('\n', " "));
        }
    }
    Ok(())
}

/// Resident and peak resident memory of this process, in bytes (Linux).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
            .unwrap_or(0)
            * 1024
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

fn clustering(file: &Path, budget: usize, spill: Option<&Path>) -> anyhow::Result<()> {
    let started = Instant::now();
    let (before, _) = memory();
    let mut clusters = match spill {
        Some(dir) => Clusters::open(dir, budget, None, &Default::default()),
        None => Clusters::new(),
    };
    let (mut articles, mut duplicates, mut joined) = (0u64, 0u64, 0u64);
    let mut line = String::new();
    let mut input = BufReader::with_capacity(1 << 20, std::fs::File::open(file)?);
    while {
        line.clear();
        input.read_line(&mut line)? > 0
    } {
        let Ok(parsed) = json::parse_line(&line) else {
            continue;
        };
        let article = parsed.article;
        let id = stable_id(&article);
        articles += 1;
        match clusters.assign(
            &signature(&id, &article.title, &article.body, article.date),
            0,
        )? {
            Verdict::Duplicate { .. } => duplicates += 1,
            Verdict::Index { nearest, .. } => joined += u64::from(nearest.is_some()),
        }
    }
    let (after, peak) = memory();
    let seconds = started.elapsed().as_secs_f64();
    let figures = serde_json::json!({
        "articles": articles,
        "duplicates": duplicates,
        "joined": joined,
        "seconds": seconds,
        "rss_before_mb": before as f64 / 1e6,
        "rss_after_mb": after as f64 / 1e6,
        "peak_rss_mb": peak as f64 / 1e6,
        "bytes_per_article": (after.saturating_sub(before)) as f64 / articles.max(1) as f64,
        "peak_bytes_per_article": (peak.saturating_sub(before)) as f64 / articles.max(1) as f64,
        "state_mb": clusters.memory() as f64 / 1e6,
    });
    println!("{figures}");
    Ok(())
}
