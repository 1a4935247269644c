//! `news related ID`: articles sharing an article's rarer words, people and places.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use crate::cmd::filters::{parse_timeout, Timeout, DEFAULT_TIMEOUT};
use crate::render::{paint, printable, DIM, TITLE};

/// Arguments of `news related`.
#[derive(Debug, Args, PartialEq)]
pub struct RelatedArgs {
    /// Article id, as search results give it.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Articles to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Print the hits as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Stop past this time and fail (exit 2): 500ms, 30s, 2m; 0 for no limit.
    #[arg(long, value_name = "DURATION", default_value = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: Timeout,
}

/// Runs `news related`.
pub fn run(index: &Path, args: RelatedArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let hits = archive.related_within(&args.id, args.limit, args.timeout.0)?;
    let mut out = anstream::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&hits)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    // `related` succeeded, so the article exists.
    let source = archive.article(&args.id)?.unwrap_or_default();
    let named: Vec<&String> = source.persons.iter().chain(&source.locations).collect();
    writeln!(
        out,
        "{} articles related to {}",
        hits.len(),
        paint(TITLE, &source.title)
    )?;
    for (rank, hit) in hits.iter().enumerate() {
        let date = hit
            .date
            .as_deref()
            .map_or("undated   ", |d| &d[..10.min(d.len())]);
        writeln!(
            out,
            "\n{:>3}. {}  {}",
            rank + 1,
            paint(DIM, date),
            paint(TITLE, &hit.title)
        )?;
        let shared: Vec<&str> = hit
            .persons
            .iter()
            .chain(&hit.locations)
            .filter(|name| named.contains(name))
            .map(String::as_str)
            .collect();
        let meta = [hit.source.as_deref().unwrap_or(""), hit.id.as_str()].join(" · ");
        writeln!(
            out,
            "     {}",
            paint(DIM, &format!("{meta} · score {:.2}", hit.score))
        )?;
        if !shared.is_empty() {
            writeln!(out, "     shared: {}", printable(&shared.join(" · ")))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: RelatedArgs,
    }

    #[test]
    fn parses_id_limit_and_json() {
        let args = Wrapper::try_parse_from(["related", "a1", "--limit", "3", "--json"])
            .unwrap()
            .args;
        assert_eq!(
            args,
            RelatedArgs {
                id: "a1".into(),
                limit: 3,
                json: true,
                timeout: Timeout::default(),
            }
        );
        assert_eq!(
            Wrapper::try_parse_from(["related", "a1"])
                .unwrap()
                .args
                .limit,
            10
        );
    }
}
