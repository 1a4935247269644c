//! How `news search` prints a response: a table for people, CSV rows for
//! spreadsheets (JSON forms are serde's).

use std::io::Write;

use clap::ValueEnum;
use news_query::{FacetCount, Hit, SearchResponse};

use super::SearchArgs;
use crate::render::{bar, count, highlight, paint, printable, DIM, HEADING, MATCH, NOTICE, TITLE};

pub(super) fn table(
    out: &mut impl Write,
    args: &SearchArgs,
    response: &SearchResponse,
) -> std::io::Result<()> {
    // Kept long: the human output, section by section, as it appears on screen.
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
        "{} {} {}{}",
        count(response.total, "article"),
        if response.total == 1 {
            "matches"
        } else {
            "match"
        },
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
        ("Languages", &response.facets.languages),
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
        writeln!(out, "     {}", printable(&one_line(&hit.snippet)))?;
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
        .map(|v| {
            let n = paint(DIM, &v.count.to_string());
            format!("{} {n}", printable(&v.value))
        })
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

pub(super) fn csv(out: &mut impl Write, hits: &[Hit]) -> std::io::Result<()> {
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
pub(super) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
