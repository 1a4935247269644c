//! A small archive with source-given entities, written through the public schema API.

#![allow(dead_code)]

use news_query::date::days_from_civil;
use news_query::schema::{write_records, ArticleRecord};
use news_query::Archive;
use tempfile::TempDir;

/// Unix seconds of a calendar day.
pub fn day(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d) * 86_400
}

/// One article; entities as `;`-separated lists.
pub fn article(id: &str, date: i64, title: &str, body: &str) -> ArticleRecord {
    ArticleRecord {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        date: Some(date),
        ..Default::default()
    }
}

pub fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Sets persons, locations (with `places` = locations plus Syria for Tartus),
/// organizations and source.
pub fn with(
    mut record: ArticleRecord,
    persons: &str,
    locations: &str,
    orgs: &str,
    source: &str,
) -> ArticleRecord {
    record.persons = list(persons);
    record.locations = list(locations);
    record.places = record.locations.clone();
    if record.locations.iter().any(|l| l == "Tartus") && !record.places.iter().any(|p| p == "Syria")
    {
        record.places.push("Syria".into());
    }
    record.organizations = list(orgs);
    record.source = Some(source.into()).filter(|s: &String| !s.is_empty());
    record
}

/// The newsroom fixture: eight articles over 2025-2026.
pub fn newsroom() -> Vec<ArticleRecord> {
    vec![
        with(
            article("seed", day(2026, 1, 28), "Syria’s Sharaa meets Putin in Moscow",
                "Syrian President Ahmed al-Sharaa met Vladimir Putin. They discussed the Tartus naval base and the Hmeimim airbase."),
            "Vladimir Putin; Ahmed al-Sharaa", "Moscow; Russia; Syria; Tartus", "Kremlin", "Seed"),
        with(
            article("tartous-wheat", day(2026, 1, 10), "Wheat cargoes return to Tartous",
                "Wheat cargoes arrived at the port of Tartus after months of delay."),
            "", "Tartus", "World Food Programme", "Levant Wire"),
        with(
            article("putin-energy", day(2025, 11, 3), "Putin talks energy with Erdogan",
                "Vladimir Putin and Recep Tayyip Erdogan discussed gas pipelines in Ankara."),
            "Vladimir Putin; Recep Tayyip Erdogan", "Ankara; Turkey", "Gazprom", "Daily Courier"),
        with(
            article("sharaa-paris", day(2025, 9, 14), "Sharaa visits Paris",
                "Ahmed al-Sharaa met Emmanuel Macron in Paris to discuss reconstruction."),
            "Ahmed al-Sharaa; Emmanuel Macron", "Paris; France", "", "Daily Courier"),
        with(
            article("grain-deal", day(2025, 7, 2), "Grain deal extended",
                "The grain corridor deal was extended; the World Food Programme welcomed it."),
            "", "Odesa; Ukraine", "World Food Programme; United Nations", "Levant Wire"),
        with(
            article("macron-budget", day(2025, 3, 20), "Macron presents budget",
                "Emmanuel Macron presented a budget with cuts to energy subsidies."),
            "Emmanuel Macron", "Paris; France", "", "Daily Courier"),
        with(
            article("football", day(2025, 5, 5), "Cup final ends in draw",
                "The cup final in Madrid ended in a draw after extra time."),
            "", "Madrid; Spain", "", "Sports Desk"),
        with(
            article("undated", 0, "Undated briefing on Tartus", "A briefing about the Tartus port."),
            "", "Tartus", "", "Levant Wire"),
    ]
    .into_iter()
    .map(|mut r| {
        if r.id == "undated" {
            r.date = None;
        }
        r
    })
    .collect()
}

/// Writes `records` (one commit per chunk, so several segments) and opens the archive.
pub fn archive_of(records: &[ArticleRecord], chunk: usize) -> (TempDir, Archive) {
    let dir = TempDir::new().unwrap();
    for part in records.chunks(chunk.max(1)) {
        write_records(dir.path(), part).unwrap();
    }
    let archive = Archive::open(dir.path()).unwrap();
    (dir, archive)
}

pub fn ids(response: &news_query::SearchResponse) -> Vec<&str> {
    response.hits.iter().map(|h| h.id.as_str()).collect()
}

pub fn facet(counts: &[news_query::FacetCount]) -> Vec<(&str, u64)> {
    counts.iter().map(|c| (c.value.as_str(), c.count)).collect()
}
