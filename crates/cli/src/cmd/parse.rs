//! `news parse PATH...`: what the readers make of the input, without an
//! archive. The paths are walked as `news index` walks them and each file is
//! read by the same readers, so what this prints is what would be indexed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;

use anyhow::Context;
use clap::{Args, ValueEnum};
use news_indexer::record::stable_id;
use news_indexer::walk;
use news_query::date::format_rfc3339;
use news_read::{read_file, Item, Origin, Parsed, Problem};
use serde::Serialize;

/// Arguments of `news parse`.
#[derive(Debug, Args, PartialEq)]
pub struct ParseArgs {
    /// Files or directories to read (directories are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// `json`: one JSON object per article; `table`: one line per article.
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
}

/// How `news parse` prints articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per line.
    Json,
    /// One line per article, for people.
    Table,
}

/// One article as printed.
#[derive(Serialize)]
struct Row<'a> {
    file: String,
    /// Line (JSON Lines) or record number (web archives); null for a whole file.
    line: Option<u64>,
    id: String,
    title: &'a str,
    body: &'a str,
    date: Option<String>,
    authors: Vec<&'a str>,
    url: Option<&'a str>,
    source: Option<&'a str>,
    section: Option<&'a str>,
    language: Option<&'a str>,
    warnings: &'a [String],
}

/// Runs `news parse`: articles on stdout, problems on stderr. The exit code
/// is 1 when some input could not be read.
pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let mut roots = Vec::with_capacity(args.paths.len());
    for path in &args.paths {
        roots.push(walk::absolute(path).with_context(|| format!("reading {}", path.display()))?);
    }
    let failed = std::cell::Cell::new(0u64);
    let report = |problem: &Problem| {
        eprintln!("{problem}");
        if problem.severity == news_read::Severity::Error {
            failed.set(failed.get() + 1);
        }
    };
    let found = walk::walk(&roots, None, &report);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut result = Ok(());
    for file in &found.files {
        let read = read_file(&file.path, file.format, &AtomicU64::new(0), 0, |batch| {
            for item in batch.parse() {
                if result.is_err() {
                    return;
                }
                match item {
                    Item::Article(origin, parsed) => {
                        for warning in &parsed.warnings {
                            report(&Problem::warning(origin.clone(), warning.clone()));
                        }
                        result = print(&mut out, &origin, &parsed, args.format);
                    }
                    Item::Problem(problem) => report(&problem),
                }
            }
        });
        if let Err(error) = read {
            report(&Problem::error(
                Origin {
                    path: file.path.clone(),
                    line: None,
                },
                error.to_string(),
            ));
        }
        std::mem::replace(&mut result, Ok(()))?;
    }
    out.flush()?;
    Ok(if failed.get() == 0 && found.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print(
    out: &mut impl Write,
    origin: &Origin,
    parsed: &Parsed,
    format: OutputFormat,
) -> std::io::Result<()> {
    let a = &parsed.article;
    let row = Row {
        file: origin.path.to_string_lossy().into_owned(),
        line: origin.line,
        id: stable_id(a),
        title: &a.title,
        body: &a.body,
        date: a.date.map(format_rfc3339),
        authors: a.author.as_deref().map_or_else(Vec::new, |a| {
            a.split("; ").filter(|n| !n.is_empty()).collect()
        }),
        url: a.url.as_deref(),
        source: a.source.as_deref(),
        section: a.section.as_deref(),
        language: a.language.as_deref(),
        warnings: &parsed.warnings,
    };
    match format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut *out, &row)?;
            writeln!(out)
        }
        OutputFormat::Table => writeln!(
            out,
            "{}\t{}\t{}\t{} words\t{}",
            origin,
            row.date
                .as_deref()
                .map_or("undated", |d| &d[..10.min(d.len())]),
            row.language.unwrap_or("-"),
            a.body.split_whitespace().count(),
            a.title
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ParseArgs,
    }

    #[test]
    fn parses_paths_and_format() {
        let args = Wrapper::try_parse_from(["parse", "a.html", "dir"])
            .unwrap()
            .args;
        assert_eq!(args.paths, [PathBuf::from("a.html"), PathBuf::from("dir")]);
        assert_eq!(args.format, OutputFormat::Json);
        let args = Wrapper::try_parse_from(["parse", "--format", "table", "x"])
            .unwrap()
            .args;
        assert_eq!(args.format, OutputFormat::Table);
        assert!(Wrapper::try_parse_from(["parse"]).is_err());
    }
}
