//! `news index PATH...`: read articles and add them to the archive.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use news_indexer::{index_paths, IndexOptions, IndexSummary};

/// Arguments of `news index`.
#[derive(Debug, Args, PartialEq)]
pub struct IndexArgs {
    /// Files or directories to index (directories are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Threads for parsing and extraction (default: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Writer memory budget in megabytes.
    #[arg(long = "memory-mb", default_value_t = 512, value_name = "MB")]
    pub memory_mb: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

impl IndexArgs {
    fn options(&self) -> IndexOptions {
        IndexOptions {
            threads: self.threads,
            memory_budget: self.memory_mb << 20,
        }
    }
}

/// Runs `news index`.
pub fn run(index: &Path, args: IndexArgs) -> anyhow::Result<ExitCode> {
    let summary = index_paths(index, &args.paths, &args.options(), &|problem| {
        eprintln!("{problem}");
    })
    .with_context(|| format!("indexing into {}", index.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(index, &summary);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(index: &Path, s: &IndexSummary) {
    println!(
        "indexed {} articles from {} files in {:.2} s ({:.0} articles/s); skipped {} files, {} failed, {} warnings",
        s.indexed, s.files, s.seconds, s.articles_per_second, s.skipped, s.failed, s.warnings
    );
    println!(
        "archive {} now holds {} articles",
        index.display(),
        s.archive_size
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: IndexArgs,
    }

    #[test]
    fn parses_paths_and_options() {
        let parsed =
            Wrapper::try_parse_from(["index", "corpus", "more.jsonl", "--threads", "4", "--json"])
                .unwrap()
                .args;
        assert_eq!(
            parsed,
            IndexArgs {
                paths: vec!["corpus".into(), "more.jsonl".into()],
                threads: 4,
                memory_mb: 512,
                json: true,
            }
        );
        assert_eq!(parsed.options().memory_budget, 512 << 20);
        assert!(Wrapper::try_parse_from(["index"]).is_err());
    }
}
