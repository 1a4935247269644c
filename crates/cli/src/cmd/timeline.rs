//! `news timeline QUERY --by month`: a bar chart of coverage over time, each
//! bucket with its share of all articles passing the filters.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use news_query::{Interval, SearchRequest, Timeline};

use crate::cmd::filters::FilterArgs;
use crate::render::{bar, count, paint, DIM, HEADING, NOTICE};

/// Arguments of `news timeline`.
#[derive(Debug, Args, PartialEq)]
pub struct TimelineArgs {
    /// Query in tantivy syntax, as for `news search`; `*` for everything.
    #[arg(value_name = "QUERY", default_value = "*")]
    pub query: String,
    /// Bucket size.
    #[arg(long, value_enum, default_value_t = ByArg::Month)]
    pub by: ByArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print the library's `Timeline` as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--by` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Per calendar day.
    Day,
    /// Per ISO week (from Monday).
    Week,
    /// Per calendar month.
    Month,
    /// Per year.
    Year,
}

impl From<ByArg> for Interval {
    fn from(by: ByArg) -> Self {
        match by {
            ByArg::Day => Interval::Day,
            ByArg::Week => Interval::Week,
            ByArg::Month => Interval::Month,
            ByArg::Year => Interval::Year,
        }
    }
}

impl TimelineArgs {
    /// The library request these arguments describe.
    pub fn to_request(&self) -> SearchRequest {
        self.filters.apply(SearchRequest::new(self.query.clone()))
    }
}

/// Runs `news timeline`.
pub fn run(index: &Path, args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let timeline = archive.timeline(&args.to_request(), args.by.into())?;
    let mut out = anstream::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&timeline)?)?;
    } else {
        draw(&mut out, &args.query, &timeline)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Bars scale with the count; the share of coverage is printed beside them.
fn draw(out: &mut impl Write, query: &str, timeline: &Timeline) -> std::io::Result<()> {
    for notice in &timeline.notices {
        writeln!(out, "{}", paint(NOTICE, &format!("note: {notice}")))?;
    }
    let verb = if timeline.total == 1 {
        "matches"
    } else {
        "match"
    };
    writeln!(out, "{} {verb} {query}", count(timeline.total, "article"))?;
    writeln!(
        out,
        "{}",
        paint(
            HEADING,
            &format!(
                "{:<10} {:>7} {:>8} {:>7}",
                "period", "matches", "of all", "share"
            )
        )
    )?;
    let max = timeline.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    for bucket in &timeline.buckets {
        writeln!(
            out,
            "{:<10} {:>7} {} {:>6.1}%  {}",
            bucket.key,
            bucket.count,
            paint(DIM, &format!("{:>8}", bucket.total)),
            bucket.ratio * 100.0,
            bar(bucket.count, max, 40)
        )?;
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
        args: TimelineArgs,
    }

    #[test]
    fn parses_query_interval_and_filters() {
        let args =
            Wrapper::try_parse_from(["timeline", "oil", "--by", "week", "--source", "Reuters"])
                .unwrap()
                .args;
        assert_eq!(
            args,
            TimelineArgs {
                query: "oil".into(),
                by: ByArg::Week,
                filters: FilterArgs {
                    sources: vec!["Reuters".into()],
                    ..Default::default()
                },
                json: false,
            }
        );
        assert_eq!(
            args.to_request(),
            SearchRequest::new("oil")
                .source("Reuters")
                .timeout(Some(std::time::Duration::from_secs(30)))
        );
        assert_eq!(
            Wrapper::try_parse_from(["timeline"]).unwrap().args.by,
            ByArg::Month
        );
    }
}
