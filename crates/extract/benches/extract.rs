//! Extractor throughput on one thread, model load time and peak memory.
//!
//! `cargo bench -p news-extract --bench extract` tags the texts of
//! CoNLL-2003 dev and train (from `shared/` beside the workspace) several
//! times and prints the median tokens per second, with VmHWM from
//! `/proc/self/status`. Tokens are counted with the tagger's own tokenizer.
//! `NEWS_NER_DIR` overrides where the CoNLL files are read from.

use std::path::PathBuf;
use std::time::Instant;

use news_extract::tokenize::tokenize;
use news_extract::Extractor;

// The allocator the `news` binary runs with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Nanoseconds this thread has run on a CPU (from the scheduler), so rates
/// stay meaningful on a machine shared with other jobs.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn texts() -> Vec<String> {
    // NEWS_NER_DIR points elsewhere when the bench binary runs on another machine.
    let dir = std::env::var_os("NEWS_NER_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner"),
        PathBuf::from,
    );
    let mut out = Vec::new();
    for name in ["conll2003-dev.jsonl", "conll2003-train.jsonl"] {
        let path = dir.join(name);
        let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (shared/ must sit beside the workspace)",
                path.display()
            )
        });
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
            out.push(v["text"].as_str().unwrap_or_default().to_string());
        }
    }
    out
}

fn main() {
    // Kept long: one benchmark run, read top to bottom: load, warm up, time, print.
    // `cargo bench` passes --bench; a filter argument selects nothing here.
    let texts = texts();
    let hwm_before = vm_hwm_kb().unwrap_or(0);
    let t = Instant::now();
    let ex = Extractor::bundled();
    let _ = ex.extract("warm up");
    let load = t.elapsed();
    let mut toks = Vec::new();
    let tokens: usize = texts
        .iter()
        .map(|s| {
            tokenize(s, &mut toks);
            toks.len()
        })
        .sum();
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    let mut mentions = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let c = cpu_ns();
        mentions = 0;
        for s in &texts {
            mentions += ex.extract(s).mentions.len();
        }
        rates.push(tokens as f64 / t.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c, cpu_ns()) {
            cpu_rates.push(tokens as f64 / ((c1 - c0) as f64 / 1e9));
        }
    }
    rates.sort_by(f64::total_cmp);
    cpu_rates.sort_by(f64::total_cmp);
    let median = rates[RUNS / 2];
    let cpu_median = cpu_rates.get(RUNS / 2).copied().unwrap_or(f64::NAN);
    // The tagger alone, without canonicalisation (median of 3).
    let mut tag_rates = Vec::new();
    for _ in 0..3 {
        let c = cpu_ns();
        for s in &texts {
            std::hint::black_box(ex.mentions(s));
        }
        if let (Some(c0), Some(c1)) = (c, cpu_ns()) {
            tag_rates.push(tokens as f64 / ((c1 - c0) as f64 / 1e9));
        }
    }
    tag_rates.sort_by(f64::total_cmp);
    let tag_rate = tag_rates.get(1).copied().unwrap_or(f64::NAN);
    let t = Instant::now();
    for s in &texts {
        tokenize(s, &mut toks);
    }
    let tok_rate = tokens as f64 / t.elapsed().as_secs_f64();
    let hwm = vm_hwm_kb().unwrap_or(0);
    println!(
        "extract benchmark (one thread, {} texts, {tokens} tokens, {mentions} mentions)",
        texts.len()
    );
    println!("{:<34} {:>14}", "metric", "value");
    println!("{:<34} {:>14.0}", "tokens/s, median of 5 (extract)", median);
    println!("{:<34} {:>14.0}", "tokens/s, slowest run", rates[0]);
    println!(
        "{:<34} {:>14.0}",
        "tokens/CPU-s, median (schedstat)", cpu_median
    );
    println!(
        "{:<34} {:>14.0}",
        "tokens/CPU-s, tagger (no canon.)", tag_rate
    );
    println!("{:<34} {:>14.0}", "tokens/s, tokenizer alone", tok_rate);
    println!(
        "{:<34} {:>14.1}",
        "model load + first call, ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "{:<34} {:>14.1}",
        "VmHWM before loading, MB",
        hwm_before as f64 / 1024.0
    );
    println!("{:<34} {:>14.1}", "VmHWM peak, MB", hwm as f64 / 1024.0);
}
