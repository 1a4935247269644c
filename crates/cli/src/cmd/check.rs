//! `news check`: verifies every file of the archive and says, per file, what
//! is damaged and what to do. Exit 0 when healthy, 1 when damaged, 2 when the
//! check cannot run (no archive, unreadable directory).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use news_indexer::manifest::Manifest;
use news_query::verify::{Depth, Report};
use serde::Serialize;

use crate::render::{paint, DIM, HEADING};

/// Arguments of `news check`.
#[derive(Debug, Args, PartialEq)]
pub struct CheckArgs {
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Only check that each file is there and whole (its footer readable),
    /// without reading every byte for its checksum.
    #[arg(long)]
    pub quick: bool,
    /// Also list the input files the archive was built from, with their
    /// size and hash, as the manifest records them (what a rebuild reads).
    #[arg(long)]
    pub inputs: bool,
}

/// The report as `--json` prints it.
#[derive(Serialize)]
struct Output<'a> {
    healthy: bool,
    seconds: f64,
    #[serde(flatten)]
    report: &'a Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    inputs: Option<Vec<Input>>,
}

/// One input file of the manifest.
#[derive(Serialize)]
struct Input {
    path: String,
    size: u64,
    hash: Option<String>,
}

/// Runs `news check`.
pub fn run(index: &Path, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let depth = if args.quick {
        Depth::Footers
    } else {
        Depth::Checksums
    };
    let started = Instant::now();
    let report = news_indexer::integrity::check(index, depth)?;
    let seconds = started.elapsed().as_secs_f64();
    let inputs = args.inputs.then(|| inputs(index));
    let mut out = anstream::stdout().lock();
    if args.json {
        let output = Output {
            healthy: report.is_healthy(),
            seconds,
            report: &report,
            inputs,
        };
        writeln!(out, "{}", serde_json::to_string(&output)?)?;
    } else {
        print_report(&mut out, &report, depth, seconds)?;
        for input in inputs.iter().flatten() {
            let hash = input.hash.as_deref().unwrap_or("(read in part)");
            writeln!(out, "input {} {} bytes {hash}", input.path, input.size)?;
        }
    }
    Ok(if report.is_healthy() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The inputs the manifest records; none when it is missing or damaged.
fn inputs(index: &Path) -> Vec<Input> {
    let Ok(Some(manifest)) = Manifest::load(index) else {
        return Vec::new();
    };
    manifest
        .sources
        .iter()
        .map(|(path, entry)| Input {
            path: path.display().to_string(),
            size: entry.size,
            hash: entry.hash.clone(),
        })
        .collect()
}

fn print_report(
    out: &mut impl Write,
    report: &Report,
    depth: Depth,
    seconds: f64,
) -> std::io::Result<()> {
    let what = match depth {
        Depth::Checksums => "checksums verified",
        Depth::Changed => "checksums of changed files verified",
        Depth::Footers => "present and whole (checksums not read: --quick)",
    };
    let mib = report.bytes as f64 / (1024.0 * 1024.0);
    let state = if report.is_healthy() {
        "healthy"
    } else {
        "DAMAGED"
    };
    writeln!(
        out,
        "{} {}: {state}",
        paint(HEADING, "archive"),
        report.path.display()
    )?;
    writeln!(
        out,
        "{}",
        paint(
            DIM,
            &format!(
                "{} files sound ({mib:.1} MiB, {what}) in {seconds:.2} s",
                report.files
            )
        )
    )?;
    for finding in &report.findings {
        let label = if finding.is_damage() {
            "damaged "
        } else {
            "leftover"
        };
        writeln!(out, "{label} {finding}")?;
    }
    if !report.is_healthy() {
        writeln!(
            out,
            "what to do: searches refuse this archive and `news index` will not write into it. \
             Rebuild it: move {dir} aside, run `news index --index {dir}` again on the same \
             inputs (`news check --inputs` lists them when the manifest is sound), then delete \
             the old copy. See docs/RELIABILITY.md, \"Damaged archives\".",
            dir = report.path.display()
        )?;
    } else if !report.findings.is_empty() {
        writeln!(
            out,
            "leftovers are not damage: the next `news index` removes them"
        )?;
    }
    Ok(())
}
