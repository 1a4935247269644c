//! `news show ID`: one stored article in full.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::anyhow;
use clap::Args;
use news_query::date::format_rfc3339;
use news_query::ArticleRecord;

use crate::render::{paint, printable, DIM, HEADING, TITLE};

/// Arguments of `news show`.
#[derive(Debug, Args, PartialEq)]
pub struct ShowArgs {
    /// Article id, as search results give it.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Print the stored record as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `news show`.
pub fn run(index: &Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let record = archive
        .article(&args.id)?
        .ok_or_else(|| anyhow!("no article with id `{}`", args.id))?;
    let mut out = anstream::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&record)?)?;
    } else {
        print_article(&mut out, &record)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_article(out: &mut impl Write, record: &ArticleRecord) -> std::io::Result<()> {
    writeln!(out, "{}", paint(TITLE, &record.title))?;
    let date = record
        .date
        .map_or_else(|| "undated".to_owned(), format_rfc3339);
    let meta: Vec<&str> = [
        Some(date.as_str()),
        record.source.as_deref(),
        record.section.as_deref(),
        record.dateline.as_deref(),
        record.author.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(out, "{}", paint(DIM, &meta.join(" · ")))?;
    for (label, value) in [("id", Some(&record.id)), ("url", record.url.as_ref())] {
        if let Some(value) = value {
            writeln!(out, "{}", paint(DIM, &format!("{label}: {value}")))?;
        }
    }
    let lists = [
        ("Persons", &record.persons),
        ("Locations", &record.locations),
        ("Organizations", &record.organizations),
    ];
    for (label, names) in lists {
        if !names.is_empty() {
            writeln!(
                out,
                "{} {}",
                paint(HEADING, &format!("{label:<14}")),
                printable(&names.join(" · "))
            )?;
        }
    }
    writeln!(out)?;
    for line in record.body.trim_end().lines() {
        writeln!(out, "{}", printable(line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ShowArgs,
    }

    #[test]
    fn parses_id_and_json() {
        let args = Wrapper::try_parse_from(["show", "a1", "--json"])
            .unwrap()
            .args;
        assert_eq!(
            args,
            ShowArgs {
                id: "a1".into(),
                json: true
            }
        );
        assert!(Wrapper::try_parse_from(["show"]).is_err());
    }
}
