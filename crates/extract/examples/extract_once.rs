//! Runs `Extractor::extract` over the texts of CoNLL-2003 dev and train
//! (the benchmark's texts), twice, for instruction counts that do not
//! depend on the machine's load; count the second pass only, with warm
//! per-thread caches as in steady indexing:
//!
//! ```text
//! cargo build --release -p news-extract --example extract_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*second_pass*' target/release/examples/extract_once [--tagger]
//! ```
//!
//! `--tagger` runs `Extractor::mentions` instead (no canonicalisation).
//! Prints the number of texts and mentions, so runs can be checked alike.

use std::path::PathBuf;

use news_extract::Extractor;

fn main() {
    let tagger_only = std::env::args().any(|a| a == "--tagger");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner");
    let mut texts = Vec::new();
    for name in ["conll2003-dev.jsonl", "conll2003-train.jsonl"] {
        let path = dir.join(name);
        let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1)
        });
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                texts.push(v["text"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    let ex = Extractor::bundled();
    first_pass(ex, &texts, tagger_only);
    let mentions = second_pass(ex, &texts, tagger_only);
    println!("{} texts, {mentions} mentions", texts.len());
}

#[inline(never)]
fn first_pass(ex: &Extractor, texts: &[String], tagger_only: bool) -> usize {
    run(ex, texts, tagger_only)
}

#[inline(never)]
fn second_pass(ex: &Extractor, texts: &[String], tagger_only: bool) -> usize {
    run(ex, texts, tagger_only)
}

fn run(ex: &Extractor, texts: &[String], tagger_only: bool) -> usize {
    texts
        .iter()
        .map(|t| {
            if tagger_only {
                ex.mentions(t).len()
            } else {
                ex.extract(t).mentions.len()
            }
        })
        .sum()
}
