//! `news search QUERY`: hits, facet counts and a calendar histogram, as a
//! table for people or as JSON, JSON lines or CSV for programs.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use news_query::{FacetCount, Hit, Interval, SearchRequest, SearchResponse, Sort};

use crate::cmd::filters::FilterArgs;
use crate::render::{bar, highlight, paint, DIM, HEADING, MATCH, NOTICE, TITLE};

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
        Format::Csv => write_csv(&mut out, &response.hits)?,
        Format::Table => print_table(&mut out, &args, &response)?,
    }
    if args.format() != Format::Table {
        for notice in &response.notices {
            eprintln!("note: {notice}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(
    out: &mut impl Write,
    args: &SearchArgs,
    response: &SearchResponse,
) -> std::io::Result<()> {
    for notice in &response.notices {
        writeln!(out, "{}", paint(NOTICE, &format!("note: {notice}")))?;
    }
    let first = if args.cursor.is_some() {
        1
    } else {
        args.offset + 1
    };
    writeln!(
        out,
        "{} articles match {}{}",
        response.total,
        paint(TITLE, &args.query),
        if response.hits.is_empty() {
            String::new()
        } else if args.cursor.is_some() {
            format!(" (showing {} more)", response.hits.len())
        } else {
            format!(" (showing {first}-{})", args.offset + response.hits.len())
        }
    )?;
    for (rank, hit) in response.hits.iter().enumerate() {
        print_hit(out, first + rank, hit)?;
    }
    let facets = [
        ("Persons", &response.facets.persons),
        ("Locations", &response.facets.locations),
        ("Organizations", &response.facets.organizations),
        ("Sources", &response.facets.sources),
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
        let by = args
            .histogram
            .to_possible_value()
            .map(|v| v.get_name().to_owned());
        writeln!(
            out,
            "\n{}",
            paint(HEADING, &format!("By {}", by.unwrap_or_default()))
        )?;
        let max = response
            .histogram
            .iter()
            .map(|b| b.count)
            .max()
            .unwrap_or(0);
        for bucket in &response.histogram {
            writeln!(
                out,
                "  {:<10} {:>6}  {}",
                bucket.key,
                bucket.count,
                bar(bucket.count, max, 40)
            )?;
        }
    }
    if let Some(cursor) = &response.next_cursor {
        writeln!(out, "\n{}", paint(DIM, &format!("more: --cursor {cursor}")))?;
    }
    Ok(())
}

fn print_hit(out: &mut impl Write, rank: usize, hit: &Hit) -> std::io::Result<()> {
    let date = hit
        .date
        .as_deref()
        .map_or("undated   ", |d| &d[..10.min(d.len())]);
    writeln!(out)?;
    writeln!(
        out,
        "{rank:>3}. {}  {}",
        paint(DIM, date),
        highlight(&hit.title, &hit.title_highlights, TITLE.bold().underline())
    )?;
    let similar = (hit.similar_count > 0).then(|| format!("+{} similar", hit.similar_count));
    let meta: Vec<&str> = [
        hit.source.as_deref(),
        hit.dateline.as_deref(),
        Some(hit.id.as_str()),
        similar.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(out, "     {}", paint(DIM, &meta.join(" · ")))?;
    if hit.fragments.is_empty() {
        writeln!(out, "     {}", one_line(&hit.snippet))?;
    }
    for fragment in &hit.fragments {
        writeln!(
            out,
            "     {}",
            highlight(&one_line(&fragment.text), &fragment.highlights, MATCH)
        )?;
    }
    if !hit.similar_ids.is_empty() {
        writeln!(
            out,
            "     {}",
            paint(DIM, &format!("similar: {}", hit.similar_ids.join(", ")))
        )?;
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

const CSV_HEADER: [&str; 11] = [
    "id",
    "date",
    "title",
    "source",
    "section",
    "url",
    "score",
    "persons",
    "locations",
    "organizations",
    "similar_count",
];

fn write_csv(out: &mut impl Write, hits: &[Hit]) -> std::io::Result<()> {
    writeln!(out, "{}", CSV_HEADER.join(","))?;
    for hit in hits {
        let fields = [
            hit.id.clone(),
            hit.date.clone().unwrap_or_default(),
            hit.title.clone(),
            hit.source.clone().unwrap_or_default(),
            hit.section.clone().unwrap_or_default(),
            hit.url.clone().unwrap_or_default(),
            hit.score.to_string(),
            hit.persons.join("; "),
            hit.locations.join("; "),
            hit.organizations.join("; "),
            hit.similar_count.to_string(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// RFC 4180: quote fields holding a comma, quote or line break; double quotes inside.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
                .sort(Sort::Newest)
                .limit(5)
                .cursor("abc")
                .facet_limit(3)
                .histogram(Some(Interval::Week))
                .all_copies(true)
                .include_similar_ids(true)
        );
    }

    #[test]
    fn json_is_shorthand_and_defaults_hold() {
        let args = parse(&["--json"]);
        assert_eq!((args.query.as_str(), args.format()), ("*", Format::Json));
        assert_eq!(parse(&["--histogram", "none"]).to_request().histogram, None);
        assert_eq!(parse(&[]).to_request(), SearchRequest::new("*"));
        assert!(Wrapper::try_parse_from(["search", "x", "--from", "2026-13"]).is_err());
        assert!(Wrapper::try_parse_from(["search", "x", "--sort", "random"]).is_err());
        assert!(Wrapper::try_parse_from(["search", "x", "--format", "xml"]).is_err());
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
