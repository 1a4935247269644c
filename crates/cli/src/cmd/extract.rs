//! `news extract [FILE]`: entity extraction over JSONL documents, no archive.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use news_extract::{extract_jsonl, Extractor};

/// Arguments of `news extract`.
#[derive(Debug, Args, PartialEq)]
pub struct ExtractArgs {
    /// JSONL input, one `{"id", "text"}` or `{"id", "title", "body"}` per
    /// line (standard input when absent). Writes one JSON line per document:
    /// `{"id", "mentions", "persons", "locations", "organizations"}`.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Runs `news extract`. Bad lines are reported on stderr with their line
/// number and skipped; the exit code is 1 when there were any.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    crate::allocator::keep_freed_memory();
    let stdout = std::io::stdout();
    let out = BufWriter::new(stdout.lock());
    let report = |e: &news_extract::JsonlError| eprintln!("extract: {e}");
    let summary = match &args.file {
        Some(path) => {
            let f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
            extract_jsonl(Extractor::bundled(), BufReader::new(f), out, report)
                .with_context(|| format!("extracting from {}", path.display()))?
        }
        None => {
            let stdin = std::io::stdin();
            extract_jsonl(Extractor::bundled(), stdin.lock(), out, report)
                .context("extracting from standard input")?
        }
    };
    Ok(if summary.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ExtractArgs,
    }

    #[test]
    fn parses_optional_file() {
        let parsed = Wrapper::try_parse_from(["extract", "docs.jsonl"])
            .unwrap()
            .args;
        assert_eq!(
            parsed,
            ExtractArgs {
                file: Some("docs.jsonl".into())
            }
        );
        let parsed = Wrapper::try_parse_from(["extract"]).unwrap().args;
        assert_eq!(parsed, ExtractArgs { file: None });
        assert!(Wrapper::try_parse_from(["extract", "a", "b"]).is_err());
    }
}
