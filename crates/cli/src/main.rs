//! `news`: index news articles and search them by text, date, person, place and
//! organization. Each subcommand lives in its own module under `cmd/`: it
//! parses its arguments into a typed struct, calls the library, and prints.

mod allocator;
mod cmd;
mod progress;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit statuses, shown under `news --help` (and in the README's CLI section).
const EXIT_STATUS: &str = "\
Exit status:
  0  success (warnings, if any, are reported on stderr; the articles are indexed)
  1  some input failed: each is reported on stderr with its file, line and
     reason, and everything readable is indexed; with `news index --strict`,
     also when some input only had a warning
  2  usage error, or a fatal error (the archive cannot be opened, written,
     is damaged, or is locked by another `news index`)
`news check` exits 1 when the archive is damaged.";

/// Full-text search for news archives.
#[derive(Debug, Parser, PartialEq)]
#[command(name = "news", version, about, long_about = None, after_help = EXIT_STATUS)]
struct Cli {
    /// Archive directory.
    #[arg(
        long,
        global = true,
        env = "NEWS_INDEX",
        default_value = "news-index",
        value_name = "DIR"
    )]
    index: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand, PartialEq)]
enum Command {
    /// Index article files (.txt, .json, .jsonl, .ndjson; also .gz or .zst) under the given paths.
    Index(cmd::index::IndexArgs),
    /// Search the archive.
    Search(cmd::search::SearchArgs),
    /// Show one article in full.
    Show(cmd::show::ShowArgs),
    /// Articles related to one article.
    Related(cmd::related::RelatedArgs),
    /// Look up canonical names of people, places or organizations.
    Entities(cmd::entities::EntitiesArgs),
    /// Verify every file of the archive: what is damaged and what to do
    /// (exit 0 healthy, 1 damaged, 2 cannot run).
    Check(cmd::check::CheckArgs),
    /// Coverage of a query over time, as a bar chart.
    Timeline(cmd::timeline::TimelineArgs),
    /// Serve the HTTP API and the search page (loopback by default).
    Serve(cmd::serve::ServeArgs),
    /// Find persons, locations and organizations in JSONL documents.
    Extract(cmd::extract::ExtractArgs),
    /// Print what the readers make of files, one JSON object per article; no archive.
    Parse(cmd::parse::ParseArgs),
    /// Write the archive, or a search's matches, as Parquet, JSON Lines, CSV,
    /// OpenSearch bulk or Quickwit files.
    Export(cmd::export::ExportArgs),
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(render::print_panic));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => cmd::index::run(&cli.index, args),
        Command::Search(args) => cmd::search::run(&cli.index, args),
        Command::Show(args) => cmd::show::run(&cli.index, args),
        Command::Related(args) => cmd::related::run(&cli.index, args),
        Command::Entities(args) => cmd::entities::run(&cli.index, args),
        Command::Timeline(args) => cmd::timeline::run(&cli.index, args),
        Command::Check(args) => cmd::check::run(&cli.index, args),
        Command::Serve(args) => cmd::serve::run(&cli.index, args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Export(args) => cmd::export::run(&cli.index, args),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`news search x | head`): nothing is wrong.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", render::error_message(&format!("{error:#}")));
            ExitCode::from(2)
        }
    }
}

/// Whether writing failed because the output's reader closed it.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_option_is_global_and_defaults() {
        let cli = Cli::try_parse_from(["news", "search", "Tartus"]).unwrap();
        assert_eq!(cli.index, PathBuf::from("news-index"));
        let cli = Cli::try_parse_from(["news", "search", "Tartus", "--index", "/tmp/a"]).unwrap();
        assert_eq!(cli.index, PathBuf::from("/tmp/a"));
        for argv in [
            &["news", "show", "x", "--index", "/tmp/b"][..],
            &["news", "related", "x", "--index", "/tmp/b"],
            &["news", "entities", "person", "--index", "/tmp/b"],
            &["news", "timeline", "oil", "--index", "/tmp/b"],
            &["news", "serve", "--index", "/tmp/b"],
            &["news", "export", "--format", "csv", "--index", "/tmp/b"],
        ] {
            assert_eq!(
                Cli::try_parse_from(argv).unwrap().index,
                PathBuf::from("/tmp/b")
            );
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
