//! `news synth --from CORPUS.jsonl --count N --seed S`: write a synthetic
//! archive recombined from a real corpus's sentences, for benchmarks.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use news_indexer::synth::Synthesizer;

/// Arguments of `news synth`.
#[derive(Debug, Args, PartialEq)]
pub struct SynthArgs {
    /// A JSON Lines corpus whose headlines, datelines and sentences are recombined.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Number of articles to write.
    #[arg(long, value_name = "N")]
    pub count: u64,
    /// Seed: the same corpus, count and seed write the same bytes.
    #[arg(long, default_value_t = 7, value_name = "S")]
    pub seed: u64,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `news synth`.
pub fn run(args: SynthArgs) -> anyhow::Result<ExitCode> {
    let material = Synthesizer::from_jsonl(&args.from)
        .with_context(|| format!("reading {}", args.from.display()))?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut out);
    material
        .write(args.count, args.seed, &mut out)
        .context("writing synthetic articles")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: SynthArgs,
    }

    #[test]
    fn parses_source_count_seed_and_output() {
        let parsed = Wrapper::try_parse_from([
            "synth",
            "--from",
            "r.jsonl",
            "--count",
            "1000",
            "--seed",
            "3",
            "-o",
            "big.jsonl",
        ])
        .unwrap()
        .args;
        assert_eq!(
            parsed,
            SynthArgs {
                from: "r.jsonl".into(),
                count: 1000,
                seed: 3,
                out: Some("big.jsonl".into()),
            }
        );
        let defaults = Wrapper::try_parse_from(["synth", "--from", "r.jsonl", "--count", "5"])
            .unwrap()
            .args;
        assert_eq!((defaults.seed, defaults.out), (7, None));
        assert!(Wrapper::try_parse_from(["synth", "--count", "5"]).is_err());
    }
}
