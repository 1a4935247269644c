//! A small JSON Lines archive with source-given entities, for the commands
//! that need people and places while the extractor is still a placeholder.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::json;
use tempfile::TempDir;

use crate::support::index;

/// The archive, built once for all tests of this binary.
pub fn newsroom_archive() -> &'static Path {
    static ARCHIVE: OnceLock<(TempDir, TempDir)> = OnceLock::new();
    let (_, archive) = ARCHIVE.get_or_init(|| {
        let input = TempDir::new().unwrap();
        let file = input.path().join("newsroom.jsonl");
        let lines: Vec<String> = articles().iter().map(|a| a.to_string()).collect();
        std::fs::write(&file, lines.join("\n")).unwrap();
        let archive = index(&[&file]);
        (input, archive)
    });
    archive.path()
}

fn articles() -> Vec<serde_json::Value> {
    let article = |id: &str,
                   date: &str,
                   title: &str,
                   body: &str,
                   persons: &[&str],
                   locations: &[&str],
                   orgs: &[&str],
                   source: &str,
                   section: &str| {
        json!({"id": id, "date": date, "title": title, "body": body, "persons": persons,
               "locations": locations, "organizations": orgs, "source": source, "section": section})
    };
    vec![
        article("kremlin", "2026-01-28", "Sharaa meets Putin in Moscow",
            "Ahmed al-Sharaa met Vladimir Putin in Moscow. They discussed the Tartus naval base and the Hmeimim airbase.",
            &["Vladimir Putin", "Ahmed al-Sharaa"], &["Moscow", "Russia", "Syria", "Tartus"], &["Kremlin"], "Wire One", "politics"),
        article("frigate", "2026-01-12", "Russian frigate returns to Tartus",
            "A Russian frigate docked at Tartus naval base, the first since Vladimir Putin agreed a new lease.",
            &["Vladimir Putin"], &["Tartus", "Syria"], &["Russian Navy"], "Wire Two", "defence"),
        article("ankara", "2025-11-03", "Putin and Erdogan discuss gas",
            "Vladimir Putin and Recep Tayyip Erdogan discussed gas pipelines in Ankara.",
            &["Vladimir Putin", "Recep Tayyip Erdogan"], &["Ankara", "Turkey"], &["Gazprom"], "Wire One", "economy"),
        article("paris", "2025-09-14", "Sharaa visits Paris",
            "Ahmed al-Sharaa met Emmanuel Macron in Paris to discuss reconstruction.",
            &["Ahmed al-Sharaa", "Emmanuel Macron"], &["Paris", "France"], &[], "Wire Two", "politics"),
        article("budget", "2025-03-20", "Macron presents a budget",
            "Emmanuel Macron presented a budget cutting energy subsidies, a \"hard\" choice, he said.",
            &["Emmanuel Macron"], &["Paris", "France"], &[], "Wire One", "economy"),
        article("final", "2025-05-05", "Cup final ends in a draw",
            "The cup final in Madrid ended in a draw.", &[], &["Madrid", "Spain"], &[], "Sports Desk", "sport"),
    ]
}
