//! `news export --format parquet --out news.parquet`: every article matching
//! a query and filters (all of them by default) as Parquet, JSON Lines or
//! CSV, or as OpenSearch/Elasticsearch `_bulk` or Quickwit NDJSON files.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use news_export::{entities_path_beside, Format, Options};
use news_query::{Archive, SearchRequest};

use crate::cmd::filters::FilterArgs;

/// Arguments of `news export`.
#[derive(Debug, Args, PartialEq)]
pub struct ExportArgs {
    /// Query in tantivy syntax, as for `news search`; `*` (the default) for everything.
    #[arg(value_name = "QUERY", default_value = "*")]
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// File to write (a directory for opensearch and quickwit); JSON Lines
    /// and CSV go to standard output without it.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Every near-duplicate, instead of one article per cluster.
    #[arg(long)]
    pub all_copies: bool,
    /// Leave article text out.
    #[arg(long)]
    pub no_body: bool,
    /// Also write the entity table (entity, kind, article_id), beside --out
    /// (`news.parquet` gives `news.entities.parquet`) unless --entities-out.
    #[arg(long)]
    pub entities: bool,
    /// Where to write the entity table (implies --entities).
    #[arg(long, value_name = "PATH")]
    pub entities_out: Option<PathBuf>,
    /// Index name in OpenSearch bulk actions and the Quickwit index config.
    #[arg(long, default_value = "news", value_name = "NAME")]
    pub index_name: String,
    /// Largest bulk/NDJSON file for opensearch and quickwit, in MB.
    #[arg(long, default_value_t = 50, value_name = "MB")]
    pub bulk_mb: u64,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One Parquet file (Snappy), for DuckDB, pandas, Polars, Spark.
    Parquet,
    /// One JSON object per line, in field names `news index` reads back.
    Jsonl,
    /// CSV with a header; lists joined with "; ".
    Csv,
    /// A directory: index.json (mappings) and _bulk NDJSON files, for
    /// OpenSearch or Elasticsearch.
    Opensearch,
    /// A directory: index-config.yaml and NDJSON files for `quickwit index ingest`.
    Quickwit,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Parquet => Format::Parquet,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Opensearch => Format::OpenSearch,
            FormatArg::Quickwit => Format::Quickwit,
        }
    }
}

impl ExportArgs {
    /// The search whose matches are exported.
    pub fn to_request(&self) -> SearchRequest {
        let request = SearchRequest {
            query: self.query.clone(),
            all_copies: self.all_copies,
            ..SearchRequest::default()
        };
        self.filters.apply(request)
    }

    /// The library's options; an entity table needs a path.
    pub fn options(&self) -> anyhow::Result<Options> {
        let entities = match (&self.entities_out, self.entities) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => Some(entities_path_beside(self.out.as_deref().context(
                "--entities needs --out, to write the table beside it, or --entities-out PATH",
            )?)),
            (None, false) => None,
        };
        Ok(Options {
            out: self.out.clone(),
            body: !self.no_body,
            entities,
            index_name: self.index_name.clone(),
            bulk_bytes: self.bulk_mb.saturating_mul(1_000_000).max(1),
        })
    }
}

/// Runs `news export`.
pub fn run(index: &Path, args: ExportArgs) -> anyhow::Result<ExitCode> {
    crate::allocator::return_freed_memory_sooner();
    let options = args.options()?;
    let archive = open_for_scan(index)?;
    let scan = archive.scan(&args.to_request())?;
    for notice in scan.notices() {
        match &notice.used {
            Some(used) => eprintln!("note: {:?} read as {used:?}", notice.given),
            None => eprintln!(
                "note: no {:?} in the archive: nothing matches it",
                notice.given
            ),
        }
    }
    let bar = progress_bar(args.quiet, scan.len());
    let summary = news_export::export(scan, args.format.into(), &options, &mut |written| {
        if let Some(bar) = &bar {
            bar.set_position(written);
        }
    })
    .with_context(|| format!("exporting {}", index.display()))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if options.out.is_some() && !args.quiet {
        eprintln!(
            "{} articles, {} entity rows written to {} file(s)",
            summary.articles,
            summary.entities,
            summary.files.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The archive opened for reading all of it (see `Archive::open_for_scan`:
/// read into buffers, not mapped, so its pages do not add up in the
/// process's memory), with `crate::cmd::open`'s advice when there is none.
fn open_for_scan(index: &Path) -> anyhow::Result<Archive> {
    Archive::open_for_scan(index).map_err(|error| match error {
        news_query::Error::NoArchive { .. } | news_query::Error::Open { .. } => {
            anyhow::Error::new(error).context(format!(
                "no archive to export; build one with `news index --index {} DIR`",
                index.display()
            ))
        }
        other => other.into(),
    })
}

/// A bar on a terminal; nothing when quiet or when stderr is a log.
fn progress_bar(quiet: bool, total: u64) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed:>4} [{wide_bar}] {human_pos}/{human_len} articles, {per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: ExportArgs,
    }

    fn parse(argv: &[&str]) -> ExportArgs {
        Cli::try_parse_from(std::iter::once("export").chain(argv.iter().copied()))
            .unwrap()
            .args
    }

    #[test]
    fn entities_go_beside_out_or_where_told() {
        let args = parse(&["--format", "parquet", "--out", "a/x.parquet", "--entities"]);
        assert_eq!(
            args.options().unwrap().entities,
            Some(PathBuf::from("a/x.entities.parquet"))
        );
        let args = parse(&["--format", "csv", "--entities-out", "e.csv"]);
        assert_eq!(
            args.options().unwrap().entities,
            Some(PathBuf::from("e.csv"))
        );
        let args = parse(&["--format", "csv", "--entities"]);
        assert!(args.options().is_err());
    }

    #[test]
    fn filters_and_copies_reach_the_request() {
        let args = parse(&[
            "oil",
            "--format",
            "jsonl",
            "--person",
            "Putin",
            "--all-copies",
        ]);
        let request = args.to_request();
        assert_eq!(request.query, "oil");
        assert_eq!(request.persons, ["Putin"]);
        assert!(request.all_copies);
        assert!(args.options().unwrap().body);
    }
}
