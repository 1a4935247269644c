//! `news index PATH...`: read articles and add them to the archive, reading
//! only files that changed since the last run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use news_indexer::{index_paths, CommitEvery, IndexOptions, IndexSummary};

use crate::progress::Reporter;
use crate::render::{count, printable};

/// Arguments of `news index`.
#[derive(Debug, Args, PartialEq)]
pub struct IndexArgs {
    /// Files or directories to index (directories are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Threads for parsing, extraction and writing (default: one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Writer memory budget, e.g. `512M` or `1G` (K, M, G are powers of 1024).
    #[arg(long, default_value = "1G", value_name = "SIZE", value_parser = parse_size)]
    pub memory: usize,
    /// Memory for the clustering band tables, e.g. `64M`; days beyond it
    /// wait on disk in the archive directory.
    #[arg(long, default_value = "64M", value_name = "SIZE", value_parser = parse_size)]
    pub cluster_memory: usize,
    /// Remove the articles of files indexed before that no longer exist.
    #[arg(long)]
    pub prune: bool,
    /// Authority file (aliases, names to hide; see README "Authority file"):
    /// checked, copied into the archive as news-names.tsv and applied;
    /// later runs apply the copy. Stored articles whose names change are
    /// rewritten without reading their input again.
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
    /// Commit after this many articles (and every --commit-interval): a run
    /// killed at any moment loses at most the work since its last commit, and
    /// running it again goes on from there.
    #[arg(long, default_value_t = CommitEvery::default().articles, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_every: u64,
    /// Commit at least this often while indexing, in seconds.
    #[arg(long, default_value_t = CommitEvery::default().interval.as_secs(), value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub commit_interval: u64,
    /// No progress bar or progress lines (problems are still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 if any input had a problem (an error or a warning);
    /// everything readable is still indexed and every problem reported first.
    #[arg(long)]
    pub strict: bool,
}

impl IndexArgs {
    fn options(&self) -> IndexOptions {
        IndexOptions {
            threads: self.threads,
            memory_budget: self.memory,
            prune: self.prune,
            cluster_memory: self.cluster_memory,
            commit_every: CommitEvery {
                articles: self.commit_every,
                interval: Duration::from_secs(self.commit_interval),
            },
            names: self.names.clone(),
        }
    }
}

/// Parses `512M`, `1G`, `1.5G`, `800K` or a plain number of bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let number = upper.trim_end_matches("IB").trim_end_matches('B');
    let (digits, unit) = match number.char_indices().last() {
        Some((i, c @ ('K' | 'M' | 'G'))) => (&number[..i], c),
        _ => (number, ' '),
    };
    let shift = match unit {
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => 0,
    };
    let value: f64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a size like 512M or 1G"))?;
    let bytes = value * f64::from(1u32 << shift);
    if !(bytes.is_finite() && bytes >= 1.0 && bytes < usize::MAX as f64) {
        return Err(format!("`{text}` is not a usable size"));
    }
    Ok(bytes as usize)
}

/// Runs `news index`.
pub fn run(index: &Path, args: IndexArgs) -> anyhow::Result<ExitCode> {
    let reporter = Reporter::new(args.quiet);
    let result = index_paths(index, &args.paths, &args.options(), &reporter);
    reporter.finish();
    let summary =
        result.with_context(|| format!("indexing into {}", printable(&index.to_string_lossy())))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(index, &summary);
    }
    Ok(exit_code(&summary, args.strict))
}

/// 0 when all went well; 1 when some input failed (it is reported above and
/// the rest is indexed), or under `--strict` when some input had a warning:
/// see `news --help`.
fn exit_code(summary: &IndexSummary, strict: bool) -> ExitCode {
    if strict && summary.failed + summary.warnings > 0 {
        eprintln!(
            "--strict: {} inputs failed and {} had warnings (reported above)",
            summary.failed, summary.warnings
        );
        ExitCode::from(1)
    } else if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_summary(index: &Path, s: &IndexSummary) {
    println!(
        "indexed {} from {} in {:.2} s ({:.0} articles/s); skipped {}, {} failed, {} warnings",
        count(s.indexed, "article"),
        count(s.files, "file"),
        s.seconds,
        s.articles_per_second,
        count(s.skipped, "file"),
        s.failed,
        s.warnings
    );
    println!(
        "files: {} new, {} changed, {} unchanged, {} removed, {} missing (kept; --prune removes them), {} read again for copies of removed articles, {} resumed where an interrupted run's last commit ended",
        s.new, s.changed, s.unchanged, s.removed, s.missing, s.reread, s.resumed
    );
    println!(
        "{} exact duplicates not indexed, {} articles joined the cluster of a near-identical one",
        s.duplicates, s.clustered
    );
    if s.rewritten > 0 {
        println!(
            "{} rewritten from the archive by the names rules (the authority file, the short forms of the archive's organizations and its persons' surnames; no input read for them)",
            count(s.rewritten, "stored article")
        );
    }
    println!(
        "archive {} now holds {} ({}, {:.2} s)",
        printable(&index.to_string_lossy()),
        count(s.archive_size, "article"),
        count(s.commits, "commit"),
        s.commit_seconds
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
        let parsed = Wrapper::try_parse_from([
            "index",
            "corpus",
            "more.jsonl.gz",
            "--threads",
            "4",
            "--memory",
            "512M",
            "--cluster-memory",
            "8M",
            "--prune",
            "--commit-every",
            "500",
            "--commit-interval",
            "7",
            "--json",
        ])
        .unwrap()
        .args;
        assert_eq!(
            parsed,
            IndexArgs {
                paths: vec!["corpus".into(), "more.jsonl.gz".into()],
                threads: 4,
                memory: 512 << 20,
                cluster_memory: 8 << 20,
                prune: true,
                names: None,
                commit_every: 500,
                commit_interval: 7,
                quiet: false,
                json: true,
                strict: false,
            }
        );
        assert_eq!(parsed.options().memory_budget, 512 << 20);
        assert!(parsed.options().prune);
        assert_eq!(
            parsed.options().commit_every,
            CommitEvery {
                articles: 500,
                interval: Duration::from_secs(7)
            }
        );
        let defaults = Wrapper::try_parse_from(["index", "c", "-q"]).unwrap().args;
        assert_eq!((defaults.memory, defaults.quiet), (1 << 30, true));
        assert_eq!(
            defaults.options().cluster_memory,
            news_indexer::DEFAULT_CLUSTER_MEMORY
        );
        assert!(Wrapper::try_parse_from(["index"]).is_err());
        assert!(Wrapper::try_parse_from(["index", "c", "--memory", "lots"]).is_err());
        assert_eq!(defaults.options().commit_every, CommitEvery::default());
        assert!(Wrapper::try_parse_from(["index", "c", "--commit-every", "0"]).is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1.5g"), Ok(3 << 29));
        assert_eq!(parse_size("800KiB"), Ok(800 << 10));
        assert_eq!(parse_size("1000000"), Ok(1_000_000));
        assert!(parse_size("").is_err());
        assert!(parse_size("-1G").is_err());
        assert!(parse_size("G").is_err());
        assert!(parse_size("1T").is_err());
    }
}
