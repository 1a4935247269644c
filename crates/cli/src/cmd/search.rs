//! `news search QUERY`: hits, facet counts and a month-by-month count.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use news_query::{Archive, FacetCount, PartialDate, SearchRequest, SearchResponse, Sort};

use crate::render::{bar, highlight, paint, DIM, HEADING, MATCH, TITLE};

/// Arguments of `news search`.
#[derive(Debug, Args, PartialEq)]
pub struct SearchArgs {
    /// Query in tantivy syntax: words (all required), AND, OR, NOT, "phrases",
    /// field:value (e.g. person:"Vladimir Putin"); `*` matches everything.
    #[arg(value_name = "QUERY", default_value = "*")]
    pub query: String,
    /// Articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<PartialDate>,
    /// Articles dated on or before the end of this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<PartialDate>,
    /// Articles naming this person (repeatable: any of them).
    #[arg(long = "person", value_name = "NAME")]
    pub persons: Vec<String>,
    /// Articles naming this place or a place inside it (repeatable).
    #[arg(long = "location", value_name = "NAME")]
    pub locations: Vec<String>,
    /// Articles naming this organization (repeatable).
    #[arg(long = "organization", value_name = "NAME")]
    pub organizations: Vec<String>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Hits to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Hits to skip.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `--sort` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

impl SearchArgs {
    /// The library request these arguments describe.
    pub fn to_request(&self) -> SearchRequest {
        SearchRequest {
            query: self.query.clone(),
            from: self.from,
            to: self.to,
            persons: self.persons.clone(),
            locations: self.locations.clone(),
            organizations: self.organizations.clone(),
            sort: match self.sort {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            },
            limit: self.limit,
            offset: self.offset,
            ..SearchRequest::default()
        }
    }
}

/// Runs `news search`.
pub fn run(index: &Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(index).with_context(|| {
        format!(
            "no archive to search; build one with `news index --index {} DIR`",
            index.display()
        )
    })?;
    let response = archive.search(&args.to_request())?;
    if args.json {
        println!("{}", serde_json::to_string(&response)?);
    } else {
        print_human(&args, &response)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_human(args: &SearchArgs, response: &SearchResponse) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let shown_end = args.offset + response.hits.len();
    writeln!(
        out,
        "{} articles match {}{}",
        response.total,
        paint(TITLE, &args.query),
        if response.hits.is_empty() {
            String::new()
        } else {
            format!(" (showing {}-{shown_end})", args.offset + 1)
        }
    )?;
    for (rank, hit) in response.hits.iter().enumerate() {
        let date = hit
            .date
            .as_deref()
            .map_or("undated   ", |d| &d[..10.min(d.len())]);
        writeln!(out)?;
        writeln!(
            out,
            "{:>3}. {}  {}",
            args.offset + rank + 1,
            paint(DIM, date),
            paint(TITLE, &hit.title)
        )?;
        let meta: Vec<&str> = [
            hit.source.as_deref(),
            hit.dateline.as_deref(),
            Some(hit.id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        writeln!(out, "     {}", paint(DIM, &meta.join(" · ")))?;
        writeln!(
            out,
            "     {}",
            highlight(&one_line(&hit.snippet), &hit.highlights, MATCH)
        )?;
    }
    let facets = [
        ("Persons", &response.facets.persons),
        ("Locations", &response.facets.locations),
        ("Organizations", &response.facets.organizations),
    ];
    for (name, values) in facets {
        if !values.is_empty() {
            writeln!(
                out,
                "\n{} {}",
                paint(HEADING, &format!("{name:<14}")),
                facet_line(values)
            )?;
        }
    }
    if !response.histogram.is_empty() {
        writeln!(out, "\n{}", paint(HEADING, "By month"))?;
        let max = response
            .histogram
            .iter()
            .map(|b| b.count)
            .max()
            .unwrap_or(0);
        for bucket in &response.histogram {
            writeln!(
                out,
                "  {:<8} {:>6}  {}",
                bucket.key,
                bucket.count,
                bar(bucket.count, max, 40)
            )?;
        }
    }
    Ok(())
}

fn facet_line(values: &[FacetCount]) -> String {
    values
        .iter()
        .map(|v| format!("{} {}", v.value, paint(DIM, &v.count.to_string())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Snippets keep their line breaks in JSON; on a terminal they read as one line.
/// Replacing each newline by one space keeps the highlight offsets valid.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: SearchArgs,
    }

    fn parse(argv: &[&str]) -> SearchArgs {
        Wrapper::try_parse_from(std::iter::once("search").chain(argv.iter().copied()))
            .unwrap()
            .args
    }

    #[test]
    fn parses_filters_and_paging() {
        let args = parse(&[
            "Tartus",
            "--from",
            "2025",
            "--to",
            "2026-01-31",
            "--person",
            "Vladimir Putin",
            "--person",
            "Ahmed al-Sharaa",
            "--location",
            "Syria",
            "--sort",
            "newest",
            "--limit",
            "5",
            "--offset",
            "10",
            "--json",
        ]);
        assert_eq!(
            args,
            SearchArgs {
                query: "Tartus".into(),
                from: Some(PartialDate::Year(2025)),
                to: Some(PartialDate::Day(2026, 1, 31)),
                persons: vec!["Vladimir Putin".into(), "Ahmed al-Sharaa".into()],
                locations: vec!["Syria".into()],
                organizations: vec![],
                sort: SortArg::Newest,
                limit: 5,
                offset: 10,
                json: true,
            }
        );
        let request = args.to_request();
        assert_eq!(request.sort, Sort::Newest);
        assert_eq!(request.persons.len(), 2);
        assert_eq!(request.facet_limit, SearchRequest::default().facet_limit);
    }

    #[test]
    fn query_defaults_to_everything_and_bad_dates_are_refused() {
        assert_eq!(parse(&[]).query, "*");
        assert!(Wrapper::try_parse_from(["search", "x", "--from", "2026-13"]).is_err());
        assert!(Wrapper::try_parse_from(["search", "x", "--sort", "random"]).is_err());
    }
}
