//! `news search QUERY`: hits, facet counts and a calendar histogram, as a
//! table for people or as JSON, JSON lines or CSV for programs.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use news_query::{Interval, SearchRequest, Sort};

use crate::cmd::filters::FilterArgs;

mod print;

/// Arguments of `news search`.
#[derive(Debug, Args, PartialEq)]
pub struct SearchArgs {
    /// Query in tantivy syntax: words (all required), AND, OR, NOT, "phrases",
    /// "a b"~2 (slop), word~1 (fuzzy), field:value (e.g. person:"Vladimir Putin");
    /// `*` matches everything, `NOT x` everything but x.
    #[arg(value_name = "QUERY", default_value = "*")]
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Hits to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Hits to skip (up to 10,000 deep; use --cursor beyond).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Continue after an earlier page: its `next_cursor`.
    #[arg(long, value_name = "CURSOR")]
    pub cursor: Option<String>,
    /// Values to show per facet (0: none).
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub facet_limit: usize,
    /// Histogram bucket.
    #[arg(long, value_enum, default_value_t = HistogramArg::Month)]
    pub histogram: HistogramArg,
    /// Show every near-duplicate instead of one hit per cluster.
    #[arg(long)]
    pub all_copies: bool,
    /// List the ids of each hit's near-duplicates.
    #[arg(long)]
    pub similar_ids: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Shorthand for --format json.
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

/// `--histogram` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HistogramArg {
    /// Per calendar day.
    Day,
    /// Per ISO week (from Monday).
    Week,
    /// Per calendar month.
    Month,
    /// Per year.
    Year,
    /// No histogram.
    None,
}

impl HistogramArg {
    /// The library interval, `None` for no histogram.
    pub fn interval(self) -> Option<Interval> {
        match self {
            HistogramArg::Day => Some(Interval::Day),
            HistogramArg::Week => Some(Interval::Week),
            HistogramArg::Month => Some(Interval::Month),
            HistogramArg::Year => Some(Interval::Year),
            HistogramArg::None => None,
        }
    }
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Hits, facets and histogram for people.
    Table,
    /// The library's `SearchResponse` as one JSON object.
    Json,
    /// One JSON hit per line.
    Ndjson,
    /// One CSV row per hit, with a header.
    Csv,
}

impl SearchArgs {
    /// The library request these arguments describe.
    pub fn to_request(&self) -> SearchRequest {
        let request = SearchRequest {
            query: self.query.clone(),
            sort: match self.sort {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            },
            limit: self.limit,
            offset: self.offset,
            cursor: self.cursor.clone(),
            facet_limit: self.facet_limit,
            histogram: self.histogram.interval(),
            all_copies: self.all_copies,
            include_similar_ids: self.similar_ids,
            ..SearchRequest::default()
        };
        self.filters.apply(request)
    }

    /// The output format, `--json` winning.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

/// Runs `news search`.
pub fn run(index: &Path, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let response = archive.search(&args.to_request())?;
    let mut out = anstream::stdout().lock();
    match args.format() {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&response)?)?,
        Format::Ndjson => {
            for hit in &response.hits {
                writeln!(out, "{}", serde_json::to_string(hit)?)?;
            }
        }
        Format::Csv => print::csv(&mut out, &response.hits)?,
        Format::Table => print::table(&mut out, &args, &response)?,
    }
    if args.format() != Format::Table {
        for notice in &response.notices {
            eprintln!("note: {notice}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::filters::Timeout;
    use clap::Parser;
    use news_query::PartialDate;

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
    fn parses_filters_paging_and_output() {
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
            "--source",
            "Seed",
            "--section",
            "World",
            "--language",
            "de",
            "--sort",
            "newest",
            "--limit",
            "5",
            "--cursor",
            "abc",
            "--facet-limit",
            "3",
            "--histogram",
            "week",
            "--all-copies",
            "--similar-ids",
            "--format",
            "csv",
            "--timeout",
            "1500ms",
        ]);
        assert_eq!(
            args,
            SearchArgs {
                query: "Tartus".into(),
                filters: FilterArgs {
                    from: Some(PartialDate::Year(2025)),
                    to: Some(PartialDate::Day(2026, 1, 31)),
                    persons: vec!["Vladimir Putin".into(), "Ahmed al-Sharaa".into()],
                    locations: vec!["Syria".into()],
                    organizations: vec![],
                    sources: vec!["Seed".into()],
                    sections: vec!["World".into()],
                    languages: vec!["de".into()],
                    timeout: Timeout(Some(std::time::Duration::from_millis(1_500))),
                },
                sort: SortArg::Newest,
                limit: 5,
                offset: 0,
                cursor: Some("abc".into()),
                facet_limit: 3,
                histogram: HistogramArg::Week,
                all_copies: true,
                similar_ids: true,
                format: Format::Csv,
                json: false,
            }
        );
        let request = args.to_request();
        assert_eq!(
            request,
            SearchRequest::new("Tartus")
                .since(PartialDate::Year(2025))
                .until(PartialDate::Day(2026, 1, 31))
                .person("Vladimir Putin")
                .person("Ahmed al-Sharaa")
                .location("Syria")
                .source("Seed")
                .section("World")
                .language("de")
                .sort(Sort::Newest)
                .limit(5)
                .cursor("abc")
                .facet_limit(3)
                .histogram(Some(Interval::Week))
                .all_copies(true)
                .include_similar_ids(true)
                .timeout(Some(std::time::Duration::from_millis(1_500)))
        );
    }

    #[test]
    fn json_is_shorthand_and_defaults_hold() {
        let args = parse(&["--json"]);
        assert_eq!((args.query.as_str(), args.format()), ("*", Format::Json));
        assert_eq!(parse(&["--histogram", "none"]).to_request().histogram, None);
        assert_eq!(
            parse(&[]).to_request(),
            SearchRequest::new("*").timeout(Some(std::time::Duration::from_secs(30)))
        );
        assert_eq!(parse(&["--timeout", "0"]).to_request().timeout_ms, None);
        assert!(Wrapper::try_parse_from(["search", "x", "--from", "2026-13"]).is_err());
        assert!(Wrapper::try_parse_from(["search", "x", "--sort", "random"]).is_err());
        assert!(Wrapper::try_parse_from(["search", "x", "--format", "xml"]).is_err());
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(print::csv_field("plain"), "plain");
        assert_eq!(print::csv_field("a, b"), "\"a, b\"");
        assert_eq!(print::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
